//! Continuous distributions: normal, Student's t, chi-square and beta.
//!
//! Only the normal quantile comes from statrs (`erfc_inv`, within ~1e-15 down to 1e-300).
//! Everything else is ours (see `special`): statrs' `erfc` is off by up to 1e-10 relative
//! for 0.5 < x < 27 and by percents near underflow; its Student-t quantile freezes for
//! df >= 3e7 and its t tails lose up to 3.5e-6 relative at df ~ 2e9; its beta quantile has
//! unbounded loops. Upper tails are always computed directly, never as `1 - cdf`.
//! The `*_unchecked` helpers are crate-internal and assume validated arguments.

use super::error::{self, StatsError, StatsResult};
use super::special::normal_upper;
use super::special::{bd0, beta_inc, gamma_inc, ln_beta, ln_dbinom_raw, stirlerr, LN_SQRT_2PI};
use statrs::function::erf::erfc_inv;
use std::f64::consts::SQRT_2;

/// P(Z > z) for a standard normal Z.
pub fn normal_sf(z: f64) -> StatsResult<f64> {
    if z.is_nan() {
        return Err(StatsError::NotFinite {
            what: "the z score".into(),
        });
    }
    Ok(norm_sf(z))
}

/// P(Z <= z) for a standard normal Z.
pub fn normal_cdf(z: f64) -> StatsResult<f64> {
    normal_sf(-z)
}

/// The z with P(Z <= z) = p, for p in (0, 1).
pub fn normal_quantile(p: f64) -> StatsResult<f64> {
    error::open_unit("the probability", p)?;
    Ok(-norm_isf(p))
}

/// The z with P(Z > z) = p, for p in (0, 1); accurate for p down to 1e-300.
pub fn normal_isf(p: f64) -> StatsResult<f64> {
    error::open_unit("the probability", p)?;
    Ok(norm_isf(p))
}

pub(crate) fn norm_sf(z: f64) -> f64 {
    normal_upper(z)
}

pub(crate) fn norm_cdf(z: f64) -> f64 {
    normal_upper(-z)
}

/// Upper quantile; p must be in (0, 1).
pub(crate) fn norm_isf(p: f64) -> f64 {
    SQRT_2 * erfc_inv(2.0 * p)
}

pub(crate) fn norm_pdf(z: f64) -> f64 {
    (-0.5 * z * z - LN_SQRT_2PI).exp()
}

fn check_df(df: f64) -> StatsResult<f64> {
    error::positive("the degrees of freedom", df)
}

/// P(T > t) for Student's t with `df` > 0 degrees of freedom (any df, including 1e12).
pub fn students_t_sf(t: f64, df: f64) -> StatsResult<f64> {
    check_df(df)?;
    if t.is_nan() {
        return Err(StatsError::NotFinite {
            what: "the t statistic".into(),
        });
    }
    error::checked("the t tail probability", t_sf_unchecked(t, df))
}

/// P(T <= t) for Student's t.
pub fn students_t_cdf(t: f64, df: f64) -> StatsResult<f64> {
    students_t_sf(-t, df)
}

/// The t with P(T > t) = p, p in (0, 1). Newton steps on our own tail function; never calls
/// statrs' quantile (which does not return for df >= 3e7).
pub fn students_t_isf(p: f64, df: f64) -> StatsResult<f64> {
    check_df(df)?;
    error::open_unit("the probability", p)?;
    error::checked("the t quantile", t_isf_unchecked(p, df))
}

/// The t with P(T <= t) = p, p in (0, 1).
pub fn students_t_quantile(p: f64, df: f64) -> StatsResult<f64> {
    Ok(-students_t_isf(p, df)?)
}

/// ln of the Student-t density (Loader's form, as R's `dt`).
pub(crate) fn ln_t_pdf(t: f64, df: f64) -> f64 {
    let n = df;
    let front = -bd0(n / 2.0, (n + 1.0) / 2.0) + stirlerr((n + 1.0) / 2.0) - stirlerr(n / 2.0);
    let x2n = t * t / n;
    let (l_x2n, u) = if !x2n.is_finite() || x2n > 1.0 / f64::EPSILON {
        let l = t.abs().ln() - n.ln() / 2.0;
        (l, n * l)
    } else if x2n > 0.2 {
        let l = x2n.ln_1p() / 2.0;
        (l, n * l)
    } else {
        (
            x2n.ln_1p() / 2.0,
            -bd0(n / 2.0, (n + t * t) / 2.0) + t * t / 2.0,
        )
    };
    front - u - (LN_SQRT_2PI + l_x2n)
}

pub(crate) fn t_sf_unchecked(t: f64, df: f64) -> f64 {
    if t == 0.0 {
        return 0.5;
    }
    if df.is_infinite() {
        return norm_sf(t);
    }
    let upper = t > 0.0;
    let s = t.abs() / df.sqrt();
    let half_tail = if s > 1e150 {
        // I_x(df/2, 1/2) ~ x^a / (a B(a, 1/2)) with x = 1/(1 + s^2), error O(x) < 1e-300.
        let a = df / 2.0;
        (-2.0 * a * s.ln() - a.ln() - ln_beta(a, 0.5)).exp() / 2.0
    } else {
        let r = s * s;
        let (x, y) = (1.0 / (1.0 + r), r / (1.0 + r));
        match beta_inc(df / 2.0, 0.5, x, y) {
            Some((lower, _)) => lower / 2.0,
            None => f64::NAN,
        }
    };
    if upper {
        half_tail
    } else {
        1.0 - half_tail
    }
}

/// Upper quantile of Student's t for p in (0, 1). NaN only if the tail function fails.
pub(crate) fn t_isf_unchecked(p: f64, df: f64) -> f64 {
    if p > 0.5 {
        return -t_isf_unchecked(1.0 - p, df);
    }
    if p == 0.5 {
        return 0.0;
    }
    if df.is_infinite() || df > 1e300 {
        return norm_isf(p);
    }
    if df == 1.0 {
        return 1.0 / (std::f64::consts::PI * p).tan();
    }
    if df == 2.0 {
        return (1.0 - 2.0 * p) / (2.0 * p * (1.0 - p)).sqrt();
    }
    let ln_p = p.ln();
    // Starting points: Cornish-Fisher expansion around the normal, and the power-law tail
    // P(T > t) ~ t^(-df) df^((df-1)/2) / B(df/2, 1/2); take the one closer in ln scale.
    let z = norm_isf(p);
    let z2 = z * z;
    let cf =
        z + z * (z2 + 1.0) / (4.0 * df) + z * ((5.0 * z2 + 16.0) * z2 + 3.0) / (96.0 * df * df);
    let ln_tail = ((df - 1.0) / 2.0 * df.ln() - ln_beta(df / 2.0, 0.5) - df.ln() - ln_p) / df;
    let mut t = cf;
    let g = |t: f64| t_sf_unchecked(t, df).ln() - ln_p;
    if ln_tail.is_finite() && ln_tail < 709.0 {
        let tail = ln_tail.exp();
        let gc = g(cf);
        let gt = g(tail);
        if gt.is_finite() && (!gc.is_finite() || gt.abs() < gc.abs()) {
            t = tail;
        }
    }
    // Safeguarded Newton on g(u) = ln sf(e^u) - ln p in u = ln t (nearly linear for heavy
    // tails, so it also converges for df near 0), g'(u) = -t pdf(t) / sf(t); bisection in u
    // when a step leaves the bracket. Then Newton steps in t for the last digits.
    let g_and_slope = |t: f64| -> (f64, f64) {
        let sf = t_sf_unchecked(t, df);
        (sf.ln() - ln_p, -(ln_t_pdf(t, df) + t.ln() - sf.ln()).exp())
    };
    let mut u = t.max(f64::MIN_POSITIVE).ln();
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    for _ in 0..400 {
        let (g, slope) = g_and_slope(u.exp());
        if !g.is_finite() {
            // sf underflowed or overflowed: t is too large
            hi = hi.min(u);
        } else if g > 0.0 {
            lo = lo.max(u);
        } else {
            hi = hi.min(u);
        }
        let mut next = if g.is_finite() && slope < 0.0 {
            u - g / slope
        } else {
            f64::NAN
        };
        if !(next.is_finite() && next > lo && next < hi) {
            next = match (lo.is_finite(), hi.is_finite()) {
                (true, true) => 0.5 * (lo + hi),
                (true, false) => lo + lo.abs().max(1.0),
                (false, true) => hi - hi.abs().max(1.0),
                (false, false) => u + 1.0,
            };
        }
        let done = (next - u).abs() <= 1e-13 || next > 709.0 && u > 709.0;
        u = next;
        if done {
            break;
        }
    }
    let mut t = u.exp();
    for _ in 0..3 {
        let sf = t_sf_unchecked(t, df);
        let step = (sf.ln() - ln_p) * (sf.ln() - ln_t_pdf(t, df)).exp();
        let next = t + step;
        if !next.is_finite() || next <= 0.0 {
            break;
        }
        t = next;
    }
    // Refuse (NaN, turned into an error by the caller) rather than return a wrong answer,
    // e.g. when the quantile overflows for df near 0.
    let residual = t_sf_unchecked(t, df).ln() - ln_p;
    if t.is_finite() && residual.abs() <= 1e-9 {
        t
    } else {
        f64::NAN
    }
}

/// P(X > x) for a chi-square variable with `df` degrees of freedom.
pub fn chi_square_sf(x: f64, df: f64) -> StatsResult<f64> {
    check_df(df)?;
    if x.is_nan() {
        return Err(StatsError::NotFinite {
            what: "the chi-square statistic".into(),
        });
    }
    error::checked("the chi-square tail probability", chi2_sf_unchecked(x, df))
}

pub(crate) fn chi2_sf_unchecked(x: f64, df: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    if x.is_infinite() {
        return 0.0;
    }
    if df == 2.0 {
        return (-x / 2.0).exp();
    }
    match gamma_inc(df / 2.0, x / 2.0) {
        Some((_, q)) => q,
        None => f64::NAN,
    }
}

/// Both tails (P(X <= x), P(X > x)) of Beta(a, b) at x in [0, 1].
pub fn beta_tails(x: f64, a: f64, b: f64) -> StatsResult<(f64, f64)> {
    error::positive("the first beta parameter", a)?;
    error::positive("the second beta parameter", b)?;
    error::closed_unit("the point", x)?;
    beta_inc(a, b, x, 1.0 - x).ok_or_else(|| StatsError::TooLarge {
        what: "a beta parameter".into(),
    })
}

/// ln of the Beta(a, b) density at x (with y = 1 - x), valid for all a, b > 0.
pub(crate) fn ln_beta_pdf(a: f64, b: f64, x: f64, y: f64) -> f64 {
    // x^a y^b / B(a,b) = dbinom_raw(a; a+b, x) a b / (a+b); divide by x y.
    ln_dbinom_raw(a, b, x, y) + (a * b / (a + b)).ln() - x.ln() - y.ln()
}

/// The x with P(X <= x) = p (`upper` false) or P(X > x) = p (`upper` true) for Beta(a, b).
/// Safeguarded Newton in ln-probability; the result keeps full relative precision near 0.
pub fn beta_quantile(p: f64, a: f64, b: f64, upper: bool) -> StatsResult<f64> {
    error::positive("the first beta parameter", a)?;
    error::positive("the second beta parameter", b)?;
    error::open_unit("the probability", p)?;
    error::checked("the beta quantile", beta_quantile_unchecked(p, a, b, upper))
}

pub(crate) fn beta_quantile_unchecked(p: f64, a: f64, b: f64, upper: bool) -> f64 {
    let ln_p = p.ln();
    // g(x) = ln tail(x) - ln p, decreasing in x for the upper tail, increasing for the lower.
    let g = |x: f64| -> Option<(f64, f64)> {
        let (lo_t, up_t) = beta_inc(a, b, x, 1.0 - x)?;
        let tail = if upper { up_t } else { lo_t };
        Some((tail.ln() - ln_p, tail))
    };
    // Start from the normal approximation, clamped into (0, 1).
    let mean = a / (a + b);
    let sd = (a * b / ((a + b) * (a + b) * (a + b + 1.0))).sqrt();
    let z = norm_isf(p);
    let mut x = if upper { mean + z * sd } else { mean - z * sd };
    if !(x > 0.0 && x < 1.0) {
        x = if x <= 0.0 {
            mean / 2.0
        } else {
            (1.0 + mean) / 2.0
        };
    }
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..400 {
        let Some((gx, tail)) = g(x) else {
            return f64::NAN;
        };
        // "too far right" means the lower tail is too big / the upper tail too small
        let too_far_right = if upper { gx < 0.0 } else { gx > 0.0 };
        if gx == 0.0 {
            return x;
        }
        if too_far_right {
            hi = x;
        } else {
            lo = x;
        }
        let y = 1.0 - x;
        let dens = ln_beta_pdf(a, b, x, y).exp();
        let slope = if upper { -dens / tail } else { dens / tail };
        let mut next = x - gx / slope;
        if !(next.is_finite() && next > lo && next < hi) {
            // bisect, geometrically when the bracket spans orders of magnitude
            next = if lo > 0.0 && hi / lo > 4.0 {
                (lo * hi).sqrt()
            } else if lo == 0.0 && hi < 0.25 {
                hi / 16.0
            } else if hi == 1.0 && lo > 0.75 {
                1.0 - (1.0 - lo) / 16.0
            } else {
                0.5 * (lo + hi)
            };
        }
        if (next - x).abs() <= 4.0 * f64::EPSILON * x.min(1.0 - x).max(f64::MIN_POSITIVE) {
            return next;
        }
        if next <= 0.0 || next >= 1.0 {
            return x;
        }
        x = next;
    }
    x
}
