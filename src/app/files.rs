//! Moving files between the page and the user's disk, without any network.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use leptos::prelude::*;

use super::state::AppState;

/// Offers `text` as a file download.
pub fn download_text(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not create the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not create a download link".to_string())?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the browser could not create a download link".to_string())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(&microplan_csv::file_names::capped_file_name(file_name));
    anchor.click();
    // Revoke later: some browsers read the URL after click() returns.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Reads a chosen or dropped file completely.
pub async fn read_file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("“{}” could not be read from disk", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Downloads a CSV named after the open workspace, `<workspace>-<what>.csv`, and says how
/// it went.
pub fn download_workspace_csv(state: AppState, what: &str, text: &str) {
    let stem = state
        .workspace
        .with_untracked(|w| w.as_ref().map(|w| safe_file_stem(&w.name)))
        .unwrap_or_else(|| safe_file_stem(""));
    let file = format!("{stem}-{what}.csv");
    match download_text(&file, text, "text/csv;charset=utf-8") {
        Ok(()) => state.notify(format!("Downloaded {file}.")),
        Err(error) => state.notify_error(format!("Could not download {file}: {error}.")),
    }
}

/// A file name made from a user-chosen label: letters, digits, dash and underscore only.
pub fn safe_file_stem(label: &str) -> String {
    microplan_csv::file_names::file_stem(label)
}
