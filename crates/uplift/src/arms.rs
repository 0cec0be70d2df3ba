//! Analysis of uplift tests from their arm totals: each treatment against the control,
//! with intervals, exact tests for small counts, corrections for several arms, a
//! sample-ratio check against the planned split, the Bayesian view and a plain verdict
//! (see `uplift_verdict`).

pub use crate::comparison::{Comparison, TestUsed};
use crate::error::{UpliftError, UpliftResult};
use crate::prereg::PreRegistration;
use crate::survey::small_counts;
pub use crate::verdict::{format_p, Progress, Verdict, VerdictKind};
use microplan_model::rows::TestArm;
use microplan_stats::bayes::{beta_binomial_test, BetaParams};
use microplan_stats::corrections::{benjamini_hochberg, holm};
use microplan_stats::intervals::{
    difference_interval, proportion_interval, relative_lift, DifferenceMethod, ProportionMethod,
};
use microplan_stats::proportions::{chi_square_independence, fisher_exact, two_proportion_z_test};
use microplan_stats::srm::sample_ratio_mismatch;
use microplan_stats::{Alternative, BinaryArm, StatsError};

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
    /// Clopper-Pearson ("exact") interval, wider; shown where exactness matters.
    pub exact_lower: f64,
    pub exact_upper: f64,
    /// Agresti-Coull interval (lower, upper), shown beside Wilson's for readers who meet it
    /// elsewhere: the same centre, a plain +- around it, slightly wider.
    pub agresti_coull: (f64, f64),
}

/// Settings of one analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisOptions {
    pub alpha: f64,
    /// The prior on both conversion rates (Beta(1, 1) by default).
    pub prior: BetaParams,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            alpha: 0.05,
            prior: BetaParams::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TestAnalysis {
    pub test: String,
    pub alpha: f64,
    pub prior: BetaParams,
    pub arms: Vec<ArmSummary>,
    pub comparisons: Vec<Comparison>,
    /// Chi-square test across all arms (converted or not), when there are three or more.
    pub all_arms_chi_square: Option<(f64, u64, f64)>,
    pub srm_p_value: f64,
    pub srm_mismatch: bool,
    /// "the pre-registered split 50 : 50" or "an equal split (no pre-registration)".
    pub srm_against: String,
    /// The smallest lift worth acting on, from the pre-registration.
    pub min_lift: Option<f64>,
    /// Units so far against the pre-registered total, when one is set.
    pub progress: Option<Progress>,
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

/// Analyses one test; the error says in plain words what the data lacks. With a
/// pre-registration, its alpha, split and smallest worthwhile lift are used.
pub fn analyse_test(
    all_arms: &[TestArm],
    test: &str,
    options: &AnalysisOptions,
    plan: Option<&PreRegistration>,
) -> UpliftResult<TestAnalysis> {
    let alpha = plan.map_or(options.alpha, |p| p.alpha);
    let arms: Vec<&TestArm> = all_arms.iter().filter(|arm| arm.test == test).collect();
    let mut controls = arms.iter().filter(|arm| arm.is_control);
    let control = controls.next().ok_or_else(|| UpliftError::NoControl {
        test: test.to_string(),
    })?;
    if controls.next().is_some() {
        return Err(UpliftError::SeveralControls {
            test: test.to_string(),
        });
    }
    let treatments: Vec<&&TestArm> = arms.iter().filter(|arm| !arm.is_control).collect();
    if treatments.is_empty() {
        return Err(UpliftError::NoTreatment {
            test: test.to_string(),
        });
    }
    let error = |source: StatsError| UpliftError::InTest {
        test: test.to_string(),
        source,
    };
    let summaries = arms
        .iter()
        .map(|arm| summarise_arm(arm, alpha))
        .collect::<Result<Vec<_>, _>>()
        .map_err(error)?;
    let control_arm = BinaryArm::new(control.conversions, control.units);
    let mut comparisons = treatments
        .iter()
        .map(|arm| compare(control_arm, arm, alpha, options.prior))
        .collect::<Result<Vec<_>, _>>()
        .map_err(error)?;
    let p_values: Vec<f64> = comparisons.iter().map(|c| c.p_value).collect();
    let adjusted_holm = holm(&p_values, alpha).map_err(error)?;
    let adjusted_bh = benjamini_hochberg(&p_values, alpha).map_err(error)?;
    for ((comparison, h), b) in comparisons
        .iter_mut()
        .zip(adjusted_holm.adjusted)
        .zip(adjusted_bh.adjusted)
    {
        comparison.holm_p_value = h;
        comparison.bh_p_value = b;
    }
    let all_arms_chi_square = (arms.len() > 2)
        .then(|| {
            let table: Vec<Vec<u64>> = arms
                .iter()
                .map(|a| vec![a.conversions, a.units.saturating_sub(a.conversions)])
                .collect();
            chi_square_independence(&table, false)
                .ok()
                .map(|r| (r.statistic, r.df, r.p_value))
        })
        .flatten();
    let units: Vec<u64> = arms.iter().map(|arm| arm.units).collect();
    let names: Vec<&str> = arms.iter().map(|arm| arm.arm.as_str()).collect();
    let planned = plan.and_then(|p| p.weights_for(&names));
    let srm_against = match &planned {
        Some(weights) => format!(
            "the pre-registered split {}",
            weights
                .iter()
                .map(|w| format!("{w}"))
                .collect::<Vec<_>>()
                .join(" : ")
        ),
        None if plan.is_some() => {
            "an equal split (the pre-registration names other arms)".to_string()
        }
        None => "an equal split (no pre-registration)".to_string(),
    };
    let weights = planned.unwrap_or_else(|| vec![1.0; units.len()]);
    let srm = sample_ratio_mismatch(&units, &weights).map_err(error)?;
    let min_lift = plan.map(|p| p.min_lift);
    let progress = plan.filter(|p| p.planned_total > 0).map(|p| Progress {
        units: units.iter().fold(0u64, |sum, u| sum.saturating_add(*u)),
        planned: p.planned_total,
    });
    let verdict = crate::verdict::verdict(&comparisons, srm.mismatch, alpha, min_lift, progress);
    Ok(TestAnalysis {
        test: test.to_string(),
        alpha,
        prior: options.prior,
        arms: summaries,
        comparisons,
        all_arms_chi_square,
        srm_p_value: srm.p_value,
        srm_mismatch: srm.mismatch,
        srm_against,
        min_lift,
        progress,
        verdict,
    })
}

fn summarise_arm(arm: &TestArm, alpha: f64) -> Result<ArmSummary, StatsError> {
    let wilson = proportion_interval(arm.conversions, arm.units, alpha, ProportionMethod::Wilson)?;
    let exact = proportion_interval(
        arm.conversions,
        arm.units,
        alpha,
        ProportionMethod::ClopperPearson,
    )?;
    let ac = proportion_interval(
        arm.conversions,
        arm.units,
        alpha,
        ProportionMethod::AgrestiCoull,
    )?;
    Ok(ArmSummary {
        name: arm.arm.clone(),
        is_control: arm.is_control,
        units: arm.units,
        conversions: arm.conversions,
        rate: wilson.estimate,
        rate_lower: wilson.lower,
        rate_upper: wilson.upper,
        exact_lower: exact.lower,
        exact_upper: exact.upper,
        agresti_coull: (ac.lower, ac.upper),
    })
}

fn compare(
    control: BinaryArm,
    arm: &TestArm,
    alpha: f64,
    prior: BetaParams,
) -> Result<Comparison, StatsError> {
    let treatment = BinaryArm::new(arm.conversions, arm.units);
    treatment.validate(&arm.arm)?;
    let z_p_value = two_proportion_z_test(control, treatment, Alternative::TwoSided)
        .ok()
        .map(|z| z.p_value);
    let fisher = fisher_exact(control, treatment, Alternative::TwoSided).ok();
    let fisher_p_value = fisher.as_ref().map(|f| f.p_value);
    let fisher_note = fisher.and_then(|f| f.note);
    let (p_value, test_used) = match (small_counts(control, treatment), z_p_value, fisher_p_value) {
        (true, _, Some(p)) | (false, None, Some(p)) => (p, TestUsed::Fisher),
        (_, Some(p), _) => (p, TestUsed::ZTest),
        (_, None, None) => {
            return Err(StatsError::NoSolution {
                why: format!("no test applies to {}", arm.arm),
            })
        }
    };
    let difference = difference_interval(control, treatment, alpha, DifferenceMethod::Newcombe)?;
    let lift = relative_lift(control, treatment, alpha)
        .ok()
        .map(|l| (l.lift, l.lower, l.upper));
    let bayes = beta_binomial_test(control, treatment, prior)?;
    Ok(Comparison {
        arm: arm.arm.clone(),
        difference: difference.estimate,
        difference_lower: difference.lower,
        difference_upper: difference.upper,
        lift,
        p_value,
        test_used,
        z_p_value,
        fisher_p_value,
        fisher_note,
        holm_p_value: p_value,
        bh_p_value: p_value,
        chance_to_beat_control: bayes.prob_b_beats_a,
        expected_loss: bayes.expected_loss_choosing_b,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use microplan_stats::proportions::FisherNote;

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

    fn analyse(arms: &[TestArm]) -> UpliftResult<TestAnalysis> {
        analyse_test(arms, "t", &AnalysisOptions::default(), None)
    }

    #[test]
    fn a_lopsided_split_blocks_scaling_unless_it_was_planned() {
        let arms = [
            arm("t", "control", true, 10_000, 100),
            arm("t", "new", false, 11_000, 200),
        ];
        let analysis = analyse(&arms).expect("analyses");
        assert!(analysis.srm_mismatch);
        assert_eq!(analysis.verdict.kind, VerdictKind::CheckSplit);
        // Planned 10 : 11, the same split is fine and the test is judged on its lift.
        let mut plan = PreRegistration::draft("t", 0);
        plan.set(
            crate::prereg::PreregField::Arms,
            "control (control): 10\nnew: 11",
            0,
        )
        .unwrap();
        let planned = analyse_test(&arms, "t", &AnalysisOptions::default(), Some(&plan)).unwrap();
        assert!(!planned.srm_mismatch, "{}", planned.srm_p_value);
        assert!(planned.srm_against.contains("10 : 11"));
        assert_eq!(planned.verdict.kind, VerdictKind::Scale);
    }

    #[test]
    fn no_difference_means_keep_running_and_a_ruled_out_lift_means_pause() {
        let arms = [
            arm("t", "control", true, 1_000, 50),
            arm("t", "new", false, 1_000, 52),
        ];
        let analysis = analyse(&arms).expect("analyses");
        assert_eq!(analysis.verdict.kind, VerdictKind::KeepRunning);
        assert!(analysis
            .verdict
            .reason
            .contains("Keep running: not enough evidence yet"));
        // 200,000 per arm at 5.0% vs 5.02%: interval of the lift about -1% to +1.6%, which
        // ends below a pre-registered 10% threshold.
        let big = [
            arm("t", "control", true, 200_000, 10_000),
            arm("t", "new", false, 200_000, 10_040),
        ];
        let plan = PreRegistration::draft("t", 0); // min lift 10%, arms named otherwise
        let a = analyse_test(&big, "t", &AnalysisOptions::default(), Some(&plan)).unwrap();
        assert_eq!(a.verdict.kind, VerdictKind::Pause, "{}", a.verdict.reason);
    }

    #[test]
    fn a_significant_result_before_the_planned_size_means_keep_running() {
        // 5.0% -> 5.5% on 100,000 per arm is significant (z about 5.1), but 400,000 were planned.
        let arms = [
            arm("t", "control", true, 100_000, 5_000),
            arm("t", "new", false, 100_000, 5_500),
        ];
        let mut plan = PreRegistration::draft("t", 0);
        plan.set(crate::prereg::PreregField::PlannedTotal, "400000", 0)
            .unwrap();
        plan.set(crate::prereg::PreregField::MinLift, "5", 0)
            .unwrap();
        let early = analyse_test(&arms, "t", &AnalysisOptions::default(), Some(&plan)).unwrap();
        assert_eq!(
            early.verdict.kind,
            VerdictKind::KeepRunning,
            "{}",
            early.verdict.reason
        );
        assert!(early
            .verdict
            .reason
            .contains("only 200000 of the 400000 pre-registered units"));
        plan.set(crate::prereg::PreregField::PlannedTotal, "200000", 0)
            .unwrap();
        let done = analyse_test(&arms, "t", &AnalysisOptions::default(), Some(&plan)).unwrap();
        assert_eq!(done.verdict.kind, VerdictKind::Scale);
    }

    #[test]
    fn a_real_but_small_lift_means_optimise() {
        // 5.0% -> 5.5% on 100,000 per arm: +10% lift, z about 5.1, below a 20% threshold.
        let arms = [
            arm("t", "control", true, 100_000, 5_000),
            arm("t", "new", false, 100_000, 5_500),
        ];
        let mut plan = PreRegistration::draft("t", 0);
        plan.set(crate::prereg::PreregField::MinLift, "20", 0)
            .unwrap();
        let a = analyse_test(&arms, "t", &AnalysisOptions::default(), Some(&plan)).unwrap();
        assert_eq!(
            a.verdict.kind,
            VerdictKind::Optimise,
            "{}",
            a.verdict.reason
        );
        assert!(a.verdict.reason.contains("below the 20%"));
    }

    #[test]
    fn several_treatments_get_holm_bh_and_a_chi_square_across_arms() {
        let arms = [
            arm("t", "control", true, 5_000, 250),
            arm("t", "a", false, 5_000, 300),
            arm("t", "b", false, 5_000, 260),
        ];
        let analysis = analyse(&arms).expect("analyses");
        let [a, b] = [&analysis.comparisons[0], &analysis.comparisons[1]];
        // Holm: the smaller p is doubled, the larger kept (after the monotone step).
        assert!((a.holm_p_value - (2.0 * a.p_value).min(1.0)).abs() < 1e-15);
        assert!((b.holm_p_value - b.p_value.max(a.holm_p_value)).abs() < 1e-15);
        // BH with two p-values: the smaller times 2 / 1 rank ... min(2 p1, p2), the larger kept.
        assert!((a.bh_p_value - (2.0 * a.p_value).min(b.p_value)).abs() < 1e-15);
        assert!((b.bh_p_value - b.p_value).abs() < 1e-15);
        // scipy.stats.chi2_contingency([[250, 4750], [300, 4700], [260, 4740]], correction=False):
        // statistic 5.481168271865946, p 0.06453264004737762, dof 2.
        let (stat, df, p) = analysis.all_arms_chi_square.unwrap();
        assert_eq!(df, 2);
        assert!((stat - 5.481_168_271_865_946).abs() < 1e-12, "{stat}");
        assert!((p - 0.064_532_640_047_377_62).abs() < 1e-12, "{p}");
    }

    #[test]
    fn small_counts_use_fisher_and_zero_conversions_still_analyse() {
        let arms = [
            arm("t", "control", true, 12, 1),
            arm("t", "new", false, 12, 6),
        ];
        let a = analyse(&arms).unwrap();
        assert_eq!(a.comparisons[0].test_used, TestUsed::Fisher);
        // scipy.stats.fisher_exact([[6, 6], [1, 11]]).pvalue = 0.06864988558352403
        assert!((a.comparisons[0].p_value - 0.068_649_885_583_524_03).abs() < 1e-12);
        assert_eq!(a.comparisons[0].fisher_note, None);
        // Small counts: Agresti-Coull is clipped at 0 and wider than Wilson (0.0149 to 0.354);
        // statsmodels proportion_confint(1, 12, method='agresti_coull') = (0.0, 0.375333427705877).
        let (lo, hi) = a.arms[0].agresti_coull;
        assert_eq!(lo, 0.0);
        assert!((hi - 0.375_333_427_705_877).abs() < 1e-12, "{hi}");
        let none = [
            arm("t", "control", true, 40, 0),
            arm("t", "new", false, 40, 0),
        ];
        let a = analyse(&none).unwrap();
        assert_eq!(a.comparisons[0].p_value, 1.0);
        assert_eq!(
            a.comparisons[0].fisher_note,
            Some(FisherNote::NoConversions)
        );
        assert!(a.comparisons[0].lift.is_none());
        assert_eq!(a.verdict.kind, VerdictKind::KeepRunning);
    }

    #[test]
    fn editable_priors_change_the_bayesian_view_only() {
        let arms = [
            arm("t", "control", true, 100, 10),
            arm("t", "new", false, 100, 15),
        ];
        let flat = analyse(&arms).unwrap();
        let sceptical = AnalysisOptions {
            alpha: 0.05,
            prior: BetaParams {
                alpha: 50.0,
                beta: 450.0,
            },
        };
        let s = analyse_test(&arms, "t", &sceptical, None).unwrap();
        assert_eq!(s.comparisons[0].p_value, flat.comparisons[0].p_value);
        assert!(
            s.comparisons[0].chance_to_beat_control < flat.comparisons[0].chance_to_beat_control
        );
        let bad = AnalysisOptions {
            alpha: 0.05,
            prior: BetaParams {
                alpha: -1.0,
                beta: 1.0,
            },
        };
        assert!(analyse_test(&arms, "t", &bad, None).is_err());
    }

    #[test]
    fn missing_or_impossible_arms_are_explained() {
        let no_control = [arm("t", "a", false, 10, 1)];
        assert!(analyse(&no_control)
            .unwrap_err()
            .to_string()
            .contains("no control"));
        let only_control = [arm("t", "c", true, 10, 1)];
        assert!(analyse(&only_control)
            .unwrap_err()
            .to_string()
            .contains("no treatment"));
        let impossible = [arm("t", "c", true, 10, 11), arm("t", "a", false, 10, 1)];
        assert!(analyse(&impossible).is_err());
        let empty = [arm("t", "c", true, 0, 0), arm("t", "a", false, 0, 0)];
        assert!(analyse(&empty).is_err());
        assert_eq!(
            test_names(&[
                arm("x", "c", true, 1, 0),
                arm("y", "c", true, 1, 0),
                arm("x", "a", false, 1, 0)
            ]),
            ["x", "y"]
        );
    }
}
