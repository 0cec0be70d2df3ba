//! Versions as the editor sees them: the editor holds one version, and saving writes into
//! that version only, while it is a draft. A sent or signed version never changes; editing
//! it starts a copy as the agreement's next version.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::choices::ContractChoices;
use super::error::ContractError;
use crate::contract::drafts::{ContractDraft, DraftStatus, Saved};

/// One saved version of one agreement: creator handle, platform and campaign as saved
/// (compared without case) and the version number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionRef {
    handle: String,
    platform: String,
    campaign: String,
    pub version: u32,
    /// The version's `edit_stamp` when the editor opened or last saved it.
    #[serde(default)]
    pub edit_stamp: u64,
}

fn norm(text: &str) -> String {
    text.trim().trim_start_matches('@').to_lowercase()
}

impl VersionRef {
    pub fn of(draft: &ContractDraft) -> Self {
        VersionRef {
            edit_stamp: draft.edit_stamp,
            ..Self::for_choices(&draft.choices, draft.version)
        }
    }

    fn for_choices(choices: &ContractChoices, version: u32) -> Self {
        VersionRef {
            handle: norm(&choices.creator.handle),
            platform: norm(&choices.creator.platform),
            campaign: norm(&choices.campaign),
            version,
            edit_stamp: 0,
        }
    }

    fn same_agreement(&self, choices: &ContractChoices) -> bool {
        let other = Self::for_choices(choices, self.version);
        other.handle == self.handle
            && other.platform == self.platform
            && other.campaign == self.campaign
    }
}

impl VersionRef {
    /// Whether `draft` is this version (whatever its edit stamp).
    pub fn is(&self, draft: &ContractDraft) -> bool {
        draft.version == self.version && self.same_agreement(&draft.choices)
    }
}

/// Where the version `wanted` is in `drafts`.
pub fn find_version(drafts: &[ContractDraft], wanted: &VersionRef) -> Option<usize> {
    drafts.iter().position(|d| wanted.is(d))
}

/// Whether the version `opened` still exists but was saved since the editor took its stamp.
pub fn is_stale(drafts: &[ContractDraft], opened: &VersionRef) -> bool {
    find_version(drafts, opened)
        .and_then(|i| drafts.get(i))
        .is_some_and(|d| d.edit_stamp != opened.edit_stamp)
}

/// The number the next version of the agreement of `choices` gets: one more than its highest.
pub fn next_version(drafts: &[ContractDraft], choices: &ContractChoices) -> u32 {
    let probe = VersionRef::for_choices(choices, 0);
    drafts
        .iter()
        .filter(|d| probe.same_agreement(&d.choices))
        .map(|d| d.version)
        .max()
        .unwrap_or(0)
        .saturating_add(1)
}

/// Saves `choices` into the draft version `target`, or, with no target, as the next version
/// of its agreement. Never writes to any other version. Returns the version now holding
/// the choices; refuses a version that is sent, signed or gone.
pub fn save_into(
    drafts: &mut Vec<ContractDraft>,
    target: Option<&VersionRef>,
    choices: ContractChoices,
    today: NaiveDate,
) -> Result<(VersionRef, Saved), ContractError> {
    let Some(target) = target else {
        let version = next_version(drafts, &choices);
        let saved = VersionRef::for_choices(&choices, version);
        drafts.push(ContractDraft {
            version,
            status: DraftStatus::Draft,
            saved_on: today,
            choices,
            edit_stamp: 0,
        });
        return Ok((saved, Saved::NewVersion { version }));
    };
    let index = find_version(drafts, target).ok_or(ContractError::VersionGoneNothingSaved {
        version: target.version,
    })?;
    let status = drafts.get(index).map(|d| d.status).unwrap_or_default();
    if status != DraftStatus::Draft {
        return Err(ContractError::VersionLocked {
            version: target.version,
            status: status.label(),
        });
    }
    if is_stale(drafts, target) {
        return Err(ContractError::StaleDraft {
            version: target.version,
        });
    }
    // A new creator or campaign moves the draft to that agreement, after its own versions.
    let version = if target.same_agreement(&choices) {
        target.version
    } else {
        let others: Vec<ContractDraft> = drafts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .map(|(_, d)| d.clone())
            .collect();
        match next_version(&others, &choices) {
            1 => target.version,
            next => next,
        }
    };
    let draft = drafts.get_mut(index).ok_or(ContractError::DraftNotFound)?;
    draft.version = version;
    draft.choices = choices;
    draft.saved_on = today;
    draft.edit_stamp = draft.edit_stamp.wrapping_add(1);
    Ok((VersionRef::of(draft), Saved::Updated { version }))
}

/// Copies the version `source` into a new draft after the agreement's latest version.
pub fn edit_as_new_draft(
    drafts: &mut Vec<ContractDraft>,
    source: &VersionRef,
    today: NaiveDate,
) -> Result<VersionRef, ContractError> {
    let choices = find_version(drafts, source)
        .and_then(|i| drafts.get(i))
        .map(|d| d.choices.clone())
        .ok_or(ContractError::VersionGone {
            version: source.version,
        })?;
    save_into(drafts, None, choices, today).map(|(saved, _)| saved)
}
