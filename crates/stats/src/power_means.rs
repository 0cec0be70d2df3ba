//! Planning a test of means (revenue per visitor, order value): sample size, power and MDE.
//!
//! - [`MeansPowerMethod::Normal`]: statsmodels `NormalIndPower` with Cohen's
//!   d = delta / sd (z-test, both rejection tails counted when two-sided).
//! - [`MeansPowerMethod::TTest`]: statsmodels `TTestIndPower` (pooled two-sample t-test,
//!   df = n_A + n_B - 2, power from the noncentral t distribution). Slightly larger n for
//!   small samples; the two agree for large n.
//!
//! `ratio` = n_B / n_A. Sizes are rounded up to whole visitors (see [`super::power`]).

use super::distributions::{norm_cdf, t_isf_unchecked};
use super::error::{self, StatsError, StatsResult};
use super::power::{
    check_design, round_plan, solve_shift, z_power, Mde, SampleSizePlan, TestDesign,
};
use super::special::beta_inc;
use super::Alternative;
use serde::{Deserialize, Serialize};
use statrs::function::gamma::ln_gamma;

/// Which test the plan is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum MeansPowerMethod {
    #[default]
    Normal,
    TTest,
}

fn check_effect(delta: f64, sd: f64) -> StatsResult<f64> {
    error::finite("the difference to detect", delta)?;
    error::positive("the standard deviation", sd)?;
    let d = delta / sd;
    if d == 0.0 {
        return Err(StatsError::NoSolution {
            why: "the difference to detect is zero".into(),
        });
    }
    error::checked("the standardized effect", d)
}

/// Power for standardized effect d with n_a and n_b observations.
fn power_at(
    d: f64,
    na: f64,
    nb: f64,
    alpha: f64,
    alternative: Alternative,
    method: MeansPowerMethod,
) -> f64 {
    let m = 1.0 / (1.0 / na + 1.0 / nb);
    let shift = d * m.sqrt();
    match method {
        MeansPowerMethod::Normal => z_power(shift, 1.0, alpha, alternative),
        MeansPowerMethod::TTest => {
            let df = na + nb - 2.0;
            if df <= 0.0 {
                return f64::NAN;
            }
            match alternative {
                Alternative::TwoSided => {
                    let c = t_isf_unchecked(alpha / 2.0, df);
                    nct_sf(c, df, shift) + nct_cdf(-c, df, shift)
                }
                Alternative::Greater => nct_sf(t_isf_unchecked(alpha, df), df, shift),
                Alternative::Less => nct_cdf(-t_isf_unchecked(alpha, df), df, shift),
            }
        }
    }
}

/// Power of the test for `delta` = mean_B - mean_A, common `sd`, n_a in A, ratio * n_a in B.
/// (`design.power` is not used.)
pub fn power_means(
    delta: f64,
    sd: f64,
    n_a: f64,
    design: &TestDesign,
    method: MeansPowerMethod,
) -> StatsResult<f64> {
    error::finite("the difference to detect", delta)?;
    error::positive("the standard deviation", sd)?;
    error::positive("the observations in arm A", n_a)?;
    let (alpha, _, r) = check_design(design, false)?;
    let alternative = design.alternative;
    if method == MeansPowerMethod::TTest && n_a + n_a * r <= 2.0 {
        return Err(StatsError::TooFew {
            what: "a t-test (both arms together)".into(),
            needed: 3,
            got: (n_a + n_a * r) as u64,
        });
    }
    error::checked(
        "the power",
        power_at(delta / sd, n_a, n_a * r, alpha, alternative, method),
    )
}

/// Observations per arm to detect `delta` = mean_B - mean_A with the given power.
pub fn sample_size_means(
    delta: f64,
    sd: f64,
    design: &TestDesign,
    method: MeansPowerMethod,
) -> StatsResult<SampleSizePlan> {
    let d = check_effect(delta, sd)?;
    let (alpha, power, r) = check_design(design, true)?;
    let alternative = design.alternative;
    let wrong_way = (alternative == Alternative::Greater && d < 0.0)
        || (alternative == Alternative::Less && d > 0.0);
    if wrong_way {
        return Err(StatsError::NoSolution {
            why: "the planned effect goes the other way from the one-sided test".into(),
        });
    }
    let u = solve_shift(alpha, power, alternative == Alternative::TwoSided)?;
    let m = (u / d) * (u / d);
    let mut exact = m * (1.0 + r) / r;
    if method == MeansPowerMethod::TTest {
        // The t-test needs a little more: bisect on n_A between the normal answer and above.
        let f = |na: f64| power_at(d, na, na * r, alpha, alternative, method) - power;
        // Keep df = n_A (1 + r) - 2 >= 1: below that the t power curve is not monotone.
        let min_n = 3.0 / (1.0 + r);
        let mut lo = exact.max(min_n);
        if f(lo) >= 0.0 {
            lo = min_n;
        }
        let mut hi = exact.max(lo) * 1.5 + 10.0;
        let mut guard = 0;
        while f(hi) < 0.0 {
            hi *= 2.0;
            guard += 1;
            if guard > 60 {
                return Err(StatsError::TooLarge {
                    what: "the required sample size".into(),
                });
            }
        }
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            if mid == lo || mid == hi {
                break;
            }
            if f(mid) < 0.0 {
                lo = mid
            } else {
                hi = mid
            }
        }
        exact = hi;
    }
    let exact = error::checked("the sample size", exact)?;
    round_plan(exact, r, |na, nb| {
        power_at(d, na, nb, alpha, alternative, method)
    })
}

/// Smallest detectable difference in means (upward unless the test is `Less`);
/// `baseline_mean` (mean of A) only serves to express it as a target and a relative lift.
pub fn mde_means(
    baseline_mean: f64,
    sd: f64,
    n_a: f64,
    design: &TestDesign,
    method: MeansPowerMethod,
) -> StatsResult<Mde> {
    error::finite("the baseline mean", baseline_mean)?;
    error::positive("the standard deviation", sd)?;
    error::positive("the observations in arm A", n_a)?;
    let (alpha, power, r) = check_design(design, true)?;
    let alternative = design.alternative;
    let u = solve_shift(alpha, power, alternative == Alternative::TwoSided)?;
    let m = n_a * r / (1.0 + r);
    let mut d = u / m.sqrt();
    if method == MeansPowerMethod::TTest {
        if n_a + n_a * r <= 2.0 {
            return Err(StatsError::TooFew {
                what: "a t-test (both arms together)".into(),
                needed: 3,
                got: (n_a + n_a * r) as u64,
            });
        }
        let sign = if alternative == Alternative::Less {
            -1.0
        } else {
            1.0
        };
        let f = |dd: f64| power_at(sign * dd, n_a, n_a * r, alpha, alternative, method) - power;
        let (mut lo, mut hi) = (d * 0.5, d * 2.0 + 1.0);
        let mut guard = 0;
        while f(hi) < 0.0 {
            hi *= 2.0;
            guard += 1;
            if guard > 60 {
                return Err(StatsError::NoSolution {
                    why: "no difference is detectable with this many observations".into(),
                });
            }
        }
        while f(lo) > 0.0 && lo > 1e-300 {
            lo /= 2.0;
        }
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            if mid == lo || mid == hi {
                break;
            }
            if f(mid) < 0.0 {
                lo = mid
            } else {
                hi = mid
            }
        }
        d = hi;
    }
    let d = if alternative == Alternative::Less {
        -d
    } else {
        d
    };
    let absolute = error::checked("the detectable difference", d * sd)?;
    let relative = if baseline_mean != 0.0 {
        absolute / baseline_mean.abs()
    } else {
        0.0
    };
    Ok(Mde {
        target: error::checked("the detectable mean", baseline_mean + absolute)?,
        absolute,
        relative: error::checked("the relative effect", relative)?,
        effect_size: d,
    })
}

/// P(T <= t) for the noncentral t with `df` degrees of freedom and noncentrality `delta`
/// (Lenth 1989, AS 243: a Poisson mixture of incomplete beta functions, summed outward
/// from the largest Poisson weight). Absolute accuracy ~1e-14, enough for power.
pub(crate) fn nct_cdf(t: f64, df: f64, delta: f64) -> f64 {
    if t < 0.0 {
        return 1.0 - nct_cdf(-t, df, -delta);
    }
    let base = norm_cdf(-delta);
    if t == 0.0 {
        return base;
    }
    let lambda = delta * delta / 2.0;
    if lambda > 5000.0 {
        // |delta| > 100: the Poisson mixture would need ~1e4+ terms and the power is 0 or 1
        // to many digits; use Abramowitz-Stegun 26.7.10 (absolute error far below 1e-9 here).
        let z = (t * (1.0 - 1.0 / (4.0 * df)) - delta) / (1.0 + t * t / (2.0 * df)).sqrt();
        return norm_cdf(z);
    }
    let (x, y) = (t * t / (t * t + df), df / (t * t + df));
    let b = df / 2.0;
    // ln weights: p_j = e^-lambda lambda^j / j!, q_j = delta e^-lambda lambda^j / (sqrt2 Gamma(j+3/2))
    let ln_p = |j: f64| {
        -lambda
            + if lambda > 0.0 {
                j * lambda.ln()
            } else if j == 0.0 {
                0.0
            } else {
                f64::NEG_INFINITY
            }
            - ln_gamma(j + 1.0)
    };
    let ln_q = |j: f64| {
        -lambda
            + if lambda > 0.0 {
                j * lambda.ln()
            } else if j == 0.0 {
                0.0
            } else {
                f64::NEG_INFINITY
            }
            - ln_gamma(j + 1.5)
            - std::f64::consts::LN_2 / 2.0
    };
    let term = |j: f64| -> Option<f64> {
        let (i1, _) = beta_inc(j + 0.5, b, x, y)?;
        let (i2, _) = beta_inc(j + 1.0, b, x, y)?;
        Some(ln_p(j).exp() * i1 + delta * ln_q(j).exp() * i2)
    };
    let j0 = lambda.floor();
    let mut sum = 0.0;
    // forward from the mode
    let mut j = j0;
    for _ in 0..100_000 {
        let Some(tj) = term(j) else { return f64::NAN };
        sum += tj;
        let weight = ln_p(j).exp() + delta.abs() * ln_q(j).exp();
        if j > j0 + 5.0 && weight < 1e-18 {
            break;
        }
        j += 1.0;
    }
    // backward
    let mut j = j0 - 1.0;
    while j >= 0.0 && j0 - j < 100_000.0 {
        let Some(tj) = term(j) else { return f64::NAN };
        sum += tj;
        let weight = ln_p(j).exp() + delta.abs() * ln_q(j).exp();
        if weight < 1e-18 {
            break;
        }
        j -= 1.0;
    }
    (base + 0.5 * sum).clamp(0.0, 1.0)
}

/// P(T > t) for the noncentral t.
pub(crate) fn nct_sf(t: f64, df: f64, delta: f64) -> f64 {
    1.0 - nct_cdf(t, df, delta)
}
