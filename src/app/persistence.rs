//! The open workspace and storage: start-up, autosave, flush when the page leaves, news from
//! other tabs, and conflicts between them. The lifecycle itself is `microplan_workspace::store::lifecycle`; this
//! module holds the tab's side: which revision it last read or wrote, and whether it has
//! edits not yet stored. When browser storage is unusable the same code runs over an
//! in-memory store and the user is told so.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::page_events::{
    announce_to_other_tabs, listen_for_other_tabs, when_page_hidden, when_page_unloads,
};
use super::state::{AppState, EditConflict, SaveStatus, UnreadableRecord};
use super::storage_backend::Backend;
use super::tab_sync;
use microplan_workspace::Workspace;
use microplan_workspace::tables::{changed_tables, TABLES};
use super::browser::BrowserStore;
use microplan_workspace::store::catalog::load_catalog;
use microplan_workspace::store::index::new_workspace_id;
use microplan_workspace::store::lifecycle;
use microplan_workspace::store::lifecycle::{LifecycleError, Opened, PreparedSave, SeenMeta};
use microplan_workspace::store::pending::pending_key;
use microplan_workspace::store::records::{MemoryStore, RecordStore, StoreError, StoredRevision};
use microplan_workspace::store::KEY_PREFIX;

/// The pause after an edit before it is written, so a burst of edits costs one write. Short
/// while writes are cheap (an edit writes only its own tables); long for an edit of a table
/// whose last write took a while to prepare, so typing into it does not write per key.
const AUTOSAVE_DELAY_CHEAP: Duration = Duration::from_millis(30);
const AUTOSAVE_DELAY_COSTLY: Duration = Duration::from_millis(400);
const CHEAP_WRITE: Duration = Duration::from_millis(15);

/// The stored workspace this tab shows, and the revision its next save must find.
#[derive(Clone)]
struct OpenRecord {
    id: String,
    base: SeenMeta,
    created_at: String,
}

thread_local! {
    static BACKEND: RefCell<Backend> = RefCell::new(Backend::Memory(MemoryStore::default()));
    /// Names this page's records of edits left when closing.
    static TAB: String = new_workspace_id(js_sys::Date::now(), js_sys::Math::random());
    static OPEN: RefCell<Option<OpenRecord>> = const { RefCell::new(None) };
    /// Bumped by every edit; a scheduled save runs only if no later edit came.
    static EDIT_GENERATION: Cell<u64> = const { Cell::new(0) };
    /// The edit generation the last started write holds.
    static WRITTEN_GENERATION: Cell<u64> = const { Cell::new(0) };
    static WRITES_IN_FLIGHT: Cell<u32> = const { Cell::new(0) };
    /// The revision the latest write under way will store.
    static IN_FLIGHT_META: RefCell<SeenMeta> = const { RefCell::new(SeenMeta(None)) };
    /// The tables storage holds once the writes under way land (cheap: tables are shared).
    /// The next write stores only the tables that differ from it; `None` writes them all.
    static STORED_TABLES: RefCell<Option<Workspace>> = const { RefCell::new(None) };
    /// The tables as the last confirmed write (the open record's base) stored them.
    static CONFIRMED_TABLES: RefCell<Option<Workspace>> = const { RefCell::new(None) };
    /// The tables the last write stored, when it took long to prepare (encode and check);
    /// empty after a quick one.
    static COSTLY_TABLES: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// The pause before writing the edits on screen: long only when they touch a table whose
/// last write was slow to prepare (typing into a large table), so a tick after a large
/// import is still stored at once.
fn autosave_delay(state: AppState) -> Duration {
    let costly = COSTLY_TABLES.with(|tables| tables.borrow().clone());
    if costly.is_empty() {
        return AUTOSAVE_DELAY_CHEAP;
    }
    let touched = state.workspace.with_untracked(|workspace| {
        workspace.as_ref().map(|workspace| tables_to_write(workspace, stored_tables().as_ref()))
    });
    match touched {
        Some(touched) if !touched.iter().any(|table| costly.contains(table)) => AUTOSAVE_DELAY_CHEAP,
        _ => AUTOSAVE_DELAY_COSTLY,
    }
}

/// The tables a write of `workspace` stores, given what storage holds (all when unknown).
fn tables_to_write(workspace: &Workspace, stored: Option<&Workspace>) -> Vec<&'static str> {
    stored.map_or_else(|| TABLES.to_vec(), |stored| changed_tables(workspace, stored))
}

/// The tables storage holds once the writes under way land, if known.
pub(super) fn stored_tables() -> Option<Workspace> {
    STORED_TABLES.with(|tables| tables.borrow().clone())
}

/// Sets what storage holds once the writes under way land. `None` (unknown) also forgets
/// the confirmed tables: both are known again after the next confirmed write.
fn set_stored_tables(stored: Option<Workspace>) {
    if stored.is_none() {
        set_confirmed_tables(None);
    }
    STORED_TABLES.with(|tables| *tables.borrow_mut() = stored);
}

fn set_confirmed_tables(confirmed: Option<Workspace>) {
    CONFIRMED_TABLES.with(|tables| *tables.borrow_mut() = confirmed);
}

/// What storage holds at each revision a closing page's edits may be laid over: the last
/// confirmed write and, with a write under way, what that write stores. `None` when either
/// is unknown (the closing page then sets aside the whole workspace).
pub(super) fn stored_at_bases() -> Option<Vec<Workspace>> {
    let confirmed = CONFIRMED_TABLES.with(|tables| tables.borrow().clone())?;
    if writes_in_flight() == 0 {
        return Some(vec![confirmed]);
    }
    Some(vec![confirmed, stored_tables()?])
}

pub(super) fn backend() -> Backend {
    BACKEND.with(|backend| backend.borrow().clone())
}

pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Opens storage, lists the workspaces from the stored records and opens the last one.
pub fn start(state: AppState) {
    // Hidden, the page lives on and saves as usual; unloading, it can only write.
    when_page_hidden(move || spawn_local(save_now(state)));
    when_page_unloads(move || super::page_leave::flush_on_leave(state));
    listen_for_other_tabs(KEY_PREFIX, move |_| {
        spawn_local(tab_sync::other_tab_stored(state))
    });
    spawn_local(async move {
        match BrowserStore::open().await {
            Ok(store) => BACKEND.with(|backend| *backend.borrow_mut() = Backend::Browser(store)),
            Err(error) => {
                state
                    .save_status
                    .set(SaveStatus::MemoryOnly(error.to_string()));
                return;
            }
        }
        if let Err(error) = refresh_list(state).await {
            BACKEND.with(|backend| *backend.borrow_mut() = Backend::Memory(MemoryStore::default()));
            state
                .save_status
                .set(SaveStatus::MemoryOnly(error.to_string()));
            return;
        }
        if let Some(id) = state.index.with_untracked(|index| index.active.clone()) {
            open_stored(state, &id).await;
        }
        state.save_status.set(SaveStatus::Saved(now_iso()));
    });
}

/// Rebuilds the list from storage; records it cannot show are offered for download.
pub(super) async fn refresh_list(state: AppState) -> Result<(), StoreError> {
    super::page_leave::collect_stashed_edits().await;
    let catalog = load_catalog(&backend(), &now_iso()).await?;
    let open_id = OPEN.with(|open| open.borrow().as_ref().map(|record| record.id.clone()));
    state.index.update(|index| {
        index.workspaces = catalog.workspaces;
        let still_listed = |id: &String| index.workspaces.iter().any(|meta| meta.id == *id);
        index.active = open_id
            .filter(still_listed)
            .or(catalog.last_active)
            .or_else(|| index.workspaces.first().map(|meta| meta.id.clone()));
    });
    state.unreadable.update(|list| {
        for record in catalog.unreachable {
            if !list.iter().any(|known| known.key == record.key) {
                list.push(UnreadableRecord {
                    key: record.key,
                    label: record.label,
                    reason: record.reason,
                    raw: record.raw,
                });
            }
        }
    });
    Ok(())
}

/// Shows `opened` as the open workspace of this tab.
pub(super) fn show_opened(state: AppState, opened: Opened) {
    let Opened {
        workspace,
        meta,
        seen,
        split,
    } = opened;
    set_stored_tables(split.then(|| workspace.clone()));
    set_confirmed_tables(split.then(|| workspace.clone()));
    OPEN.with(|open| {
        *open.borrow_mut() = Some(OpenRecord {
            id: meta.id.clone(),
            base: seen,
            created_at: meta.created_at.clone(),
        })
    });
    let id = meta.id.clone();
    state.index.update(|index| {
        index.upsert(meta);
        index.active = Some(id.clone());
    });
    state.workspace.set(Some(workspace));
    spawn_local(async move {
        let _ = lifecycle::remember_active(&backend(), &id).await;
    });
}

pub(super) fn forget_open(state: AppState) {
    OPEN.with(|open| *open.borrow_mut() = None);
    set_stored_tables(None);
    state.workspace.set(None);
}

pub(crate) fn open_id() -> Option<String> {
    OPEN.with(|open| open.borrow().as_ref().map(|record| record.id.clone()))
}

/// Id, last seen meta and creation time of the open workspace.
pub(super) fn open_record() -> Option<(String, SeenMeta, String)> {
    OPEN.with(|open| {
        open.borrow().as_ref().map(|record| {
            (
                record.id.clone(),
                record.base.clone(),
                record.created_at.clone(),
            )
        })
    })
}

/// The meta the latest write under way will store.
pub(super) fn in_flight_meta() -> SeenMeta {
    IN_FLIGHT_META.with(|seen| seen.borrow().clone())
}

pub(super) fn open_seen() -> Option<SeenMeta> {
    OPEN.with(|open| open.borrow().as_ref().map(|record| record.base.clone()))
}

pub(super) fn open_revision() -> Option<StoredRevision> {
    OPEN.with(|open| open.borrow().as_ref().map(|record| record.base.revision()))
}

/// The revision the next save of the open workspace expects; that save writes every table,
/// since storage holds another tab's.
pub(super) fn set_open_base(base: SeenMeta) {
    set_stored_tables(None);
    OPEN.with(|open| {
        if let Some(open) = open.borrow_mut().as_mut() {
            open.base = base;
        }
    });
}

/// Loads a stored workspace and makes it the open one. Unreadable data is kept and offered
/// for download, never replaced.
pub(super) async fn open_stored(state: AppState, id: &str) -> bool {
    let label = state
        .index
        .with_untracked(|index| index.find(id).map(|meta| meta.name.clone()))
        .unwrap_or_else(|| id.to_string());
    match lifecycle::open_workspace(&backend(), id, &now_iso()).await {
        Ok(opened) => {
            super::audit_intervals::restore(state, id).await;
            show_opened(state, opened);
            true
        }
        Err(LifecycleError::Unreadable { error, raw }) => {
            let key = microplan_workspace::store::records::workspace_key(id);
            state.unreadable.update(|list| {
                if !list.iter().any(|record| record.key == key) {
                    list.push(UnreadableRecord {
                        key,
                        label: label.clone(),
                        reason: error.to_string(),
                        raw,
                    });
                }
            });
            state.notify_error(format!("“{label}” could not be opened: {error}"));
            false
        }
        Err(error) => {
            state.notify_error(format!("“{label}” could not be opened: {error}"));
            let _ = refresh_list(state).await;
            false
        }
    }
}

/// Changes the open workspace and schedules an autosave.
pub fn update_workspace(state: AppState, change: impl FnOnce(&mut Workspace)) {
    state.workspace.update(|workspace| {
        if let Some(workspace) = workspace {
            change(workspace);
        }
    });
    schedule_save(state);
}

/// Debounced autosave: a burst of edits costs one write.
pub fn schedule_save(state: AppState) {
    let generation = EDIT_GENERATION.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    });
    if !matches!(
        state.save_status.get_untracked(),
        SaveStatus::MemoryOnly(_) | SaveStatus::Failed(_)
    ) {
        state.save_status.set(SaveStatus::Saving);
    }
    set_timeout(
        move || {
            if EDIT_GENERATION.with(Cell::get) == generation {
                spawn_local(save_now(state));
            }
        },
        autosave_delay(state),
    );
}

/// Edits made since the last write started (or since a write failed).
pub(super) fn write_pending() -> bool {
    EDIT_GENERATION.with(Cell::get) != WRITTEN_GENERATION.with(Cell::get)
}

/// Marks everything as needing a write, or nothing.
pub(super) fn mark_pending(pending: bool) {
    let generation = EDIT_GENERATION.with(Cell::get);
    WRITTEN_GENERATION.with(|written| {
        written.set(if pending {
            generation.wrapping_sub(1)
        } else {
            generation
        })
    });
}

/// Edits on screen that storage does not hold yet.
pub(super) fn has_unsaved_edits(state: AppState) -> bool {
    writes_in_flight() > 0
        || write_pending()
        || matches!(state.save_status.get_untracked(), SaveStatus::Failed(_))
}

pub(super) fn writes_in_flight() -> u32 {
    WRITES_IN_FLIGHT.with(Cell::get)
}

/// Starts writing what this tab shows, synchronously, and returns the wait for the result.
/// A write already under way is chained: this one expects the revision that one stores
/// (IndexedDB runs them in order).
fn start_write(state: AppState) -> Option<Pin<Box<dyn Future<Output = ()>>>> {
    let open = OPEN.with(|open| open.borrow().clone())?;
    let generation = EDIT_GENERATION.with(Cell::get);
    let base = match writes_in_flight() {
        0 => open.base,
        _ => IN_FLIGHT_META.with(|seen| seen.borrow().clone()),
    };
    let now = now_iso();
    let stored = stored_tables();
    let started = js_sys::Date::now();
    let mut written = Vec::new();
    let prepared = state.workspace.with_untracked(|workspace| {
        workspace.as_ref().map(|workspace| {
            let prepared = lifecycle::save_batch(
                &open.id,
                workspace,
                &base,
                stored.as_ref(),
                &open.created_at,
                &now,
            );
            written = tables_to_write(workspace, stored.as_ref());
            let snapshot = workspace.clone();
            if prepared.is_ok() {
                set_stored_tables(Some(snapshot.clone()));
            }
            prepared.map(|prepared| (prepared, snapshot))
        })
    })?;
    let slow = js_sys::Date::now() - started > CHEAP_WRITE.as_secs_f64() * 1000.0;
    COSTLY_TABLES.with(|tables| *tables.borrow_mut() = if slow { written } else { Vec::new() });
    WRITTEN_GENERATION.with(|written| written.set(generation));
    let (PreparedSave { batch, meta, seen }, snapshot) = match prepared {
        Ok(prepared) => prepared,
        Err(error) => {
            return Some(Box::pin(async move {
                finish_save(state, Err(error), generation)
            }))
        }
    };
    WRITES_IN_FLIGHT.with(|count| count.set(count.get().saturating_add(1)));
    IN_FLIGHT_META.with(|in_flight| *in_flight.borrow_mut() = seen.clone());
    // This tab's edits left at an earlier unload are now stored or superseded.
    let mut batch = batch;
    batch.delete.push(pending_key(&open.id, &tab_token()));
    let commit = backend().commit(batch);
    Some(Box::pin(async move {
        let result = commit
            .await
            .map(|()| (meta, seen, snapshot))
            .map_err(LifecycleError::from);
        WRITES_IN_FLIGHT.with(|count| count.set(count.get().saturating_sub(1)));
        finish_save(state, result, generation);
    }))
}

/// Writes the open workspace and its meta in one transaction, over the revision this tab
/// last saw; a newer one stored by another tab stops the write and asks the user.
pub(super) async fn save_now(state: AppState) {
    if state.conflict.with_untracked(Option::is_none) && write_pending() {
        if let Some(write) = start_write(state) {
            write.await;
        }
    }
}

fn finish_save(
    state: AppState,
    result: Result<(microplan_workspace::store::WorkspaceMeta, SeenMeta, Workspace), LifecycleError>,
    generation: u64,
) {
    let memory_only = matches!(state.save_status.get_untracked(), SaveStatus::MemoryOnly(_));
    let our_revision = open_revision();
    match result {
        Ok((meta, seen, snapshot)) => {
            OPEN.with(|open| {
                if let Some(open) = open.borrow_mut().as_mut().filter(|open| open.id == meta.id) {
                    open.base = seen;
                    set_confirmed_tables(Some(snapshot));
                }
            });
            let (id, saved_at) = (meta.id.clone(), meta.updated_at.clone());
            state.index.update(|index| index.upsert(meta));
            announce_to_other_tabs(&id);
            let settled = EDIT_GENERATION.with(Cell::get) == generation && writes_in_flight() == 0;
            if !memory_only && settled && state.conflict.with_untracked(Option::is_none) {
                state.save_status.set(SaveStatus::Saved(saved_at));
            }
        }
        // Storage still holds our own last revision: an earlier chained write of ours failed,
        // and its failure is already reported.
        Err(LifecycleError::Conflict { found }) if Some(found) == our_revision => {
            set_stored_tables(None);
            mark_pending(true)
        }
        Err(LifecycleError::Conflict { found }) => {
            set_stored_tables(None);
            let name = state
                .workspace
                .with_untracked(|w| w.as_ref().map(|w| w.name.clone()))
                .unwrap_or_default();
            state.conflict.set(Some(EditConflict {
                name,
                deleted: found == StoredRevision::Absent,
            }));
            state.save_status.set(SaveStatus::Failed(
                "another tab changed this workspace after this tab last saved it; choose which \
                 version to keep"
                    .into(),
            ));
        }
        Err(error) => {
            // What landed is unknown: the next write stores every table.
            set_stored_tables(None);
            mark_pending(true);
            state.save_status.set(SaveStatus::Failed(error.to_string()));
        }
    }
}

pub(super) async fn pause(duration: Duration) {
    let millis = i32::try_from(duration.as_millis()).unwrap_or(i32::MAX);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Writes pending edits now and waits until every write of this tab has landed.
pub async fn flush(state: AppState) {
    save_now(state).await;
    while writes_in_flight() > 0 {
        pause(Duration::from_millis(20)).await;
    }
}

pub(super) fn tab_token() -> String {
    TAB.with(Clone::clone)
}
