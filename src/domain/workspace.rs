//! The workspace: one brand or programme with its tables.
//!
//! Rates are fractions (0.034), never percentages; missing measurements are `None`, not zero.

use chrono::NaiveDate;
use super::shared::Shared;
use serde::{Deserialize, Serialize};

use super::money::Money;

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
        Self::ALL.into_iter().find(|status| status.as_str() == wanted)
    }
}

/// A handle as stored: without the leading `@`s and without surrounding spaces or byte
/// order marks (U+FEFF, invisible, and dropped by CSV readers at the start of a line), so a
/// stored handle reads back the same from any export. Empty when nothing else is left.
pub fn normalise_handle(text: &str) -> &str {
    let invisible = |c: char| c.is_whitespace() || c == '\u{feff}';
    text.trim_matches(invisible).trim_start_matches(|c: char| c == '@' || invisible(c))
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
    #[serde(default, with = "super::iso_date::optional")]
    pub account_created: Option<NaiveDate>,
    /// Audience breakdown as the platform reports it (top countries, age bands, gender).
    #[serde(default)]
    pub audience: super::audit::audience::AudienceBreakdown,
}

/// Post format as the platforms name them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    pub handle: String,
    pub post_id: String,
    #[serde(with = "super::iso_date")]
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
    #[serde(with = "super::iso_date")]
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
    #[serde(default, with = "super::iso_date::optional")]
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

/// Everything one brand or programme owns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Workspace {
    pub name: String,
    #[serde(default)]
    pub creators: Shared<Vec<Creator>>,
    #[serde(default)]
    pub posts: Shared<Vec<Post>>,
    #[serde(default)]
    pub follower_history: Shared<Vec<FollowerPoint>>,
    #[serde(default)]
    pub comment_summaries: Shared<Vec<CommentSummary>>,
    #[serde(default)]
    pub communities: Shared<Vec<Community>>,
    #[serde(default)]
    pub results: Shared<Vec<DeliverableResult>>,
    #[serde(default)]
    pub test_arms: Shared<Vec<TestArm>>,
    /// Daily units and conversions per test arm (sequential monitoring, difference in differences).
    #[serde(default)]
    pub test_days: Shared<Vec<super::uplift_daily::TestDay>>,
    /// Regional holdout tests: regional series, treated regions and launch date.
    #[serde(default)]
    pub geo_tests: Shared<Vec<super::geo::GeoTest>>,
    /// Pre-registrations of uplift tests, frozen when a test starts.
    #[serde(default)]
    pub test_plans: Shared<Vec<super::uplift_prereg::PreRegistration>>,
    /// Planned and past community activations.
    #[serde(default)]
    pub activation_plans: Shared<Vec<super::activation::ActivationPlan>>,
    /// Who was gifted or paid for which activation, and who posted.
    #[serde(default)]
    pub gifting_history: Shared<Vec<super::activation::GiftingRecord>>,
    #[serde(default)]
    pub flag_annotations: Shared<Vec<FlagAnnotation>>,
    /// Shortlist and verification checklist per creator.
    #[serde(default)]
    pub creator_reviews: Shared<Vec<super::audit::review::CreatorReview>>,
    /// The audit's settings as edited for this workspace; `None` = the defaults.
    #[serde(default)]
    pub audit_settings: Shared<Option<super::audit::AuditSettings>>,
    /// Repeat-commenter patterns from imported raw comments (aggregates, no commenter ids).
    #[serde(default)]
    pub commenter_patterns: Shared<Vec<super::audit::comment_import::StoredCommenterPatterns>>,
    /// Per-creator counts from imported follower samples (no follower handles are kept).
    #[serde(default)]
    pub follower_samples: Shared<Vec<super::audit::follower_sample::FollowerSample>>,
    /// Objectives and KPIs, briefs and templates, tracking links and codes.
    #[serde(default)]
    pub programme: Shared<super::objectives::Programme>,
    /// Drafted partnership terms, every saved version.
    #[serde(default)]
    pub contracts: Shared<Vec<super::contract::ContractDraft>>,
    /// Shop orders, link clicks, survey answers and code-leak settings for attribution.
    #[serde(default)]
    pub attribution: Shared<super::attribution::AttributionBook>,
    /// Earned media value rates as picked and edited for this workspace.
    #[serde(default)]
    pub emv_settings: Shared<crate::domain::results::EmvSettings>,
    /// Sentiment counts per creator from imported campaign comments (no comment text).
    #[serde(default)]
    pub sentiment: Shared<Vec<crate::domain::results::SentimentTally>>,
    /// Period, metric mapping and next budget of the Results decisions panel.
    #[serde(default)]
    pub results_plan: Shared<crate::domain::results_decisions::ResultsPlan>,
}

impl Workspace {
    pub fn empty(name: &str) -> Self {
        Workspace { name: name.to_string(), ..Workspace::default() }
    }

    /// The annotation of a flag, if the user wrote one.
    pub fn flag_note(&self, flag_id: &str) -> Option<&str> {
        self.flag_annotations.iter().find(|a| a.flag_id == flag_id).map(|a| a.note.as_str())
    }

    /// Sets, replaces or (with an empty note) removes the annotation of a flag.
    pub fn annotate_flag(&mut self, flag_id: &str, note: &str) {
        let note = note.trim();
        self.flag_annotations.retain(|a| a.flag_id != flag_id);
        if !note.is_empty() {
            self.flag_annotations
                .push(FlagAnnotation { flag_id: flag_id.to_string(), note: note.to_string() });
        }
    }

    /// Number of rows across all tables; used to describe a workspace in lists.
    pub fn row_count(&self) -> usize {
        self.creators.len()
            + self.posts.len()
            + self.follower_history.len()
            + self.comment_summaries.len()
            + self.communities.len()
            + self.results.len()
            + self.test_arms.len()
            + self.test_days.len()
            + self.geo_tests.iter().map(|t| t.points.len()).sum::<usize>()
            + self.activation_plans.len()
            + self.gifting_history.len()
            + self.programme.tracking.links.len()
            + self.programme.tracking.store_codes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_status_parses_its_own_names_case_insensitively() {
        for status in PipelineStatus::ALL {
            assert_eq!(PipelineStatus::parse(&status.as_str().to_uppercase()), Some(status));
        }
        assert_eq!(PipelineStatus::parse("signed"), None);
    }

    #[test]
    fn flag_annotations_are_set_replaced_and_removed() {
        let mut workspace = Workspace::empty("Brand");
        workspace.annotate_flag("lena:follower-jump:2026-09-07", "  giveaway with a partner  ");
        assert_eq!(workspace.flag_note("lena:follower-jump:2026-09-07"), Some("giveaway with a partner"));
        workspace.annotate_flag("lena:follower-jump:2026-09-07", "TV appearance");
        assert_eq!(workspace.flag_annotations.len(), 1);
        assert_eq!(workspace.flag_note("lena:follower-jump:2026-09-07"), Some("TV appearance"));
        workspace.annotate_flag("lena:follower-jump:2026-09-07", " ");
        assert_eq!(workspace.flag_note("lena:follower-jump:2026-09-07"), None);
        assert!(workspace.flag_annotations.is_empty());
    }

    #[test]
    fn row_count_adds_every_table() {
        let mut workspace = Workspace::empty("Brand");
        assert_eq!(workspace.row_count(), 0);
        workspace.communities.push(Community {
            name: "Trail running".into(),
            description: String::new(),
            hashtags: vec![],
            where_online: None,
        });
        workspace.follower_history.push(FollowerPoint {
            handle: "a".into(),
            date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            followers: 10,
        });
        assert_eq!(workspace.row_count(), 2);
    }
}
