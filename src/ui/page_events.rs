//! Browser events persistence reacts to: other tabs of the app telling what they stored
//! (BroadcastChannel), and this page being hidden or closed.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
let channel = null;
export function listen_to_other_tabs(name, callback) {
  try {
    channel = new BroadcastChannel(name);
    channel.onmessage = (event) => callback(typeof event.data === "string" ? event.data : "");
    return true;
  } catch (_) { return false; }
}
export function tell_other_tabs(message) {
  try { if (channel) channel.postMessage(message); } catch (_) {}
}
export function on_page_hidden(callback) {
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") callback();
  });
}
export function on_page_unload(callback) {
  window.addEventListener("pagehide", () => callback());
}
"#)]
extern "C" {
    fn listen_to_other_tabs(name: &str, callback: &Closure<dyn FnMut(String)>) -> bool;
    fn tell_other_tabs(message: &str);
    fn on_page_hidden(callback: &Closure<dyn FnMut()>);
    fn on_page_unload(callback: &Closure<dyn FnMut()>);
}

/// Calls `handler` with each message another tab sends; false when the browser has no
/// BroadcastChannel (tabs then notice conflicts only when they save).
pub fn listen_for_other_tabs(name: &str, handler: impl FnMut(String) + 'static) -> bool {
    let callback = Closure::<dyn FnMut(String)>::new(handler);
    let listening = listen_to_other_tabs(name, &callback);
    // Lives as long as the page.
    callback.forget();
    listening
}

pub fn announce_to_other_tabs(message: &str) {
    tell_other_tabs(message);
}

/// Calls `handler` when the page is hidden (another tab, minimised, or on its way out).
pub fn when_page_hidden(handler: impl FnMut() + 'static) {
    let callback = Closure::<dyn FnMut()>::new(handler);
    on_page_hidden(&callback);
    callback.forget();
}

/// Calls `handler` when the page is unloading (closed, reloaded, navigated away).
pub fn when_page_unloads(handler: impl FnMut() + 'static) {
    let callback = Closure::<dyn FnMut()>::new(handler);
    on_page_unload(&callback);
    callback.forget();
}
