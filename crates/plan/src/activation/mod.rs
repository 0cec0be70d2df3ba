//! Communities and activation planning: the community effect is several creators of one
//! interest community posting about the same product inside one short window (5-10 posts in
//! 2-3 weeks). This module plans such activations with gifted and paid creators, maps each
//! community's ecosystem, lays out the logistics and reviews what happened afterwards.
//!
//! - [`plan`]: how many creators to gift, the distribution of posts, the budget and mixes
//!   (the binomial maths is `stats::binomial_planning`, shared with the uplift engine);
//! - [`ecosystem`]: creators of a community by tier, their audit scores and the gaps;
//! - [`logistics`], [`ics`]: ship-by dates, brief and reminder dates, CSV and calendar file;
//! - [`commitments`]: exclusivity and first-refusal periods from saved contract drafts;
//! - [`history`]: who was seeded when, who posted, the posting rate learnt from it, reviews;
//! - [`roster`]: the chance for an actual roster, each creator with their own posting rate;
//! - [`year`]: activations per community and month;
//! - the checked changes the Communities section makes to a workspace are in
//!   `microplan_workspace::activation_edits`.

pub mod commitments;
pub mod ecosystem;
pub mod error;
pub mod history;
pub mod ics;
pub mod logistics;
pub mod plan;
pub mod roster;
pub mod year;

#[cfg(test)]
mod tests;

pub use error::ActivationError;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use microplan_model::money::Money;

/// Posting probability the seeds report for gifted creators (20-40% post); the planner's
/// default is the middle of that range.
pub const DEFAULT_POSTING_RATE: f64 = 0.3;
/// Confidence wanted that the community effect happens.
pub const DEFAULT_CONFIDENCE: f64 = 0.9;
/// Days between the product arriving and the posting window opening, so creators can use it.
pub const DEFAULT_ARRIVAL_LEAD_DAYS: u32 = 7;

/// Days a parcel takes to one country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShippingTime {
    /// ISO 3166 alpha-2 code, uppercase.
    pub country: String,
    pub days: u32,
}

impl ShippingTime {
    /// `GB=2`, as stored in a CSV list cell.
    pub fn to_text(&self) -> String {
        format!("{}={}", self.country, self.days)
    }

    /// Reads `GB=2`, `GB: 2` or `GB 2`; `None` when it is not a country and a day count.
    pub fn parse(text: &str) -> Option<ShippingTime> {
        let text = text.trim();
        let split = text.find(|c: char| c == '=' || c == ':' || c.is_whitespace())?;
        let country = text.get(..split)?.trim();
        let days = text
            .get(split + 1..)?
            .trim_start_matches(['=', ':', ' '])
            .trim();
        let valid_country = country.len() == 2 && country.chars().all(|c| c.is_ascii_alphabetic());
        let days: u32 = days.strip_suffix('d').unwrap_or(days).trim().parse().ok()?;
        (valid_country && days <= 365).then(|| ShippingTime {
            country: country.to_ascii_uppercase(),
            days,
        })
    }
}

/// A planned (or past) activation of one community.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivationPlan {
    /// Unique name, such as "Sourdough January starter challenge".
    pub name: String,
    pub community: String,
    #[serde(with = "microplan_model::iso_date")]
    pub window_start: NaiveDate,
    #[serde(with = "microplan_model::iso_date")]
    pub window_end: NaiveDate,
    /// Posts wanted inside the window (k).
    pub target_posts: u64,
    /// Probability wanted that at least `target_posts` post (fraction, 0.9).
    pub confidence: f64,
    /// Share of gifted creators expected to post (fraction, 0.3).
    pub posting_rate: f64,
    /// Paid creators, whose posts are contracted for the window.
    pub paid_creators: u64,
    /// Gifted creators to seed.
    pub gifted_creators: u64,
    /// Product value per parcel.
    pub product_cost: Option<Money>,
    /// Shipping per parcel.
    pub shipping_cost: Option<Money>,
    /// Handling or platform fee per gifted creator.
    pub gifting_fee: Option<Money>,
    /// Fee per paid creator.
    pub paid_fee: Option<Money>,
    /// Days between arrival of the product and the window opening.
    #[serde(default = "default_lead_days")]
    pub arrival_lead_days: u32,
    #[serde(default)]
    pub shipping_days: Vec<ShippingTime>,
    #[serde(default)]
    pub notes: Option<String>,
}

fn default_lead_days() -> u32 {
    DEFAULT_ARRIVAL_LEAD_DAYS
}

impl ActivationPlan {
    /// Whether the posting window has closed by `today`.
    pub fn is_past(&self, today: NaiveDate) -> bool {
        self.window_end < today
    }

    /// Days in the posting window, both ends included (0 when the end is before the start).
    pub fn window_days(&self) -> i64 {
        (self.window_end - self.window_start).num_days().max(-1) + 1
    }

    /// Whether `date` falls inside the posting window (ends included).
    pub fn in_window(&self, date: NaiveDate) -> bool {
        self.window_start <= date && date <= self.window_end
    }
}

/// How a creator takes part in an activation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Arrangement {
    /// Product sent with no obligation to post.
    #[default]
    Gifted,
    /// Paid for a post inside the window.
    Paid,
}

impl Arrangement {
    pub fn as_str(self) -> &'static str {
        match self {
            Arrangement::Gifted => "gifted",
            Arrangement::Paid => "paid",
        }
    }

    /// `gifted`/`gift`/`seeded` or `paid`/`fee`, case-insensitively.
    pub fn parse(text: &str) -> Option<Arrangement> {
        match text.trim().to_ascii_lowercase().as_str() {
            "gifted" | "gift" | "seeded" | "seeding" | "product" => Some(Arrangement::Gifted),
            "paid" | "fee" | "contracted" => Some(Arrangement::Paid),
            _ => None,
        }
    }
}

/// One creator in one activation: when the product went out and whether they posted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GiftingRecord {
    /// Name of the activation plan.
    pub activation: String,
    pub handle: String,
    #[serde(default)]
    pub arrangement: Arrangement,
    #[serde(default, with = "microplan_model::iso_date::optional")]
    pub shipped_on: Option<NaiveDate>,
    /// `None` while the outcome is not known yet.
    #[serde(default)]
    pub posted: Option<bool>,
    #[serde(default, with = "microplan_model::iso_date::optional")]
    pub posted_on: Option<NaiveDate>,
}

/// Names compare without case, as in the CSV keys.
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The records of one activation.
pub fn records_of<'a>(
    records: &'a [GiftingRecord],
    activation: &'a str,
) -> impl Iterator<Item = &'a GiftingRecord> + 'a {
    records
        .iter()
        .filter(move |r| same_name(&r.activation, activation))
}
