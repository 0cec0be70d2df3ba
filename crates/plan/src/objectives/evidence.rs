//! The evidence a large pivot needs, read from an uplift test in the workspace.

use microplan_model::rows::TestArm;
use microplan_uplift::arms::{analyse_test, AnalysisOptions};

use super::error::ObjectiveError;

/// What an uplift test says for the pivot rule.
#[derive(Debug, Clone, PartialEq)]
pub struct TestEvidence {
    pub significant: bool,
    /// The smallest Holm-adjusted p-value across the test's arms.
    pub p_value: f64,
    pub alpha: f64,
    pub reason: String,
}

/// Significant means: some arm differs from control with a Holm-adjusted p-value below the
/// test's alpha, and the split between arms is what it should be (a sample-ratio mismatch
/// makes every p-value suspect). Uses the default analysis (alpha 0.05, flat prior).
pub fn test_evidence(arms: &[TestArm], test: &str) -> Result<TestEvidence, ObjectiveError> {
    let analysis = analyse_test(arms, test, &AnalysisOptions::default(), None)
        .map_err(ObjectiveError::Analysis)?;
    let p_value = analysis
        .comparisons
        .iter()
        .map(|c| c.holm_p_value)
        .fold(f64::INFINITY, f64::min);
    if !p_value.is_finite() {
        return Err(ObjectiveError::NoArmToCompare {
            test: test.to_string(),
        });
    }
    let alpha = analysis.alpha;
    let (significant, reason) = if analysis.srm_mismatch {
        (false, format!("“{test}”: the split between arms is off (sample-ratio mismatch), so its p-values cannot be trusted yet."))
    } else if p_value < alpha {
        (
            true,
            format!(
                "“{test}” is significant: Holm-adjusted {}, below {alpha}.",
                microplan_model::format::p_equals(p_value)
            ),
        )
    } else {
        (
            false,
            format!(
                "“{test}” is not significant yet: Holm-adjusted {}, not below {alpha}.",
                microplan_model::format::p_equals(p_value)
            ),
        )
    };
    Ok(TestEvidence {
        significant,
        p_value,
        alpha,
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_small_difference_is_not_enough_and_missing_tests_are_errors() {
        // 50 / 1000 against 55 / 1000: far from significant.
        let arms = [
            arm("t", "control", true, 1000, 50),
            arm("t", "b", false, 1000, 55),
        ];
        let evidence = test_evidence(&arms, "t").unwrap();
        assert!(!evidence.significant);
        assert!(evidence.p_value > 0.5);
        assert!(test_evidence(&arms, "other").is_err());
        let no_control = [
            arm("u", "a", false, 1000, 50),
            arm("u", "b", false, 1000, 55),
        ];
        assert!(test_evidence(&no_control, "u")
            .unwrap_err()
            .to_string()
            .contains("no control arm"));
    }
}
