//! The thresholds of code-leak detection, stored with the attribution book; the detection
//! itself reads the whole workspace and lives in `microplan-workspace`.

use serde::{Deserialize, Serialize};

use microplan_model::limits::count_problem;

/// The thresholds of the three checks; every one is editable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LeakSettings {
    pub spike_k: f64,
    pub min_spike_orders: u64,
    pub quiet_days: i64,
    pub outside_share: f64,
    pub min_outside_orders: u64,
    pub grace_days: i64,
    pub min_late_orders: u64,
}

impl Default for LeakSettings {
    fn default() -> Self {
        LeakSettings {
            spike_k: 3.5,
            min_spike_orders: 5,
            quiet_days: 3,
            outside_share: 0.3,
            min_outside_orders: 5,
            grace_days: 30,
            min_late_orders: 3,
        }
    }
}

impl LeakSettings {
    /// Each threshold outside its range, as its field and why: the days within one year, the
    /// spike cut-off within 0 to 100 spreads, the share within 0% to 100%.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut found = Vec::new();
        if !(self.spike_k.is_finite() && (0.0..=100.0).contains(&self.spike_k)) {
            found.push((
                "spike_k",
                format!(
                    "The spike cut-off ({}) must be between 0 and 100 spreads; 3.5 is usual.",
                    self.spike_k
                ),
            ));
        }
        if !(self.outside_share.is_finite() && (0.0..=1.0).contains(&self.outside_share)) {
            found.push((
                "outside_share",
                "The share of orders outside the audience must be between 0% and 100%.".to_string(),
            ));
        }
        let days = [
            (
                "quiet_days",
                "Days without a post before a spike",
                self.quiet_days,
            ),
            ("grace_days", "Grace days after the window", self.grace_days),
        ];
        for (field, what, days) in days {
            if !(0..=366).contains(&days) {
                found.push((field, format!("{what} ({days}) must be between 0 and 366: a longer wait is a typing mistake.")));
            }
        }
        let counts = [
            (
                "min_spike_orders",
                "The fewest orders of a spike",
                self.min_spike_orders,
            ),
            (
                "min_outside_orders",
                "The fewest orders outside the audience",
                self.min_outside_orders,
            ),
            (
                "min_late_orders",
                "The fewest late orders",
                self.min_late_orders,
            ),
        ];
        found.extend(
            counts.iter().filter_map(|(field, what, count)| {
                count_problem(what, *count).map(|m| (*field, m))
            }),
        );
        found
    }
}
