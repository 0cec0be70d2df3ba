//! The rows of the workspace's core tables: creators, posts, follower history, comment
//! digests, communities, deliverable results, test arms and flag notes.
//!
//! Rates are fractions (0.034), never percentages; missing measurements are `None`, not zero.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Money;

/// Where a creator stands in the programme pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PipelineStatus {
    #[default]
    Prospect,
    Vetted,
    Pilot,
    Active,
    Ambassador,
    Dropped,
}

impl PipelineStatus {
    pub const ALL: [PipelineStatus; 6] = [
        PipelineStatus::Prospect,
        PipelineStatus::Vetted,
        PipelineStatus::Pilot,
        PipelineStatus::Active,
        PipelineStatus::Ambassador,
        PipelineStatus::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PipelineStatus::Prospect => "prospect",
            PipelineStatus::Vetted => "vetted",
            PipelineStatus::Pilot => "pilot",
            PipelineStatus::Active => "active",
            PipelineStatus::Ambassador => "ambassador",
            PipelineStatus::Dropped => "dropped",
        }
    }

    /// Accepts the lowercase names above, case-insensitively.
    pub fn parse(text: &str) -> Option<Self> {
        let wanted = text.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == wanted)
    }
}

/// A handle as stored: without the leading `@`s and without surrounding spaces or byte
/// order marks (U+FEFF, invisible, and dropped by CSV readers at the start of a line), so a
/// stored handle reads back the same from any export. Empty when nothing else is left.
pub fn normalise_handle(text: &str) -> &str {
    let invisible = |c: char| c.is_whitespace() || c == '\u{feff}';
    text.trim_matches(invisible)
        .trim_start_matches(|c: char| c == '@' || invisible(c))
}

/// One creator as imported or entered: identity, audience size and commercial terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Creator {
    /// Handle without the leading `@`, unique within a workspace and platform.
    pub handle: String,
    /// Lowercase platform name: instagram, tiktok, youtube, ...
    pub platform: String,
    pub display_name: Option<String>,
    pub followers: u64,
    pub following: Option<u64>,
    /// Category or niche tags, lowercase.
    #[serde(default)]
    pub categories: Vec<String>,
    /// Names of the communities the creator belongs to.
    #[serde(default)]
    pub communities: Vec<String>,
    /// ISO 3166 alpha-2 country code of the creator.
    pub country: Option<String>,
    /// Quoted fee per deliverable.
    pub fee: Option<Money>,
    pub contact: Option<String>,
    #[serde(default)]
    pub status: PipelineStatus,
    #[serde(default, with = "crate::iso_date::optional")]
    pub account_created: Option<NaiveDate>,
    /// Audience breakdown as the platform reports it (top countries, age bands, gender).
    #[serde(default)]
    pub audience: crate::audience::AudienceBreakdown,
}

/// Post format as the platforms name them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    pub handle: String,
    pub post_id: String,
    #[serde(with = "crate::iso_date")]
    pub date: NaiveDate,
    /// feed, reel, story, video, short, carousel ...
    pub format: String,
    pub likes: u64,
    pub comments: u64,
    pub views: Option<u64>,
    pub reach: Option<u64>,
    pub impressions: Option<u64>,
    pub shares: Option<u64>,
    pub saves: Option<u64>,
    pub sponsored: bool,
    /// Whether a sponsored post carried a disclosure; `None` when unknown or not sponsored.
    pub disclosure: Option<bool>,
    #[serde(default)]
    pub topics: Vec<String>,
}

/// One observation of a creator's follower count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowerPoint {
    pub handle: String,
    #[serde(with = "crate::iso_date")]
    pub date: NaiveDate,
    pub followers: u64,
}

/// Per-post digest of the comments; raw comment text and commenter handles are never stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentSummary {
    pub handle: String,
    pub post_id: String,
    pub total: u64,
    /// Fractions of `total`.
    pub generic_share: f64,
    pub emoji_share: f64,
    pub specific_share: f64,
    pub duplicate_share: f64,
    pub distinct_commenters: u64,
    pub creator_replies: u64,
    pub max_thread_depth: u32,
}

/// An interest community that creators belong to (trail running, sourdough baking ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Community {
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub hashtags: Vec<String>,
    /// Where the community gathers online (platforms, forums, groups).
    pub where_online: Option<String>,
}

/// Measured results of one creator deliverable in a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DeliverableResult {
    pub campaign: String,
    pub handle: String,
    pub deliverable: String,
    #[serde(default, with = "crate::iso_date::optional")]
    pub date: Option<NaiveDate>,
    pub reach: Option<u64>,
    pub views: Option<u64>,
    pub impressions: Option<u64>,
    pub likes: Option<u64>,
    pub comments: Option<u64>,
    pub shares: Option<u64>,
    pub saves: Option<u64>,
    pub link_clicks: Option<u64>,
    pub code_redemptions: Option<u64>,
    pub orders: Option<u64>,
    pub revenue: Option<Money>,
    pub cost: Option<Money>,
    pub disclosure_present: Option<bool>,
    /// Optional cost breakdown; `cost_basis()` sums them when no cost is given.
    #[serde(default)]
    pub fee: Option<Money>,
    #[serde(default)]
    pub product_value: Option<Money>,
    #[serde(default)]
    pub shipping: Option<Money>,
    /// The content format as the platform's export names it (`IG reel`, `Reels`, `Photos`).
    #[serde(default)]
    pub format: Option<String>,
}

/// Aggregate outcome of one arm of an uplift test (control or treatment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestArm {
    pub test: String,
    pub arm: String,
    pub is_control: bool,
    /// Units exposed or assigned (people, sessions, regions).
    pub units: u64,
    pub conversions: u64,
    pub revenue: Option<Money>,
}

/// A user's explanation of an audit flag ("viral reel on 12 July", "giveaway"), kept with
/// the workspace and shown beside the flag, which stays visible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlagAnnotation {
    /// The flag's stable id, `handle:kind[:date]`.
    pub flag_id: String,
    pub note: String,
}

/// The parts a cost can be built from, in the order they are shown.
pub const COST_PARTS: [&str; 3] = ["fee", "product value", "shipping"];

/// Where a deliverable's cost comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct CostBasis {
    pub total: Money,
    /// True when the total is the sum of the parts (no cost was given).
    pub from_parts: bool,
    /// Parts not given (only when `from_parts`).
    pub missing_parts: Vec<&'static str>,
}

impl DeliverableResult {
    /// The cost as given, or the sum of the given parts in one currency; `None` when
    /// neither is known or the parts are in different currencies (never converted).
    pub fn cost_basis(&self) -> Option<CostBasis> {
        if let Some(cost) = &self.cost {
            return Some(CostBasis {
                total: cost.clone(),
                from_parts: false,
                missing_parts: Vec::new(),
            });
        }
        let parts = [&self.fee, &self.product_value, &self.shipping];
        let given: Vec<&Money> = parts.iter().filter_map(|part| part.as_ref()).collect();
        let first = given.first()?;
        if given
            .iter()
            .any(|m| m.currency != first.currency || !m.amount.is_finite())
        {
            return None;
        }
        let missing_parts = parts
            .iter()
            .zip(COST_PARTS)
            .filter(|(part, _)| part.is_none())
            .map(|(_, name)| name)
            .collect();
        let amount = given.iter().map(|m| m.amount).sum();
        Some(CostBasis {
            total: Money::new(amount, &first.currency),
            from_parts: true,
            missing_parts,
        })
    }
}
