//! Compliance and measurement: disclosure for the market, honest claims, the market's legal
//! notes, and KPIs with their data sources and reporting cadence.

use super::super::choices::ContractChoices;
use super::super::labels::days;
use crate::doc::Clause;
use crate::markets::Market;

/// "the United Kingdom", "France": a market's name inside a sentence.
pub fn market_in_sentence(market: Market) -> String {
    match market {
        Market::Us | Market::Uk => format!("the {}", market.name()),
        Market::EuDefault => "the EU / EEA".to_string(),
        other => other.name().to_string(),
    }
}

fn quoted(labels: &[&str]) -> String {
    labels
        .iter()
        .map(|l| format!("“{l}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn disclosure(c: &ContractChoices) -> Clause {
    let rules = c.market.rules();
    let mut clause = Clause::new("Disclosure", format!("Market: {} ({})", c.market.name(), rules.sources_line()))
        .with_paragraph(format!(
            "Every post made under this agreement is clearly labelled as advertising, as the rules in {} require. Use {} up front; do not rely on {} alone.",
            market_in_sentence(c.market),
            quoted(rules.accepted_labels),
            quoted(rules.labels_to_avoid)
        ));
    for rule in rules.placement.iter().chain(rules.video) {
        clause = clause.with_item(*rule);
    }
    clause
        .with_paragraph(format!("Gifted products: {}", rules.gifted_products))
        .with_paragraph("The brand checks each post for the label and asks for a correction when it is missing; the creator fixes it within 24 hours.")
        .with_side_note(format!("Start each post with “{}”. It protects you and your audience's trust.", rules.preferred_label()))
}

pub fn honest_claims(_c: &ContractChoices) -> Clause {
    Clause::new("Honest claims and genuine audience", "Always included")
        .with_paragraph("The creator shares only their honest opinion and real experience of the product and makes no claim the brand has not confirmed in writing (health, performance, environmental, price). The brand confirms its product facts are accurate and can be substantiated.")
        .with_paragraph("Neither party buys or uses fake followers, likes, views, comments or other indicators of influence, engagement pods or bots for this campaign.")
        .with_side_note("Say what you really think; never inflate your numbers.")
}

pub fn market_notes(c: &ContractChoices) -> Clause {
    let rules = c.market.rules();
    let mut clause = Clause::new(
        format!("Rules for {}", market_in_sentence(c.market)),
        format!("Market: {}", c.market.name()),
    );
    for note in rules.contract_notes {
        clause = clause.with_item(*note);
    }
    if c.market == Market::France {
        clause = clause
            .with_paragraph("This written agreement sets out, as loi n° 2023-451 requires: the parties; the exact tasks (Deliverables); the remuneration in money or in kind (Compensation); the rights and obligations of each party, in particular intellectual property (Usage licence, Ownership); and that French law applies.")
            .with_paragraph("Retouched images of faces or bodies carry “Images retouchées”; images made or altered with artificial intelligence carry “Images virtuelles”.");
    }
    clause
        .with_paragraph(format!("Sources: {}.", rules.sources_line()))
        .with_side_note("The legal points for this market that both sides follow.")
}

pub fn kpis_and_reporting(c: &ContractChoices) -> Clause {
    let r = &c.reporting;
    let mut clause = Clause::new(
        "KPIs and reporting",
        format!(
            "KPIs: {} listed; reporting {}",
            r.kpis.len(),
            r.cadence.label()
        ),
    );
    if r.kpis.is_empty() {
        clause = clause.with_paragraph("No KPIs are agreed. The creator shares the native analytics of each post once, after the posting window closes.");
    } else {
        clause = clause.with_paragraph("The parties measure these KPIs from these data sources:");
        for kpi in &r.kpis {
            let target = if kpi.target.trim().is_empty() {
                String::new()
            } else {
                format!(", target {}", kpi.target.trim())
            };
            clause = clause.with_item(format!(
                "{}{target}, from {}",
                kpi.metric.trim(),
                kpi.data_source.trim()
            ));
        }
        clause = clause.with_paragraph(format!(
            "The creator sends screenshots of the native analytics (reach, views, engagement, link clicks, story taps) {}, within {} of each reporting date. The brand shares the results it measures itself (clicks, code redemptions, orders) at the same time.",
            r.cadence.label(),
            days(r.due_days)
        ));
    }
    clause.with_side_note(
        "What you report, when, and where the numbers come from. The brand shares its side too.",
    )
}
