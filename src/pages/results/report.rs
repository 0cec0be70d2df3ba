//! The one-page stakeholder report: built by the domain from the same decisions the panel
//! shows, with notes the user adds, and shown with copy, Markdown, HTML and print.

use leptos::prelude::*;

use super::decisions::edit_results_plan;
use crate::app::state::app_state;
use crate::widgets::document_view::DocumentView;
use crate::widgets::fields::TextArea;
use microplan_plan::doc::Document;
use microplan_workspace::decisions::{stakeholder_report, Decisions};

#[component]
pub fn ReportCard(computed: Memo<Option<Decisions>>) -> impl IntoView {
    let state = app_state();
    let document = Signal::derive(move || {
        computed.with(|d| {
            state.workspace.with(|w| match (w, d) {
                (Some(w), Some(d)) => stakeholder_report(w, &w.results_plan, d),
                _ => Document::new("Results report"),
            })
        })
    });
    let stem = Signal::derive(move || {
        state.workspace.with(|w| {
            format!(
                "results-report-{}",
                w.as_ref().map(|w| w.name.as_str()).unwrap_or("workspace")
            )
        })
    });
    let notes = Signal::derive(move || {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.results_plan.notes.clone())
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card rd-card rd-report" aria-labelledby="report-heading">
            <h2 id="report-heading">"Stakeholder report"</h2>
            <p class="hint">
                "One page for a stakeholder: headline numbers with their definitions, the value in three layers \
                 (business, marketing, content), every target and threshold, attribution, earned media value as a \
                 labelled estimate, the top performers and the proposed budget."
            </p>
            <TextArea id="rd-notes" label="Notes for the reader" hint="Context the numbers do not carry; printed at the end of the report."
                value=notes on_set=Callback::new(move |text: String| edit_results_plan(state, move |p| p.notes = text.trim().to_string())) />
            <DocumentView document=document file_stem=stem />
        </section>
    }
}
