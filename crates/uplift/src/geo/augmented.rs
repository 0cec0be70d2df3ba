//! Augmented synthetic control with a ridge outcome model (Ben-Michael, Feller & Rothstein
//! 2021, "ridge ASCM"; the augsynth R package with `progfunc = "Ridge"`, as pysyncon's
//! `AugSynth` reproduces it). When the plain synthetic control cannot match the treated
//! pre-period exactly, a ridge regression on the pre-period outcomes corrects the remaining
//! imbalance:
//!
//!   w_aug = w_scm + (B'B + lambda I)^-1 B'(x1 - X0 w_scm)
//!
//! where X0 holds the donors' pre-period series (one column per donor), x1 the treated
//! one, and B is X0 centred at the donors' mean on each date. The correction sums to zero,
//! so w_aug still sums to 1, but single weights may be negative (a bounded extrapolation).
//! Everything is computed from the panel's pre-period cross-products (`Gram`): with
//! P = I - 11'/J, B'B = P G P and B'(x1 - X0 w) = P (g - G w).
//!
//! The penalty lambda is stated relative to the largest eigenvalue of B'B (lambda_max).
//! Unless the user sets it, it is chosen as the augsynth package does: the grid
//! lambda_max x s^(k-1), k = 0..20, s = (1e-8)^(1/20); leave one pre-period date out at a
//! time (every date but the last), refit both steps on the others, and score each lambda by
//! the squared error on the left-out date; take the largest lambda whose mean error is
//! within one standard error of the smallest.

use serde::{Deserialize, Serialize};

use microplan_stats::ridge::{largest_eigenvalue, ridge_solve, symmetric_eigen};
use microplan_stats::synth::Gram;
use microplan_stats::{StatsError, StatsResult};

/// Which estimator reads the gap of a geo test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum GeoEstimator {
    /// Simplex weights on the pre-period outcome path (Abadie et al. 2010).
    #[default]
    SyntheticControl,
    /// The same weights plus the ridge correction above.
    AugmentedRidge,
}

impl GeoEstimator {
    pub fn label(self) -> &'static str {
        match self {
            GeoEstimator::SyntheticControl => "Synthetic control",
            GeoEstimator::AugmentedRidge => "Augmented (ridge)",
        }
    }
}

/// Steps of the penalty grid below its top (the grid has `LAMBDA_STEPS + 1` values).
pub const LAMBDA_STEPS: usize = 20;
/// The grid spans this ratio from its second value to its last.
pub const LAMBDA_MIN_RATIO: f64 = 1e-8;

/// The penalty an augmented fit used.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RidgePenalty {
    /// lambda / lambda_max.
    pub relative: f64,
    /// lambda in the units of the panel's cross-products (`Gram`).
    pub lambda: f64,
    /// Leave-one-date-out folds it was chosen by; 0 when the user set it.
    pub folds: usize,
}

/// The relative penalties of the cross-validation grid, largest first.
pub fn relative_grid() -> Vec<f64> {
    let step = LAMBDA_MIN_RATIO.powf(1.0 / LAMBDA_STEPS as f64);
    (0..=LAMBDA_STEPS as i32)
        .map(|k| step.powi(k - 1))
        .collect()
}

/// P G P and P (g - G w) for `target` against `donors` (indices into `gram`).
fn centred_system(
    gram: &Gram,
    target: usize,
    donors: &[usize],
    weights: &[f64],
) -> (Vec<f64>, Vec<f64>) {
    let n = donors.len();
    let count = n.max(1) as f64;
    let g = |a: usize, b: usize| {
        gram.at(
            donors.get(a).copied().unwrap_or(0),
            donors.get(b).copied().unwrap_or(0),
        )
    };
    let row_means: Vec<f64> = (0..n)
        .map(|a| (0..n).map(|b| g(a, b)).sum::<f64>() / count)
        .collect();
    let grand = row_means.iter().sum::<f64>() / count;
    let mut centred = vec![0.0; n * n];
    for a in 0..n {
        for b in 0..n {
            if let Some(cell) = centred.get_mut(a * n + b) {
                let (ra, rb) = (
                    row_means.get(a).copied().unwrap_or(0.0),
                    row_means.get(b).copied().unwrap_or(0.0),
                );
                *cell = g(a, b) - ra - rb + grand;
            }
        }
    }
    let residual: Vec<f64> = (0..n)
        .map(|a| {
            let fitted: f64 = (0..n)
                .map(|b| g(a, b) * weights.get(b).copied().unwrap_or(0.0))
                .sum();
            gram.at(donors.get(a).copied().unwrap_or(0), target) - fitted
        })
        .collect();
    let mean = residual.iter().sum::<f64>() / count;
    (centred, residual.into_iter().map(|r| r - mean).collect())
}

/// lambda_max: the largest eigenvalue of B'B for `donors`.
pub fn lambda_max(gram: &Gram, donors: &[usize]) -> f64 {
    let (centred, _) = centred_system(gram, 0, donors, &[]);
    largest_eigenvalue(&centred, donors.len())
}

/// The augmented weights of `donors` for `target`, from the simplex weights `scm`.
pub fn augmented_weights(
    gram: &Gram,
    target: usize,
    donors: &[usize],
    scm: &[f64],
    lambda: f64,
) -> StatsResult<Vec<f64>> {
    if !(lambda > 0.0 && lambda.is_finite()) {
        return Err(StatsError::OutOfRange {
            what: "the ridge penalty".into(),
            value: lambda,
            expected: "above 0".into(),
        });
    }
    let (centred, tilt) = centred_system(gram, target, donors, scm);
    let correction = ridge_solve(&centred, lambda, &tilt)?;
    Ok(scm.iter().zip(&correction).map(|(w, c)| w + c).collect())
}

/// Chooses the penalty for unit 0 of `series` (pre-period only; `gram` their cross-products)
/// by leave-one-date-out cross-validation (module documentation).
///
/// Leaving date i out changes B'B by a rank-one term: B_i'B_i = B'B - b b' (b the centred
/// donors on date i). With B'B = Q diag(e) Q' computed once, the error on date i needs only
/// b'c, c = (B_i'B_i + lambda I)^-1 r, which is (b'A^-1 r) / (1 - b'A^-1 b) with
/// A = B'B + lambda I (Sherman-Morrison; c is orthogonal to 1, so x_i'c = b'c): O(J^2) per
/// date and O(J) per penalty instead of a J x J solve per date and penalty.
pub fn cross_validated_penalty(series: &[&[f64]], gram: &Gram) -> StatsResult<RidgePenalty> {
    let days = series.first().map_or(0, |s| s.len());
    if days < 3 {
        return Err(StatsError::TooFew {
            what: "the pre-period for choosing the ridge penalty".into(),
            needed: 3,
            got: days as u64,
        });
    }
    let donors: Vec<usize> = (1..series.len()).collect();
    let n = donors.len();
    let (centred, _) = centred_system(gram, 0, &donors, &[]);
    let (values, vectors) = symmetric_eigen(&centred, n)?;
    let top = values.iter().fold(0.0_f64, |m, v| m.max(*v));
    if !(top > 0.0 && top.is_finite()) {
        return Err(StatsError::NoVariation {
            what: "the held-back regions (they move identically)".into(),
        });
    }
    // Q'x for a vector x of donors.
    let rotate = |x: &[f64]| -> Vec<f64> {
        (0..n)
            .map(|k| {
                (0..n)
                    .map(|j| {
                        vectors.get(j * n + k).copied().unwrap_or(0.0)
                            * x.get(j).copied().unwrap_or(0.0)
                    })
                    .sum()
            })
            .collect()
    };
    let grid = relative_grid();
    let folds = days - 1;
    let mut errors = vec![Vec::with_capacity(folds); grid.len()];
    for left_out in 0..folds {
        let day: Vec<f64> = series
            .iter()
            .map(|s| s.get(left_out).copied().unwrap_or(0.0) / gram.scale())
            .collect();
        let fold = gram.without_day(&day.iter().map(|v| v * gram.scale()).collect::<Vec<_>>());
        let scm = fold.fit(0, &donors)?.weights;
        let (_, tilt) = centred_system(&fold, 0, &donors, &scm);
        let donor_day = day.get(1..).unwrap_or(&[]);
        let mean = donor_day.iter().sum::<f64>() / n.max(1) as f64;
        let centred_day: Vec<f64> = donor_day.iter().map(|x| x - mean).collect();
        let (tilt_q, day_q) = (rotate(&tilt), rotate(&centred_day));
        let observed = day.first().copied().unwrap_or(0.0);
        let plain: f64 = donor_day.iter().zip(&scm).map(|(x, w)| x * w).sum();
        for (relative, errs) in grid.iter().zip(errors.iter_mut()) {
            let lambda = relative * top;
            let (mut towards_tilt, mut towards_day) = (0.0, 0.0);
            for ((e, t), d) in values.iter().zip(&tilt_q).zip(&day_q) {
                towards_tilt += d * t / (e + lambda);
                towards_day += d * d / (e + lambda);
            }
            let denominator = 1.0 - towards_day;
            if refuses_denominator(denominator) {
                return Err(StatsError::NoSolution {
                    why: "the ridge system is not positive definite (set a larger ridge penalty)"
                        .into(),
                });
            }
            errs.push((observed - plain - towards_tilt / denominator).powi(2));
        }
    }
    let summary: Vec<(f64, f64)> = errors
        .iter()
        .map(|e| {
            let n = e.len() as f64;
            let mean = e.iter().sum::<f64>() / n;
            let variance = e.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
            (mean, (variance / n).sqrt())
        })
        .collect();
    let (best, best_se) =
        summary.iter().fold(
            (f64::INFINITY, 0.0),
            |acc, &(m, se)| if m < acc.0 { (m, se) } else { acc },
        );
    // The grid is in decreasing order: the first within one SE is the largest.
    let relative = grid
        .iter()
        .zip(&summary)
        .find(|(_, (m, _))| *m <= best + best_se)
        .map_or(1.0, |(r, _)| *r);
    Ok(RidgePenalty {
        relative,
        lambda: relative * top,
        folds,
    })
}

/// The penalty the user set (relative to lambda_max) in the units of `gram`.
pub fn stated_penalty(gram: &Gram, donors: &[usize], relative: f64) -> StatsResult<RidgePenalty> {
    if !(relative > 0.0 && relative.is_finite()) {
        return Err(StatsError::OutOfRange {
            what: "the ridge penalty".into(),
            value: relative,
            expected: "above 0".into(),
        });
    }
    let top = lambda_max(gram, donors);
    if !(top > 0.0 && top.is_finite()) {
        return Err(StatsError::NoVariation {
            what: "the held-back regions (they move identically)".into(),
        });
    }
    Ok(RidgePenalty {
        relative,
        lambda: relative * top,
        folds: 0,
    })
}

/// 1 - leverage of the left-out day: zero, negative or NaN means the ridge system is not
/// positive definite, so NaN is refused rather than carried into the errors.
fn refuses_denominator(denominator: f64) -> bool {
    denominator.is_nan() || denominator <= 0.0
}

#[cfg(test)]
mod tests {
    use super::refuses_denominator;

    #[test]
    fn a_nan_zero_or_negative_denominator_is_refused() {
        assert!(refuses_denominator(f64::NAN));
        assert!(refuses_denominator(0.0));
        assert!(refuses_denominator(-1e-12));
        assert!(!refuses_denominator(1e-12));
        assert!(!refuses_denominator(f64::INFINITY));
    }
}
