//! How the Uplift tests cards print counts, rates, lifts and p-values.

/// Counts with thousands separators, as the uplift cards show them.
pub use microplan_model::money::group_thousands as thousands;

/// Percentages and percentage points by the one policy of `microplan_model::format`.
pub use microplan_model::format::{percent, signed_percent, signed_points as points};

/// A probability as a percentage that never rounds to a certainty it is not: `> 99.9%`.
pub fn chance(p: f64) -> String {
    if p > 0.999 {
        "> 99.9%".into()
    } else if p < 0.001 {
        "< 0.1%".into()
    } else {
        percent(p)
    }
}
