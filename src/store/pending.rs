//! Edits written by a page that is closing. A closing page only gets write-only transactions
//! through (reads first would need callbacks it no longer runs), so it cannot check
//! revisions; instead it stores its edits beside the workspace, with the meta it last saw.
//! The next listing applies them with the usual check, or, when the workspace was saved
//! elsewhere since, offers them for download; they never overwrite anything blindly.

use serde::{Deserialize, Serialize};

use super::catalog::Unreachable;
use super::envelope::{decode_workspace, encode_workspace};
use super::lifecycle::{check_tables_before_save, save_batch, LifecycleError, SeenMeta};
use super::tables::{changed_tables, TABLES};
use super::records::{meta_key, Batch, RecordStore, StoreError};
use super::KEY_PREFIX;
use crate::domain::workspace::Workspace;

pub fn pending_prefix() -> String {
    format!("{KEY_PREFIX}/pending/")
}

/// One per workspace and tab, so tabs never replace each other's.
pub fn pending_key(id: &str, tab: &str) -> String {
    format!("{KEY_PREFIX}/pending/{id}/{tab}")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct PendingSave {
    id: String,
    name: String,
    /// Meta texts the edits were made over: the last confirmed save and, if one was under
    /// way, the save that may or may not have landed.
    bases: Vec<Option<String>>,
    created_at: String,
    /// The workspace envelope, as a workspace file holds it.
    record: String,
}

/// The write-only transaction a closing page starts.
pub fn leave_batch(
    id: &str,
    tab: &str,
    workspace: &Workspace,
    bases: &[SeenMeta],
    stored: Option<&Workspace>,
    created_at: &str,
    now: &str,
) -> Result<Batch, LifecycleError> {
    // A closing page has little time: only tables changed since `stored` need the check.
    let changed = stored.map_or_else(|| TABLES.to_vec(), |stored| changed_tables(workspace, stored));
    check_tables_before_save(workspace, &changed).map_err(LifecycleError::Invalid)?;
    let pending = PendingSave {
        id: id.to_string(),
        name: workspace.name.clone(),
        bases: bases.iter().map(|seen| seen.0.clone()).collect(),
        created_at: created_at.to_string(),
        record: encode_workspace(workspace, now),
    };
    let text = serde_json::to_string(&pending).unwrap_or_default();
    Ok(Batch {
        put: vec![(pending_key(id, tab), text)],
        ..Batch::default()
    })
}

/// Applies every stored pending save that still fits; the rest are returned for download.
pub async fn apply_pending_saves<S: RecordStore>(
    store: &S,
    keys: &[String],
    now: &str,
) -> Result<Vec<Unreachable>, StoreError> {
    let mut unreachable = Vec::new();
    let texts = store.get_many(keys).await?;
    for (key, text) in keys.iter().zip(texts) {
        let Some(text) = text else { continue };
        match apply_one(store, key, &text, now).await? {
            Ok(()) => {}
            Err((label, reason, raw)) => unreachable.push(Unreachable {
                key: key.clone(),
                label,
                reason,
                raw,
            }),
        }
    }
    Ok(unreachable)
}

type NotApplied = (String, String, String);

async fn apply_one<S: RecordStore>(
    store: &S,
    key: &str,
    text: &str,
    now: &str,
) -> Result<Result<(), NotApplied>, StoreError> {
    let Ok(pending) = serde_json::from_str::<PendingSave>(text) else {
        let reason = "a closing tab's unsaved changes are damaged".to_string();
        return Ok(Err(("Unsaved changes".into(), reason, text.to_string())));
    };
    let label = format!("Unsaved changes to {}", pending.name);
    let workspace = match decode_workspace(&pending.record) {
        Ok(workspace) => workspace,
        Err(error) => return Ok(Err((label, error.to_string(), pending.record))),
    };
    let current = store
        .get_many(&[meta_key(&pending.id)])
        .await?
        .into_iter()
        .next()
        .flatten();
    let stale = (
        label.clone(),
        "a tab closed before these changes were saved, and the workspace has been saved or \
         deleted elsewhere since; download them and import the file to compare"
            .to_string(),
        pending.record.clone(),
    );
    if !pending.bases.contains(&current) {
        return Ok(Err(stale));
    }
    let base = SeenMeta(current);
    let Ok(mut prepared) = save_batch(&pending.id, &workspace, &base, None, &pending.created_at, now)
    else {
        return Ok(Err(stale));
    };
    prepared.batch.delete.push(key.to_string());
    match store.commit(prepared.batch).await {
        Ok(()) => Ok(Ok(())),
        Err(super::records::CommitError::Conflict { .. }) => Ok(Err(stale)),
        Err(super::records::CommitError::Storage(error)) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::catalog::load_catalog;
    use crate::store::lifecycle::{create_workspace, open_workspace, save_workspace};
    use crate::store::records::{run_ready, MemoryStore, StoredRevision};

    const T0: &str = "2026-12-01T10:00:00.000Z";
    const T1: &str = "2026-12-01T10:05:00.000Z";

    fn closing_tab_leaves(store: &MemoryStore, name: &str, bases: &[SeenMeta]) {
        let mut opened = run_ready(open_workspace(store, "w1", T0)).expect("opens");
        opened.workspace.name = name.into();
        let batch = leave_batch("w1", "tab-a", &opened.workspace, bases, None, T0, T1).expect("valid");
        run_ready(store.commit(batch)).expect("written");
    }

    fn listed(store: &MemoryStore) -> (Vec<String>, Vec<Unreachable>) {
        let catalog = run_ready(load_catalog(store, T1)).expect("catalog");
        (
            catalog
                .workspaces
                .into_iter()
                .map(|meta| meta.name)
                .collect(),
            catalog.unreachable,
        )
    }

    #[test]
    fn a_closing_tabs_edit_is_saved_at_the_next_listing() {
        let store = MemoryStore::default();
        let (_, seen) = run_ready(create_workspace(
            &store,
            "w1",
            &Workspace::empty("Spring"),
            T0,
        ))
        .expect("created");
        closing_tab_leaves(&store, "Spring renamed", &[seen]);
        let (names, unreachable) = listed(&store);
        assert_eq!(names, vec!["Spring renamed"]);
        assert!(unreachable.is_empty());
        assert_eq!(store.get_now(&pending_key("w1", "tab-a")), None);
        let revision = run_ready(open_workspace(&store, "w1", T1))
            .expect("opens")
            .seen
            .revision();
        assert_eq!(revision, StoredRevision::At(2));
    }

    #[test]
    fn a_save_under_way_when_the_tab_closed_counts_as_a_base() {
        let store = MemoryStore::default();
        let (_, first) = run_ready(create_workspace(
            &store,
            "w1",
            &Workspace::empty("Spring"),
            T0,
        ))
        .expect("created");
        let opened = run_ready(open_workspace(&store, "w1", T0)).expect("opens");
        let (_, landed) = run_ready(save_workspace(
            &store,
            "w1",
            &opened.workspace,
            &first,
            T0,
            T0,
        ))
        .expect("saved");
        closing_tab_leaves(&store, "Spring renamed", &[first, landed]);
        assert_eq!(listed(&store).0, vec!["Spring renamed"]);
    }

    #[test]
    fn a_closing_tabs_edit_over_a_newer_save_is_offered_not_applied() {
        let store = MemoryStore::default();
        let (_, seen) = run_ready(create_workspace(
            &store,
            "w1",
            &Workspace::empty("Spring"),
            T0,
        ))
        .expect("created");
        let other = Workspace::empty("Saved by another tab");
        run_ready(save_workspace(&store, "w1", &other, &seen, T0, T1)).expect("saved");
        closing_tab_leaves(&store, "Edit from the closed tab", &[seen]);
        let (names, unreachable) = listed(&store);
        assert_eq!(names, vec!["Saved by another tab"]);
        assert_eq!(unreachable.len(), 1);
        assert_eq!(
            unreachable[0].label,
            "Unsaved changes to Edit from the closed tab"
        );
        let offered = decode_workspace(&unreachable[0].raw).expect("an importable workspace file");
        assert_eq!(offered.name, "Edit from the closed tab");
    }
}
