//! Multiple-comparison corrections for tests of several variants against one control.

use super::error::{self, StatsError, StatsResult};
use serde::{Deserialize, Serialize};

/// Adjusted p-values (same order as the input) and which hypotheses are rejected at alpha.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adjusted {
    pub adjusted: Vec<f64>,
    pub reject: Vec<bool>,
}

fn check(p_values: &[f64], alpha: f64) -> StatsResult<f64> {
    if p_values.is_empty() {
        return Err(StatsError::Empty {
            what: "the list of p-values".into(),
        });
    }
    for p in p_values {
        error::closed_unit("a p-value", *p)?;
    }
    error::alpha(alpha)
}

/// Indices that sort the p-values ascending (ties keep input order).
fn order(p_values: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..p_values.len()).collect();
    idx.sort_by(|&i, &j| {
        let (a, b) = (
            p_values.get(i).copied().unwrap_or(1.0),
            p_values.get(j).copied().unwrap_or(1.0),
        );
        a.total_cmp(&b)
    });
    idx
}

fn unsort(sorted_values: &[f64], idx: &[usize]) -> Vec<f64> {
    let mut out = vec![1.0; idx.len()];
    for (&i, &v) in idx.iter().zip(sorted_values) {
        if let Some(slot) = out.get_mut(i) {
            *slot = v;
        }
    }
    out
}

/// Bonferroni: min(1, m p); reject when p <= alpha / m (statsmodels 'bonferroni').
pub fn bonferroni(p_values: &[f64], alpha: f64) -> StatsResult<Adjusted> {
    let alpha = check(p_values, alpha)?;
    let m = p_values.len() as f64;
    Ok(Adjusted {
        adjusted: p_values.iter().map(|p| (p * m).min(1.0)).collect(),
        reject: p_values.iter().map(|p| *p <= alpha / m).collect(),
    })
}

/// Holm's step-down method (statsmodels `multipletests(method='holm')`): sorted p-values
/// times (m, m-1, ..., 1), made non-decreasing by a running maximum, capped at 1. Rejects
/// the hypotheses before the first sorted p_(i) > alpha / (m - i).
pub fn holm(p_values: &[f64], alpha: f64) -> StatsResult<Adjusted> {
    let alpha = check(p_values, alpha)?;
    let idx = order(p_values);
    let m = p_values.len();
    let sorted: Vec<f64> = idx
        .iter()
        .map(|&i| p_values.get(i).copied().unwrap_or(1.0))
        .collect();
    let mut running = 0.0_f64;
    let mut adj = Vec::with_capacity(m);
    let mut stop = false;
    let mut reject_sorted = Vec::with_capacity(m);
    for (i, p) in sorted.iter().enumerate() {
        let factor = (m - i) as f64;
        running = running.max(p * factor);
        adj.push(running.min(1.0));
        if *p > alpha / factor {
            stop = true;
        }
        reject_sorted.push(!stop);
    }
    let reject_f: Vec<f64> = reject_sorted
        .iter()
        .map(|&r| if r { 1.0 } else { 0.0 })
        .collect();
    Ok(Adjusted {
        adjusted: unsort(&adj, &idx),
        reject: unsort(&reject_f, &idx).iter().map(|&r| r == 1.0).collect(),
    })
}

/// Benjamini-Hochberg false discovery rate (statsmodels 'fdr_bh'): sorted p_(i) m / i,
/// made non-increasing from the largest down by a running minimum, capped at 1. Rejects
/// every hypothesis up to the largest i with p_(i) <= i alpha / m.
pub fn benjamini_hochberg(p_values: &[f64], alpha: f64) -> StatsResult<Adjusted> {
    let alpha = check(p_values, alpha)?;
    let idx = order(p_values);
    let m = p_values.len();
    let mf = m as f64;
    let sorted: Vec<f64> = idx
        .iter()
        .map(|&i| p_values.get(i).copied().unwrap_or(1.0))
        .collect();
    let mut adj = vec![1.0; m];
    let mut running = f64::INFINITY;
    let mut last_reject: Option<usize> = None;
    for (i, p) in sorted.iter().enumerate().rev() {
        let rank = (i + 1) as f64;
        running = running.min(p * mf / rank);
        if let Some(slot) = adj.get_mut(i) {
            *slot = running.min(1.0);
        }
        if last_reject.is_none() && *p <= rank / mf * alpha {
            last_reject = Some(i);
        }
    }
    let reject_f: Vec<f64> = (0..m)
        .map(|i| {
            if last_reject.is_some_and(|l| i <= l) {
                1.0
            } else {
                0.0
            }
        })
        .collect();
    Ok(Adjusted {
        adjusted: unsort(&adj, &idx),
        reject: unsort(&reject_f, &idx).iter().map(|&r| r == 1.0).collect(),
    })
}
