//! A programme metric's value from its source: the result rows period by period, the linked
//! uplift test's relative lift, or the programme's signal counts.

use super::periods::{partial_last_period, readings, PartialPeriod, Readings};
use super::status::MetricStatus;
use crate::Workspace;
use microplan_model::rows::DeliverableResult;
use microplan_plan::objectives::{signal_ratio, MetricPlan, MetricUnit, ObjectivePlan};
use microplan_plan::results::{metric, MetricContext, MetricKey};
use microplan_plan::results_plan::PeriodKind;
use microplan_uplift::arms::{analyse_test, AnalysisOptions};

/// Totals are compared per period; rates and costs per outcome over all rows.
fn is_total(key: MetricKey) -> bool {
    use MetricKey::*;
    matches!(
        key,
        Reach
            | Views
            | Impressions
            | Engagements
            | LinkClicks
            | CodeRedemptions
            | Orders
            | Revenue
            | Cost
    )
}

pub(super) struct Observation {
    pub readings: Option<Readings>,
    pub values: Vec<f64>,
    pub observed: Option<f64>,
    pub text: String,
}

pub(super) fn observe_results(
    rows: &[&DeliverableResult],
    key: MetricKey,
    status: &MetricStatus,
    period: PeriodKind,
    context: &MetricContext,
) -> Observation {
    let read = readings(rows, key, period, context);
    let values = read.complete_values();
    let partial = partial_last_period(&read);
    let left_out = left_out_note(&read, partial.as_ref(), period);
    if rows.is_empty() {
        let text = "No results yet: import them in the Results table below.".to_string();
        return Observation {
            readings: Some(read),
            values,
            observed: None,
            text,
        };
    }
    let (observed, text) = if is_total(key) {
        average_per_period(&values, key, status, period, partial.is_some(), &left_out)
    } else {
        let all = metric(rows, key, context);
        match all.value {
            Some(value) => (
                Some(value),
                format!(
                    "{} over {} of {} rows ({}).",
                    status.show(value),
                    all.rows_used,
                    all.rows_total,
                    key.formula()
                ),
            ),
            None => (
                None,
                all.note
                    .unwrap_or_else(|| "No value from the results.".to_string()),
            ),
        }
    };
    Observation {
        readings: Some(read),
        values,
        observed,
        text,
    }
}

/// What the readings leave out, each with a leading space: a partial last period, rows
/// without a date, periods with results but no value.
fn left_out_note(read: &Readings, partial: Option<&PartialPeriod>, period: PeriodKind) -> String {
    let mut note = String::new();
    if let Some(partial) = partial {
        note.push_str(&format!(" {}", partial.note()));
    }
    if read.undated_rows > 0 {
        note.push_str(&format!(
            " {} row(s) without a date are in no period.",
            read.undated_rows
        ));
    }
    if read.periods_without_value() > 0 {
        note.push_str(&format!(
            " {} {} with results but no value are left out.",
            read.periods_without_value(),
            period.plural()
        ));
    }
    note
}

/// A total's average per complete period and the sentence explaining it.
fn average_per_period(
    values: &[f64],
    key: MetricKey,
    status: &MetricStatus,
    period: PeriodKind,
    partial: bool,
    left_out: &str,
) -> (Option<f64>, String) {
    let total: f64 = values.iter().sum();
    let count = values.len();
    if count == 0 {
        return (
            None,
            format!(
                "No dated result row reports {}.{left_out}",
                key.label().to_lowercase()
            ),
        );
    }
    let average = total / count as f64;
    (
        Some(average),
        format!(
            "{} per {} on average: {} over {count} {}{} with results (baselines of counts are per {}).{left_out}",
            status.show(average),
            period.noun(),
            status.show(total),
            if partial { "complete " } else { "" },
            if count == 1 { period.noun() } else { period.plural() },
            period.noun()
        ),
    )
}

pub(super) fn observe_test(workspace: &Workspace, metric: &MetricPlan) -> Observation {
    let none = |text: String| Observation {
        readings: None,
        values: Vec::new(),
        observed: None,
        text,
    };
    let Some(test) = &metric.uplift_test else {
        return none(
            "No uplift test is linked to this metric: link one on the Programme page.".to_string(),
        );
    };
    match analyse_test(
        &workspace.test_arms,
        test,
        &AnalysisOptions::default(),
        None,
    ) {
        Ok(analysis) => {
            let best = analysis
                .comparisons
                .iter()
                .filter_map(|c| c.lift.map(|l| (c.arm.clone(), l)))
                .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0));
            match best {
                Some((arm, (lift, low, high))) => Observation {
                    readings: None,
                    values: vec![lift],
                    observed: Some(lift),
                    text: format!(
                        "“{test}”, {arm} against control: relative lift {} (95% {} to {}), one reading for the whole test.",
                        microplan_model::format::percent(lift),
                        microplan_model::format::percent(low),
                        microplan_model::format::percent(high)
                    ),
                },
                None => none(format!("“{test}”: the control has no conversions, so a relative lift is undefined.")),
            }
        }
        Err(error) => none(format!("{error}.")),
    }
}

pub(super) fn observe_signal(
    plan: &ObjectivePlan,
    kind: microplan_plan::objectives::SignalKind,
    metric: &MetricPlan,
) -> Observation {
    let entry = plan.signals.iter().find(|s| s.kind == kind);
    let none = |text: String| Observation {
        readings: None,
        values: Vec::new(),
        observed: None,
        text,
    };
    let Some(entry) = entry else {
        return none(format!(
            "The programme has no “{}” signal: add its counts on the Programme page.",
            kind.label()
        ));
    };
    // The reason a value is missing becomes the observation's text.
    let value = if metric.unit == MetricUnit::Count {
        match entry.numerator {
            Some(count) => count as f64,
            None => {
                return none(format!(
                    "Enter {} on the Programme page.",
                    kind.numerator_label().to_lowercase()
                ))
            }
        }
    } else {
        match signal_ratio(entry) {
            Ok(ratio) => ratio,
            Err(error) => return none(error.to_string()),
        }
    };
    Observation {
        readings: None,
        values: vec![value],
        observed: Some(value),
        text: format!(
            "From the programme's signal counts: {} / {}.",
            kind.numerator_label(),
            kind.denominator_label().to_lowercase()
        ),
    }
}
