//! Browser persistence in IndexedDB: one database, one object store of JSON strings, behind
//! the `RecordStore` trait. Keys are listed in `records`.
//!
//! Every write is one transaction that first reads the records it expects and aborts,
//! writing nothing, when another tab changed one of them first. A failed save (quota, blocked storage)
//! leaves the previous saved state intact.

use std::future::Future;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::ready_texts::js_text;

use microplan_workspace::store::pending::pending_prefix;
pub use microplan_workspace::store::records::StoreError;
use microplan_workspace::store::records::{Batch, CommitError, RecordStore};
use microplan_workspace::store::KEY_PREFIX;

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
// A value that is not text (written by hand or by another program) is shown as JSON text, so
// it is listed or offered for download instead of looking absent.
function asText(value) {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  try { const json = JSON.stringify(value); if (typeof json === "string") return json; } catch (_) {}
  return String(value);
}
export function idb_get_many(db, keys) {
  return new Promise((resolve, reject) => {
    let tx;
    try { tx = db.transaction(STORE, "readonly"); } catch (e) { reject(e); return; }
    const store = tx.objectStore(STORE);
    const values = keys.map(() => null);
    keys.forEach((key, i) => { const request = store.get(key); request.onsuccess = () => { values[i] = asText(request.result); }; });
    tx.oncomplete = () => resolve(values);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new DOMException("transaction aborted", "AbortError"));
  });
}
export function idb_keys(db) {
  return new Promise((resolve, reject) => {
    let tx;
    try { tx = db.transaction(STORE, "readonly"); } catch (e) { reject(e); return; }
    const request = tx.objectStore(STORE).getAllKeys();
    tx.oncomplete = () => resolve(request.result.filter((key) => typeof key === "string"));
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new DOMException("transaction aborted", "AbortError"));
  });
}
// Resolves null when written, [key, foundText] when a record no longer holds the text the
// writer expected (nothing is written then).
export function idb_commit(db, expectKeys, expectTexts, putKeys, putValues, deleteKeys) {
  return new Promise((resolve, reject) => {
    let tx;
    try { tx = db.transaction(STORE, "readwrite"); } catch (e) { reject(e); return; }
    const store = tx.objectStore(STORE);
    let conflict = null;
    let failure = null;
    let waiting = expectKeys.length;
    const write = () => {
      try {
        deleteKeys.forEach((key) => store.delete(key));
        putKeys.forEach((key, i) => store.put(putValues[i], key));
      } catch (e) { failure = e; try { tx.abort(); } catch (_) {} }
    };
    expectKeys.forEach((key, i) => {
      const request = store.get(key);
      request.onsuccess = () => {
        if (conflict || failure) return;
        const found = asText(request.result);
        if (found !== expectTexts[i]) { conflict = [key, found]; try { tx.abort(); } catch (_) {} return; }
        waiting -= 1;
        if (waiting === 0) write();
      };
    });
    if (waiting === 0) write();
    tx.oncomplete = () => resolve(null);
    tx.onabort = () => {
      if (conflict) resolve(conflict);
      else reject(failure || tx.error || new DOMException("transaction aborted", "AbortError"));
    };
  });
}
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
    fn idb_get_many(db: &JsValue, keys: js_sys::Array) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_keys(db: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn idb_commit(
        db: &JsValue,
        expect_keys: js_sys::Array,
        expect_texts: js_sys::Array,
        put_keys: js_sys::Array,
        put_values: js_sys::Array,
        delete_keys: js_sys::Array,
    ) -> Result<js_sys::Promise, JsValue>;
    fn error_name(error: &JsValue) -> String;
    fn error_message(error: &JsValue) -> String;
    fn request_persistent_storage() -> js_sys::Promise;
    fn storage_estimate() -> js_sys::Promise;
}

/// Lets the page paint and handle input before long work goes on, by ending the task. Most
/// pauses are `scheduler.yield()` (Chromium), which resumes right after whatever input was
/// waiting, where a zero timeout would add the 4 ms browsers put on nested timeouts (a reload
/// pauses hundreds of times). Such quick pauses can run ahead of drawing, so once no frame has
/// been drawn for [`FRAME_EVERY_MS`], every pause, of every piece of work under way, waits for
/// the next one. A hidden page has nothing to paint and its timers are slowed, so it goes on
/// at once.
pub(crate) async fn yield_to_page() {
    if leptos::prelude::document().hidden() {
        return;
    }
    let frame_due = now_ms() - LAST_FRAME_DRAWN.get() >= FRAME_EVERY_MS;
    let quick = if frame_due { None } else { scheduler_yield() };
    let promise = quick.unwrap_or_else(after_next_frame);
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// [`yield_to_page`] that always waits for the next frame (on a visible page): the pause
/// before a task long enough that no quick pause may run ahead of it without a frame.
pub(crate) async fn yield_for_frame() {
    if leptos::prelude::document().hidden() {
        return;
    }
    let _ = wasm_bindgen_futures::JsFuture::from(after_next_frame()).await;
}

/// The longest run of quick pauses before they wait for a frame.
const FRAME_EVERY_MS: f64 = 25.0;

thread_local! {
    /// When the last frame a pause waited for was drawn (`performance.now()`).
    static LAST_FRAME_DRAWN: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
}

/// Marks a step of opening the app on the browser's performance timeline, where the reload
/// benchmark (`tests/bench/reload_timeline.mjs`) and the browser's own tools show it.
pub(crate) fn mark(step: &str) {
    if let Some(performance) = leptos::prelude::window().performance() {
        let _ = performance.mark(step);
    }
}

fn now_ms() -> f64 {
    leptos::prelude::window()
        .performance()
        .map_or(0.0, |performance| performance.now())
}

/// Resolves in a new task after the next frame is drawn (a timeout set from the frame's
/// callback), so the work that follows does not delay that frame; or after 100 ms, since a
/// page hidden meanwhile draws no frames.
fn after_next_frame() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        let window = leptos::prelude::window();
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        resolve_after_frame(resolve, FRAME_TURN_RETRIES);
    })
}

/// Work that waited for a frame takes turns: when its task starts this long after the frame
/// (other work that waited for the same frame ran first), it waits for the next one.
const FRAME_TURN_TAKEN_MS: f64 = 10.0;
/// Frames a piece of work waits for its turn at most.
const FRAME_TURN_RETRIES: u32 = 3;

/// Calls `resolve` in a new task after the next frame, or after a later one while other work
/// takes the turn (see [`FRAME_TURN_TAKEN_MS`]): two long tasks, say an audit slice and a
/// save's slice, each waiting for a frame, otherwise run back to back with no frame between.
fn resolve_after_frame(resolve: js_sys::Function, retries: u32) {
    let in_next_task = Closure::once_into_js(move || {
        LAST_FRAME_DRAWN.set(now_ms());
        let take_turn = Closure::once_into_js(move || {
            let turn_taken = now_ms() - LAST_FRAME_DRAWN.get() > FRAME_TURN_TAKEN_MS;
            if turn_taken && retries > 0 {
                resolve_after_frame(resolve, retries - 1);
            } else {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        let _ = leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(take_turn.unchecked_ref(), 0);
    });
    let _ = leptos::prelude::window().request_animation_frame(in_next_task.unchecked_ref());
}

/// `scheduler.yield()`'s promise, where the browser has it.
fn scheduler_yield() -> Option<js_sys::Promise> {
    let scheduler =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("scheduler")).ok()?;
    let yield_fn: js_sys::Function = js_sys::Reflect::get(&scheduler, &JsValue::from_str("yield"))
        .ok()?
        .dyn_into()
        .ok()?;
    yield_fn.call0(&scheduler).ok()?.dyn_into().ok()
}

/// Text is copied out of storage into wasm at most this many UTF-16 code units at a time,
/// with a pause after each, so a large table never holds the page for one long copy.
const COPY_UNITS: u32 = 2_000_000;

/// A stored value as Rust text (`None` when it is not text), copied a slice at a time.
async fn text_in_slices(value: JsValue) -> Option<String> {
    let text: js_sys::JsString = value.dyn_into().ok()?;
    let units = text.length();
    if units <= COPY_UNITS {
        return text.as_string();
    }
    let mut copied = String::with_capacity(usize::try_from(units).unwrap_or(0));
    let mut start = 0;
    while start < units {
        let mut end = start.saturating_add(COPY_UNITS).min(units);
        // A slice never ends between the two halves of a surrogate pair.
        if end < units && is_high_surrogate(text.char_code_at(end.saturating_sub(1))) {
            end = end.saturating_add(1);
        }
        copied.push_str(&text.slice(start, end).as_string()?);
        start = end;
        yield_to_page().await;
    }
    Some(copied)
}

fn is_high_surrogate(code_unit: f64) -> bool {
    (f64::from(0xD800u16)..f64::from(0xDC00u16)).contains(&code_unit)
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

/// An open IndexedDB database.
/// Edits left by closing pages live in a database of their own: a closing page's write
/// there never waits behind a transaction of the main database that the page will no
/// longer finish.
const UNSAVED_DATABASE: &str = "microplan-unsaved";

#[derive(Clone)]
pub struct BrowserStore {
    db: JsValue,
    /// `None` when it cannot be opened: pending edits then go to the main database.
    unsaved_db: Option<JsValue>,
}

impl BrowserStore {
    /// Opens the database; an error means the app must run in memory.
    pub async fn open() -> Result<BrowserStore, StoreError> {
        // Both databases open side by side: each open is a round trip to the storage process.
        // The second open's answer is listened for at once (`JsFuture::from`), so when storage
        // is blocked and both are refused, its refusal is not an unhandled rejection.
        let opening_main = idb_open(KEY_PREFIX);
        let opening_unsaved = idb_open(UNSAVED_DATABASE).map(JsFuture::from);
        let db = wait(opening_main).await.map_err(|error| match error {
            StoreError::Other(reason) => StoreError::Unavailable(reason),
            other => other,
        })?;
        let unsaved_db = match opening_unsaved {
            Ok(opening) => opening.await.ok(),
            Err(_) => None,
        };
        // Ask the browser not to evict our data under storage pressure; refusal is fine, and
        // the answer is not worth delaying start-up for.
        wasm_bindgen_futures::spawn_local(async {
            let _ = JsFuture::from(request_persistent_storage()).await;
        });
        Ok(BrowserStore { db, unsaved_db })
    }
}

fn text_array<'a>(items: impl IntoIterator<Item = &'a String>) -> js_sys::Array {
    items
        .into_iter()
        .map(|item| JsValue::from_str(item))
        .collect()
}

fn texts_of(value: JsValue) -> Vec<JsValue> {
    value
        .dyn_into::<js_sys::Array>()
        .unwrap_or_default()
        .iter()
        .collect()
}

/// Starts one transaction on `db` now; resolves to `Ok(None)` when written.
fn start_commit(db: &JsValue, batch: &Batch) -> Result<js_sys::Promise, JsValue> {
    let expect_keys = text_array(batch.expect.iter().map(|(key, _)| key));
    let expect_texts: js_sys::Array = batch
        .expect
        .iter()
        .map(|(_, text)| text.as_deref().map_or(JsValue::NULL, JsValue::from_str))
        .collect();
    let put_keys = text_array(batch.put.iter().map(|(key, _)| key));
    let put_values: js_sys::Array = batch
        .put
        .iter()
        .map(|(key, value)| js_text(key, value))
        .collect();
    let delete_keys = text_array(&batch.delete);
    idb_commit(
        db,
        expect_keys,
        expect_texts,
        put_keys,
        put_values,
        delete_keys,
    )
}

async fn finish_commit(promise: Result<js_sys::Promise, JsValue>) -> Result<(), CommitError> {
    let outcome = wait(promise).await.map_err(CommitError::Storage)?;
    if outcome.is_null() || outcome.is_undefined() {
        return Ok(());
    }
    let pair: js_sys::Array = outcome.dyn_into().unwrap_or_default();
    Err(CommitError::Conflict {
        key: pair.get(0).as_string().unwrap_or_default(),
        found: pair.get(1).as_string(),
    })
}

impl RecordStore for BrowserStore {
    fn get_many(
        &self,
        keys: &[String],
    ) -> impl Future<Output = Result<Vec<Option<String>>, StoreError>> + 'static {
        let (side, main): (Vec<&String>, Vec<&String>) = match &self.unsaved_db {
            Some(_) => keys
                .iter()
                .partition(|key| key.starts_with(&pending_prefix())),
            None => (Vec::new(), keys.iter().collect()),
        };
        let main_promise = idb_get_many(&self.db, text_array(main.iter().copied()));
        let side_promise = self
            .unsaved_db
            .as_ref()
            .map(|db| idb_get_many(db, text_array(side.iter().copied())));
        let prefix = pending_prefix();
        let has_side = !side.is_empty();
        let keys = keys.to_vec();
        async move {
            let mut main_values = texts_of(wait(main_promise).await?).into_iter();
            let mut side_values = match side_promise {
                Some(promise) => texts_of(wait(promise).await?).into_iter(),
                None => Vec::new().into_iter(),
            };
            let mut values = Vec::with_capacity(keys.len());
            for key in &keys {
                let from_side = has_side && key.starts_with(&prefix);
                let value = if from_side {
                    side_values.next()
                } else {
                    main_values.next()
                };
                let text = match value {
                    Some(value) => text_in_slices(value).await,
                    None => None,
                };
                values.push(text);
            }
            Ok(values)
        }
    }

    fn keys(&self) -> impl Future<Output = Result<Vec<String>, StoreError>> + 'static {
        let main_promise = idb_keys(&self.db);
        let side_promise = self.unsaved_db.as_ref().map(idb_keys);
        async move {
            let mut keys: Vec<String> = texts_of(wait(main_promise).await?)
                .iter()
                .filter_map(JsValue::as_string)
                .collect();
            if let Some(promise) = side_promise {
                // Unreadable pending edits must not stop the list.
                if let Ok(side) = wait(promise).await {
                    keys.extend(texts_of(side).iter().filter_map(JsValue::as_string));
                }
            }
            Ok(keys)
        }
    }

    /// Checks and writes the main records in one transaction. Writes of pending edits go to
    /// their own database: at once when the batch has nothing else (a closing page), else
    /// only after the main transaction succeeded.
    fn commit(&self, batch: Batch) -> impl Future<Output = Result<(), CommitError>> + 'static {
        let Some(unsaved_db) = self.unsaved_db.clone() else {
            let promise = start_commit(&self.db, &batch);
            return then_write_pending(finish_commit(promise), None);
        };
        let prefix = pending_prefix();
        let is_side = |key: &String| key.starts_with(&prefix);
        let side = Batch {
            expect: Vec::new(),
            put: batch
                .put
                .iter()
                .filter(|(key, _)| is_side(key))
                .cloned()
                .collect(),
            delete: batch
                .delete
                .iter()
                .filter(|key| is_side(key))
                .cloned()
                .collect(),
        };
        let main = Batch {
            expect: batch.expect,
            put: batch
                .put
                .into_iter()
                .filter(|(key, _)| !is_side(key))
                .collect(),
            delete: batch
                .delete
                .into_iter()
                .filter(|key| !is_side(key))
                .collect(),
        };
        if main.expect.is_empty() && main.put.is_empty() && main.delete.is_empty() {
            let promise = start_commit(&unsaved_db, &side);
            return then_write_pending(finish_commit(promise), None);
        }
        let promise = start_commit(&self.db, &main);
        let after = (!side.put.is_empty() || !side.delete.is_empty()).then_some((unsaved_db, side));
        then_write_pending(finish_commit(promise), after)
    }
}

/// Waits for `first`, then, if it succeeded, writes `then` (pending edits, in their own
/// database). A failure there is not the caller's: the main records are written.
async fn then_write_pending(
    first: impl Future<Output = Result<(), CommitError>> + 'static,
    then: Option<(JsValue, Batch)>,
) -> Result<(), CommitError> {
    first.await?;
    if let Some((db, batch)) = then {
        let _ = finish_commit(start_commit(&db, &batch)).await;
    }
    Ok(())
}
