//! Why an activation could not be planned, laid out or reviewed. `Display` gives the
//! sentence the Communities section shows, naming the input to change.

use std::fmt;

use microplan_stats::error::StatsError;

#[derive(Debug, Clone, PartialEq)]
pub enum ActivationError {
    /// The binomial or interval maths refused its inputs (a posting rate outside 0-1 ...).
    Stats(StatsError),
    /// A unit cost is negative, not a number or infinite.
    CostNotValid { cost: &'static str },
    /// A unit cost is in another currency than the product value.
    MixedCurrency {
        cost: &'static str,
        currency: String,
        product_currency: String,
    },
    /// More creators than the post distribution covers.
    TooManyToShow { creators: u64 },
    /// The number of posts wanted is 0.
    NoPostsWanted,
    /// The plan needs more creators than the planner handles.
    TooManyCreators { limit: u64 },
    /// The posting window of the named activation ends before it starts.
    WindowEndsBeforeStart { activation: String },
    /// The arrival date falls outside the calendar.
    ArrivalOutOfRange,
    /// A ship-by date falls outside the calendar.
    ShipByOutOfRange,
    /// The brief date falls outside the calendar.
    BriefOutOfRange,
}

impl fmt::Display for ActivationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActivationError::Stats(error) => write!(f, "{error}"),
            ActivationError::CostNotValid { cost } => {
                write!(f, "the {cost} must be a number of 0 or more")
            }
            ActivationError::MixedCurrency { cost, currency, product_currency } => write!(
                f,
                "the {cost} is in {currency} but the product value is in {product_currency}: use one currency for the whole plan"
            ),
            ActivationError::TooManyToShow { creators } => {
                write!(f, "{creators} creators is more than the planner shows")
            }
            ActivationError::NoPostsWanted => {
                write!(f, "set the number of posts wanted to 1 or more")
            }
            ActivationError::TooManyCreators { limit } => write!(
                f,
                "this plan needs more than {limit} creators: raise the posting rate, add paid creators or lower the goal"
            ),
            ActivationError::WindowEndsBeforeStart { activation } => write!(
                f,
                "the window of `{activation}` ends before it starts: move the end date"
            ),
            ActivationError::ArrivalOutOfRange => {
                write!(f, "the arrival date is out of range: check the window dates")
            }
            ActivationError::ShipByOutOfRange => write!(f, "a ship-by date is out of range"),
            ActivationError::BriefOutOfRange => write!(f, "the brief date is out of range"),
        }
    }
}

impl std::error::Error for ActivationError {}

impl From<StatsError> for ActivationError {
    fn from(error: StatsError) -> Self {
        ActivationError::Stats(error)
    }
}

impl From<ActivationError> for String {
    fn from(error: ActivationError) -> Self {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::plan::{budget, total_posts_distribution, UnitCosts};
    use microplan_model::money::Money;

    #[test]
    fn messages_name_the_input_to_change() {
        let mut costs = UnitCosts::zero("GBP");
        costs.shipping = Money::new(-1.0, "GBP");
        let error = budget(&costs, 1, 1, 1.0).unwrap_err();
        assert_eq!(error, ActivationError::CostNotValid { cost: "shipping" });
        assert_eq!(
            error.to_string(),
            "the shipping must be a number of 0 or more"
        );
        costs.shipping = Money::new(2.0, "EUR");
        assert_eq!(
            String::from(budget(&costs, 1, 1, 1.0).unwrap_err()),
            "the shipping is in EUR but the product value is in GBP: use one currency for the whole plan"
        );
        let error = total_posts_distribution(3, 100_000, 0.3).unwrap_err();
        assert_eq!(
            error.to_string(),
            "100003 creators is more than the planner shows"
        );
        assert_eq!(
            ActivationError::TooManyCreators { limit: 5_000 }.to_string(),
            "this plan needs more than 5000 creators: raise the posting rate, add paid creators or lower the goal"
        );
        assert_eq!(
            ActivationError::WindowEndsBeforeStart {
                activation: "Spring box".into()
            }
            .to_string(),
            "the window of `Spring box` ends before it starts: move the end date"
        );
    }

    #[test]
    fn a_statistics_error_keeps_its_own_sentence() {
        let error = total_posts_distribution(0, 10, 1.5).unwrap_err();
        let ActivationError::Stats(inner) = &error else {
            panic!("expected a statistics error, got {error:?}");
        };
        assert_eq!(error.to_string(), inner.to_string());
    }
}
