//! Messages about storage, long work and completed actions.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::files::{download_text, safe_file_stem};
use crate::app::state::{app_state, SaveStatus};
use crate::app::{tab_sync, workspace_ops};

/// Storage problems that the user must see until they are resolved.
#[component]
pub fn Banners() -> impl IntoView {
    let state = app_state();
    let storage_banner = move || match state.save_status.get() {
        SaveStatus::MemoryOnly(reason) => Some(view! {
            <div class="banner error" role="alert">
                <strong>"Working in memory only. "</strong>
                {reason}
            </div>
        }),
        // A conflict has its own banner with the choice to make.
        SaveStatus::Failed(_) if state.conflict.with(Option::is_some) => None,
        SaveStatus::Failed(reason) => Some(view! {
            <div class="banner error" role="alert">
                <strong>"Your latest changes are not saved. "</strong>
                {reason}
            </div>
        }),
        _ => None,
    };
    let unreadable = move || {
        state
            .unreadable
            .get()
            .into_iter()
            .map(|record| {
                let file_name = format!("{}-unreadable.json", safe_file_stem(&record.label));
                let raw = record.raw.clone();
                let key = record.key.clone();
                view! {
                    <div class="banner warning" role="alert">
                        <p>
                            <strong>{format!("“{}” could not be read. ", record.label)}</strong>
                            {format!("Reason: {}. ", record.reason)}
                            "Nothing was reset: the stored data is kept as it is. Download it to \
                             inspect or repair it."
                        </p>
                        <div class="actions">
                            <button on:click=move |_| {
                                if let Err(error) = download_text(&file_name, &raw, "application/json") {
                                    state.notify_error(error);
                                }
                            }>"Download raw data"</button>
                            <button
                                class="danger"
                                on:click=move |_| {
                                    let confirmed = window()
                                        .confirm_with_message(
                                            "Remove this unreadable data from the browser for good?",
                                        )
                                        .unwrap_or(false);
                                    if confirmed {
                                        spawn_local(workspace_ops::discard_unreadable(state, key.clone()));
                                    }
                                }
                            >
                                "Remove it"
                            </button>
                        </div>
                    </div>
                }
            })
            .collect_view()
    };
    let conflict = move || {
        state.conflict.get().map(|conflict| {
            let what = if conflict.deleted {
                format!(
                    "Another tab deleted “{}” while this tab had changes not yet saved. ",
                    conflict.name
                )
            } else {
                format!(
                    "Another tab saved “{}” while this tab had changes not yet saved. ",
                    conflict.name
                )
            };
            view! {
                <div class="banner error" role="alert">
                    <p>
                        <strong>{what}</strong>
                        "Nothing has been overwritten. Keep this tab's version (it becomes the \
                         saved one) or take the other tab's version (this tab's changes are \
                         dropped)."
                    </p>
                    <div class="actions">
                        <button on:click=move |_| spawn_local(tab_sync::keep_mine(state))>
                            "Keep my version"
                        </button>
                        <button on:click=move |_| spawn_local(tab_sync::take_theirs(state))>
                            "Take the other tab's version"
                        </button>
                    </div>
                </div>
            }
        })
    };
    view! {
        {conflict}
        {storage_banner}
        {unreadable}
    }
}

/// A progress bar for imports and other long work.
#[component]
pub fn BusyBar() -> impl IntoView {
    let state = app_state();
    move || {
        state.busy.get().map(|(label, fraction)| {
            let percent = (fraction.clamp(0.0, 1.0) * 100.0).round();
            view! {
                <div class="busy" role="status" aria-live="polite">
                    <label for="busy-progress">{label}</label>
                    <progress id="busy-progress" max="100" value=percent>
                        {format!("{percent}%")}
                    </progress>
                </div>
            }
        })
    }
}

/// Short confirmations and errors; errors stay until dismissed.
#[component]
pub fn Notices() -> impl IntoView {
    let state = app_state();
    view! {
        <div class="notices" aria-live="polite">
            <For
                each=move || state.notices.get()
                key=|notice| notice.id
                children=move |notice| {
                    let id = notice.id;
                    view! {
                        <div class=if notice.is_error { "notice error" } else { "notice" } role="status">
                            <span>{notice.text}</span>
                            <button
                                class="icon"
                                aria-label="Dismiss message"
                                on:click=move |_| state.dismiss(id)
                            >
                                "×"
                            </button>
                        </div>
                    }
                }
            />
        </div>
    }
}
