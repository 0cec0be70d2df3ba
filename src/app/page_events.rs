//! Browser events persistence reacts to: other tabs of the app telling what they stored
//! (BroadcastChannel), and this page being hidden or closed; and the localStorage stash a
//! closing page can still write to.

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
// localStorage is written synchronously, so it survives a page being closed or reloaded,
// which an IndexedDB write started at that moment does not.
export function stash_text(key, text) {
  try { localStorage.setItem(key, text); return true; } catch (_) { return false; }
}
export function stashed_keys(prefix) {
  const keys = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key && key.startsWith(prefix)) keys.push(key);
    }
  } catch (_) {}
  return keys;
}
export function stashed_text(key) {
  try { return localStorage.getItem(key); } catch (_) { return null; }
}
export function drop_stash(key) {
  try { localStorage.removeItem(key); } catch (_) {}
}
"#)]
extern "C" {
    fn listen_to_other_tabs(name: &str, callback: &Closure<dyn FnMut(String)>) -> bool;
    fn tell_other_tabs(message: &str);
    fn on_page_hidden(callback: &Closure<dyn FnMut()>);
    fn on_page_unload(callback: &Closure<dyn FnMut()>);
    fn stash_text(key: &str, text: &str) -> bool;
    fn stashed_keys(prefix: &str) -> Vec<String>;
    fn stashed_text(key: &str) -> Option<String>;
    fn drop_stash(key: &str);
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

/// Keeps `text` under `key` in localStorage; false when it does not fit or is refused.
pub fn stash(key: &str, text: &str) -> bool {
    stash_text(key, text)
}

/// Every stashed key starting with `prefix`, with its text.
pub fn stashed(prefix: &str) -> Vec<(String, String)> {
    stashed_keys(prefix)
        .into_iter()
        .filter_map(|key| stashed_text(&key).map(|text| (key, text)))
        .collect()
}

pub fn unstash(key: &str) {
    drop_stash(key);
}
