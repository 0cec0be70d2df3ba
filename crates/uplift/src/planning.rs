//! The test planner: sample size per arm and in total, the minimum detectable effect for a
//! given sample (or days x daily traffic) and the power curve, for conversion rates and for
//! means. Every formula the engine knows is computed, so the page can show the one it uses
//! (the first) beside the others. The numbers come from `stats::power` and
//! `stats::power_means`, which are checked against statsmodels.

use crate::error::{UpliftError, UpliftResult};
use microplan_stats::power::{
    mde_proportions, power_proportions, sample_size_proportions, Mde, ProportionPowerMethod,
    TestDesign,
};
use microplan_stats::power_calculators::sample_size_baseline_variance;
use microplan_stats::power_means::{mde_means, power_means, sample_size_means, MeansPowerMethod};
use microplan_stats::Alternative;

/// What the test measures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PlanMetric {
    /// A conversion rate (fraction) in the control arm.
    Conversion { baseline: f64 },
    /// A mean per unit (revenue per visitor) with its standard deviation.
    Mean { baseline: f64, sd: f64 },
}

/// The effect to detect, relative (0.1 = +10%) or absolute (rate or currency units).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Effect {
    Relative(f64),
    Absolute(f64),
}

/// One formula's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanOption {
    pub method: &'static str,
    pub explanation: &'static str,
    pub n_control: u64,
    pub n_treatment: u64,
    pub total: u64,
    pub achieved_power: f64,
}

/// The sample-size plan: the target value and each formula's sizes (the app's first).
#[derive(Debug, Clone, PartialEq)]
pub struct SampleSizeAnswer {
    pub baseline: f64,
    pub target: f64,
    pub options: Vec<PlanOption>,
}

const COHEN: &str =
    "Cohen's h (statsmodels NormalIndPower): the arcsine-transformed rates; the app's default.";
const FLEISS: &str =
    "Classic pooled formula (Fleiss, no continuity correction): pooled variance under no effect.";
const UNPOOLED: &str =
    "Unpooled formula (as many online calculators): each arm's own variance throughout.";
const EVAN_MILLER: &str =
    "Evan Miller's online calculator: like the pooled formula but with the baseline's variance under no effect (equal arms, two-sided only).";
const NORMAL: &str =
    "z-test on Cohen's d (statsmodels NormalIndPower): the app's default for means.";
const TTEST: &str =
    "Two-sample t-test (statsmodels TTestIndPower): slightly larger for small samples.";

fn proportion_methods() -> [(ProportionPowerMethod, &'static str, &'static str); 3] {
    [
        (ProportionPowerMethod::CohensH, "Cohen's h", COHEN),
        (ProportionPowerMethod::Fleiss, "Pooled (Fleiss)", FLEISS),
        (ProportionPowerMethod::Unpooled, "Unpooled", UNPOOLED),
    ]
}

fn means_methods() -> [(MeansPowerMethod, &'static str, &'static str); 2] {
    [
        (MeansPowerMethod::Normal, "z-test (Cohen's d)", NORMAL),
        (MeansPowerMethod::TTest, "t-test", TTEST),
    ]
}

fn baseline_of(metric: PlanMetric) -> f64 {
    match metric {
        PlanMetric::Conversion { baseline } | PlanMetric::Mean { baseline, .. } => baseline,
    }
}

/// The target value for an effect on top of the baseline.
pub fn target_value(metric: PlanMetric, effect: Effect) -> UpliftResult<f64> {
    let baseline = baseline_of(metric);
    if !baseline.is_finite() {
        return Err(UpliftError::NoBaseline);
    }
    let target = match effect {
        Effect::Relative(r) if r.is_finite() => baseline * (1.0 + r),
        Effect::Absolute(d) if d.is_finite() => baseline + d,
        _ => return Err(UpliftError::NoEffect),
    };
    if target == baseline {
        return Err(UpliftError::ZeroEffect);
    }
    if matches!(metric, PlanMetric::Conversion { .. }) && !(0.0..=1.0).contains(&target) {
        return Err(UpliftError::ImpossibleRate { target });
    }
    Ok(target)
}

fn option(
    method: &'static str,
    explanation: &'static str,
    n_a: u64,
    n_b: u64,
    power: f64,
) -> UpliftResult<PlanOption> {
    let total = n_a.checked_add(n_b).ok_or(UpliftError::SampleTooLarge)?;
    Ok(PlanOption {
        method,
        explanation,
        n_control: n_a,
        n_treatment: n_b,
        total,
        achieved_power: power,
    })
}

/// Sample size per arm and in total under every formula.
pub fn sample_size(
    metric: PlanMetric,
    effect: Effect,
    design: &TestDesign,
) -> UpliftResult<SampleSizeAnswer> {
    let target = target_value(metric, effect)?;
    let mut options = Vec::new();
    match metric {
        PlanMetric::Conversion { baseline } => {
            for (method, name, why) in proportion_methods() {
                let plan = sample_size_proportions(baseline, target, design, method)?;
                options.push(option(name, why, plan.n_a, plan.n_b, plan.achieved_power)?);
            }
            // That calculator only offers equal arms and a two-sided test.
            if design.ratio == 1.0 && design.alternative == Alternative::TwoSided {
                let plan =
                    sample_size_baseline_variance(baseline, target, design.alpha, design.power)?;
                options.push(option(
                    "Evan Miller's calculator",
                    EVAN_MILLER,
                    plan.n_a,
                    plan.n_b,
                    plan.achieved_power,
                )?);
            }
        }
        PlanMetric::Mean { baseline, sd } => {
            for (method, name, why) in means_methods() {
                let plan = sample_size_means(target - baseline, sd, design, method)?;
                options.push(option(name, why, plan.n_a, plan.n_b, plan.achieved_power)?);
            }
        }
    }
    Ok(SampleSizeAnswer {
        baseline: baseline_of(metric),
        target,
        options,
    })
}

/// Units in the control arm when `total` units are split with ratio r = n_B / n_A.
pub fn control_share_of(total: f64, ratio: f64) -> UpliftResult<f64> {
    if !(total.is_finite() && total > 0.0) {
        return Err(UpliftError::NoSampleSize);
    }
    if !(ratio.is_finite() && ratio > 0.0) {
        return Err(UpliftError::RatioNotPositive);
    }
    Ok(total / (1.0 + ratio))
}

/// Total units from days x daily traffic (all arms together).
pub fn total_from_days(days: f64, daily_units: f64) -> UpliftResult<f64> {
    if !(days.is_finite() && days > 0.0) {
        return Err(UpliftError::DaysNotPositive);
    }
    if !(daily_units.is_finite() && daily_units > 0.0) {
        return Err(UpliftError::TrafficNotPositive);
    }
    Ok(days * daily_units)
}

/// Whole days needed to reach `total` units at `daily_units` per day (all arms).
pub fn days_needed(total: u64, daily_units: f64) -> UpliftResult<u64> {
    if !(daily_units.is_finite() && daily_units > 0.0) {
        return Err(UpliftError::TrafficNotPositive);
    }
    let days = (total as f64 / daily_units).ceil();
    if days > 1.0e7 {
        return Err(UpliftError::TooManyDays);
    }
    Ok(days as u64)
}

/// Minimum detectable effect under every formula for `total` units in all arms.
pub fn minimum_detectable_effect(
    metric: PlanMetric,
    total: f64,
    design: &TestDesign,
) -> UpliftResult<Vec<(&'static str, Mde)>> {
    let n_a = control_share_of(total, design.ratio)?;
    let mut out = Vec::new();
    match metric {
        PlanMetric::Conversion { baseline } => {
            for (method, name, _) in proportion_methods() {
                out.push((name, mde_proportions(baseline, n_a, design, method)?));
            }
        }
        PlanMetric::Mean { baseline, sd } => {
            for (method, name, _) in means_methods() {
                out.push((name, mde_means(baseline, sd, n_a, design, method)?));
            }
        }
    }
    Ok(out)
}

/// Power of the app's default formula at `points` total sizes from a tenth to twice
/// `planned_total`: (total units, power) pairs for the power curve.
pub fn power_curve(
    metric: PlanMetric,
    target: f64,
    design: &TestDesign,
    planned_total: f64,
    points: usize,
) -> UpliftResult<Vec<(f64, f64)>> {
    let points = points.clamp(2, 400);
    let low = (planned_total * 0.1).max(2.0);
    let high = (planned_total * 2.0).max(low + 1.0);
    (0..points)
        .map(|i| {
            let total = low + (high - low) * i as f64 / (points - 1) as f64;
            let n_a = control_share_of(total, design.ratio)?;
            let power = match metric {
                PlanMetric::Conversion { baseline } => power_proportions(
                    baseline,
                    target,
                    n_a,
                    design,
                    ProportionPowerMethod::CohensH,
                ),
                PlanMetric::Mean { baseline, sd } => {
                    power_means(target - baseline, sd, n_a, design, MeansPowerMethod::Normal)
                }
            }?;
            Ok((total, power))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use microplan_stats::Alternative;

    #[test]
    fn sample_sizes_show_every_formula_with_the_default_first() {
        let design = TestDesign::default();
        let answer = sample_size(
            PlanMetric::Conversion { baseline: 0.05 },
            Effect::Absolute(0.01),
            &design,
        )
        .unwrap();
        assert_eq!(answer.options.len(), 4);
        assert_eq!(answer.options[0].method, "Cohen's h");
        // statsmodels: NormalIndPower().solve_power(proportion_effectsize(0.06, 0.05), power=0.8,
        // alpha=0.05) = 8,142.60 per arm -> 8,143.
        assert_eq!(answer.options[0].n_control, 8_143);
        // Fleiss pooled at 5% -> 6%: (1.95996 sqrt(2 * 0.055 * 0.945) + 0.84162 sqrt(0.05*0.95 +
        // 0.06*0.94))^2 / 0.01^2 = 8,157.7 -> 8,158.
        assert_eq!(answer.options[1].n_control, 8_158);
        // Evan Miller's formula (baseline variance under no effect): 7,663.0003 -> 7,664.
        assert_eq!(answer.options[3].method, "Evan Miller's calculator");
        assert_eq!(answer.options[3].n_control, 7_664);
        let uneven = TestDesign {
            ratio: 2.0,
            ..TestDesign::default()
        };
        let answer = sample_size(
            PlanMetric::Conversion { baseline: 0.05 },
            Effect::Absolute(0.01),
            &uneven,
        )
        .unwrap();
        assert_eq!(answer.options.len(), 3);
        for o in &answer.options {
            assert_eq!(o.total, o.n_control + o.n_treatment);
            assert!(o.achieved_power >= 0.8);
        }
        let means = sample_size(
            PlanMetric::Mean {
                baseline: 20.0,
                sd: 40.0,
            },
            Effect::Relative(0.1),
            &design,
        )
        .unwrap();
        // d = 2 / 40 = 0.05: statsmodels NormalIndPower gives 6,279.09 -> 6,280; TTestIndPower 6,280.05 -> 6,281.
        assert_eq!(means.options[0].n_control, 6_280);
        assert_eq!(means.options[1].n_control, 6_281);
    }

    #[test]
    fn impossible_plans_are_explained() {
        let design = TestDesign::default();
        assert!(sample_size(
            PlanMetric::Conversion { baseline: 0.9 },
            Effect::Relative(0.2),
            &design
        )
        .unwrap_err()
        .to_string()
        .contains("impossible"));
        assert!(sample_size(
            PlanMetric::Conversion { baseline: 0.05 },
            Effect::Relative(0.0),
            &design
        )
        .is_err());
        let one_sided = TestDesign {
            alternative: Alternative::Greater,
            ..design
        };
        assert!(sample_size(
            PlanMetric::Conversion { baseline: 0.05 },
            Effect::Relative(-0.1),
            &one_sided
        )
        .is_err());
        assert!(total_from_days(0.0, 100.0).is_err());
        assert!(minimum_detectable_effect(
            PlanMetric::Conversion { baseline: 0.05 },
            f64::NAN,
            &design
        )
        .is_err());
    }

    #[test]
    fn the_mde_at_the_planned_size_is_the_planned_effect_and_the_curve_rises() {
        let design = TestDesign::default();
        let metric = PlanMetric::Conversion { baseline: 0.05 };
        let answer = sample_size(metric, Effect::Absolute(0.01), &design).unwrap();
        let exact_total = 2.0 * 8_142.595_394_436_454; // unrounded n per arm, both arms
        let mde = minimum_detectable_effect(metric, exact_total, &design).unwrap();
        assert!((mde[0].1.target - 0.06).abs() < 1e-5, "{:?}", mde[0]);
        // 16,286 units at 600 a day: 27.14 days -> 28.
        assert_eq!(days_needed(16_286, 600.0).unwrap(), 28);
        assert!(days_needed(16_286, 0.0).is_err());
        let total = total_from_days(28.0, 600.0).unwrap();
        assert_eq!(total, 16_800.0);
        let curve = power_curve(
            metric,
            answer.target,
            &design,
            answer.options[0].total as f64,
            20,
        )
        .unwrap();
        assert_eq!(curve.len(), 20);
        assert!(curve.windows(2).all(|w| w[1].1 > w[0].1 && w[1].0 > w[0].0));
        assert!(curve[0].1 < 0.8 && curve[19].1 > 0.8);
    }
}
