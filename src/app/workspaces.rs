//! Creating, renaming, duplicating, deleting, switching and moving whole workspaces.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::widgets::files::{download_text, read_file_bytes, safe_file_stem};
use super::persistence::{self, now_iso};
use super::workspace_ops;
use super::state::{app_state, AppState};
use microplan_demo::demo_workspace;
use microplan_workspace::Workspace;
use microplan_workspace::store::encode_workspace;

/// The header's workspace picker.
#[component]
pub fn WorkspaceSwitcher() -> impl IntoView {
    let state = app_state();
    let active = move || state.index.with(|index| index.active.clone()).unwrap_or_default();
    view! {
        <div class="switcher">
            <label for="workspace-switcher">"Workspace"</label>
            <select
                id="workspace-switcher"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    if !id.is_empty() {
                        spawn_local(workspace_ops::switch_to(state, id));
                    }
                }
            >
                <option value="" disabled=true selected=move || active().is_empty()>
                    "None open"
                </option>
                {move || {
                    state
                        .index
                        .get()
                        .workspaces
                        .into_iter()
                        .map(|meta| {
                            let id = meta.id.clone();
                            view! {
                                <option value=meta.id selected=move || active() == id>
                                    {meta.name}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

pub fn load_demo(state: AppState) {
    spawn_local(async move {
        persistence::flush(state).await;
        workspace_ops::add_and_open(state, demo_workspace()).await;
    });
}

fn export_workspace_file(state: AppState) {
    let Some((name, text)) = state.workspace.with_untracked(|workspace| {
        workspace.as_ref().map(|w| (w.name.clone(), encode_workspace(w, &now_iso())))
    }) else {
        state.notify_error("Open a workspace first.");
        return;
    };
    let file_name = format!("{}.microplan.json", safe_file_stem(&name));
    match download_text(&file_name, &text, "application/json") {
        Ok(()) => state.notify(format!("Exported “{name}” as {file_name}.")),
        Err(error) => state.notify_error(error),
    }
}

fn import_workspace_file(state: AppState, ev: leptos::ev::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
    input.set_value("");
    // An oversized file is refused before it is read into memory.
    if file.size() > microplan_model::limits::MAX_FILE_BYTES as f64 {
        let error = microplan_workspace::store::validate::FileError::TooLarge { bytes: file.size() as usize };
        return state.notify_error(format!(
            "“{}” was not imported: {error}. Your workspaces are unchanged.",
            file.name()
        ));
    }
    spawn_local(async move {
        let bytes = match read_file_bytes(&file).await {
            Ok(bytes) => bytes,
            Err(error) => return state.notify_error(error),
        };
        // Refuses invalid UTF-8 (with its byte offset), oversized files and values out of range.
        match microplan_workspace::store::validate::decode_workspace_file(&bytes) {
            Ok(workspace) => {
                persistence::flush(state).await;
                workspace_ops::add_and_open(state, workspace).await;
            }
            Err(error) => state.notify_error(format!(
                "“{}” was not imported: {error}. Your workspaces are unchanged.",
                file.name()
            )),
        }
    });
}

/// The list of workspaces with every action on them.
#[component]
pub fn WorkspaceManager() -> impl IntoView {
    let state = app_state();
    let new_name = RwSignal::new(String::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        let name = if name.trim().is_empty() { "New programme".to_string() } else { name };
        new_name.set(String::new());
        spawn_local(async move {
            persistence::flush(state).await;
            workspace_ops::add_and_open(state, Workspace::empty(name.trim())).await;
        });
    };
    view! {
        <section class="card" aria-labelledby="workspaces-heading">
            <h2 id="workspaces-heading">"Workspaces"</h2>
            <p class="hint">
                "One workspace per brand or programme. Everything is saved automatically in this \
                 browser and never leaves your machine; move work between people with files."
            </p>
            <ul class="workspace-list">
                <For
                    each=move || state.index.get().workspaces
                    key=|meta| (meta.id.clone(), meta.name.clone(), meta.rows)
                    children=move |meta| view! { <WorkspaceRow meta=meta /> }
                />
            </ul>
            <form class="inline-form" on:submit=create>
                <label for="new-workspace-name">"New workspace name"</label>
                <input
                    id="new-workspace-name"
                    type="text"
                    placeholder="e.g. Hearth & Trail spring 2027"
                    bind:value=new_name
                />
                <button type="submit">"Create workspace"</button>
            </form>
            <div class="actions">
                <crate::widgets::empty_state::LoadDemoButton />
                <button on:click=move |_| export_workspace_file(state)>"Export workspace file"</button>
                <label class="button" for="workspace-file-input">"Import workspace file"</label>
                <input
                    id="workspace-file-input"
                    class="visually-hidden"
                    type="file"
                    accept=".json,application/json"
                    on:change=move |ev| import_workspace_file(state, ev)
                />
            </div>
        </section>
    }
}

#[component]
fn WorkspaceRow(meta: microplan_workspace::store::WorkspaceMeta) -> impl IntoView {
    let state = app_state();
    let id = meta.id.clone();
    let is_active = {
        let id = id.clone();
        Memo::new(move |_| state.index.with(|index| index.active.as_deref() == Some(id.as_str())))
    };
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(meta.name.clone());
    let name = meta.name.clone();
    let rename_label = format!("New name for {}", meta.name);
    let input_id = format!("rename-{}", meta.id);
    let (open_id, save_id, copy_id, delete_id) = (id.clone(), id.clone(), id.clone(), id.clone());
    view! {
        <li class=move || if is_active.get() { "workspace active" } else { "workspace" }>
            {move || {
                if editing.get() {
                    let save_id = save_id.clone();
                    view! {
                        <form
                            class="inline-form"
                            on:submit=move |ev| {
                                ev.prevent_default();
                                editing.set(false);
                                spawn_local(workspace_ops::rename(state, save_id.clone(), draft.get_untracked()));
                            }
                        >
                            <label class="visually-hidden" for=input_id.clone()>{rename_label.clone()}</label>
                            <input id=input_id.clone() type="text" bind:value=draft autofocus=true />
                            <button type="submit">"Save name"</button>
                            <button type="button" on:click=move |_| editing.set(false)>"Cancel"</button>
                        </form>
                    }
                        .into_any()
                } else {
                    view! {
                        <div class="workspace-title">
                            <span class="workspace-name">{name.clone()}</span>
                            <span class="muted">{format!("{} rows", microplan_model::money::group_thousands(meta.rows as u64))}</span>
                            {move || is_active.get().then(|| view! { <span class="badge">"open"</span> })}
                        </div>
                    }
                        .into_any()
                }
            }}
            <div class="actions">
                <button
                    disabled=is_active
                    aria-label=format!("Open {}", meta.name)
                    on:click=move |_| spawn_local(workspace_ops::switch_to(state, open_id.clone()))
                >
                    "Open"
                </button>
                <button aria-label=format!("Rename {}", meta.name) on:click=move |_| editing.set(true)>
                    "Rename"
                </button>
                <button
                    aria-label=format!("Duplicate {}", meta.name)
                    on:click=move |_| spawn_local(workspace_ops::duplicate(state, copy_id.clone()))
                >
                    "Duplicate"
                </button>
                <button
                    class="danger"
                    aria-label=format!("Delete {}", meta.name)
                    on:click=move |_| {
                        let question = format!("Delete “{}” and all its data from this browser?", meta.name);
                        if window().confirm_with_message(&question).unwrap_or(false) {
                            spawn_local(workspace_ops::delete(state, delete_id.clone()));
                        }
                    }
                >
                    "Delete"
                </button>
            </div>
        </li>
    }
}
