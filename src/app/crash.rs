//! What happens when the app panics. In WebAssembly a panic ends the page, and a bad value
//! saved before it could end it again on every reload. The hook records the panic in
//! localStorage (synchronously: nothing asynchronous runs after a panic), puts a static notice
//! on the page that needs no WebAssembly to read or follow, and the next start opens the
//! overview instead of the failing section and says what happened. Stored workspaces are
//! never touched by any of this.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::sections::Section;

const CRASH_KEY: &str = "microplan.last-crash";
/// The query the notice's link adds so that following it reloads the page.
const RECOVER_QUERY: &str = "?recovered";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CrashRecord {
    pub message: String,
    pub place: String,
    /// The section on screen when it happened (its URL hash).
    pub hash: String,
    pub at: String,
}

impl CrashRecord {
    pub fn section(&self) -> Section {
        Section::from_hash(&self.hash)
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Installs the hook; call it first thing, before anything can panic.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "an unexpected error".to_string());
        let place = info
            .location()
            .map(|at| format!("{}:{}", at.file(), at.line()))
            .unwrap_or_default();
        let hash = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let at = String::from(js_sys::Date::new_0().to_iso_string());
        let record = CrashRecord {
            message,
            place,
            hash,
            at,
        };
        web_sys::console::error_1(&JsValue::from_str(&format!(
            "Microplan stopped: {} ({})",
            record.message, record.place
        )));
        if let (Some(storage), Ok(text)) = (local_storage(), serde_json::to_string(&record)) {
            let _ = storage.set_item(CRASH_KEY, &text);
        }
        show_stopped_notice(&record);
    }));
}

/// A plain DOM notice over the dead page, with a link that reloads it in safe mode.
fn show_stopped_notice(record: &CrashRecord) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(notice) = document.create_element("div") else {
        return;
    };
    notice.set_class_name("crash-notice");
    let _ = notice.set_attribute("role", "alert");
    let heading = document.create_element("h2").ok();
    let text = document.create_element("p").ok();
    let link = document.create_element("a").ok();
    if let (Some(heading), Some(text), Some(link)) = (heading, text, link) {
        heading.set_text_content(Some("Microplan stopped because of an error"));
        text.set_text_content(Some(&format!(
            "The error: {}. Everything saved in this browser is untouched; an edit made in \
             the last second may be missing. Reopening starts on the overview, not on {}.",
            record.message,
            record.section().title()
        )));
        let _ = link.set_attribute("href", &format!("{RECOVER_QUERY}#/"));
        link.set_text_content(Some("Reopen Microplan"));
        let _ = notice.append_child(&heading);
        let _ = notice.append_child(&text);
        let _ = notice.append_child(&link);
    }
    let _ = body.append_child(&notice);
}

/// The crash the previous start ended with, if any. When there is one, the URL is moved to
/// the overview so that the section that failed is not opened again on its own.
pub fn previous_crash() -> Option<CrashRecord> {
    let window = web_sys::window()?;
    if window.location().search().ok().as_deref() == Some(RECOVER_QUERY) {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("./#/"));
        }
    }
    let text = local_storage()?.get_item(CRASH_KEY).ok().flatten()?;
    let record = serde_json::from_str::<CrashRecord>(&text).ok()?;
    if Section::from_hash(&record.hash) != Section::Overview {
        let _ = window.location().set_hash("#/");
    }
    Some(record)
}

fn forget_crash() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(CRASH_KEY);
    }
}

/// Says what stopped the app last time, until the user dismisses it.
#[component]
pub fn CrashReport(record: CrashRecord) -> impl IntoView {
    let visible = RwSignal::new(true);
    let section = record.section();
    let when = record.at.get(..16).unwrap_or(&record.at).replace('T', " ");
    view! {
        <Show when=move || visible.get()>
            <div class="banner warning" role="alert">
                <p>
                    <strong>{format!("Microplan stopped last time, on {}. ", section.title())}</strong>
                    {format!("The error was: {} ({}, {} UTC). ", record.message, record.place, when)}
                    "Nothing stored was changed, and this start opened the overview instead. If "
                    {section.title()}
                    " stops again, download the workspace file in Data to keep a copy, and \
                     correct the value that section shows last."
                </p>
                <div class="actions">
                    <a class="button" href=section.href()>{format!("Try {} again", section.title())}</a>
                    <button on:click=move |_| {
                        forget_crash();
                        visible.set(false);
                    }>"Dismiss"</button>
                </div>
            </div>
        </Show>
    }
}

/// Panics on purpose, so the end-to-end tests can check that a crash costs no data and does
/// not loop. Nothing in the page calls it.
#[wasm_bindgen]
pub fn microplan_simulate_crash(message: &str) {
    panic!("{message}");
}
