//! The store this tab uses: IndexedDB, or this tab's memory when browser storage is
//! unavailable. Both behave alike behind `RecordStore`.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use super::browser::BrowserStore;
// The pause long work takes between slices; it lives with the browser code.
pub(crate) use super::browser::{yield_for_frame, yield_to_page};
use super::page_events::{stashed, unstash};
use microplan_workspace::store::pending::pending_prefix;
use microplan_workspace::store::records::{
    Batch, CommitError, MemoryStore, RecordStore, StoreError,
};

thread_local! {
    /// Holds the IndexedDB handle (a browser object), or the memory store standing in for it.
    static BACKEND: RefCell<Backend> = RefCell::new(Backend::Memory(MemoryStore::default()));
}

/// The store this tab reads and writes.
pub(crate) fn backend() -> Backend {
    BACKEND.with(|backend| backend.borrow().clone())
}

pub(crate) fn set_backend(store: Backend) {
    BACKEND.with(|backend| *backend.borrow_mut() = store);
}

/// Moves edits stashed by closed pages into storage, where the listing applies them.
pub(crate) async fn collect_stashed_edits() {
    let backend = backend();
    if matches!(backend, Backend::Memory(_)) {
        return;
    }
    for (key, text) in stashed(&pending_prefix()) {
        let batch = Batch {
            put: vec![(key.clone(), text)],
            ..Batch::default()
        };
        if backend.commit(batch).await.is_ok() {
            unstash(&key);
        }
    }
}

/// Where records live: IndexedDB, or this tab's memory when storage is unavailable.
#[derive(Clone)]
pub enum Backend {
    Browser(BrowserStore),
    Memory(MemoryStore),
}

type Pending<T> = Pin<Box<dyn Future<Output = T>>>;

impl RecordStore for Backend {
    fn get_many(
        &self,
        keys: &[String],
    ) -> impl Future<Output = Result<Vec<Option<String>>, StoreError>> + 'static {
        let future: Pending<_> = match self {
            Backend::Browser(store) => Box::pin(store.get_many(keys)),
            Backend::Memory(store) => Box::pin(store.get_many(keys)),
        };
        future
    }

    fn keys(&self) -> impl Future<Output = Result<Vec<String>, StoreError>> + 'static {
        let future: Pending<_> = match self {
            Backend::Browser(store) => Box::pin(store.keys()),
            Backend::Memory(store) => Box::pin(store.keys()),
        };
        future
    }

    fn commit(&self, batch: Batch) -> impl Future<Output = Result<(), CommitError>> + 'static {
        let future: Pending<_> = match self {
            Backend::Browser(store) => Box::pin(store.commit(batch)),
            Backend::Memory(store) => Box::pin(store.commit(batch)),
        };
        future
    }

    fn pause(&self) -> impl Future<Output = ()> + 'static {
        yield_to_page()
    }
}
