//! What a section shows while no workspace is open: what it needs and how to get one, and
//! nothing that would act on data that does not exist.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::persistence;
use crate::app::sections::Section;
use crate::app::state::{app_state, SaveStatus};
use crate::app::workspace_ops;
use crate::app::workspaces::load_demo;
use microplan_demo::DEMO_NAME;
use microplan_workspace::Workspace;

/// Shows `children` once a workspace is open; until then the section's title, what it needs
/// and the offer to create a workspace or load the demo.
#[component]
pub fn NeedsWorkspace(section: Section, children: ChildrenFn) -> impl IntoView {
    let state = app_state();
    let has_workspace = Memo::new(move |_| state.workspace.with(Option::is_some));
    let starting = Memo::new(move |_| state.save_status.with(|s| *s == SaveStatus::Starting));
    let name = RwSignal::new(String::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = name.get_untracked();
        let chosen = if chosen.trim().is_empty() {
            "My workspace".to_string()
        } else {
            chosen.trim().to_string()
        };
        name.set(String::new());
        spawn_local(async move {
            persistence::flush(state).await;
            workspace_ops::add_and_open(state, Workspace::empty(&chosen)).await;
        });
    };
    move || {
        if has_workspace.get() {
            return children().into_any();
        }
        if starting.get() {
            return view! {
                <h1 id="section-heading" tabindex="-1">{section.title()}</h1>
                <p class="hint">"Opening this browser's storage…"</p>
            }
            .into_any();
        }
        view! {
            <h1 id="section-heading" tabindex="-1">{section.title()}</h1>
            <p class="lead">{section.purpose()}</p>
            <section class="card callout" data-testid="no-workspace" aria-labelledby="no-workspace-heading">
                <h2 id="no-workspace-heading">"No workspace is open"</h2>
                <p>
                    {format!("{} works inside a workspace: one per brand or programme, saved in this browser. ", section.title())}
                    "Load the demo to explore a complete programme, or create an empty workspace and import your own data."
                </p>
                <div class="actions"><LoadDemoButton /></div>
                <form class="inline-form" on:submit=create>
                    <label for="empty-state-workspace-name">"New workspace name"</label>
                    <input id="empty-state-workspace-name" type="text" placeholder="e.g. Hearth & Trail spring 2027" bind:value=name />
                    <button type="submit">"Create workspace"</button>
                </form>
                <p class="hint">"To open a workspace file someone sent you, use “Import workspace file” on the " <a href="#/">"Overview"</a> "."</p>
            </section>
        }
        .into_any()
    }
}

/// Loads the demo; when a demo workspace is already here, asks whether to open it or make a
/// fresh copy under a name that says so, instead of silently adding "(2)".
#[component]
pub fn LoadDemoButton() -> impl IntoView {
    let state = app_state();
    let existing = RwSignal::new(None::<String>);
    let loading = RwSignal::new(false);
    let click = move |_| {
        let found = state.index.with_untracked(|index| {
            index
                .workspaces
                .iter()
                .find(|meta| meta.name == DEMO_NAME)
                .map(|meta| meta.id.clone())
        });
        match found {
            Some(id) => existing.set(Some(id)),
            None => load_demo(state, None, loading),
        }
    };
    let open_existing = move |_| {
        if let Some(id) = existing.get_untracked() {
            existing.set(None);
            spawn_local(async move {
                if persistence::open_id().as_deref() == Some(id.as_str()) {
                    state.notify(format!("“{DEMO_NAME}” is already open."));
                } else {
                    workspace_ops::switch_to(state, id).await;
                }
            });
        }
    };
    let fresh_copy = move |_| {
        existing.set(None);
        load_demo(state, Some(format!("{DEMO_NAME} (fresh copy)")), loading);
    };
    view! {
        <button class="primary" on:click=click disabled=move || loading.get() aria-busy=move || loading.get().to_string()>
            "Load demo workspace"
        </button>
        {move || loading.get().then(|| view! { <span class="hint" role="status">" Loading the demo…"</span> })}
        {move || existing.get().map(|_| view! {
            <div class="card callout demo-choice" role="group" aria-label="The demo is already here" data-testid="demo-choice">
                <p>{format!("“{DEMO_NAME}” is already in this browser, possibly with your changes.")}</p>
                <div class="actions">
                    <button class="primary" on:click=open_existing>"Open the existing demo"</button>
                    <button on:click=fresh_copy>"Make a fresh copy"</button>
                    <button on:click=move |_| existing.set(None)>"Cancel"</button>
                </div>
            </div>
        })}
    }
}
