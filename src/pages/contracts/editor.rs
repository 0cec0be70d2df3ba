//! The contract editor. It holds one saved version (or a new one) and writes only into it,
//! as the user types; a sent or signed version is shown read-only, and "Edit as new draft"
//! copies it to the agreement's next version. The open version is remembered, so leaving
//! the section or reloading comes back to it.

use std::cell::RefCell;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::form::{CompensationFields, CreativeFields, DatesFields, KillFeeFields, PartiesFields};
use super::lists::{DeliverablesFields, ExclusivityFields, LicenceFields, ReportingFields};
use crate::app::clock::today;
use crate::app::persistence::update_workspace;
use crate::app::state::{app_state, AppState, SaveStatus};
use crate::widgets::document_view::DocumentView;
use microplan_plan::contract::drafts::mark_sent;
use microplan_plan::contract::versions::{edit_as_new_draft, find_version, VersionRef};
use microplan_plan::contract::{
    check_choices, contract_document, term_sheet_document, ContractChoices, DraftStatus, Saved,
    Severity,
};

/// Typing pauses this long before the draft is written into the workspace.
const DRAFT_SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(400);
const REMEMBERED_KEY: &str = "microplan.contract-editor";

/// What the editor opens: the choices and the saved version they come from, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub choices: ContractChoices,
    pub at: Option<VersionRef>,
}

#[derive(Serialize, Deserialize)]
struct Remembered {
    workspace: String,
    version: VersionRef,
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn active_workspace(state: AppState) -> Option<String> {
    state.index.with_untracked(|index| index.active.clone())
}

/// Remembers (or, with `None`, forgets) the version open in the editor.
pub fn remember_open(state: AppState, version: Option<&VersionRef>) {
    let Some(storage) = storage() else { return };
    match (version, active_workspace(state)) {
        (Some(version), Some(workspace)) => {
            if let Ok(text) = serde_json::to_string(&Remembered {
                workspace,
                version: version.clone(),
            }) {
                let _ = storage.set_item(REMEMBERED_KEY, &text);
            }
        }
        _ => {
            let _ = storage.remove_item(REMEMBERED_KEY);
        }
    }
}

/// The version that was open in this workspace's editor, if it still exists.
pub fn remembered_open(state: AppState) -> Option<Opened> {
    let text = storage()?.get_item(REMEMBERED_KEY).ok().flatten()?;
    let remembered: Remembered = serde_json::from_str(&text).ok()?;
    if Some(remembered.workspace) != active_workspace(state) {
        return None;
    }
    state.workspace.with_untracked(|w| {
        let w = w.as_ref()?;
        let draft =
            find_version(&w.contracts, &remembered.version).and_then(|i| w.contracts.get(i))?;
        // The stamp is taken now: the choices shown are the ones stored now.
        Some(Opened {
            choices: draft.choices.clone(),
            at: Some(VersionRef::of(draft)),
        })
    })
}

/// A draft waiting for its save: kept outside the editor so leaving the section still
/// writes it, after the editor's own signals are gone.
struct Pending {
    workspace: Option<String>,
    choices: ContractChoices,
    at: Option<VersionRef>,
    generation: u64,
    saved_to: RwSignal<Option<VersionRef>>,
    stale: RwSignal<bool>,
}

thread_local! {
    static PENDING: RefCell<Option<Pending>> = const { RefCell::new(None) };
}

/// Writes the draft still waiting for its pause, so what is read next is current.
pub fn save_pending_draft(state: AppState) {
    flush_pending(state, None);
}

/// Saves the pending draft now, if there is one (and, with `generation`, only if no newer
/// edit replaced it).
fn flush_pending(state: AppState, generation: Option<u64>) {
    let pending = PENDING.with(|slot| {
        let mut slot = slot.borrow_mut();
        match (slot.as_ref(), generation) {
            (Some(p), Some(g)) if p.generation != g => None,
            _ => slot.take(),
        }
    });
    let Some(pending) = pending else { return };
    if pending.workspace != active_workspace(state) {
        return;
    }
    match super::write_draft(state, pending.at.clone(), pending.choices) {
        Ok((saved, _)) => {
            let _ = pending.saved_to.try_set(Some(saved));
        }
        Err(error) => {
            if super::stale::changed_elsewhere(state, pending.at.as_ref()) {
                let _ = pending.stale.try_set(true);
            }
            state.notify_error(format!("The draft was not saved: {error}"))
        }
    }
}

#[component]
pub fn ContractEditor(opened: Opened, on_close: Callback<()>) -> impl IntoView {
    let state = app_state();
    let draft = RwSignal::new(opened.choices);
    let at = RwSignal::new(opened.at);
    let stale = RwSignal::new(false);
    if let Some(version) = at.get_untracked() {
        remember_open(state, Some(&version));
    }
    let problems = Memo::new(move |_| draft.with(check_choices));
    let shown = Memo::new(move |_| {
        let version = at.get()?;
        state.workspace.with(|w| {
            w.as_ref().and_then(|w| {
                find_version(&w.contracts, &version).and_then(|i| w.contracts.get(i).cloned())
            })
        })
    });
    let read_only = Memo::new(move |_| {
        shown.with(|d| d.as_ref().is_some_and(|d| d.status != DraftStatus::Draft))
    });
    // A memo, so a save that leaves the line as it was does not redraw the document.
    let version_line = Memo::new(move |_| {
        shown.with(|d| {
            d.as_ref()
                .map(|d| d.version_line())
                .unwrap_or_else(|| "Not saved yet".to_string())
        })
    });
    let unsaved = move || {
        shown.with(|s| {
            s.as_ref()
                .map(|d| draft.with(|c| &d.choices != c))
                .unwrap_or(true)
        })
    };
    let generation = StoredValue::new(0u64);
    // Every edit of a draft is written into its version after a short pause.
    Effect::new(move |first_run: Option<()>| {
        let choices = draft.get();
        if first_run.is_none()
            || read_only.get_untracked()
            || shown.with_untracked(|d| d.as_ref().is_some_and(|d| d.choices == choices))
        {
            return;
        }
        let next = generation.get_value().saturating_add(1);
        generation.set_value(next);
        PENDING.with(|slot| {
            *slot.borrow_mut() = Some(Pending {
                workspace: active_workspace(state),
                choices,
                at: at.get_untracked(),
                generation: next,
                saved_to: at,
                stale,
            })
        });
        if !matches!(state.save_status.get_untracked(), SaveStatus::MemoryOnly(_)) {
            state.save_status.set(SaveStatus::Saving);
        }
        set_timeout(move || flush_pending(state, Some(next)), DRAFT_SAVE_DELAY);
    });
    on_cleanup(move || flush_pending(state, None));
    let term_sheet_only = RwSignal::new(false);
    let document = Signal::derive(move || {
        let line = version_line.get();
        draft.with(|c| {
            if term_sheet_only.get() {
                term_sheet_document(c, &line)
            } else {
                contract_document(c, &line)
            }
        })
    });
    let file_stem = Signal::derive(move || {
        draft.with(|c| {
            format!(
                "{} {} {}",
                if term_sheet_only.get() {
                    "term sheet"
                } else {
                    "terms"
                },
                c.creator.handle,
                c.campaign
            )
        })
    });
    let save_now = move || {
        PENDING.with(|slot| slot.borrow_mut().take());
        let outcome = super::write_draft(state, at.get_untracked(), draft.get_untracked());
        if let Ok((saved, _)) = &outcome {
            at.set(Some(saved.clone()));
        }
        outcome
    };
    let save = move |_| match save_now() {
        Ok((_, Saved::Updated { version })) => {
            state.notify(format!("Saved draft version {version}."))
        }
        Ok((_, Saved::NewVersion { version })) => {
            state.notify(format!("Saved as draft version {version}."))
        }
        Err(error) => {
            stale.set(super::stale::changed_elsewhere(
                state,
                at.get_untracked().as_ref(),
            ));
            state.notify_error(error)
        }
    };
    let send = move |_| {
        let result = save_now().and_then(|(saved, _)| {
            let mut result = Err("No workspace is open.".to_string());
            update_workspace(state, |w| {
                result = match find_version(&w.contracts, &saved) {
                    Some(index) => mark_sent(&mut w.contracts, index).map_err(String::from),
                    None => Err("The draft could not be found after saving.".into()),
                };
            });
            result
        });
        match result {
            Ok(()) => state.notify(
                "Marked as sent. It is kept as sent; “Edit as new draft” starts the next version.",
            ),
            Err(error) => state.notify_error(error),
        }
    };
    let edit_copy = move |_| {
        let Some(source) = at.get_untracked() else {
            return;
        };
        let mut outcome = Err("No workspace is open.".to_string());
        update_workspace(state, |w| {
            outcome = edit_as_new_draft(&mut w.contracts, &source, today()).map_err(String::from)
        });
        match outcome {
            Ok(copy) => {
                let choices = state.workspace.with_untracked(|w| {
                    w.as_ref().and_then(|w| {
                        find_version(&w.contracts, &copy)
                            .and_then(|i| w.contracts.get(i))
                            .map(|d| d.choices.clone())
                    })
                });
                remember_open(state, Some(&copy));
                state.notify(format!(
                    "Version {} copied to new draft version {}; version {} stays as it was.",
                    source.version, copy.version, source.version
                ));
                at.set(Some(copy));
                if let Some(choices) = choices {
                    draft.set(choices);
                }
            }
            Err(error) => state.notify_error(error),
        }
    };
    let close = move |_| {
        flush_pending(state, None);
        remember_open(state, None);
        on_close.run(());
    };
    let counts = move || {
        problems.with(|p| {
            let conflicts = p
                .iter()
                .filter(|x| x.severity == Severity::Conflict)
                .count();
            (conflicts, p.len().saturating_sub(conflicts))
        })
    };
    view! {
        <section class="card contract-editor" aria-labelledby="contract-editor-heading" data-testid="contract-editor">
            <div class="table-head">
                <h2 id="contract-editor-heading">{move || draft.with(|c| format!("Terms with @{} for {}", c.creator.handle, c.campaign))}</h2>
                <div class="actions">
                    <Show when=move || !read_only.get() fallback=move || view! {
                        <button type="button" class="primary" on:click=edit_copy>"Edit as new draft"</button>
                    }>
                        <button type="button" class="primary" on:click=save>"Save draft"</button>
                        <button type="button" on:click=send disabled=move || { counts().0 > 0 }>"Mark as sent"</button>
                    </Show>
                    <button type="button" on:click=close>"Close"</button>
                </div>
            </div>
            <p class="hint" data-testid="contract-version-line">
                {version_line}
                {move || if read_only.get() { " · read-only" } else if unsaved() { " · saving…" } else { " · saved automatically" }}
            </p>
            <super::stale::StaleNotice state=state stale=stale at=at draft=draft />
            <Show when=move || read_only.get()>
                <p class="contract-frozen" role="status">
                    {move || shown.with(|d| d.as_ref().map(|d| format!(
                        "Version {} is {}: it is kept exactly as it was {}. To change the terms, edit a copy as a new draft.",
                        d.version, d.status.label(), d.status.label()
                    )).unwrap_or_default())}
                </p>
            </Show>
            <p class=move || { if counts().0 > 0 { "contract-summary conflict" } else { "contract-summary ok" } } role="status" aria-live="polite">
                {move || match counts() {
                    (0, 0) => "No conflicts: the choices agree with each other and with the market's rules.".to_string(),
                    (0, w) => format!("No conflicts; {w} point(s) to check, shown beside the choices."),
                    (c, w) => format!("{c} conflict(s) to fix before sending{}; each is shown beside its choice.", if w > 0 { format!(", {w} point(s) to check") } else { String::new() }),
                }}
            </p>
            <div class="contract-layout">
                <form class="contract-form" on:submit=|ev| ev.prevent_default() aria-label="Contract choices">
                    // A disabled fieldset disables every field inside it: a sent version cannot be typed into.
                    <fieldset class="contract-fields" disabled=move || read_only.get()>
                        <PartiesFields draft=draft problems=problems />
                        <DatesFields draft=draft problems=problems />
                        <DeliverablesFields draft=draft problems=problems />
                        <CreativeFields draft=draft problems=problems />
                        <CompensationFields draft=draft problems=problems />
                        <KillFeeFields draft=draft problems=problems />
                        <LicenceFields draft=draft problems=problems />
                        <ExclusivityFields draft=draft problems=problems />
                        <ReportingFields draft=draft problems=problems />
                    </fieldset>
                </form>
                <div class="contract-preview">
                    <div class="table-tabs" role="group" aria-label="Show">
                        <button type="button" aria-pressed=move || (!term_sheet_only.get()).to_string() on:click=move |_| term_sheet_only.set(false)>"Full agreement"</button>
                        <button type="button" aria-pressed=move || term_sheet_only.get().to_string() on:click=move |_| term_sheet_only.set(true)>"Term sheet only"</button>
                    </div>
                    <DocumentView document=document file_stem=file_stem />
                </div>
            </div>
        </section>
    }
}
