//! Hand-checked cases of the augmented (ridge) synthetic control and of its stored choice,
//! and of the planning aids (candidate regions, implied budget).

use super::{date, points_from};
use crate::geo::analysis::analyse_geo_test;
use crate::geo::augmented::{relative_grid, GeoEstimator};
use crate::geo::GeoTest;

/// Treated (2, 0 | 3) outside the hull of A (1, 0 | 2) and B (0, 1 | 0); launch on date 2.
fn outside_the_hull(estimator: GeoEstimator, ridge_penalty: Option<f64>) -> GeoTest {
    let series = [
        ("Treated", [2.0, 0.0, 3.0]),
        ("A", [1.0, 0.0, 2.0]),
        ("B", [0.0, 1.0, 0.0]),
    ];
    let points = points_from(series.iter().map(|(name, values)| (*name, &values[..])));
    GeoTest {
        name: "Hull".into(),
        launch_date: Some(date(2)),
        treated_regions: vec!["Treated".into()],
        points,
        estimator,
        ridge_penalty,
        ..GeoTest::default()
    }
}

#[test]
fn the_ridge_correction_extrapolates_beyond_the_best_vertex() {
    // Plain: w = (1, 0), pre gap (1, 0). Centred donors d = (A - B) / 2 = (0.5, -0.5):
    // B'B = [[.5, -.5], [-.5, .5]], lambda_max = 1, B'M = (0.5, -0.5). With lambda = 1 the
    // correction is (k, -k), k = 0.5 / (2 x 0.5 + 1) = 0.25: w_aug = (1.25, -0.25).
    let analysis =
        analyse_geo_test(&outside_the_hull(GeoEstimator::AugmentedRidge, Some(1.0))).unwrap();
    let weights: Vec<f64> = analysis.donors.iter().map(|(_, w)| *w).collect();
    assert!(
        (weights[0] - 1.25).abs() < 1e-8 && (weights[1] + 0.25).abs() < 1e-8,
        "{weights:?}"
    );
    let penalty = analysis.penalty.unwrap();
    assert!((penalty.relative - 1.0).abs() < 1e-15 && penalty.folds == 0);
    // Synthetic after launch 1.25 x 2 = 2.5, gap 0.5; plain 2, gap 1.
    assert!((analysis.fit.lift.cumulative - 0.5).abs() < 1e-8);
    // Pre gaps (0.75, 0.25): RMSPE sqrt(0.3125); plain (1, 0): sqrt(0.5).
    assert!((analysis.fit.pre_rmspe - 0.3125_f64.sqrt()).abs() < 1e-8);
    assert!((analysis.synthetic_pre_rmspe - 0.5_f64.sqrt()).abs() < 1e-8);
    assert_eq!(analysis.augmented_pre_rmspe, Some(analysis.fit.pre_rmspe));
    assert_eq!(analysis.estimator, GeoEstimator::AugmentedRidge);
    // lambda = 0.5: k = 0.5 / 1.5.
    let half =
        analyse_geo_test(&outside_the_hull(GeoEstimator::AugmentedRidge, Some(0.5))).unwrap();
    assert!(
        (half.donors[0].1 - (1.0 + 1.0 / 3.0)).abs() < 1e-8,
        "{:?}",
        half.donors
    );
    // The plain estimator still reports the augmented pre fit beside its own.
    let plain =
        analyse_geo_test(&outside_the_hull(GeoEstimator::SyntheticControl, Some(1.0))).unwrap();
    assert!(
        (plain.donors[0].1 - 1.0).abs() < 1e-8 && (plain.fit.lift.cumulative - 1.0).abs() < 1e-8
    );
    assert!((plain.augmented_pre_rmspe.unwrap() - 0.3125_f64.sqrt()).abs() < 1e-8);
    // A penalty of zero or below is refused with a message, not a panic.
    let refused = analyse_geo_test(&outside_the_hull(GeoEstimator::AugmentedRidge, Some(0.0)));
    assert!(refused.unwrap_err().to_string().contains("ridge penalty"));
}

#[test]
fn the_penalty_grid_is_the_augsynth_one() {
    let grid = relative_grid();
    assert_eq!(grid.len(), 21);
    // s = 1e-8^(1/20) = 10^-0.4: the grid starts at 1/s = 2.512 and ends at s^19 = 10^-7.6.
    assert!((grid[0] - 10f64.powf(0.4)).abs() < 1e-12);
    assert!((grid[1] - 1.0).abs() < 1e-15);
    assert!((grid[20] - 10f64.powf(-7.6)).abs() < 1e-20);
}

#[test]
fn tests_stored_before_the_estimator_choice_load_as_the_plain_synthetic_control() {
    let old = r#"{"name":"Spring","metric":"Orders","launch_date":"2026-03-01","treated_regions":["Lyon"],"points":[]}"#;
    let test: GeoTest = serde_json::from_str(old).unwrap();
    assert_eq!(test.estimator, GeoEstimator::SyntheticControl);
    assert_eq!(test.ridge_penalty, None);
    let chosen = GeoTest {
        estimator: GeoEstimator::AugmentedRidge,
        ridge_penalty: Some(0.01),
        ..test
    };
    let again: GeoTest = serde_json::from_str(&serde_json::to_string(&chosen).unwrap()).unwrap();
    assert_eq!(again, chosen);
}

#[test]
fn the_region_the_others_reproduce_exactly_ranks_first() {
    // A = (B + C) / 2 exactly; B, C and D have shapes no mix of the others matches.
    let b = [10.0, 14.0, 9.0, 15.0, 11.0, 13.0];
    let c = [20.0, 18.0, 25.0, 17.0, 22.0, 19.0];
    let d = [30.0, 31.0, 36.0, 28.0, 29.0, 40.0];
    let a: Vec<f64> = b.iter().zip(&c).map(|(x, y)| (x + y) / 2.0).collect();
    let series: [(&str, &[f64]); 4] = [("D", &d), ("A", &a), ("B", &b), ("C", &c)];
    let points = points_from(series);
    // Launch on date 5: five fit dates.
    let test = GeoTest {
        launch_date: Some(date(5)),
        points,
        ..GeoTest::default()
    };
    let ranking = crate::geo::candidates::rank_candidates(&test, 2).unwrap();
    assert_eq!(
        (ranking.evaluated, ranking.regions, ranking.fit_dates),
        (4, 4, 5)
    );
    assert_eq!(ranking.best.len(), 2);
    assert_eq!(ranking.best[0].region, "A");
    assert!(ranking.best[0].pre_rmspe < 1e-6, "{:?}", ranking.best);
    assert!(ranking.best[1].fit_ratio > 0.01, "{:?}", ranking.best);
}

#[test]
fn the_implied_budget_is_lift_times_baseline_times_cost() {
    // 100 outcomes a date over 10 dates = 1,000; +5% = 50 outcomes; at 20 each = 1,000.
    let budget = crate::geo::candidates::implied_budget(100.0, 10, 0.05, 20.0).unwrap();
    assert!((budget.baseline - 1000.0).abs() < 1e-9);
    assert!((budget.incremental - 50.0).abs() < 1e-9);
    assert!((budget.spend - 1000.0).abs() < 1e-9);
    assert!(crate::geo::candidates::implied_budget(100.0, 10, 0.05, 0.0).is_err());
    assert!(crate::geo::candidates::implied_budget(f64::NAN, 10, 0.05, 1.0).is_err());
    assert!(crate::geo::candidates::implied_budget(100.0, 10, 0.05, f64::NAN).is_err());
    assert!(crate::geo::candidates::implied_budget(100.0, 10, 0.05, -1.0).is_err());
    // The Hull test: one treated region, (2, 0) before launch, so 1 a date.
    let hull = outside_the_hull(GeoEstimator::SyntheticControl, None);
    assert!(
        (crate::geo::candidates::treated_baseline_per_date(&hull).unwrap() - 1.0).abs() < 1e-12
    );
}
