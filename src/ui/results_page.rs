//! Results: what the creators delivered and what it was worth. Performance per creator,
//! community, campaign and format; decisions against the programme's targets and thresholds;
//! attribution reconciled from codes, links and surveys; the stakeholder report; and the
//! tables the section reads.

use leptos::prelude::*;

use super::table_view::TableView;
use crate::io::TableKind;

#[component]
pub fn ResultsPage() -> impl IntoView {
    view! {
        <h1 id="section-heading" tabindex="-1">"Results"</h1>
        <p class="lead">
            "Measure what creators delivered: engagement, clicks, orders and cost per outcome, \
             checked against the programme's targets and thresholds, with attribution shown as \
             a range and earned media value kept apart from revenue."
        </p>
        // Panels: one line each, in reading order.
        <super::results_performance::PerformancePanel />
        <super::results_emv::EmvPanel />
        <super::results_decisions::DecisionsPanels />
        <super::results_attribution::AttributionPanel />
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
