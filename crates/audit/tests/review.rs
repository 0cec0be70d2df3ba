//! The user's review of a creator kept on the workspace: shortlist, checklist and status.

use microplan_audit::VerificationCheck;
use microplan_demo::demo_workspace;
use microplan_model::rows::PipelineStatus;
use microplan_workspace::Workspace;

#[test]
fn shortlist_and_checks_are_kept_and_cleared() {
    let mut w = Workspace::empty("Brand");
    w.set_shortlisted("@Lena", true);
    w.set_check("lena", VerificationCheck::StatsShared, true);
    w.set_check("lena", VerificationCheck::ReverseImageSearch, true);
    let review = w.review("LENA").unwrap();
    assert!(review.shortlisted);
    // Kept in checklist order, whatever the order of ticking.
    assert_eq!(
        review.checks,
        vec![
            VerificationCheck::ReverseImageSearch,
            VerificationCheck::StatsShared
        ]
    );
    w.set_shortlisted("lena", false);
    w.set_check("lena", VerificationCheck::StatsShared, false);
    w.set_check("lena", VerificationCheck::ReverseImageSearch, false);
    assert!(w.review("lena").is_none(), "an empty review is not stored");
    assert!(w.creator_reviews.is_empty());
}

#[test]
fn status_changes_the_creator_row() {
    let mut w = demo_workspace();
    let handle = w.creators[0].handle.clone();
    assert!(w.set_status(&format!("@{handle}"), PipelineStatus::Ambassador));
    assert_eq!(w.creators[0].status, PipelineStatus::Ambassador);
    assert!(!w.set_status("nobody_here", PipelineStatus::Dropped));
}
