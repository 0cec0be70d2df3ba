//! The notice shown when the draft version on screen was saved elsewhere since the editor
//! opened it: the editor's edits are not written over it; the person chooses what happens.

use leptos::prelude::*;

use super::write_draft;
use crate::app::state::AppState;
use microplan_plan::contract::versions::{find_version, is_stale, VersionRef};
use microplan_plan::contract::ContractChoices;

/// Whether `at` is a version that was saved elsewhere since this editor took its stamp.
pub fn changed_elsewhere(state: AppState, at: Option<&VersionRef>) -> bool {
    let Some(at) = at else { return false };
    state
        .workspace
        .with_untracked(|w| w.as_ref().is_some_and(|w| is_stale(&w.contracts, at)))
}

/// "Reload version N" takes the stored version and its stamp; "Save my edits as a new
/// draft" writes the editor's choices as the agreement's next version.
#[component]
pub fn StaleNotice(
    state: AppState,
    stale: RwSignal<bool>,
    at: RwSignal<Option<VersionRef>>,
    draft: RwSignal<ContractChoices>,
) -> impl IntoView {
    let reload = move |_| {
        let Some(opened) = at.get_untracked() else {
            return;
        };
        let current = state.workspace.with_untracked(|w| {
            w.as_ref().and_then(|w| {
                find_version(&w.contracts, &opened)
                    .and_then(|i| w.contracts.get(i))
                    .map(|d| (VersionRef::of(d), d.choices.clone()))
            })
        });
        match current {
            Some((fresh, choices)) => {
                at.set(Some(fresh));
                draft.set(choices);
                stale.set(false);
                state.notify(format!(
                    "Reloaded draft version {} as it is saved now.",
                    opened.version
                ));
            }
            None => state.notify_error(format!("Version {} no longer exists.", opened.version)),
        }
    };
    let save_new = move |_| match write_draft(state, None, draft.get_untracked()) {
        Ok((saved, _)) => {
            let version = saved.version;
            at.set(Some(saved));
            stale.set(false);
            state.notify(format!("Saved your edits as new draft version {version}."));
        }
        Err(error) => state.notify_error(error),
    };
    move || {
        stale.get().then(|| {
            let version = at.get_untracked().map_or(0, |v| v.version);
            view! {
                <div class="contract-stale" role="alert" data-testid="contract-stale">
                    <p>{format!(
                        "Draft version {version} changed since you opened it (in another tab or by an undo). Your edits were not saved into it."
                    )}</p>
                    <button type="button" on:click=reload>{format!("Reload version {version}")}</button>
                    <button type="button" on:click=save_new>"Save my edits as a new draft"</button>
                </div>
            }
        })
    }
}
