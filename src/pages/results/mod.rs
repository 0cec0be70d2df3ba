//! Results: what the creators delivered and what it was worth, in views a reader takes in
//! at a glance (see [`ResultsView`]). Every view reads one computation of the decisions and
//! figures, so a number is the same wherever it appears.

mod attribution;
mod attribution_import;
mod attribution_leaks;
mod decisions;
mod emv;
mod overview;
mod perf_charts;
mod performance;
mod reallocation;
mod report;
mod sentiment;
mod views;

use leptos::prelude::*;

use crate::app::sections::{Section, UrlSelection};
use crate::app::state::app_state;
use crate::widgets::table_view::TableView;
use microplan_workspace::decisions::{
    attribution_conclusion, data_conclusion, decisions, decisions_conclusion, overview_conclusion,
    performance_conclusion, report_conclusion, Decisions,
};
use microplan_workspace::io::table::TableKind;
use views::{conclusion_of, Conclusion, ResultsTabs, ResultsView};

#[component]
pub fn ResultsPage() -> impl IntoView {
    let state = app_state();
    let selection = UrlSelection::new(Section::Results);
    let current = Memo::new(move |_| ResultsView::from_item(selection.selected.get().as_deref()));
    let computed: Memo<Option<Decisions>> = Memo::new(move |_| {
        state
            .workspace
            .with(|w| w.as_ref().map(|w| decisions(w, &w.results_plan)))
    });
    let data_sentence = Signal::derive(move || {
        state
            .workspace
            .with(|w| w.as_ref().map(data_conclusion).unwrap_or_default())
    });
    let body = move || match current.get() {
        ResultsView::Overview => view! {
            <Conclusion text=conclusion_of(computed, overview_conclusion) />
            <overview::OverviewCard computed=computed />
        }
        .into_any(),
        ResultsView::Performance => view! {
            <Conclusion text=conclusion_of(computed, performance_conclusion) />
            <performance::PerformancePanel />
            <emv::EmvPanel />
        }
        .into_any(),
        ResultsView::Attribution => view! {
            <Conclusion text=conclusion_of(computed, attribution_conclusion) />
            <attribution::AttributionPanel />
        }
        .into_any(),
        ResultsView::Decisions => view! {
            <Conclusion text=conclusion_of(computed, decisions_conclusion) />
            <decisions::TargetsCard computed=computed />
            <reallocation::TopPerformersCard computed=computed />
        }
        .into_any(),
        ResultsView::Report => view! {
            <Conclusion text=conclusion_of(computed, report_conclusion) />
            <report::ReportCard computed=computed />
        }
        .into_any(),
        ResultsView::Data => view! {
            <Conclusion text=data_sentence />
            <sentiment::SentimentPanel />
            <section class="results-tables" aria-labelledby="results-tables-heading">
                <h2 id="results-tables-heading">"Tables the Results views read"</h2>
                <TableView kind=TableKind::Results />
                <TableView kind=TableKind::ShopOrders />
                <TableView kind=TableKind::LinkClicks />
                <TableView kind=TableKind::SurveyAnswers />
                <TableView kind=TableKind::CreatorCodes />
            </section>
        }
        .into_any(),
    };
    view! {
        <h1 id="section-heading" tabindex="-1">"Results"</h1>
        <p class="lead">
            "What creators delivered, checked against the programme's targets, with attribution as a range and \
             earned media value kept apart from revenue."
        </p>
        <ResultsTabs current=current />
        <div class="results-view" data-view=move || current.get().slug()>{body}</div>
    }
}
