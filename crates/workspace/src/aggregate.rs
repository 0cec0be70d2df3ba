//! The workspace: one brand or programme with its tables.
//!
//! Rates are fractions (0.034), never percentages; missing measurements are `None`, not zero.

use microplan_model::shared::Shared;
use serde::{Deserialize, Serialize};

use microplan_model::rows::{
    CommentSummary, Community, Creator, DeliverableResult, FlagAnnotation, FollowerPoint, Post,
    TestArm,
};

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
    pub test_days: Shared<Vec<microplan_uplift::daily::TestDay>>,
    /// Regional holdout tests: regional series, treated regions and launch date.
    #[serde(default)]
    pub geo_tests: Shared<Vec<microplan_uplift::geo::GeoTest>>,
    /// Pre-registrations of uplift tests, frozen when a test starts.
    #[serde(default)]
    pub test_plans: Shared<Vec<microplan_uplift::prereg::PreRegistration>>,
    /// Planned and past community activations.
    #[serde(default)]
    pub activation_plans: Shared<Vec<microplan_plan::activation::ActivationPlan>>,
    /// Who was gifted or paid for which activation, and who posted.
    #[serde(default)]
    pub gifting_history: Shared<Vec<microplan_plan::activation::GiftingRecord>>,
    #[serde(default)]
    pub flag_annotations: Shared<Vec<FlagAnnotation>>,
    /// Shortlist and verification checklist per creator.
    #[serde(default)]
    pub creator_reviews: Shared<Vec<microplan_audit::review::CreatorReview>>,
    /// The audit's settings as edited for this workspace; `None` = the defaults.
    #[serde(default)]
    pub audit_settings: Shared<Option<microplan_audit::AuditSettings>>,
    /// Repeat-commenter patterns from imported raw comments (aggregates, no commenter ids).
    #[serde(default)]
    pub commenter_patterns: Shared<Vec<microplan_audit::comment_import::StoredCommenterPatterns>>,
    /// Per-creator counts from imported follower samples (no follower handles are kept).
    #[serde(default)]
    pub follower_samples: Shared<Vec<microplan_audit::follower_sample::FollowerSample>>,
    /// Objectives and KPIs, briefs and templates, tracking links and codes.
    #[serde(default)]
    pub programme: Shared<microplan_plan::objectives::Programme>,
    /// Drafted partnership terms, every saved version.
    #[serde(default)]
    pub contracts: Shared<Vec<microplan_plan::contract::ContractDraft>>,
    /// Shop orders, link clicks, survey answers and code-leak settings for attribution.
    #[serde(default)]
    pub attribution: Shared<microplan_plan::attribution::AttributionBook>,
    /// Earned media value rates as picked and edited for this workspace.
    #[serde(default)]
    pub emv_settings: Shared<microplan_plan::results::EmvSettings>,
    /// Sentiment counts per creator from imported campaign comments (no comment text).
    #[serde(default)]
    pub sentiment: Shared<Vec<microplan_plan::results::SentimentTally>>,
    /// Period, metric mapping and next budget of the Results decisions panel.
    #[serde(default)]
    pub results_plan: Shared<microplan_plan::results_plan::ResultsPlan>,
}

impl Workspace {
    pub fn empty(name: &str) -> Self {
        Workspace {
            name: name.to_string(),
            ..Workspace::default()
        }
    }

    /// The annotation of a flag, if the user wrote one.
    pub fn flag_note(&self, flag_id: &str) -> Option<&str> {
        self.flag_annotations
            .iter()
            .find(|a| a.flag_id == flag_id)
            .map(|a| a.note.as_str())
    }

    /// Sets, replaces or (with an empty note) removes the annotation of a flag.
    pub fn annotate_flag(&mut self, flag_id: &str, note: &str) {
        let note = note.trim();
        self.flag_annotations.retain(|a| a.flag_id != flag_id);
        if !note.is_empty() {
            self.flag_annotations.push(FlagAnnotation {
                flag_id: flag_id.to_string(),
                note: note.to_string(),
            });
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
    use chrono::NaiveDate;
    use microplan_model::rows::PipelineStatus;

    #[test]
    fn pipeline_status_parses_its_own_names_case_insensitively() {
        for status in PipelineStatus::ALL {
            assert_eq!(
                PipelineStatus::parse(&status.as_str().to_uppercase()),
                Some(status)
            );
        }
        assert_eq!(PipelineStatus::parse("signed"), None);
    }

    #[test]
    fn flag_annotations_are_set_replaced_and_removed() {
        let mut workspace = Workspace::empty("Brand");
        workspace.annotate_flag(
            "lena:follower-jump:2026-09-07",
            "  giveaway with a partner  ",
        );
        assert_eq!(
            workspace.flag_note("lena:follower-jump:2026-09-07"),
            Some("giveaway with a partner")
        );
        workspace.annotate_flag("lena:follower-jump:2026-09-07", "TV appearance");
        assert_eq!(workspace.flag_annotations.len(), 1);
        assert_eq!(
            workspace.flag_note("lena:follower-jump:2026-09-07"),
            Some("TV appearance")
        );
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
