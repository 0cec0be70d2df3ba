//! Money always travels with its currency.

use serde::{Deserialize, Serialize};

/// An amount in a named currency (ISO 4217 code such as `EUR`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    pub amount: f64,
    pub currency: String,
}

impl Money {
    pub fn new(amount: f64, currency: &str) -> Self {
        Money {
            amount,
            currency: currency.trim().to_ascii_uppercase(),
        }
    }

    /// The amount as people read it: "€3,000", "1,550 SEK".
    pub fn text(&self) -> String {
        super::format::money(self.amount, &self.currency)
    }
}

/// The formatting policy lives in `format`; these names stay for older call sites.
pub use super::format::{group_digits, group_thousands, number_text};
