//! A workspace stored before pre-registration versions existed still loads, can be amended
//! and passes the workspace check.

use microplan_uplift::prereg::PreregField;

/// A workspace saved before versions existed: a frozen plan with a per-edit history.
const OLD_WORKSPACE: &str = r#"{
  "name": "Old shop",
  "test_plans": [{
    "test": "Spring holdout",
    "hypothesis": "Gifting lifts orders",
    "primary_metric": "Orders per visitor",
    "arms": [{"name": "Control", "is_control": true, "weight": 50.0},
             {"name": "Pilot", "is_control": false, "weight": 50.0}],
    "planned_total": 96000,
    "analysis_method": "z-test",
    "decision_rule": "Scale at +10%",
    "alpha": 0.05,
    "min_lift": 0.1,
    "launch_date": "2026-04-13",
    "created_ms": 1775000000000,
    "frozen_ms": 1776070800000,
    "history": [{"at_ms": 1776765900000, "field": "Primary metric", "before": "Orders", "after": "Orders per visitor"}]
  }]
}"#;

#[test]
fn an_old_frozen_plan_with_a_history_loads_and_can_be_amended() {
    let mut workspace: microplan_workspace::Workspace =
        serde_json::from_str(OLD_WORKSPACE).unwrap();
    let plan = &mut workspace.test_plans[0];
    assert!(plan.is_frozen() && plan.versions.is_empty());
    assert_eq!(plan.history.len(), 1);
    assert_eq!(plan.version_in_force(), 1);
    // 1776070800000 ms = day 20,556 + 9 h: 2026-04-13 09:00 UTC.
    let note = plan.version_note();
    assert!(
        note.amended_after_launch,
        "the old history is a deviation too"
    );
    assert_eq!(
        note.text,
        "Analysed with version 1 of the pre-registration, frozen at launch on 13 Apr 2026 09:00 UTC. \
         1 earlier edit after launch is listed in its history."
    );
    let edits = vec![(PreregField::PlannedTotal, "120000".to_string())];
    assert_eq!(
        plan.amend(&edits, "Slower traffic", 1_777_000_000_000),
        Ok(2)
    );
    assert_eq!(plan.versions[0].terms.planned_total, 96_000);
    assert_eq!(plan.versions[0].at_ms, 1_776_070_800_000);
    assert_eq!(plan.planned_total, 120_000);
    assert_eq!(plan.history.len(), 1, "the old history is kept");
    assert_eq!(
        microplan_workspace::validate::validate_workspace(&workspace),
        Ok(())
    );
}
