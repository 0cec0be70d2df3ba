//! Composite-score weights: visible, editable, with a preset per campaign objective.
//!
//! Weights are relative (any non-negative numbers; the presets sum to 100). A component
//! without data drops out and the remaining weights are rescaled to sum to 100%.

use serde::{Deserialize, Serialize};

/// The parts of the composite score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    /// Engagement rate by followers against the tier benchmark.
    Engagement,
    /// Accounts reached per post against followers.
    Reach,
    /// Share of specific, conversational comments.
    CommentQuality,
    /// Absence of duplicated comments and comment pods.
    CommentOriginality,
    /// Follower growth without spikes that engagement did not follow.
    GrowthAuthenticity,
    /// Creator replies, conversations in threads, repeat advocates.
    Community,
    /// Share of weeks with a post.
    Consistency,
    /// Disclosure on past sponsored posts.
    Disclosure,
    /// Share of recent posts in the target categories.
    CategoryFit,
    /// Overlap of the audience with the target persona.
    AudienceFit,
}

impl ComponentKind {
    pub const ALL: [ComponentKind; 10] = [
        ComponentKind::Engagement,
        ComponentKind::Reach,
        ComponentKind::CommentQuality,
        ComponentKind::CommentOriginality,
        ComponentKind::GrowthAuthenticity,
        ComponentKind::Community,
        ComponentKind::Consistency,
        ComponentKind::Disclosure,
        ComponentKind::CategoryFit,
        ComponentKind::AudienceFit,
    ];

    /// Name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            ComponentKind::Engagement => "Engagement vs tier benchmark",
            ComponentKind::Reach => "Reach per post",
            ComponentKind::CommentQuality => "Comment quality",
            ComponentKind::CommentOriginality => "Comment originality",
            ComponentKind::GrowthAuthenticity => "Follower growth",
            ComponentKind::Community => "Community embeddedness",
            ComponentKind::Consistency => "Posting consistency",
            ComponentKind::Disclosure => "Disclosure habits",
            ComponentKind::CategoryFit => "Category fit",
            ComponentKind::AudienceFit => "Audience fit",
        }
    }

    /// Column-name form for CSV exports.
    pub fn as_str(self) -> &'static str {
        match self {
            ComponentKind::Engagement => "engagement",
            ComponentKind::Reach => "reach",
            ComponentKind::CommentQuality => "comment_quality",
            ComponentKind::CommentOriginality => "comment_originality",
            ComponentKind::GrowthAuthenticity => "follower_growth",
            ComponentKind::Community => "community",
            ComponentKind::Consistency => "consistency",
            ComponentKind::Disclosure => "disclosure",
            ComponentKind::CategoryFit => "category_fit",
            ComponentKind::AudienceFit => "audience_fit",
        }
    }
}

/// Campaign objectives with a weight preset each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    Awareness,
    #[default]
    Engagement,
    Conversion,
    Ugc,
    Community,
}

impl Objective {
    pub const ALL: [Objective; 5] = [
        Objective::Awareness,
        Objective::Engagement,
        Objective::Conversion,
        Objective::Ugc,
        Objective::Community,
    ];

    /// Why the objective's preset weighs what it weighs, for the method page.
    pub fn reasoning(self) -> &'static str {
        match self {
            Objective::Awareness => "Awareness buys eyes: reach per post (25) leads, with steady posting (15) and clean follower growth (15) so the reach is real; embeddedness does not matter (0).",
            Objective::Engagement => "Engagement buys interactions: the rate against the benchmark leads (30), then whether the comments are real conversation (quality 15, originality 10) and embeddedness (10).",
            Objective::Conversion => "Conversion buys purchases: engagement (20) still leads, then comment quality (15) and category fit (15), because people who buy are the ones who care about the topic, and disclosure (10) for the brand's own safety.",
            Objective::Ugc => "User-generated content buys material: posting consistency (20) leads, then quality, category fit and disclosure; the creator's own audience matters less.",
            Objective::Community => "Community programmes choose creators by embeddedness, the core selection criterion: creator replies, answered questions, repeat substantive commenters and specific comments (35) come first, then comment quality (15) and engagement (15); reach does not count (0).",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Objective::Awareness => "awareness",
            Objective::Engagement => "engagement",
            Objective::Conversion => "conversion",
            Objective::Ugc => "ugc",
            Objective::Community => "community",
        }
    }
}

/// Relative weight of every component.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    pub engagement: f64,
    pub reach: f64,
    pub comment_quality: f64,
    pub comment_originality: f64,
    pub growth_authenticity: f64,
    pub community: f64,
    pub consistency: f64,
    pub disclosure: f64,
    pub category_fit: f64,
    #[serde(default)]
    pub audience_fit: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights::preset(Objective::default())
    }
}

impl Weights {
    /// The preset of an objective (each sums to 100):
    ///
    /// | component | awareness | engagement | conversion | ugc | community |
    /// |---|---|---|---|---|---|
    /// | engagement | 15 | 30 | 20 | 15 | 15 |
    /// | reach | 25 | 5 | 5 | 5 | 0 |
    /// | comment quality | 5 | 15 | 15 | 15 | 15 |
    /// | comment originality | 10 | 10 | 10 | 5 | 10 |
    /// | follower growth | 15 | 10 | 10 | 5 | 5 |
    /// | community | 0 | 10 | 0 | 0 | 35 |
    /// | consistency | 15 | 5 | 5 | 20 | 5 |
    /// | disclosure | 5 | 5 | 10 | 10 | 5 |
    /// | category fit | 5 | 5 | 15 | 15 | 5 |
    /// | audience fit | 5 | 5 | 10 | 10 | 5 |
    ///
    /// Why, per objective (also on the method page, see [`Objective::reasoning`]).
    pub fn preset(objective: Objective) -> Self {
        let w = |engagement,
                 reach,
                 comment_quality,
                 comment_originality,
                 growth_authenticity,
                 community,
                 consistency,
                 disclosure,
                 category_fit,
                 audience_fit| Weights {
            engagement,
            reach,
            comment_quality,
            comment_originality,
            growth_authenticity,
            community,
            consistency,
            disclosure,
            category_fit,
            audience_fit,
        };
        match objective {
            Objective::Awareness => w(15.0, 25.0, 5.0, 10.0, 15.0, 0.0, 15.0, 5.0, 5.0, 5.0),
            Objective::Engagement => w(30.0, 5.0, 15.0, 10.0, 10.0, 10.0, 5.0, 5.0, 5.0, 5.0),
            Objective::Conversion => w(20.0, 5.0, 15.0, 10.0, 10.0, 0.0, 5.0, 10.0, 15.0, 10.0),
            Objective::Ugc => w(15.0, 5.0, 15.0, 5.0, 5.0, 0.0, 20.0, 10.0, 15.0, 10.0),
            Objective::Community => w(15.0, 0.0, 15.0, 10.0, 5.0, 35.0, 5.0, 5.0, 5.0, 5.0),
        }
    }

    /// Sets the weight of one component (a negative or non-finite value is stored as 0).
    pub fn set(&mut self, kind: ComponentKind, value: f64) {
        let value = if value.is_finite() && value > 0.0 {
            value.min(1e12)
        } else {
            0.0
        };
        let slot = match kind {
            ComponentKind::Engagement => &mut self.engagement,
            ComponentKind::Reach => &mut self.reach,
            ComponentKind::CommentQuality => &mut self.comment_quality,
            ComponentKind::CommentOriginality => &mut self.comment_originality,
            ComponentKind::GrowthAuthenticity => &mut self.growth_authenticity,
            ComponentKind::Community => &mut self.community,
            ComponentKind::Consistency => &mut self.consistency,
            ComponentKind::Disclosure => &mut self.disclosure,
            ComponentKind::CategoryFit => &mut self.category_fit,
            ComponentKind::AudienceFit => &mut self.audience_fit,
        };
        *slot = value;
    }

    /// The weight of one component as set; negative or non-finite values count as 0.
    pub fn get(&self, kind: ComponentKind) -> f64 {
        let raw = match kind {
            ComponentKind::Engagement => self.engagement,
            ComponentKind::Reach => self.reach,
            ComponentKind::CommentQuality => self.comment_quality,
            ComponentKind::CommentOriginality => self.comment_originality,
            ComponentKind::GrowthAuthenticity => self.growth_authenticity,
            ComponentKind::Community => self.community,
            ComponentKind::Consistency => self.consistency,
            ComponentKind::Disclosure => self.disclosure,
            ComponentKind::CategoryFit => self.category_fit,
            ComponentKind::AudienceFit => self.audience_fit,
        };
        if raw.is_finite() && raw > 0.0 {
            raw.min(1e12)
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_sums_to_one_hundred() {
        for objective in Objective::ALL {
            let weights = Weights::preset(objective);
            let total: f64 = ComponentKind::ALL.iter().map(|k| weights.get(*k)).sum();
            assert!(
                (total - 100.0).abs() < 1e-9,
                "{objective:?} sums to {total}"
            );
        }
    }

    #[test]
    fn unusable_weights_count_as_zero() {
        let weights = Weights {
            engagement: f64::NAN,
            reach: -3.0,
            ..Weights::default()
        };
        assert_eq!(weights.get(ComponentKind::Engagement), 0.0);
        assert_eq!(weights.get(ComponentKind::Reach), 0.0);
    }

    #[test]
    fn set_changes_one_weight_and_rejects_unusable_values() {
        let mut weights = Weights::preset(Objective::Awareness);
        weights.set(ComponentKind::AudienceFit, 40.0);
        assert_eq!(weights.get(ComponentKind::AudienceFit), 40.0);
        assert_eq!(weights.get(ComponentKind::Reach), 25.0);
        weights.set(ComponentKind::Reach, f64::NAN);
        assert_eq!(weights.reach, 0.0);
        // An older save without the audience weight reads it as 0.
        let old = r#"{"engagement":1,"reach":2,"comment_quality":3,"comment_originality":4,
            "growth_authenticity":5,"community":6,"consistency":7,"disclosure":8,"category_fit":9}"#;
        let read: Weights = serde_json::from_str(old).unwrap();
        assert_eq!((read.category_fit, read.audience_fit), (9.0, 0.0));
    }
}
