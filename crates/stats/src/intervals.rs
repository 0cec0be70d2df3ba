//! Confidence intervals for one conversion rate, for the difference of two rates, and for
//! the relative lift of B over A.

use super::distributions::{beta_quantile_unchecked, norm_isf};
use super::error::{self, StatsError, StatsResult};
use super::BinaryArm;
use serde::{Deserialize, Serialize};

/// A two-sided confidence interval around an estimate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub estimate: f64,
    pub lower: f64,
    pub upper: f64,
}

/// Methods for the interval of one proportion (statsmodels `proportion_confint` names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProportionMethod {
    /// Wilson score interval (recommended default).
    Wilson,
    /// Agresti-Coull: Wald interval around (x + z^2/2) / (n + z^2), clipped to [0, 1].
    AgrestiCoull,
    /// Clopper-Pearson "exact" interval from beta quantiles (conservative).
    ClopperPearson,
    /// Jeffreys: equal-tailed Beta(x + 1/2, n - x + 1/2) posterior interval, with the
    /// boundary fix of Brown, Cai and DasGupta (2001): lower = 0 when x = 0 and upper = 1
    /// when x = n, so the interval always contains the observed rate (statsmodels omits
    /// this fix and returns e.g. [0.00039, 0.85] for 0 of 1).
    Jeffreys,
    /// Wald (normal) interval p +- z sqrt(p(1-p)/n), clipped to [0, 1]; poor near 0 and 1.
    Wald,
}

/// Two-sided (1 - alpha) interval for the rate `successes / trials`, as statsmodels
/// `proportion_confint(count, nobs, alpha, method)`. The Wilson limits are computed in a
/// cancellation-free form (lower = p^2 / ((1 + z^2/n) upper')), so they are exactly 0 or 1
/// at the extremes and keep their digits for tiny rates.
pub fn proportion_interval(
    successes: u64,
    trials: u64,
    alpha: f64,
    method: ProportionMethod,
) -> StatsResult<Interval> {
    error::conversions(successes, trials, "this group")?;
    let alpha = error::alpha(alpha)?;
    let arm = BinaryArm::new(successes, trials);
    let (x, n) = (successes as f64, trials as f64);
    let p = arm.rate();
    let z = norm_isf(alpha / 2.0);
    let (lower, upper) = match method {
        ProportionMethod::Wilson => wilson(successes, trials, z),
        ProportionMethod::AgrestiCoull => {
            let nc = n + z * z;
            let pc = (x + z * z / 2.0) / nc;
            let d = z * (pc * (1.0 - pc) / nc).sqrt();
            ((pc - d).clamp(0.0, 1.0), (pc + d).clamp(0.0, 1.0))
        }
        ProportionMethod::Wald => {
            let d = z * (p * (1.0 - p) / n).sqrt();
            ((p - d).clamp(0.0, 1.0), (p + d).clamp(0.0, 1.0))
        }
        ProportionMethod::ClopperPearson => {
            let lower = if successes == 0 {
                0.0
            } else {
                beta_quantile_unchecked(alpha / 2.0, x, n - x + 1.0, false)
            };
            let upper = if successes == trials {
                1.0
            } else {
                beta_quantile_unchecked(alpha / 2.0, x + 1.0, n - x, true)
            };
            (lower, upper)
        }
        ProportionMethod::Jeffreys => (
            if successes == 0 {
                0.0
            } else {
                beta_quantile_unchecked(alpha / 2.0, x + 0.5, n - x + 0.5, false)
            },
            if successes == trials {
                1.0
            } else {
                beta_quantile_unchecked(alpha / 2.0, x + 0.5, n - x + 0.5, true)
            },
        ),
    };
    Ok(Interval {
        estimate: p,
        lower: error::checked("the lower limit", lower)?,
        upper: error::checked("the upper limit", upper)?,
    })
}

/// Wilson limits for x of n at critical value z. The limits are the roots of
/// (1 + z^2/n) t^2 - (2p + z^2/n) t + p^2 = 0: the upper one, center + dist, has no
/// cancellation, and the lower one follows from the product of the roots, p^2 / (1 + z^2/n).
fn wilson(x: u64, n: u64, z: f64) -> (f64, f64) {
    let nf = n as f64;
    let p = x as f64 / nf;
    let z2 = z * z;
    let denom = 1.0 + z2 / nf;
    let center = (p + z2 / (2.0 * nf)) / denom;
    let dist = z * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt() / denom;
    let upper = if x == n { 1.0 } else { center + dist };
    let lower = if upper > 0.0 {
        p * p / (denom * upper)
    } else {
        0.0
    };
    (lower.clamp(0.0, 1.0), upper.clamp(0.0, 1.0))
}

/// Methods for the interval of the difference p_B - p_A.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DifferenceMethod {
    /// Newcombe's hybrid score interval built from the two Wilson intervals (default of
    /// statsmodels `confint_proportions_2indep`, method 'newcomb').
    Newcombe,
    /// Wald interval with unpooled variance.
    Wald,
    /// Agresti-Caffo: Wald after adding one success and one failure to each arm.
    AgrestiCaffo,
}

/// Two-sided (1 - alpha) interval for p_B - p_A, as statsmodels
/// `confint_proportions_2indep(conv_B, vis_B, conv_A, vis_A, compare='diff', method=...)`.
pub fn difference_interval(
    a: BinaryArm,
    b: BinaryArm,
    alpha: f64,
    method: DifferenceMethod,
) -> StatsResult<Interval> {
    a.validate("arm A")?;
    b.validate("arm B")?;
    let alpha = error::alpha(alpha)?;
    let z = norm_isf(alpha / 2.0);
    let (pa, pb) = (a.rate(), b.rate());
    let diff = pb - pa;
    let (lower, upper) = match method {
        DifferenceMethod::Newcombe => {
            let (la, ua) = wilson(a.conversions, a.visitors, z);
            let (lb, ub) = wilson(b.conversions, b.visitors, z);
            let d_low = (pb - lb).hypot(ua - pa);
            let d_upp = (pa - la).hypot(ub - pb);
            (diff - d_low, diff + d_upp)
        }
        DifferenceMethod::Wald | DifferenceMethod::AgrestiCaffo => {
            let add = if method == DifferenceMethod::AgrestiCaffo {
                1.0
            } else {
                0.0
            };
            let (na, nb) = (a.visitors as f64 + 2.0 * add, b.visitors as f64 + 2.0 * add);
            let (qa, qb) = (
                (a.conversions as f64 + add) / na,
                (b.conversions as f64 + add) / nb,
            );
            let d = z * (qa * (1.0 - qa) / na + qb * (1.0 - qb) / nb).sqrt();
            (qb - qa - d, qb - qa + d)
        }
    };
    Ok(Interval {
        estimate: diff,
        lower: error::checked("the lower limit", lower)?,
        upper: error::checked("the upper limit", upper)?,
    })
}

/// Relative lift of B over A with its delta-method interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LiftInterval {
    /// L = p_B / p_A - 1 (0.1 means B converts 10% better than A).
    pub lift: f64,
    pub std_error: f64,
    pub lower: f64,
    pub upper: f64,
}

/// Relative lift L = p_B/p_A - 1 with the delta-method interval L +- z se, where
/// se^2 = p_B(1-p_B)/(n_B p_A^2) + p_B^2 p_A(1-p_A)/(n_A p_A^4) (as GrowthBook's lift).
/// Refused when arm A has no conversions (the lift is then undefined).
pub fn relative_lift(a: BinaryArm, b: BinaryArm, alpha: f64) -> StatsResult<LiftInterval> {
    a.validate("arm A")?;
    b.validate("arm B")?;
    let alpha = error::alpha(alpha)?;
    if a.conversions == 0 {
        return Err(StatsError::NoSolution {
            why: "the relative lift needs at least one conversion in arm A (the control)".into(),
        });
    }
    let (pa, pb) = (a.rate(), b.rate());
    let (na, nb) = (a.visitors as f64, b.visitors as f64);
    let lift = pb / pa - 1.0;
    let var = pb * (1.0 - pb) / (nb * pa * pa) + (pb / pa) * (pb / pa) * (1.0 - pa) / (na * pa);
    let se = var.sqrt();
    let z = norm_isf(alpha / 2.0);
    Ok(LiftInterval {
        lift: error::checked("the lift", lift)?,
        std_error: error::checked("the standard error", se)?,
        lower: error::checked("the lower limit", lift - z * se)?,
        upper: error::checked("the upper limit", lift + z * se)?,
    })
}
