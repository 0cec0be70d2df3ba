//! Leaving the page: a pending save is started on `beforeunload`; on `pagehide`, when the
//! page's own callbacks may never run again, the unsaved edits are stashed where the next
//! start (of this or another tab) finds them and stores them with the revision check.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::open_record::{open_record, tab_token, OpenRecord};
use super::page_events::{announce_to_other_tabs, stash};
use super::persistence::{
    in_flight_meta, mark_pending, now_iso, save_now, stored_at_bases, write_pending,
    writes_in_flight,
};
use super::state::AppState;
use super::storage_backend::backend;
use microplan_workspace::store::pending::leave_batch;
use microplan_workspace::store::records::{Batch, RecordStore};

/// Leaving may still be cancelled, and the page keeps running until the next one loads:
/// time enough to start the pending save the usual way.
pub fn save_before_unload(state: AppState) {
    spawn_local(save_now(state));
}

/// The page is unloading: its callbacks may never run again, so a write that reads first
/// would not get through. The edits are written, write-only, beside the workspace with the
/// meta they were made over; the next listing (here or in another tab) applies them with
/// the usual check, or offers them for download. Edits held back by a conflict go the same
/// way, so closing the tab loses nothing.
pub(super) fn flush_on_leave(state: AppState) {
    let unsaved =
        write_pending() || writes_in_flight() > 0 || state.conflict.with_untracked(Option::is_some);
    let Some(OpenRecord {
        id,
        base,
        created_at,
    }) = open_record().filter(|_| unsaved)
    else {
        return;
    };
    let mut bases = vec![base];
    if writes_in_flight() > 0 {
        bases.push(in_flight_meta());
    }
    let now = now_iso();
    let batch = state.workspace.with_untracked(|workspace| {
        workspace.as_ref().map(|workspace| {
            let stored = stored_at_bases();
            leave_batch(
                &id,
                &tab_token(),
                workspace,
                &bases,
                stored.as_deref(),
                &created_at,
                &now,
            )
        })
    });
    let Some(Ok(batch)) = batch else { return };
    // Nothing is left for a later autosave of this page to write.
    mark_pending(false);
    // The stash is synchronous and survives the page; edits too large for it (a whole large
    // workspace, when what storage holds is unknown) get an IndexedDB write, which the
    // browser may or may not finish.
    let too_large: Vec<_> = batch
        .put
        .into_iter()
        .filter(|(key, text)| !stash(key, text))
        .collect();
    if !too_large.is_empty() {
        let commit = backend().commit(Batch {
            put: too_large,
            ..Batch::default()
        });
        spawn_local(async move {
            let _ = commit.await;
        });
    }
    announce_to_other_tabs(&id);
}
