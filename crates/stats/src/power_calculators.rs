//! Sample-size formulas of popular online calculators, shown beside the engine's own so a
//! reader who meets a different number elsewhere sees where it comes from.
//!
//! Evan Miller's A/B sample-size calculator (two-sided, equal arms) uses the baseline rate
//! alone for the variance under "no effect":
//!
//!   n = (z_{1-alpha/2} sqrt(2 p (1 - p)) + z_{power} sqrt(p (1 - p) + p2 (1 - p2)))^2 / (p2 - p)^2
//!
//! per arm, with p the baseline and p2 the target rate; the classic pooled formula (Fleiss)
//! uses the average of p and p2 in the first term instead.

use super::distributions::{norm_cdf, norm_isf};
use super::error::{self, StatsError, StatsResult};
use super::power::SampleSizePlan;

/// Units per arm by Evan Miller's formula for a two-sided test with equal arms, rounded up.
pub fn sample_size_baseline_variance(
    baseline: f64,
    target: f64,
    alpha: f64,
    power: f64,
) -> StatsResult<SampleSizePlan> {
    let p = error::closed_unit("the baseline rate", baseline)?;
    let p2 = error::closed_unit("the target rate", target)?;
    let alpha = error::alpha(alpha)?;
    let power = error::open_unit("the power", power)?;
    let delta = (p2 - p).abs();
    if delta <= 0.0 {
        return Err(StatsError::NoSolution {
            why: "the target rate equals the baseline: there is no effect to detect".into(),
        });
    }
    let z_alpha = norm_isf(alpha / 2.0);
    let z_power = norm_isf(1.0 - power);
    let sd_null = (2.0 * p * (1.0 - p)).sqrt();
    let sd_alt = (p * (1.0 - p) + p2 * (1.0 - p2)).sqrt();
    if sd_alt <= 0.0 {
        return Err(StatsError::NoVariation {
            what: "the baseline and target rates".into(),
        });
    }
    let root = z_alpha * sd_null + z_power * sd_alt;
    let exact = error::checked("the sample size", root * root / (delta * delta))?;
    if exact > 9.0e15 {
        return Err(StatsError::TooLarge {
            what: "the required sample size".into(),
        });
    }
    let n = exact.ceil().max(1.0);
    let achieved = norm_cdf((delta * n.sqrt() - z_alpha * sd_null) / sd_alt);
    Ok(SampleSizePlan {
        n_a: n as u64,
        n_b: n as u64,
        exact_n_a: exact,
        achieved_power: error::checked("the power", achieved)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evan_miller_formula_by_hand() {
        // 20% -> 25%, alpha 0.05, power 0.8: (1.959964 * sqrt(0.32) + 0.841621 * sqrt(0.16 +
        // 0.1875))^2 / 0.05^2 = 1,030.219 -> 1,031 per arm (Python with scipy norm quantiles).
        let r = sample_size_baseline_variance(0.2, 0.25, 0.05, 0.8).unwrap();
        assert!(
            (r.exact_n_a - 1_030.219_283_110_461).abs() < 1e-8,
            "{}",
            r.exact_n_a
        );
        assert_eq!((r.n_a, r.n_b), (1_031, 1_031));
        assert!((r.achieved_power - 0.800_288_615_399_852_5).abs() < 1e-10);
        // 5% -> 6%: 7,663.0003 -> 7,664 (the pooled Fleiss formula gives 8,158).
        let r = sample_size_baseline_variance(0.05, 0.06, 0.05, 0.8).unwrap();
        assert_eq!(r.n_a, 7_664);
        assert!(sample_size_baseline_variance(0.05, 0.05, 0.05, 0.8).is_err());
        assert!(sample_size_baseline_variance(0.05, 1.5, 0.05, 0.8).is_err());
        assert!(sample_size_baseline_variance(0.0, 1.0, 0.05, 0.8).is_err());
        assert!(sample_size_baseline_variance(0.0, 0.1, 0.05, 0.8).is_ok());
        assert!(sample_size_baseline_variance(f64::NAN, 0.1, 0.05, 0.8).is_err());
    }
}
