//! Result rows bucketed into reporting periods (Monday weeks, calendar months or campaigns)
//! by the date of the post, and a metric read per period. A row without a date is counted
//! in no period; the count of such rows is reported.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::format::{date_text, month_text};
use super::PeriodKind;
use crate::domain::results::{metric, MetricContext, MetricKey, MetricValue};
use crate::domain::workspace::DeliverableResult;

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

    /// Periods whose value could not be computed (e.g. no reach to divide by).
    pub fn periods_without_value(&self) -> usize {
        self.readings
            .iter()
            .filter(|r| r.value.value.is_none())
            .count()
    }
}

/// The first day of the week (Monday) or month that holds `date`; campaigns have no
/// calendar start, so `Campaign` returns the date itself.
pub fn period_of(date: NaiveDate, kind: PeriodKind) -> NaiveDate {
    match kind {
        // The calendar's first days have no Monday before them: they open their own week.
        PeriodKind::Week => crate::domain::limits::add_days(date, -i64::from(date.weekday().num_days_from_monday())).unwrap_or(date),
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
