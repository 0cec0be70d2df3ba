//! Campaign performance: engagement, click, order and cost-per-outcome metrics per creator,
//! community, campaign and format, with intervals, and earned media value kept apart as a
//! labelled estimate.
//!
//! Missing is missing: a ratio uses only the rows that have both its numerator and its
//! denominator (pairwise complete) and says how many of all rows that was. Money in another
//! currency than the reporting one is left out, never converted. A zero denominator gives no
//! value and a note, never infinity or NaN.

pub mod display;
mod emv;
mod funnel;
mod intervals;
mod keys;
pub mod metrics;
mod sentiment;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use microplan_model::rows::{Creator, DeliverableResult};

pub use emv::{emv, EmvAction, EmvEstimate, EmvInput, EmvRate, EmvSettings, EMV_PRESETS};
pub use funnel::{funnel, Funnel, FunnelStep};
pub use intervals::{poisson_interval, POISSON_LEVEL};
pub use keys::MetricKey;
pub use metrics::metric;
pub use sentiment::{
    apply_sentiment, classify_sentiment, sentiment_totals, tally_sentiment,
    use_as_sentiment_signal, Sentiment, SentimentExamples, SentimentTally, NEGATIVE_WORDS,
    POSITIVE_WORDS,
};

/// One metric over a set of rows.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricValue {
    /// `None` when the rows do not allow the metric; `note` says why.
    pub value: Option<f64>,
    /// 95% interval (Wilson for proportions, exact Poisson for cost per outcome).
    pub interval: Option<(f64, f64)>,
    /// Rows that had every field the metric needs.
    pub rows_used: usize,
    /// All rows offered.
    pub rows_total: usize,
    /// Why the value is missing, or which rows were left out and why.
    pub note: Option<String>,
}

impl MetricValue {
    pub(crate) fn missing(rows_used: usize, rows_total: usize, note: impl Into<String>) -> Self {
        MetricValue {
            value: None,
            interval: None,
            rows_used,
            rows_total,
            note: Some(note.into()),
        }
    }

    /// True when some offered rows could not be used.
    pub fn is_partial(&self) -> bool {
        self.rows_used < self.rows_total
    }
}

/// What a metric needs beyond the result rows themselves.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MetricContext {
    /// Followers per creator handle (as [`handle_key`]), from the Creators table.
    pub followers: HashMap<String, u64>,
    /// Reporting currency (ISO 4217, uppercase); money in others is left out.
    pub currency: String,
}

/// A handle as lookups compare it: no surrounding space, no leading `@`, lowercase.
pub fn handle_key(handle: &str) -> String {
    handle.trim().trim_start_matches('@').to_lowercase()
}

/// Used when no result row carries money.
pub const DEFAULT_CURRENCY: &str = "EUR";

impl MetricContext {
    /// Followers from the Creators table; the reporting currency is the most common currency
    /// of the results' cost and revenue (ties: alphabetical), else EUR.
    pub fn from_tables(creators: &[Creator], results: &[DeliverableResult]) -> Self {
        let mut followers = HashMap::new();
        for creator in creators {
            // A handle on two platforms: keep the larger audience (the one most results report).
            let entry = followers.entry(handle_key(&creator.handle)).or_insert(0u64);
            *entry = (*entry).max(creator.followers);
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for row in results {
            for money in [&row.cost, &row.revenue].into_iter().flatten() {
                *counts.entry(money.currency.as_str()).or_insert(0) += 1;
            }
        }
        let currency = counts
            .into_iter()
            .filter(|(code, _)| !code.trim().is_empty())
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(code, _)| code.trim().to_ascii_uppercase())
            .unwrap_or_else(|| DEFAULT_CURRENCY.to_string());
        MetricContext {
            followers,
            currency,
        }
    }
}
