//! The campaign brief: audience-first, with a small set of mandatory facts, the market's
//! disclosure rules, explicit creative freedom, participatory formats, one posting window
//! and the creator's own link and code. One campaign brief gives one brief per creator.
//!
//! Seeds: "the brief should communicate the objective and any non-negotiable brand
//! requirements, then give the creator room"; "brands that over-script sponsored content
//! consistently get worse performance".

mod library;
mod per_creator;
mod quality;
mod render;

#[cfg(test)]
mod tests;

pub use library::{BriefBook, BriefTemplate};
pub use per_creator::{brief_link_plan, creator_briefs, CreatorBrief, CreatorDeliverable};
pub use quality::{check_brief, QualityIssue, QualityKind, MAX_MANDATORY_FACTS};
pub use render::{long_date, render_brief};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::deliverables::Deliverable;
use super::markets::Market;

/// Formats that invite the audience in rather than broadcasting at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipatoryFormat {
    FirstPersonStory,
    Tutorial,
    CommunityQa,
    MicroChallenge,
    MultiPostArc,
}

impl ParticipatoryFormat {
    pub const ALL: [ParticipatoryFormat; 5] = [
        ParticipatoryFormat::FirstPersonStory,
        ParticipatoryFormat::Tutorial,
        ParticipatoryFormat::CommunityQa,
        ParticipatoryFormat::MicroChallenge,
        ParticipatoryFormat::MultiPostArc,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ParticipatoryFormat::FirstPersonStory => "first_person_story",
            ParticipatoryFormat::Tutorial => "tutorial",
            ParticipatoryFormat::CommunityQa => "community_qa",
            ParticipatoryFormat::MicroChallenge => "micro_challenge",
            ParticipatoryFormat::MultiPostArc => "multi_post_arc",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ParticipatoryFormat::FirstPersonStory => "First-person story",
            ParticipatoryFormat::Tutorial => "Hands-on tutorial",
            ParticipatoryFormat::CommunityQa => "Community Q&A",
            ParticipatoryFormat::MicroChallenge => "Micro-challenge",
            ParticipatoryFormat::MultiPostArc => "Multi-post arc",
        }
    }

    /// The sentence the brief gives the creator.
    pub fn prompt(self) -> &'static str {
        match self {
            ParticipatoryFormat::FirstPersonStory => {
                "Tell it as your own experience: where you were, what you needed, what happened."
            }
            ParticipatoryFormat::Tutorial => "Show how you use it, step by step, in your own setting.",
            ParticipatoryFormat::CommunityQa => {
                "Collect your followers' questions and answer them honestly, including the critical ones."
            }
            ParticipatoryFormat::MicroChallenge => {
                "Ask your followers for their tips or photos; we will feature the best submissions (with permission)."
            }
            ParticipatoryFormat::MultiPostArc => {
                "Document it over time: purchase, first use, and a 30-day update with what you really think."
            }
        }
    }

    pub fn parse(key: &str) -> Option<ParticipatoryFormat> {
        ParticipatoryFormat::ALL
            .into_iter()
            .find(|f| f.key() == key)
    }
}

/// "Please post between DATE and DATE": one window so the community sees it together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingWindow {
    #[serde(with = "microplan_model::iso_date")]
    pub start: NaiveDate,
    #[serde(with = "microplan_model::iso_date")]
    pub end: NaiveDate,
}

impl PostingWindow {
    /// Days from start to end, both included; 0 when the end is before the start.
    pub fn days(&self) -> i64 {
        ((self.end - self.start).num_days() + 1).max(0)
    }
}

/// One campaign brief, every field editable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CampaignBrief {
    /// Stable id within the workspace.
    pub id: String,
    /// Campaign name; also the campaign of its tracking links.
    pub name: String,
    #[serde(default)]
    pub community: Option<String>,
    #[serde(default)]
    pub mission: String,
    /// The one clear objective, in a sentence.
    #[serde(default)]
    pub objective: String,
    /// What the audience needs to understand about the product; five at most.
    #[serde(default)]
    pub mandatory_facts: Vec<String>,
    #[serde(default)]
    pub non_negotiables: Vec<String>,
    /// Language and claims to avoid (health claims, competitor names, "best ever" ...).
    #[serde(default)]
    pub avoid: Vec<String>,
    /// `None` until the user picks the market; the disclosure section needs it.
    #[serde(default)]
    pub market: Option<Market>,
    #[serde(default)]
    pub past_examples: Vec<String>,
    #[serde(default)]
    pub creative_freedom: String,
    #[serde(default)]
    pub formats: Vec<ParticipatoryFormat>,
    #[serde(default)]
    pub posting_window: Option<PostingWindow>,
    #[serde(default)]
    pub deliverables: Vec<Deliverable>,
    #[serde(default)]
    pub call_to_action: String,
    /// What the creator sends back and when (the reporting template).
    #[serde(default)]
    pub reporting: Vec<String>,
    #[serde(default)]
    pub feedback_loop: String,
    /// Working days the brand takes to approve a draft.
    #[serde(default)]
    pub approval_days: Option<u32>,
    /// Extra ideas offered, never required.
    #[serde(default)]
    pub creative_prompts: Vec<String>,
    /// Who in the audience the content is for.
    #[serde(default)]
    pub audience_segments: Vec<String>,
    /// Handles of the creators who get this brief.
    #[serde(default)]
    pub creators: Vec<String>,
}

pub const DEFAULT_FREEDOM: &str =
    "Use your own voice, your own words and your local references: you \
     know what your followers trust. Nothing in this brief is a script; tell us if something \
     here would not feel right to your community.";
pub const DEFAULT_FEEDBACK: &str = "Within two weeks of the window closing we share what your \
     post achieved and ask what your followers said. Your ideas for the next round are welcome.";

impl CampaignBrief {
    /// A new brief with the defaults a good brief starts from.
    pub fn new(id: &str, name: &str) -> CampaignBrief {
        CampaignBrief {
            id: id.to_string(),
            name: name.trim().to_string(),
            creative_freedom: DEFAULT_FREEDOM.to_string(),
            reporting: vec![
                "Screenshots of reach, views, saves and shares 7 days after posting.".to_string(),
                "Three comments that show what your followers thought.".to_string(),
            ],
            feedback_loop: DEFAULT_FEEDBACK.to_string(),
            approval_days: Some(2),
            formats: vec![ParticipatoryFormat::FirstPersonStory],
            ..CampaignBrief::default()
        }
    }

    /// Deliverables for one creator: those on the creator's platform, with `any` meaning
    /// "the creator's own platform". A creator on a platform no deliverable names gets the
    /// `any` ones only.
    pub fn deliverables_for(&self, platform: &str) -> Vec<Deliverable> {
        let platform = platform.trim().to_lowercase();
        self.deliverables
            .iter()
            .filter(|d| d.platform == "any" || d.platform == platform)
            .map(|d| {
                let mut own = d.clone();
                if own.platform == "any" {
                    own.platform = platform.clone();
                }
                own
            })
            .collect()
    }
}

/// Link names for deliverables, one per piece: `short_video 1`, `short_video 2`, `story 1`.
/// Tracking uses them so each piece has its own link.
pub fn link_names(deliverables: &[Deliverable]) -> Vec<String> {
    let mut names = Vec::new();
    for deliverable in deliverables {
        let label = deliverable.format.code().replace('_', " ");
        let already = names
            .iter()
            .filter(|n: &&String| n.starts_with(&format!("{label} ")))
            .count();
        for index in 0..deliverable.count.min(super::deliverables::MAX_COUNT) as usize {
            names.push(format!("{label} {}", already + index + 1));
        }
    }
    names
}
