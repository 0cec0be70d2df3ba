//! Several tabs of the app on one browser: news of what another tab stored, and the user's
//! choice when it touched the workspace this tab is editing.

use std::time::Duration;

use leptos::prelude::*;

use super::open_record::{open_id, open_seen};
use super::opening::{forget_open, open_stored, refresh_list};
use super::persistence::{
    has_unsaved_edits, mark_pending, now_iso, pause, save_now, set_open_base, writes_in_flight,
};
use super::state::{AppState, EditConflict, SaveStatus};
use super::storage_backend::backend;
use microplan_workspace::store::choices::{judge_other_tab_write, OtherTabWrite};
use microplan_workspace::store::lifecycle;

/// Another tab stored something: refresh the list, and bring the open workspace up to date
/// unless this tab has edits of its own, in which case the user chooses.
pub(super) async fn other_tab_stored(state: AppState) {
    if state.save_status.get_untracked() == SaveStatus::Starting {
        return;
    }
    if refresh_list(state).await.is_err() {
        return;
    }
    // A write of ours under way may be what storage holds next: judge after it lands.
    while writes_in_flight() > 0 {
        pause(Duration::from_millis(20)).await;
    }
    let (Some(id), Some(ours)) = (open_id(), open_seen()) else {
        return;
    };
    let Ok(stored) = lifecycle::stored_meta(&backend(), &id).await else {
        return;
    };
    let name = state
        .workspace
        .with_untracked(|w| w.as_ref().map(|w| w.name.clone()))
        .unwrap_or_default();
    // With no write of ours under way, any other meta text is another tab's write.
    let choosing = state.conflict.with_untracked(Option::is_some);
    match judge_other_tab_write(&stored, &ours, choosing, has_unsaved_edits(state)) {
        OtherTabWrite::NothingNew => {}
        OtherTabWrite::Conflict { deleted } => {
            state.conflict.set(Some(EditConflict { name, deleted }));
            state.save_status.set(SaveStatus::Failed(
                "another tab changed this workspace while this tab had changes not yet saved; \
                 choose which version to keep"
                    .into(),
            ));
        }
        OtherTabWrite::Deleted => {
            forget_open(state);
            state.notify_error(format!("“{name}” was deleted in another tab."));
            let _ = refresh_list(state).await;
            if let Some(next) = state.index.with_untracked(|index| index.active.clone()) {
                open_stored(state, &next).await;
            }
        }
        OtherTabWrite::Changed => {
            if open_stored(state, &id).await {
                state.notify(format!(
                    "“{name}” was changed in another tab; this tab now shows that version."
                ));
            }
        }
    }
}

/// Resolves a conflict by writing this tab's version as the newest revision.
pub async fn keep_mine(state: AppState) {
    let Some(id) = open_id() else { return };
    match lifecycle::stored_meta(&backend(), &id).await {
        Ok(stored) => {
            set_open_base(stored);
            state.conflict.set(None);
            mark_pending(true);
            save_now(state).await;
            if state.conflict.with_untracked(Option::is_none) {
                let _ = refresh_list(state).await;
            }
        }
        Err(error) => state.notify_error(format!("Not saved: {error}")),
    }
}

/// Resolves a conflict by dropping this tab's edits and showing the stored version.
pub async fn take_theirs(state: AppState) {
    let Some(id) = open_id() else { return };
    mark_pending(false);
    state.conflict.set(None);
    state.save_status.set(SaveStatus::Saved(now_iso()));
    let _ = refresh_list(state).await;
    if state
        .index
        .with_untracked(|index| index.find(&id).is_some())
    {
        open_stored(state, &id).await;
    } else {
        forget_open(state);
        if let Some(next) = state.index.with_untracked(|index| index.active.clone()) {
            open_stored(state, &next).await;
        }
    }
}
