//! Measurements stored beside a workspace: reopened, they give the full audit measuring
//! nobody; a changed creator is measured again; a foreign, damaged or outdated record only
//! means measuring; and the demo's stored measurements are pinned to the measuring code's
//! revision.

use microplan_audit::interval_memo::{stored_intervals_digest, INTERVAL_REVISION};
use microplan_audit::measurement_store::MEASUREMENT_REVISION;
use microplan_audit::reuse::{MeasuredCreators, ReauditCounts};
use microplan_audit::{AuditSettings, CreatorAudit};
use microplan_demo::demo_workspace;
use microplan_workspace::audits::{audit_workspace, audit_workspace_reusing};
use microplan_workspace::Workspace;

/// The demo's measurements as stored text, from a first audit.
fn stored_demo_measurements(workspace: &Workspace, settings: &AuditSettings) -> String {
    let mut kept = MeasuredCreators::default();
    let _ = audit_workspace_reusing(workspace, settings, &mut kept);
    kept.stored_measurements().unwrap_or_default()
}

/// The audit of a workspace opened with `text` stored beside it.
fn reopened(
    workspace: &Workspace,
    settings: &AuditSettings,
    text: &str,
) -> (bool, Vec<CreatorAudit>, ReauditCounts) {
    let mut restored = MeasuredCreators::default();
    let accepted = restored.remember_stored_measurements(text);
    let (audits, counts) = audit_workspace_reusing(workspace, settings, &mut restored);
    (accepted, audits, counts)
}

#[test]
fn a_workspace_reopened_with_its_measurements_measures_nobody_and_scores_the_same() {
    let workspace = demo_workspace();
    let settings = AuditSettings::default();
    let text = stored_demo_measurements(&workspace, &settings);
    let (accepted, audits, counts) = reopened(&workspace, &settings, &text);
    assert!(accepted);
    assert_eq!(
        counts,
        ReauditCounts {
            measured: 0,
            reused: 40
        }
    );
    assert_eq!(audits, audit_workspace(&workspace, &settings));
}

#[test]
fn a_creator_changed_since_the_measurements_were_stored_is_measured_again() {
    let mut workspace = demo_workspace();
    let settings = AuditSettings::default();
    let text = stored_demo_measurements(&workspace, &settings);
    let handle = workspace.posts[0].handle.clone();
    workspace.posts[0].likes += 500;
    let (_, audits, counts) = reopened(&workspace, &settings, &text);
    assert_eq!(
        counts,
        ReauditCounts {
            measured: 1,
            reused: 39
        }
    );
    assert_eq!(audits, audit_workspace(&workspace, &settings));
    // A setting the measurements read measures everyone again.
    let longer = AuditSettings {
        recent_posts: 20,
        ..settings
    };
    let (_, audits, counts) = reopened(&workspace, &longer, &text);
    assert_eq!(
        counts,
        ReauditCounts {
            measured: 40,
            reused: 0
        }
    );
    assert_eq!(audits, audit_workspace(&workspace, &longer));
    assert!(audits.iter().any(|a| a.handle == handle));
}

#[test]
fn foreign_damaged_or_outdated_records_only_mean_measuring() {
    let workspace = demo_workspace();
    let settings = AuditSettings::default();
    let full = audit_workspace(&workspace, &settings);
    let text = stored_demo_measurements(&workspace, &settings);

    // Another workspace's record: same handles, other rows, so no fingerprint matches.
    let mut other = demo_workspace();
    for post in &mut other.posts {
        post.likes += 1;
    }
    let foreign = stored_demo_measurements(&other, &settings);
    let (accepted, audits, counts) = reopened(&workspace, &settings, &foreign);
    assert!(accepted);
    assert_eq!(counts.measured, 40);
    assert_eq!(audits, full);

    // Cut short, or not a record at all.
    for damaged in [&text[..text.len() / 2], "", "null", "{\"entries\":[]}"] {
        let (accepted, audits, counts) = reopened(&workspace, &settings, damaged);
        assert!(!accepted);
        assert_eq!(counts.measured, 40);
        assert_eq!(audits, full);
    }

    // Written by another revision of the measuring or the interval code.
    let revision = format!("\"revision\":{MEASUREMENT_REVISION},");
    let intervals = format!("\"interval_revision\":{INTERVAL_REVISION},");
    assert!(text.starts_with(&format!("{{{revision}{intervals}")));
    for outdated in [
        text.replacen(
            &revision,
            &format!("\"revision\":{},", MEASUREMENT_REVISION + 1),
            1,
        ),
        text.replacen(
            &intervals,
            &format!("\"interval_revision\":{},", INTERVAL_REVISION + 1),
            1,
        ),
    ] {
        let (accepted, audits, counts) = reopened(&workspace, &settings, &outdated);
        assert!(!accepted);
        assert_eq!(counts.measured, 40);
        assert_eq!(audits, full);
    }
}

/// Pins the demo's stored measurements. When this fails because the measuring code (or
/// what it returns) changed on purpose, raise `MEASUREMENT_REVISION` and put the new value
/// here: measurements stored by the old code must not be reused.
#[test]
fn the_demo_measurements_match_this_revision() {
    let text = stored_demo_measurements(&demo_workspace(), &AuditSettings::default());
    assert_eq!(
        (MEASUREMENT_REVISION, stored_intervals_digest(&text)),
        (1, 2_104_859_566_472_295_611),
        "the demo's measurements changed: raise MEASUREMENT_REVISION and pin the new hash"
    );
}

#[test]
#[ignore]
fn probe_size_and_time() {
    use microplan_model::rows::{Creator, Post};
    use std::time::Instant;
    let mut big = Workspace::empty("x");
    let proto_c = demo_workspace().creators[0].clone();
    let proto_p = demo_workspace().posts[0].clone();
    for c in 0..5000u64 {
        let mut cr = proto_c.clone();
        cr.handle = format!("creator_{c}");
        cr.followers = 2000 + (c * 7919) % 400000;
        cr.following = Some(100 + c % 900);
        cr.categories = vec![];
        cr.audience = Default::default();
        big.creators.push(cr);
        for p in 0..30u64 {
            let likes = 50 + (c * 31 + p * 17) % 4000;
            let mut po: Post = proto_p.clone();
            po.handle = format!("creator_{c}");
            po.post_id = format!("{c}-{p}");
            po.date =
                chrono::NaiveDate::from_ymd_opt(2026, 1 + (p % 9) as u32, 1 + (p % 28) as u32)
                    .unwrap_or_default();
            po.likes = likes;
            po.comments = likes / 25;
            po.views = Some(likes * 9);
            po.reach = Some(likes * 6);
            po.shares = Some(likes / 40);
            po.saves = Some(likes / 15);
            po.impressions = None;
            po.topics = vec![];
            po.format = "reel".into();
            big.posts.push(po);
        }
    }
    let _: Option<Creator> = None;
    let s = AuditSettings::default();
    let mut kept = MeasuredCreators::default();
    let t = Instant::now();
    let _ = audit_workspace_reusing(&big, &s, &mut kept);
    println!("measure all {:?}", t.elapsed());
    let t = Instant::now();
    let text = kept.stored_measurements().unwrap_or_default();
    println!("encode {:?} len {}", t.elapsed(), text.len());
    let t = Instant::now();
    let mut r = MeasuredCreators::default();
    r.remember_stored_measurements(&text);
    println!("decode {:?}", t.elapsed());
    let t = Instant::now();
    let (_, c) = audit_workspace_reusing(&big, &s, &mut r);
    println!("score only {:?} {:?}", t.elapsed(), c);
    let t = Instant::now();
    let (_, c) = audit_workspace_reusing(&big, &s, &mut r);
    println!("score only again {:?} {:?}", t.elapsed(), c);
    let mut ki = MeasuredCreators::default();
    ki.remember_stored_intervals(&kept.stored_intervals().unwrap_or_default());
    let t = Instant::now();
    let (_, c) = audit_workspace_reusing(&big, &s, &mut ki);
    println!("measure with intervals {:?} {:?}", t.elapsed(), c);
    println!(
        "intervals len {}",
        kept.stored_intervals().unwrap_or_default().len()
    );
    println!("sample {}", &text[..3000.min(text.len())]);
}
