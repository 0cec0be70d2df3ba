//! The one-page stakeholder report in the three value layers.

use super::bundle::Decisions;
use super::figures::Figures;
use super::format::{date_text, money_text, number_text, show_value, ValueKind};
use super::status::ProgrammeStatus;
use super::tables::{status_table, strings};
use crate::Workspace;
use microplan_model::rows::DeliverableResult;
use microplan_plan::doc::Document;
use microplan_plan::objectives::{signal_ratio, ValueLayer};
use microplan_plan::results::{emv, metric, MetricContext, MetricKey};
use microplan_plan::results_plan::ResultsPlan;

/// "Code redemptions 61 against 102 orders (60%)", over rows reporting both.
pub fn attribution_line(rows: &[&DeliverableResult]) -> Option<String> {
    let both: Vec<(u64, u64)> = rows
        .iter()
        .filter_map(|r| r.code_redemptions.zip(r.orders))
        .collect();
    // Saturating: counts from a file can be as large as u64 holds, and a sum that wrapped
    // would print a small, wrong number.
    let redemptions = both.iter().fold(0u64, |sum, b| sum.saturating_add(b.0));
    let orders = both.iter().fold(0u64, |sum, b| sum.saturating_add(b.1));
    if orders == 0 {
        return None;
    }
    Some(format!(
        "{} code redemptions against {} attributed orders ({}) over the {} rows that report both: the rest \
         arrived through tracked links without the code. Each order is counted once; codes can leak to coupon \
         sites, so the Attribution panel shows the reconciled range.",
        number_text(redemptions as f64, 0),
        number_text(orders as f64, 0),
        microplan_model::format::percent(redemptions as f64 / orders as f64),
        both.len()
    ))
}

/// The headline numbers with short definitions (the Performance card has the full formulas).
const HEADLINE: [(MetricKey, &str); 8] = [
    (MetricKey::Reach, "accounts reached, summed over posts"),
    (MetricKey::Engagements, "likes + comments + shares + saves"),
    (
        MetricKey::LinkClicks,
        "clicks on the creators' tracked links",
    ),
    (
        MetricKey::Orders,
        "orders with a creator's code or link, each counted once",
    ),
    (MetricKey::Revenue, "revenue of those orders"),
    (MetricKey::Cost, "fees + product value + shipping"),
    (MetricKey::Roas, "revenue / cost (gross, before margin)"),
    (MetricKey::Cpa, "cost / orders"),
];

fn headline(
    doc: &mut Document,
    rows: &[&DeliverableResult],
    context: &MetricContext,
    figures: &Figures,
) {
    let lines: Vec<Vec<String>> = HEADLINE
        .into_iter()
        .map(|(key, definition)| {
            // Orders, revenue and cost (and what follows from them) are the one set of figures.
            let value = match key {
                MetricKey::Orders => figures.orders.clone(),
                MetricKey::Revenue => figures.revenue.clone(),
                MetricKey::Cost => figures.cost.clone(),
                MetricKey::Cpa => figures.cpa.clone(),
                MetricKey::Roas => figures.roas.clone(),
                _ => metric(rows, key, context),
            };
            let kind = if key.is_money() {
                ValueKind::Money
            } else if key.is_rate() {
                ValueKind::Fraction
            } else if key == MetricKey::Roas {
                ValueKind::Ratio
            } else {
                ValueKind::Count
            };
            let shown = value.value.map_or("—".to_string(), |v| {
                show_value(v, kind, &context.currency)
            });
            let partial = if value.is_partial() {
                format!(
                    " ({} of {} rows report it)",
                    value.rows_used, value.rows_total
                )
            } else {
                String::new()
            };
            // What was done with leaked orders is said where the orders are.
            let leaked = match (key, figures.leaked_orders()) {
                (MetricKey::Orders, n) if n > 0 => format!(
                    "; {} through {} flagged as leaked {} set apart",
                    microplan_model::format::plural(n, "shop order", "shop orders"),
                    figures.attribution.leaked_codes.join(", "),
                    if n == 1 { "is" } else { "are" }
                ),
                _ => String::new(),
            };
            vec![
                key.label().to_string(),
                shown,
                format!("{definition}{partial}{leaked}"),
            ]
        })
        .collect();
    doc.heading(2, "Headline numbers");
    doc.table(strings(&["Number", "Value", "Definition"]), lines);
}

/// Content value the programme did not name as a metric: engagement read from the results
/// and the qualitative signals counted on the Programme page.
fn content_extras(
    workspace: &Workspace,
    rows: &[&DeliverableResult],
    context: &MetricContext,
) -> Vec<String> {
    let mut items = Vec::new();
    let rates: Vec<String> = [
        MetricKey::ErReach,
        MetricKey::ShareRate,
        MetricKey::SaveRate,
    ]
    .into_iter()
    .filter_map(|key| {
        metric(rows, key, context)
            .value
            .map(|v| format!("{} {}", key.label(), show_value(v, ValueKind::Fraction, "")))
    })
    .collect();
    if !rates.is_empty() {
        items.push(format!("From the results: {}.", rates.join(", ")));
    }
    let signals = workspace
        .programme
        .objectives
        .as_ref()
        .map(|o| o.signals.as_slice())
        .unwrap_or_default();
    for entry in signals {
        if let (Ok(ratio), Some(numerator), Some(denominator)) =
            (signal_ratio(entry), entry.numerator, entry.denominator)
        {
            let shown = if entry.kind.is_share() {
                show_value(ratio, ValueKind::Fraction, "")
            } else {
                number_text(ratio, 2)
            };
            items.push(format!(
                "{}: {shown} ({numerator} {} / {denominator} {}).",
                entry.kind.label(),
                entry.kind.numerator_label().to_lowercase(),
                entry.kind.denominator_label().to_lowercase()
            ));
        }
    }
    items
}

fn layers(doc: &mut Document, status: &ProgrammeStatus, extras: Vec<String>) {
    doc.heading(2, "Value in three layers");
    let mut extras = Some(extras);
    for layer in ValueLayer::ALL {
        doc.heading(3, layer.label());
        let mut items: Vec<String> = status
            .metrics
            .iter()
            .filter(|m| m.layer == layer)
            .map(|m| {
                let per_period = m.readings.is_some() && m.kind == ValueKind::Count;
                let value = match m.observed {
                    Some(v) if per_period => {
                        format!("{} per {} on average", m.show(v), status.period.noun())
                    }
                    Some(v) => m.show(v),
                    None => "no value yet".to_string(),
                };
                format!(
                    "{}: {value}. {} Status: {}. {}",
                    m.name, m.progress_text, m.verdict.label, m.verdict.reason
                )
            })
            .collect();
        if layer == ValueLayer::Content {
            items.extend(extras.take().unwrap_or_default());
        }
        if items.is_empty() {
            doc.paragraph(format!(
                "{} No programme metric in this layer yet; the framework suggests {}.",
                layer.describe(),
                layer
                    .standard_metrics()
                    .iter()
                    .take(2)
                    .map(|m| m.to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ));
        } else {
            doc.bullets(items);
        }
    }
}

fn budget(doc: &mut Document, decisions: &Decisions) {
    doc.heading(2, "Top performers");
    let ranking = &decisions.creators;
    let top: Vec<String> = ranking
        .rows
        .iter()
        .filter(|r| r.per_hundred.is_some())
        .take(3)
        .map(|r| format!("{}: {}", r.group, r.explain()))
        .collect();
    if top.is_empty() {
        doc.paragraph("No creator has both outcomes and a cost yet.");
    } else {
        doc.paragraph(format!(
            "Best {} per {}: {}.",
            ranking.outcome.label(),
            money_text(100.0, &ranking.currency),
            top.join("; ")
        ));
    }
    doc.heading(2, "Proposed budget for the next period");
    match &decisions.proposal {
        Ok(proposal) => {
            doc.paragraph(proposal.rule_text.clone());
            let rows = proposal
                .allocations
                .iter()
                .map(|a| {
                    let share = if a.excluded {
                        "excluded".to_string()
                    } else {
                        microplan_model::format::percent(a.share)
                    };
                    vec![
                        a.group.clone(),
                        share,
                        money_text(a.amount, &proposal.budget.currency),
                        a.evidence.clone(),
                    ]
                })
                .collect();
            doc.table(strings(&["Creator", "Share", "Amount", "Evidence"]), rows);
            for note in &proposal.notes {
                doc.paragraph(note.clone());
            }
            if let Some(text) = &proposal.needs_evidence {
                doc.note(Some("Needs evidence".to_string()), text.clone());
            }
        }
        Err(error) => {
            doc.paragraph(format!("No proposal: {error}"));
        }
    }
}

/// The one-page report: headline numbers, the three value layers, every target and
/// threshold, attribution, EMV as a labelled estimate, top performers and the proposal.
pub fn stakeholder_report(
    workspace: &Workspace,
    plan: &ResultsPlan,
    decisions: &Decisions,
) -> Document {
    let context = MetricContext::from_tables(&workspace.creators, &workspace.results);
    let rows: Vec<&DeliverableResult> = workspace.results.iter().collect();
    let mut doc = Document::new(format!("Results report: {}", workspace.name));
    let objective = workspace
        .programme
        .objectives
        .as_ref()
        .map(|o| o.objective.label());
    doc.subtitle = objective.map(|label| format!("{label} programme"));
    let dates: Vec<_> = rows.iter().filter_map(|r| r.date).collect();
    let span = match (dates.iter().min(), dates.iter().max()) {
        (Some(first), Some(last)) => {
            format!("posts from {} to {}", date_text(*first), date_text(*last))
        }
        _ => "no dated posts".to_string(),
    };
    let creators = decisions.creators.rows.len();
    doc.meta = vec![
        format!(
            "{} result rows from {creators} creators, {span}",
            rows.len()
        ),
        format!(
            "Reporting period: {}; money in {}",
            plan.period.label(),
            context.currency
        ),
    ];
    headline(&mut doc, &rows, &context, &decisions.figures);
    targets_and_thresholds(&mut doc, workspace, &rows, &context, decisions);
    attribution_and_emv(&mut doc, workspace, &rows, &context, decisions);
    budget(&mut doc, decisions);
    if !plan.notes.trim().is_empty() {
        doc.heading(2, "Notes");
        doc.paragraph(plan.notes.trim().to_string());
    }
    doc
}

/// The value layers with each metric's status, then the decision thresholds; or why there
/// is no status yet.
fn targets_and_thresholds(
    doc: &mut Document,
    workspace: &Workspace,
    rows: &[&DeliverableResult],
    context: &MetricContext,
    decisions: &Decisions,
) {
    match &decisions.status {
        Ok(status) => {
            layers(doc, status, content_extras(workspace, rows, context));
            doc.heading(2, "Decision thresholds");
            doc.paragraph(format!(
                "Pause and scale are large pivots: they need a significant uplift test on the metric or {} {} in a row in breach. Optimising may follow one reading.",
                status.sustained_periods,
                status.period.plural()
            ));
            let mut thresholds = status_table(status);
            // The metric's status above says why; the table keeps rule and reading.
            thresholds.header.truncate(3);
            thresholds.rows.iter_mut().for_each(|row| row.truncate(3));
            if thresholds.rows.is_empty() {
                doc.paragraph("The programme has no decision thresholds.");
            } else {
                doc.table(thresholds.header, thresholds.rows);
            }
        }
        Err(error) => {
            doc.paragraph(error.to_string());
        }
    }
}

/// The attribution line, the export and leak checks, and earned media value as an estimate.
fn attribution_and_emv(
    doc: &mut Document,
    workspace: &Workspace,
    rows: &[&DeliverableResult],
    context: &MetricContext,
    decisions: &Decisions,
) {
    doc.heading(2, "Attribution");
    doc.paragraph(
        attribution_line(rows)
            .unwrap_or_else(|| "No row reports both code redemptions and orders.".to_string()),
    );
    let checks: Vec<String> = [
        decisions.figures.exports_sentence(),
        decisions.figures.leaked_sentence(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !checks.is_empty() {
        doc.paragraph(checks.join(" "));
    }
    let estimate = emv(rows, &workspace.emv_settings, context);
    if estimate.high > 0.0 && estimate.low.is_finite() && estimate.high.is_finite() {
        doc.note(
            Some("Earned media value: an estimate".to_string()),
            format!(
                "{} to {} with the “{}” rates: each counted action times a low and a high value (rates and \
                 formula under Earned media value on the Results page). Not revenue: it is never added to \
                 revenue or used in ROI.",
                money_text(estimate.low.round(), &estimate.currency),
                money_text(estimate.high.round(), &estimate.currency),
                workspace.emv_settings.preset
            ),
        );
    }
}
