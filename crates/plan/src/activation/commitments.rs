//! Exclusivity and first-right-of-refusal periods a creator has agreed to in saved contract
//! drafts, shown beside the rotating pool so a new activation does not clash with them.
//! The period runs from `days_before` the contract's posting window to `days_after` it.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::contract::{ContractDraft, ExclusivityKind};

use super::same_name;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    pub campaign: String,
    /// "exclusivity" or "first right of refusal".
    pub kind: String,
    pub category: String,
    #[serde(with = "microplan_model::iso_date")]
    pub from: NaiveDate,
    #[serde(with = "microplan_model::iso_date")]
    pub to: NaiveDate,
    /// Draft, sent or signed, of the version used.
    pub status: String,
}

impl Commitment {
    /// `first right of refusal on energy bars, 2027-01-11 to 2027-02-23 (draft)`
    pub fn describe(&self) -> String {
        let on = if self.category.trim().is_empty() {
            String::new()
        } else {
            format!(" on {}", self.category.trim())
        };
        format!(
            "{}{on}, {} to {} ({})",
            self.kind, self.from, self.to, self.status
        )
    }
}

fn shift(date: NaiveDate, days: i64) -> NaiveDate {
    Duration::try_days(days)
        .and_then(|d| date.checked_add_signed(d))
        .unwrap_or(date)
}

/// The creator's commitments, from the latest version of each agreement (campaign).
pub fn commitments_of(contracts: &[ContractDraft], handle: &str) -> Vec<Commitment> {
    let wanted = handle.trim().trim_start_matches('@');
    let mine: Vec<&ContractDraft> = contracts
        .iter()
        .filter(|d| same_name(d.choices.creator.handle.trim_start_matches('@'), wanted))
        .collect();
    let latest = mine.iter().filter(|d| {
        !mine.iter().any(|other| {
            same_name(&other.choices.campaign, &d.choices.campaign) && other.version > d.version
        })
    });
    latest
        .filter_map(|draft| {
            let terms = &draft.choices.exclusivity;
            let kind = match terms.kind {
                ExclusivityKind::None => return None,
                ExclusivityKind::Exclusive => "exclusivity",
                ExclusivityKind::FirstRefusal => "first right of refusal",
            };
            let schedule = &draft.choices.schedule;
            Some(Commitment {
                campaign: draft.choices.campaign.clone(),
                kind: kind.to_string(),
                category: terms.category.clone(),
                from: shift(schedule.posting_start, -i64::from(terms.days_before)),
                to: shift(schedule.posting_end, i64::from(terms.days_after)),
                status: draft.status.label().to_string(),
            })
        })
        .collect()
}
