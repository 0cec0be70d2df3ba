//! Analysis of finished uplift tests from their arm totals: each treatment against the
//! control, with intervals, a sample-ratio check, the Bayesian view and a plain verdict.

use super::stats::bayes::{beta_binomial_test, BetaParams};
use super::stats::corrections::holm;
use super::stats::intervals::{
    difference_interval, proportion_interval, relative_lift, DifferenceMethod, ProportionMethod,
};
use super::stats::proportions::two_proportion_z_test;
use super::stats::srm::sample_ratio_mismatch;
use super::stats::{Alternative, BinaryArm};
use super::workspace::TestArm;

/// The planned split is not recorded with the arms yet, so the sample-ratio check assumes an
/// equal split across arms, which is what the app's test planner proposes.
const EQUAL_SPLIT: f64 = 1.0;

#[derive(Debug, Clone, PartialEq)]
pub struct ArmSummary {
    pub name: String,
    pub is_control: bool,
    pub units: u64,
    pub conversions: u64,
    /// Conversion rate with its Wilson interval.
    pub rate: f64,
    pub rate_lower: f64,
    pub rate_upper: f64,
}

/// One treatment arm against the control.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub arm: String,
    /// p_B - p_A with Newcombe's hybrid score interval.
    pub difference: f64,
    pub difference_lower: f64,
    pub difference_upper: f64,
    /// p_B / p_A - 1 with the delta-method interval.
    pub lift: f64,
    pub lift_lower: f64,
    pub lift_upper: f64,
    /// Two-sided pooled z-test.
    pub p_value: f64,
    /// Holm-adjusted when there are several treatment arms; equal to `p_value` otherwise.
    pub adjusted_p_value: f64,
    /// Beta(1, 1) priors.
    pub chance_to_beat_control: f64,
    pub expected_loss: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictKind {
    Scale,
    Pause,
    KeepRunning,
    CheckSplit,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub kind: VerdictKind,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TestAnalysis {
    pub test: String,
    pub alpha: f64,
    pub arms: Vec<ArmSummary>,
    pub comparisons: Vec<Comparison>,
    pub srm_p_value: f64,
    pub srm_mismatch: bool,
    pub verdict: Verdict,
}

/// Names of the tests in the order their first arm appears.
pub fn test_names(arms: &[TestArm]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for arm in arms {
        if !names.contains(&arm.test) {
            names.push(arm.test.clone());
        }
    }
    names
}

/// Analyses one test; the error says in plain words what the data lacks.
pub fn analyse_test(all_arms: &[TestArm], test: &str, alpha: f64) -> Result<TestAnalysis, String> {
    let arms: Vec<&TestArm> = all_arms.iter().filter(|arm| arm.test == test).collect();
    let mut controls = arms.iter().filter(|arm| arm.is_control);
    let control = controls.next().ok_or_else(|| format!("“{test}” has no control arm: mark one arm as the control"))?;
    if controls.next().is_some() {
        return Err(format!("“{test}” has more than one control arm: keep one"));
    }
    let treatments: Vec<&&TestArm> = arms.iter().filter(|arm| !arm.is_control).collect();
    if treatments.is_empty() {
        return Err(format!("“{test}” has no treatment arm to compare with the control"));
    }
    let error = |e: super::stats::StatsError| format!("“{test}”: {e}");
    let summaries = arms
        .iter()
        .map(|arm| summarise_arm(arm, alpha))
        .collect::<Result<Vec<_>, _>>()
        .map_err(error)?;
    let control_arm = BinaryArm::new(control.conversions, control.units);
    let mut comparisons = treatments
        .iter()
        .map(|arm| compare(control_arm, arm, alpha))
        .collect::<Result<Vec<_>, _>>()
        .map_err(error)?;
    let p_values: Vec<f64> = comparisons.iter().map(|c| c.p_value).collect();
    let adjusted = holm(&p_values, alpha).map_err(error)?;
    for (comparison, adjusted_p) in comparisons.iter_mut().zip(adjusted.adjusted) {
        comparison.adjusted_p_value = adjusted_p;
    }
    let units: Vec<u64> = arms.iter().map(|arm| arm.units).collect();
    let srm = sample_ratio_mismatch(&units, &vec![EQUAL_SPLIT; units.len()]).map_err(error)?;
    let verdict = verdict(&comparisons, srm.mismatch, alpha);
    Ok(TestAnalysis {
        test: test.to_string(),
        alpha,
        arms: summaries,
        comparisons,
        srm_p_value: srm.p_value,
        srm_mismatch: srm.mismatch,
        verdict,
    })
}

fn summarise_arm(arm: &TestArm, alpha: f64) -> Result<ArmSummary, super::stats::StatsError> {
    let interval = proportion_interval(arm.conversions, arm.units, alpha, ProportionMethod::Wilson)?;
    Ok(ArmSummary {
        name: arm.arm.clone(),
        is_control: arm.is_control,
        units: arm.units,
        conversions: arm.conversions,
        rate: interval.estimate,
        rate_lower: interval.lower,
        rate_upper: interval.upper,
    })
}

fn compare(control: BinaryArm, arm: &TestArm, alpha: f64) -> Result<Comparison, super::stats::StatsError> {
    let treatment = BinaryArm::new(arm.conversions, arm.units);
    let z_test = two_proportion_z_test(control, treatment, Alternative::TwoSided)?;
    let difference = difference_interval(control, treatment, alpha, DifferenceMethod::Newcombe)?;
    let lift = relative_lift(control, treatment, alpha)?;
    let bayes = beta_binomial_test(control, treatment, BetaParams::default())?;
    Ok(Comparison {
        arm: arm.arm.clone(),
        difference: difference.estimate,
        difference_lower: difference.lower,
        difference_upper: difference.upper,
        lift: lift.lift,
        lift_lower: lift.lower,
        lift_upper: lift.upper,
        p_value: z_test.p_value,
        adjusted_p_value: z_test.p_value,
        chance_to_beat_control: bayes.prob_b_beats_a,
        expected_loss: bayes.expected_loss_choosing_b,
    })
}

/// Scale only on a significant positive lift with a sound split; never "significant"
/// without the effect size and its interval.
fn verdict(comparisons: &[Comparison], srm_mismatch: bool, alpha: f64) -> Verdict {
    if srm_mismatch {
        return Verdict {
            kind: VerdictKind::CheckSplit,
            reason: "The arms did not receive the planned share of units (sample ratio \
                     mismatch, p < 0.001). Find the cause before acting: results from a broken \
                     split can be biased, so no scale decision is possible."
                .into(),
        };
    }
    let level = format!("{:.0}%", (1.0 - alpha) * 100.0);
    let best = comparisons.iter().filter(|c| c.adjusted_p_value < alpha).max_by(|a, b| {
        a.lift.partial_cmp(&b.lift).unwrap_or(std::cmp::Ordering::Equal)
    });
    match best {
        Some(c) if c.lift > 0.0 => Verdict {
            kind: VerdictKind::Scale,
            reason: format!(
                "{} converts {:+.1}% relative to control ({level} interval {:+.1}% to {:+.1}%, \
                 p = {}). The evidence supports scaling it.",
                c.arm,
                c.lift * 100.0,
                c.lift_lower * 100.0,
                c.lift_upper * 100.0,
                format_p(c.adjusted_p_value)
            ),
        },
        Some(c) => Verdict {
            kind: VerdictKind::Pause,
            reason: format!(
                "{} converts {:+.1}% relative to control ({level} interval {:+.1}% to {:+.1}%, \
                 p = {}): it does worse. Pause it and rethink.",
                c.arm,
                c.lift * 100.0,
                c.lift_lower * 100.0,
                c.lift_upper * 100.0,
                format_p(c.adjusted_p_value)
            ),
        },
        None => Verdict {
            kind: VerdictKind::KeepRunning,
            reason: format!(
                "No arm differs from control at the {level} level yet. Keep running: not enough \
                 evidence to scale or pause."
            ),
        },
    }
}

/// `0.0123` -> `0.012`, tiny values in scientific notation.
pub fn format_p(p: f64) -> String {
    if p < 0.001 {
        format!("{p:.1e}")
    } else {
        format!("{p:.3}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo::{demo_workspace, PILOT_TEST};

    fn arm(test: &str, name: &str, control: bool, units: u64, conversions: u64) -> TestArm {
        TestArm {
            test: test.into(),
            arm: name.into(),
            is_control: control,
            units,
            conversions,
            revenue: None,
        }
    }

    #[test]
    fn demo_pilot_scales_with_values_matching_statsmodels() {
        let demo = demo_workspace();
        let analysis = analyse_test(&demo.test_arms, PILOT_TEST, 0.05).expect("analyses");
        let pilot = &analysis.comparisons[0];
        // Reference: statsmodels proportions_ztest([731, 612], [47985, 48210]) and
        // confint_proportions_2indep(731, 47985, 612, 48210, method='newcomb').
        assert!((pilot.p_value - 0.0007895340652833528).abs() < 1e-12, "{}", pilot.p_value);
        assert!((pilot.difference - (731.0 / 47985.0 - 612.0 / 48210.0)).abs() < 1e-15);
        assert!((pilot.difference_lower - 0.001056879395174242).abs() < 1e-12);
        assert!((pilot.difference_upper - 0.004027065211892565).abs() < 1e-12);
        // Hand-checked: (731 / 47985) / (612 / 48210) - 1 = 0.20004515...
        assert!((pilot.lift - 0.20004515299920111).abs() < 1e-12);
        assert_eq!(analysis.verdict.kind, VerdictKind::Scale);
        assert!(analysis.verdict.reason.contains("+20.0%"), "{}", analysis.verdict.reason);
        assert!(!analysis.srm_mismatch);
        assert!(pilot.chance_to_beat_control > 0.99);
    }

    #[test]
    fn a_lopsided_split_blocks_scaling() {
        let arms = [arm("t", "control", true, 10_000, 100), arm("t", "new", false, 11_000, 200)];
        let analysis = analyse_test(&arms, "t", 0.05).expect("analyses");
        assert!(analysis.srm_mismatch);
        assert_eq!(analysis.verdict.kind, VerdictKind::CheckSplit);
    }

    #[test]
    fn no_difference_means_keep_running() {
        let arms = [arm("t", "control", true, 1_000, 50), arm("t", "new", false, 1_000, 52)];
        let analysis = analyse_test(&arms, "t", 0.05).expect("analyses");
        assert_eq!(analysis.verdict.kind, VerdictKind::KeepRunning);
    }

    #[test]
    fn several_treatments_are_holm_adjusted() {
        let arms = [
            arm("t", "control", true, 5_000, 250),
            arm("t", "a", false, 5_000, 300),
            arm("t", "b", false, 5_000, 260),
        ];
        let analysis = analyse_test(&arms, "t", 0.05).expect("analyses");
        let [a, b] = [&analysis.comparisons[0], &analysis.comparisons[1]];
        // Holm: the smaller p is doubled, the larger kept (after the monotone step).
        assert!((a.adjusted_p_value - (2.0 * a.p_value).min(1.0)).abs() < 1e-15);
        assert!((b.adjusted_p_value - b.p_value.max(a.adjusted_p_value)).abs() < 1e-15);
    }

    #[test]
    fn missing_or_impossible_arms_are_explained() {
        let no_control = [arm("t", "a", false, 10, 1)];
        assert!(analyse_test(&no_control, "t", 0.05).unwrap_err().contains("no control"));
        let only_control = [arm("t", "c", true, 10, 1)];
        assert!(analyse_test(&only_control, "t", 0.05).unwrap_err().contains("no treatment"));
        let impossible = [arm("t", "c", true, 10, 11), arm("t", "a", false, 10, 1)];
        assert!(analyse_test(&impossible, "t", 0.05).is_err());
        let empty = [arm("t", "c", true, 0, 0), arm("t", "a", false, 0, 0)];
        assert!(analyse_test(&empty, "t", 0.05).is_err());
        assert_eq!(test_names(&[arm("x", "c", true, 1, 0), arm("y", "c", true, 1, 0), arm("x", "a", false, 1, 0)]), ["x", "y"]);
    }
}
