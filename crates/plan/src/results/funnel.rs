//! The funnel from reach to link clicks to orders, over the rows that report all three so
//! every step's conversion compares like with like.

use microplan_model::rows::DeliverableResult;

#[derive(Debug, Clone, PartialEq)]
pub struct FunnelStep {
    pub label: &'static str,
    pub count: u64,
    /// This step's count over the previous step's; `None` for the first step or a zero base.
    pub conversion: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Funnel {
    pub steps: Vec<FunnelStep>,
    pub rows_used: usize,
    pub rows_total: usize,
}

/// Reach, link clicks and orders summed over the rows that have all three.
pub fn funnel(rows: &[&DeliverableResult]) -> Funnel {
    let mut sums = [0u64; 3];
    let mut used = 0;
    for row in rows {
        if let (Some(reach), Some(clicks), Some(orders)) = (row.reach, row.link_clicks, row.orders)
        {
            used += 1;
            for (sum, n) in sums.iter_mut().zip([reach, clicks, orders]) {
                *sum = sum.saturating_add(n);
            }
        }
    }
    let labels = ["Reach", "Link clicks", "Orders"];
    let steps = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let count = sums.get(i).copied().unwrap_or(0);
            let previous = i.checked_sub(1).and_then(|p| sums.get(p)).copied();
            let conversion = previous.filter(|p| *p > 0).map(|p| count as f64 / p as f64);
            FunnelStep {
                label,
                count,
                conversion,
            }
        })
        .collect();
    Funnel {
        steps,
        rows_used: used,
        rows_total: rows.len(),
    }
}
