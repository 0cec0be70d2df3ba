//! How sure a rate is: intervals for a mean over posts and for a share of comments.
//!
//! The mean engagement rate gets the wider of two 95% intervals: a percentile bootstrap
//! (resampling the posts with a seeded SplitMix64, so the same data always gives the same
//! interval; it follows the skew a viral post brings) and a Student t interval (which is
//! honest with very few posts, where the percentile bootstrap is known to be too narrow).
//! Taking the union means three posts can never look as sure as thirty.

use serde::{Deserialize, Serialize};

use super::numbers::{clamp, finite, mean, sample_sd};
use microplan_model::random::SplitMix64;
use microplan_stats::distributions::students_t_isf;
use microplan_stats::intervals::{proportion_interval, ProportionMethod};

/// Confidence level of every interval in the audit.
pub const LEVEL: f64 = 0.95;
/// Default bootstrap resamples.
pub const DEFAULT_RESAMPLES: usize = 2_000;
/// Upper bound on resamples, so an edited setting cannot freeze the page.
pub const MAX_RESAMPLES: usize = 100_000;
/// Default seed of the bootstrap ("audit" in ASCII).
pub const DEFAULT_SEED: u64 = 0x0061_7564_6974;

/// Which interval a result reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntervalMethod {
    /// The wider of a percentile bootstrap and a Student t interval for a mean.
    BootstrapOrT,
    /// Student t interval only (bootstrap switched off by setting resamples to 0).
    StudentT,
    /// Wilson score interval for a proportion.
    Wilson,
}

/// A 95% interval for a rate (a fraction), with how many observations it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RateInterval {
    pub low: f64,
    pub high: f64,
    pub level: f64,
    pub observations: usize,
    pub method: IntervalMethod,
}

/// t(0.975, df), the multiplier of a 95% t interval; `None` for df = 0.
pub fn t_quantile_975(df: usize) -> Option<f64> {
    if df == 0 {
        return None;
    }
    // The upper 2.5% point, from the statistics engine's exact t quantile.
    students_t_isf((1.0 - LEVEL) / 2.0, df as f64).ok()
}

/// Student t interval for a mean: `mean +/- t(0.975, n - 1) * sd / sqrt(n)`; needs n >= 2.
pub fn t_mean_interval(values: &[f64]) -> Option<(f64, f64)> {
    let n = values.len();
    let centre = mean(values)?;
    let sd = sample_sd(values)?;
    let half = t_quantile_975(n.checked_sub(1)?)? * sd / (n as f64).sqrt();
    Some((finite(centre - half)?, finite(centre + half)?))
}

/// Percentile bootstrap interval for a mean: draw `resamples` samples of size n with
/// replacement (SplitMix64 seeded with `seed`), take each sample's mean, and report the 2.5th
/// and 97.5th percentiles (linear interpolation between order statistics). Needs n >= 2.
pub fn bootstrap_mean_interval(values: &[f64], resamples: usize, seed: u64) -> Option<(f64, f64)> {
    let n = values.len();
    let resamples = resamples.min(MAX_RESAMPLES);
    if n < 2 || resamples < 2 {
        return None;
    }
    let mut rng = SplitMix64::new(seed);
    let mut means = Vec::with_capacity(resamples);
    let n64 = n as u64;
    for _ in 0..resamples {
        let mut total = 0.0;
        let mut spare: Option<u64> = None;
        for _ in 0..n {
            // Each 64-bit draw gives two 32-bit halves; a half h becomes the index
            // (h * n) >> 32 in [0, n) (multiply-shift, no division; bias below n / 2^32).
            // Beyond 2^32 posts (never in practice) the full draw modulo n is used.
            let index = if n64 <= u64::from(u32::MAX) {
                let half = match spare.take() {
                    Some(low) => low,
                    None => {
                        let draw = rng.next_u64();
                        spare = Some(draw & 0xFFFF_FFFF);
                        draw >> 32
                    }
                };
                (half * n64) >> 32
            } else {
                rng.next_u64() % n64
            };
            total += values.get(index as usize).copied().unwrap_or(0.0);
        }
        means.push(total / n as f64);
    }
    let low = percentile(&mut means, (1.0 - LEVEL) / 2.0)?;
    let high = percentile(&mut means, 1.0 - (1.0 - LEVEL) / 2.0)?;
    Some((low, high))
}

/// Linear-interpolation percentile (type 7); reorders `values`.
fn percentile(values: &mut [f64], q: f64) -> Option<f64> {
    let last = values.len().checked_sub(1)?;
    let position = clamp(q, 0.0, 1.0) * last as f64;
    let below = position.floor() as usize;
    let fraction = position - below as f64;
    let (_, lower, rest) = values.select_nth_unstable_by(below.min(last), f64::total_cmp);
    let lower = *lower;
    let upper = rest.iter().copied().min_by(f64::total_cmp).unwrap_or(lower);
    finite(lower + fraction * (upper - lower))
}

/// 95% interval for the mean of per-post rates: the union of the percentile bootstrap and the
/// Student t interval, clamped at 0 (rates cannot be negative). `None` below two posts.
pub fn mean_rate_interval(values: &[f64], resamples: usize, seed: u64) -> Option<RateInterval> {
    let (t_low, t_high) = t_mean_interval(values)?;
    let (low, high, method) = match bootstrap_mean_interval(values, resamples, seed) {
        Some((b_low, b_high)) => (
            t_low.min(b_low),
            t_high.max(b_high),
            IntervalMethod::BootstrapOrT,
        ),
        None => (t_low, t_high, IntervalMethod::StudentT),
    };
    Some(RateInterval {
        low: low.max(0.0),
        high: high.max(0.0),
        level: LEVEL,
        observations: values.len(),
        method,
    })
}

/// Wilson score 95% interval for `successes` out of `trials`:
/// centre `(p + z^2/2n) / (1 + z^2/n)`, half-width `z/(1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2)`.
pub fn wilson_interval(successes: u64, trials: u64) -> Option<RateInterval> {
    let interval =
        proportion_interval(successes, trials, 1.0 - LEVEL, ProportionMethod::Wilson).ok()?;
    Some(RateInterval {
        low: interval.lower,
        high: interval.upper,
        level: LEVEL,
        observations: usize::try_from(trials).unwrap_or(usize::MAX),
        method: IntervalMethod::Wilson,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn t_interval_hand_checked() {
        // values 0.02, 0.04, 0.06: mean 0.04, sd 0.02, t(0.975, 2) = 4.303;
        // half-width 4.303 * 0.02 / sqrt(3) = 0.049687 -> (-0.009687, 0.089687).
        let (low, high) = t_mean_interval(&[0.02, 0.04, 0.06]).unwrap();
        assert!((low + 0.009_687).abs() < 1e-5, "{low}");
        assert!((high - 0.089_687).abs() < 1e-5, "{high}");
    }

    #[test]
    fn t_quantile_beyond_the_table_uses_the_expansion() {
        // df = 40: the expansion gives 2.02107 (table value 2.021).
        let t = t_quantile_975(40).unwrap();
        assert!((t - 2.021).abs() < 1e-3, "{t}");
        assert_eq!(t_quantile_975(0), None);
    }

    #[test]
    fn bootstrap_is_deterministic_and_brackets_the_mean() {
        let values = [0.01, 0.02, 0.03, 0.05, 0.08, 0.02];
        let first = bootstrap_mean_interval(&values, 2_000, 7).unwrap();
        assert_eq!(Some(first), bootstrap_mean_interval(&values, 2_000, 7));
        // mean = 0.21 / 6 = 0.035
        assert!(first.0 < 0.035 && 0.035 < first.1);
        assert!(first.0 >= 0.01 && first.1 <= 0.08);
    }

    #[test]
    fn percentile_interpolates_between_order_statistics() {
        // 5 values, q = 0.5 -> position 2 -> third smallest = 3; q = 0.1 -> position 0.4 ->
        // 1 + 0.4 * (2 - 1) = 1.4.
        let mut values = [5.0, 1.0, 4.0, 2.0, 3.0];
        assert_eq!(percentile(&mut values, 0.5), Some(3.0));
        let got = percentile(&mut values, 0.1).unwrap();
        assert!((got - 1.4).abs() < 1e-12);
    }

    #[test]
    fn three_posts_are_visibly_less_sure_than_thirty() {
        let pattern = [0.03, 0.05, 0.04];
        let thirty: Vec<f64> = pattern.iter().copied().cycle().take(30).collect();
        let few = mean_rate_interval(&pattern, DEFAULT_RESAMPLES, DEFAULT_SEED).unwrap();
        let many = mean_rate_interval(&thirty, DEFAULT_RESAMPLES, DEFAULT_SEED).unwrap();
        let (few_width, many_width) = (few.high - few.low, many.high - many.low);
        assert!(
            few_width > 3.0 * many_width,
            "3 posts {few_width} vs 30 posts {many_width}"
        );
        assert_eq!(mean_rate_interval(&[0.03], 100, 1), None);
    }

    #[test]
    fn wilson_hand_checked() {
        // 8 of 10: p = 0.8, z^2 = 3.8415; centre (0.8 + 0.19207) / 1.38415 = 0.71674;
        // half 1.95996 / 1.38415 * sqrt(0.016 + 0.0096037) = 0.22664 -> (0.4901, 0.9434).
        let interval = wilson_interval(8, 10).unwrap();
        assert!((interval.low - 0.4902).abs() < 1e-3, "{}", interval.low);
        assert!((interval.high - 0.9433).abs() < 1e-3, "{}", interval.high);
        assert_eq!(wilson_interval(0, 0), None);
    }
}
