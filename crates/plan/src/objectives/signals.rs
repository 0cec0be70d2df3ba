//! Qualitative community signals turned into ratios with written definitions, so "the
//! community loved it" becomes a number that can be compared across campaigns.

use serde::{Deserialize, Serialize};

use super::error::ObjectiveError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    Sentiment,
    UnsolicitedUgc,
    RepeatAdvocates,
    ThemeTags,
}

impl SignalKind {
    pub const ALL: [SignalKind; 4] = [
        SignalKind::Sentiment,
        SignalKind::UnsolicitedUgc,
        SignalKind::RepeatAdvocates,
        SignalKind::ThemeTags,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SignalKind::Sentiment => "Positive sentiment share",
            SignalKind::UnsolicitedUgc => "Unsolicited UGC per sponsored post",
            SignalKind::RepeatAdvocates => "Repeat advocates",
            SignalKind::ThemeTags => "Theme match",
        }
    }

    pub fn numerator_label(self) -> &'static str {
        match self {
            SignalKind::Sentiment => "Positive comments",
            SignalKind::UnsolicitedUgc => "Unsolicited posts by non-partner accounts",
            SignalKind::RepeatAdvocates => {
                "Accounts with substantive comments on 2+ campaign posts"
            }
            SignalKind::ThemeTags => "Comments tagged with a brief theme",
        }
    }

    pub fn denominator_label(self) -> &'static str {
        match self {
            SignalKind::Sentiment => "Comments classified (positive, neutral or negative)",
            SignalKind::UnsolicitedUgc => "Sponsored posts by partner creators",
            SignalKind::RepeatAdvocates => "Distinct accounts with substantive comments",
            SignalKind::ThemeTags => "Comments reviewed",
        }
    }

    /// The definition shown beside the number.
    pub fn definition(self) -> &'static str {
        match self {
            SignalKind::Sentiment => {
                "Share of classified comments that are positive about the brand or product. Read a \
                 fixed sample (e.g. the first 50 comments of each post) so campaigns compare."
            }
            SignalKind::UnsolicitedUgc => {
                "Posts about the product by accounts you did not brief or pay, per sponsored post. \
                 Count them from the campaign hashtag and brand mentions."
            }
            SignalKind::RepeatAdvocates => {
                "Share of engaged accounts that came back: substantive (not emoji-only) comments on \
                 two or more campaign posts. The seeds' trust signal."
            }
            SignalKind::ThemeTags => {
                "Share of reviewed comments that mention one of the themes you want the community \
                 to associate with the brand (write the themes below)."
            }
        }
    }

    /// Sentiment, advocates and theme match are shares (at most 1); UGC per post is not.
    pub fn is_share(self) -> bool {
        !matches!(self, SignalKind::UnsolicitedUgc)
    }
}

/// One signal as the user counted it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignalEntry {
    pub kind: SignalKind,
    #[serde(default)]
    pub numerator: Option<u64>,
    #[serde(default)]
    pub denominator: Option<u64>,
    /// Theme tags for [`SignalKind::ThemeTags`], notes for the others.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl SignalEntry {
    pub fn empty(kind: SignalKind) -> SignalEntry {
        SignalEntry {
            kind,
            numerator: None,
            denominator: None,
            tags: Vec::new(),
        }
    }
}

/// numerator / denominator, with the reason when it cannot be computed.
pub fn signal_ratio(entry: &SignalEntry) -> Result<f64, ObjectiveError> {
    let kind = entry.kind;
    let (Some(numerator), Some(denominator)) = (entry.numerator, entry.denominator) else {
        return Err(ObjectiveError::MissingCounts {
            numerator: kind.numerator_label(),
            denominator: kind.denominator_label(),
        });
    };
    if denominator == 0 {
        return Err(ObjectiveError::NothingToDivideBy {
            denominator: kind.denominator_label(),
        });
    }
    if kind.is_share() && numerator > denominator {
        return Err(ObjectiveError::ShareAboveTotal {
            numerator_label: kind.numerator_label(),
            numerator,
            denominator_label: kind.denominator_label(),
            denominator,
        });
    }
    Ok(numerator as f64 / denominator as f64)
}
