//! Why the decisions panel cannot show a programme status or a budget proposal. `Display`
//! gives the sentence the panel and the report show.

use std::fmt;

use microplan_model::format::percent;

/// Why [`super::programme_status`] has nothing to show.
#[derive(Debug, Clone, PartialEq)]
pub enum StatusError {
    /// The programme has no objective (and so no KPIs) yet.
    NoObjective,
}

impl fmt::Display for StatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusError::NoObjective => write!(
                f,
                "The programme has no objective yet: pick one and its KPIs on the Programme page, then come back."
            ),
        }
    }
}

impl std::error::Error for StatusError {}

/// Callers that carry messages as text (the UI) keep the same words.
impl From<StatusError> for String {
    fn from(error: StatusError) -> Self {
        error.to_string()
    }
}

/// Why [`super::propose_budget`] cannot split the budget.
#[derive(Debug, Clone, PartialEq)]
pub enum BudgetError {
    /// The budget is negative, not a number, infinite or absurdly large.
    NotAnAmount,
    /// The budget's currency differs from the one the results are costed in.
    CurrencyMismatch { budget: String, results: String },
    /// The floor share is outside 0% to 100% or not a number.
    FloorOutOfRange,
    /// The ceiling share is 0%, above 100% or not a number.
    CeilingOutOfRange,
    /// The floor share is above the ceiling share (both fractions).
    FloorAboveCeiling { floor: f64, ceiling: f64 },
    /// No creator has result rows to rank.
    NoCreatorResults,
    /// The user excluded every ranked creator.
    AllExcluded { creators: usize },
}

impl fmt::Display for BudgetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BudgetError::NotAnAmount => {
                write!(f, "Enter the next period's budget as an amount of 0 or more.")
            }
            BudgetError::CurrencyMismatch { budget, results } => write!(
                f,
                "The budget is in {budget} but the results are costed in {results}: enter the budget in {results}."
            ),
            BudgetError::FloorOutOfRange => {
                write!(f, "The floor share must be between 0% and 100%.")
            }
            BudgetError::CeilingOutOfRange => {
                write!(f, "The ceiling share must be above 0% and at most 100%.")
            }
            BudgetError::FloorAboveCeiling { floor, ceiling } => write!(
                f,
                "The floor ({}) is above the ceiling ({}): lower the floor or raise the ceiling.",
                percent(*floor),
                percent(*ceiling)
            ),
            BudgetError::NoCreatorResults => {
                write!(f, "No creator has results yet: import results to propose a budget.")
            }
            BudgetError::AllExcluded { creators } => write!(
                f,
                "All {creators} creators are excluded: include at least one to propose a budget."
            ),
        }
    }
}

impl std::error::Error for BudgetError {}

/// Callers that carry messages as text (the UI) keep the same words.
impl From<BudgetError> for String {
    fn from(error: BudgetError) -> Self {
        error.to_string()
    }
}
