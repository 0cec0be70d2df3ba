//! Always-valid p-values from the normal mixture sequential probability ratio test (mSPRT):
//! Johari, Koomen, Pekelis and Walsh, "Peeking at A/B tests" (KDD 2017), the basis of
//! Optimizely's Stats Engine.
//!
//! At a look with estimated difference d = mean_B - mean_A and V = var_A/n_A + var_B/n_B
//! (the variance of d), the likelihood ratio of "the difference is drawn from N(0, tau^2)"
//! against "the difference is 0" is
//!
//!   Lambda_n = sqrt(V / (V + tau^2)) * exp( tau^2 d^2 / (2 V (V + tau^2)) )
//!
//! and the always-valid p-value is p_n = min(p_{n-1}, 1 / Lambda_n), with p_0 = 1. Stopping
//! the first time p_n <= alpha keeps the false-alarm rate at alpha however often one looks.
//! The mixing variance tau^2 says how large the differences one hopes to find are: the test
//! is most sensitive to differences of about tau, so a natural choice is tau = the smallest
//! difference worth detecting (the planned MDE, in the units of d).

use super::error::{self, StatsError, StatsResult};
use super::sequential::MeansLook;
use super::BinaryArm;
use serde::{Deserialize, Serialize};

/// The mSPRT at one look.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MsprtLook {
    /// Total observations N = n_A + n_B at this look.
    pub n_total: u64,
    /// mean_B - mean_A (or rate_B - rate_A).
    pub estimate: f64,
    /// V, the variance of the estimate.
    pub variance: f64,
    /// ln Lambda_n (kept in logs: Lambda overflows f64 for large evidence).
    pub ln_likelihood_ratio: f64,
    /// The always-valid p-value, never above the previous look's.
    pub p_value: f64,
    /// True when the always-valid p-value is at or below alpha.
    pub significant: bool,
}

/// ln Lambda for difference `d` with estimate variance `v` > 0 and mixing variance `tau2` > 0.
pub fn msprt_ln_likelihood_ratio(d: f64, v: f64, tau2: f64) -> StatsResult<f64> {
    let d = error::finite("the difference", d)?;
    let v = error::positive("the variance of the difference", v)?;
    let tau2 = error::positive("the mixing variance", tau2)?;
    let total = v + tau2;
    // ln(V / (V + tau^2)) = -ln(1 + tau^2 / V), accurate when tau^2 << V.
    let ln_ratio = 0.5 * -(tau2 / v).ln_1p() + tau2 / total * (d * d / v) / 2.0;
    error::checked("the likelihood ratio", ln_ratio)
}

/// The mSPRT at each look (looks in time order, cumulative data; per-observation variances).
/// A look whose variance estimate is 0 (every value alike so far) carries no evidence and
/// keeps the previous p-value.
pub fn msprt_means(looks: &[MeansLook], alpha: f64, tau2: f64) -> StatsResult<Vec<MsprtLook>> {
    let alpha = error::alpha(alpha)?;
    let tau2 = error::positive("the mixing variance", tau2)?;
    if looks.is_empty() {
        return Err(StatsError::Empty {
            what: "the list of looks".into(),
        });
    }
    let mut out = Vec::with_capacity(looks.len());
    let mut p_value = 1.0_f64;
    for (i, look) in looks.iter().enumerate() {
        let label = format!("look {}", i + 1);
        if look.n_a == 0 || look.n_b == 0 {
            return Err(StatsError::Empty {
                what: format!("an arm at {label}"),
            });
        }
        error::finite(&format!("the mean of arm A at {label}"), look.mean_a)?;
        error::finite(&format!("the mean of arm B at {label}"), look.mean_b)?;
        error::non_negative(&format!("the variance of arm A at {label}"), look.var_a)?;
        error::non_negative(&format!("the variance of arm B at {label}"), look.var_b)?;
        let variance = look.var_a / look.n_a as f64 + look.var_b / look.n_b as f64;
        let estimate = error::checked("the difference", look.mean_b - look.mean_a)?;
        let ln_likelihood_ratio = if variance > 0.0 {
            msprt_ln_likelihood_ratio(estimate, variance, tau2)?
        } else {
            0.0
        };
        // 1 / Lambda = exp(-ln Lambda); exp of a large negative number is 0, never NaN.
        p_value = p_value.min((-ln_likelihood_ratio).exp()).clamp(0.0, 1.0);
        out.push(MsprtLook {
            n_total: look.n_a.saturating_add(look.n_b),
            estimate,
            variance,
            ln_likelihood_ratio,
            p_value,
            significant: p_value <= alpha,
        });
    }
    Ok(out)
}

/// The mSPRT for the difference in conversion rates: the means case with per-visitor
/// variance p (1 - p) in each arm. Each look is cumulative (A, B).
pub fn msprt_proportions(
    looks: &[(BinaryArm, BinaryArm)],
    alpha: f64,
    tau2: f64,
) -> StatsResult<Vec<MsprtLook>> {
    msprt_means(
        &super::sequential::proportion_looks_as_means(looks)?,
        alpha,
        tau2,
    )
}

/// Relative lift the mixing variance is set from when no smallest worthwhile lift is planned.
pub const DEFAULT_MIXING_LIFT: f64 = 0.10;

/// The default mixing standard deviation tau for conversion rates: the planned smallest
/// worthwhile relative lift (10% without one) times the control's conversion rate, i.e.
/// the planned minimum detectable difference in rate. tau^2 is its square.
pub fn default_mixing_sd(min_lift: Option<f64>, control_rate: f64) -> StatsResult<f64> {
    let lift = min_lift
        .filter(|l| l.is_finite() && *l != 0.0)
        .unwrap_or(DEFAULT_MIXING_LIFT);
    let rate = error::closed_unit("the control's conversion rate", control_rate)?;
    let tau = lift.abs() * rate;
    if tau > 0.0 {
        Ok(tau)
    } else {
        Err(StatsError::NoVariation {
            what: "the control's conversions (none yet)".into(),
        })
    }
}
