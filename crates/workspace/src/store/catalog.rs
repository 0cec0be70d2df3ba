//! The list of workspaces, derived from the stored records themselves, so it cannot go
//! stale; whatever storage holds that the list cannot show is returned as unreachable, with
//! its raw text and the reason, for the user to download.

use std::collections::{BTreeMap, BTreeSet};

use super::derived::{derived_owner, derived_prefix};
use super::index::{WorkspaceIndex, WorkspaceMeta};
use super::lifecycle::{decode_meta, encode_meta, meta_for, read_record, LifecycleError};
use super::pending::{apply_pending_saves, pending_prefix};
use super::records::{
    active_key, legacy_index_key, meta_key, table_prefix, workspace_key, Batch, RecordStore,
    StoreError,
};
use super::KEY_PREFIX;

pub use super::records::Unreachable;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Catalog {
    /// Oldest first.
    pub workspaces: Vec<WorkspaceMeta>,
    pub unreachable: Vec<Unreachable>,
    /// The workspace to open first, if it is listed.
    pub last_active: Option<String>,
}

/// Reads every record under our prefix and derives the list from them. Workspaces stored
/// before revisions existed get their meta record written (the workspace record is left as
/// it is); meta records whose workspace is gone are removed.
pub async fn load_catalog<S: RecordStore>(store: &S, now: &str) -> Result<Catalog, StoreError> {
    let prefix = format!("{KEY_PREFIX}/");
    let keys: BTreeSet<String> = store
        .keys()
        .await?
        .into_iter()
        .filter(|key| key.starts_with(&prefix))
        .collect();
    let workspace_prefix = workspace_key("");
    let meta_prefix = meta_key("");
    let workspace_ids: BTreeSet<&str> = keys
        .iter()
        .filter_map(|key| key.strip_prefix(&workspace_prefix))
        .collect();
    let meta_ids: BTreeSet<&str> = keys
        .iter()
        .filter_map(|key| key.strip_prefix(&meta_prefix))
        .collect();
    let pending_prefix = pending_prefix();
    let pending_keys: Vec<String> = keys
        .iter()
        .filter(|key| key.starts_with(&pending_prefix))
        .cloned()
        .collect();
    let table_prefix = table_prefix();
    // Tables whose workspace record is gone: listed below, never dropped unseen.
    let orphan_tables: Vec<String> = keys
        .iter()
        .filter(|key| {
            key.strip_prefix(&table_prefix)
                .and_then(|rest| rest.rsplit_once('/'))
                .is_some_and(|(id, _)| !workspace_ids.contains(id))
        })
        .cloned()
        .collect();
    // Derived records hold no user data (see `derived`): those of a workspace that is gone
    // are removed below, not listed.
    let derived_prefix = derived_prefix();
    let orphan_derived: Vec<String> = keys
        .iter()
        .filter(|key| derived_owner(key).is_some_and(|id| !workspace_ids.contains(id)))
        .cloned()
        .collect();
    let other_keys: Vec<String> = keys
        .iter()
        .filter(|key| {
            !key.starts_with(&workspace_prefix)
                && !key.starts_with(&meta_prefix)
                && !key.starts_with(&pending_prefix)
                && !key.starts_with(&table_prefix)
                && !key.starts_with(&derived_prefix)
        })
        .cloned()
        .collect();

    // Edits of closed tabs first, so the metas read below include them.
    let mut catalog = Catalog {
        unreachable: apply_pending_saves(store, &pending_keys, now).await?,
        ..Catalog::default()
    };
    let small: Vec<String> = meta_ids
        .iter()
        .map(|id| meta_key(id))
        .chain(other_keys.iter().cloned())
        .chain(orphan_tables.iter().cloned())
        .collect();
    let small_values: BTreeMap<String, String> = small
        .iter()
        .cloned()
        .zip(store.get_many(&small).await?)
        .filter_map(|(key, value)| value.map(|value| (key, value)))
        .collect();

    let legacy = read_legacy_index(&small_values, &mut catalog);
    for key in &other_keys {
        if *key != legacy_index_key() && *key != active_key() {
            let raw = small_values.get(key).cloned().unwrap_or_default();
            catalog.unreachable.push(Unreachable {
                key: key.clone(),
                label: key.clone(),
                reason: "this record is of a kind this version of Microplan does not know".into(),
                raw,
            });
        }
    }

    for key in &orphan_tables {
        let raw = small_values.get(key).cloned().unwrap_or_default();
        catalog.unreachable.push(Unreachable {
            key: key.clone(),
            label: format!("Table {}", key.strip_prefix(&table_prefix).unwrap_or(key)),
            reason: "this table belongs to a workspace whose main record is missing, so no \
                     workspace can show it"
                .into(),
            raw,
        });
    }

    // Workspaces whose meta is missing or damaged are read in full to rebuild it.
    let mut needs_record = Vec::new();
    for id in &workspace_ids {
        let meta_text = small_values.get(&meta_key(id));
        match meta_text.and_then(|text| decode_meta(id, text)) {
            Some(meta) => catalog.workspaces.push(meta),
            None => needs_record.push((*id, meta_text.cloned())),
        }
    }
    for (id, found) in needs_record {
        let Some(record) = read_record(store, id).await?.0 else {
            continue;
        };
        let earlier = legacy.as_ref().and_then(|index| index.find(id));
        match record {
            Ok((workspace, _)) => {
                let created_at = earlier.map_or(now, |meta| meta.created_at.as_str());
                let meta = meta_for(id, &workspace, created_at, now, 1);
                let batch = Batch {
                    expect: vec![(meta_key(id), found)],
                    put: vec![(meta_key(id), encode_meta(&meta))],
                    delete: Vec::new(),
                };
                // Listed either way: if another tab wrote the meta first, or storage refuses
                // the write, the record is still readable.
                let _ = store.commit(batch).await;
                catalog.workspaces.push(meta);
            }
            Err(error) => {
                let raw = match &error {
                    LifecycleError::Unreadable { raw, .. } => raw.clone(),
                    _ => String::new(),
                };
                catalog.unreachable.push(Unreachable {
                    key: workspace_key(id),
                    label: earlier
                        .map_or_else(|| format!("Workspace {id}"), |meta| meta.name.clone()),
                    reason: error.to_string(),
                    raw,
                })
            }
        }
    }

    for id in meta_ids.difference(&workspace_ids) {
        let found = small_values.get(&meta_key(id)).cloned();
        let batch = Batch {
            expect: vec![(meta_key(id), found)],
            delete: vec![meta_key(id)],
            ..Batch::default()
        };
        let _ = store.commit(batch).await;
    }

    if !orphan_derived.is_empty() {
        let batch = Batch {
            delete: orphan_derived,
            ..Batch::default()
        };
        let _ = store.commit(batch).await;
    }

    catalog
        .workspaces
        .sort_by(|a, b| (&a.created_at, &a.id).cmp(&(&b.created_at, &b.id)));
    let remembered = small_values
        .get(&active_key())
        .and_then(|text| serde_json::from_str::<String>(text).ok())
        .or_else(|| legacy.and_then(|index| index.active));
    catalog.last_active =
        remembered.filter(|id| catalog.workspaces.iter().any(|meta| meta.id == *id));
    Ok(catalog)
}

/// The list earlier versions kept: its names and creation times fill in the metas of the
/// workspaces it lists. Damaged, it is reported; nothing depends on it.
fn read_legacy_index(
    values: &BTreeMap<String, String>,
    catalog: &mut Catalog,
) -> Option<WorkspaceIndex> {
    let raw = values.get(&legacy_index_key())?;
    match WorkspaceIndex::decode(raw) {
        Ok(index) => Some(index),
        Err(reason) => {
            catalog.unreachable.push(Unreachable {
                key: legacy_index_key(),
                label: "Workspace list".into(),
                reason: format!(
                    "the list of workspaces is damaged ({reason}); the list shown is rebuilt from \
                     the workspaces themselves"
                ),
                raw: raw.clone(),
            });
            None
        }
    }
}
