//! Browser persistence in IndexedDB: one database, one object store of JSON strings.
//!
//! Keys: `microplan/index` (the workspace list) and `microplan/workspace/<id>` (one
//! enveloped workspace each). A workspace and the index are written in one transaction, so a
//! failed save (quota, blocked storage) leaves the previous saved state intact.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::index::WorkspaceIndex;
use super::KEY_PREFIX;

#[wasm_bindgen(inline_js = r#"
const STORE = "records";
export function idb_open(name) {
  return new Promise((resolve, reject) => {
    let request;
    try { request = indexedDB.open(name, 1); } catch (e) { reject(e); return; }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new DOMException("database upgrade blocked", "InvalidStateError"));
  });
}
function run(db, mode, work) {
  return new Promise((resolve, reject) => {
    let tx;
    try { tx = db.transaction(STORE, mode); } catch (e) { reject(e); return; }
    let result;
    try { result = work(tx.objectStore(STORE)); } catch (e) { try { tx.abort(); } catch (_) {} reject(e); return; }
    tx.oncomplete = () => resolve(result && "result" in result ? result.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new DOMException("transaction aborted", "AbortError"));
  });
}
export function idb_get(db, key) { return run(db, "readonly", (s) => s.get(key)); }
export function idb_keys(db) { return run(db, "readonly", (s) => s.getAllKeys()); }
export function idb_put_all(db, keys, values) {
  return run(db, "readwrite", (s) => { keys.forEach((k, i) => s.put(values[i], k)); });
}
export function idb_delete(db, key) { return run(db, "readwrite", (s) => s.delete(key)); }
export function error_name(e) { return (e && e.name) ? String(e.name) : "Error"; }
export function error_message(e) { return (e && e.message) ? String(e.message) : String(e); }
export function request_persistent_storage() {
  try {
    if (navigator.storage && navigator.storage.persist) { return navigator.storage.persist(); }
  } catch (_) {}
  return Promise.resolve(false);
}
export async function storage_estimate() {
  try {
    const estimate = await navigator.storage.estimate();
    const persisted = navigator.storage.persisted ? await navigator.storage.persisted() : false;
    return [estimate.usage ?? 0, estimate.quota ?? 0, persisted];
  } catch (_) {
    return null;
  }
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn idb_open(name: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_get(db: &JsValue, key: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_keys(db: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_put_all(db: &JsValue, keys: js_sys::Array, values: js_sys::Array)
        -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_delete(db: &JsValue, key: &str) -> Result<js_sys::Promise, JsValue>;
    fn error_name(error: &JsValue) -> String;
    fn error_message(error: &JsValue) -> String;
    fn request_persistent_storage() -> js_sys::Promise;
    fn storage_estimate() -> js_sys::Promise;
}

/// How much this origin stores, how much the browser allows, and whether the browser has
/// agreed not to evict it; `None` where the browser does not say.
pub async fn storage_usage() -> Option<StorageUsage> {
    let value = JsFuture::from(storage_estimate()).await.ok()?;
    let array: js_sys::Array = value.dyn_into().ok()?;
    Some(StorageUsage {
        used_bytes: array.get(0).as_f64()?,
        quota_bytes: array.get(1).as_f64()?,
        persistent: array.get(2).as_bool().unwrap_or(false),
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageUsage {
    pub used_bytes: f64,
    pub quota_bytes: f64,
    pub persistent: bool,
}

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

fn classify(error: JsValue) -> StoreError {
    let name = error_name(&error);
    let message = error_message(&error);
    match name.as_str() {
        "QuotaExceededError" => StoreError::Quota,
        "SecurityError" | "InvalidStateError" | "NotFoundError" | "UnknownError" => {
            StoreError::Unavailable(format!("{name}: {message}"))
        }
        _ => StoreError::Other(format!("{name}: {message}")),
    }
}

async fn wait(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, StoreError> {
    let promise = promise.map_err(classify)?;
    JsFuture::from(promise).await.map_err(classify)
}

pub fn index_key() -> String {
    format!("{KEY_PREFIX}/index")
}

pub fn workspace_key(id: &str) -> String {
    format!("{KEY_PREFIX}/workspace/{id}")
}

/// An open IndexedDB database.
#[derive(Clone)]
pub struct BrowserStore {
    db: JsValue,
}

impl BrowserStore {
    /// Opens the database; an error means the app must run in memory.
    pub async fn open() -> Result<BrowserStore, StoreError> {
        let db = wait(idb_open(KEY_PREFIX)).await.map_err(|error| match error {
            StoreError::Other(reason) => StoreError::Unavailable(reason),
            other => other,
        })?;
        // Ask the browser not to evict our data under storage pressure; refusal is fine, and
        // the answer is not worth delaying start-up for.
        wasm_bindgen_futures::spawn_local(async {
            let _ = JsFuture::from(request_persistent_storage()).await;
        });
        Ok(BrowserStore { db })
    }

    /// The raw text stored under a key, if any.
    pub async fn get_text(&self, key: &str) -> Result<Option<String>, StoreError> {
        let value = wait(idb_get(&self.db, key)).await?;
        Ok(value.as_string())
    }

    /// Every key under our prefix (used to find workspaces the index lost).
    pub async fn keys(&self) -> Result<Vec<String>, StoreError> {
        let value = wait(idb_keys(&self.db)).await?;
        let array: js_sys::Array = value.dyn_into().unwrap_or_default();
        Ok(array.iter().filter_map(|key| key.as_string()).collect())
    }

    /// Writes all pairs in one transaction: either every value is stored or none.
    pub async fn put_all(&self, pairs: &[(String, String)]) -> Result<(), StoreError> {
        let keys = js_sys::Array::new();
        let values = js_sys::Array::new();
        for (key, value) in pairs {
            keys.push(&JsValue::from_str(key));
            values.push(&JsValue::from_str(value));
        }
        wait(idb_put_all(&self.db, keys, values)).await.map(|_| ())
    }

    pub async fn delete(&self, key: &str) -> Result<(), StoreError> {
        wait(idb_delete(&self.db, key)).await.map(|_| ())
    }

    /// Reads the index; `Err(raw)` when it exists but cannot be read.
    pub async fn load_index(&self) -> Result<Result<WorkspaceIndex, String>, StoreError> {
        match self.get_text(&index_key()).await? {
            None => Ok(Ok(WorkspaceIndex::default())),
            Some(text) => Ok(WorkspaceIndex::decode(&text).map_err(|_| text)),
        }
    }
}
