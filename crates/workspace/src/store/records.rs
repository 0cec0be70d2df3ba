//! The storage trait the workspace lifecycle runs on, and an in-memory implementation used by
//! native tests and by the app when browser storage is unavailable.
//!
//! Records are text under string keys. Every write is a `Batch` applied in one transaction,
//! and only if each expected record still holds exactly the text the writer last saw (a
//! workspace's meta record, which carries its revision and save time): a tab holding stale
//! data cannot overwrite a newer record.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::rc::Rc;

use super::KEY_PREFIX;

/// Why storage refused to work, in words a user can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The browser has no room left for this origin.
    Quota,
    /// Storage is switched off, blocked by settings or private mode.
    Unavailable(String),
    Other(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Quota => write!(
                f,
                "the browser refused more storage for this site (quota exceeded). Your last \
                 saved version is intact. Delete workspaces you no longer need or export this \
                 one as a file."
            ),
            StoreError::Unavailable(reason) => write!(
                f,
                "browser storage is unavailable ({reason}). Your work stays in this tab only: \
                 export the workspace as a file before closing it."
            ),
            StoreError::Other(reason) => write!(f, "saving failed: {reason}"),
        }
    }
}

/// The revision a record holds, read from its `revision` field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoredRevision {
    Absent,
    At(u64),
    /// Present but without a readable revision.
    Unreadable,
}

impl StoredRevision {
    /// Reads the `revision` field of a meta record.
    pub fn of(text: Option<&str>) -> StoredRevision {
        let Some(text) = text else {
            return StoredRevision::Absent;
        };
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|value| value.get("revision").and_then(serde_json::Value::as_u64))
            .filter(|revision| *revision <= MAX_SAFE_INTEGER)
            .map_or(StoredRevision::Unreadable, StoredRevision::At)
    }
}

/// JavaScript numbers stay exact up to here.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Writes applied together or not at all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Batch {
    /// Each key must hold exactly this text (`None`: nothing) when the transaction runs.
    pub expect: Vec<(String, Option<String>)>,
    pub put: Vec<(String, String)>,
    pub delete: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CommitError {
    /// Another tab changed `key` first; nothing was written. `found` is what it holds.
    Conflict {
        key: String,
        found: Option<String>,
    },
    Storage(StoreError),
}

/// What the lifecycle needs from storage. Futures are not `Send`: the browser has one thread.
pub trait RecordStore {
    /// Reads several keys in one transaction, so they are consistent with each other.
    fn get_many(
        &self,
        keys: &[String],
    ) -> impl Future<Output = Result<Vec<Option<String>>, StoreError>> + 'static;
    /// Every key in storage.
    fn keys(&self) -> impl Future<Output = Result<Vec<String>, StoreError>> + 'static;
    /// Checks `batch.expect` and applies the writes in one transaction. Implementations start
    /// the transaction when called, not when first polled, so a page that is closing still
    /// gets its last write started.
    fn commit(&self, batch: Batch) -> impl Future<Output = Result<(), CommitError>> + 'static;
    /// Awaited between slices of long work on what was read (typing a large table), so a page
    /// can paint meanwhile; at once where nothing else waits for the thread.
    fn pause(&self) -> impl Future<Output = ()> + 'static {
        std::future::ready(())
    }
}

pub fn workspace_key(id: &str) -> String {
    format!("{KEY_PREFIX}/workspace/{id}")
}

/// One table of a workspace stored apart (see `tables`), so a save writes what changed.
pub fn table_key(id: &str, table: &str) -> String {
    format!("{}{id}/{table}", table_prefix())
}

pub fn table_prefix() -> String {
    format!("{KEY_PREFIX}/table/")
}

/// Name, size and revision of one workspace, written in the same transaction as it.
pub fn meta_key(id: &str) -> String {
    format!("{KEY_PREFIX}/meta/{id}")
}

/// The list kept by earlier versions; read for migration, never written.
pub fn legacy_index_key() -> String {
    format!("{KEY_PREFIX}/index")
}

/// The workspace opened last, so the next start opens it again.
pub fn active_key() -> String {
    format!("{KEY_PREFIX}/active")
}

/// Records in this tab's memory; clones share the same records.
#[derive(Clone, Default)]
pub struct MemoryStore {
    records: Rc<RefCell<BTreeMap<String, String>>>,
}

impl MemoryStore {
    pub fn get_now(&self, key: &str) -> Option<String> {
        self.records.borrow().get(key).cloned()
    }

    /// Writes without any check, as another program or a damaged disk would.
    pub fn put_now(&self, key: &str, value: &str) {
        self.records
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
    }

    fn apply(&self, batch: Batch) -> Result<(), CommitError> {
        let mut records = self.records.borrow_mut();
        for (key, expected) in &batch.expect {
            let found = records.get(key).cloned();
            if found != *expected {
                return Err(CommitError::Conflict {
                    key: key.clone(),
                    found,
                });
            }
        }
        for key in &batch.delete {
            records.remove(key);
        }
        records.extend(batch.put);
        Ok(())
    }
}

impl RecordStore for MemoryStore {
    fn get_many(
        &self,
        keys: &[String],
    ) -> impl Future<Output = Result<Vec<Option<String>>, StoreError>> + 'static {
        let values = keys.iter().map(|key| self.get_now(key)).collect();
        std::future::ready(Ok(values))
    }

    fn keys(&self) -> impl Future<Output = Result<Vec<String>, StoreError>> + 'static {
        std::future::ready(Ok(self.records.borrow().keys().cloned().collect()))
    }

    fn commit(&self, batch: Batch) -> impl Future<Output = Result<(), CommitError>> + 'static {
        std::future::ready(self.apply(batch))
    }
}

/// A stored record no list shows: kept as it is and offered for download.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreachable {
    pub key: String,
    pub label: String,
    pub reason: String,
    pub raw: String,
}

/// Runs a future that never waits (the in-memory store's) to completion.
#[cfg(test)]
pub fn run_ready<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_are_read_like_the_browser_reads_them() {
        assert_eq!(StoredRevision::of(None), StoredRevision::Absent);
        assert_eq!(
            StoredRevision::of(Some(r#"{"revision":7,"name":"A"}"#)),
            StoredRevision::At(7)
        );
        assert_eq!(StoredRevision::of(Some("5")), StoredRevision::Unreadable);
        assert_eq!(
            StoredRevision::of(Some(r#"{"revision":-1}"#)),
            StoredRevision::Unreadable
        );
        assert_eq!(StoredRevision::of(Some("{cut")), StoredRevision::Unreadable);
    }

    #[test]
    fn a_batch_with_a_stale_expectation_writes_nothing() {
        let store = MemoryStore::default();
        store.put_now("m", r#"{"revision":2}"#);
        let batch = Batch {
            expect: vec![("m".into(), Some(r#"{"revision":1}"#.into()))],
            put: vec![
                ("m".into(), r#"{"revision":2}"#.into()),
                ("w".into(), "new".into()),
            ],
            delete: vec![],
        };
        let result = run_ready(store.commit(batch));
        assert_eq!(
            result,
            Err(CommitError::Conflict {
                key: "m".into(),
                found: Some(r#"{"revision":2}"#.into())
            })
        );
        assert_eq!(store.get_now("w"), None);
    }
}
