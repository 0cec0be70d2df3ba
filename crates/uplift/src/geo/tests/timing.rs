//! Timing of the synthetic control at the size of a large geo test: 50 regions (one treated,
//! 49 held back) over two years of daily data, launch 90 days before the end. Run with
//! `cargo test --release -p microplan-uplift --lib geo_solver_timing -- --ignored --nocapture`
//! (scripts/bench.sh does).

use std::time::Instant;

use chrono::NaiveDate;

use crate::geo::analysis::analyse_geo_test;
use crate::geo::power::power_of_geo_test;
use crate::geo::{GeoPoint, GeoTest};
use microplan_model::random::SplitMix64;

fn large_test() -> GeoTest {
    let mut random = SplitMix64::new(50);
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    let days = 730;
    let mut points = Vec::with_capacity(50 * days);
    for region in 0..50 {
        let level = random.range_f64(200.0, 800.0);
        let weekly = random.range_f64(0.05, 0.2);
        let trend = random.range_f64(-0.0005, 0.001);
        for day in 0..days {
            let season = (day as f64 * std::f64::consts::TAU / 7.0).sin() * weekly;
            let value = level * (1.0 + season + trend * day as f64) + random.range_f64(-10.0, 10.0);
            points.push(GeoPoint {
                region: format!("Region {region:02}"),
                date: start + chrono::Duration::days(day as i64),
                value,
            });
        }
    }
    GeoTest {
        name: "Timing".into(),
        metric: "Orders".into(),
        launch_date: Some(start + chrono::Duration::days(640)),
        treated_regions: vec!["Region 00".into()],
        points,
        ..GeoTest::default()
    }
}

#[test]
#[ignore]
fn geo_solver_timing() {
    let test = large_test();
    let runs = 5;
    let started = Instant::now();
    let mut steps = 0;
    for _ in 0..runs {
        let analysis = analyse_geo_test(&test).unwrap();
        steps = analysis.fit.iterations;
    }
    let per_analysis = started.elapsed().as_secs_f64() / runs as f64;
    println!(
        "synthetic control, 50 regions x 730 days (640 pre): {:.1} ms per analysis (weights + 49 placebo fits), {steps} active-set steps for the treated fit",
        per_analysis * 1e3
    );
    let mut augmented = test.clone();
    augmented.estimator = crate::geo::GeoEstimator::AugmentedRidge;
    let started = Instant::now();
    let analysis = analyse_geo_test(&augmented).unwrap();
    let folds = analysis.penalty.map_or(0, |p| p.folds);
    println!(
        "augmented (ridge), same panel: {:.1} ms per analysis (penalty by {folds}-fold cross-validation over 21 values, weights + 49 placebo fits)",
        started.elapsed().as_secs_f64() * 1e3
    );
    let started = Instant::now();
    let power = power_of_geo_test(&test, 90, 0.1).unwrap();
    println!(
        "power simulation, 90-day test, {} windows x 10 lifts: {:.1} ms",
        power.windows,
        started.elapsed().as_secs_f64() * 1e3
    );
}
