//! Start-up: opens browser storage, lists the workspaces, opens the last one, and wires the
//! page's events to autosave, leaving and news from other tabs.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{mark, BrowserStore};
use super::opening::{open_stored, refresh_list};
use super::page_events::{listen_for_other_tabs, when_page_hidden, when_page_unloads};
use super::page_leave::flush_on_leave;
use super::persistence::{now_iso, save_now};
use super::state::{AppState, SaveStatus};
use super::storage_backend::{set_backend, Backend};
use super::tab_sync;
use microplan_workspace::store::records::MemoryStore;
use microplan_workspace::store::KEY_PREFIX;

/// Opens storage, lists the workspaces from the stored records and opens the last one.
pub fn start(state: AppState) {
    // Hidden, the page lives on and saves as usual; unloading, it can only write.
    when_page_hidden(move || spawn_local(save_now(state)));
    when_page_unloads(move || flush_on_leave(state));
    listen_for_other_tabs(KEY_PREFIX, move |_| {
        spawn_local(tab_sync::other_tab_stored(state))
    });
    spawn_local(async move {
        mark("microplan: opening storage");
        match BrowserStore::open().await {
            Ok(store) => set_backend(Backend::Browser(store)),
            Err(error) => {
                state
                    .save_status
                    .set(SaveStatus::MemoryOnly(error.to_string()));
                return;
            }
        }
        if let Err(error) = refresh_list(state).await {
            set_backend(Backend::Memory(MemoryStore::default()));
            state
                .save_status
                .set(SaveStatus::MemoryOnly(error.to_string()));
            return;
        }
        mark("microplan: workspaces listed");
        if let Some(id) = state.index.with_untracked(|index| index.active.clone()) {
            open_stored(state, &id).await;
        }
        state.save_status.set(SaveStatus::Saved(now_iso()));
    });
}
