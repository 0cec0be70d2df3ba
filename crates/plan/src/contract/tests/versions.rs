//! The editor's versions: saving writes only the version on screen; sent ones stay put.

use super::*;
use crate::contract::drafts::mark_sent;
use crate::contract::versions::{edit_as_new_draft, find_version, is_stale, save_into, VersionRef};

/// v1 sent at £600 and v2 a draft at £750, as after sending and revising once.
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
        error
            .to_string()
            .starts_with("Version 1 is sent: it cannot change."),
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

#[test]
fn a_stale_editor_cannot_overwrite_a_draft_changed_since_it_opened() {
    let mut drafts = sent_then_revised();
    // Two tabs open the draft v2 (£750) with the same stamp.
    let tab_a = VersionRef::of(&drafts[1]);
    let tab_b = tab_a.clone();
    assert_eq!(tab_a.edit_stamp, 0);
    let mut from_a = uk_defaults();
    from_a.compensation.fee = Some(800.0);
    let (after_a, saved) =
        save_into(&mut drafts, Some(&tab_a), from_a, date(2026, 12, 3)).expect("current stamp");
    assert_eq!(saved, Saved::Updated { version: 2 });
    assert_eq!((after_a.edit_stamp, drafts[1].edit_stamp), (1, 1));
    assert!(is_stale(&drafts, &tab_b) && !is_stale(&drafts, &after_a));
    // Tab B still holds stamp 0: its save is refused and £800 stays.
    let mut from_b = uk_defaults();
    from_b.compensation.fee = Some(900.0);
    let error = save_into(&mut drafts, Some(&tab_b), from_b.clone(), date(2026, 12, 4))
        .expect_err("stale stamp");
    assert!(
        error.to_string().starts_with(
            "Draft version 2 changed since you opened it (in another tab or by an undo)"
        ),
        "{error}"
    );
    assert_eq!(drafts[1].choices.compensation.fee, Some(800.0));
    assert_eq!(drafts[1].saved_on, date(2026, 12, 3));
    // Tab A saves again with the stamp its save returned.
    let same = drafts[1].choices.clone();
    let (again, _) =
        save_into(&mut drafts, Some(&after_a), same, date(2026, 12, 5)).expect("own stamp");
    assert_eq!(again.edit_stamp, 2);
    // Tab B's way out: its edits as a new draft v3, or v2 reloaded with the current stamp.
    let (v3, saved) = save_into(&mut drafts, None, from_b, date(2026, 12, 5)).expect("new draft");
    assert_eq!(
        (v3.version, v3.edit_stamp, saved),
        (3, 0, Saved::NewVersion { version: 3 })
    );
    assert_eq!(drafts[1].choices.compensation.fee, Some(800.0));
    let reloaded = VersionRef::of(&drafts[1]);
    assert!(save_into(
        &mut drafts,
        Some(&reloaded),
        uk_defaults(),
        date(2026, 12, 6)
    )
    .is_ok());
    assert_eq!(drafts[1].choices.compensation.fee, Some(600.0));
}

#[test]
fn a_version_stored_without_a_stamp_loads_with_stamp_zero() {
    let mut drafts = sent_then_revised();
    let mut json = serde_json::to_value(&drafts[1]).unwrap();
    json.as_object_mut().unwrap().remove("edit_stamp");
    drafts[1] = serde_json::from_value(json).unwrap();
    assert_eq!(drafts[1].edit_stamp, 0);
    let remembered: VersionRef =
        serde_json::from_str(r#"{"handle":"levain_lotte","platform":"instagram","campaign":"january challenge","version":2}"#)
            .unwrap();
    assert!(remembered.is(&drafts[1]) && !is_stale(&drafts, &remembered));
}
