//! Saved versions and the key-terms rows.

use super::*;
use crate::contract::drafts::{key_terms, mark_sent, mark_signed};

#[test]
fn saving_updates_a_draft_but_never_a_sent_version() {
    let mut drafts = Vec::new();
    let today = date(2026, 12, 1);
    assert_eq!(
        save_draft(&mut drafts, uk_defaults(), today),
        Saved::NewVersion { version: 1 }
    );
    let mut changed = uk_defaults();
    changed.compensation.fee = Some(650.0);
    assert_eq!(
        save_draft(&mut drafts, changed.clone(), today),
        Saved::Updated { version: 1 }
    );
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].choices.compensation.fee, Some(650.0));
    mark_sent(&mut drafts, 0).expect("consistent draft can be sent");
    changed.compensation.fee = Some(700.0);
    assert_eq!(
        save_draft(&mut drafts, changed, today),
        Saved::NewVersion { version: 2 }
    );
    assert_eq!(drafts.len(), 2);
    assert_eq!(drafts[0].status, DraftStatus::Sent);
    assert_eq!(
        drafts[0].choices.compensation.fee,
        Some(650.0),
        "the sent version is untouched"
    );
    assert_eq!(drafts[1].version, 2);
    // Another creator starts their own line of versions.
    let mut other = uk_defaults();
    other.creator.handle = "crumb_theory".into();
    assert_eq!(
        save_draft(&mut drafts, other, today),
        Saved::NewVersion { version: 1 }
    );
}

#[test]
fn a_draft_with_conflicts_cannot_be_marked_sent() {
    let mut c = hybrid_uk_whitelisting();
    c.licence.paid_usage_fee = None;
    let mut drafts = Vec::new();
    save_draft(&mut drafts, c, date(2026, 12, 1));
    let error = mark_sent(&mut drafts, 0).expect_err("conflict blocks sending");
    assert!(error
        .to_string()
        .starts_with("Fix the 1 conflict(s) in @levain_lotte · January challenge · v1 (draft)"));
    assert!(mark_sent(&mut drafts, 5).is_err());
}

#[test]
fn key_terms_have_one_row_per_version() {
    let mut drafts = Vec::new();
    save_draft(&mut drafts, hybrid_uk_whitelisting(), date(2026, 12, 1));
    let (header, rows) = key_terms(&drafts);
    assert_eq!(rows.len(), 1);
    assert_eq!(header.len(), rows[0].len());
    let cell =
        |name: &str| rows[0][header.iter().position(|h| *h == name).expect("column")].clone();
    assert_eq!(cell("model"), "hybrid");
    assert_eq!(cell("fee"), "600");
    assert_eq!(cell("commission_rate"), "0.1");
    assert_eq!(cell("paid_usage_fee"), "300");
    assert_eq!(cell("kill_fee_before_content"), "0.25");
    assert_eq!(
        cell("licence"),
        "organic_social/United Kingdom/6m; whitelisting/United Kingdom/3m"
    );
    assert_eq!(cell("conflicts"), "0");
}

#[test]
fn only_a_sent_version_can_be_signed() {
    let mut drafts = Vec::new();
    save_draft(&mut drafts, uk_defaults(), date(2026, 12, 1));
    assert!(mark_signed(&mut drafts, 0)
        .expect_err("a draft is not signed")
        .to_string()
        .starts_with("Send @levain_lotte"));
    mark_sent(&mut drafts, 0).expect("sent");
    mark_signed(&mut drafts, 0).expect("signed");
    assert_eq!(drafts[0].status, DraftStatus::Signed);
    assert!(mark_signed(&mut drafts, 0).is_err());
    // Saving after signing starts version 2.
    assert_eq!(
        save_draft(&mut drafts, uk_defaults(), date(2026, 12, 2)),
        Saved::NewVersion { version: 2 }
    );
}
