//! The store this tab uses: IndexedDB, or this tab's memory when browser storage is
//! unavailable. Both behave alike behind `RecordStore`.

use std::future::Future;
use std::pin::Pin;

use super::browser::BrowserStore;
use microplan_workspace::store::records::{Batch, CommitError, MemoryStore, RecordStore, StoreError};

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
}
