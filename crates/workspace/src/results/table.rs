//! The performance table: chosen metrics per group plus one total row.

use super::grouping::{group_rows, Grouping};
use crate::Workspace;
use microplan_model::rows::DeliverableResult;
use microplan_plan::results::metrics::metric;
use microplan_plan::results::{MetricContext, MetricKey, MetricValue};

/// Name of the total row.
pub const TOTAL_GROUP: &str = "All";

/// One group's metrics, in the order the keys were asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct PerformanceRow {
    pub group: String,
    /// Result rows in the group.
    pub rows: usize,
    pub values: Vec<(MetricKey, MetricValue)>,
    /// The "All" row over every result row (each counted once, even when community groups
    /// overlap).
    pub is_total: bool,
}

impl PerformanceRow {
    pub fn value(&self, key: MetricKey) -> Option<&MetricValue> {
        self.values.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// One row per group (sorted by name) and a final total row.
pub fn performance_table(
    workspace: &Workspace,
    grouping: Grouping,
    keys: &[MetricKey],
) -> Vec<PerformanceRow> {
    let context = MetricContext::from_tables(&workspace.creators, &workspace.results);
    let row_for = |group: String, rows: &[&DeliverableResult], is_total: bool| PerformanceRow {
        group,
        rows: rows.len(),
        values: keys
            .iter()
            .map(|key| (*key, metric(rows, *key, &context)))
            .collect(),
        is_total,
    };
    let mut table: Vec<PerformanceRow> = group_rows(workspace, grouping)
        .into_iter()
        .map(|(group, rows)| row_for(group, &rows, false))
        .collect();
    let all: Vec<&DeliverableResult> = workspace.results.iter().collect();
    table.push(row_for(TOTAL_GROUP.to_string(), &all, true));
    table
}

/// Sorts the group rows by `key` (or by group name when `None`); rows without a value go
/// last in either direction and the total row stays at the end.
pub fn sort_performance(rows: &mut [PerformanceRow], key: Option<MetricKey>, descending: bool) {
    let value = |row: &PerformanceRow| key.and_then(|k| row.value(k)).and_then(|v| v.value);
    rows.sort_by(|a, b| {
        a.is_total.cmp(&b.is_total).then_with(|| match key {
            None => {
                let order = a.group.to_lowercase().cmp(&b.group.to_lowercase());
                if descending {
                    order.reverse()
                } else {
                    order
                }
            }
            Some(_) => match (value(a), value(b)) {
                (Some(x), Some(y)) => {
                    let order = x.total_cmp(&y);
                    if descending {
                        order.reverse()
                    } else {
                        order
                    }
                }
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.group.cmp(&b.group),
            },
        })
    });
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
