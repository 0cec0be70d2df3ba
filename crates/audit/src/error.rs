//! Why a component of the audit cannot be scored, in words a marketer can act on.
//!
//! A component without enough data has no score; its reason reads
//! "Not enough data: {error}." (see `components`).

use std::fmt;

/// Why a component could not be scored. `Display` gives the plain-words reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditError {
    /// The creator has no recent posts to measure.
    NoPosts,
    /// Engagement per follower needs a follower count above 0.
    ZeroFollowers,
    /// The engagement benchmark table has no figure for the creator's size.
    NoBenchmark,
    /// No recent post has reach or views.
    NoReach,
    /// No comment summary is stored for the creator.
    NoComments,
    /// Neither creator replies nor threads are known.
    NoReplies,
    /// Posting cadence needs at least two posts.
    TooFewPosts,
    /// No sponsored post has a known disclosure status.
    NoKnownDisclosure,
    /// No recent post carries topic tags.
    NoTopicTags,
    /// Neither an audience breakdown nor categories to compare with the persona.
    NoAudienceToCompare,
    /// Too few follower observations for the growth check.
    TooFewFollowerObservations { observations: usize, needed: usize },
    /// A setting the component compares against is empty (e.g. "target persona").
    SettingMissing { setting: &'static str },
}

impl fmt::Display for AuditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuditError::NoPosts => write!(f, "no posts"),
            AuditError::ZeroFollowers => write!(f, "the follower count is 0"),
            AuditError::NoBenchmark => write!(f, "the benchmark table has no usable figure"),
            AuditError::NoReach => write!(f, "no reach or views on recent posts"),
            AuditError::NoComments => write!(f, "no comment data"),
            AuditError::NoReplies => write!(f, "no replies or threads known"),
            AuditError::TooFewPosts => write!(f, "fewer than two posts"),
            AuditError::NoKnownDisclosure => {
                write!(f, "no sponsored post with a known disclosure")
            }
            AuditError::NoTopicTags => write!(f, "no topic tags on recent posts"),
            AuditError::NoAudienceToCompare => {
                write!(
                    f,
                    "no audience breakdown or categories to compare with the persona"
                )
            }
            AuditError::TooFewFollowerObservations {
                observations,
                needed,
            } => write!(
                f,
                "{observations} follower observations; the growth check needs {needed}"
            ),
            AuditError::SettingMissing { setting } => write!(f, "no {setting} set"),
        }
    }
}

impl std::error::Error for AuditError {}

impl From<AuditError> for String {
    fn from(error: AuditError) -> String {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_before() {
        let growth = AuditError::TooFewFollowerObservations {
            observations: 3,
            needed: 7,
        };
        assert_eq!(
            growth.to_string(),
            "3 follower observations; the growth check needs 7"
        );
        let persona = AuditError::SettingMissing {
            setting: "target persona",
        };
        assert_eq!(String::from(persona), "no target persona set");
        assert_eq!(AuditError::TooFewPosts.to_string(), "fewer than two posts");
    }
}
