//! The creator table built from the demo's audit: ranks, the user's fields, filters and sorts.

use microplan_audit::{AuditSettings, Tier};
use microplan_demo::demo_workspace;
use microplan_model::rows::PipelineStatus;
use microplan_workspace::audits::audit_workspace;
use microplan_workspace::audits::roster::{
    filter_and_sort, roster_rows, RosterFilter, RosterRow, SortKey,
};
use microplan_workspace::Workspace;

fn demo_rows() -> (Workspace, Vec<RosterRow>) {
    let mut w = demo_workspace();
    w.set_shortlisted("crumb_theory", true);
    w.set_status("crumb_theory", PipelineStatus::Ambassador);
    let audits = audit_workspace(&w, &AuditSettings::default());
    let rows = roster_rows(&audits, &w);
    (w, rows)
}

#[test]
fn rows_follow_the_audit_and_carry_the_users_fields() {
    let (w, rows) = demo_rows();
    assert_eq!(rows.len(), w.creators.len());
    for (i, r) in rows.iter().enumerate() {
        assert_eq!(r.rank, i + 1);
        let tied_above = i > 0 && rows[i - 1].score.map(f64::round) == r.score.map(f64::round);
        assert_eq!(r.shown_rank == i + 1, !tied_above, "{}", r.handle);
    }
    let crumb = rows.iter().find(|r| r.handle == "crumb_theory").unwrap();
    assert!(crumb.shortlisted);
    assert_eq!(crumb.status, PipelineStatus::Ambassador);
}

#[test]
fn filters_combine() {
    let (_, rows) = demo_rows();
    let all = filter_and_sort(&rows, &RosterFilter::default(), SortKey::Score, true);
    assert_eq!(all.len(), rows.len());
    let short = RosterFilter {
        shortlisted_only: true,
        ..Default::default()
    };
    let picked = filter_and_sort(&rows, &short, SortKey::Score, true);
    assert_eq!(
        picked
            .iter()
            .map(|i| rows[*i].handle.as_str())
            .collect::<Vec<_>>(),
        vec!["crumb_theory"]
    );
    let flagged = RosterFilter {
        flagged_only: true,
        ..Default::default()
    };
    let flagged_rows = filter_and_sort(&rows, &flagged, SortKey::Score, true);
    assert!(flagged_rows
        .iter()
        .any(|i| rows[*i].handle == "peakpace_lena"));
    assert!(flagged_rows.iter().all(|i| rows[*i].warnings > 0));
    let micro = RosterFilter {
        tier: Some(Tier::Micro),
        text: "@PEAKPACE".into(),
        ..Default::default()
    };
    let found = filter_and_sort(&rows, &micro, SortKey::Score, true);
    assert!(found
        .iter()
        .all(|i| rows[*i].tier == Tier::Micro && rows[*i].handle.contains("peakpace")));
    assert!(!found.is_empty());
    let nobody = RosterFilter {
        text: "no such creator".into(),
        ..Default::default()
    };
    assert!(filter_and_sort(&rows, &nobody, SortKey::Score, true).is_empty());
}

#[test]
fn sorting_by_each_key_orders_the_rows() {
    let (_, rows) = demo_rows();
    let by_followers = filter_and_sort(&rows, &RosterFilter::default(), SortKey::Followers, true);
    assert!(by_followers
        .windows(2)
        .all(|w| rows[w[0]].followers >= rows[w[1]].followers));
    let by_handle = filter_and_sort(&rows, &RosterFilter::default(), SortKey::Handle, false);
    assert!(by_handle
        .windows(2)
        .all(|w| rows[w[0]].handle.to_lowercase() <= rows[w[1]].handle.to_lowercase()));
    let by_score_up = filter_and_sort(&rows, &RosterFilter::default(), SortKey::Score, false);
    let first = &rows[by_score_up[0]];
    assert_eq!(
        first.handle, "peakpace_lena",
        "the lowest score first when ascending"
    );
    for key in SortKey::ALL {
        assert_eq!(
            filter_and_sort(&rows, &RosterFilter::default(), key, true).len(),
            rows.len()
        );
    }
}
