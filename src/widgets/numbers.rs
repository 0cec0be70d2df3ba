//! Numbers as the tables print them, through the formatting policy of `microplan_model::format`.

/// A fraction as a percentage for display: 0.0364 -> "3.6%"; "not enough data" when absent.
pub fn percent_or_no_data(fraction: Option<f64>) -> String {
    fraction
        .filter(|f| f.is_finite())
        .map(microplan_model::format::percent)
        .unwrap_or_else(|| "not enough data".into())
}
