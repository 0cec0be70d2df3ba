//! The gap between a unit and its weighted donors, and the root mean squared prediction
//! error (RMSPE) of that gap: shared by the fit, the placebos, the power simulation and the
//! candidate ranking.

/// Root mean square of `values` (0 when empty).
pub(crate) fn rmspe(values: &[f64]) -> f64 {
    let largest = values.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    if values.is_empty() || largest == 0.0 || !largest.is_finite() {
        return if largest.is_finite() { 0.0 } else { f64::MAX };
    }
    let relative = values
        .iter()
        .map(|v| (v / largest) * (v / largest))
        .sum::<f64>()
        / values.len() as f64;
    largest * relative.sqrt()
}

/// The ratio the placebo test ranks, with the pre RMSPE floored at `floor` so a perfect fit
/// gives a large finite ratio instead of infinity.
pub(crate) fn rmspe_ratio(pre: f64, post: f64, floor: f64) -> f64 {
    let ratio = post / pre.max(floor);
    if ratio.is_finite() {
        ratio
    } else {
        f64::MAX
    }
}

/// Synthetic series, gap and RMSPEs of `target` reproduced by `donors` with `weights`.
pub(crate) fn evaluate(
    target: &[f64],
    donors: &[&[f64]],
    weights: &[f64],
    pre_days: usize,
) -> (Vec<f64>, Vec<f64>, f64, f64) {
    let synthetic: Vec<f64> = (0..target.len())
        .map(|t| {
            donors
                .iter()
                .zip(weights)
                .map(|(d, w)| w * d.get(t).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    let gap: Vec<f64> = target.iter().zip(&synthetic).map(|(y, s)| y - s).collect();
    let (pre, post) = gap.split_at(pre_days.min(gap.len()));
    let (pre_rmspe, post_rmspe) = (rmspe(pre), rmspe(post));
    (synthetic, gap, pre_rmspe, post_rmspe)
}

/// Floor of the pre RMSPE: 1e-9 of the panel's root mean square level.
pub(crate) fn ratio_floor(series: &[&[f64]]) -> f64 {
    let all: Vec<f64> = series.iter().flat_map(|s| s.iter().copied()).collect();
    (1e-9 * rmspe(&all)).max(f64::MIN_POSITIVE)
}
