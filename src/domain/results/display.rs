//! How metric values read: numbers with their unit, the interval, the "n of m rows" hint,
//! and the performance table as CSV cells (fractions stay fractions in the CSV).

use super::{MetricKey, MetricValue, PerformanceRow};

pub use crate::domain::format::{count_text as thousands, money, percent};

/// One value of `key` as the table shows it.
pub fn format_metric(key: MetricKey, value: f64, currency: &str) -> String {
    if key.is_rate() {
        percent(value)
    } else if key.is_money() {
        money(value, currency)
    } else if key == MetricKey::Roas {
        crate::domain::format::multiple(value)
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

/// Header and rows of the performance table for CSV: per metric its value, interval, rows
/// used and note. Rates are fractions and money is in `currency`, as the header says.
pub fn performance_csv_rows(
    table: &[PerformanceRow],
    keys: &[MetricKey],
    currency: &str,
) -> Vec<Vec<String>> {
    let mut header = vec!["group".to_string(), "rows".to_string()];
    for key in keys {
        let unit = if key.is_money() {
            format!(" ({currency})")
        } else if key.is_rate() {
            " (fraction)".to_string()
        } else {
            String::new()
        };
        header.push(format!("{}{unit}", key.key()));
        header.push(format!("{}_low", key.key()));
        header.push(format!("{}_high", key.key()));
        header.push(format!("{}_rows_used", key.key()));
        header.push(format!("{}_note", key.key()));
    }
    let mut out = vec![header];
    for row in table {
        let mut cells = vec![row.group.clone(), row.rows.to_string()];
        for key in keys {
            let value = row.value(*key);
            let number = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
            cells.push(number(value.and_then(|v| v.value)));
            cells.push(number(value.and_then(|v| v.interval).map(|i| i.0)));
            cells.push(number(value.and_then(|v| v.interval).map(|i| i.1)));
            cells.push(value.map(|v| v.rows_used.to_string()).unwrap_or_default());
            cells.push(value.and_then(|v| v.note.clone()).unwrap_or_default());
        }
        out.push(cells);
    }
    out
}
