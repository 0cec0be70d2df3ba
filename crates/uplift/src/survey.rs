//! Brand-lift surveys and continuous metrics: the comparisons a marketer runs beside the
//! conversion test, assembled from the statistics engine with one plain summary each.
//!
//! - Brand lift: the share of positive answers (aware, would consider, ...) among people
//!   exposed to the campaign against a control group that was not. Absolute lift in
//!   percentage points with Newcombe's interval, relative lift with the delta-method
//!   interval, and the two-sided pooled z-test (Fisher's exact test when an expected count
//!   is below 5).
//! - Revenue per user and other means: Welch's t-test from summary statistics (or from
//!   pasted per-user values), plus a seeded percentile bootstrap interval for heavy-tailed
//!   revenue when per-user values are given.

use crate::error::{UpliftError, UpliftResult};
use microplan_stats::intervals::{difference_interval, relative_lift, DifferenceMethod};
use microplan_stats::means::{
    bootstrap_mean_difference, student_t_test, summarise, welch_t_test, BootstrapInterval,
    StudentResult, SummaryStats, WelchResult,
};
use microplan_stats::proportions::{fisher_exact, two_proportion_z_test};
use microplan_stats::{Alternative, BinaryArm, StatsResult};

/// Result of a brand-lift survey comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct BrandLift {
    pub control_share: f64,
    pub exposed_share: f64,
    /// exposed - control, with Newcombe's interval.
    pub lift_points: f64,
    pub lift_points_lower: f64,
    pub lift_points_upper: f64,
    /// exposed / control - 1 with the delta-method interval; `None` when no control
    /// respondent answered positively.
    pub relative: Option<(f64, f64, f64)>,
    pub p_value: f64,
    /// "pooled z-test" or "Fisher's exact test".
    pub test_used: &'static str,
}

/// True when any expected cell of the 2 x 2 table is below 5 (where the z-test's normal
/// approximation is poor and the exact test is used instead).
pub fn small_counts(a: BinaryArm, b: BinaryArm) -> bool {
    let n = a.visitors as f64 + b.visitors as f64;
    let yes = a.conversions as f64 + b.conversions as f64;
    let no = n - yes;
    [a.visitors as f64, b.visitors as f64]
        .iter()
        .any(|arm| arm * yes / n < 5.0 || arm * no / n < 5.0)
}

/// Exposed (treatment) against control answers at level alpha.
pub fn brand_lift(control: BinaryArm, exposed: BinaryArm, alpha: f64) -> StatsResult<BrandLift> {
    control.validate("the control group")?;
    exposed.validate("the exposed group")?;
    let diff = difference_interval(control, exposed, alpha, DifferenceMethod::Newcombe)?;
    let (p_value, test_used) = if small_counts(control, exposed) {
        (
            fisher_exact(control, exposed, Alternative::TwoSided)?.p_value,
            "Fisher's exact test",
        )
    } else {
        (
            two_proportion_z_test(control, exposed, Alternative::TwoSided)?.p_value,
            "pooled z-test",
        )
    };
    let relative = if control.conversions > 0 {
        let l = relative_lift(control, exposed, alpha)?;
        Some((l.lift, l.lower, l.upper))
    } else {
        None
    };
    Ok(BrandLift {
        control_share: control.conversions as f64 / control.visitors as f64,
        exposed_share: exposed.conversions as f64 / exposed.visitors as f64,
        lift_points: diff.estimate,
        lift_points_lower: diff.lower,
        lift_points_upper: diff.upper,
        relative,
        p_value,
        test_used,
    })
}

/// Per-user values pasted from a spreadsheet column: numbers separated by line breaks,
/// commas, semicolons or spaces. The error names the first value that is not a number.
pub fn parse_values(text: &str, arm: &str) -> UpliftResult<Vec<f64>> {
    let values: UpliftResult<Vec<f64>> = text
        .split(['\n', ';', ',', '\t', ' ', '\r'])
        .filter(|t| !t.trim().is_empty())
        .enumerate()
        .map(|(i, t)| {
            t.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| UpliftError::ValueNotANumber {
                    arm: arm.to_string(),
                    position: i.saturating_add(1),
                    text: t.trim().to_string(),
                })
        })
        .collect();
    let values = values?;
    if values.len() < 2 {
        return Err(UpliftError::TooFewValues {
            arm: arm.to_string(),
        });
    }
    Ok(values)
}

/// Welch's test of means with, when per-user values are given, the bootstrap interval.
#[derive(Debug, Clone, PartialEq)]
pub struct MeansComparison {
    pub control: SummaryStats,
    pub treatment: SummaryStats,
    /// The default: no assumption that the arms have equal spread.
    pub welch: WelchResult,
    /// Student's pooled-variance test, a secondary figure for those asked for it.
    pub student: StudentResult,
    pub bootstrap: Option<BootstrapInterval>,
}

/// Resamples of the bootstrap and its fixed seed (the same data give the same interval).
pub const BOOTSTRAP_RESAMPLES: u32 = 2_000;
pub const BOOTSTRAP_SEED: u64 = 20_260_301;

pub fn compare_summaries(
    control: SummaryStats,
    treatment: SummaryStats,
    alpha: f64,
) -> StatsResult<MeansComparison> {
    let welch = welch_t_test(control, treatment, alpha, Alternative::TwoSided)?;
    let student = student_t_test(control, treatment, alpha, Alternative::TwoSided)?;
    Ok(MeansComparison {
        control,
        treatment,
        welch,
        student,
        bootstrap: None,
    })
}

pub fn compare_values(
    control: &[f64],
    treatment: &[f64],
    alpha: f64,
) -> StatsResult<MeansComparison> {
    let a = summarise(control, "the control arm")?;
    let b = summarise(treatment, "the treatment arm")?;
    let mut out = compare_summaries(a, b, alpha)?;
    out.bootstrap = Some(bootstrap_mean_difference(
        control,
        treatment,
        alpha,
        BOOTSTRAP_RESAMPLES,
        BOOTSTRAP_SEED,
    )?);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brand_lift_matches_statsmodels_and_uses_fisher_for_small_counts() {
        // 1,000 control, 312 positive; 1,000 exposed, 368 positive.
        // statsmodels proportions_ztest([368, 312], [1000, 1000]): z = 2.64339, p = 0.00820799;
        // confint_proportions_2indep(368, 1000, 312, 1000, method='newcomb') = (0.0144777, 0.0972539).
        let r = brand_lift(BinaryArm::new(312, 1000), BinaryArm::new(368, 1000), 0.05).unwrap();
        assert!((r.lift_points - 0.056).abs() < 1e-15);
        assert_eq!(r.test_used, "pooled z-test");
        assert!(
            (r.p_value - 0.008_207_989_971_673_959).abs() < 1e-15,
            "{}",
            r.p_value
        );
        assert!((r.lift_points_lower - 0.014_477_686_653_785_765).abs() < 1e-14);
        assert!((r.lift_points_upper - 0.097_253_922_865_142_21).abs() < 1e-14);
        // 1 of 12 against 6 of 12: expected positives 3.5 per arm, below 5, so Fisher.
        let small = brand_lift(BinaryArm::new(1, 12), BinaryArm::new(6, 12), 0.05).unwrap();
        assert_eq!(small.test_used, "Fisher's exact test");
        // scipy.stats.fisher_exact([[1, 11], [6, 6]]) p = 0.06864988558352403 (two-sided).
        assert!(
            (small.p_value - 0.068_649_885_583_524_03).abs() < 1e-12,
            "{}",
            small.p_value
        );
        assert!(
            brand_lift(BinaryArm::new(0, 50), BinaryArm::new(3, 50), 0.05)
                .unwrap()
                .relative
                .is_none()
        );
        assert!(brand_lift(BinaryArm::new(5, 4), BinaryArm::new(3, 50), 0.05).is_err());
    }

    #[test]
    fn pasted_values_are_read_or_the_bad_one_is_named() {
        assert_eq!(
            parse_values("1.5\n2, 3;4\t0", "control").unwrap(),
            vec![1.5, 2.0, 3.0, 4.0, 0.0]
        );
        assert!(parse_values("1\nabc", "control")
            .unwrap_err()
            .to_string()
            .contains("value 2: “abc”"));
        assert!(parse_values("1", "control").is_err());
        let c = compare_values(
            &[0.0, 0.0, 10.0, 0.0, 25.0, 0.0],
            &[0.0, 12.0, 30.0, 0.0, 45.0, 8.0],
            0.05,
        )
        .unwrap();
        // Means 35/6 and 95/6: difference 10.
        assert!((c.welch.difference - 10.0).abs() < 1e-12);
        // Equal sizes: the same se; Student's df is 6 + 6 - 2.
        // scipy.stats.ttest_ind(t, c, equal_var=True): t = 1.181340426764268, p = 0.26479995171018095
        assert_eq!(c.student.df, 10.0);
        assert!((c.student.std_error - c.welch.std_error).abs() < 1e-12);
        assert!(
            (c.student.p_value - 0.264_799_951_710_180_95).abs() < 1e-12,
            "{}",
            c.student.p_value
        );
        let boot = c.bootstrap.unwrap();
        assert!(boot.lower < 10.0 && boot.upper > 10.0 && boot.resamples == BOOTSTRAP_RESAMPLES);
    }
}
