//! Decisions from results: the programme's targets and thresholds read against the result
//! rows period by period, creators and formats ranked by outcome per unit cost with
//! intervals, the next period's budget proposed from those intervals, and the one-page
//! stakeholder report.
//!
//! Everything a user sets here (period, metric mapping overrides, budget and its rule) is
//! one stored workspace field, [`ResultsPlan`].

mod bundle;
mod conclusions;
mod efficiency;
mod figures;
mod format;
mod mapping;
mod observe;
mod periods;
mod reallocation;
mod report;
mod status;
mod tables;
mod verdict;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_budget;
#[cfg(test)]
mod tests_verdict;

use serde::{Deserialize, Serialize};

use super::money::Money;

pub use conclusions::{
    attribution_conclusion, data_conclusion, decisions_conclusion, overview_conclusion,
    performance_conclusion, report_conclusion,
};
pub use bundle::{decisions, ranking_outcome, Decisions};
pub use figures::{figures, Figures};
pub use efficiency::{efficiency, rank, Efficiency, Outcome, Ranking};
pub use format::{
    date_text, money_cents, money_text, month_text, number_text, show_value, ValueKind,
};
pub use mapping::{effective_source, outcome_for, suggested_metric, MetricSource};
pub use periods::{buckets, partial_last_period, period_of, readings, PartialPeriod, PeriodReading, Readings};
pub use verdict::{kpi_verdict, KpiState, KpiVerdict};
pub use reallocation::{propose_budget, spend_of, Allocation, Proposal};
pub use report::{attribution_line, stakeholder_report};
pub use status::{programme_status, DecisionState, MetricStatus, ProgrammeStatus, ThresholdStatus};
pub use tables::{metric_table, proposal_table, ranking_table, status_table, Table};

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
