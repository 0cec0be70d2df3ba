//! Everything stored in this browser, table by table, with CSV and workspace-file transfer.

use leptos::prelude::*;

use crate::app::browser::storage_usage;
use crate::app::state::{app_state, SaveStatus};
use crate::widgets::import::grouped;
use crate::widgets::table_view::TableView;
use crate::widgets::workspace_manager::WorkspaceManager;
use microplan_workspace::io::table::TableKind;

#[component]
pub fn DataPage() -> impl IntoView {
    let state = app_state();
    let selected = RwSignal::new(TableKind::Creators);
    let counts = move || {
        state.workspace.with(|workspace| {
            TableKind::ALL
                .into_iter()
                .map(|kind| {
                    (
                        kind,
                        workspace.as_ref().map(|w| kind.row_count(w)).unwrap_or(0),
                    )
                })
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
                                        <span class="count">{grouped(rows)}</span>
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
        <StorageReport />
    }
}

fn megabytes(bytes: f64) -> String {
    if bytes >= 1e9 {
        format!("{:.1} GB", bytes / 1e9)
    } else {
        format!("{:.1} MB", bytes / 1e6)
    }
}

/// What this browser holds for Microplan, read when the page opens and after each save.
#[component]
fn StorageReport() -> impl IntoView {
    let state = app_state();
    let usage = LocalResource::new(move || {
        // Re-read after every save.
        state.save_status.track();
        storage_usage()
    });
    let text = move || match state.save_status.get() {
        SaveStatus::MemoryOnly(_) => {
            "Nothing is stored: browser storage is unavailable.".to_string()
        }
        _ => match usage.get().flatten() {
            Some(u) => format!(
                "Microplan uses {} of the {} this browser allows for this site{}.",
                megabytes(u.used_bytes),
                megabytes(u.quota_bytes),
                if u.persistent {
                    "; the browser has agreed not to clear it under storage pressure"
                } else {
                    "; the browser may clear it under storage pressure, so export important \
                     workspaces as files"
                },
            ),
            None => "This browser does not report how much it stores.".to_string(),
        },
    };
    view! {
        <section class="card" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage in this browser"</h2>
            <p data-testid="storage-usage">{text}</p>
        </section>
    }
}
