//! Intervals kept with a workspace's measurements: reopened, they give the same audit, and the
//! demo's intervals are pinned to the interval code's revision.

use microplan_audit::interval_memo::{stored_intervals_digest, INTERVAL_REVISION};
use microplan_audit::reuse::MeasuredCreators;
use microplan_audit::AuditSettings;
use microplan_demo::demo_workspace;
use microplan_workspace::audits::audit_workspace_reusing;

#[test]
fn a_workspace_opened_with_its_stored_intervals_gives_the_same_audit() {
    let workspace = demo_workspace();
    let settings = AuditSettings::default();
    let mut kept = MeasuredCreators::default();
    let (first, _) = audit_workspace_reusing(&workspace, &settings, &mut kept);
    let Some(text) = kept.stored_intervals() else {
        panic!("the demo's intervals encode");
    };
    let mut restored = MeasuredCreators::default();
    assert!(restored.remember_stored_intervals(&text));
    assert!(!restored.intervals_are_empty());
    assert!(!restored.remember_stored_intervals("{cut"));
    let (reopened, _) = audit_workspace_reusing(&workspace, &settings, &mut restored);
    assert_eq!(reopened, first);
    assert_eq!(restored.intervals_drawn_by_last_audit(), 0);
    assert_eq!(restored.stored_intervals().as_deref(), Some(text.as_str()));
}

/// Pins the demo's intervals. When this fails because the interval code changed on
/// purpose, raise `INTERVAL_REVISION` and put the new value here: intervals stored by
/// the old code must not be reused.
#[test]
fn the_demo_intervals_match_this_revision() {
    let mut kept = MeasuredCreators::default();
    let _ = audit_workspace_reusing(&demo_workspace(), &AuditSettings::default(), &mut kept);
    let text = kept.stored_intervals().unwrap_or_default();
    assert_eq!(
        (INTERVAL_REVISION, stored_intervals_digest(&text)),
        (1, 13_968_482_913_904_893_799),
        "the demo's intervals changed: raise INTERVAL_REVISION and pin the new hash"
    );
}
