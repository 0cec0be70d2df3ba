//! The performance table: chosen metrics per group plus one total row.

use super::grouping::{group_rows, Grouping};
use super::metrics::metric;
use super::{MetricContext, MetricKey, MetricValue};
use crate::domain::workspace::{DeliverableResult, Workspace};

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
    let context = MetricContext::from_workspace(workspace);
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
