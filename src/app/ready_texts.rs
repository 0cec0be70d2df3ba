//! Tables checked and encoded ahead of a write, each text also made a JavaScript string
//! ahead: turning tens of MB of UTF-8 into a JS string is a long decode, which the write's
//! task then skips. The write hands IndexedDB such a string only for a put value that is
//! exactly the text the string was made from; any other value is converted as usual.

use std::cell::RefCell;
use std::future::Future;

use js_sys::JsString;
use wasm_bindgen::JsValue;

use microplan_workspace::store::prepared::{same_text, PreparedTable};

/// A JS string made from `text`, for the record `key`.
struct ReadyString {
    key: String,
    text: String,
    string: JsString,
}

/// Prepared tables, and the JS string of each one's text.
#[derive(Default)]
pub(super) struct ReadyTexts {
    tables: Vec<PreparedTable>,
    strings: Vec<ReadyString>,
}

impl ReadyTexts {
    /// Keeps `table`, to be stored under `key`, with its text made a JS string and copied (the
    /// write takes the table's text itself, and the copy tells which put value the string
    /// is). Each step is a long task of its own, with `pause` awaited before and after.
    pub async fn push<F: Future<Output = ()>>(
        &mut self,
        key: String,
        table: PreparedTable,
        pause: impl Fn() -> F,
    ) {
        pause().await;
        let string = JsString::from(table.text.as_str());
        pause().await;
        let text = table.text.clone();
        pause().await;
        self.strings.push(ReadyString { key, text, string });
        self.tables.push(table);
    }

    /// The prepared tables, for the write to take their texts.
    pub fn take_tables(&mut self) -> Vec<PreparedTable> {
        std::mem::take(&mut self.tables)
    }

    /// The JS string of `key` when it was made from exactly `value`.
    fn string_for(&self, key: &str, value: &str) -> Option<JsValue> {
        self.strings
            .iter()
            .find(|ready| ready.key == key && same_text(&ready.text, value))
            .map(|ready| JsValue::from(&ready.string))
    }
}

thread_local! {
    /// The strings of the write being started; empty at any other time.
    static STARTING: RefCell<ReadyTexts> = RefCell::new(ReadyTexts::default());
}

/// Runs `start_write` (which starts one commit) with `ready` at hand for [`js_text`], then
/// drops them: the commit holds the strings it used, and memory no longer holds the copies.
pub(super) fn starting_with<R>(ready: ReadyTexts, start_write: impl FnOnce() -> R) -> R {
    STARTING.with(|starting| *starting.borrow_mut() = ready);
    let started = start_write();
    STARTING.with(|starting| drop(starting.take()));
    started
}

/// `value`, to be stored under `key`, as a JS string: the one made ahead when it is exactly
/// this text, else converted now.
pub(super) fn js_text(key: &str, value: &str) -> JsValue {
    STARTING
        .with(|starting| starting.borrow().string_for(key, value))
        .unwrap_or_else(|| JsValue::from_str(value))
}
