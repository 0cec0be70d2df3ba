//! Everything the decisions panel and the report show, computed once per workspace change.

use super::assess::programme_status;
use super::efficiency::{rank, Ranking};
use super::error::{BudgetError, StatusError};
use super::figures::{figures, Figures};
use super::mapping::{effective_source, outcome_for, MetricSource};
use super::reallocation::{propose_budget, spend_of, Proposal};
use super::status::ProgrammeStatus;
use crate::attribution::leaks::detect_leaks;
use crate::results::grouping::{group_rows, Grouping};
use crate::Workspace;
use microplan_model::format::percent;
use microplan_model::money::Money;
use microplan_plan::results::handle_key;
use microplan_plan::results::MetricContext;
use microplan_plan::results_plan::Outcome;
use microplan_plan::results_plan::ResultsPlan;

#[derive(Debug, Clone, PartialEq)]
pub struct Decisions {
    pub status: Result<ProgrammeStatus, StatusError>,
    /// What creators and formats are ranked by, and why.
    pub outcome: Outcome,
    pub outcome_reason: String,
    pub creators: Ranking,
    pub formats: Ranking,
    /// The budget the proposal splits: the user's, else the results' total spend.
    pub budget: Money,
    pub budget_is_spend: bool,
    pub proposal: Result<Proposal, BudgetError>,
    /// Orders, revenue and cost as every view and the report show them.
    pub figures: Figures,
}

/// The outcome to rank by: the user's choice, else the count behind the primary KPI.
pub fn ranking_outcome(workspace: &Workspace, plan: &ResultsPlan) -> (Outcome, String) {
    if let Some(outcome) = plan.rank_by {
        return (outcome, "Chosen by you.".to_string());
    }
    let primary = workspace.programme.objectives.as_ref().map(|o| &o.primary);
    let source = primary.map(|metric| effective_source(metric, 0, plan).0);
    match (primary, source) {
        (Some(metric), Some(MetricSource::Result(key))) => match outcome_for(key) {
            Some(outcome) => (
                outcome,
                format!("The count behind the primary KPI “{}” ({}), per unit of cost.", metric.name, key.label()),
            ),
            None => (Outcome::Orders, format!("“{}” has no outcome count; ranking by orders.", metric.name)),
        },
        (Some(metric), _) => (
            Outcome::Orders,
            format!("The primary KPI “{}” is not a result column; ranking by orders instead (choose another below).", metric.name),
        ),
        (None, _) => (Outcome::Orders, "No programme objective yet; ranking by orders.".to_string()),
    }
}

/// Status, rankings and the budget proposal for the workspace.
pub fn decisions(workspace: &Workspace, plan: &ResultsPlan) -> Decisions {
    let context = MetricContext::from_tables(&workspace.creators, &workspace.results);
    let (outcome, outcome_reason) = ranking_outcome(workspace, plan);
    let creators = rank(
        &group_rows(workspace, Grouping::Creator),
        outcome,
        &context.currency,
    );
    let formats = rank(
        &group_rows(workspace, Grouping::Format),
        outcome,
        &context.currency,
    );
    let figures = figures(workspace);
    let (budget, budget_is_spend) = match &plan.next_budget {
        Some(budget) => (budget.clone(), false),
        None => match figures.cost.value {
            Some(total) => (
                Money::new((total * 100.0).round() / 100.0, &context.currency),
                true,
            ),
            None => (spend_of(&creators), true),
        },
    };
    let mut proposal = propose_budget(&creators, plan, &budget);
    if let Ok(proposal) = proposal.as_mut() {
        if matches!(outcome, Outcome::Orders | Outcome::CodeRedemptions) {
            proposal.notes.extend(leak_notes(workspace, proposal));
        }
    }
    Decisions {
        status: programme_status(workspace, plan),
        outcome,
        outcome_reason,
        creators,
        formats,
        budget,
        budget_is_spend,
        proposal,
        figures,
    }
}

/// A share that rests on orders through a code flagged as leaked says so: those orders may
/// come from people who never saw the creator (coupon sites), so the share may be too large.
fn leak_notes(workspace: &Workspace, proposal: &Proposal) -> Vec<String> {
    let flags = detect_leaks(workspace);
    let mut notes = Vec::new();
    for allocation in proposal.allocations.iter().filter(|a| !a.excluded) {
        let group = handle_key(&allocation.group);
        let mine: Vec<_> = flags
            .iter()
            .filter(|f| handle_key(&f.handle) == group)
            .collect();
        let mut codes: Vec<&str> = mine.iter().map(|f| f.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        for code in codes {
            let mut signs: Vec<&str> = mine
                .iter()
                .filter(|f| f.code == code)
                .map(|f| f.kind.label())
                .collect();
            signs.dedup();
            let leaked: std::collections::BTreeSet<&str> = mine
                .iter()
                .filter(|f| f.code == code)
                .flat_map(|f| f.order_ids.iter().map(String::as_str))
                .collect();
            notes.push(format!(
                "@{}’s {} share rests on the results table's orders; the {} through code {code} that \
                 Attribution flags as leaked ({}) are set apart and not in it. The code may have \
                 reached people who never saw the creator: check it before paying out, or exclude \
                 the creator from the split.",
                allocation.group.trim_start_matches('@'),
                percent(allocation.share),
                microplan_model::format::plural(leaked.len() as u64, "shop order", "shop orders"),
                signs.join("; "),
            ));
        }
    }
    notes
}
