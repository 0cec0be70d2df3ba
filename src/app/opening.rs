//! Listing the stored workspaces and opening one in this tab. Unreadable records are kept
//! and offered for download, never replaced.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::mark;
use super::open_record::{open_id, set_open, OpenRecord};
use super::persistence::{now_iso, set_confirmed_tables, set_stored_tables};
use super::state::{AppState, UnreadableRecord};
use super::storage_backend::{backend, collect_stashed_edits};
use microplan_workspace::store::catalog::load_catalog;
use microplan_workspace::store::choices::active_after_listing;
use microplan_workspace::store::lifecycle;
use microplan_workspace::store::lifecycle::{LifecycleError, Opened};
use microplan_workspace::store::records::StoreError;

/// Rebuilds the list from storage; records it cannot show are offered for download.
pub(super) async fn refresh_list(state: AppState) -> Result<(), StoreError> {
    collect_stashed_edits().await;
    let catalog = load_catalog(&backend(), &now_iso()).await?;
    let open_id = open_id();
    state.index.update(|index| {
        index.active = active_after_listing(&catalog.workspaces, open_id, catalog.last_active);
        index.workspaces = catalog.workspaces;
    });
    state.unreadable.update(|list| {
        for record in catalog.unreachable {
            if !list.iter().any(|known| known.key == record.key) {
                list.push(UnreadableRecord {
                    key: record.key,
                    label: record.label,
                    reason: record.reason,
                    raw: record.raw,
                });
            }
        }
    });
    Ok(())
}

/// Shows `opened` as the open workspace of this tab.
pub(super) fn show_opened(state: AppState, opened: Opened) {
    let Opened {
        workspace,
        meta,
        seen,
        split,
    } = opened;
    set_stored_tables(split.then(|| workspace.clone()));
    set_confirmed_tables(split.then(|| workspace.clone()));
    set_open(Some(OpenRecord {
        id: meta.id.clone(),
        base: seen,
        created_at: meta.created_at.clone(),
    }));
    let id = meta.id.clone();
    state.index.update(|index| {
        index.upsert(meta);
        index.active = Some(id.clone());
    });
    state.workspace.set(Some(workspace));
    spawn_local(async move {
        let _ = lifecycle::remember_active(&backend(), &id).await;
    });
}

pub(super) fn forget_open(state: AppState) {
    set_open(None);
    set_stored_tables(None);
    state.workspace.set(None);
}

/// Loads a stored workspace and makes it the open one. Unreadable data is kept and offered
/// for download, never replaced.
pub(super) async fn open_stored(state: AppState, id: &str) -> bool {
    let label = state
        .index
        .with_untracked(|index| index.find(id).map(|meta| meta.name.clone()))
        .unwrap_or_else(|| id.to_string());
    // The audit's code arrives while the records are read.
    spawn_local(async {
        let _ = super::audit_code::load().await;
    });
    match lifecycle::open_workspace(&backend(), id, &now_iso()).await {
        Ok(opened) => {
            mark("microplan: workspace read");
            super::audit_intervals::restore(state, id).await;
            show_opened(state, opened);
            mark("microplan: workspace shown");
            true
        }
        Err(LifecycleError::Unreadable { error, raw }) => {
            let key = microplan_workspace::store::records::workspace_key(id);
            state.unreadable.update(|list| {
                if !list.iter().any(|record| record.key == key) {
                    list.push(UnreadableRecord {
                        key,
                        label: label.clone(),
                        reason: error.to_string(),
                        raw,
                    });
                }
            });
            state.notify_error(format!("“{label}” could not be opened: {error}"));
            false
        }
        Err(error) => {
            state.notify_error(format!("“{label}” could not be opened: {error}"));
            let _ = refresh_list(state).await;
            false
        }
    }
}
