//! Records derived from a workspace that only save work on the next open (the audit's
//! bootstrap intervals). They live beside the workspace under their own keys, are never part
//! of its file, its revision or its meta, and losing one costs time, never data: every entry
//! is checked against its inputs before use. So they are written without a revision check,
//! read failures count as "not stored", and those of a workspace that is gone are removed
//! rather than listed for download.

use super::records::{Batch, CommitError, RecordStore, StoreError};
use super::KEY_PREFIX;

/// The audit's bootstrap intervals (see `microplan_audit::interval_memo`).
pub const AUDIT_INTERVALS: &str = "audit-intervals";

/// Every kind of derived record, so deleting a workspace deletes them all.
const DERIVED: [&str; 1] = [AUDIT_INTERVALS];

pub fn derived_prefix() -> String {
    format!("{KEY_PREFIX}/derived/")
}

pub fn derived_key(id: &str, name: &str) -> String {
    format!("{}{id}/{name}", derived_prefix())
}

/// Every derived key of a workspace, to delete with it.
pub fn derived_keys(id: &str) -> Vec<String> {
    DERIVED.iter().map(|name| derived_key(id, name)).collect()
}

/// The workspace id a derived key belongs to; `None` for other keys.
pub fn derived_owner(key: &str) -> Option<&str> {
    key.strip_prefix(&derived_prefix())?
        .rsplit_once('/')
        .map(|(id, _)| id)
}

/// A derived record's text, or `None` when it is absent or storage cannot read it.
pub async fn read_derived<S: RecordStore>(store: &S, id: &str, name: &str) -> Option<String> {
    store
        .get_many(&[derived_key(id, name)])
        .await
        .ok()?
        .into_iter()
        .next()
        .flatten()
}

/// Stores a derived record, replacing what was there.
pub async fn write_derived<S: RecordStore>(
    store: &S,
    id: &str,
    name: &str,
    text: String,
) -> Result<(), StoreError> {
    let batch = Batch {
        put: vec![(derived_key(id, name), text)],
        ..Batch::default()
    };
    store.commit(batch).await.map_err(|error| match error {
        CommitError::Storage(error) => error,
        CommitError::Conflict { .. } => StoreError::Other("unexpected conflict".into()),
    })
}
