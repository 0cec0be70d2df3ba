//! Shows a `Document` on screen (numbered clauses, side notes, the source of each clause on
//! demand) with copy, download and print. The HTML comes from the domain renderer, which
//! escapes all text; the component only places it.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::app::files::{download_text, safe_file_stem};
use crate::app::state::app_state;
use microplan_plan::doc::{
    render_html_fragment, render_html_page, render_markdown, render_plain_text, Document,
};

/// Puts text on the clipboard through the asynchronous Clipboard API.
async fn copy_to_clipboard(text: String) -> Result<(), String> {
    let refused =
        || "The browser did not allow copying. Use “Download Markdown” instead.".to_string();
    let navigator = window().navigator();
    let clipboard =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).map_err(|_| refused())?;
    let write =
        js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")).map_err(|_| refused())?;
    let write: js_sys::Function = write.dyn_into().map_err(|_| refused())?;
    let promise = write
        .call1(&clipboard, &JsValue::from_str(&text))
        .map_err(|_| refused())?;
    let promise: js_sys::Promise = promise.dyn_into().map_err(|_| refused())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| refused())?;
    Ok(())
}

/// The document with its toolbar. `file_stem` names downloads (`terms-maya` ->
/// `terms-maya.md`).
#[component]
pub fn DocumentView(
    #[prop(into)] document: Signal<Document>,
    #[prop(into)] file_stem: Signal<String>,
) -> impl IntoView {
    let state = app_state();
    let download = move |extension: &str, mime: &str, text: String| {
        let name = format!("{}.{extension}", safe_file_stem(&file_stem.get_untracked()));
        match download_text(&name, &text, mime) {
            Ok(()) => state.notify(format!("Downloaded {name}.")),
            Err(error) => state.notify_error(format!("Could not download {name}: {error}.")),
        }
    };
    let copy = move |_| {
        let text = document.with_untracked(render_plain_text);
        leptos::task::spawn_local(async move {
            match copy_to_clipboard(text).await {
                Ok(()) => state.notify("Copied as plain text."),
                Err(error) => state.notify_error(error),
            }
        });
    };
    view! {
        <div class="document-view">
            <div class="doc-toolbar actions" role="toolbar" aria-label="Document actions">
                <button type="button" on:click=copy>"Copy"</button>
                <button
                    type="button"
                    on:click=move |_| download("md", "text/markdown;charset=utf-8", document.with_untracked(render_markdown))
                >
                    "Download Markdown"
                </button>
                <button
                    type="button"
                    on:click=move |_| download("html", "text/html;charset=utf-8", document.with_untracked(render_html_page))
                >
                    "Download HTML"
                </button>
                <button type="button" on:click=move |_| { let _ = window().print(); }>
                    "Print / Save as PDF"
                </button>
            </div>
            <Show when=move || document.with(|d| !d.numbered_clauses().is_empty())>
                <p class="hint doc-hint">
                    "Open “Why this clause?” under any clause to see the choice that produced it."
                </p>
            </Show>
            <div class="doc-page" inner_html=move || document.with(render_html_fragment)></div>
        </div>
    }
}
