//! The editor's versions: saving writes only the version on screen; sent ones stay put.

use super::*;
use crate::domain::contract::drafts::mark_sent;
use crate::domain::contract::versions::{edit_as_new_draft, find_version, save_into, VersionRef};

/// v1 sent at GBP 600 and v2 a draft at GBP 750, as after sending and revising once.
fn sent_then_revised() -> Vec<ContractDraft> {
    let mut drafts = Vec::new();
    save_into(&mut drafts, None, uk_defaults(), date(2026, 12, 1)).expect("first save");
    mark_sent(&mut drafts, 0).expect("consistent draft can be sent");
    let mut revised = uk_defaults();
    revised.compensation.fee = Some(750.0);
    let (v2, saved) =
        save_into(&mut drafts, None, revised, date(2026, 12, 2)).expect("new version");
    assert_eq!((v2.version, saved), (2, Saved::NewVersion { version: 2 }));
    drafts
}

#[test]
fn saving_an_opened_sent_version_is_refused_and_changes_nothing() {
    let mut drafts = sent_then_revised();
    let v1 = VersionRef::of(&drafts[0]);
    let mut edited = uk_defaults();
    edited.compensation.fee = Some(650.0);
    let error =
        save_into(&mut drafts, Some(&v1), edited, date(2026, 12, 3)).expect_err("sent is frozen");
    assert!(
        error.starts_with("Version 1 is sent: it cannot change."),
        "{error}"
    );
    assert_eq!(drafts[0].choices.compensation.fee, Some(600.0));
    assert_eq!(
        drafts[1].choices.compensation.fee,
        Some(750.0),
        "the draft v2 is not touched either"
    );
}

#[test]
fn edit_as_new_draft_copies_the_old_version_after_the_latest() {
    let mut drafts = sent_then_revised();
    let v1 = VersionRef::of(&drafts[0]);
    let v3 = edit_as_new_draft(&mut drafts, &v1, date(2026, 12, 3)).expect("copy");
    assert_eq!(v3.version, 3);
    assert_eq!(drafts.len(), 3);
    assert_eq!(drafts[2].status, DraftStatus::Draft);
    assert_eq!(
        drafts[2].choices.compensation.fee,
        Some(600.0),
        "a copy of v1"
    );
    let mut edited = drafts[2].choices.clone();
    edited.compensation.fee = Some(650.0);
    let (saved, outcome) =
        save_into(&mut drafts, Some(&v3), edited, date(2026, 12, 3)).expect("draft saves");
    assert_eq!((saved.version, outcome), (3, Saved::Updated { version: 3 }));
    let fees: Vec<Option<f64>> = drafts.iter().map(|d| d.choices.compensation.fee).collect();
    assert_eq!(fees, vec![Some(600.0), Some(750.0), Some(650.0)]);
}

#[test]
fn an_older_draft_saves_into_itself_not_into_the_latest() {
    let mut drafts = Vec::new();
    let (v1, _) = save_into(&mut drafts, None, uk_defaults(), date(2026, 12, 1)).expect("v1");
    save_into(&mut drafts, None, uk_defaults(), date(2026, 12, 1)).expect("v2");
    let mut edited = uk_defaults();
    edited.compensation.fee = Some(900.0);
    save_into(&mut drafts, Some(&v1), edited, date(2026, 12, 2)).expect("v1 is a draft");
    assert_eq!(drafts[0].choices.compensation.fee, Some(900.0));
    assert_eq!(drafts[1].choices.compensation.fee, Some(600.0));
}

#[test]
fn renaming_the_campaign_moves_the_draft_after_that_agreements_versions() {
    let mut drafts = Vec::new();
    let mut spring = uk_defaults();
    spring.campaign = "Spring".into();
    save_into(&mut drafts, None, spring.clone(), date(2026, 12, 1)).expect("spring v1");
    let (january, _) =
        save_into(&mut drafts, None, uk_defaults(), date(2026, 12, 1)).expect("january v1");
    let (moved, _) = save_into(
        &mut drafts,
        Some(&january),
        spring.clone(),
        date(2026, 12, 2),
    )
    .expect("renamed");
    assert_eq!(moved.version, 2);
    assert_eq!(find_version(&drafts, &moved), Some(1));
    assert_eq!(
        find_version(&drafts, &january),
        None,
        "the old reference is gone, so a later save cannot hit it"
    );
    assert!(save_into(&mut drafts, Some(&january), spring, date(2026, 12, 2)).is_err());
}
