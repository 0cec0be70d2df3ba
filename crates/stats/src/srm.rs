//! Sample ratio mismatch: did the traffic split follow the plan?

use super::distributions::chi2_sf_unchecked;
use super::error::{self, StatsError, StatsResult};
use serde::{Deserialize, Serialize};

/// p-value below which the split is flagged (GrowthBook and Eppo use 0.001).
pub const SRM_P_THRESHOLD: f64 = 0.001;

/// Result of the sample-ratio-mismatch check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SrmResult {
    pub chi_square: f64,
    pub df: u64,
    pub p_value: f64,
    /// Visitors expected in each arm under the planned split.
    pub expected: Vec<f64>,
    /// Observed share of traffic per arm.
    pub observed_share: Vec<f64>,
    /// True when p < 0.001: the split is unlikely to be chance; results may be biased.
    pub mismatch: bool,
}

/// Chi-square goodness-of-fit of observed visitors per arm against planned allocation
/// weights (any positive numbers, e.g. [50, 50] or [1, 1, 2]), as
/// `scipy.stats.chisquare(observed, total * w / sum(w))`; flagged when p < 0.001.
pub fn sample_ratio_mismatch(observed: &[u64], planned_weights: &[f64]) -> StatsResult<SrmResult> {
    if observed.len() != planned_weights.len() {
        return Err(StatsError::Mismatch {
            what: format!(
                "there are {} observed arms but {} planned weights; give one weight per arm",
                observed.len(),
                planned_weights.len()
            ),
        });
    }
    if observed.len() < 2 {
        return Err(StatsError::TooFew {
            what: "the split check (arms)".into(),
            needed: 2,
            got: observed.len() as u64,
        });
    }
    for w in planned_weights {
        error::positive("a planned allocation weight", *w)?;
    }
    let total: f64 = observed.iter().map(|&o| o as f64).sum();
    if total <= 0.0 {
        return Err(StatsError::Empty {
            what: "the experiment (visitors)".into(),
        });
    }
    let wsum: f64 = planned_weights.iter().sum();
    let wsum = error::checked("the sum of the weights", wsum)?;
    let mut chi_square = 0.0;
    let mut expected = Vec::with_capacity(observed.len());
    for (&o, &w) in observed.iter().zip(planned_weights) {
        let e = total * (w / wsum);
        let d = o as f64 - e;
        chi_square += d * d / e;
        expected.push(e);
    }
    let chi_square = error::checked("the chi-square statistic", chi_square)?;
    let df = (observed.len() - 1) as u64;
    let p_value = error::checked("the p-value", chi2_sf_unchecked(chi_square, df as f64))?;
    Ok(SrmResult {
        chi_square,
        df,
        p_value,
        expected,
        observed_share: observed.iter().map(|&o| o as f64 / total).collect(),
        mismatch: p_value < SRM_P_THRESHOLD,
    })
}
