//! The list of workspaces with every action on them: create, open, rename, duplicate,
//! delete, and workspace files in and out.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::empty_state::LoadDemoButton;
use crate::app::persistence;
use crate::app::state::app_state;
use crate::app::workspace_ops;
use crate::app::workspaces::{export_workspace_file, import_workspace_file};
use microplan_workspace::Workspace;

/// The list of workspaces with every action on them.
#[component]
pub fn WorkspaceManager() -> impl IntoView {
    let state = app_state();
    let new_name = RwSignal::new(String::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        let name = if name.trim().is_empty() {
            "New programme".to_string()
        } else {
            name
        };
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
                <LoadDemoButton />
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
        Memo::new(move |_| {
            state
                .index
                .with(|index| index.active.as_deref() == Some(id.as_str()))
        })
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
