//! The open workspace's autosave: the tab's side of `microplan_workspace::store::lifecycle`.
//! It holds which tables storage has, whether this tab has edits not yet stored, and the
//! writes under way; opening, listing and the user's actions on workspaces call in here.
//! When browser storage is unusable the same code runs over an in-memory store.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::open_record::{self, open_record, open_revision, tab_token};
// Widgets ask whether a workspace is the open one.
pub(crate) use super::open_record::open_id;
use super::page_events::announce_to_other_tabs;
use super::ready_texts::{starting_with, ReadyTexts};
use super::state::{AppState, EditConflict, SaveStatus};
use super::storage_backend::{backend, yield_for_frame, yield_to_page};
use microplan_workspace::store::choices::{autosave_waits_long, tables_to_write};
use microplan_workspace::store::lifecycle;
use microplan_workspace::store::lifecycle::{LifecycleError, PreparedSave, SeenMeta};
use microplan_workspace::store::pending::pending_key;
use microplan_workspace::store::prepared::prepare_table_in_slices;
use microplan_workspace::store::records::{table_key, RecordStore, StoredRevision};
use microplan_workspace::Workspace;

/// The pause after an edit before it is written, so a burst of edits costs one write. Short
/// while writes are cheap (an edit writes only its own tables); long for an edit of a table
/// whose last write took a while to prepare, so typing into it does not write per key.
const AUTOSAVE_DELAY_CHEAP: Duration = Duration::from_millis(30);
const AUTOSAVE_DELAY_COSTLY: Duration = Duration::from_millis(400);
const CHEAP_WRITE: Duration = Duration::from_millis(15);

// Per tab: this tab's edits and the writes it has under way; another tab keeps its own.
thread_local! {
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
    let touched = state.workspace.with_untracked(|workspace| {
        workspace
            .as_ref()
            .map(|workspace| tables_to_write(workspace, stored_tables().as_ref()))
    });
    if autosave_waits_long(&costly, touched.as_deref()) {
        AUTOSAVE_DELAY_COSTLY
    } else {
        AUTOSAVE_DELAY_CHEAP
    }
}

/// The tables storage holds once the writes under way land, if known.
pub(super) fn stored_tables() -> Option<Workspace> {
    STORED_TABLES.with(|tables| tables.borrow().clone())
}

/// Sets what storage holds once the writes under way land. `None` (unknown) also forgets
/// the confirmed tables: both are known again after the next confirmed write.
pub(super) fn set_stored_tables(stored: Option<Workspace>) {
    if stored.is_none() {
        set_confirmed_tables(None);
    }
    STORED_TABLES.with(|tables| *tables.borrow_mut() = stored);
}

pub(super) fn set_confirmed_tables(confirmed: Option<Workspace>) {
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

pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// The meta the latest write under way will store.
pub(super) fn in_flight_meta() -> SeenMeta {
    IN_FLIGHT_META.with(|seen| seen.borrow().clone())
}

/// The revision the next save of the open workspace expects; that save writes every table,
/// since storage holds another tab's.
pub(super) fn set_open_base(base: SeenMeta) {
    set_stored_tables(None);
    open_record::set_open_base(None, base);
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
pub(crate) fn has_unsaved_edits(state: AppState) -> bool {
    writes_in_flight() > 0
        || write_pending()
        || matches!(state.save_status.get_untracked(), SaveStatus::Failed(_))
}

pub(super) fn writes_in_flight() -> u32 {
    WRITES_IN_FLIGHT.with(Cell::get)
}

/// Starts writing what this tab shows, synchronously, and returns the wait for the result.
/// A write already under way is chained: this one expects the revision that one stores
/// (IndexedDB runs them in order). `ahead` holds tables prepared for it.
fn start_write(state: AppState, ahead: Ahead) -> Option<Pin<Box<dyn Future<Output = ()>>>> {
    let open = open_record()?;
    let generation = EDIT_GENERATION.with(Cell::get);
    let base = match writes_in_flight() {
        0 => open.base,
        _ => IN_FLIGHT_META.with(|seen| seen.borrow().clone()),
    };
    let now = now_iso();
    let stored = stored_tables();
    let started = js_sys::Date::now();
    let Ahead { mut ready, busy_ms } = ahead;
    let mut written = Vec::new();
    let prepared = state.workspace.with_untracked(|workspace| {
        workspace.as_ref().map(|workspace| {
            let prepared = lifecycle::save_batch_prepared(
                &open.id,
                workspace,
                &base,
                stored.as_ref(),
                &open.created_at,
                &now,
                ready.take_tables(),
            );
            written = tables_to_write(workspace, stored.as_ref());
            let snapshot = workspace.clone();
            if prepared.is_ok() {
                set_stored_tables(Some(snapshot.clone()));
            }
            prepared.map(|prepared| (prepared, snapshot))
        })
    })?;
    let preparing_ms = busy_ms + js_sys::Date::now() - started;
    let slow = preparing_ms > CHEAP_WRITE.as_secs_f64() * 1000.0;
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
    let store = backend();
    let commit = starting_with(ready, || store.commit(batch));
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
    let wanted = || state.conflict.with_untracked(Option::is_none) && write_pending();
    if wanted() {
        let ahead = prepare_in_slices(state).await;
        // Another save may have written everything meanwhile.
        if !wanted() {
            return;
        }
        if let Some(write) = start_write(state, ahead) {
            write.await;
        }
    }
}

/// Checks and encodes the large tables the next write stores a slice at a time, letting the
/// page paint between slices, and makes each text a JS string in a task of its own; the write
/// then builds its transaction at once from them (or, for a table edited meanwhile, checks
/// and encodes it itself), so a write is never partial.
async fn prepare_in_slices(state: AppState) -> Ahead {
    let mut ready = ReadyTexts::default();
    let clock = BusyClock::new();
    let (Some(snapshot), Some(id)) = (state.workspace.with_untracked(Clone::clone), open_id())
    else {
        return Ahead {
            ready,
            busy_ms: 0.0,
        };
    };
    for table in tables_to_write(&snapshot, stored_tables().as_ref()) {
        let slice_pause = || clock.pause(yield_to_page());
        if let Some(table) = prepare_table_in_slices(&snapshot, table, slice_pause).await {
            let key = table_key(&id, table.table);
            // Long steps, and the write (with IndexedDB's puts) may follow: a frame between.
            ready
                .push(key, table, || clock.pause(yield_for_frame()))
                .await;
        }
    }
    let busy_ms = clock.busy_ms();
    Ahead { ready, busy_ms }
}

/// Tables prepared ahead of a write, and the time preparing them took (pauses left out): the
/// write's own time plus this tells whether typing into those tables waits long to save.
struct Ahead {
    ready: ReadyTexts,
    busy_ms: f64,
}

/// Adds up the time spent working between pauses.
struct BusyClock {
    busy_ms: Cell<f64>,
    resumed_at: Cell<f64>,
}

impl BusyClock {
    fn new() -> Self {
        BusyClock {
            busy_ms: Cell::new(0.0),
            resumed_at: Cell::new(js_sys::Date::now()),
        }
    }

    async fn pause(&self, pause: impl Future<Output = ()>) {
        let worked = js_sys::Date::now() - self.resumed_at.get();
        self.busy_ms.set(self.busy_ms.get() + worked);
        pause.await;
        self.resumed_at.set(js_sys::Date::now());
    }

    /// Includes the work since the last pause.
    fn busy_ms(&self) -> f64 {
        self.busy_ms.get() + js_sys::Date::now() - self.resumed_at.get()
    }
}

fn finish_save(
    state: AppState,
    result: Result<
        (
            microplan_workspace::store::WorkspaceMeta,
            SeenMeta,
            Workspace,
        ),
        LifecycleError,
    >,
    generation: u64,
) {
    let memory_only = matches!(state.save_status.get_untracked(), SaveStatus::MemoryOnly(_));
    let our_revision = open_revision();
    match result {
        Ok((meta, seen, snapshot)) => {
            if open_record::set_open_base(Some(&meta.id), seen) {
                set_confirmed_tables(Some(snapshot));
            }
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
