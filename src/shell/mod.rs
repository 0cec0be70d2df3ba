//! The shell: mounting (in place of index.html's loading shell), the header and layout, the routes from a section to its page, and
//! the notices around them. It sits on top: it uses `app`, `widgets` and `pages`, and nothing
//! uses it but `main`.

mod banners;
mod section_code;
mod workspace_picker;

use leptos::prelude::*;

use crate::app::{audits, crash, page_leave, persistence, sections, startup, undo};
use crate::pages;
use crate::widgets::empty_state::NeedsWorkspace;

use crate::app::state::{app_state, AppState, SaveStatus};
use sections::{use_current_section, Section};

pub fn mount() {
    crate::app::browser::mark("microplan: wasm started");
    crash::install_panic_hook();
    // Read before the router starts, so a section that stopped the app is not reopened.
    let previous_crash = crash::previous_crash();
    leptos::mount::mount_to_body(move || view! { <App previous_crash=previous_crash.clone() /> });
    remove_loading_shell();
    crate::app::browser::mark("microplan: mounted");
}

/// index.html paints a static copy of the header and section list while the wasm downloads.
/// Removing it in the task that mounted the app means no frame shows both or neither; a
/// keyboard user's focus moves to the app's matching control.
fn remove_loading_shell() {
    use wasm_bindgen::JsCast;
    let Some(shell) = document().get_element_by_id("boot-shell") else {
        return;
    };
    let focused = document()
        .active_element()
        .filter(|element| shell.contains(Some(element)));
    let replacement = focused.and_then(|element| {
        if element.tag_name() == "BUTTON" {
            return Some("#section-menu-toggle".to_string());
        }
        let href = element.get_attribute("href")?;
        let area = if element.closest("nav").ok().flatten().is_some() {
            "#section-list"
        } else {
            ".app-header"
        };
        Some(format!("{area} a[href=\"{href}\"]"))
    });
    shell.remove();
    let target =
        replacement.and_then(|selector| document().query_selector(&selector).ok().flatten());
    if let Some(target) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = target.focus();
    }
}

#[component]
fn App(previous_crash: Option<crash::CrashRecord>) -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    provide_context(audits::Audits::new(state));
    startup::start(state);
    warn_before_leaving_unsaved(state);
    let section = use_current_section();
    // The section the address names is fetched while storage opens, not after; in a task of
    // its own, since starting its many fetches takes tens of milliseconds.
    let first_section = section.get_untracked();
    set_timeout(
        move || {
            leptos::task::spawn_local(async move {
                // A failure is reported when the section is shown.
                let _ = section_code::load(first_section).await;
            })
        },
        std::time::Duration::ZERO,
    );
    let menu_open = RwSignal::new(false);
    // Move focus to the new section's heading so keyboard and screen-reader users land there;
    // a section whose code is still downloading takes it when it appears.
    let heading_focus_pending = StoredValue::new(false);
    Effect::new(move |previous: Option<Section>| {
        let current = section.get();
        if previous.is_some() && previous != Some(current) {
            heading_focus_pending.set_value(!focus_section_heading());
        }
        current
    });
    // The notices come before the page: on a phone they sit under the header, not over a field.
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="app-header">
            <sections::MenuToggle open=menu_open />
            <a class="brand" href="#/" aria-label="Microplan overview">
                <span class="brand-mark" aria-hidden="true">"◐"</span>
                " Microplan"
            </a>
            <workspace_picker::WorkspaceSwitcher />
            <SaveIndicator />
        </header>
        <div class="notice-area">
            <banners::Notices />
            <undo::UndoNotices />
        </div>
        <div class="layout">
            <sections::SectionNav section=section open=menu_open />
            <main id="main" tabindex="-1">
                {previous_crash.map(|record| view! { <crash::CrashReport record /> })}
                <banners::Banners />
                <banners::BusyBar />
                {move || match section.get() {
                    Section::Overview => view! { <pages::overview::OverviewPage /> }.into_any(),
                    other => view! {
                        <NeedsWorkspace section=other>
                            <SectionPage section=other heading_focus_pending />
                        </NeedsWorkspace>
                    }.into_any(),
                }}
            </main>
        </div>
    }
}

/// Focuses the section's heading; false when there is none yet.
fn focus_section_heading() -> bool {
    use wasm_bindgen::JsCast;
    let heading = document()
        .get_element_by_id("section-heading")
        .and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok());
    heading.map(|heading| heading.focus()).is_some()
}

/// The page of a section that works inside a workspace. Its code arrives separately: until it
/// has, the section's title and a loading note; if it cannot, what happened and a retry.
#[component]
fn SectionPage(section: Section, heading_focus_pending: StoredValue<bool>) -> impl IntoView {
    // None while the code is being fetched; then whether it arrived.
    let arrived = RwSignal::new(None::<bool>);
    let fetch = move || {
        arrived.set(None);
        leptos::task::spawn_local(async move {
            let ok = section_code::load(section).await.is_ok();
            arrived.try_set(Some(ok));
        });
    };
    if section_code::is_loaded(section) {
        arrived.set(Some(true));
    } else {
        fetch();
    }
    move || match arrived.get() {
        None => view! {
            <h1 tabindex="-1">{section.title()}</h1>
            <p class="hint" role="status">"Loading this section…"</p>
        }
        .into_any(),
        // Untracked: what the page reads while it is built must not rebuild it.
        Some(true) => match untrack(|| section_code::loaded_view(section)) {
            Some(Ok(page)) => {
                if heading_focus_pending.get_value() {
                    heading_focus_pending.set_value(false);
                    request_animation_frame(move || {
                        focus_section_heading();
                    });
                }
                page
            }
            _ => load_failed(section, fetch),
        },
        Some(false) => load_failed(section, fetch),
    }
}

/// A section whose code could not be fetched: what happened, and a retry.
fn load_failed(section: Section, retry: impl Fn() + 'static) -> AnyView {
    view! {
        <h1 id="section-heading" tabindex="-1">{section.title()}</h1>
        <div class="banner error" role="alert">
            <p>
                <strong>"This section could not be downloaded. "</strong>
                "The connection may be down. Your workspace is safe in this browser."
            </p>
            <button type="button" on:click=move |_| retry()>
                "Try again"
            </button>
        </div>
    }
    .into_any()
}

/// A pending autosave is written as the page unloads (`persistence`); only changes that
/// could not be stored (full disk, another tab's newer version) make leaving ask first.
fn warn_before_leaving_unsaved(state: AppState) {
    let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
        // A field still being typed in commits on blur, so its edit is saving before the check.
        if let Some(field) = document()
            .active_element()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = field.blur();
        }
        page_leave::save_before_unload(state);
        if matches!(state.save_status.get_untracked(), SaveStatus::Failed(_)) {
            ev.prevent_default();
            ev.set_return_value("Some changes could not be saved.");
        }
    });
    on_cleanup(move || handle.remove());
}

/// Tells the user, at all times, whether what they see is saved.
#[component]
fn SaveIndicator() -> impl IntoView {
    let state = app_state();
    let open = Memo::new(move |_| state.workspace.with(Option::is_some));
    // A save scheduled for a workspace that was closed since (deleted, or edited while none
    // was open) never runs: once another opens with nothing to write, say it is saved.
    Effect::new(move |_| {
        if open.get()
            && state.save_status.get_untracked() == SaveStatus::Saving
            && !persistence::has_unsaved_edits(state)
        {
            state
                .save_status
                .set(SaveStatus::Saved(persistence::now_iso()));
        }
    });
    let text = move || match state.save_status.get() {
        SaveStatus::Starting => ("Opening storage…".to_string(), "pending"),
        // Nothing is open, so nothing is being saved or waiting to be.
        SaveStatus::Saved(_) | SaveStatus::Saving if !open.get() => {
            ("No workspace open".to_string(), "idle")
        }
        SaveStatus::Saved(at) => (format!("Saved in this browser {}", short_time(&at)), "ok"),
        SaveStatus::Saving => ("Saving…".to_string(), "pending"),
        SaveStatus::Failed(_) => ("Not saved — see message".to_string(), "error"),
        SaveStatus::MemoryOnly(_) => ("Not saved: storage unavailable".to_string(), "error"),
    };
    view! {
        <p class=move || format!("save-status {}", text().1) role="status" aria-live="polite">
            {move || text().0}
        </p>
    }
}

/// `2026-11-22T10:15:03.120Z` -> `at 11:15` in the user's time zone.
fn short_time(iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return String::new();
    }
    format!("at {:02}:{:02}", date.get_hours(), date.get_minutes())
}
