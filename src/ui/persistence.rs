//! Workspace lifecycle on top of the store: start-up, autosave, create, rename, duplicate,
//! delete and switch. When browser storage is unusable, the same operations run against an
//! in-memory map and the user is told so.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{AppState, SaveStatus, UnreadableRecord};
use crate::domain::workspace::Workspace;
use crate::store::browser::{index_key, workspace_key, BrowserStore, StoreError};
use crate::store::index::new_workspace_id;
use crate::store::{decode_workspace, encode_workspace, WorkspaceIndex, WorkspaceMeta};

const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

/// Where records live: IndexedDB, or this tab's memory when storage is unavailable.
#[derive(Clone)]
enum Backend {
    Browser(BrowserStore),
    Memory,
}

thread_local! {
    static BACKEND: RefCell<Backend> = const { RefCell::new(Backend::Memory) };
    static MEMORY: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
    static SAVE_GENERATION: Cell<u64> = const { Cell::new(0) };
}

fn backend() -> Backend {
    BACKEND.with(|backend| backend.borrow().clone())
}

async fn get_text(key: &str) -> Result<Option<String>, StoreError> {
    match backend() {
        Backend::Browser(store) => store.get_text(key).await,
        Backend::Memory => Ok(MEMORY.with(|memory| memory.borrow().get(key).cloned())),
    }
}

async fn put_all(pairs: Vec<(String, String)>) -> Result<(), StoreError> {
    match backend() {
        Backend::Browser(store) => store.put_all(&pairs).await,
        Backend::Memory => {
            MEMORY.with(|memory| memory.borrow_mut().extend(pairs));
            Ok(())
        }
    }
}

async fn delete_key(key: &str) -> Result<(), StoreError> {
    match backend() {
        Backend::Browser(store) => store.delete(key).await,
        Backend::Memory => {
            MEMORY.with(|memory| memory.borrow_mut().remove(key));
            Ok(())
        }
    }
}

pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

fn new_id() -> String {
    new_workspace_id(js_sys::Date::now(), js_sys::Math::random())
}

/// Opens storage, reads the index and opens the last active workspace.
pub fn start(state: AppState) {
    spawn_local(async move {
        match BrowserStore::open().await {
            Ok(store) => BACKEND.with(|backend| *backend.borrow_mut() = Backend::Browser(store)),
            Err(error) => {
                state.save_status.set(SaveStatus::MemoryOnly(error.to_string()));
                return;
            }
        }
        let index = match load_index(state).await {
            Ok(index) => index,
            Err(error) => {
                BACKEND.with(|backend| *backend.borrow_mut() = Backend::Memory);
                state.save_status.set(SaveStatus::MemoryOnly(error.to_string()));
                return;
            }
        };
        let active = index.active.clone().or_else(|| index.workspaces.first().map(|m| m.id.clone()));
        state.index.set(index);
        if let Some(id) = active {
            open_stored(state, &id).await;
        }
        state.save_status.set(SaveStatus::Saved(now_iso()));
    });
}

/// Reads the index; a damaged index is kept for download and rebuilt from the workspaces.
async fn load_index(state: AppState) -> Result<WorkspaceIndex, StoreError> {
    let Backend::Browser(store) = backend() else {
        return Ok(WorkspaceIndex::default());
    };
    match store.load_index().await? {
        Ok(index) => Ok(index),
        Err(raw) => {
            state.unreadable.update(|list| {
                list.push(UnreadableRecord {
                    key: index_key(),
                    label: "Workspace list".into(),
                    reason: "the list of workspaces is damaged; it was rebuilt from the \
                             workspaces themselves"
                        .into(),
                    raw,
                })
            });
            let mut rebuilt = WorkspaceIndex::default();
            let prefix = workspace_key("");
            for key in store.keys().await? {
                let Some(id) = key.strip_prefix(&prefix) else { continue };
                if let Some(Ok(workspace)) =
                    store.get_text(&key).await?.map(|text| decode_workspace(&text))
                {
                    rebuilt.upsert(meta_for(id, &workspace, &now_iso()));
                }
            }
            Ok(rebuilt)
        }
    }
}

fn meta_for(id: &str, workspace: &Workspace, now: &str) -> WorkspaceMeta {
    WorkspaceMeta {
        id: id.to_string(),
        name: workspace.name.clone(),
        created_at: now.to_string(),
        updated_at: now.to_string(),
        rows: workspace.row_count(),
    }
}

/// Loads a stored workspace and makes it the open one. Unreadable data is kept and offered
/// for download, never replaced.
async fn open_stored(state: AppState, id: &str) -> bool {
    let label = state
        .index
        .with_untracked(|index| index.find(id).map(|meta| meta.name.clone()))
        .unwrap_or_else(|| id.to_string());
    let key = workspace_key(id);
    match get_text(&key).await {
        Ok(Some(text)) => match decode_workspace(&text) {
            Ok(workspace) => {
                state.workspace.set(Some(workspace));
                state.index.update(|index| index.active = Some(id.to_string()));
                true
            }
            Err(error) => {
                state.unreadable.update(|list| {
                    if !list.iter().any(|record| record.key == key) {
                        list.push(UnreadableRecord {
                            key: key.clone(),
                            label: label.clone(),
                            reason: error.to_string(),
                            raw: text,
                        });
                    }
                });
                state.notify_error(format!("“{label}” could not be opened: {error}"));
                false
            }
        },
        Ok(None) => {
            state.notify_error(format!("“{label}” has no stored data; it was removed from the list."));
            state.index.update(|index| index.remove(id));
            false
        }
        Err(error) => {
            state.notify_error(format!("“{label}” could not be read: {error}"));
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
    let generation = SAVE_GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    if !matches!(state.save_status.get_untracked(), SaveStatus::MemoryOnly(_)) {
        state.save_status.set(SaveStatus::Saving);
    }
    set_timeout(
        move || {
            if SAVE_GENERATION.with(Cell::get) == generation {
                spawn_local(save_now(state));
            }
        },
        AUTOSAVE_DELAY,
    );
}

/// Writes the open workspace and the index in one transaction.
async fn save_now(state: AppState) {
    let Some(id) = state.index.with_untracked(|index| index.active.clone()) else { return };
    let now = now_iso();
    let Some((text, mut meta)) = state.workspace.with_untracked(|workspace| {
        workspace.as_ref().map(|w| (encode_workspace(w, &now), meta_for(&id, w, &now)))
    }) else {
        return;
    };
    if let Some(existing) = state.index.with_untracked(|index| index.find(&id).cloned()) {
        meta.created_at = existing.created_at;
    }
    let mut index = state.index.get_untracked();
    index.upsert(meta);
    let result = put_all(vec![(workspace_key(&id), text), (index_key(), index.encode())]).await;
    let memory_only = matches!(state.save_status.get_untracked(), SaveStatus::MemoryOnly(_));
    match result {
        Ok(()) => {
            state.index.set(index);
            if !memory_only {
                state.save_status.set(SaveStatus::Saved(now));
            }
        }
        Err(error) => state.save_status.set(SaveStatus::Failed(error.to_string())),
    }
}

/// Stores `workspace` under a new id, adds it to the index and opens it.
pub async fn add_and_open(state: AppState, mut workspace: Workspace) {
    let id = new_id();
    let now = now_iso();
    workspace.name = state.index.with_untracked(|index| index.unique_name(&workspace.name));
    let mut index = state.index.get_untracked();
    index.upsert(meta_for(&id, &workspace, &now));
    index.active = Some(id.clone());
    let pairs = vec![(workspace_key(&id), encode_workspace(&workspace, &now)), (index_key(), index.encode())];
    match put_all(pairs).await {
        Ok(()) => {
            let name = workspace.name.clone();
            state.index.set(index);
            state.workspace.set(Some(workspace));
            state.notify(format!("Opened “{name}”."));
        }
        Err(error) => state.notify_error(format!("The workspace was not created: {error}")),
    }
}

/// Switches to another stored workspace after writing any pending change.
pub async fn switch_to(state: AppState, id: String) {
    if state.index.with_untracked(|index| index.active.as_deref() == Some(id.as_str())) {
        return;
    }
    flush(state).await;
    if open_stored(state, &id).await {
        let index = state.index.get_untracked();
        let _ = put_all(vec![(index_key(), index.encode())]).await;
    }
}

/// Writes a pending autosave now.
pub async fn flush(state: AppState) {
    if matches!(state.save_status.get_untracked(), SaveStatus::Saving | SaveStatus::Failed(_)) {
        SAVE_GENERATION.with(|g| g.set(g.get() + 1));
        save_now(state).await;
    }
}

/// Renames any workspace; a closed one is read, renamed and written back.
pub async fn rename(state: AppState, id: String, new_name: String) {
    let name = new_name.trim().to_string();
    if name.is_empty() {
        state.notify_error("A workspace needs a name.");
        return;
    }
    let is_active = state.index.with_untracked(|index| index.active.as_deref() == Some(&id));
    if is_active {
        update_workspace(state, |workspace| workspace.name = name);
        return;
    }
    match read_closed(&id).await {
        Ok(mut workspace) => {
            workspace.name = name;
            write_closed(state, &id, &workspace).await;
        }
        Err(reason) => state.notify_error(format!("Rename failed: {reason}")),
    }
}

async fn read_closed(id: &str) -> Result<Workspace, String> {
    match get_text(&workspace_key(id)).await {
        Ok(Some(text)) => decode_workspace(&text).map_err(|error| error.to_string()),
        Ok(None) => Err("the workspace has no stored data".into()),
        Err(error) => Err(error.to_string()),
    }
}

async fn write_closed(state: AppState, id: &str, workspace: &Workspace) {
    let now = now_iso();
    let mut index = state.index.get_untracked();
    let mut meta = meta_for(id, workspace, &now);
    if let Some(existing) = index.find(id) {
        meta.created_at = existing.created_at.clone();
    }
    index.upsert(meta);
    let pairs = vec![(workspace_key(id), encode_workspace(workspace, &now)), (index_key(), index.encode())];
    match put_all(pairs).await {
        Ok(()) => state.index.set(index),
        Err(error) => state.notify_error(format!("Not saved: {error}")),
    }
}

/// Copies a workspace (the open one with its unsaved edits) and opens the copy.
pub async fn duplicate(state: AppState, id: String) {
    flush(state).await;
    match read_closed(&id).await {
        Ok(mut workspace) => {
            workspace.name = format!("{} (copy)", workspace.name);
            add_and_open(state, workspace).await;
        }
        Err(reason) => state.notify_error(format!("Duplicate failed: {reason}")),
    }
}

/// Deletes a workspace for good; the caller has asked the user to confirm.
pub async fn delete(state: AppState, id: String) {
    let was_active = state.index.with_untracked(|index| index.active.as_deref() == Some(&id));
    let mut index = state.index.get_untracked();
    let name = index.find(&id).map(|meta| meta.name.clone()).unwrap_or_default();
    index.remove(&id);
    if let Err(error) = put_all(vec![(index_key(), index.encode())]).await {
        state.notify_error(format!("Not deleted: {error}"));
        return;
    }
    let _ = delete_key(&workspace_key(&id)).await;
    let next = index.active.clone();
    state.index.set(index);
    state.unreadable.update(|list| list.retain(|record| record.key != workspace_key(&id)));
    if was_active {
        state.workspace.set(None);
        if let Some(next) = next {
            open_stored(state, &next).await;
        }
    }
    state.notify(format!("Deleted “{name}”."));
}

/// Removes an unreadable record after the user has downloaded or given it up.
pub async fn discard_unreadable(state: AppState, key: String) {
    if key != index_key() {
        if let Err(error) = delete_key(&key).await {
            state.notify_error(format!("Not removed: {error}"));
            return;
        }
        if let Some(id) = key.strip_prefix(&workspace_key("")) {
            let id = id.to_string();
            state.index.update(|index| index.remove(&id));
            let index = state.index.get_untracked();
            let _ = put_all(vec![(index_key(), index.encode())]).await;
        }
    }
    state.unreadable.update(|list| list.retain(|record| record.key != key));
}
