//! One workspace table: paged rows, CSV export and the import wizard.

use leptos::prelude::*;

use super::import::{grouped, ImportWizard};
use crate::app::files::{download_text, safe_file_stem};
use crate::app::state::{app_state, AppState};
use crate::app::table_memo::stored_table_memo;
use microplan_workspace::io::export::{export_csv, table_cells};
use microplan_workspace::io::table::TableKind;

const PAGE_SIZE: usize = 25;

pub fn export_table(state: AppState, kind: TableKind) {
    let Some((name, csv)) = state.workspace.with_untracked(|workspace| {
        workspace
            .as_ref()
            .map(|w| (w.name.clone(), export_csv(kind, w)))
    }) else {
        state.notify_error("Open a workspace first.");
        return;
    };
    let file_name = format!("{}-{}.csv", safe_file_stem(&name), kind.file_stem());
    match download_text(&file_name, &csv, "text/csv;charset=utf-8") {
        Ok(()) => state.notify(format!("Exported {} as {file_name}.", kind.label())),
        Err(error) => state.notify_error(error),
    }
}

#[component]
pub fn TableView(kind: TableKind) -> impl IntoView {
    let state = app_state();
    let page = RwSignal::new(0usize);
    let importing = RwSignal::new(false);
    // Wakes on edits of this table only, not on every edit of the workspace.
    let table = stored_table_memo(state, kind.stored_table());
    let rows = move || {
        table.track();
        state
            .workspace
            .with_untracked(|w| w.as_ref().map(|w| kind.row_count(w)).unwrap_or(0))
    };
    let pages = move || rows().div_ceil(PAGE_SIZE).max(1);
    let heading_id = format!("table-{}", kind.file_stem());
    let region_label = heading_id.clone();
    let body = move || {
        let start = page.get() * PAGE_SIZE;
        table.track();
        state.workspace.with_untracked(|workspace| {
            workspace
                .as_ref()
                .map(|w| table_cells(kind, w, start..start + PAGE_SIZE))
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card table-card" aria-labelledby=heading_id.clone()>
            <div class="table-head">
                <h2 id=heading_id.clone()>{kind.label()}</h2>
                <span class="muted">{move || format!("{} rows", grouped(rows()))}</span>
                <div class="actions">
                    <button
                        on:click=move |_| export_table(state, kind)
                        disabled=move || table.with(Option::is_none)
                        aria-label=format!("Export CSV of {}", kind.label())
                    >
                        "Export CSV"
                    </button>
                    <button
                        on:click=move |_| importing.update(|open| *open = !*open)
                        disabled=move || table.with(Option::is_none)
                        aria-expanded=move || importing.get().to_string()
                        aria-label=format!("Import CSV into {}", kind.label())
                    >
                        "Import CSV"
                    </button>
                </div>
            </div>
            <p class="hint">{kind.describe()}</p>
            <Show when=move || importing.get()>
                <ImportWizard kind=kind on_close=Callback::new(move |_| importing.set(false)) />
            </Show>
            <Show
                when=move || { rows() > 0 }
                fallback=|| view! { <p class="empty">"No rows yet. Import a CSV or load the demo workspace."</p> }
            >
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby=region_label.clone()>
                    <table>
                        <thead>
                            <tr>
                                {kind
                                    .columns()
                                    .iter()
                                    .map(|column| {
                                        view! {
                                            <th scope="col" title=column.help tabindex="-1" class:numeric=column.kind.is_numeric()>
                                                {column.label}
                                            </th>
                                        }
                                    })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                body()
                                    .into_iter()
                                    .map(|cells| {
                                        view! {
                                            <tr>
                                                {cells
                                                    .into_iter()
                                                    .zip(kind.columns())
                                                    .map(|(cell, column)| {
                                                        view! { <td class:numeric=column.kind.is_numeric()>{cell}</td> }
                                                    })
                                                    .collect_view()}
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
                <Pager page=page pages=Signal::derive(pages) label=format!("{} pages", kind.label()) />
            </Show>
        </section>
    }
}

/// Previous / next through `pages` pages. A list that shrinks (a replace import, another
/// workspace) moves the page back into range instead of stranding it.
#[component]
pub fn Pager(page: RwSignal<usize>, pages: Signal<usize>, label: String) -> impl IntoView {
    Effect::new(move |_| {
        let last = pages.get().saturating_sub(1);
        if page.get_untracked() > last {
            page.set(last);
        }
    });
    view! {
        <div class="pager" role="navigation" aria-label=label>
            <button disabled=move || { page.get() == 0 } on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                "Previous"
            </button>
            <span>{move || format!("Page {} of {}", grouped(page.get() + 1), grouped(pages.get()))}</span>
            <button disabled=move || { page.get() + 1 >= pages.get() } on:click=move |_| page.update(|p| *p += 1)>
                "Next"
            </button>
        </div>
    }
}
