//! Earned media value: what the audience's actions would have cost as paid media, as a
//! low-high estimate from rates the user picks and edits. It is never revenue and never
//! enters ROI or ROAS.

use serde::{Deserialize, Serialize};

use super::MetricContext;
use microplan_model::rows::DeliverableResult;

/// An action that EMV puts a value on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmvAction {
    Like,
    Comment,
    Share,
    Save,
    LinkClick,
    View,
    /// Per 1,000 impressions (a CPM).
    ThousandImpressions,
}

impl EmvAction {
    pub const ALL: [EmvAction; 7] = [
        EmvAction::Like,
        EmvAction::Comment,
        EmvAction::Share,
        EmvAction::Save,
        EmvAction::LinkClick,
        EmvAction::View,
        EmvAction::ThousandImpressions,
    ];

    /// Plural noun for counts ("1,200 likes").
    pub fn label(self) -> &'static str {
        match self {
            EmvAction::Like => "likes",
            EmvAction::Comment => "comments",
            EmvAction::Share => "shares",
            EmvAction::Save => "saves",
            EmvAction::LinkClick => "link clicks",
            EmvAction::View => "views",
            EmvAction::ThousandImpressions => "thousand impressions",
        }
    }

    /// "per like", for rate inputs.
    pub fn per(self) -> &'static str {
        match self {
            EmvAction::Like => "per like",
            EmvAction::Comment => "per comment",
            EmvAction::Share => "per share",
            EmvAction::Save => "per save",
            EmvAction::LinkClick => "per link click",
            EmvAction::View => "per view",
            EmvAction::ThousandImpressions => "per 1,000 impressions",
        }
    }

    /// The count of this action in one row (`None` when the row does not report it).
    fn count(self, row: &DeliverableResult) -> Option<f64> {
        let n = match self {
            EmvAction::Like => row.likes,
            EmvAction::Comment => row.comments,
            EmvAction::Share => row.shares,
            EmvAction::Save => row.saves,
            EmvAction::LinkClick => row.link_clicks,
            EmvAction::View => row.views,
            EmvAction::ThousandImpressions => return row.impressions.map(|n| n as f64 / 1000.0),
        };
        n.map(|n| n as f64)
    }
}

/// The value of one action, as a range, with where the figures come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmvRate {
    pub action: EmvAction,
    pub low: f64,
    pub high: f64,
    /// Where the default figure comes from; "edited" once the user changes it.
    #[serde(default)]
    pub source: String,
}

/// The workspace's EMV rates: a preset the user picked, then edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmvSettings {
    /// Name of the preset the rates started from (one of [`EMV_PRESETS`]).
    #[serde(default)]
    pub preset: String,
    #[serde(default)]
    pub rates: Vec<EmvRate>,
    /// Currency the rates are in.
    #[serde(default = "default_currency")]
    pub currency: String,
}

fn default_currency() -> String {
    super::DEFAULT_CURRENCY.to_string()
}

const ASSUMPTION: &str = "assumption, edit to your own";
const CPM_SOURCE: &str = "assumption: a typical range for paid social CPMs; replace it with the \
                          CPM your own ad account pays";

/// Names of the presets users can pick.
pub const EMV_PRESETS: [&str; 2] = ["Per action (conservative)", "CPM based"];

impl EmvSettings {
    /// The preset called `name`, or `None` for an unknown name.
    pub fn preset(name: &str) -> Option<Self> {
        let rate = |action, low, high, source: &str| EmvRate {
            action,
            low,
            high,
            source: source.to_string(),
        };
        let rates = match name {
            "Per action (conservative)" => vec![
                rate(EmvAction::Like, 0.01, 0.05, ASSUMPTION),
                rate(EmvAction::Comment, 0.10, 0.50, ASSUMPTION),
                rate(EmvAction::Share, 0.20, 0.60, ASSUMPTION),
                rate(EmvAction::Save, 0.20, 0.60, ASSUMPTION),
                rate(EmvAction::LinkClick, 0.30, 1.00, ASSUMPTION),
                rate(EmvAction::View, 0.002, 0.01, ASSUMPTION),
            ],
            "CPM based" => vec![rate(EmvAction::ThousandImpressions, 5.0, 12.0, CPM_SOURCE)],
            _ => return None,
        };
        Some(EmvSettings {
            preset: name.to_string(),
            rates,
            currency: default_currency(),
        })
    }

    /// The preset `name` with its rates in `currency` (the figures are not converted: the
    /// defaults are assumptions to edit either way).
    pub fn preset_in(name: &str, currency: &str) -> Option<Self> {
        EmvSettings::preset(name).map(|p| EmvSettings {
            currency: currency.trim().to_ascii_uppercase(),
            ..p
        })
    }

    /// True when the rates differ from the preset they started from.
    pub fn is_edited(&self) -> bool {
        EmvSettings::preset(&self.preset).is_none_or(|p| p.rates != self.rates)
    }
}

impl Default for EmvSettings {
    fn default() -> Self {
        EmvSettings::preset(EMV_PRESETS[0]).unwrap_or(EmvSettings {
            preset: String::new(),
            rates: Vec::new(),
            currency: default_currency(),
        })
    }
}

/// One line of the EMV sum.
#[derive(Debug, Clone, PartialEq)]
pub struct EmvInput {
    /// "likes", "thousand impressions" ...
    pub label: String,
    pub count: f64,
    pub rate_low: f64,
    pub rate_high: f64,
    /// count x rate_low and count x rate_high.
    pub value_low: f64,
    pub value_high: f64,
    /// Rows that reported the action, of all rows.
    pub rows_used: usize,
    pub rows_total: usize,
}

/// EMV as a range; a labelled estimate, not revenue.
#[derive(Debug, Clone, PartialEq)]
pub struct EmvEstimate {
    pub low: f64,
    pub high: f64,
    pub currency: String,
    pub inputs: Vec<EmvInput>,
    /// The sum written out with the counts and rates.
    pub formula: String,
    /// Rates ignored or swapped, rows without an action, currency differences.
    pub notes: Vec<String>,
}

/// Sum over the rated actions of count x rate, once with the low and once with the high
/// rates. Rows that do not report an action add nothing for it (said in the notes); a rate
/// that is negative or not a number is ignored, and low > high is swapped.
pub fn emv(
    rows: &[&DeliverableResult],
    settings: &EmvSettings,
    context: &MetricContext,
) -> EmvEstimate {
    let mut notes = Vec::new();
    let mut inputs = Vec::new();
    let (mut low, mut high) = (0.0, 0.0);
    for rate in &settings.rates {
        let label = rate.action.label();
        if !(rate.low.is_finite() && rate.high.is_finite() && rate.low >= 0.0 && rate.high >= 0.0) {
            notes.push(format!(
                "the rate {} is not a non-negative number and is ignored",
                rate.action.per()
            ));
            continue;
        }
        let (rate_low, rate_high) = if rate.low <= rate.high {
            (rate.low, rate.high)
        } else {
            notes.push(format!(
                "the low and high rates {} were swapped",
                rate.action.per()
            ));
            (rate.high, rate.low)
        };
        let counts: Vec<f64> = rows
            .iter()
            .filter_map(|row| rate.action.count(row))
            .collect();
        let count: f64 = counts.iter().sum();
        if counts.len() < rows.len() {
            notes.push(format!(
                "{} of {} rows report no {label}; they add nothing for it",
                rows.len() - counts.len(),
                rows.len()
            ));
        }
        let (value_low, value_high) = (count * rate_low, count * rate_high);
        if !(value_low.is_finite() && value_high.is_finite()) {
            notes.push(format!(
                "{label} x the rate is too large to compute and is left out"
            ));
            continue;
        }
        low += value_low;
        high += value_high;
        inputs.push(EmvInput {
            label: label.to_string(),
            count,
            rate_low,
            rate_high,
            value_low,
            value_high,
            rows_used: counts.len(),
            rows_total: rows.len(),
        });
    }
    let currency = settings.currency.trim().to_ascii_uppercase();
    if currency != context.currency {
        notes.push(format!(
            "the rates are in {currency}, the results report in {}: EMV is shown in {currency}",
            context.currency
        ));
    }
    if !(low.is_finite() && high.is_finite()) {
        notes.push("the counts are too large to compute a value".to_string());
        low = 0.0;
        high = 0.0;
    }
    let formula = if inputs.is_empty() {
        "no rates set: EMV = 0".to_string()
    } else {
        let terms: Vec<String> = inputs
            .iter()
            .map(|i| format!("{} x rate {}", i.label, per_of(&i.label)))
            .collect();
        format!(
            "EMV = {} (low uses every low rate, high every high rate)",
            terms.join(" + ")
        )
    };
    EmvEstimate {
        low,
        high,
        currency,
        inputs,
        formula,
        notes,
    }
}

fn per_of(label: &str) -> &'static str {
    EmvAction::ALL
        .into_iter()
        .find(|a| a.label() == label)
        .map_or("", |a| a.per())
}
