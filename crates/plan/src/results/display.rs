//! How metric values read: numbers with their unit, the interval, the "n of m rows" hint,
//! and the performance table as CSV cells (fractions stay fractions in the CSV).

use super::{MetricKey, MetricValue};

pub use microplan_model::format::{count_text as thousands, money, percent};

/// One value of `key` as the table shows it.
pub fn format_metric(key: MetricKey, value: f64, currency: &str) -> String {
    if key.is_rate() {
        percent(value)
    } else if key.is_money() {
        money(value, currency)
    } else if key == MetricKey::Roas {
        microplan_model::format::multiple(value)
    } else {
        thousands(value)
    }
}

/// A value without the currency code, for tables whose column heading names it.
pub fn format_plain(key: MetricKey, value: f64) -> String {
    let text = format_metric(key, value, "");
    text.trim_end().to_string()
}

/// A column heading: the label, with the currency for money ("CPA (EUR)").
pub fn column_label(key: MetricKey, currency: &str) -> String {
    if key.is_money() {
        format!("{} ({currency})", key.label())
    } else {
        key.label().to_string()
    }
}

/// The cell text: the value, or "not enough data".
pub fn cell_text(key: MetricKey, value: &MetricValue, currency: &str) -> String {
    value.value.map_or_else(
        || "not enough data".to_string(),
        |v| format_metric(key, v, currency),
    )
}

/// "based on 3 of 4 rows" when rows were left out, else `None`.
pub fn rows_hint(value: &MetricValue) -> Option<String> {
    (value.is_partial() && value.rows_used > 0)
        .then(|| format!("based on {} of {} rows", value.rows_used, value.rows_total))
}

/// The full explanation for a hover or focus: value, interval, rows, note and formula.
pub fn explanation(key: MetricKey, value: &MetricValue, currency: &str) -> String {
    let mut parts = vec![format!(
        "{}: {}",
        key.label(),
        cell_text(key, value, currency)
    )];
    if let Some((low, high)) = value.interval {
        parts.push(format!(
            "95% interval {} to {}",
            format_metric(key, low, currency),
            format_metric(key, high, currency)
        ));
    }
    parts.push(format!(
        "based on {} of {} rows",
        value.rows_used, value.rows_total
    ));
    if let Some(note) = &value.note {
        parts.push(note.clone());
    }
    parts.push(format!("Formula: {}", key.formula()));
    parts.join(". ")
}
