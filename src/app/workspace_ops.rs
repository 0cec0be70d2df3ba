//! What the workspace list does: create, switch, rename, duplicate, delete, and remove an
//! unreadable record. Each writes only its own workspace's records and tells other tabs.

use leptos::prelude::*;

use super::open_record::{open_id, open_revision};
use super::opening::{forget_open, open_stored, refresh_list, show_opened};
use super::page_events::announce_to_other_tabs;
use super::persistence::{flush, mark_pending, now_iso, update_workspace};
use super::state::AppState;
use super::storage_backend::backend;
use microplan_workspace::store::choices::{copy_name, revision_to_delete, typed_name};
use microplan_workspace::store::index::new_workspace_id;
use microplan_workspace::store::lifecycle;
use microplan_workspace::store::lifecycle::{LifecycleError, Opened};
use microplan_workspace::store::records::workspace_key;
use microplan_workspace::Workspace;

fn new_id() -> String {
    new_workspace_id(js_sys::Date::now(), js_sys::Math::random())
}

/// Stores `workspace` under a new id and opens it.
pub async fn add_and_open(state: AppState, mut workspace: Workspace) {
    let id = new_id();
    let now = now_iso();
    let _ = refresh_list(state).await;
    workspace.name = state
        .index
        .with_untracked(|index| index.unique_name(&workspace.name));
    match lifecycle::create_workspace(&backend(), &id, &workspace, &now).await {
        Ok((meta, seen)) => {
            let name = workspace.name.clone();
            show_opened(
                state,
                Opened {
                    workspace,
                    meta,
                    seen,
                    split: true,
                },
            );
            announce_to_other_tabs(&id);
            state.notify(format!("Opened “{name}”."));
        }
        Err(error) => state.notify_error(format!("The workspace was not created: {error}")),
    }
}

/// Switches to another stored workspace after writing any pending change.
pub async fn switch_to(state: AppState, id: String) {
    if open_id().as_deref() == Some(id.as_str()) {
        return;
    }
    flush(state).await;
    if state.conflict.with_untracked(Option::is_some) {
        state.notify_error("Choose which version of the open workspace to keep before switching.");
        return;
    }
    open_stored(state, &id).await;
}

/// Renames any workspace. The open one is renamed like any edit; a closed one is read fresh
/// and written back with only its name changed.
pub async fn rename(state: AppState, id: String, new_name: String) {
    let Some(name) = typed_name(&new_name) else {
        state.notify_error("A workspace needs a name.");
        return;
    };
    if open_id().as_deref() == Some(id.as_str()) {
        update_workspace(state, |workspace| workspace.name = name);
        return;
    }
    match lifecycle::rename_workspace(&backend(), &id, &name, &now_iso()).await {
        Ok(opened) => {
            state.index.update(|index| index.upsert(opened.meta));
            announce_to_other_tabs(&id);
        }
        Err(error) => state.notify_error(format!("Rename failed: {error}")),
    }
}

/// Copies a workspace (the open one with its edits written first) and opens the copy.
pub async fn duplicate(state: AppState, id: String) {
    flush(state).await;
    let _ = refresh_list(state).await;
    let name = state.index.with_untracked(|index| copy_name(index, &id));
    let new_id = new_id();
    match lifecycle::duplicate_workspace(&backend(), &id, &new_id, &name, &now_iso()).await {
        Ok(opened) => {
            show_opened(state, opened);
            announce_to_other_tabs(&new_id);
            state.notify(format!("Opened “{name}”."));
        }
        Err(error) => state.notify_error(format!("Duplicate failed: {error}")),
    }
}

/// Deletes a workspace for good; the caller has asked the user to confirm. Refused when
/// another tab saved it after this tab last saw it.
pub async fn delete(state: AppState, id: String) {
    let is_open = open_id().as_deref() == Some(id.as_str());
    let name = state
        .index
        .with_untracked(|index| index.find(&id).map(|meta| meta.name.clone()))
        .unwrap_or_default();
    let open = open_id().zip(open_revision());
    let expected = state.index.with_untracked(|index| {
        revision_to_delete(
            index,
            &id,
            open.as_ref().map(|(id, seen)| (id.as_str(), *seen)),
        )
    });
    match lifecycle::delete_workspace(&backend(), &id, expected).await {
        Ok(()) => {}
        Err(LifecycleError::Conflict { .. }) => {
            state.notify_error(format!(
                "“{name}” was not deleted: another tab changed it since this list was shown. \
                 The list is now up to date; delete it again if you still want to."
            ));
            let _ = refresh_list(state).await;
            return;
        }
        Err(error) => {
            state.notify_error(format!("Not deleted: {error}"));
            return;
        }
    }
    announce_to_other_tabs(&id);
    state
        .unreadable
        .update(|list| list.retain(|record| record.key != workspace_key(&id)));
    if is_open {
        mark_pending(false);
        state.conflict.set(None);
        forget_open(state);
    }
    let _ = refresh_list(state).await;
    if is_open {
        if let Some(next) = state.index.with_untracked(|index| index.active.clone()) {
            open_stored(state, &next).await;
        }
    }
    state.notify(format!("Deleted “{name}”."));
}

/// Removes an unreadable record after the user has downloaded or given it up.
pub async fn discard_unreadable(state: AppState, key: String) {
    if let Err(error) = lifecycle::discard_record(&backend(), &key).await {
        state.notify_error(format!("Not removed: {error}"));
        return;
    }
    if let Some(id) = key.strip_prefix(&workspace_key("")) {
        if open_id().as_deref() == Some(id) {
            forget_open(state);
        }
    }
    announce_to_other_tabs(&key);
    // The list is refreshed before the banner goes, so the page never shows the removed
    // workspace without its banner.
    let _ = refresh_list(state).await;
    state
        .unreadable
        .update(|list| list.retain(|record| record.key != key));
}
