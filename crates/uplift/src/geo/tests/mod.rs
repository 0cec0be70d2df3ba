//! Hand-checked cases of the geo analysis, the placebo test and the power simulation;
//! the reference fixtures, the augmented estimator and the timing run in their own files.

mod augmented;
mod fixtures;
mod timing;

use chrono::NaiveDate;

use super::analysis::{analyse_geo_test, fit_synthetic_control};
use super::power::geo_power;
use super::{GeoPoint, GeoTest};
use microplan_stats::StatsError;

pub(super) fn date(day: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(day)
}

/// One point per region and value, the values on consecutive dates from `date(0)`.
pub(super) fn points_from<'a>(
    series: impl IntoIterator<Item = (&'a str, &'a [f64])>,
) -> Vec<GeoPoint> {
    series
        .into_iter()
        .flat_map(|(name, values)| {
            values.iter().enumerate().map(move |(t, v)| GeoPoint {
                region: name.to_string(),
                date: date(t as i64),
                value: *v,
            })
        })
        .collect()
}

/// Four donors with distinct shapes over 12 dates.
fn donors() -> Vec<Vec<f64>> {
    (0..4)
        .map(|k| {
            (0..12)
                .map(|t| 100.0 + 10.0 * k as f64 + ((t * (k + 1)) % 5) as f64 * (k as f64 + 1.0))
                .collect()
        })
        .collect()
}

fn test_from(series: &[(&str, Vec<f64>)], treated: &[&str], launch_day: i64) -> GeoTest {
    let points = points_from(
        series
            .iter()
            .map(|(name, values)| (*name, values.as_slice())),
    );
    GeoTest {
        name: "Spring regions".into(),
        metric: "Orders".into(),
        launch_date: Some(date(launch_day)),
        treated_regions: treated.iter().map(|s| s.to_string()).collect(),
        points,
        ..GeoTest::default()
    }
}

/// Lyon = 0.25 Nantes + 0.75 Nice, plus 8 orders a date from date 8 on (4 post dates).
fn lyon_mix() -> GeoTest {
    let d = donors();
    let treated: Vec<f64> = (0..12)
        .map(|t| 0.25 * d[0][t] + 0.75 * d[2][t] + if t >= 8 { 8.0 } else { 0.0 })
        .collect();
    let series = [
        ("Lyon", treated),
        ("Nantes", d[0].clone()),
        ("Lille", d[1].clone()),
        ("Nice", d[2].clone()),
        ("Metz", d[3].clone()),
    ];
    test_from(&series, &["Lyon"], 8)
}

#[test]
fn an_exact_mix_of_two_donors_gives_their_weights_and_the_injected_lift() {
    let analysis = analyse_geo_test(&lyon_mix()).unwrap();
    let weights: Vec<f64> = analysis.donors.iter().map(|(_, w)| *w).collect();
    for (got, want) in weights.iter().zip([0.25, 0.0, 0.75, 0.0]) {
        assert!((got - want).abs() < 1e-7, "{weights:?}");
    }
    let fit = &analysis.fit;
    assert_eq!((fit.pre_days, fit.lift.post_days), (8, 4));
    assert!((fit.lift.cumulative - 32.0).abs() < 1e-6 && (fit.lift.average - 8.0).abs() < 1e-6);
    // Relative: 32 over the synthetic's post total.
    let synthetic_post: f64 = fit.synthetic[8..].iter().sum();
    assert!((fit.lift.relative.unwrap() - 32.0 / synthetic_post).abs() < 1e-8);
    assert!(fit.pre_rmspe < 1e-6 && !fit.poor_fit);
    assert!((fit.post_rmspe - 8.0).abs() < 1e-6);
    // A perfect pre-fit with a real lift ranks first: p = 1 / 5.
    let placebo = analysis.placebo.unwrap();
    assert_eq!((placebo.rank, placebo.units), (1, 5));
    assert!((placebo.p_value - 0.2).abs() < 1e-15);
}

#[test]
fn several_treated_regions_are_averaged_before_the_fit() {
    let d = donors();
    let a: Vec<f64> = d[1].iter().map(|v| v + 4.0).collect();
    let b: Vec<f64> = d[1].iter().map(|v| v - 4.0).collect();
    let series = [
        ("A", a),
        ("B", b),
        ("C", d[0].clone()),
        ("D", d[1].clone()),
        ("E", d[3].clone()),
    ];
    let analysis = analyse_geo_test(&test_from(&series, &["A", "B"], 6)).unwrap();
    assert_eq!(analysis.treated, d[1]);
    assert!(
        (analysis.donors[1].1 - 1.0).abs() < 1e-7,
        "{:?}",
        analysis.donors
    );
    assert!(analysis.fit.lift.cumulative.abs() < 1e-6);
}

#[test]
fn a_treated_region_far_above_every_donor_is_a_poor_fit() {
    let d = donors();
    let treated: Vec<f64> = d[3].iter().map(|v| v * 2.0).collect();
    let series = [
        ("Big", treated),
        ("a", d[0].clone()),
        ("b", d[1].clone()),
        ("c", d[3].clone()),
    ];
    let analysis = analyse_geo_test(&test_from(&series, &["Big"], 8)).unwrap();
    // The best the simplex can do is the largest donor, c: weight 1, gap = c.
    assert!((analysis.donors[2].1 - 1.0).abs() < 1e-9);
    assert!(analysis.fit.poor_fit);
    assert!(analysis.fit.fit_ratio.unwrap() > 0.4);
}

#[test]
fn bad_setups_are_errors_never_panics() {
    let d = donors();
    let series = [("A", d[0].clone()), ("B", d[1].clone())];
    let mut test = test_from(&series, &["A"], 8);
    // One donor: weights and lift, but no placebo.
    let single = analyse_geo_test(&test).unwrap();
    assert_eq!(single.donors, vec![("B".to_string(), 1.0)]);
    assert!(single.placebo.is_none());
    test.launch_date = None;
    assert!(matches!(
        analyse_geo_test(&test),
        Err(StatsError::Empty { .. })
    ));
    test.launch_date = Some(date(1));
    assert!(matches!(
        analyse_geo_test(&test),
        Err(StatsError::TooFew { .. })
    ));
    test.launch_date = Some(date(40));
    assert!(matches!(
        analyse_geo_test(&test),
        Err(StatsError::TooFew { .. })
    ));
    test.launch_date = Some(date(8));
    test.treated_regions = vec!["Zed".into()];
    assert!(matches!(
        analyse_geo_test(&test),
        Err(StatsError::Mismatch { .. })
    ));
    test.treated_regions = vec!["A".into(), "B".into()];
    assert!(matches!(
        analyse_geo_test(&test),
        Err(StatsError::TooFew { .. })
    ));
    test.treated_regions.clear();
    assert!(matches!(
        analyse_geo_test(&test),
        Err(StatsError::Empty { .. })
    ));
    assert!(matches!(
        analyse_geo_test(&GeoTest::default()),
        Err(StatsError::Empty { .. })
    ));
    // Constant and all-zero series.
    let flat = [
        ("A", vec![5.0; 12]),
        ("B", vec![5.0; 12]),
        ("C", vec![5.0; 12]),
    ];
    let analysis = analyse_geo_test(&test_from(&flat, &["A"], 8)).unwrap();
    assert!(analysis.fit.lift.cumulative.abs() < 1e-9);
    let zeros = [("A", vec![0.0; 12]), ("B", vec![0.0; 12])];
    assert!(matches!(
        analyse_geo_test(&test_from(&zeros, &["A"], 8)),
        Err(StatsError::NoVariation { .. })
    ));
    assert!(matches!(
        fit_synthetic_control(&[&[1.0, 2.0, 3.0], &[1.0, 2.0]], 2),
        Err(StatsError::Mismatch { .. })
    ));
}

#[test]
fn unequal_dates_keep_only_the_dates_every_region_has() {
    let d = donors();
    let series = [
        ("A", d[0].clone()),
        ("B", d[1].clone()),
        ("C", d[2].clone()),
    ];
    let mut test = test_from(&series, &["A"], 8);
    // C misses date 3: that date leaves the analysis, one pre date fewer.
    test.points
        .retain(|p| !(p.region == "C" && p.date == date(3)));
    let analysis = analyse_geo_test(&test).unwrap();
    assert_eq!(
        (
            analysis.dates.len(),
            analysis.dropped_dates,
            analysis.fit.pre_days
        ),
        (11, 1, 7)
    );
}

#[test]
fn a_large_lift_is_detected_in_every_window_and_none_is_detected_without_one() {
    // 20 donors with distinct smooth shapes; the treated region is an exact mix of two.
    let donors: Vec<Vec<f64>> = (0..20)
        .map(|k| {
            (0..60)
                .map(|t| 50.0 + k as f64 * 3.0 + ((t as f64) * (0.2 + 0.05 * k as f64)).sin() * 5.0)
                .collect()
        })
        .collect();
    let treated: Vec<f64> = (0..60)
        .map(|t| 0.5 * donors[3][t] + 0.5 * donors[11][t])
        .collect();
    let mut series: Vec<&[f64]> = vec![&treated];
    series.extend(donors.iter().map(Vec::as_slice));
    let power = geo_power(&series, 50, 7, 0.05, &[0.0, 0.5]).unwrap();
    assert!(power.windows >= 2);
    // alpha 0.05 with 21 units: only rank 1 (p = 1/21) is significant.
    assert_eq!(power.curve[1].1, 1.0, "{power:?}");
    assert_eq!(power.minimum_detectable_lift, Some(0.5));
    assert!(power.curve[0].1 < 0.8);
    assert!(geo_power(&series, 10, 7, 0.05, &[0.1]).is_err());
    assert!(geo_power(&series, 50, 7, 1.5, &[0.1]).is_err());
}

#[test]
fn the_verdict_follows_the_pre_registered_rule() {
    use super::verdict::geo_verdict;
    use crate::verdict::VerdictKind;
    let analysis = analyse_geo_test(&lyon_mix()).unwrap();
    // Lift about +6.6%, p = 0.2 with 4 donors: never significant at 0.05, and it says why.
    let lift = analysis.fit.lift.relative.unwrap();
    assert!((0.06..0.07).contains(&lift), "{lift}");
    let verdict = geo_verdict(&analysis, 0.05, 0.05);
    assert_eq!(verdict.kind, VerdictKind::KeepRunning);
    assert!(
        verdict.reason.contains("smallest possible p is 0.200"),
        "{}",
        verdict.reason
    );
    assert_eq!(geo_verdict(&analysis, 0.2, 0.05).kind, VerdictKind::Scale);
    assert_eq!(
        geo_verdict(&analysis, 0.2, 0.10).kind,
        VerdictKind::Optimise
    );
    let mut poor = analysis.clone();
    poor.fit.poor_fit = true;
    assert_eq!(geo_verdict(&poor, 0.2, 0.05).kind, VerdictKind::CheckSplit);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = f64> {
        prop_oneof![
            Just(0.0),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(1e300),
            Just(-1e300),
            Just(5.0),
            -1e6..1e6f64,
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
        #[test]
        fn any_panel_gives_an_answer_or_an_error(
            cells in proptest::collection::vec((0usize..5, 0i64..12, value()), 0..60),
            treated in proptest::collection::vec(0usize..6, 0..3),
            launch in 0i64..14,
        ) {
            let points = cells.iter().map(|(r, d, v)| GeoPoint { region: format!("R{r}"), date: date(*d), value: *v }).collect();
            let test = GeoTest {
                name: "t".into(),
                metric: String::new(),
                launch_date: Some(date(launch)),
                treated_regions: treated.iter().map(|r| format!("R{r}")).collect(),
                points,
                ..GeoTest::default()
            };
            if let Ok(analysis) = analyse_geo_test(&test) {
                let fit = &analysis.fit;
                prop_assert!(fit.weights.iter().all(|w| w.is_finite() && *w >= 0.0));
                prop_assert!((fit.weights.iter().sum::<f64>() - 1.0).abs() < 1e-9);
                prop_assert!(fit.gap.iter().chain(&fit.synthetic).all(|v| v.is_finite()));
                prop_assert!(fit.pre_rmspe.is_finite() && fit.rmspe_ratio.is_finite() && fit.lift.cumulative.is_finite());
                if let Some(p) = &analysis.placebo {
                    prop_assert!(p.p_value > 0.0 && p.p_value <= 1.0);
                    prop_assert!(p.placebos.iter().all(|f| f.ratio.is_finite()));
                }
            }
            let _ = super::super::power::power_of_geo_test(&test, 2, 0.1);
        }
    }
}
