//! The workspace lifecycle as plain functions over a `RecordStore`: open, save, create,
//! rename, duplicate and delete. Each write touches only its own workspace's records, in one
//! transaction that first checks the revision the caller last saw, so a tab holding stale
//! data never overwrites newer work; the caller is told instead.

use super::derived::derived_keys;
use super::envelope::LoadError;
use super::error::RecordError;
use super::index::WorkspaceMeta;
use super::prepared::{prepared_text, PreparedTable};
use super::records::{
    active_key, meta_key, workspace_key, Batch, CommitError, RecordStore, StoreError,
    StoredRevision, MAX_SAFE_INTEGER,
};
use super::tables::{
    changed_tables, read_stored_in_slices, split_records_prepared, table_keys, tables_read,
    workspace_record_keys, Unreadable, TABLES,
};
use super::validate::FileError;
use crate::validate::validate_tables;
use crate::Workspace;

/// Every write of a workspace passes here first with the tables it writes, autosave
/// included, so stored data meets the same rules as an imported workspace file: a value that
/// could make a page fail on every reload is never stored, and the user is told which one
/// (the edit stays on screen). Tables a write leaves alone were checked when they were written.
pub fn check_tables_before_save(workspace: &Workspace, tables: &[&str]) -> Result<(), RecordError> {
    validate_tables(workspace, tables)
        .map_err(|problems| RecordError::SaveRefused(FileError::OutOfRange(problems)))
}

#[derive(Debug, Clone, PartialEq)]
pub enum LifecycleError {
    /// No record is stored under this id.
    Missing,
    /// The record is stored but cannot be read; it stays as it is.
    Unreadable {
        error: LoadError,
        raw: String,
    },
    /// `check_before_save` refused the workspace.
    Invalid(String),
    /// Another tab saved or deleted this workspace since the caller read it.
    Conflict {
        found: StoredRevision,
    },
    Storage(StoreError),
}

impl std::fmt::Display for LifecycleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LifecycleError::Missing => write!(f, "the workspace has no stored data"),
            LifecycleError::Unreadable { error, .. } => write!(f, "{error}"),
            LifecycleError::Invalid(reason) => write!(f, "the workspace was not saved: {reason}"),
            LifecycleError::Conflict {
                found: StoredRevision::Absent,
            } => {
                write!(f, "another tab deleted this workspace")
            }
            LifecycleError::Conflict { .. } => {
                write!(f, "another tab saved a newer version of this workspace")
            }
            LifecycleError::Storage(error) => write!(f, "{error}"),
        }
    }
}

impl From<StoreError> for LifecycleError {
    fn from(error: StoreError) -> Self {
        LifecycleError::Storage(error)
    }
}

impl From<CommitError> for LifecycleError {
    fn from(error: CommitError) -> Self {
        match error {
            CommitError::Conflict { found, .. } => LifecycleError::Conflict {
                found: StoredRevision::of(found.as_deref()),
            },
            CommitError::Storage(error) => LifecycleError::Storage(error),
        }
    }
}

/// A workspace's meta record as stored, or as this tab wrote it: the next save of that
/// workspace expects exactly this text, so any write by another tab in between stops it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SeenMeta(pub Option<String>);

impl SeenMeta {
    pub fn revision(&self) -> StoredRevision {
        StoredRevision::of(self.0.as_deref())
    }
}

/// A workspace as read from storage, with the meta a later save must find.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub workspace: Workspace,
    pub meta: WorkspaceMeta,
    pub seen: SeenMeta,
    /// Stored as a header and tables (see `tables`): a save over `seen` may then write only
    /// the tables that differ from `workspace`. An earlier format's record is rewritten whole.
    pub split: bool,
}

pub fn meta_for(
    id: &str,
    workspace: &Workspace,
    created_at: &str,
    now: &str,
    revision: u64,
) -> WorkspaceMeta {
    WorkspaceMeta {
        id: id.to_string(),
        name: workspace.name.clone(),
        created_at: created_at.to_string(),
        updated_at: now.to_string(),
        rows: workspace.row_count(),
        revision,
    }
}

pub(super) fn encode_meta(meta: &WorkspaceMeta) -> String {
    serde_json::to_string(meta).unwrap_or_else(|_| "{}".to_string())
}

/// A meta record that belongs to `id` and carries a revision; anything else is rebuilt from
/// the workspace record.
pub(super) fn decode_meta(id: &str, text: &str) -> Option<WorkspaceMeta> {
    let StoredRevision::At(revision) = StoredRevision::of(Some(text)) else {
        return None;
    };
    serde_json::from_str::<WorkspaceMeta>(text)
        .ok()
        .filter(|meta| meta.id == id && meta.revision == revision)
}

/// What a save writes: the workspace record and its meta, expecting `base`.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedSave {
    pub batch: Batch,
    pub meta: WorkspaceMeta,
    /// The meta text this save stores: the next save expects it.
    pub seen: SeenMeta,
}

/// The transaction that stores `workspace` over `base`: its header, meta and tables together.
/// `stored` is the workspace as storage holds it at `base`, when the caller has it: then only
/// the tables that differ from it are written; without it every table is.
pub fn save_batch(
    id: &str,
    workspace: &Workspace,
    base: &SeenMeta,
    stored: Option<&Workspace>,
    created_at: &str,
    now: &str,
) -> Result<PreparedSave, LifecycleError> {
    save_batch_prepared(id, workspace, base, stored, created_at, now, Vec::new())
}

/// [`save_batch`], taking the text of tables checked and encoded ahead (see `prepared`) while
/// they still fit the workspace; the batch holds those texts themselves, not copies.
pub fn save_batch_prepared(
    id: &str,
    workspace: &Workspace,
    base: &SeenMeta,
    stored: Option<&Workspace>,
    created_at: &str,
    now: &str,
    prepared: Vec<PreparedTable>,
) -> Result<PreparedSave, LifecycleError> {
    let changed = match stored {
        Some(stored) => changed_tables(workspace, stored),
        None => TABLES.to_vec(),
    };
    let unchecked: Vec<&str> = changed
        .iter()
        .copied()
        .filter(|table| prepared_text(&prepared, workspace, table).is_none())
        .collect();
    check_tables_before_save(workspace, &unchecked)
        .map_err(|error| LifecycleError::Invalid(error.into()))?;
    let revision = match base.revision() {
        StoredRevision::At(revision) => revision.saturating_add(1).min(MAX_SAFE_INTEGER),
        StoredRevision::Absent | StoredRevision::Unreadable => 1,
    };
    let meta = meta_for(id, workspace, created_at, now, revision);
    let meta_text = encode_meta(&meta);
    let mut put = split_records_prepared(id, workspace, &changed, now, prepared);
    put.push((meta_key(id), meta_text.clone()));
    let batch = Batch {
        expect: vec![(meta_key(id), base.0.clone())],
        put,
        delete: Vec::new(),
    };
    Ok(PreparedSave {
        batch,
        meta,
        seen: SeenMeta(Some(meta_text)),
    })
}

/// Saves over `base`, the meta this tab last read or wrote.
pub async fn save_workspace<S: RecordStore>(
    store: &S,
    id: &str,
    workspace: &Workspace,
    base: &SeenMeta,
    created_at: &str,
    now: &str,
) -> Result<(WorkspaceMeta, SeenMeta), LifecycleError> {
    let prepared = save_batch(id, workspace, base, None, created_at, now)?;
    store.commit(prepared.batch).await?;
    Ok((prepared.meta, prepared.seen))
}

/// Reads a workspace and its meta together. A record from before revisions existed gets
/// its meta record written beside it; the record itself is not rewritten.
pub async fn open_workspace<S: RecordStore>(
    store: &S,
    id: &str,
    now: &str,
) -> Result<Opened, LifecycleError> {
    for _ in 0..3 {
        let (record, meta_text) = read_record(store, id).await?;
        let Some(record) = record else {
            return Err(LifecycleError::Missing);
        };
        let (workspace, split) = record?;
        if let Some(meta) = meta_text.as_deref().and_then(|text| decode_meta(id, text)) {
            return Ok(Opened {
                workspace,
                meta,
                seen: SeenMeta(meta_text),
                split,
            });
        }
        let meta = meta_for(id, &workspace, now, now, 1);
        let written = encode_meta(&meta);
        let batch = Batch {
            expect: vec![(meta_key(id), meta_text)],
            put: vec![(meta_key(id), written.clone())],
            delete: Vec::new(),
        };
        match store.commit(batch).await {
            Ok(()) => {
                return Ok(Opened {
                    workspace,
                    meta,
                    seen: SeenMeta(Some(written)),
                    split,
                })
            }
            // Another tab wrote the meta first: read again.
            Err(CommitError::Conflict { .. }) => continue,
            Err(CommitError::Storage(error)) => return Err(error.into()),
        }
    }
    Err(LifecycleError::Conflict {
        found: StoredRevision::Unreadable,
    })
}

/// A workspace's record with its tables joined, decoded (or why not, with the raw text to
/// offer for download), and its meta text; all read in one transaction.
pub(super) async fn read_record<S: RecordStore>(
    store: &S,
    id: &str,
) -> Result<
    (
        Option<Result<(Workspace, bool), LifecycleError>>,
        Option<String>,
    ),
    StoreError,
> {
    let mut values = store
        .get_many(&workspace_record_keys(id))
        .await?
        .into_iter();
    let (record, meta_text) = (values.next().flatten(), values.next().flatten());
    let Some(record) = record else {
        return Ok((None, meta_text));
    };
    let decoded = read_stored_in_slices(record, &tables_read(values), || store.pause())
        .await
        .map_err(|Unreadable { error, raw }| LifecycleError::Unreadable { error, raw });
    Ok((Some(decoded), meta_text))
}

/// The meta stored now, for "keep mine": the next save expects it.
pub async fn stored_meta<S: RecordStore>(store: &S, id: &str) -> Result<SeenMeta, StoreError> {
    let values = store.get_many(&[meta_key(id)]).await?;
    Ok(SeenMeta(values.into_iter().next().flatten()))
}

/// Stores a new workspace under a fresh id.
pub async fn create_workspace<S: RecordStore>(
    store: &S,
    id: &str,
    workspace: &Workspace,
    now: &str,
) -> Result<(WorkspaceMeta, SeenMeta), LifecycleError> {
    let mut prepared = save_batch(id, workspace, &SeenMeta(None), None, now, now)?;
    // Never replace an older record that has no meta yet.
    prepared.batch.expect.push((workspace_key(id), None));
    store.commit(prepared.batch).await?;
    Ok((prepared.meta, prepared.seen))
}

/// Renames a workspace from a fresh read of its record, retrying when another tab saved in
/// between, so only the name changes.
pub async fn rename_workspace<S: RecordStore>(
    store: &S,
    id: &str,
    new_name: &str,
    now: &str,
) -> Result<Opened, LifecycleError> {
    let mut last_error = LifecycleError::Missing;
    for _ in 0..3 {
        let mut opened = open_workspace(store, id, now).await?;
        let created_at = opened.meta.created_at.clone();
        let stored = opened.split.then(|| opened.workspace.clone());
        opened.workspace.name = new_name.to_string();
        let prepared = save_batch(
            id,
            &opened.workspace,
            &opened.seen,
            stored.as_ref(),
            &created_at,
            now,
        );
        let saved = match prepared {
            Ok(prepared) => store
                .commit(prepared.batch)
                .await
                .map(|()| (prepared.meta, prepared.seen))
                .map_err(LifecycleError::from),
            Err(error) => Err(error),
        };
        match saved {
            Ok((meta, seen)) => {
                return Ok(Opened {
                    workspace: opened.workspace,
                    meta,
                    seen,
                    split: true,
                })
            }
            Err(error @ LifecycleError::Conflict { .. }) => last_error = error,
            Err(error) => return Err(error),
        }
    }
    Err(last_error)
}

/// Copies the stored version of a workspace under a new id and name.
pub async fn duplicate_workspace<S: RecordStore>(
    store: &S,
    source_id: &str,
    new_id: &str,
    new_name: &str,
    now: &str,
) -> Result<Opened, LifecycleError> {
    let mut opened = open_workspace(store, source_id, now).await?;
    opened.workspace.name = new_name.to_string();
    let (meta, seen) = create_workspace(store, new_id, &opened.workspace, now).await?;
    Ok(Opened {
        workspace: opened.workspace,
        meta,
        seen,
        split: true,
    })
}

/// Deletes a workspace, unless another tab saved it after the caller saw `expected`.
pub async fn delete_workspace<S: RecordStore>(
    store: &S,
    id: &str,
    expected: StoredRevision,
) -> Result<(), LifecycleError> {
    let stored = stored_meta(store, id).await?;
    if stored.revision() != expected {
        return Err(LifecycleError::Conflict {
            found: stored.revision(),
        });
    }
    let batch = Batch {
        expect: vec![(meta_key(id), stored.0)],
        put: Vec::new(),
        delete: [workspace_key(id), meta_key(id)]
            .into_iter()
            .chain(table_keys(id))
            .chain(derived_keys(id))
            .collect(),
    };
    store.commit(batch).await.map_err(LifecycleError::from)
}

/// Removes a record the user has downloaded or given up (an unreadable workspace with its
/// meta, or any other record listed as unreachable).
pub async fn discard_record<S: RecordStore>(store: &S, key: &str) -> Result<(), StoreError> {
    let mut delete = vec![key.to_string()];
    if let Some(id) = key.strip_prefix(&workspace_key("")) {
        delete.push(meta_key(id));
        delete.extend(table_keys(id));
        delete.extend(derived_keys(id));
    }
    let batch = Batch {
        delete,
        ..Batch::default()
    };
    store.commit(batch).await.map_err(|error| match error {
        CommitError::Storage(error) => error,
        CommitError::Conflict { .. } => {
            StoreError::Other("the record changed while removing it".into())
        }
    })
}

/// Remembers which workspace to open at the next start. Tabs may disagree; the last wins,
/// which is harmless because it only chooses what opens first.
pub async fn remember_active<S: RecordStore>(store: &S, id: &str) -> Result<(), StoreError> {
    let text = serde_json::to_string(id).unwrap_or_default();
    let batch = Batch {
        put: vec![(active_key(), text)],
        ..Batch::default()
    };
    store.commit(batch).await.map_err(|error| match error {
        CommitError::Storage(error) => error,
        CommitError::Conflict { .. } => StoreError::Other("unexpected conflict".into()),
    })
}
