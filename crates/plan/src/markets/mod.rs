//! Disclosure requirements per market, each with the rule it comes from. Briefs quote them
//! to creators and contracts turn them into the disclosure clause and legal notes.
//!
//! These are summaries of public guidance for planning, not legal advice; each names its
//! source and year so a reader can check the current text.

use serde::{Deserialize, Serialize};

/// A market whose disclosure rules the app knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Market {
    Us,
    #[default]
    Uk,
    France,
    Ireland,
    Canada,
    Australia,
    /// Any other EU or EEA country: the Unfair Commercial Practices Directive.
    EuDefault,
}

/// A named rule or guidance document and the year of the version summarised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSource {
    pub name: &'static str,
    pub year: u16,
}

/// A clause that a market's law requires in the written contract, with the key the contract
/// generator uses to check it is present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MandatoryClause {
    pub key: &'static str,
    pub description: &'static str,
}

/// What a market requires of a sponsored post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DisclosureRules {
    pub market: Market,
    /// Labels that meet the rules when placed as described.
    pub accepted_labels: &'static [&'static str],
    /// Labels regulators have called unclear.
    pub labels_to_avoid: &'static [&'static str],
    pub placement: &'static [&'static str],
    pub video: &'static [&'static str],
    /// How gifted (unpaid) products are treated.
    pub gifted_products: &'static str,
    /// Points a written agreement for this market should cover.
    pub contract_notes: &'static [&'static str],
    /// Clauses the law requires in a written contract (empty where none are listed).
    pub mandatory_contract_clauses: &'static [MandatoryClause],
    pub sources: &'static [RuleSource],
}

impl Market {
    pub const ALL: [Market; 7] = [
        Market::Us,
        Market::Uk,
        Market::France,
        Market::Ireland,
        Market::Canada,
        Market::Australia,
        Market::EuDefault,
    ];

    /// Stable code used in stored data and CSV files.
    pub fn code(self) -> &'static str {
        match self {
            Market::Us => "us",
            Market::Uk => "uk",
            Market::France => "fr",
            Market::Ireland => "ie",
            Market::Canada => "ca",
            Market::Australia => "au",
            Market::EuDefault => "eu",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Market::Us => "United States",
            Market::Uk => "United Kingdom",
            Market::France => "France",
            Market::Ireland => "Ireland",
            Market::Canada => "Canada",
            Market::Australia => "Australia",
            Market::EuDefault => "EU / EEA (other countries)",
        }
    }

    /// Accepts the codes above, case-insensitively, and `gb` for the United Kingdom.
    pub fn parse(text: &str) -> Option<Market> {
        let wanted = text.trim().to_ascii_lowercase();
        if wanted == "gb" {
            return Some(Market::Uk);
        }
        Market::ALL.into_iter().find(|m| m.code() == wanted)
    }

    /// The market for a creator's ISO 3166 alpha-2 country: EU and EEA countries without
    /// their own entry get the EU default; countries the app has no rules for give `None`.
    pub fn for_country(code: &str) -> Option<Market> {
        const EU_EEA: [&str; 29] = [
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "DE", "GR", "HU", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
            "EL",
        ];
        let code = code.trim().to_ascii_uppercase();
        match code.as_str() {
            "US" => Some(Market::Us),
            "GB" | "UK" => Some(Market::Uk),
            "FR" => Some(Market::France),
            "IE" => Some(Market::Ireland),
            "CA" => Some(Market::Canada),
            "AU" => Some(Market::Australia),
            other if EU_EEA.contains(&other) => Some(Market::EuDefault),
            _ => None,
        }
    }

    pub fn rules(self) -> &'static DisclosureRules {
        match self {
            Market::Us => &US,
            Market::Uk => &UK,
            Market::France => &FRANCE,
            Market::Ireland => &IRELAND,
            Market::Canada => &CANADA,
            Market::Australia => &AUSTRALIA,
            Market::EuDefault => &EU_DEFAULT,
        }
    }
}

impl DisclosureRules {
    /// The label to recommend first.
    pub fn preferred_label(&self) -> &'static str {
        self.accepted_labels.first().copied().unwrap_or("Ad")
    }

    /// `16 CFR Part 255 (2023); ...`
    pub fn sources_line(&self) -> String {
        self.sources
            .iter()
            .map(|s| format!("{} ({})", s.name, s.year))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// What a caption check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptionCheck {
    /// The accepted label found near the start, if any.
    pub label_up_front: Option<&'static str>,
    /// Labels to avoid that the caption uses.
    pub unclear_labels: Vec<&'static str>,
}

/// How many characters count as "up front": what a feed shows before "more".
pub const UP_FRONT_CHARACTERS: usize = 125;

/// Checks a caption for an accepted label in its first characters and for unclear labels.
pub fn check_caption(caption: &str, market: Market) -> CaptionCheck {
    let rules = market.rules();
    let start: String = caption
        .chars()
        .take(UP_FRONT_CHARACTERS)
        .collect::<String>()
        .to_lowercase();
    let whole = caption.to_lowercase();
    let label_up_front = rules
        .accepted_labels
        .iter()
        .copied()
        .find(|label| contains_label(&start, label));
    let unclear_labels = rules
        .labels_to_avoid
        .iter()
        .copied()
        .filter(|label| contains_label(&whole, label))
        .collect();
    CaptionCheck {
        label_up_front,
        unclear_labels,
    }
}

/// Whole-word match, so `#ad` does not match `#adventure` and `ad` does not match `made`.
fn contains_label(text_lower: &str, label: &str) -> bool {
    let label = label.to_lowercase();
    let label = label.trim_matches('"');
    text_lower.match_indices(label).any(|(at, found)| {
        let before = text_lower.get(..at).and_then(|s| s.chars().next_back());
        let after = text_lower
            .get(at + found.len()..)
            .and_then(|s| s.chars().next());
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let starts_with_word = label.chars().next().is_some_and(|c| c.is_alphanumeric());
        (!starts_with_word || boundary(before)) && boundary(after)
    })
}

mod rules_data;
use rules_data::{AUSTRALIA, CANADA, EU_DEFAULT, FRANCE, IRELAND, UK, US};

#[cfg(test)]
mod tests;
