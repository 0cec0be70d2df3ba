//! Hand-checked tests of the decisions panel: mapping, periods, status, ranking, budget and
//! report. Poisson limits are scipy's:
//! `python3 -c "from scipy.stats import chi2; k=12; print(chi2.ppf(0.025,2*k)/2, chi2.ppf(0.975,2*k+2)/2)"`
//! k=12: 6.200575108722218, 20.96158504817696; k=2: 0.24220927854396496, 7.22468766772396;
//! k=0: 0, 3.6888794541139354.

use chrono::NaiveDate;

use super::*;
use crate::Workspace;
use microplan_model::money::Money;
use microplan_model::rows::{DeliverableResult, TestArm};
use microplan_plan::objectives::{propose, DecisionAction, Objective, ObjectivePlan, Target};
use microplan_plan::results::MetricKey;

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

pub(super) fn row(
    handle: &str,
    date: Option<NaiveDate>,
    orders: Option<u64>,
    cost: Option<f64>,
) -> DeliverableResult {
    DeliverableResult {
        campaign: "Spring".into(),
        handle: handle.into(),
        deliverable: "reel".into(),
        date,
        orders,
        cost: cost.map(|c| Money::new(c, "EUR")),
        ..DeliverableResult::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn every_proposed_metric_maps_to_its_measurement() {
    use MetricSource::*;
    let expected = [
        (
            Objective::Awareness,
            [NotMeasured, Result(MetricKey::ErReach), NotMeasured],
        ),
        (
            Objective::Engagement,
            [
                Result(MetricKey::ErReach),
                Result(MetricKey::ShareRate),
                Result(MetricKey::CommentToView),
            ],
        ),
        (
            Objective::Conversion,
            [
                Result(MetricKey::Orders),
                Result(MetricKey::ClickToOrder),
                NotMeasured,
            ],
        ),
        (
            Objective::Ugc,
            [
                Signal(SignalKindAlias::UnsolicitedUgc),
                NotMeasured,
                Result(MetricKey::Ctr),
            ],
        ),
        (
            Objective::CommunityAdvocacy,
            [
                Signal(SignalKindAlias::RepeatAdvocates),
                Signal(SignalKindAlias::Sentiment),
                NotMeasured,
            ],
        ),
    ];
    for (objective, sources) in expected {
        let plan = propose(objective);
        for (metric, source) in plan.metrics().into_iter().zip(sources) {
            assert_eq!(suggested_metric(metric), Some(source), "{}", metric.name);
        }
    }
    // A linked test turns an incremental lift into the test's reading.
    let mut lift = propose(Objective::Conversion).supporting[1].clone();
    lift.uplift_test = Some("holdout".into());
    assert_eq!(suggested_metric(&lift), Some(UpliftTest));
    // Costs and definitions: "Cost per order" is CPA, a bare name falls back to the definition.
    let mut cpa = lift.clone();
    cpa.name = "Cost per order".into();
    cpa.uplift_test = None;
    cpa.method = microplan_plan::objectives::MeasurementMethod::CreatorCodes;
    assert_eq!(suggested_metric(&cpa), Some(Result(MetricKey::Cpa)));
    cpa.name = "North star".into();
    cpa.definition = "Link clicks on the bio link".into();
    assert_eq!(suggested_metric(&cpa), Some(Result(MetricKey::LinkClicks)));
    cpa.definition = "Something we feel".into();
    assert_eq!(suggested_metric(&cpa), None);
    // Keys round-trip, and a stored override wins.
    for source in MetricSource::options() {
        assert_eq!(MetricSource::parse(&source.key()), Some(source));
    }
    let mut plan = ResultsPlan::default();
    plan.set_source_choice(2, Some(MetricSource::Result(MetricKey::Cpa).key()));
    assert_eq!(effective_source(&cpa, 2, &plan).0, Result(MetricKey::Cpa));
    assert_eq!(effective_source(&cpa, 0, &plan).0, NotMeasured);
}

use microplan_plan::objectives::SignalKind as SignalKindAlias;

#[test]
fn weeks_start_on_monday_and_undated_rows_are_in_no_period() {
    // 2026-04-19 is a Sunday, 2026-04-20 a Monday.
    assert_eq!(period_of(day(4, 19), PeriodKind::Week), day(4, 13));
    assert_eq!(period_of(day(4, 20), PeriodKind::Week), day(4, 20));
    assert_eq!(period_of(day(4, 30), PeriodKind::Month), day(4, 1));
    let rows = [
        row("a", Some(day(4, 19)), Some(3), Some(10.0)),
        row("b", Some(day(4, 13)), Some(2), Some(10.0)),
        row("a", Some(day(4, 20)), Some(7), Some(10.0)),
        row("c", None, Some(50), Some(10.0)),
        row("c", Some(day(5, 1)), None, Some(10.0)),
    ];
    let refs: Vec<&DeliverableResult> = rows.iter().collect();
    let context = microplan_plan::results::MetricContext {
        currency: "EUR".into(),
        ..Default::default()
    };
    let weekly = readings(&refs, MetricKey::Orders, PeriodKind::Week, &context);
    assert_eq!(weekly.undated_rows, 1);
    let labels: Vec<&str> = weekly.readings.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Week of 13 Apr 2026",
            "Week of 20 Apr 2026",
            "Week of 27 Apr 2026"
        ]
    );
    // 3 + 2 in the first week, 7 in the second; the third has a row but no orders.
    assert_eq!(weekly.readings[0].value.value, Some(5.0));
    assert_eq!(weekly.readings[1].value.value, Some(7.0));
    assert_eq!(weekly.values(), vec![5.0, 7.0]);
    assert_eq!(weekly.periods_without_value(), 1);
    let monthly = readings(&refs, MetricKey::Orders, PeriodKind::Month, &context);
    let months: Vec<(&str, Option<f64>)> = monthly
        .readings
        .iter()
        .map(|r| (r.label.as_str(), r.value.value))
        .collect();
    assert_eq!(months[0], ("April 2026", Some(12.0)));
    assert_eq!(months[1].0, "May 2026");
    let campaigns = readings(&refs, MetricKey::Orders, PeriodKind::Campaign, &context);
    assert_eq!(campaigns.readings.len(), 1);
    assert_eq!(
        (
            campaigns.readings[0].label.as_str(),
            campaigns.readings[0].start
        ),
        ("Spring", day(4, 13))
    );
}

/// Conversion programme with a weekly baseline of 10 orders, target +25%, default
/// thresholds: pause below 6, optimise below 10, scale above 12.5; 3 periods for a pivot.
pub(super) fn programme_workspace(weekly_orders: &[u64]) -> Workspace {
    let mut plan: ObjectivePlan = propose(Objective::Conversion);
    plan.primary.baseline = Some(10.0);
    plan.primary.target = Some(Target::uplift(0.25));
    plan.thresholds = microplan_plan::objectives::default_thresholds(Some(Target::uplift(0.25)));
    plan.sustained_periods = 3;
    let mut workspace = Workspace::empty("t");
    workspace.programme.objectives = Some(plan);
    // Mondays 2 March, 9 March, ...
    for (week, orders) in weekly_orders.iter().enumerate() {
        let date = day(3, 2) + chrono::Duration::weeks(week as i64);
        workspace
            .results
            .push(row("a", Some(date), Some(*orders), Some(100.0)));
    }
    workspace
        .results
        .push(row("a", None, Some(100), Some(100.0)));
    workspace
}

fn states(status: &ProgrammeStatus) -> Vec<(DecisionAction, DecisionState)> {
    status.metrics[0]
        .thresholds
        .iter()
        .map(|t| (t.action, t.state))
        .collect()
}

#[test]
fn a_pause_needs_three_weeks_in_breach_or_a_significant_test() {
    use DecisionAction::*;
    use DecisionState::*;
    // Readings 11, 5, 4: two weeks below 6 (pause) and below 10 (optimise).
    let workspace = programme_workspace(&[11, 5, 4]);
    let status = programme_status(&workspace, &ResultsPlan::default()).unwrap();
    assert_eq!(
        states(&status),
        vec![(Pause, NeedsEvidence), (Optimise, Act), (Scale, OnTrack)]
    );
    let primary = &status.metrics[0];
    let pause = &primary.thresholds[0];
    assert_eq!(
        (
            pause.level,
            pause.consecutive_breaches,
            pause.periods_needed
        ),
        (Some(6.0), 2, 3)
    );
    assert!(
        pause.reason.contains("2 of the 3 periods"),
        "{}",
        pause.reason
    );
    assert!(
        pause.reason.contains("No uplift test is linked"),
        "{}",
        pause.reason
    );
    assert_eq!(
        pause.state.label(pause.action),
        "In breach: pause needs evidence"
    );
    // Average per week (11 + 5 + 4) / 3 = 6.667, 0.67x the baseline; the undated row is left out.
    assert!(close(primary.observed.unwrap(), 20.0 / 3.0));
    assert!(
        primary.observed_text.contains("1 row(s) without a date"),
        "{}",
        primary.observed_text
    );
    assert!(
        primary
            .progress_text
            .starts_with("0.67× the baseline of 10 (-33.3%)"),
        "{}",
        primary.progress_text
    );
    assert!(close(primary.target_level.unwrap(), 12.5));
    // A fourth week below 6 makes the breach sustained.
    let sustained = programme_status(
        &programme_workspace(&[11, 5, 4, 3]),
        &ResultsPlan::default(),
    )
    .unwrap();
    assert_eq!(states(&sustained)[0], (Pause, Act));
    // A significant test on the metric justifies the pause after two weeks:
    // 100 / 10,000 against 200 / 10,000 is far beyond alpha 0.05.
    let mut tested = programme_workspace(&[11, 5, 4]);
    let arm = |name: &str, control: bool, conversions: u64| TestArm {
        test: "holdout".into(),
        arm: name.into(),
        is_control: control,
        units: 10_000,
        conversions,
        revenue: None,
    };
    tested.test_arms = vec![arm("control", true, 100), arm("exposed", false, 200)].into();
    if let Some(plan) = tested.programme.objectives.as_mut() {
        plan.primary.uplift_test = Some("holdout".into());
    }
    let status = programme_status(&tested, &ResultsPlan::default()).unwrap();
    assert_eq!(
        status.metrics[0].source,
        MetricSource::Result(MetricKey::Orders)
    );
    assert_eq!(states(&status)[0], (Pause, Act));
    assert!(status.metrics[0].thresholds[0]
        .reason
        .contains("significant"));
}

#[test]
fn metrics_without_a_baseline_or_results_say_what_is_missing() {
    let mut workspace = programme_workspace(&[]);
    workspace.results.clear();
    if let Some(plan) = workspace.programme.objectives.as_mut() {
        plan.primary.baseline = None;
        plan.thresholds[0].metric = 1;
    }
    let status = programme_status(&workspace, &ResultsPlan::default()).unwrap();
    let primary = &status.metrics[0];
    assert!(
        primary.progress_text.starts_with("No baseline above zero"),
        "{}",
        primary.progress_text
    );
    assert!(primary.observed_text.starts_with("No results yet"));
    assert!(primary
        .thresholds
        .iter()
        .all(|t| t.state == DecisionState::CannotCheck));
    // The moved pause threshold sits on the landing-page rate, which has no baseline either.
    let landing = &status.metrics[1];
    assert_eq!(landing.thresholds.len(), 1);
    assert_eq!(landing.thresholds[0].state, DecisionState::CannotCheck);
    // The lift metric has no linked test in the proposal.
    assert!(
        status.metrics[2].observed_text.starts_with("Not measured"),
        "{}",
        status.metrics[2].observed_text
    );
    assert!(
        programme_status(&Workspace::empty("none"), &ResultsPlan::default())
            .unwrap_err()
            .to_string()
            .contains("Programme page")
    );
}

mod budget;
mod verdict;
