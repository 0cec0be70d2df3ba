//! Everything stored in this browser, table by table, with CSV and workspace-file transfer.

use leptos::prelude::*;

use super::state::app_state;
use super::table_view::TableView;
use super::workspaces::WorkspaceManager;
use crate::io::TableKind;

#[component]
pub fn DataPage() -> impl IntoView {
    let state = app_state();
    let selected = RwSignal::new(TableKind::Creators);
    let counts = move || {
        state.workspace.with(|workspace| {
            TableKind::ALL
                .into_iter()
                .map(|kind| (kind, workspace.as_ref().map(|w| kind.row_count(w)).unwrap_or(0)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1 id="section-heading" tabindex="-1">"Data"</h1>
        <p class="lead">
            "Every table imports and exports as CSV (UTF-8, RFC 4180, safe to open in a \
             spreadsheet). A whole workspace moves as one file and opens identically elsewhere."
        </p>
        <Show
            when=move || state.workspace.with(Option::is_some)
            fallback=|| view! { <p class="card">"Open or create a workspace first."</p> }
        >
            <section class="card" aria-labelledby="tables-heading">
                <h2 id="tables-heading">"Tables in this workspace"</h2>
                <div class="table-tabs" role="group" aria-label="Show table">
                    {move || {
                        counts()
                            .into_iter()
                            .map(|(kind, rows)| {
                                view! {
                                    <button
                                        aria-pressed=move || (selected.get() == kind).to_string()
                                        on:click=move |_| selected.set(kind)
                                    >
                                        {kind.label()}
                                        <span class="count">{rows}</span>
                                    </button>
                                }
                            })
                            .collect_view()
                    }}
                </div>
            </section>
            {move || view! { <TableView kind=selected.get() /> }}
        </Show>
        <WorkspaceManager />
    }
}
