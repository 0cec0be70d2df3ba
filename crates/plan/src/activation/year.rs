//! The year view: which activations run in which month, per community, so seasonal peaks
//! and launches are planned as a programme rather than one-offs.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{same_name, ActivationPlan};

/// One community's row of the year: activation names per month (January first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearRow {
    pub community: String,
    pub months: [Vec<String>; 12],
}

/// Whether the window of `plan` overlaps month `month` (1-12) of `year`.
fn overlaps(plan: &ActivationPlan, year: i32, month: u32) -> bool {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return false;
    };
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    let Some(next) = next else { return false };
    plan.window_start < next && plan.window_end >= first
}

/// Rows for each community (in the order given, then any community only plans name).
pub fn year_view(year: i32, communities: &[String], plans: &[ActivationPlan]) -> Vec<YearRow> {
    let mut names: Vec<String> = communities.to_vec();
    for plan in plans {
        if !names.iter().any(|n| same_name(n, &plan.community)) {
            names.push(plan.community.clone());
        }
    }
    names
        .into_iter()
        .map(|community| {
            let mut months: [Vec<String>; 12] = Default::default();
            for (index, slot) in months.iter_mut().enumerate() {
                let month = index as u32 + 1;
                *slot = plans
                    .iter()
                    .filter(|p| same_name(&p.community, &community) && overlaps(p, year, month))
                    .map(|p| p.name.clone())
                    .collect();
            }
            YearRow { community, months }
        })
        .collect()
}

/// Years in which an activation window starts or ends, ascending.
pub fn years_with_activations(plans: &[ActivationPlan]) -> Vec<i32> {
    let mut years: Vec<i32> = plans
        .iter()
        .flat_map(|p| [p.window_start.year(), p.window_end.year()])
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}
