use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn every_objective_proposes_a_primary_and_two_supporting_metrics_with_methods() {
    for objective in Objective::ALL {
        let plan = propose(objective);
        assert_eq!(plan.objective, objective);
        assert_eq!(plan.supporting.len(), 2, "{objective:?}");
        assert_eq!(plan.metrics().len(), 3);
        let names: Vec<&str> = plan.metrics().iter().map(|m| m.name.as_str()).collect();
        assert!(names.iter().all(|n| !n.is_empty()));
        assert_ne!(names[0], names[1]);
        assert_ne!(names[1], names[2]);
        // Targets are uplifts over a baseline the user has not entered yet.
        assert!(plan.metrics().iter().all(|m| m.baseline.is_none()));
        assert_eq!(plan.primary.target, Some(Target::uplift(0.2)));
        assert_eq!(plan.thresholds.len(), 3);
        assert_eq!(plan.signals.len(), 4);
        assert_eq!(Objective::parse(objective.key()), Some(objective));
    }
}

#[test]
fn awareness_follows_the_seed_example() {
    let plan = propose(Objective::Awareness);
    assert_eq!(plan.primary.method, MeasurementMethod::BrandLiftSurvey);
    assert_eq!(plan.supporting[0].name, "Engagement rate per post");
    assert_eq!(
        plan.supporting[1].method,
        MeasurementMethod::IncrementalityTest
    );
}

#[test]
fn conversion_uses_codes_landing_pages_and_a_control_group() {
    let plan = propose(Objective::Conversion);
    let methods: Vec<MeasurementMethod> = plan.metrics().iter().map(|m| m.method).collect();
    assert_eq!(
        methods,
        vec![
            MeasurementMethod::CreatorCodes,
            MeasurementMethod::UniqueLandingPage,
            MeasurementMethod::IncrementalityTest
        ]
    );
}

#[test]
fn a_fresh_proposal_warns_about_missing_baselines_only() {
    let plan = propose(Objective::Engagement);
    let warnings = plan.warnings();
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(warnings.iter().all(|w| w.contains("enter a baseline")));
}

#[test]
fn warnings_name_zero_baselines_missing_targets_owners_and_short_sustain_rules() {
    let mut plan = propose(Objective::Conversion);
    plan.primary.baseline = Some(0.0);
    plan.supporting[0].baseline = Some(0.02);
    plan.supporting[0].target = None;
    plan.supporting[1].baseline = Some(0.01);
    plan.thresholds[1].owner = "  ".to_string();
    plan.sustained_periods = 1;
    let warnings = plan.warnings();
    assert_eq!(warnings.len(), 4, "{warnings:?}");
    assert!(warnings[0].contains("above zero"));
    assert!(warnings[1].contains("set a target"));
    assert!(warnings[2].contains("optimise threshold on Attributed orders has no owner"));
    assert!(warnings[3].contains("at least 2 periods"));
}

#[test]
fn target_level_is_baseline_times_the_multiple() {
    // 120 orders, +25% -> 150; 1.5x -> 180.
    assert!(close(
        target_level(120.0, Target::uplift(0.25)).unwrap(),
        150.0
    ));
    assert!(close(
        target_level(120.0, Target::multiple(1.5)).unwrap(),
        180.0
    ));
    // A rate: 3.2% baseline, +50% -> 4.8%.
    assert!(close(
        target_level(0.032, Target::uplift(0.5)).unwrap(),
        0.048
    ));
    assert!(close(Target::multiple(1.5).as_uplift(), 0.5));
    assert!(close(Target::uplift(0.25).as_multiple(), 1.25));
}

#[test]
fn targets_refuse_a_missing_baseline_and_impossible_values() {
    assert!(target_level(0.0, Target::uplift(0.2))
        .unwrap_err()
        .to_string()
        .contains("baseline above zero"));
    assert!(target_level(f64::NAN, Target::uplift(0.2)).is_err());
    assert!(target_level(-5.0, Target::uplift(0.2)).is_err());
    assert!(target_level(10.0, Target::uplift(-1.0))
        .unwrap_err()
        .to_string()
        .contains("-100%"));
    assert!(target_level(10.0, Target::multiple(0.0))
        .unwrap_err()
        .to_string()
        .contains("above 0"));
    assert!(target_level(10.0, Target::uplift(f64::INFINITY)).is_err());
}

#[test]
fn progress_reports_multiple_uplift_and_share_of_plan() {
    // Baseline 100, target +20% (120), observed 110: 1.1x, +10%, half the planned uplift.
    let progress = progress_against_target(110.0, 100.0, Target::uplift(0.2)).unwrap();
    assert!(close(progress.multiple_of_baseline, 1.1));
    assert!(close(progress.uplift, 0.1));
    assert!(close(progress.share_of_planned_uplift.unwrap(), 0.5));
    assert!(!progress.reached);
    let reached = progress_against_target(130.0, 100.0, Target::multiple(1.2)).unwrap();
    assert!(reached.reached);
    // A target equal to the baseline plans no uplift: no share to report, not a division by 0.
    let flat = progress_against_target(100.0, 100.0, Target::multiple(1.0)).unwrap();
    assert_eq!(flat.share_of_planned_uplift, None);
    assert!(flat.reached);
    assert!(progress_against_target(-1.0, 100.0, Target::uplift(0.2)).is_err());
}

fn pause_below(multiple: f64) -> DecisionThreshold {
    DecisionThreshold {
        metric: 0,
        action: DecisionAction::Pause,
        direction: Direction::Below,
        multiple_of_baseline: multiple,
        owner: "Lead".into(),
    }
}

#[test]
fn a_pause_waits_for_a_sustained_signal() {
    // Baseline 100, pause below 0.6x = 60. Readings 80, 55, 50: two breaches in a row of 3.
    let threshold = pause_below(0.6);
    let watch = evaluate_threshold(&threshold, 100.0, &[80.0, 55.0, 50.0], 3, None).unwrap();
    assert!(close(watch.level, 60.0));
    assert_eq!(watch.consecutive_breaches, 2);
    assert_eq!(watch.decision, ThresholdDecision::Watch);
    assert!(watch.reason.contains("2 of the 3 periods"));
    // A third breach in a row meets the rule.
    let act = evaluate_threshold(&threshold, 100.0, &[80.0, 55.0, 50.0, 40.0], 3, None).unwrap();
    assert_eq!(act.decision, ThresholdDecision::Act);
    assert_eq!(act.consecutive_breaches, 3);
    // A breach that recovered resets the count.
    let reset = evaluate_threshold(&threshold, 100.0, &[50.0, 50.0, 70.0], 3, None).unwrap();
    assert_eq!(reset.decision, ThresholdDecision::NoAction);
    assert_eq!(reset.consecutive_breaches, 0);
}

#[test]
fn a_significant_test_justifies_a_large_pivot_at_once() {
    let threshold = DecisionThreshold {
        action: DecisionAction::Scale,
        direction: Direction::Above,
        multiple_of_baseline: 1.2,
        ..pause_below(0.0)
    };
    let once = evaluate_threshold(&threshold, 100.0, &[130.0], 3, Some(false)).unwrap();
    assert_eq!(once.decision, ThresholdDecision::Watch);
    let significant = evaluate_threshold(&threshold, 100.0, &[130.0], 3, Some(true)).unwrap();
    assert_eq!(significant.decision, ThresholdDecision::Act);
    assert!(significant.reason.contains("significant"));
}

#[test]
fn optimising_may_follow_one_reading_and_bad_inputs_are_errors() {
    let threshold = DecisionThreshold {
        action: DecisionAction::Optimise,
        multiple_of_baseline: 1.0,
        ..pause_below(0.0)
    };
    let act = evaluate_threshold(&threshold, 100.0, &[95.0], 3, None).unwrap();
    assert_eq!(act.decision, ThresholdDecision::Act);
    let none = evaluate_threshold(&threshold, 100.0, &[], 3, None).unwrap();
    assert_eq!(none.decision, ThresholdDecision::NoAction);
    assert!(evaluate_threshold(&threshold, 0.0, &[1.0], 3, None).is_err());
    assert!(
        evaluate_threshold(&threshold, 100.0, &[1.0, f64::NAN], 3, None)
            .unwrap_err()
            .to_string()
            .contains("Reading 2")
    );
}

#[test]
fn the_scale_threshold_sits_at_the_target() {
    let thresholds = default_thresholds(Some(Target::uplift(0.35)));
    assert!(close(thresholds[2].multiple_of_baseline, 1.35));
    assert!(thresholds.iter().all(|t| !t.owner.is_empty()));
    // A target that plans no uplift falls back to 1.2x.
    assert!(close(
        default_thresholds(Some(Target::multiple(1.0)))[2].multiple_of_baseline,
        1.2
    ));
}

#[test]
fn signals_are_ratios_with_clear_errors() {
    // 42 positive of 120 classified = 0.35.
    let mut entry = SignalEntry::empty(SignalKind::Sentiment);
    assert!(signal_ratio(&entry)
        .unwrap_err()
        .to_string()
        .contains("Enter both counts"));
    entry.numerator = Some(42);
    entry.denominator = Some(120);
    assert!(close(signal_ratio(&entry).unwrap(), 0.35));
    entry.denominator = Some(0);
    assert!(signal_ratio(&entry)
        .unwrap_err()
        .to_string()
        .contains("is 0"));
    entry.numerator = Some(130);
    entry.denominator = Some(120);
    assert!(signal_ratio(&entry)
        .unwrap_err()
        .to_string()
        .contains("cannot exceed"));
    // UGC per sponsored post may exceed 1: 18 unsolicited posts after 12 sponsored = 1.5.
    let ugc = SignalEntry {
        numerator: Some(18),
        denominator: Some(12),
        ..SignalEntry::empty(SignalKind::UnsolicitedUgc)
    };
    assert!(close(signal_ratio(&ugc).unwrap(), 1.5));
    for kind in SignalKind::ALL {
        assert!(!kind.definition().is_empty());
    }
}

#[test]
fn metrics_are_grouped_into_the_three_value_layers() {
    let plan = propose(Objective::Conversion);
    let layers = metrics_by_layer(&plan);
    assert_eq!(layers.len(), 3);
    assert_eq!(layers[0].0, ValueLayer::Business);
    assert_eq!(
        layers[0].1,
        vec!["Attributed orders", "Incremental conversion lift"]
    );
    assert_eq!(layers[1].1, vec!["Landing-page conversion rate"]);
    assert!(layers[2].1.is_empty());
    for layer in ValueLayer::ALL {
        assert!(layer.standard_metrics().len() >= 3);
        assert_eq!(ValueLayer::parse(layer.key()), Some(layer));
    }
}

#[test]
fn a_plan_survives_serialisation_and_old_plans_get_the_default_rule() {
    let plan = propose(Objective::Ugc);
    let text = serde_json::to_string(&plan).unwrap();
    let back: ObjectivePlan = serde_json::from_str(&text).unwrap();
    assert_eq!(back, plan);
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    if let Some(object) = value.as_object_mut() {
        object.remove("sustained_periods");
        object.remove("signals");
        object.remove("thresholds");
    }
    let old: ObjectivePlan = serde_json::from_value(value).unwrap();
    assert_eq!(old.sustained_periods, DEFAULT_SUSTAINED_PERIODS);
    assert!(old.signals.is_empty());
}
