//! Saved drafts: one line of versions per creator and campaign. Saving replaces the latest
//! version while it is a draft; once it has been sent, saving starts a new version, so a
//! sent agreement is never overwritten.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::contract::choices::ContractChoices;
use crate::contract::error::ContractError;
use crate::contract::labels::{money, percent};
use crate::contract::problem::Severity;
use crate::contract::validate::check_choices;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftStatus {
    #[default]
    Draft,
    Sent,
    Signed,
}

impl DraftStatus {
    pub fn label(self) -> &'static str {
        match self {
            DraftStatus::Draft => "draft",
            DraftStatus::Sent => "sent",
            DraftStatus::Signed => "signed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContractDraft {
    pub version: u32,
    #[serde(default)]
    pub status: DraftStatus,
    #[serde(with = "microplan_model::iso_date")]
    pub saved_on: NaiveDate,
    pub choices: ContractChoices,
    /// Counts the saves into this version, so an editor holding an older count cannot
    /// overwrite a change made since it opened the version (another tab, an undo).
    #[serde(default)]
    pub edit_stamp: u64,
}

/// Creator handle, platform and campaign, compared without case.
fn same_agreement(a: &ContractChoices, b: &ContractChoices) -> bool {
    let norm = |s: &str| s.trim().trim_start_matches('@').to_lowercase();
    norm(&a.creator.handle) == norm(&b.creator.handle)
        && norm(&a.creator.platform) == norm(&b.creator.platform)
        && norm(&a.campaign) == norm(&b.campaign)
}

impl ContractDraft {
    /// `Version 2 · draft · saved 2026-11-01`
    pub fn version_line(&self) -> String {
        format!(
            "Version {} · {} · saved {}",
            self.version,
            self.status.label(),
            self.saved_on
        )
    }

    /// `@handle · campaign · v2 (draft)`
    pub fn title(&self) -> String {
        format!(
            "@{} · {} · v{} ({})",
            self.choices.creator.handle.trim().trim_start_matches('@'),
            self.choices.campaign.trim(),
            self.version,
            self.status.label()
        )
    }
}

/// What saving did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// The latest version was a draft and now holds these choices.
    Updated { version: u32 },
    /// A new version was added (the first one, or after a sent or signed one).
    NewVersion { version: u32 },
}

/// Index of the latest version of the agreement these choices belong to.
pub fn latest_index(drafts: &[ContractDraft], choices: &ContractChoices) -> Option<usize> {
    drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| same_agreement(&d.choices, choices))
        .max_by_key(|(_, d)| d.version)
        .map(|(i, _)| i)
}

/// Saves the choices as a draft without ever overwriting a sent or signed version.
pub fn save_draft(
    drafts: &mut Vec<ContractDraft>,
    choices: ContractChoices,
    today: NaiveDate,
) -> Saved {
    match latest_index(drafts, &choices) {
        Some(index) => {
            let Some(latest) = drafts.get_mut(index) else {
                return Saved::NewVersion { version: 1 };
            };
            if latest.status == DraftStatus::Draft {
                latest.choices = choices;
                latest.saved_on = today;
                latest.edit_stamp = latest.edit_stamp.wrapping_add(1);
                Saved::Updated {
                    version: latest.version,
                }
            } else {
                let version = latest.version.saturating_add(1);
                drafts.push(ContractDraft {
                    version,
                    status: DraftStatus::Draft,
                    saved_on: today,
                    choices,
                    edit_stamp: 0,
                });
                Saved::NewVersion { version }
            }
        }
        None => {
            drafts.push(ContractDraft {
                version: 1,
                status: DraftStatus::Draft,
                saved_on: today,
                choices,
                edit_stamp: 0,
            });
            Saved::NewVersion { version: 1 }
        }
    }
}

/// Marks a draft as sent; refuses while it has conflicts.
pub fn mark_sent(drafts: &mut [ContractDraft], index: usize) -> Result<(), ContractError> {
    let draft = drafts.get_mut(index).ok_or(ContractError::DraftGone)?;
    let conflicts = check_choices(&draft.choices)
        .into_iter()
        .filter(|p| p.severity == Severity::Conflict)
        .count();
    if conflicts > 0 {
        return Err(ContractError::UnresolvedConflicts {
            conflicts,
            title: draft.title(),
        });
    }
    draft.status = DraftStatus::Sent;
    Ok(())
}

/// Marks a sent version as signed; only a sent version can be signed.
pub fn mark_signed(drafts: &mut [ContractDraft], index: usize) -> Result<(), ContractError> {
    let draft = drafts.get_mut(index).ok_or(ContractError::AgreementGone)?;
    match draft.status {
        DraftStatus::Sent => {
            draft.status = DraftStatus::Signed;
            Ok(())
        }
        DraftStatus::Signed => Err(ContractError::AlreadySigned {
            title: draft.title(),
        }),
        DraftStatus::Draft => Err(ContractError::NotSent {
            title: draft.title(),
        }),
    }
}

/// Header and rows of key terms, one row per saved version, for a tracker spreadsheet.
/// Rates are fractions, as everywhere in exported data.
pub fn key_terms(drafts: &[ContractDraft]) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let header = vec![
        "campaign",
        "handle",
        "platform",
        "version",
        "status",
        "saved_on",
        "market",
        "model",
        "currency",
        "fee",
        "commission_rate",
        "paid_usage_fee",
        "kill_fee_before_content",
        "deliverables",
        "posting_start",
        "posting_end",
        "term_end",
        "licence",
        "exclusivity",
        "conflicts",
    ];
    let number = |v: Option<f64>| {
        v.filter(|x| x.is_finite())
            .map(|x| format!("{x}"))
            .unwrap_or_default()
    };
    let rows = drafts
        .iter()
        .map(|d| {
            let c = &d.choices;
            let pay = &c.compensation;
            vec![
                c.campaign.trim().to_string(),
                c.creator.handle.trim().to_string(),
                c.creator.platform.trim().to_string(),
                d.version.to_string(),
                d.status.label().to_string(),
                d.saved_on.to_string(),
                c.market.code().to_string(),
                pay.model.code().to_string(),
                pay.currency.trim().to_string(),
                number(pay.fee.filter(|_| c.has_fee())),
                number(pay.commission_rate),
                number(c.licence.paid_usage_fee.filter(|_| c.has_paid_usage())),
                if pay.kill_fee.enabled && c.has_fee() {
                    number(Some(pay.kill_fee.before_content))
                } else {
                    String::new()
                },
                c.deliverables
                    .iter()
                    .map(|x| x.short_name())
                    .collect::<Vec<_>>()
                    .join("; "),
                c.schedule.posting_start.to_string(),
                c.schedule.posting_end.to_string(),
                c.schedule.term_end.to_string(),
                c.licence
                    .grants
                    .iter()
                    .map(|g| format!("{}/{}/{}m", g.channel.code(), g.territory.trim(), g.months))
                    .collect::<Vec<_>>()
                    .join("; "),
                c.exclusivity.kind.code().to_string(),
                check_choices(c)
                    .iter()
                    .filter(|p| p.severity == Severity::Conflict)
                    .count()
                    .to_string(),
            ]
        })
        .collect();
    (header, rows)
}

/// A one-line summary of the money, for lists: `£600 + 10%`.
pub fn money_summary(c: &ContractChoices) -> String {
    let pay = &c.compensation;
    let fee = pay
        .fee
        .filter(|f| f.is_finite())
        .map(|f| money(f, pay.currency.trim()));
    let rate = pay.commission_rate.filter(|r| r.is_finite()).map(percent);
    match pay.model {
        crate::contract::choices::CompensationModel::FlatFee => {
            fee.unwrap_or_else(|| "fee to agree".into())
        }
        crate::contract::choices::CompensationModel::ProductOnly => "product only".into(),
        crate::contract::choices::CompensationModel::Affiliate => rate
            .map(|r| format!("{r} commission"))
            .unwrap_or_else(|| "commission to agree".into()),
        crate::contract::choices::CompensationModel::Hybrid => format!(
            "{} + {}",
            fee.unwrap_or_else(|| "fee to agree".into()),
            rate.unwrap_or_else(|| "commission to agree".into())
        ),
    }
}

/// Adds a first draft for each of `drafted` that has no agreement yet; creators who already
/// have one keep it untouched. Returns `(added, kept)`.
pub fn add_new_drafts(
    drafts: &mut Vec<ContractDraft>,
    drafted: Vec<ContractChoices>,
    today: NaiveDate,
) -> (usize, usize) {
    let mut added = 0;
    let mut kept = 0;
    for choices in drafted {
        if latest_index(drafts, &choices).is_some() {
            kept += 1;
        } else {
            drafts.push(ContractDraft {
                version: 1,
                status: DraftStatus::Draft,
                saved_on: today,
                choices,
                edit_stamp: 0,
            });
            added += 1;
        }
    }
    (added, kept)
}
