//! The user's own judgement of a creator, kept with the workspace: the shortlist, the pipeline
//! status and the manual verification checklist from the seeds (checks no data can replace).

use serde::{Deserialize, Serialize};

/// Manual checks before working with a creator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerificationCheck {
    /// Profile and post images run through a reverse image search (stolen or stock photos).
    ReverseImageSearch,
    /// The same person is active on other platforms.
    CrossPlatformPresence,
    /// Screenshots of the audience insights (countries, ages) received from the creator.
    AudienceScreenshots,
    /// The creator sent 2-3 concepts tailored to the brand.
    TailoredConcepts,
    /// The creator shared reach and engagement statistics of past posts.
    StatsShared,
}

impl VerificationCheck {
    pub const ALL: [VerificationCheck; 5] = [
        VerificationCheck::ReverseImageSearch,
        VerificationCheck::CrossPlatformPresence,
        VerificationCheck::AudienceScreenshots,
        VerificationCheck::TailoredConcepts,
        VerificationCheck::StatsShared,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            VerificationCheck::ReverseImageSearch => "reverse_image_search",
            VerificationCheck::CrossPlatformPresence => "cross_platform_presence",
            VerificationCheck::AudienceScreenshots => "audience_screenshots",
            VerificationCheck::TailoredConcepts => "tailored_concepts",
            VerificationCheck::StatsShared => "stats_shared",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            VerificationCheck::ReverseImageSearch => "Reverse image search done",
            VerificationCheck::CrossPlatformPresence => "Cross-platform presence checked",
            VerificationCheck::AudienceScreenshots => "Audience screenshots received",
            VerificationCheck::TailoredConcepts => "2-3 tailored concepts received",
            VerificationCheck::StatsShared => "Stats of past posts shared",
        }
    }

    /// Why the check matters, in the user's words.
    pub fn why(self) -> &'static str {
        match self {
            VerificationCheck::ReverseImageSearch => {
                "Stolen or stock photos are a sign of a fake or recycled account."
            }
            VerificationCheck::CrossPlatformPresence => {
                "A real creator usually has a consistent presence elsewhere (blog, YouTube, TikTok)."
            }
            VerificationCheck::AudienceScreenshots => {
                "The platform's own insights show where the audience lives and how old it is."
            }
            VerificationCheck::TailoredConcepts => {
                "Concepts written for your brand show fit and effort better than any metric."
            }
            VerificationCheck::StatsShared => {
                "Reach and saves of past posts, straight from the creator's insights."
            }
        }
    }
}

/// Shortlist and checklist of one creator (the pipeline status lives on the creator row).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreatorReview {
    pub handle: String,
    #[serde(default)]
    pub shortlisted: bool,
    #[serde(default)]
    pub checks: Vec<VerificationCheck>,
}

impl CreatorReview {
    pub fn has(&self, check: VerificationCheck) -> bool {
        self.checks.contains(&check)
    }
}
