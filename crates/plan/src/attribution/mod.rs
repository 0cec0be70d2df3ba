//! Attribution reconciled, not guessed: shop orders that used a creator's code, link visits
//! and conversions tagged with the creator's `utm_content`, and post-purchase survey answers
//! that name the creator, side by side per creator. The reconciliation and code-leak detection read the whole
//! workspace, so they live in `microplan-workspace` (`attribution::reconcile`, `::leaks`).
//!
//! Privacy: a shop order keeps only what attribution needs (order id, date, codes, amounts,
//! shipping country, item counts, cancelled and refunded flags). Customer emails, names and
//! addresses are never stored.

mod cost;
mod leak_settings;
pub mod matching;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use microplan_model::money::Money;

pub use cost::{CostBasis, COST_PARTS};
pub use leak_settings::LeakSettings;
pub use matching::{code_owners, creator_for_click, survey_mentions, CodeOwner, SurveyTally};

/// One shop order, joined from the export's line-item rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShopOrder {
    /// The shop's order number, such as `#1001`.
    pub order_id: String,
    #[serde(with = "microplan_model::iso_date")]
    pub date: NaiveDate,
    /// Discount codes used, uppercase.
    #[serde(default)]
    pub codes: Vec<String>,
    /// Line items after discounts, before shipping and taxes.
    #[serde(default)]
    pub subtotal: Option<Money>,
    #[serde(default)]
    pub discount: Option<Money>,
    #[serde(default)]
    pub total: Option<Money>,
    /// Two-letter country the order shipped to.
    #[serde(default)]
    pub shipping_country: Option<String>,
    #[serde(default)]
    pub line_items: u64,
    #[serde(default)]
    pub quantity: u64,
    #[serde(default)]
    pub cancelled: bool,
    #[serde(default)]
    pub refunded: bool,
}

impl ShopOrder {
    /// The revenue attribution counts: the subtotal (after discounts, before shipping and
    /// taxes), or the total when the export has no subtotal.
    pub fn revenue(&self) -> Option<&Money> {
        self.subtotal.as_ref().or(self.total.as_ref())
    }

    pub fn currency(&self) -> Option<&str> {
        [&self.subtotal, &self.total, &self.discount]
            .into_iter()
            .flatten()
            .map(|money| money.currency.as_str())
            .next()
    }

    pub fn has_code(&self, code: &str) -> bool {
        self.codes
            .iter()
            .any(|c| c.eq_ignore_ascii_case(code.trim()))
    }
}

/// Visits (and, when the export has them, conversions) of one tagged link on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkClicks {
    #[serde(with = "microplan_model::iso_date")]
    pub date: NaiveDate,
    pub utm_campaign: String,
    pub utm_content: String,
    #[serde(default)]
    pub utm_source: Option<String>,
    /// Sessions or clicks.
    pub sessions: u64,
    /// Key events or conversions (purchases); `None` when the export has none.
    #[serde(default)]
    pub conversions: Option<u64>,
    #[serde(default)]
    pub revenue: Option<Money>,
}

/// One post-purchase survey answer ("How did you hear about us?").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SurveyAnswer {
    pub order_id: String,
    pub answer: String,
}

/// A creator's code made outside the tracking table (by hand in the shop, before Microplan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatorCode {
    pub code: String,
    pub handle: String,
    #[serde(default)]
    pub campaign: Option<String>,
}

/// Everything attribution imports, kept with the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct AttributionBook {
    #[serde(default)]
    pub shop_orders: Vec<ShopOrder>,
    #[serde(default)]
    pub link_clicks: Vec<LinkClicks>,
    #[serde(default)]
    pub survey_answers: Vec<SurveyAnswer>,
    #[serde(default)]
    pub creator_codes: Vec<CreatorCode>,
    #[serde(default)]
    pub leak_settings: LeakSettings,
}

/// Replaces orders with the same order id and appends new ones; returns (added, updated).
pub fn merge_orders(stored: &mut Vec<ShopOrder>, incoming: Vec<ShopOrder>) -> (usize, usize) {
    let (mut added, mut updated) = (0, 0);
    for order in incoming {
        match stored
            .iter_mut()
            .find(|o| o.order_id.eq_ignore_ascii_case(&order.order_id))
        {
            Some(slot) => {
                *slot = order;
                updated += 1;
            }
            None => {
                stored.push(order);
                added += 1;
            }
        }
    }
    (added, updated)
}
