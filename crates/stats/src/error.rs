//! The one error type of the statistics engine, with messages a marketer can act on.
//!
//! Every public function of this crate validates its input and returns
//! `Result<_, StatsError>` instead of panicking: a panic in WebAssembly kills the page.

use std::fmt;

/// Why a statistic could not be computed. `Display` gives a plain-words sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum StatsError {
    /// A number is missing, not a number (NaN) or infinite.
    NotFinite { what: String },
    /// A number is outside the values it can take, e.g. a negative visitor count.
    OutOfRange {
        what: String,
        value: f64,
        expected: String,
    },
    /// A count is larger than the total it is part of, e.g. conversions above visitors.
    CountAboveTotal {
        count_name: String,
        count: u64,
        total_name: String,
        total: u64,
        group: String,
    },
    /// A group has no observations where some are needed.
    Empty { what: String },
    /// Not enough observations for the method (e.g. a standard deviation needs two).
    TooFew { what: String, needed: u64, got: u64 },
    /// Every value is identical, so there is no spread to test against.
    NoVariation { what: String },
    /// Inputs of different lengths or shapes that must match.
    Mismatch { what: String },
    /// The inputs are valid but the question has no answer (e.g. an unreachable power).
    NoSolution { why: String },
    /// The inputs are too large to compute exactly in the browser.
    TooLarge { what: String },
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatsError::NotFinite { what } => {
                write!(
                    f,
                    "{what} must be a number; it is empty, not a number or infinite"
                )
            }
            StatsError::OutOfRange {
                what,
                value,
                expected,
            } => {
                write!(f, "{what} must be {expected} (it is {value})")
            }
            StatsError::CountAboveTotal {
                count_name,
                count,
                total_name,
                total,
                group,
            } => {
                write!(
                    f,
                    "{count_name} ({count}) cannot exceed {total_name} ({total}) in {group}"
                )
            }
            StatsError::Empty { what } => write!(f, "{what} has no data yet; add some first"),
            StatsError::TooFew { what, needed, got } => {
                write!(
                    f,
                    "{what} needs at least {needed} observations (it has {got})"
                )
            }
            StatsError::NoVariation { what } => write!(
                f,
                "{what}: every value is the same, so there is no variation to test; \
                 collect more data or check the import"
            ),
            StatsError::Mismatch { what } => write!(f, "{what}"),
            StatsError::NoSolution { why } => write!(f, "{why}"),
            StatsError::TooLarge { what } => {
                write!(f, "{what} is too large to compute exactly here")
            }
        }
    }
}

impl std::error::Error for StatsError {}

/// Callers that carry messages as text (the UI) keep the same words.
impl From<StatsError> for String {
    fn from(error: StatsError) -> Self {
        error.to_string()
    }
}

/// Shorthand used throughout the module.
pub type StatsResult<T> = Result<T, StatsError>;

/// Refuses NaN and infinities.
pub fn finite(what: &str, value: f64) -> StatsResult<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(StatsError::NotFinite {
            what: what.to_string(),
        })
    }
}

/// A finite number that is zero or more.
pub(crate) fn non_negative(what: &str, value: f64) -> StatsResult<f64> {
    finite(what, value)?;
    if value < 0.0 {
        return Err(out_of_range(what, value, "zero or more"));
    }
    Ok(value)
}

/// A finite number strictly above zero.
pub(crate) fn positive(what: &str, value: f64) -> StatsResult<f64> {
    finite(what, value)?;
    if value <= 0.0 {
        return Err(out_of_range(what, value, "above zero"));
    }
    Ok(value)
}

/// A probability strictly between 0 and 1 (alpha, power, target probability).
pub(crate) fn open_unit(what: &str, value: f64) -> StatsResult<f64> {
    finite(what, value)?;
    if value <= 0.0 || value >= 1.0 {
        return Err(out_of_range(what, value, "strictly between 0 and 1"));
    }
    Ok(value)
}

/// A probability in [0, 1].
pub(crate) fn closed_unit(what: &str, value: f64) -> StatsResult<f64> {
    finite(what, value)?;
    if !(0.0..=1.0).contains(&value) {
        return Err(out_of_range(what, value, "between 0 and 1"));
    }
    Ok(value)
}

/// The significance level alpha, in (0, 1).
pub fn alpha(value: f64) -> StatsResult<f64> {
    open_unit("the significance level (alpha)", value)
}

pub(crate) fn out_of_range(what: &str, value: f64, expected: &str) -> StatsError {
    StatsError::OutOfRange {
        what: what.to_string(),
        value,
        expected: expected.to_string(),
    }
}

/// Successes within trials for one group: trials above zero, successes not above trials.
pub(crate) fn conversions(successes: u64, trials: u64, group: &str) -> StatsResult<()> {
    if trials == 0 {
        return Err(StatsError::Empty {
            what: format!("{group} (visitors)"),
        });
    }
    if successes > trials {
        return Err(StatsError::CountAboveTotal {
            count_name: "conversions".to_string(),
            count: successes,
            total_name: "visitors".to_string(),
            total: trials,
            group: group.to_string(),
        });
    }
    Ok(())
}

/// Last line of defence: a computed value that is not finite becomes an error, never NaN.
pub(crate) fn checked(what: &str, value: f64) -> StatsResult<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(StatsError::NoSolution {
            why: format!("{what} could not be computed reliably for these inputs"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_plain_words() {
        let e = conversions(120, 100, "arm B").unwrap_err();
        assert_eq!(
            e.to_string(),
            "conversions (120) cannot exceed visitors (100) in arm B"
        );
        let e = alpha(1.5).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the significance level (alpha) must be strictly between 0 and 1 (it is 1.5)"
        );
        assert_eq!(
            String::from(alpha(0.0).unwrap_err()),
            "the significance level (alpha) must be strictly between 0 and 1 (it is 0)"
        );
        assert!(finite("the mean of arm A", f64::NAN).is_err());
        assert!(checked("p", f64::INFINITY).is_err());
    }
}
