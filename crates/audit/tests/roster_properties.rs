//! Property tests of the creator table and the detail charts on the demo workspace: any
//! filter and sort returns accepted rows, and the charts of any creator hold no NaN.

use proptest::prelude::*;

use microplan_audit::detail::{benchmark_band, engagement_points, follower_points, metric_lines};
use microplan_audit::AuditSettings;
use microplan_demo::demo_workspace;
use microplan_workspace::audits::audit_workspace;
use microplan_workspace::audits::roster::{filter_and_sort, roster_rows, RosterFilter, SortKey};

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn any_filter_and_sort_returns_accepted_rows(text in "\\PC{0,8}", key in 0usize..8, descending in any::<bool>(), flagged in any::<bool>()) {
        let w = demo_workspace();
        let audits = audit_workspace(&w, &AuditSettings { bootstrap_resamples: 0, ..AuditSettings::default() });
        let rows = roster_rows(&audits, &w);
        let filter = RosterFilter { text, flagged_only: flagged, ..RosterFilter::default() };
        let picked = filter_and_sort(&rows, &filter, SortKey::ALL[key], descending);
        prop_assert!(picked.len() <= rows.len());
        prop_assert!(picked.iter().all(|i| *i < rows.len() && filter.accepts(&rows[*i])));
        let audit = &audits[key % audits.len()];
        let points = engagement_points(audit);
        prop_assert!(benchmark_band(audit, &points).len() <= 2);
        prop_assert!(follower_points(audit).iter().all(|(x, y)| x.is_finite() && y.is_finite()));
        prop_assert!(metric_lines(audit).iter().all(|l| !l.value.contains("NaN") && !l.explanation.contains("NaN")));
    }
}
