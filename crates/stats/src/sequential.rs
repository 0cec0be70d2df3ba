//! Sequential monitoring that stays valid when the results are checked every day:
//! asymptotic confidence sequences (Waudby-Smith, Arnold, Wu, Wang and Ramdas, "Time-uniform
//! central limit theory and asymptotic confidence sequences", 2023), as GrowthBook uses.
//!
//! At a look with N = n_A + n_B observations, estimate d = mean_B - mean_A and standard
//! error se (se^2 = var_A/n_A + var_B/n_B), the two-sided (1 - alpha) confidence sequence is
//!
//!   d +- sqrt(s2) * sqrt( 2 (N rho^2 + 1) / (N^2 rho^2) * ln( sqrt(N rho^2 + 1) / alpha ) )
//!
//! with the per-observation variance s2 = se^2 * N (eq. 9 of the paper), and the mixing
//! parameter rho chosen to make the sequence tightest at N = n* (the tuning parameter, the
//! total sample size where the user expects to decide; GrowthBook's default is 5000):
//!
//!   rho = sqrt( (-2 ln alpha + ln(-2 ln alpha + 1)) / n* )
//!
//! The probability that the true difference ever leaves the sequence, over all looks, is
//! at most alpha (asymptotically), so peeking daily is allowed. The intersection of all
//! intervals so far is also valid and is reported as the running interval.

use super::error::{self, StatsError, StatsResult};
use super::BinaryArm;
use serde::{Deserialize, Serialize};

/// GrowthBook's default tuning parameter n* (total observations).
pub const DEFAULT_TUNING_N: f64 = 5000.0;

/// Cumulative data of both arms at one look (means and sample variances per observation).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MeansLook {
    pub n_a: u64,
    pub mean_a: f64,
    pub var_a: f64,
    pub n_b: u64,
    pub mean_b: f64,
    pub var_b: f64,
}

/// The always-valid interval at one look.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SequentialInterval {
    /// Total observations N = n_A + n_B at this look.
    pub n_total: u64,
    /// mean_B - mean_A (or rate_B - rate_A)
    pub estimate: f64,
    pub half_width: f64,
    pub lower: f64,
    pub upper: f64,
    /// Intersection of all intervals up to this look (also always valid).
    pub running_lower: f64,
    pub running_upper: f64,
    /// True when the running interval excludes zero: a difference is established.
    pub significant: bool,
}

/// The mixing parameter rho for level alpha and tuning parameter n*.
pub fn sequential_rho(alpha: f64, tuning_n: f64) -> StatsResult<f64> {
    let alpha = error::alpha(alpha)?;
    let n_star = error::positive("the tuning sample size", tuning_n)?;
    let l = -2.0 * alpha.ln();
    error::checked("the mixing parameter", ((l + l.ln_1p()) / n_star).sqrt())
}

/// Half-width of the confidence sequence for per-observation variance `s2` at N = `n`.
pub fn sequential_half_width(s2: f64, n: f64, alpha: f64, tuning_n: f64) -> StatsResult<f64> {
    let s2 = error::non_negative("the variance", s2)?;
    let n = error::positive("the number of observations", n)?;
    let rho = sequential_rho(alpha, tuning_n)?;
    let nr2 = n * rho * rho;
    let w = 2.0 * (nr2 + 1.0) / (n * nr2) * ((nr2 + 1.0).sqrt() / alpha).ln();
    error::checked("the interval half-width", s2.sqrt() * w.sqrt())
}

/// Confidence sequence for the difference in means at each look (looks in time order,
/// cumulative data). Variances are per-observation sample variances of each arm.
pub fn confidence_sequence_means(
    looks: &[MeansLook],
    alpha: f64,
    tuning_n: f64,
) -> StatsResult<Vec<SequentialInterval>> {
    sequential_rho(alpha, tuning_n)?;
    if looks.is_empty() {
        return Err(StatsError::Empty {
            what: "the list of looks".into(),
        });
    }
    let mut out = Vec::with_capacity(looks.len());
    let (mut run_lo, mut run_hi) = (f64::NEG_INFINITY, f64::INFINITY);
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
        let (na, nb) = (look.n_a as f64, look.n_b as f64);
        let n = na + nb;
        let se2 = look.var_a / na + look.var_b / nb;
        let half_width = sequential_half_width(se2 * n, n, alpha, tuning_n)?;
        let estimate = error::checked("the difference", look.mean_b - look.mean_a)?;
        let (lower, upper) = (estimate - half_width, estimate + half_width);
        run_lo = run_lo.max(lower);
        run_hi = run_hi.min(upper);
        // An empty intersection means the assumptions failed; fall back to this look.
        let (rl, rh) = if run_lo <= run_hi {
            (run_lo, run_hi)
        } else {
            (lower, upper)
        };
        out.push(SequentialInterval {
            n_total: look.n_a.saturating_add(look.n_b),
            estimate,
            half_width,
            lower: error::checked("the lower limit", lower)?,
            upper: error::checked("the upper limit", upper)?,
            running_lower: rl,
            running_upper: rh,
            significant: rl > 0.0 || rh < 0.0,
        });
    }
    Ok(out)
}

/// Confidence sequence for the difference in conversion rates at each look: the means case
/// with per-visitor variance p (1 - p) in each arm. Each look is cumulative (A, B).
pub fn confidence_sequence_proportions(
    looks: &[(BinaryArm, BinaryArm)],
    alpha: f64,
    tuning_n: f64,
) -> StatsResult<Vec<SequentialInterval>> {
    confidence_sequence_means(&proportion_looks_as_means(looks)?, alpha, tuning_n)
}

/// Cumulative conversion looks as means looks: each visitor is a 0/1 value with variance
/// p (1 - p). Shared by the confidence sequence and the mSPRT.
pub(crate) fn proportion_looks_as_means(
    looks: &[(BinaryArm, BinaryArm)],
) -> StatsResult<Vec<MeansLook>> {
    let mut mean_looks = Vec::with_capacity(looks.len());
    for (i, (a, b)) in looks.iter().enumerate() {
        a.validate(&format!("arm A at look {}", i + 1))?;
        b.validate(&format!("arm B at look {}", i + 1))?;
        let (pa, pb) = (a.rate(), b.rate());
        mean_looks.push(MeansLook {
            n_a: a.visitors,
            mean_a: pa,
            var_a: pa * (1.0 - pa),
            n_b: b.visitors,
            mean_b: pb,
            var_b: pb * (1.0 - pb),
        });
    }
    Ok(mean_looks)
}
