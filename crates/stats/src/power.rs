//! Planning a test of conversion rates: sample size per arm, power for a given size and the
//! minimum detectable effect (MDE).
//!
//! Formulas differ between tools (about 6% apart at 5% -> 6%), so the method is explicit:
//! - [`ProportionPowerMethod::CohensH`] (the app's default) is statsmodels'
//!   `NormalIndPower` with Cohen's h = 2 asin(sqrt(p_B)) - 2 asin(sqrt(p_A))
//!   (`proportion_effectsize`). Two-sided power counts both rejection tails, exactly as
//!   `NormalIndPower.power`; the sample size solves that power equation (like
//!   `solve_power`, but to full precision).
//! - [`ProportionPowerMethod::Fleiss`] is the classic formula without continuity correction,
//!   pooled variance under H0 and unpooled under H1:
//!   n_A = (z_a sqrt(pbar qbar (1 + 1/r)) + z_b sqrt(p_A q_A + p_B q_B / r))^2 / (p_B - p_A)^2
//!   with pbar = (p_A + r p_B)/(1 + r) and z_a = z_{1-alpha/2} (two-sided) or z_{1-alpha};
//!   it ignores the opposite tail, as statsmodels `samplesize_proportions_2indep_onetail`.
//! - [`ProportionPowerMethod::Unpooled`] is the same with the unpooled variance under H0 too.
//!
//! Here r = n_B / n_A is the allocation ratio. Sample sizes are rounded UP to whole visitors
//! (n_A = ceil(exact), n_B = ceil(r * exact)) and the power actually reached at those
//! integers is reported.

use super::distributions::{norm_cdf, norm_isf, norm_pdf, norm_sf};
use super::error::{self, StatsError, StatsResult};
use super::Alternative;
use serde::{Deserialize, Serialize};

/// How the sample size for two proportions is computed (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ProportionPowerMethod {
    #[default]
    CohensH,
    Fleiss,
    Unpooled,
}

/// Visitors needed per arm.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SampleSizePlan {
    /// Control arm, rounded up.
    pub n_a: u64,
    /// Treatment arm, rounded up.
    pub n_b: u64,
    /// The unrounded solution for arm A (n_B = ratio * this before rounding).
    pub exact_n_a: f64,
    /// Power reached with the rounded sizes (at least the requested power).
    pub achieved_power: f64,
}

/// The design choices shared by the planning functions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TestDesign {
    /// Significance level (accepted false-positive rate), e.g. 0.05.
    pub alpha: f64,
    /// Power: the chance to detect an effect of the planned size, e.g. 0.8. Ignored by the
    /// functions that compute the power.
    pub power: f64,
    /// Allocation ratio r = n_B / n_A (1 for an even split, 2 for twice as many in B).
    pub ratio: f64,
    pub alternative: Alternative,
}

impl Default for TestDesign {
    /// alpha 0.05, power 0.8, even split, two-sided.
    fn default() -> Self {
        TestDesign {
            alpha: 0.05,
            power: 0.8,
            ratio: 1.0,
            alternative: Alternative::TwoSided,
        }
    }
}

/// A validated design: (alpha, power, ratio); power is 0.5 when not needed.
pub(crate) fn check_design(d: &TestDesign, needs_power: bool) -> StatsResult<(f64, f64, f64)> {
    let alpha = error::alpha(d.alpha)?;
    let power = if needs_power {
        check_power(d.power)?
    } else {
        0.5
    };
    let r = check_ratio(d.ratio)?;
    Ok((alpha, power, r))
}

/// Minimum detectable effect for a given size.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Mde {
    /// The treatment rate (or mean) that would be detected with the requested power.
    pub target: f64,
    /// target - baseline
    pub absolute: f64,
    /// target / baseline - 1 (0 when the baseline is 0).
    pub relative: f64,
    /// Standardized effect (Cohen's h or d) where the method uses one, else the difference.
    pub effect_size: f64,
}

pub(crate) fn check_ratio(ratio: f64) -> StatsResult<f64> {
    error::positive(
        "the allocation ratio (visitors in B per visitor in A)",
        ratio,
    )
}

pub(crate) fn check_power(power: f64) -> StatsResult<f64> {
    error::open_unit("the power", power)
}

/// Critical value for the test: z_{1-alpha/2} two-sided, z_{1-alpha} one-sided.
pub(crate) fn crit(alpha: f64, alternative: Alternative) -> f64 {
    match alternative {
        Alternative::TwoSided => norm_isf(alpha / 2.0),
        _ => norm_isf(alpha),
    }
}

/// Power of a z-test whose statistic is N(u, 1) under H1, with null/alternative standard
/// deviation ratio `k` (1 for Cohen's h): statsmodels `normal_power_het`.
pub(crate) fn z_power(u: f64, k: f64, alpha: f64, alternative: Alternative) -> f64 {
    let c = crit(alpha, alternative);
    match alternative {
        Alternative::TwoSided => norm_sf(c * k - u) + norm_cdf(-c * k - u),
        Alternative::Greater => norm_sf(c * k - u),
        Alternative::Less => norm_cdf(-c * k - u),
    }
}

/// Solves z_power(u, 1) = power for u > 0 (the standardized shift needed), Greater and
/// TwoSided (Less is the mirror image). Newton from the one-tail closed form.
pub(crate) fn solve_shift(alpha: f64, power: f64, two_sided: bool) -> StatsResult<f64> {
    let alt = if two_sided {
        Alternative::TwoSided
    } else {
        Alternative::Greater
    };
    if power <= z_power(0.0, 1.0, alpha, alt) {
        return Err(StatsError::NoSolution {
            why: "the power must be larger than the significance level alpha".into(),
        });
    }
    let c = crit(alpha, alt);
    let mut u = c + norm_isf(1.0 - power);
    if !two_sided {
        return Ok(u);
    }
    for _ in 0..100 {
        let f = z_power(u, 1.0, alpha, alt) - power;
        let slope = norm_pdf(c - u) - norm_pdf(-c - u);
        if slope <= 0.0 {
            break;
        }
        let next = u - f / slope;
        if !next.is_finite() {
            break;
        }
        if (next - u).abs() <= 1e-15 * u.abs().max(1e-300) {
            u = next;
            break;
        }
        u = next;
    }
    error::checked("the required effect", u)
}

fn check_rates(baseline: f64, target: f64) -> StatsResult<()> {
    error::open_unit("the baseline conversion rate", baseline)?;
    error::open_unit("the target conversion rate", target)?;
    if baseline == target {
        return Err(StatsError::NoSolution {
            why: "the target rate equals the baseline; there is no effect to detect".into(),
        });
    }
    Ok(())
}

fn direction_ok(diff: f64, alternative: Alternative) -> StatsResult<()> {
    let ok = match alternative {
        Alternative::TwoSided => true,
        Alternative::Greater => diff > 0.0,
        Alternative::Less => diff < 0.0,
    };
    if ok {
        Ok(())
    } else {
        Err(StatsError::NoSolution {
            why: "the planned effect goes the other way from the one-sided test; use a two-sided test or swap the direction".into(),
        })
    }
}

/// Cohen's h = 2 asin(sqrt(p_B)) - 2 asin(sqrt(p_A)).
pub fn cohens_h(baseline: f64, target: f64) -> StatsResult<f64> {
    error::closed_unit("the baseline conversion rate", baseline)?;
    error::closed_unit("the target conversion rate", target)?;
    Ok(2.0 * target.sqrt().asin() - 2.0 * baseline.sqrt().asin())
}

/// (null sd, alternative sd) of p_B - p_A times sqrt(n_A), for n_B = r n_A.
fn fleiss_sds(pa: f64, pb: f64, r: f64, method: ProportionPowerMethod) -> (f64, f64) {
    let alt = (pa * (1.0 - pa) + pb * (1.0 - pb) / r).sqrt();
    let pooled = (pa + r * pb) / (1.0 + r);
    let null = (pooled * (1.0 - pooled) * (1.0 + 1.0 / r)).sqrt();
    if method == ProportionPowerMethod::Unpooled {
        (alt, alt)
    } else {
        (null, alt)
    }
}

/// Exact (unrounded) n_A.
fn exact_n_a(
    pa: f64,
    pb: f64,
    alpha: f64,
    power: f64,
    r: f64,
    alternative: Alternative,
    method: ProportionPowerMethod,
) -> StatsResult<f64> {
    direction_ok(pb - pa, alternative)?;
    let n = match method {
        ProportionPowerMethod::CohensH => {
            let h = (2.0 * pb.sqrt().asin() - 2.0 * pa.sqrt().asin()).abs();
            let u = solve_shift(alpha, power, alternative == Alternative::TwoSided)?;
            let m = (u / h) * (u / h); // effective n = n_A r / (1 + r)
            m * (1.0 + r) / r
        }
        _ => {
            let (sn, sa) = fleiss_sds(pa, pb, r, method);
            let num = (crit(alpha, alternative) * sn - norm_isf(power) * sa).max(0.0);
            let d = pb - pa;
            (num / d) * (num / d)
        }
    };
    error::checked("the sample size", n)
}

/// Power for n_A and n_B visitors (real numbers allowed).
fn power_at(
    pa: f64,
    pb: f64,
    na: f64,
    nb: f64,
    alpha: f64,
    alternative: Alternative,
    method: ProportionPowerMethod,
) -> f64 {
    match method {
        ProportionPowerMethod::CohensH => {
            let h = 2.0 * pb.sqrt().asin() - 2.0 * pa.sqrt().asin();
            let m = 1.0 / (1.0 / na + 1.0 / nb);
            z_power(h * m.sqrt(), 1.0, alpha, alternative)
        }
        _ => {
            let r = nb / na;
            let (sn, sa) = fleiss_sds(pa, pb, r, method);
            let u = (pb - pa) * na.sqrt() / sa;
            z_power(u, sn / sa, alpha, alternative)
        }
    }
}

/// Visitors per arm to detect a change from `baseline` to `target` with the given power.
pub fn sample_size_proportions(
    baseline: f64,
    target: f64,
    design: &TestDesign,
    method: ProportionPowerMethod,
) -> StatsResult<SampleSizePlan> {
    check_rates(baseline, target)?;
    let (alpha, power, r) = check_design(design, true)?;
    let alternative = design.alternative;
    let exact = exact_n_a(baseline, target, alpha, power, r, alternative, method)?;
    round_plan(exact, r, |na, nb| {
        power_at(baseline, target, na, nb, alpha, alternative, method)
    })
}

/// Rounds an exact n_A up (and n_B = ratio n_A up) and reports the power reached.
pub(crate) fn round_plan(
    exact: f64,
    r: f64,
    power_fn: impl Fn(f64, f64) -> f64,
) -> StatsResult<SampleSizePlan> {
    const MAX_N: f64 = 9.0e15; // exact integers in f64
    let na = exact.ceil().max(1.0);
    let nb = (exact * r).ceil().max(1.0);
    if na > MAX_N || nb > MAX_N {
        return Err(StatsError::TooLarge {
            what: "the required sample size".into(),
        });
    }
    let achieved = error::checked("the achieved power", power_fn(na, nb))?;
    Ok(SampleSizePlan {
        n_a: na as u64,
        n_b: nb as u64,
        exact_n_a: exact,
        achieved_power: achieved,
    })
}

/// Power of the test with `n_a` visitors in A and `ratio * n_a` in B (`design.power` is
/// not used).
pub fn power_proportions(
    baseline: f64,
    target: f64,
    n_a: f64,
    design: &TestDesign,
    method: ProportionPowerMethod,
) -> StatsResult<f64> {
    error::closed_unit("the baseline conversion rate", baseline)?;
    error::closed_unit("the target conversion rate", target)?;
    error::positive("the visitors in arm A", n_a)?;
    let (alpha, _, r) = check_design(design, false)?;
    let alternative = design.alternative;
    if method != ProportionPowerMethod::CohensH
        && (baseline == target)
        && (baseline == 0.0 || baseline == 1.0)
    {
        return Ok(z_power(0.0, 1.0, alpha, alternative));
    }
    let p = power_at(baseline, target, n_a, n_a * r, alpha, alternative, method);
    error::checked("the power", p)
}

/// Smallest detectable treatment rate for `n_a` visitors in A and `ratio * n_a` in B: upward
/// for TwoSided and Greater, downward for Less. For Fleiss/Unpooled it inverts the sample
/// size formula (bisection to full precision).
pub fn mde_proportions(
    baseline: f64,
    n_a: f64,
    design: &TestDesign,
    method: ProportionPowerMethod,
) -> StatsResult<Mde> {
    error::open_unit("the baseline conversion rate", baseline)?;
    error::positive("the visitors in arm A", n_a)?;
    let (alpha, power, r) = check_design(design, true)?;
    let alternative = design.alternative;
    let down = alternative == Alternative::Less;
    let unreachable = || {
        StatsError::NoSolution {
        why: "no change in the conversion rate is detectable with this many visitors; add visitors or lower the power".into(),
    }
    };
    let target = match method {
        ProportionPowerMethod::CohensH => {
            let u = solve_shift(alpha, power, alternative == Alternative::TwoSided)?;
            let m = n_a * r / (1.0 + r);
            let h = u / m.sqrt();
            let phi = baseline.sqrt().asin() + if down { -h / 2.0 } else { h / 2.0 };
            if !(0.0..=std::f64::consts::FRAC_PI_2).contains(&phi) {
                return Err(unreachable());
            }
            phi.sin() * phi.sin()
        }
        _ => {
            let needs = |pb: f64| {
                exact_n_a(baseline, pb, alpha, power, r, alternative, method)
                    .unwrap_or(f64::INFINITY)
            };
            // n(p_B) falls as p_B moves away from the baseline; find where it crosses n_a.
            let (mut near, mut far) = if down {
                (baseline, 0.0)
            } else {
                (baseline, 1.0)
            };
            let edge = if down {
                f64::MIN_POSITIVE
            } else {
                1.0 - f64::EPSILON / 2.0
            };
            if needs(edge) > n_a {
                return Err(unreachable());
            }
            for _ in 0..200 {
                let mid = 0.5 * (near + far);
                if mid == near || mid == far {
                    break;
                }
                if needs(mid) > n_a {
                    near = mid
                } else {
                    far = mid
                }
            }
            far
        }
    };
    let absolute = target - baseline;
    let effect_size = match method {
        ProportionPowerMethod::CohensH => 2.0 * target.sqrt().asin() - 2.0 * baseline.sqrt().asin(),
        _ => absolute,
    };
    Ok(Mde {
        target: error::checked("the detectable rate", target)?,
        absolute,
        relative: absolute / baseline,
        effect_size,
    })
}
