//! Edits written by a page that is closing. A closing page only gets write-only transactions
//! through (reads first would need callbacks it no longer runs), so it cannot check
//! revisions; instead it stores its edits beside the workspace, with the meta it last saw.
//! The next listing applies them with the usual check, or, when the workspace was saved
//! elsewhere since, offers them for download; they never overwrite anything blindly.
//!
//! When the page knows what storage holds, only the tables changed since are written: a
//! closing page has little time, and the small synchronous stash it prefers (see
//! `ui::page_leave`) holds a few megabytes, far less than a large workspace.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::envelope::{decode_workspace, encode_workspace};
use super::error::RecordError;
use super::lifecycle::{
    check_tables_before_save, read_record, save_batch, LifecycleError, SeenMeta,
};
use super::records::Unreachable;
use super::records::{meta_key, Batch, RecordStore, StoreError};
use super::tables::{changed_tables, decode_table, encode_table, TABLES};
use super::KEY_PREFIX;
use crate::Workspace;

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
    /// The whole workspace envelope, as a workspace file holds it: when the page did not
    /// know what storage held (and in every pending save of earlier versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    record: Option<String>,
    /// Otherwise the tables that differ from every base, by name, to lay over the stored
    /// workspace (whichever base it is at, the result is what the page showed).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    tables: BTreeMap<String, String>,
}

/// The write-only transaction a closing page starts. `stored` holds the workspace as each
/// base stored it, when the page knows them all; then only tables that differ from one of
/// them are written, otherwise the whole workspace.
pub fn leave_batch(
    id: &str,
    tab: &str,
    workspace: &Workspace,
    bases: &[SeenMeta],
    stored: Option<&[Workspace]>,
    created_at: &str,
    now: &str,
) -> Result<Batch, LifecycleError> {
    let known = stored.filter(|stored| !stored.is_empty());
    let changed: Vec<&'static str> = match known {
        Some(stored) => TABLES
            .iter()
            .copied()
            .filter(|table| {
                stored
                    .iter()
                    .any(|base| changed_tables(workspace, base).contains(table))
            })
            .collect(),
        None => TABLES.to_vec(),
    };
    // A closing page has little time: only the changed tables need the check.
    check_tables_before_save(workspace, &changed)
        .map_err(|error| LifecycleError::Invalid(error.into()))?;
    let (record, tables) = match known {
        Some(_) => {
            let tables = changed
                .iter()
                .filter_map(|table| Some((table.to_string(), encode_table(workspace, table)?)))
                .collect();
            (None, tables)
        }
        None => (Some(encode_workspace(workspace, now)), BTreeMap::new()),
    };
    let pending = PendingSave {
        id: id.to_string(),
        name: workspace.name.clone(),
        bases: bases.iter().map(|seen| seen.0.clone()).collect(),
        created_at: created_at.to_string(),
        record,
        tables,
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

/// The workspace the closed page showed: its whole record, or its changed tables laid over
/// `stored` (an empty workspace when storage has none). `Err` says why it cannot be read.
fn edited_workspace(
    pending: &PendingSave,
    stored: Option<&Workspace>,
) -> Result<Workspace, RecordError> {
    if let Some(record) = &pending.record {
        return decode_workspace(record).map_err(RecordError::Unreadable);
    }
    let mut workspace = stored
        .cloned()
        .unwrap_or_else(|| Workspace::empty(&pending.name));
    workspace.name = pending.name.clone();
    for (table, text) in &pending.tables {
        match decode_table(&mut workspace, table, text) {
            Some(Ok(())) => {}
            Some(Err(error)) => {
                let (table, reason) = (table.clone(), error.to_string());
                return Err(RecordError::DamagedTable { table, reason });
            }
            None => {
                return Err(RecordError::UnknownTable {
                    table: table.clone(),
                })
            }
        }
    }
    Ok(workspace)
}

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
    let stored = match pending.record {
        Some(_) => None,
        None => match read_record(store, &pending.id).await?.0 {
            Some(Ok((workspace, _))) => Some(workspace),
            _ => None,
        },
    };
    let workspace = match edited_workspace(&pending, stored.as_ref()) {
        Ok(workspace) => workspace,
        Err(reason) => return Ok(Err((label, reason.into(), text.to_string()))),
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
        encode_workspace(&workspace, now),
    );
    if !pending.bases.contains(&current) || (pending.record.is_none() && stored.is_none()) {
        return Ok(Err(stale));
    }
    let base = SeenMeta(current);
    let Ok(mut prepared) = save_batch(
        &pending.id,
        &workspace,
        &base,
        stored.as_ref(),
        &pending.created_at,
        now,
    ) else {
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
        let batch =
            leave_batch("w1", "tab-a", &opened.workspace, bases, None, T0, T1).expect("valid");
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

    fn community(name: &str) -> microplan_model::rows::Community {
        microplan_model::rows::Community {
            name: name.into(),
            description: String::new(),
            hashtags: vec![],
            where_online: None,
        }
    }

    /// A stored workspace with one community, and a tab that then saved a second one
    /// (`landed` says whether that save reached storage) and closed after renaming the
    /// workspace and changing the audit settings.
    fn closing_during_a_save(landed: bool) -> (MemoryStore, String) {
        let store = MemoryStore::default();
        let mut start = Workspace::empty("Spring");
        start.communities.push(community("Sourdough bakers"));
        let (_, confirmed) =
            run_ready(create_workspace(&store, "w1", &start, T0)).expect("created");
        let stored = run_ready(open_workspace(&store, "w1", T0))
            .expect("opens")
            .workspace;
        let mut in_flight = stored.clone();
        in_flight.communities.push(community("Trail runners"));
        let prepared =
            save_batch("w1", &in_flight, &confirmed, Some(&stored), T0, T1).expect("valid");
        if landed {
            run_ready(store.commit(prepared.batch)).expect("saved");
        }
        let mut shown = in_flight.clone();
        shown.name = "Spring 2027".into();
        shown.audit_settings = Some(microplan_audit::AuditSettings::default()).into();
        let batch = leave_batch(
            "w1",
            "tab-a",
            &shown,
            &[confirmed, prepared.seen],
            Some(&[stored, in_flight]),
            T0,
            T1,
        )
        .expect("valid");
        let text = batch.put[0].1.clone();
        run_ready(store.commit(batch)).expect("written");
        (store, text)
    }

    #[test]
    fn a_closing_tab_writes_only_changed_tables_and_they_apply_over_either_base() {
        for landed in [false, true] {
            let (store, text) = closing_during_a_save(landed);
            let pending: PendingSave = serde_json::from_str(&text).expect("pending");
            assert_eq!(pending.record, None, "no whole workspace");
            // The communities differ from the confirmed save, the settings from both.
            assert_eq!(
                pending.tables.keys().collect::<Vec<_>>(),
                vec!["audit_settings", "communities"]
            );
            let (names, unreachable) = listed(&store);
            assert_eq!(names, vec!["Spring 2027"], "landed: {landed}");
            assert!(unreachable.is_empty());
            let reopened = run_ready(open_workspace(&store, "w1", T1))
                .expect("opens")
                .workspace;
            let communities: Vec<&str> = reopened
                .communities
                .iter()
                .map(|c| c.name.as_str())
                .collect();
            assert_eq!(communities, vec!["Sourdough bakers", "Trail runners"]);
            assert!(reopened.audit_settings.is_some());
        }
    }

    #[test]
    fn a_pending_save_of_an_earlier_version_still_applies() {
        let store = MemoryStore::default();
        let (_, seen) = run_ready(create_workspace(
            &store,
            "w1",
            &Workspace::empty("Spring"),
            T0,
        ))
        .expect("created");
        let mut edited = Workspace::empty("Spring");
        edited.communities.push(community("Sourdough bakers"));
        let earlier = serde_json::json!({
            "id": "w1",
            "name": "Spring",
            "bases": [seen.0],
            "created_at": T0,
            "record": encode_workspace(&edited, T1),
        });
        store.put_now(&pending_key("w1", "tab-old"), &earlier.to_string());
        assert!(listed(&store).1.is_empty());
        let reopened = run_ready(open_workspace(&store, "w1", T1))
            .expect("opens")
            .workspace;
        assert_eq!(reopened.communities.len(), 1);
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
