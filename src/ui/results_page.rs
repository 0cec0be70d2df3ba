//! Results: what the creators delivered and what it was worth. Performance per creator,
//! community, campaign and format; decisions against the programme's targets and thresholds;
//! attribution reconciled from codes, links and surveys; the stakeholder report; and the
//! tables the section reads.

use leptos::prelude::*;

use super::table_view::TableView;
use crate::io::TableKind;

/// The page's cards, for the contents bar: (label, heading id).
const CARDS: [(&str, &str); 9] = [
    ("Performance", "performance-heading"),
    ("Earned media value", "emv-heading"),
    ("Targets and decisions", "decisions-heading"),
    ("Top performers and budget", "performers-heading"),
    ("Stakeholder report", "report-heading"),
    ("Attribution", "attribution-heading"),
    ("Code leaks", "leaks-heading"),
    ("Sentiment", "sentiment-heading"),
    ("Tables", "results-tables-heading"),
];

/// Jumps to a card of this long page. Buttons, not `#` links: the hash holds the route.
#[component]
fn PageContents() -> impl IntoView {
    let jump = |id: &'static str| {
        if let Some(heading) = document().get_element_by_id(id) {
            heading.scroll_into_view();
        }
    };
    view! {
        <nav class="page-contents" aria-label="On this page">
            <span class="hint">"On this page:"</span>
            {CARDS.iter().map(|(label, id)| view! {
                <button type="button" on:click=move |_| jump(id)>{*label}</button>
            }).collect_view()}
        </nav>
    }
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    view! {
        <h1 id="section-heading" tabindex="-1">"Results"</h1>
        <p class="lead">
            "Measure what creators delivered: engagement, clicks, orders and cost per outcome, \
             checked against the programme's targets and thresholds, with attribution shown as \
             a range and earned media value kept apart from revenue."
        </p>
        <PageContents />
        // Panels: one line each, in reading order.
        <super::results_performance::PerformancePanel />
        <super::results_emv::EmvPanel />
        <super::results_decisions::DecisionsPanels />
        <super::results_attribution::AttributionPanel />
        <super::results_sentiment::SentimentPanel />
        <section class="results-tables" aria-labelledby="results-tables-heading">
            <h2 id="results-tables-heading">"Tables this section reads"</h2>
            <TableView kind=TableKind::Results />
            <TableView kind=TableKind::ShopOrders />
            <TableView kind=TableKind::LinkClicks />
            <TableView kind=TableKind::SurveyAnswers />
            <TableView kind=TableKind::CreatorCodes />
        </section>
    }
}
