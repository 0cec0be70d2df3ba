//! Exact (Garwood) Poisson interval for an event count, used for cost per click, order and
//! engagement: if k outcomes were observed, the expected count lies between the limits below
//! with 95% confidence, and cost / upper .. cost / lower bounds the cost per outcome.

use microplan_stats::distributions::{chi_square_sf, normal_isf};

/// Confidence level of [`poisson_interval`].
pub const POISSON_LEVEL: f64 = 0.95;

/// Above this count the chi-square quantile comes from the Wilson-Hilferty approximation
/// (relative error below 1e-6 there) instead of bisection on the exact tail.
const EXACT_UP_TO: u64 = 100_000;

/// Garwood 95% interval for the mean of a Poisson count `k`:
/// lower = chi2.ppf(0.025, 2k) / 2 (0 when k = 0), upper = chi2.ppf(0.975, 2k + 2) / 2.
/// `None` only if the tail probability cannot be computed.
pub fn poisson_interval(k: u64) -> Option<(f64, f64)> {
    let tail = (1.0 - POISSON_LEVEL) / 2.0;
    let kf = k as f64;
    let lower = if k == 0 {
        0.0
    } else {
        chi_square_quantile(tail, 2.0 * kf)? / 2.0
    };
    let upper = chi_square_quantile(1.0 - tail, 2.0 * kf + 2.0)? / 2.0;
    (lower.is_finite() && upper.is_finite() && lower <= upper).then_some((lower, upper))
}

/// x with P(X <= x) = p for a chi-square variable with `df` degrees of freedom.
fn chi_square_quantile(p: f64, df: f64) -> Option<f64> {
    if df > 2.0 * EXACT_UP_TO as f64 {
        let z = normal_isf(1.0 - p).ok()?;
        let c = 2.0 / (9.0 * df);
        let root = 1.0 - c + z * c.sqrt();
        return Some(df * root * root * root);
    }
    // The upper tail falls as x grows: find x with sf(x) = 1 - p by bisection.
    let target = 1.0 - p;
    let sf = |x: f64| chi_square_sf(x, df).ok();
    let mut low = 0.0;
    let mut high = df + 10.0 * df.sqrt() + 10.0;
    let mut doublings = 0;
    while sf(high)? > target {
        low = high;
        high *= 2.0;
        doublings += 1;
        if doublings > 60 {
            return None;
        }
    }
    for _ in 0..200 {
        let mid = 0.5 * (low + high);
        if sf(mid)? > target {
            low = mid;
        } else {
            high = mid;
        }
        if high - low <= 1e-12 * high.max(1e-300) {
            break;
        }
    }
    Some(0.5 * (low + high))
}
