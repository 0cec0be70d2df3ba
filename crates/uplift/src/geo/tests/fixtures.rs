//! The synthetic control against the reference fixtures of
//! `scripts/reference/make_synth_fixtures.py` (scipy SLSQP polished to the exact optimum of
//! the same simplex least squares; pysyncon's QP where it converged). Tolerances: weights
//! 1e-6 absolute (the optima are unique here), gap and synthetic series 1e-6 of the treated
//! series' mean level, RMSPEs and lifts 1e-6 relative, placebo rank and p-value exact.
//!
//! The augmented estimator against the "augmented" key of the same fixtures (pysyncon's
//! AugSynth ridge step on the exact simplex weights, lambda by the augsynth
//! cross-validation): the chosen lambda / lambda_max 1e-9 relative (the same grid point),
//! weights 1e-6 absolute, gap and synthetic series 1e-6 of the level, RMSPEs and lifts
//! 1e-6 relative, placebo rank and p-value exact, placebo ratios 1e-5 relative.

use chrono::NaiveDate;
use serde_json::Value;

use crate::geo::analysis::analyse_geo_test;
use crate::geo::{GeoPoint, GeoTest};
use microplan_model::iso_date::parse_iso_date;

const CASES: [&str; 4] = [
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/synth/california_prop99.json"
    )),
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/synth/daily_one_treated_lift_8pct.json"
    )),
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/synth/weekly_three_treated_lift_15pct.json"
    )),
    include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/synth/daily_no_lift.json"
    )),
];

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn geo_test(case: &Value) -> GeoTest {
    let dates: Vec<NaiveDate> = strings(&case["dates"])
        .iter()
        .map(|d| parse_iso_date(d).unwrap())
        .collect();
    let regions = strings(&case["regions"]);
    let mut points = Vec::new();
    for (region, row) in regions.iter().zip(case["values"].as_array().unwrap()) {
        for (date, value) in dates.iter().zip(numbers(row)) {
            points.push(GeoPoint {
                region: region.clone(),
                date: *date,
                value,
            });
        }
    }
    GeoTest {
        name: case["name"].as_str().unwrap().into(),
        metric: "value".into(),
        launch_date: parse_iso_date(case["launch"].as_str().unwrap()),
        treated_regions: strings(&case["treated"]),
        points,
        ..GeoTest::default()
    }
}

fn max_abs_difference(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max)
}

fn relative(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs().max(1e-300)
}

#[test]
fn weights_gaps_and_placebo_p_values_match_the_reference() {
    for text in CASES {
        let case: Value = serde_json::from_str(text).unwrap();
        let name = case["name"].as_str().unwrap();
        let analysis = analyse_geo_test(&geo_test(&case)).unwrap();
        let donors: Vec<String> = analysis.donors.iter().map(|(r, _)| r.clone()).collect();
        assert_eq!(donors, strings(&case["donors"]), "{name}");
        let weights: Vec<f64> = analysis.donors.iter().map(|(_, w)| *w).collect();
        let weight_error = max_abs_difference(&weights, &numbers(&case["weights"]));
        let level =
            analysis.treated.iter().map(|v| v.abs()).sum::<f64>() / analysis.treated.len() as f64;
        let gap_error = max_abs_difference(&analysis.fit.gap, &numbers(&case["gap"])) / level;
        let synthetic_error =
            max_abs_difference(&analysis.fit.synthetic, &numbers(&case["synthetic"])) / level;
        let placebo = analysis.placebo.clone().unwrap();
        println!(
            "{name}: max |weight diff| {weight_error:.2e}, max |gap diff| / level {gap_error:.2e}, p = {} (reference {}), {} steps",
            placebo.p_value, case["placebo"]["p_value"], analysis.fit.iterations
        );
        assert!(weight_error < 1e-6, "{name}: {weight_error}");
        assert!(
            gap_error < 1e-6 && synthetic_error < 1e-6,
            "{name}: {gap_error} {synthetic_error}"
        );
        let fit = &analysis.fit;
        assert_eq!(
            fit.pre_days as u64,
            case["pre_days"].as_u64().unwrap(),
            "{name}"
        );
        for (got, key) in [
            (fit.pre_rmspe, "pre_rmspe"),
            (fit.post_rmspe, "post_rmspe"),
            (fit.rmspe_ratio, "rmspe_ratio"),
            (fit.lift.cumulative, "lift_cumulative"),
            (fit.lift.average, "lift_average"),
        ] {
            let want = case[key].as_f64().unwrap();
            assert!(
                relative(got, want) < 1e-6,
                "{name} {key}: {got} against {want}"
            );
        }
        assert!(
            relative(
                fit.lift.relative.unwrap(),
                case["lift_relative"].as_f64().unwrap()
            ) < 1e-6,
            "{name}"
        );
        assert_eq!(
            placebo.rank as u64,
            case["placebo"]["rank"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            placebo.units as u64,
            case["placebo"]["units"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            placebo.p_value,
            case["placebo"]["p_value"].as_f64().unwrap(),
            "{name}"
        );
        let reference_ratios: Vec<f64> = case["placebo"]["ratios"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["ratio"].as_f64().unwrap())
            .collect();
        for (got, want) in placebo.placebos.iter().zip(&reference_ratios) {
            assert!(
                relative(got.ratio, *want) < 1e-5,
                "{name} placebo {}: {} against {want}",
                got.donor,
                got.ratio
            );
        }
    }
}

#[test]
fn augmented_weights_penalty_and_placebo_p_values_match_the_reference() {
    use crate::geo::augmented::GeoEstimator;
    for text in CASES {
        let case: Value = serde_json::from_str(text).unwrap();
        let name = case["name"].as_str().unwrap();
        let want = &case["augmented"];
        let mut test = geo_test(&case);
        test.estimator = GeoEstimator::AugmentedRidge;
        let analysis = analyse_geo_test(&test).unwrap();
        let penalty = analysis.penalty.unwrap();
        assert!(
            relative(penalty.relative, want["lambda_relative"].as_f64().unwrap()) < 1e-9,
            "{name}: lambda / lambda_max {} against {}",
            penalty.relative,
            want["lambda_relative"]
        );
        assert_eq!(penalty.folds as u64, want["folds"].as_u64().unwrap());
        let weights: Vec<f64> = analysis.donors.iter().map(|(_, w)| *w).collect();
        let weight_error = max_abs_difference(&weights, &numbers(&want["weights"]));
        let level =
            analysis.treated.iter().map(|v| v.abs()).sum::<f64>() / analysis.treated.len() as f64;
        let gap_error = max_abs_difference(&analysis.fit.gap, &numbers(&want["gap"])) / level;
        let synthetic_error =
            max_abs_difference(&analysis.fit.synthetic, &numbers(&want["synthetic"])) / level;
        let placebo = analysis.placebo.clone().unwrap();
        println!(
            "{name} (augmented): lambda/lambda_max {:.3e}, max |weight diff| {weight_error:.2e}, max |gap diff| / level {gap_error:.2e}, pre RMSPE {:.4} (synthetic control {:.4}), p = {}",
            penalty.relative, analysis.fit.pre_rmspe, analysis.synthetic_pre_rmspe, placebo.p_value
        );
        assert!(weight_error < 1e-6, "{name}: {weight_error}");
        assert!(
            gap_error < 1e-6 && synthetic_error < 1e-6,
            "{name}: {gap_error} {synthetic_error}"
        );
        let fit = &analysis.fit;
        for (got, key) in [
            (fit.pre_rmspe, "pre_rmspe"),
            (fit.post_rmspe, "post_rmspe"),
            (fit.rmspe_ratio, "rmspe_ratio"),
            (fit.lift.cumulative, "lift_cumulative"),
            (fit.lift.average, "lift_average"),
        ] {
            let expected = want[key].as_f64().unwrap();
            assert!(
                relative(got, expected) < 1e-6,
                "{name} {key}: {got} against {expected}"
            );
        }
        assert_eq!(analysis.augmented_pre_rmspe, Some(fit.pre_rmspe));
        assert!(
            relative(
                analysis.synthetic_pre_rmspe,
                case["pre_rmspe"].as_f64().unwrap()
            ) < 1e-6
        );
        assert_eq!(
            placebo.rank as u64,
            want["placebo"]["rank"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            placebo.p_value,
            want["placebo"]["p_value"].as_f64().unwrap(),
            "{name}"
        );
        for (got, reference) in placebo
            .placebos
            .iter()
            .zip(want["placebo"]["ratios"].as_array().unwrap())
        {
            let expected = reference["ratio"].as_f64().unwrap();
            assert!(
                relative(got.ratio, expected) < 1e-5,
                "{name} placebo {}: {} against {expected}",
                got.donor,
                got.ratio
            );
        }
    }
}
