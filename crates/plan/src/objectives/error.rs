//! Why a target, signal, threshold or test verdict could not be worked out. `Display`
//! gives the sentence the Objectives page shows, naming what to enter or fix.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum ObjectiveError {
    /// A signal lacks one of its two counts; the labels name them.
    MissingCounts {
        numerator: &'static str,
        denominator: &'static str,
    },
    /// A signal's denominator is 0.
    NothingToDivideBy { denominator: &'static str },
    /// A share's numerator is above its denominator (clicks above impressions ...).
    ShareAboveTotal {
        numerator_label: &'static str,
        numerator: u64,
        denominator_label: &'static str,
        denominator: u64,
    },
    /// A threshold is checked without a baseline above zero.
    NoThresholdBaseline,
    /// A threshold's multiple of the baseline is negative, not a number or infinite.
    ThresholdNotValid,
    /// The reading at this 1-based position is not a number.
    ReadingNotNumber { reading: usize },
    /// The named test has no arm besides its control.
    NoArmToCompare { test: String },
    /// The uplift analysis refused the test; its own sentence.
    Analysis(microplan_uplift::error::UpliftError),
    /// The target is not a number.
    TargetNotNumber,
    /// A percent uplift of -100% or less.
    UpliftTooLow,
    /// A multiple of the baseline of 0 or less.
    MultipleNotPositive,
    /// A target is set against a baseline that is not above zero.
    NoTargetBaseline,
    /// The observed value is negative, not a number or infinite.
    ObservedNotValid,
}

impl fmt::Display for ObjectiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ObjectiveError::MissingCounts {
                numerator,
                denominator,
            } => write!(
                f,
                "Enter both counts: {} and {}.",
                numerator.to_lowercase(),
                denominator.to_lowercase()
            ),
            ObjectiveError::NothingToDivideBy { denominator } => {
                write!(f, "{denominator} is 0: nothing to divide by yet.")
            }
            ObjectiveError::ShareAboveTotal {
                numerator_label,
                numerator,
                denominator_label,
                denominator,
            } => write!(
                f,
                "{numerator_label} ({numerator}) cannot exceed {} ({denominator}).",
                denominator_label.to_lowercase()
            ),
            ObjectiveError::NoThresholdBaseline => {
                write!(
                    f,
                    "Enter a baseline above zero before thresholds can be checked."
                )
            }
            ObjectiveError::ThresholdNotValid => {
                write!(
                    f,
                    "The threshold must be a multiple of the baseline of 0 or more."
                )
            }
            ObjectiveError::ReadingNotNumber { reading } => {
                write!(f, "Reading {reading} is not a number.")
            }
            ObjectiveError::NoArmToCompare { test } => {
                write!(f, "“{test}” has no arm to compare with its control")
            }
            ObjectiveError::Analysis(message) => write!(f, "{message}"),
            ObjectiveError::TargetNotNumber => write!(f, "The target must be a number."),
            ObjectiveError::UpliftTooLow => write!(
                f,
                "An uplift of -100% or less means nothing is left; enter a value above -100%."
            ),
            ObjectiveError::MultipleNotPositive => {
                write!(
                    f,
                    "A multiple of the baseline must be above 0 (1 means no change)."
                )
            }
            ObjectiveError::NoTargetBaseline => write!(
                f,
                "Enter a baseline above zero: targets are uplift over what you already get."
            ),
            ObjectiveError::ObservedNotValid => {
                write!(f, "The observed value must be a number of zero or more.")
            }
        }
    }
}

impl std::error::Error for ObjectiveError {}

impl From<ObjectiveError> for String {
    fn from(error: ObjectiveError) -> Self {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objectives::{signal_ratio, target_level, SignalEntry, SignalKind, Target};

    #[test]
    fn messages_say_what_to_enter() {
        let error = target_level(0.0, Target::uplift(0.2)).unwrap_err();
        assert_eq!(error, ObjectiveError::NoTargetBaseline);
        assert_eq!(
            String::from(error),
            "Enter a baseline above zero: targets are uplift over what you already get."
        );
        assert_eq!(
            target_level(10.0, Target::uplift(-1.0))
                .unwrap_err()
                .to_string(),
            "An uplift of -100% or less means nothing is left; enter a value above -100%."
        );
        assert_eq!(
            ObjectiveError::ReadingNotNumber { reading: 3 }.to_string(),
            "Reading 3 is not a number."
        );
        assert_eq!(
            ObjectiveError::NoArmToCompare {
                test: "Spring".into()
            }
            .to_string(),
            "“Spring” has no arm to compare with its control"
        );
        assert_eq!(
            ObjectiveError::ShareAboveTotal {
                numerator_label: "Saves",
                numerator: 7,
                denominator_label: "Views",
                denominator: 5
            }
            .to_string(),
            "Saves (7) cannot exceed views (5)."
        );
        assert_eq!(
            ObjectiveError::MissingCounts {
                numerator: "Saves",
                denominator: "Views"
            }
            .to_string(),
            "Enter both counts: saves and views."
        );
        let entry = SignalEntry {
            kind: SignalKind::Sentiment,
            numerator: Some(1),
            denominator: Some(0),
            tags: Vec::new(),
        };
        let error = signal_ratio(&entry).unwrap_err();
        assert_eq!(
            error,
            ObjectiveError::NothingToDivideBy {
                denominator: "Comments classified (positive, neutral or negative)"
            }
        );
        assert_eq!(
            error.to_string(),
            "Comments classified (positive, neutral or negative) is 0: nothing to divide by yet."
        );
    }
}
