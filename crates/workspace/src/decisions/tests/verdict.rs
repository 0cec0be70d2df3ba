//! One status per metric, by hand: the programme of `tests::programme_workspace` (weekly
//! baseline 10, target +25% = 12.5; pause below 6, optimise below 10, scale above 12.5;
//! three weeks for a pivot), weeks starting Monday 2 March 2026.

use super::{programme_workspace, row};
use crate::decisions::*;
use crate::Workspace;

fn primary(workspace: &Workspace) -> MetricStatus {
    let status = programme_status(workspace, &ResultsPlan::default()).unwrap();
    status.metrics[0].clone()
}

#[test]
fn a_breach_of_optimise_and_a_pause_waiting_for_evidence_is_one_status_optimise() {
    // Readings 11, 5, 4: the pause level (6) is breached two weeks, optimise (10) too.
    let metric = primary(&programme_workspace(&[11, 5, 4]));
    assert_eq!(metric.verdict.state, KpiState::Optimise);
    assert_eq!(metric.verdict.label, "Optimise");
    assert_eq!(
        metric.verdict.reason,
        "4 in Week of 16 Mar 2026: below the optimise level of 10 for 2 periods in a row. \
         The pause level is breached too, but a pause needs evidence first."
    );
}

#[test]
fn a_sustained_breach_is_the_pivot_with_its_owner() {
    let metric = primary(&programme_workspace(&[11, 5, 4, 3]));
    assert_eq!(metric.verdict.state, KpiState::Pause);
    assert_eq!(
        metric.verdict.reason,
        "3 in Week of 23 Mar 2026: below the pause level of 6 for 3 periods in a row. Programme lead decides."
    );
    // Above 12.5 for one week only: no threshold but scale is in breach, and scale waits.
    let metric = primary(&programme_workspace(&[11, 13]));
    assert_eq!(metric.verdict.state, KpiState::Watch);
    assert_eq!(metric.verdict.label, "Watch: scale needs evidence");
}

#[test]
fn a_partial_last_week_is_left_out_of_the_status() {
    // Weeks of 2 and 9 March: four rows of 3 orders each (12 a week); 16 March one late
    // row with 1 order. The rows of the earlier weeks are 4 and 4 (median 4): 1 row is
    // fewer than half, so that week is partial and in no decision.
    let mut workspace = programme_workspace(&[]);
    workspace.results.clear();
    for week in 0..2 {
        for _ in 0..4 {
            let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 2 + 7 * week).unwrap();
            workspace
                .results
                .push(row("a", Some(date), Some(3), Some(25.0)));
        }
    }
    let late = chrono::NaiveDate::from_ymd_opt(2026, 3, 16).unwrap();
    workspace
        .results
        .push(row("a", Some(late), Some(1), Some(25.0)));
    let metric = primary(&workspace);
    let readings = metric.readings.as_ref().unwrap();
    assert_eq!(readings.values(), vec![12.0, 12.0, 1.0]);
    assert_eq!(readings.complete_values(), vec![12.0, 12.0]);
    // (12 + 12) / 2 = 12 a week, not (12 + 12 + 1) / 3 = 8.33.
    assert_eq!(metric.observed, Some(12.0));
    assert!(metric
        .thresholds
        .iter()
        .all(|t| t.state == DecisionState::OnTrack));
    assert_eq!(metric.verdict.state, KpiState::OnTrack);
    assert_eq!(
        metric.verdict.reason,
        "12 in Week of 9 Mar 2026: no threshold in breach; 12 a week against a target of 12.5, target \
         not reached yet. Week of 16 Mar 2026 is left out as partial: 1 result row against a usual 4."
    );
    // With the late week counted, one reading of 1 would breach pause and optimise.
    let whole = Readings {
        readings: readings.readings[..2].to_vec(),
        ..readings.clone()
    };
    assert_eq!(partial_last_period(&whole), None);
}

#[test]
fn a_metric_without_thresholds_is_judged_by_its_target() {
    let mut workspace = programme_workspace(&[11, 12, 13]);
    if let Some(plan) = workspace.programme.objectives.as_mut() {
        plan.thresholds.clear();
    }
    // (11 + 12 + 13) / 3 = 12 a week against 12.5.
    let metric = primary(&workspace);
    assert_eq!(metric.verdict.state, KpiState::BelowTarget);
    assert_eq!(
        metric.verdict.reason,
        "12 a week against a target of 12.5: target not reached; no threshold is set on this metric."
    );
}
