//! The one error type of the uplift analyses, with messages a marketer can act on.
//!
//! Every public function of the crate that can refuse its input returns
//! `Result<_, UpliftError>` (or `StatsResult` when it only passes the statistics engine's
//! answer on); `Display` gives the plain-words sentence shown in the app.

use std::fmt;

use chrono::NaiveDate;
use microplan_stats::StatsError;

/// Why an uplift figure could not be computed or a plan could not be changed.
#[derive(Debug, Clone, PartialEq)]
pub enum UpliftError {
    /// The statistics engine refused the numbers; its own message.
    Stats(StatsError),
    /// The statistics engine refused the numbers of one named test.
    InTest {
        test: String,
        source: StatsError,
    },

    // Arm totals of a test.
    NoControl {
        test: String,
    },
    SeveralControls {
        test: String,
    },
    NoTreatment {
        test: String,
    },

    // Daily rows.
    ConversionsAboveUnits {
        arm: String,
        date: NaiveDate,
        conversions: u64,
        units: u64,
    },
    NoDailyRows {
        arm: String,
        test: String,
    },
    /// No date has units in both arms (from the launch date on).
    NoSharedDays,
    NoPrePeriod {
        launch: NaiveDate,
    },
    /// The mSPRT mixing spread is zero, negative or not a number.
    TuningNotPositive,

    // Pasted per-user values.
    /// `position` counts from 1.
    ValueNotANumber {
        arm: String,
        position: usize,
        text: String,
    },
    TooFewValues {
        arm: String,
    },

    // The planner.
    NoBaseline,
    NoEffect,
    ZeroEffect,
    /// Baseline plus effect is a conversion rate outside 0..=1 (a fraction).
    ImpossibleRate {
        target: f64,
    },
    SampleTooLarge,
    NoSampleSize,
    RatioNotPositive,
    DaysNotPositive,
    TrafficNotPositive,
    TooManyDays,

    // The pre-registration.
    ArmLineFormat {
        line: usize,
    },
    ShareNotANumber {
        line: usize,
        text: String,
    },
    ShareNotPositive {
        line: usize,
    },
    ArmUnnamed {
        line: usize,
    },
    TooFewArms,
    NotOneControl,
    AlreadyFrozen,
    NoHypothesis,
    NoPlannedTotal,
    /// A draft field edited after the test started.
    Frozen,
    PlannedTotalNotWhole {
        value: String,
    },
    AlphaNotANumber {
        value: String,
    },
    AlphaOutOfRange,
    MinLiftNotANumber {
        value: String,
    },
    MinLiftNotPositive,
    LaunchDateFormat {
        value: String,
    },
    AmendDraft,
    NoAmendReason,
    /// One field of an amendment was refused; `field` is its label.
    AmendField {
        field: String,
        source: Box<UpliftError>,
    },
    NothingAmended,
}

impl fmt::Display for UpliftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use UpliftError as E;
        match self {
            E::Stats(source) => write!(f, "{source}"),
            E::InTest { test, source } => write!(f, "“{test}”: {source}"),
            E::NoControl { test } => {
                write!(f, "“{test}” has no control arm: mark one arm as the control")
            }
            E::SeveralControls { test } => {
                write!(f, "“{test}” has more than one control arm: keep one")
            }
            E::NoTreatment { test } => {
                write!(f, "“{test}” has no treatment arm to compare with the control")
            }
            E::ConversionsAboveUnits { arm, date, conversions, units } => write!(
                f,
                "{arm} on {date}: conversions ({conversions}) exceed units ({units}); correct the daily row"
            ),
            E::NoDailyRows { arm, test } => write!(f, "“{arm}” has no daily rows in “{test}”"),
            E::NoSharedDays => {
                write!(f, "no day has units in both arms after the launch date yet")
            }
            E::NoPrePeriod { launch } => write!(
                f,
                "there are no daily rows before the launch date {launch}: the difference in differences needs a pre-period"
            ),
            E::TuningNotPositive => {
                write!(f, "the difference the test is tuned for must be above zero")
            }
            E::ValueNotANumber { arm, position, text } => {
                write!(f, "{arm}, value {position}: “{text}” is not a number")
            }
            E::TooFewValues { arm } => write!(f, "{arm} needs at least two values"),
            E::NoBaseline => write!(f, "enter the baseline"),
            E::NoEffect => write!(f, "enter the effect to detect"),
            E::ZeroEffect => {
                write!(f, "the effect to detect is zero; enter the smallest change worth acting on")
            }
            E::ImpossibleRate { target } => write!(
                f,
                "the baseline plus the effect gives a conversion rate of {}, which is impossible; use a smaller effect",
                microplan_model::format::percent(*target)
            ),
            E::SampleTooLarge => write!(f, "the required sample size is too large"),
            E::NoSampleSize => write!(f, "enter a sample size above zero"),
            E::RatioNotPositive => write!(f, "the allocation ratio must be above zero"),
            E::DaysNotPositive => write!(f, "enter a number of days above zero"),
            E::TrafficNotPositive => {
                write!(f, "enter the daily traffic (units per day, all arms) above zero")
            }
            E::TooManyDays => write!(
                f,
                "at this traffic the test would run for more than 27,000 years; raise the effect or the traffic"
            ),
            E::ArmLineFormat { line } => {
                write!(f, "line {line}: write the arm as name: share, e.g. Pilot regions: 50")
            }
            E::ShareNotANumber { line, text } => {
                write!(f, "line {line}: the share “{text}” is not a number")
            }
            E::ShareNotPositive { line } => write!(f, "line {line}: the share must be above zero"),
            E::ArmUnnamed { line } => write!(f, "line {line}: the arm needs a name"),
            E::TooFewArms => write!(f, "list at least two arms, one of them marked (control)"),
            E::NotOneControl => write!(f, "mark exactly one arm with (control)"),
            E::AlreadyFrozen => write!(f, "this pre-registration is already frozen"),
            E::NoHypothesis => write!(f, "write the hypothesis before starting the test"),
            E::NoPlannedTotal => write!(
                f,
                "enter the planned sample size before starting the test (use the planner above)"
            ),
            E::Frozen => write!(
                f,
                "the test has started, so its pre-registration is frozen: amend it as a new version with a reason"
            ),
            E::PlannedTotalNotWhole { value } => {
                write!(f, "the planned sample size “{value}” must be a whole number")
            }
            E::AlphaNotANumber { value } => write!(f, "alpha “{value}” is not a number"),
            E::AlphaOutOfRange => write!(f, "alpha must be between 0 and 1, e.g. 0.05"),
            E::MinLiftNotANumber { value } => {
                write!(f, "the smallest lift “{value}” is not a number")
            }
            E::MinLiftNotPositive => {
                write!(f, "the smallest lift worth acting on must be above 0%")
            }
            E::LaunchDateFormat { value } => {
                write!(f, "the launch date “{value}” must be written YYYY-MM-DD")
            }
            E::AmendDraft => {
                write!(f, "a draft is edited directly; amendments are for a started test")
            }
            E::NoAmendReason => write!(f, "write why the plan is amended after launch"),
            E::AmendField { field, source } => write!(f, "{field}: {source}"),
            E::NothingAmended => write!(f, "nothing differs from the version in force"),
        }
    }
}

impl std::error::Error for UpliftError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            UpliftError::Stats(source) | UpliftError::InTest { source, .. } => Some(source),
            UpliftError::AmendField { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

impl From<StatsError> for UpliftError {
    fn from(source: StatsError) -> Self {
        UpliftError::Stats(source)
    }
}

/// Callers that still carry messages as text (the UI) keep the same words.
impl From<UpliftError> for String {
    fn from(error: UpliftError) -> Self {
        error.to_string()
    }
}

/// Shorthand used throughout the crate.
pub type UpliftResult<T> = Result<T, UpliftError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_keep_their_words() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let e = UpliftError::ConversionsAboveUnits {
            arm: "B".into(),
            date,
            conversions: 12,
            units: 10,
        };
        assert_eq!(
            e.to_string(),
            "B on 2026-03-02: conversions (12) exceed units (10); correct the daily row"
        );
        let e = UpliftError::ImpossibleRate { target: 1.2 };
        assert_eq!(
            String::from(e),
            "the baseline plus the effect gives a conversion rate of 120%, which is impossible; use a smaller effect"
        );
        let inner = UpliftError::AlphaNotANumber { value: "x".into() };
        let e = UpliftError::AmendField {
            field: "Alpha".into(),
            source: Box::new(inner),
        };
        assert_eq!(e.to_string(), "Alpha: alpha “x” is not a number");
        let stats = StatsError::Empty {
            what: "arm A".into(),
        };
        let e = UpliftError::InTest {
            test: "Spring".into(),
            source: stats.clone(),
        };
        assert_eq!(
            e.to_string(),
            "“Spring”: arm A has no data yet; add some first"
        );
        assert_eq!(
            UpliftError::from(stats.clone()).to_string(),
            stats.to_string()
        );
    }
}
