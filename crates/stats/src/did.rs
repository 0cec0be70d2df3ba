//! Geo or time incrementality: difference in differences (DiD) with a pre-period, and a
//! pre-trend check of the parallel-trends assumption.
//!
//! Observations are one value per group and period (e.g. daily sales of the test regions
//! and of the control regions, before and after launch). The estimate is the OLS
//! coefficient of treated x post in y = b0 + b1 treated + b2 post + b3 treated x post + e,
//! which equals the difference of cell means
//!   b3 = (mean_T,post - mean_T,pre) - (mean_C,post - mean_C,pre).
//! Standard errors, as statsmodels `OLS(y, X).fit(cov_type=...)` on that design:
//! - [`DidStdError::Classic`] (`nonrobust`): s^2 = SSR / (n - 4),
//!   Var(b3) = s^2 (1/n_Tpre + 1/n_Tpost + 1/n_Cpre + 1/n_Cpost); t with n - 4 df.
//! - [`DidStdError::Robust`] (`HC1`): Var(b3) = n/(n - 4) * sum over cells of SSR_cell / n_cell^2
//!   (the sandwich of a saturated dummy design); normal reference distribution, as
//!   statsmodels uses for robust covariances.
//!
//! Daily values are often serially correlated; both errors assume they are not, which the
//! UI states.
//!
//! Pre-trend check: on the pre-period only, y = a + b treated + c t + d treated x t + e;
//! d = slope_T - slope_C is the difference in trends per time unit. Classic:
//! Var(d) = s^2 (1/Sxx_T + 1/Sxx_C) with s^2 = (SSR_T + SSR_C) / (n - 4); HC1:
//! n/(n - 4) (sum_T (t - tbar)^2 e^2 / Sxx_T^2 + sum_C ...). Reference fixtures: statsmodels
//! OLS with the same design and covariance, cross-checked at 50 digits with mpmath.

use super::distributions::{norm_isf, norm_sf, t_isf_unchecked, t_sf_unchecked};
use super::error::{self, StatsError, StatsResult};
use serde::{Deserialize, Serialize};

/// Which standard error the estimate uses (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum DidStdError {
    /// OLS errors assuming equal variance in every cell; t distribution with n - 4 df.
    #[default]
    Classic,
    /// Heteroskedasticity-robust HC1 errors; normal distribution.
    Robust,
}

/// The four series of a difference-in-differences design.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DidSeries<'a> {
    pub treated_pre: &'a [f64],
    pub treated_post: &'a [f64],
    pub control_pre: &'a [f64],
    pub control_post: &'a [f64],
}

/// An estimated coefficient with its standard error, test and two-sided interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Coefficient {
    pub estimate: f64,
    pub std_error: f64,
    /// t (classic) or z (robust) statistic.
    pub statistic: f64,
    /// Degrees of freedom of the t distribution; `None` when the normal is used.
    pub df: Option<f64>,
    /// Two-sided p-value for "the coefficient is zero".
    pub p_value: f64,
    pub lower: f64,
    pub upper: f64,
}

/// Result of the difference-in-differences estimate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DidResult {
    /// The incremental effect per observation (b3) with its interval.
    pub effect: Coefficient,
    /// Cell means: treated pre, treated post, control pre, control post.
    pub treated_pre_mean: f64,
    pub treated_post_mean: f64,
    pub control_pre_mean: f64,
    pub control_post_mean: f64,
    /// What the treated group would have shown after launch without the campaign:
    /// treated pre mean + the control group's change.
    pub counterfactual: f64,
    /// effect / counterfactual (a point estimate only); `None` when the counterfactual is
    /// not above zero.
    pub relative_effect: Option<f64>,
}

/// Result of the pre-trend check.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PreTrend {
    /// slope_T - slope_C per time unit, with its test and interval.
    pub slope_difference: Coefficient,
    pub treated_slope: f64,
    pub control_slope: f64,
}

/// Mean of `values - shift` and the sum of squared deviations (two-pass). Callers shift by
/// a value of the data so that levels near 1e9 do not swamp differences of a few units:
/// `v - shift` is exact for nearby values (Sterbenz), and the shift cancels in every
/// difference of means.
fn mean_ss(values: &[f64], shift: f64) -> (f64, f64) {
    let n = values.len() as f64;
    let (mut sum, mut comp) = (0.0_f64, 0.0_f64);
    for v in values {
        sum += v - shift;
    }
    let mean_shifted = sum / n;
    let mut ss = 0.0_f64;
    for v in values {
        let d = (v - shift) - mean_shifted;
        ss += d * d;
        comp += d;
    }
    (mean_shifted, (ss - comp * comp / n).max(0.0))
}

fn check_values(what: &str, values: &[f64]) -> StatsResult<()> {
    if values.is_empty() {
        return Err(StatsError::Empty {
            what: what.to_string(),
        });
    }
    for v in values {
        error::finite(&format!("a value in {what}"), *v)?;
    }
    Ok(())
}

/// A coefficient from its estimate, variance and reference distribution.
fn coefficient(
    estimate: f64,
    variance: f64,
    df: Option<f64>,
    alpha: f64,
    what: &str,
) -> StatsResult<Coefficient> {
    if variance <= 0.0 {
        return Err(StatsError::NoVariation {
            what: what.to_string(),
        });
    }
    let estimate = error::checked("the estimate", estimate)?;
    let se = error::checked("the standard error", variance.sqrt())?;
    let statistic = estimate / se;
    let (p, crit) = match df {
        Some(df) => (
            (2.0 * t_sf_unchecked(statistic.abs(), df)).min(1.0),
            t_isf_unchecked(alpha / 2.0, df),
        ),
        None => (
            (2.0 * norm_sf(statistic.abs())).min(1.0),
            norm_isf(alpha / 2.0),
        ),
    };
    Ok(Coefficient {
        estimate,
        std_error: se,
        statistic: error::checked("the test statistic", statistic)?,
        df,
        p_value: error::checked("the p-value", p)?,
        lower: error::checked("the lower limit", estimate - crit * se)?,
        upper: error::checked("the upper limit", estimate + crit * se)?,
    })
}

/// Difference in differences of the four series at level alpha (interval 1 - alpha).
/// Needs at least one value per cell and five in all (so that n - 4 >= 1).
pub fn difference_in_differences(
    series: DidSeries,
    alpha: f64,
    std_error: DidStdError,
) -> StatsResult<DidResult> {
    let alpha = error::alpha(alpha)?;
    let cells = [
        ("the treated group before launch", series.treated_pre),
        ("the treated group after launch", series.treated_post),
        ("the control group before launch", series.control_pre),
        ("the control group after launch", series.control_post),
    ];
    for (what, values) in cells {
        check_values(what, values)?;
    }
    let n: usize = cells.iter().map(|(_, v)| v.len()).sum();
    if n < 5 {
        return Err(StatsError::TooFew {
            what: "a difference in differences".into(),
            needed: 5,
            got: n as u64,
        });
    }
    let shift = series.control_pre.first().copied().unwrap_or(0.0);
    let stats: Vec<(f64, f64, f64)> = cells
        .iter()
        .map(|(_, v)| {
            let (m, ss) = mean_ss(v, shift);
            (m, ss, v.len() as f64)
        })
        .collect();
    let &[tp, tq, cp, cq] = stats.as_slice() else {
        return Err(StatsError::Empty {
            what: "a difference in differences".into(),
        });
    };
    let estimate = (tq.0 - tp.0) - (cq.0 - cp.0);
    let nf = n as f64;
    let resid_df = nf - 4.0;
    let variance = match std_error {
        DidStdError::Classic => {
            let s2 = stats.iter().map(|s| s.1).sum::<f64>() / resid_df;
            s2 * stats.iter().map(|s| 1.0 / s.2).sum::<f64>()
        }
        DidStdError::Robust => nf / resid_df * stats.iter().map(|s| s.1 / (s.2 * s.2)).sum::<f64>(),
    };
    let df = (std_error == DidStdError::Classic).then_some(resid_df);
    let effect = coefficient(
        estimate,
        variance,
        df,
        alpha,
        "the daily values within each period",
    )?;
    let counterfactual = error::checked("the counterfactual", shift + (tp.0 + (cq.0 - cp.0)))?;
    Ok(DidResult {
        effect,
        treated_pre_mean: shift + tp.0,
        treated_post_mean: shift + tq.0,
        control_pre_mean: shift + cp.0,
        control_post_mean: shift + cq.0,
        counterfactual,
        relative_effect: (counterfactual > 0.0).then(|| effect.estimate / counterfactual),
    })
}

/// Slope, intercept-free residual sum of squares, Sxx and the HC0 meat of one group's
/// regression of value on time.
fn slope_parts(points: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    let times: Vec<f64> = points.iter().map(|p| p.0).collect();
    let values: Vec<f64> = points.iter().map(|p| p.1).collect();
    let (t0, y0) = points.first().copied().unwrap_or((0.0, 0.0));
    let (tbar, sxx) = mean_ss(&times, t0);
    let (ybar, _) = mean_ss(&values, y0);
    let sxy: f64 = points
        .iter()
        .map(|(t, y)| ((t - t0) - tbar) * ((y - y0) - ybar))
        .sum();
    let slope = sxy / sxx;
    let mut ssr = 0.0;
    let mut meat = 0.0;
    for (t, y) in points {
        let (dt, dy) = ((t - t0) - tbar, (y - y0) - ybar);
        let e = dy - slope * dt;
        ssr += e * e;
        meat += dt * dt * e * e;
    }
    (slope, ssr, sxx, meat)
}

fn check_points(what: &str, points: &[(f64, f64)]) -> StatsResult<()> {
    for (t, y) in points {
        error::finite(&format!("a date in {what}"), *t)?;
        error::finite(&format!("a value in {what}"), *y)?;
    }
    let first = points.first().map(|p| p.0);
    if points.len() < 2 || points.iter().all(|p| Some(p.0) == first) {
        return Err(StatsError::TooFew {
            what: format!("{what} (different dates)"),
            needed: 2,
            got: points.len().min(1) as u64,
        });
    }
    Ok(())
}

/// Tests whether the treated and control groups trended alike before launch: the
/// difference of their linear slopes over (time, value) points of the pre-period.
/// Needs two different times per group and five points in all.
pub fn pre_trend(
    treated_pre: &[(f64, f64)],
    control_pre: &[(f64, f64)],
    alpha: f64,
    std_error: DidStdError,
) -> StatsResult<PreTrend> {
    let alpha = error::alpha(alpha)?;
    check_points("the treated group before launch", treated_pre)?;
    check_points("the control group before launch", control_pre)?;
    let n = treated_pre.len() + control_pre.len();
    if n < 5 {
        return Err(StatsError::TooFew {
            what: "the pre-trend check".into(),
            needed: 5,
            got: n as u64,
        });
    }
    let (st, ssr_t, sxx_t, meat_t) = slope_parts(treated_pre);
    let (sc, ssr_c, sxx_c, meat_c) = slope_parts(control_pre);
    let nf = n as f64;
    let resid_df = nf - 4.0;
    let variance = match std_error {
        DidStdError::Classic => (ssr_t + ssr_c) / resid_df * (1.0 / sxx_t + 1.0 / sxx_c),
        DidStdError::Robust => {
            nf / resid_df * (meat_t / (sxx_t * sxx_t) + meat_c / (sxx_c * sxx_c))
        }
    };
    let df = (std_error == DidStdError::Classic).then_some(resid_df);
    let slope_difference = coefficient(
        st - sc,
        variance,
        df,
        alpha,
        "the pre-period values around their trend lines",
    )?;
    Ok(PreTrend {
        slope_difference,
        treated_slope: error::checked("the treated slope", st)?,
        control_slope: error::checked("the control slope", sc)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_checked_two_by_two() {
        // Cells: T pre [1, 3] mean 2, T post [6, 8] mean 7, C pre [2, 4] mean 3,
        // C post [4, 6] mean 5. Effect = (7 - 2) - (5 - 3) = 3.
        // Every cell has SS = 2, SSR = 8, n = 8, s^2 = 8 / 4 = 2,
        // Var = 2 * (4 * 1/2) = 4, se = 2, t = 1.5 on 4 df.
        let s = DidSeries {
            treated_pre: &[1.0, 3.0],
            treated_post: &[6.0, 8.0],
            control_pre: &[2.0, 4.0],
            control_post: &[4.0, 6.0],
        };
        let r = difference_in_differences(s, 0.05, DidStdError::Classic).unwrap();
        assert!((r.effect.estimate - 3.0).abs() < 1e-15);
        assert!((r.effect.std_error - 2.0).abs() < 1e-15);
        assert_eq!(r.effect.df, Some(4.0));
        // Counterfactual 2 + (5 - 3) = 4, relative 3 / 4.
        assert!((r.counterfactual - 4.0).abs() < 1e-15);
        assert_eq!(r.relative_effect, Some(0.75));
        // HC1: 8/4 * 4 * (2 / 4) = 4, the same here because the cells are balanced.
        let h = difference_in_differences(s, 0.05, DidStdError::Robust).unwrap();
        assert!((h.effect.std_error - 2.0).abs() < 1e-15);
        assert_eq!(h.effect.df, None);
    }

    #[test]
    fn parallel_lines_have_no_trend_difference() {
        // Treated y = 10 + 2t + noise, control y = 3 + 2t + the same noise: slopes equal.
        let noise = [0.5, -0.5, 0.25, -0.25, 0.0];
        let t: Vec<(f64, f64)> = (0..5)
            .map(|i| (i as f64, 10.0 + 2.0 * i as f64 + noise[i]))
            .collect();
        let c: Vec<(f64, f64)> = (0..5)
            .map(|i| (i as f64, 3.0 + 2.0 * i as f64 + noise[i]))
            .collect();
        let r = pre_trend(&t, &c, 0.05, DidStdError::Classic).unwrap();
        assert!(r.slope_difference.estimate.abs() < 1e-14);
        assert!(r.slope_difference.p_value > 0.99);
    }

    #[test]
    fn impossible_input_is_refused() {
        let s = DidSeries {
            treated_pre: &[],
            treated_post: &[1.0],
            control_pre: &[1.0],
            control_post: &[1.0],
        };
        assert!(matches!(
            difference_in_differences(s, 0.05, DidStdError::Classic),
            Err(StatsError::Empty { .. })
        ));
        let s = DidSeries {
            treated_pre: &[1.0],
            treated_post: &[1.0],
            control_pre: &[1.0],
            control_post: &[1.0],
        };
        assert!(matches!(
            difference_in_differences(s, 0.05, DidStdError::Classic),
            Err(StatsError::TooFew { .. })
        ));
        let flat = DidSeries {
            treated_pre: &[1.0, 1.0],
            treated_post: &[2.0],
            control_pre: &[1.0],
            control_post: &[1.0],
        };
        assert!(matches!(
            difference_in_differences(flat, 0.05, DidStdError::Classic),
            Err(StatsError::NoVariation { .. })
        ));
        let nan = DidSeries {
            treated_pre: &[f64::NAN, 1.0],
            treated_post: &[2.0],
            control_pre: &[1.0],
            control_post: &[1.0],
        };
        assert!(difference_in_differences(nan, 0.05, DidStdError::Robust).is_err());
        let one_day = [(1.0, 2.0), (1.0, 3.0)];
        assert!(pre_trend(
            &one_day,
            &[(0.0, 1.0), (1.0, 2.0), (2.0, 2.0)],
            0.05,
            DidStdError::Classic
        )
        .is_err());
        assert!(pre_trend(
            &[(0.0, 1.0), (1.0, 2.0), (2.0, 2.0)],
            &[(0.0, 1.0), (1.0, 2.0)],
            1.5,
            DidStdError::Classic
        )
        .is_err());
    }
}
