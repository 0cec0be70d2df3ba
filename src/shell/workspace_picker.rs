//! The header's workspace picker.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::state::app_state;
use crate::app::workspace_ops;

/// Opens the chosen stored workspace.
#[component]
pub fn WorkspaceSwitcher() -> impl IntoView {
    let state = app_state();
    let active = move || {
        state
            .index
            .with(|index| index.active.clone())
            .unwrap_or_default()
    };
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
