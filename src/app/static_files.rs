//! Files the build ships beside index.html that the first screen does not need (the demo
//! workspace, the method page): fetched from the page's own origin when asked for, and kept
//! by the service worker for offline use like every other file of the build.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bytes of `name`, a file of this build, resolved against the page's base URL (so a
/// sub-path build works). The error says what went wrong in words a user can act on.
pub async fn fetch_build_file(name: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or_else(|| "the page has no window".to_string())?;
    let offline = "it could not be downloaded; check the network connection (it works offline only after one online visit)";
    let response = JsFuture::from(window.fetch_with_str(name))
        .await
        .map_err(|_| offline.to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the browser gave no response".to_string())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {} for {name}",
            response.status(),
            response.status_text()
        ));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| "its content could not be read".to_string())?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "the download was cut off; try again".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
