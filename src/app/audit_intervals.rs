//! Keeps the audit's bootstrap intervals in storage beside the open workspace (see
//! `microplan_audit::interval_memo` and `microplan_workspace::store::derived`), so opening it again does not draw
//! every creator's bootstrap: for 5,000 creators that is most of the audit's time.

use std::cell::Cell;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::open_record::open_id;
use super::state::AppState;
use super::storage_backend::backend;
use microplan_workspace::store::derived::{read_derived, write_derived, AUDIT_INTERVALS};

/// The pause after an audit before its intervals are stored, so a burst of edits (or the
/// first paint after opening) is not slowed by the write.
const STORE_DELAY: Duration = Duration::from_secs(2);

thread_local! {
    /// Per tab (each runs its own audits): bumped by every audit that drew intervals; only
    /// the latest one's timer stores.
    static AUDIT_GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// Before a stored workspace is shown: adds the intervals stored beside it to what the
/// audit reuses. Missing or outdated intervals only mean they are drawn again.
pub(super) async fn restore(state: AppState, id: &str) {
    if let Some(text) = read_derived(&backend(), id, AUDIT_INTERVALS).await {
        state.measured.update_value(|measured| {
            measured.remember_stored_intervals(&text);
        });
    }
}

/// After an audit that drew new intervals: stores them once the page has been quiet for a
/// moment, if the same workspace is still open. A failed write is ignored: it only costs the
/// next open some time.
pub(super) fn store_later(state: AppState) {
    let Some(id) = open_id() else { return };
    let generation = AUDIT_GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    set_timeout(
        move || {
            let latest = AUDIT_GENERATION.with(Cell::get) == generation;
            if !latest || open_id().as_deref() != Some(id.as_str()) {
                return;
            }
            let Some(text) = state
                .measured
                .try_with_value(|m| m.stored_intervals())
                .flatten()
            else {
                return;
            };
            spawn_local(async move {
                let _ = write_derived(&backend(), &id, AUDIT_INTERVALS, text).await;
            });
        },
        STORE_DELAY,
    );
}
