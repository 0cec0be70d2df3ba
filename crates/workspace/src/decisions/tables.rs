//! The decisions panel's tables as text cells: shown on screen, downloaded as CSV and
//! placed in the report.

use super::efficiency::Ranking;
use super::format::money_text;
use super::reallocation::Proposal;
use super::status::ProgrammeStatus;

/// A header and rows of text cells.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

pub(super) fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

/// One line per threshold: metric, rule, status in words, why.
pub fn status_table(status: &ProgrammeStatus) -> Table {
    let rows = status
        .thresholds()
        .map(|(metric, threshold)| {
            vec![
                metric.name.clone(),
                threshold.rule.clone(),
                threshold.state.label(threshold.action),
                threshold.reason.clone(),
            ]
        })
        .collect();
    Table {
        header: strings(&["Metric", "Threshold", "Status", "Why"]),
        rows,
    }
}

/// One line per programme metric: value, baseline, target and progress.
pub fn metric_table(status: &ProgrammeStatus) -> Table {
    let rows = status
        .metrics
        .iter()
        .map(|m| {
            vec![
                m.name.clone(),
                m.source.label(),
                m.observed.map_or("—".to_string(), |v| m.show(v)),
                m.baseline.map_or("—".to_string(), |v| m.show(v)),
                m.target_level.map_or("—".to_string(), |v| m.show(v)),
                m.progress_text.clone(),
            ]
        })
        .collect();
    Table {
        header: strings(&[
            "Metric",
            "Measured by",
            "Value",
            "Baseline",
            "Target",
            "Progress",
        ]),
        rows,
    }
}

/// Ranked groups with their efficiency and interval.
pub fn ranking_table(ranking: &Ranking, group_label: &str) -> Table {
    let unit = money_text(100.0, &ranking.currency);
    let rows = ranking
        .rows
        .iter()
        .enumerate()
        .map(|(place, row)| {
            vec![
                (place + 1).to_string(),
                row.group.clone(),
                row.outcomes.to_string(),
                format!("{:.2}", row.cost),
                row.per_hundred.map_or(String::new(), |v| format!("{v:.2}")),
                row.interval
                    .map_or(String::new(), |i| format!("{:.2}", i.0)),
                row.interval
                    .map_or(String::new(), |i| format!("{:.2}", i.1)),
                format!("{} of {}", row.rows_used, row.rows_total),
                row.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let per = format!("{} per {unit}", ranking.outcome.label());
    Table {
        header: vec![
            "Rank".into(),
            group_label.into(),
            capitalised(ranking.outcome.label()),
            format!("Cost ({})", ranking.currency),
            capitalised(&per),
            "95% low".into(),
            "95% high".into(),
            "Rows used".into(),
            "Note".into(),
        ],
        rows,
    }
}

/// The proposal, one line per creator.
pub fn proposal_table(proposal: &Proposal) -> Table {
    let rows = proposal
        .allocations
        .iter()
        .map(|a| {
            vec![
                a.group.clone(),
                if a.excluded {
                    "excluded".to_string()
                } else {
                    microplan_model::format::percent(a.share)
                },
                format!("{:.2}", a.amount),
                a.reason.clone(),
            ]
        })
        .collect();
    Table {
        header: vec![
            "Creator".into(),
            "Share".into(),
            format!("Amount ({})", proposal.budget.currency),
            "Reasoning".into(),
        ],
        rows,
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}
