//! Decisions from results: the programme's targets and thresholds read against the result
//! rows period by period, creators and formats ranked by outcome per unit cost with
//! intervals, the next period's budget proposed from those intervals, and the one-page
//! stakeholder report.
//!
//! Everything a user sets here (period, metric mapping overrides, budget and its rule) is
//! one stored workspace field, [`ResultsPlan`] (defined in `microplan-plan`).

mod assess;
mod bundle;
mod conclusions;
mod efficiency;
mod error;
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

pub use microplan_plan::results_plan::{
    Outcome, PeriodKind, ReallocationRule, ResultsPlan, DEFAULT_MAX_SHARE, DEFAULT_MIN_SHARE,
};

pub use assess::programme_status;
pub use bundle::{decisions, ranking_outcome, Decisions};
pub use conclusions::{
    attribution_conclusion, data_conclusion, decisions_conclusion, overview_conclusion,
    performance_conclusion, report_conclusion,
};
pub use efficiency::{efficiency, rank, Efficiency, Ranking};
pub use error::{BudgetError, StatusError};
pub use figures::{figures, Figures};
pub use format::{
    date_text, money_cents, money_text, month_text, number_text, show_value, ValueKind,
};
pub use mapping::{effective_source, outcome_for, suggested_metric, MetricSource};
pub use periods::{
    buckets, partial_last_period, period_of, readings, PartialPeriod, PeriodReading, Readings,
};
pub use reallocation::{propose_budget, spend_of, Allocation, Proposal};
pub use report::{attribution_line, stakeholder_report};
pub use status::{
    DecisionState, KpiState, KpiVerdict, MetricStatus, ProgrammeStatus, ThresholdStatus,
};
pub use tables::{metric_table, proposal_table, ranking_table, status_table, Table};
pub use verdict::kpi_verdict;
