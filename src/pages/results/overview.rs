//! The Results overview: each programme metric's one status with its reason, and the
//! programme's orders, revenue and cost, the figures every view and the report use.

use leptos::prelude::*;

use super::views::ResultsView;
use microplan_plan::results::MetricValue;
use microplan_workspace::decisions::{show_value, Decisions, ValueKind};

fn shown(value: &MetricValue, kind: ValueKind, currency: &str) -> String {
    value
        .value
        .map_or("—".to_string(), |v| show_value(v, kind, currency))
}

#[component]
pub fn OverviewCard(computed: Memo<Option<Decisions>>) -> impl IntoView {
    let content = move || {
        computed.with(|d| {
            let d = d.as_ref()?;
            let f = &d.figures;
            let figures = [
                ("Orders", shown(&f.orders, ValueKind::Count, &f.currency)),
                ("Revenue", shown(&f.revenue, ValueKind::Money, &f.currency)),
                ("Cost", shown(&f.cost, ValueKind::Money, &f.currency)),
                ("Cost per order", shown(&f.cpa, ValueKind::Money, &f.currency)),
                ("ROAS (gross)", shown(&f.roas, ValueKind::Ratio, &f.currency)),
            ];
            let statuses = match &d.status {
                Ok(status) => status
                    .metrics
                    .iter()
                    .map(|m| view! {
                        <li class=format!("kpi-status state-{}", m.verdict.state.key())>
                            <span class="kpi-name">{m.name.clone()}</span>
                            <strong class="rd-status">{m.verdict.label.clone()}</strong>
                            <span class="hint">{m.verdict.reason.clone()}</span>
                        </li>
                    })
                    .collect_view()
                    .into_any(),
                Err(message) => view! { <li class="empty">{message.to_string()}</li> }.into_any(),
            };
            let notes: Vec<String> = [f.leaked_sentence(), f.exports_sentence()].into_iter().flatten().collect();
            Some(view! {
                <section class="card results-overview" aria-labelledby="results-overview-heading">
                    <h2 id="results-overview-heading">"Where the programme stands"</h2>
                    <ul class="kpi-statuses" data-testid="kpi-statuses">{statuses}</ul>
                    <dl class="results-figures" data-testid="results-figures">
                        {figures.into_iter().map(|(label, value)| view! {
                            <div><dt>{label}</dt><dd class="numeric">{value}</dd></div>
                        }).collect_view()}
                    </dl>
                    <p class="hint">
                        "Orders, revenue and cost are the results table's, per deliverable, each order counted once by code \
                         or link; every view and the report use these figures."
                    </p>
                    {notes.into_iter().map(|n| view! { <p class="hint">{n}</p> }).collect_view()}
                    <p class="hint">
                        "More: "<a href=ResultsView::Performance.href()>"performance per creator"</a>", "
                        <a href=ResultsView::Attribution.href()>"attribution and code leaks"</a>", "
                        <a href=ResultsView::Decisions.href()>"thresholds and the next budget"</a>"."
                    </p>
                </section>
            })
        })
    };
    view! { {content} }
}
