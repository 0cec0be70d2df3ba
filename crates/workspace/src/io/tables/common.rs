//! Column vocabulary and cell formats shared by several tables.

use microplan_model::money::Money;

/// Header names that mean "the creator's handle" in platform and tool exports.
#[rustfmt::skip]
pub(super) const HANDLE_NAMES: &[&str] = &[
    "username", "user name", "@handle", "account", "account username", "creator", "creator handle",
    "influencer", "influencer handle", "instagram handle", "tiktok handle", "ig handle", "profile",
    "user", "screen name", "author", "channel",
];

pub(super) const HANDLE_HELP: &str = "The creator's handle; a leading @ is removed.";

pub(super) fn count(value: Option<u64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Shortest text that parses back to the same `f64`; non-finite values have no CSV form.
pub(super) fn number(value: f64) -> String {
    if value.is_finite() {
        value.to_string()
    } else {
        String::new()
    }
}

pub(super) fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

pub(super) fn flag(value: Option<bool>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The amount and its currency as two cells.
pub(super) fn money(value: &Option<Money>) -> [String; 2] {
    match value {
        Some(money) => [number(money.amount), money.currency.clone()],
        None => [String::new(), String::new()],
    }
}

/// The amount alone, for tables whose currency sits in one column of its own.
pub(super) fn amount(value: &Option<Money>) -> String {
    value
        .as_ref()
        .filter(|m| m.amount.is_finite())
        .map(|m| m.amount.to_string())
        .unwrap_or_default()
}
