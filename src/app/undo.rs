//! Undo for destructive actions. A delete records how to put back what it removed; the
//! "Deleted … Undo" notice stays for `UNDO_SECONDS`, and until then the removed items are
//! held here, in memory, with their places. Undoing changes the workspace and autosaves it.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

use super::persistence::update_workspace;
use super::state::{app_state, AppState};
use microplan_workspace::Workspace;

/// Long enough to read the notice, reach its button by keyboard and act.
pub const UNDO_SECONDS: u64 = 20;

type Restore = Box<dyn FnOnce(&mut Workspace)>;

struct Held {
    id: u64,
    /// The workspace the items were removed from: undo never writes into another one.
    workspace_id: Option<String>,
    restore: Restore,
}

thread_local! {
    static HELD: RefCell<Vec<Held>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
    /// Set when `UndoNotices` mounts, so deletes anywhere can offer an undo.
    static JOURNAL: Cell<Option<UndoJournal>> = const { Cell::new(None) };
}

#[derive(Debug, Clone, PartialEq)]
pub struct UndoOffer {
    pub id: u64,
    pub text: String,
}

/// The offers on screen.
#[derive(Clone, Copy)]
struct UndoJournal {
    offers: RwSignal<Vec<UndoOffer>>,
}

fn active_workspace(state: AppState) -> Option<String> {
    state.index.with_untracked(|index| index.active.clone())
}

fn forget(journal: UndoJournal, id: u64) {
    HELD.with(|held| held.borrow_mut().retain(|h| h.id != id));
    journal
        .offers
        .update(|offers| offers.retain(|o| o.id != id));
}

/// Shows `text` ("Deleted the brief “X”.") with an Undo button; undo runs `restore` on the
/// workspace the items came from.
pub fn offer_undo(
    state: AppState,
    text: impl Into<String>,
    restore: impl FnOnce(&mut Workspace) + 'static,
) {
    let Some(journal) = JOURNAL.with(Cell::get) else {
        return;
    };
    let id = NEXT_ID.with(|next| {
        let id = next.get();
        next.set(id.saturating_add(1));
        id
    });
    HELD.with(|held| {
        held.borrow_mut().push(Held {
            id,
            workspace_id: active_workspace(state),
            restore: Box::new(restore),
        })
    });
    journal.offers.update(|offers| {
        offers.push(UndoOffer {
            id,
            text: text.into(),
        })
    });
    set_timeout(
        move || forget(journal, id),
        std::time::Duration::from_secs(UNDO_SECONDS),
    );
}

/// Applies `change` and offers to undo it by putting the whole workspace back as it was:
/// for changes that replace many rows at once (a replacing import). With `text` `None` it
/// is a plain `update_workspace`.
pub fn update_undoably(state: AppState, text: Option<String>, change: impl FnOnce(&mut Workspace)) {
    let before = text.as_ref().and_then(|_| state.workspace.get_untracked());
    update_workspace(state, change);
    if let (Some(text), Some(before)) = (text, before) {
        offer_undo(
            state,
            format!("{text} Undo puts back the workspace as it was just before."),
            move |w| *w = before,
        );
    }
}

fn undo(state: AppState, journal: UndoJournal, id: u64) {
    let held = HELD.with(|held| {
        let mut held = held.borrow_mut();
        let position = held.iter().position(|h| h.id == id)?;
        Some(held.remove(position))
    });
    journal
        .offers
        .update(|offers| offers.retain(|o| o.id != id));
    let Some(held) = held else {
        state.notify_error("That delete can no longer be undone.");
        return;
    };
    if held.workspace_id != active_workspace(state) {
        state.notify_error(
            "That delete was in another workspace: open it again to see what is left.",
        );
        return;
    }
    update_workspace(state, held.restore);
    state.notify("Undone: everything deleted is back in its place.");
}

/// The "Deleted … Undo" notices, announced politely and reachable by keyboard.
#[component]
pub fn UndoNotices() -> impl IntoView {
    let state = app_state();
    let journal = UndoJournal {
        offers: RwSignal::new(Vec::new()),
    };
    JOURNAL.with(|slot| slot.set(Some(journal)));
    view! {
        <div class="undo-notices" role="region" aria-label="Undo" aria-live="polite" data-testid="undo-notices">
            <For
                each=move || journal.offers.get()
                key=|offer| offer.id
                children=move |offer| {
                    let id = offer.id;
                    view! {
                        <div class="notice undo-notice">
                            <span>{offer.text.clone()}</span>
                            <span class="actions">
                                <button type="button" class="primary small" aria-label=format!("Undo: {}", offer.text)
                                    on:click=move |_| undo(state, journal, id)>"Undo"</button>
                                <button type="button" class="icon" aria-label="Dismiss; the delete stays"
                                    on:click=move |_| forget(journal, id)>"×"</button>
                            </span>
                        </div>
                    }
                }
            />
        </div>
    }
}
