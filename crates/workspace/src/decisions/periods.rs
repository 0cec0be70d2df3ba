//! Result rows bucketed into reporting periods (Monday weeks, calendar months or campaigns)
//! by the date of the post, and a metric read per period. A row without a date is counted
//! in no period; the count of such rows is reported.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::format::{date_text, month_text};
use microplan_model::rows::DeliverableResult;
use microplan_plan::results::{metric, MetricContext, MetricKey, MetricValue};
use microplan_plan::results_plan::PeriodKind;

/// One period's reading of a metric.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodReading {
    /// First day of the week or month; the first post of a campaign.
    pub start: NaiveDate,
    /// "Week of 13 Apr 2026", "April 2026", "Spring pilot 2026".
    pub label: String,
    pub rows: usize,
    pub value: MetricValue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Readings {
    pub period: PeriodKind,
    /// Oldest first; only periods with at least one dated row.
    pub readings: Vec<PeriodReading>,
    /// Rows left out because they carry no date.
    pub undated_rows: usize,
}

impl Readings {
    /// The values of the periods that have one, oldest first (for threshold checks).
    pub fn values(&self) -> Vec<f64> {
        self.readings
            .iter()
            .filter_map(|r| r.value.value)
            .filter(|v| v.is_finite())
            .collect()
    }

    /// The values of the complete periods, oldest first: a partial last period is left out
    /// (see [`partial_last_period`]).
    pub fn complete_values(&self) -> Vec<f64> {
        let partial = partial_last_period(self).map(|p| p.index);
        self.readings
            .iter()
            .enumerate()
            .filter(|(index, _)| Some(*index) != partial)
            .filter_map(|(_, r)| r.value.value)
            .filter(|v| v.is_finite())
            .collect()
    }

    /// Periods whose value could not be computed (e.g. no reach to divide by).
    pub fn periods_without_value(&self) -> usize {
        self.readings
            .iter()
            .filter(|r| r.value.value.is_none())
            .count()
    }
}

/// A last period left out of decisions because it holds only a scrap of a period's results.
#[derive(Debug, Clone, PartialEq)]
pub struct PartialPeriod {
    pub index: usize,
    pub label: String,
    pub rows: usize,
    /// The median rows of the earlier periods.
    pub usual: f64,
}

impl PartialPeriod {
    /// "Week of 27 Apr 2026 is left out as partial: 1 result row against a usual 7.5."
    pub fn note(&self) -> String {
        format!(
            "{} is left out as partial: {} against a usual {}.",
            self.label,
            microplan_model::format::plural(self.rows as u64, "result row", "result rows"),
            microplan_model::format::number_text(
                self.usual,
                if self.usual.fract() == 0.0 { 0 } else { 1 }
            )
        )
    }
}

/// The last week or month is partial when it holds fewer than half the result rows of the
/// median earlier period: a late stray deliverable, not a period's worth of results, whose
/// sum would read as a collapse. Campaigns are never partial; a lone period is kept.
pub fn partial_last_period(read: &Readings) -> Option<PartialPeriod> {
    if read.period == PeriodKind::Campaign || read.readings.len() < 2 {
        return None;
    }
    let (last, earlier) = read.readings.split_last()?;
    let mut rows: Vec<usize> = earlier.iter().map(|r| r.rows).collect();
    rows.sort_unstable();
    let middle = rows.len() / 2;
    let usual = if rows.len() % 2 == 1 {
        *rows.get(middle)? as f64
    } else {
        (*rows.get(middle.checked_sub(1)?)? as f64 + *rows.get(middle)? as f64) / 2.0
    };
    ((last.rows as f64) * 2.0 < usual).then(|| PartialPeriod {
        index: earlier.len(),
        label: last.label.clone(),
        rows: last.rows,
        usual,
    })
}

/// The first day of the week (Monday) or month that holds `date`; campaigns have no
/// calendar start, so `Campaign` returns the date itself.
pub fn period_of(date: NaiveDate, kind: PeriodKind) -> NaiveDate {
    match kind {
        // The calendar's first days have no Monday before them: they open their own week.
        PeriodKind::Week => microplan_model::limits::add_days(
            date,
            -i64::from(date.weekday().num_days_from_monday()),
        )
        .unwrap_or(date),
        PeriodKind::Month => date.with_day(1).unwrap_or(date),
        PeriodKind::Campaign => date,
    }
}

/// One period's start, label and rows.
pub type Bucket<'a> = (NaiveDate, String, Vec<&'a DeliverableResult>);

/// Rows per period, oldest first, and the number of rows without a date.
pub fn buckets<'a>(rows: &[&'a DeliverableResult], kind: PeriodKind) -> (Vec<Bucket<'a>>, usize) {
    let undated = rows.iter().filter(|row| row.date.is_none()).count();
    let dated = rows
        .iter()
        .filter_map(|row| row.date.map(|date| (date, *row)));
    let mut out = Vec::new();
    match kind {
        PeriodKind::Week | PeriodKind::Month => {
            let mut by_start: BTreeMap<NaiveDate, Vec<&DeliverableResult>> = BTreeMap::new();
            for (date, row) in dated {
                by_start.entry(period_of(date, kind)).or_default().push(row);
            }
            for (start, members) in by_start {
                let label = if kind == PeriodKind::Week {
                    format!("Week of {}", date_text(start))
                } else {
                    month_text(start)
                };
                out.push((start, label, members));
            }
        }
        PeriodKind::Campaign => {
            let mut by_campaign: BTreeMap<String, (NaiveDate, Vec<&DeliverableResult>)> =
                BTreeMap::new();
            for (date, row) in dated {
                let name = if row.campaign.trim().is_empty() {
                    "No campaign".to_string()
                } else {
                    row.campaign.trim().to_string()
                };
                let entry = by_campaign.entry(name).or_insert((date, Vec::new()));
                entry.0 = entry.0.min(date);
                entry.1.push(row);
            }
            out = by_campaign
                .into_iter()
                .map(|(name, (start, members))| (start, name, members))
                .collect();
            out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        }
    }
    (out, undated)
}

/// A result metric read per period: sums for counts, ratios for rates, each over that
/// period's rows only.
pub fn readings(
    rows: &[&DeliverableResult],
    key: MetricKey,
    kind: PeriodKind,
    context: &MetricContext,
) -> Readings {
    let (periods, undated_rows) = buckets(rows, kind);
    let readings = periods
        .into_iter()
        .map(|(start, label, members)| PeriodReading {
            start,
            label,
            rows: members.len(),
            value: metric(&members, key, context),
        })
        .collect();
    Readings {
        period: kind,
        readings,
        undated_rows,
    }
}
