//! The user's choices for the Results decisions panel, stored with the workspace: the period
//! thresholds count in, the metric mapping overrides, the next budget and its rule, and the
//! creators left out. The decisions themselves are computed in `microplan-workspace`.

use serde::{Deserialize, Serialize};

use microplan_model::money::Money;
use microplan_model::rows::DeliverableResult;

/// A count a result row carries, used as the outcome that cost buys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Orders,
    CodeRedemptions,
    LinkClicks,
    Engagements,
    Reach,
    Views,
    Impressions,
    Shares,
    Saves,
    Comments,
}

impl Outcome {
    pub const ALL: [Outcome; 10] = [
        Outcome::Orders,
        Outcome::CodeRedemptions,
        Outcome::LinkClicks,
        Outcome::Engagements,
        Outcome::Reach,
        Outcome::Views,
        Outcome::Impressions,
        Outcome::Shares,
        Outcome::Saves,
        Outcome::Comments,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Outcome::Orders => "orders",
            Outcome::CodeRedemptions => "code_redemptions",
            Outcome::LinkClicks => "link_clicks",
            Outcome::Engagements => "engagements",
            Outcome::Reach => "reach",
            Outcome::Views => "views",
            Outcome::Impressions => "impressions",
            Outcome::Shares => "shares",
            Outcome::Saves => "saves",
            Outcome::Comments => "comments",
        }
    }

    /// Plural noun for sentences: "14 orders".
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Orders => "orders",
            Outcome::CodeRedemptions => "code redemptions",
            Outcome::LinkClicks => "link clicks",
            Outcome::Engagements => "engagements",
            Outcome::Reach => "accounts reached",
            Outcome::Views => "views",
            Outcome::Impressions => "impressions",
            Outcome::Shares => "shares",
            Outcome::Saves => "saves",
            Outcome::Comments => "comments",
        }
    }

    pub fn parse(key: &str) -> Option<Outcome> {
        Outcome::ALL
            .into_iter()
            .find(|outcome| outcome.key() == key)
    }

    /// The row's count; `None` when the row does not report it (missing is not zero).
    pub fn count(self, row: &DeliverableResult) -> Option<u64> {
        match self {
            Outcome::Orders => row.orders,
            Outcome::CodeRedemptions => row.code_redemptions,
            Outcome::LinkClicks => row.link_clicks,
            // All four parts, as in the engagement-rate definition.
            Outcome::Engagements => [row.likes, row.comments, row.shares, row.saves]
                .into_iter()
                .try_fold(0u64, |sum, part| part.map(|p| sum.saturating_add(p))),
            Outcome::Reach => row.reach,
            Outcome::Views => row.views,
            Outcome::Impressions => row.impressions,
            Outcome::Shares => row.shares,
            Outcome::Saves => row.saves,
            Outcome::Comments => row.comments,
        }
    }
}

/// How result rows are bucketed into the periods that thresholds count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// Calendar weeks starting on Monday.
    #[default]
    Week,
    Month,
    /// One period per campaign, ordered by its first post.
    Campaign,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 3] = [PeriodKind::Week, PeriodKind::Month, PeriodKind::Campaign];

    pub fn key(self) -> &'static str {
        match self {
            PeriodKind::Week => "week",
            PeriodKind::Month => "month",
            PeriodKind::Campaign => "campaign",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PeriodKind::Week => "Week (Monday to Sunday)",
            PeriodKind::Month => "Calendar month",
            PeriodKind::Campaign => "Campaign",
        }
    }

    /// The period as a word in a sentence: "per week".
    pub fn noun(self) -> &'static str {
        match self {
            PeriodKind::Week => "week",
            PeriodKind::Month => "month",
            PeriodKind::Campaign => "campaign",
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            PeriodKind::Week => "weeks",
            PeriodKind::Month => "months",
            PeriodKind::Campaign => "campaigns",
        }
    }

    pub fn parse(key: &str) -> Option<PeriodKind> {
        PeriodKind::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

/// How the next period's budget is split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReallocationRule {
    /// Shares proportional to the lower end of each creator's 95% efficiency interval:
    /// a creator earns budget for what the data shows at least, not for a lucky post.
    #[default]
    LowerBoundProportional,
    EqualSplit,
}

impl ReallocationRule {
    pub const ALL: [ReallocationRule; 2] = [
        ReallocationRule::LowerBoundProportional,
        ReallocationRule::EqualSplit,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ReallocationRule::LowerBoundProportional => "lower_bound",
            ReallocationRule::EqualSplit => "equal",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReallocationRule::LowerBoundProportional => "By proven efficiency",
            ReallocationRule::EqualSplit => "Equal split",
        }
    }

    pub fn parse(key: &str) -> Option<ReallocationRule> {
        ReallocationRule::ALL
            .into_iter()
            .find(|rule| rule.key() == key)
    }
}

/// Default floor and ceiling: every kept creator gets at least 5% and at most 40%.
pub const DEFAULT_MIN_SHARE: f64 = 0.05;
pub const DEFAULT_MAX_SHARE: f64 = 0.4;

fn default_min_share() -> f64 {
    DEFAULT_MIN_SHARE
}

fn default_max_share() -> f64 {
    DEFAULT_MAX_SHARE
}

/// The user's choices for the decisions panel, stored with the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultsPlan {
    #[serde(default)]
    pub period: PeriodKind,
    /// One entry per programme metric (primary first): a [`MetricSource`] key, or `None`
    /// for the suggested source.
    #[serde(default)]
    pub metric_sources: Vec<Option<String>>,
    /// What creators are ranked by; `None` = the count behind the primary KPI.
    #[serde(default)]
    pub rank_by: Option<Outcome>,
    /// `None` = this period's spend, carried forward.
    #[serde(default)]
    pub next_budget: Option<Money>,
    #[serde(default)]
    pub rule: ReallocationRule,
    /// Fractions of the budget per kept creator.
    #[serde(default = "default_min_share")]
    pub min_share: f64,
    #[serde(default = "default_max_share")]
    pub max_share: f64,
    /// Handles left out of the next budget.
    #[serde(default)]
    pub excluded: Vec<String>,
    /// Free text for the report: context a stakeholder should read.
    #[serde(default)]
    pub notes: String,
}

impl Default for ResultsPlan {
    fn default() -> Self {
        ResultsPlan {
            period: PeriodKind::default(),
            metric_sources: Vec::new(),
            rank_by: None,
            next_budget: None,
            rule: ReallocationRule::default(),
            min_share: DEFAULT_MIN_SHARE,
            max_share: DEFAULT_MAX_SHARE,
            excluded: Vec::new(),
            notes: String::new(),
        }
    }
}

impl ResultsPlan {
    /// The user's choice for metric `index`, if any.
    pub fn source_choice(&self, index: usize) -> Option<&str> {
        self.metric_sources.get(index).and_then(Option::as_deref)
    }

    /// Sets (or with `None` clears) the choice for metric `index`.
    pub fn set_source_choice(&mut self, index: usize, choice: Option<String>) {
        if self.metric_sources.len() <= index {
            self.metric_sources.resize(index + 1, None);
        }
        if let Some(slot) = self.metric_sources.get_mut(index) {
            *slot = choice;
        }
    }

    pub fn is_excluded(&self, handle: &str) -> bool {
        self.excluded.iter().any(|h| h == handle)
    }

    /// Adds or removes a handle from the excluded list.
    pub fn set_excluded(&mut self, handle: &str, excluded: bool) {
        self.excluded.retain(|h| h != handle);
        if excluded {
            self.excluded.push(handle.to_string());
        }
    }
}
