//! One treatment arm against the control: the figures the analysis computes and the verdict
//! reads.

use microplan_stats::proportions::FisherNote;

/// Which test gave a comparison's p-value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestUsed {
    /// Two-sided pooled two-proportion z-test.
    ZTest,
    /// Two-sided Fisher exact test: an expected count of the 2 x 2 table is below 5.
    Fisher,
}

/// One treatment arm against the control.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub arm: String,
    /// p_B - p_A with Newcombe's hybrid score interval.
    pub difference: f64,
    pub difference_lower: f64,
    pub difference_upper: f64,
    /// p_B / p_A - 1 with the delta-method interval; `None` when the control has no
    /// conversions (the relative lift is undefined).
    pub lift: Option<(f64, f64, f64)>,
    /// The p-value of `test_used`.
    pub p_value: f64,
    pub test_used: TestUsed,
    /// The z-test p-value (`None` when the z-test is undefined: no conversions at all).
    pub z_p_value: Option<f64>,
    /// Fisher's exact p-value (`None` for tables too large to enumerate quickly).
    pub fisher_p_value: Option<f64>,
    /// Set when Fisher's p = 1 carries no information (nobody or everybody converted).
    pub fisher_note: Option<FisherNote>,
    /// Holm-adjusted (family-wise error); equal to `p_value` with one treatment.
    pub holm_p_value: f64,
    /// Benjamini-Hochberg-adjusted (false discovery rate).
    pub bh_p_value: f64,
    pub chance_to_beat_control: f64,
    pub expected_loss: f64,
}
