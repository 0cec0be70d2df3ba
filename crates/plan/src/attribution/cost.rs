//! A deliverable's cost: the cost as given, or the sum of its parts (fee, product value,
//! shipping) when no cost is given; defined with the row in `microplan_model::rows`.

pub use microplan_model::rows::{CostBasis, COST_PARTS};
