//! The regional (geo) test's statistics as worker jobs: the analysis (synthetic control,
//! augmented fit, placebos), the power simulation and the candidate ranking take hundreds of milliseconds on a
//! large panel, so they run off the page's thread. An analysis error is part of the reply,
//! in the words the page shows today; only a broken worker is a `Failed` message.

use microplan_uplift::geo::candidates::{rank_candidates, CandidateRanking};
use microplan_uplift::geo::power::{power_of_geo_test, GeoPower};
use microplan_uplift::geo::{analyse_geo_test, GeoAnalysis, GeoTest};

/// The geo analysis, or why there is none (the error's own sentence).
pub fn analyse_geo(test: &GeoTest) -> Result<GeoAnalysis, String> {
    analyse_geo_test(test).map_err(|error| error.to_string())
}

/// The power of a `test_days`-date test at significance `alpha`, or why there is none.
pub fn geo_power(test: &GeoTest, test_days: usize, alpha: f64) -> Result<GeoPower, String> {
    power_of_geo_test(test, test_days, alpha).map_err(|error| error.to_string())
}

/// The `shown` regions the others reproduce best before launch, or why there is no ranking.
pub fn rank_geo_candidates(test: &GeoTest, shown: usize) -> Result<CandidateRanking, String> {
    rank_candidates(test, shown).map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{Job, Reply};
    use chrono::NaiveDate;
    use microplan_uplift::geo::{GeoEstimator, GeoPoint};

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))))
            .unwrap_or_default()
    }

    /// Six regions over 40 dates with awkward fractions (so the floats use all their
    /// digits); "Treated" gains 7 a date from date 30 on.
    fn panel(estimator: GeoEstimator) -> GeoTest {
        let mut points = Vec::new();
        for region in 0..6u32 {
            for day in 0..40u32 {
                let base = 100.0
                    + 13.7 * f64::from(region)
                    + (f64::from(day * (region + 3)) / 7.0).sin() * 9.1;
                let lift = if region == 0 && day >= 30 { 7.0 } else { 0.0 };
                let name = if region == 0 {
                    "Treated".to_string()
                } else {
                    format!("Donor {region}")
                };
                points.push(GeoPoint {
                    region: name,
                    date: date(day),
                    value: base / 3.0 + lift,
                });
            }
        }
        GeoTest {
            name: "Round trip".into(),
            metric: "Orders".into(),
            launch_date: Some(date(30)),
            treated_regions: vec!["Treated".into()],
            points,
            estimator,
            ..GeoTest::default()
        }
    }

    /// The job and its reply as they cross between the page and the worker.
    fn through_json<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
        let text = serde_json::to_string(value).unwrap_or_default();
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn the_analysis_after_the_round_trip_equals_the_direct_call_bit_for_bit() {
        for estimator in [GeoEstimator::SyntheticControl, GeoEstimator::AugmentedRidge] {
            let test = panel(estimator);
            let direct = analyse_geo_test(&test).unwrap();
            let Job::GeoAnalysis { test: received } =
                through_json(&Job::GeoAnalysis { test: test.clone() })
            else {
                panic!("another job came back");
            };
            assert_eq!(received, test);
            let Reply::GeoAnalysis { result } = through_json(&Reply::GeoAnalysis {
                result: analyse_geo(&received).map(Box::new),
            }) else {
                panic!("another reply came back");
            };
            let result = *result.unwrap();
            assert_eq!(result, direct);
            // PartialEq on floats would call 0.0 and -0.0 equal: compare the bits too.
            let bits = |a: &GeoAnalysis| {
                a.fit
                    .gap
                    .iter()
                    .chain(&a.fit.synthetic)
                    .map(|v| v.to_bits())
                    .collect::<Vec<_>>()
            };
            assert_eq!(bits(&result), bits(&direct));
            assert_eq!(
                result.fit.lift.cumulative.to_bits(),
                direct.fit.lift.cumulative.to_bits()
            );
            // The hand-made lift: 7 a date over 10 dates, recovered closely by the fit.
            assert_eq!(result.fit.lift.post_days, 10);
            assert_eq!(result.placebo.map(|p| p.units), Some(6));
        }
    }

    #[test]
    fn the_power_after_the_round_trip_equals_the_direct_call() {
        let test = panel(GeoEstimator::SyntheticControl);
        let direct = power_of_geo_test(&test, 5, 0.2).unwrap();
        let Reply::GeoPower { result } = through_json(&Reply::GeoPower {
            result: geo_power(&test, 5, 0.2),
        }) else {
            panic!("another reply came back");
        };
        assert_eq!(result, Ok(direct));
    }

    #[test]
    fn the_ranking_after_the_round_trip_equals_the_direct_call() {
        let test = panel(GeoEstimator::SyntheticControl);
        let direct = rank_candidates(&test, 3).unwrap();
        let Reply::GeoCandidates { result } = through_json(&Reply::GeoCandidates {
            result: rank_geo_candidates(&test, 3),
        }) else {
            panic!("another reply came back");
        };
        assert_eq!(result, Ok(direct));
        assert_eq!(result.map(|r| (r.best.len(), r.regions)), Ok((3, 6)));
    }

    #[test]
    fn an_analysis_error_crosses_as_the_sentence_the_page_shows() {
        let mut test = panel(GeoEstimator::SyntheticControl);
        test.launch_date = Some(date(1));
        let expected = analyse_geo_test(&test).map(|_| ()).unwrap_err().to_string();
        let Reply::GeoAnalysis { result } = through_json(&Reply::GeoAnalysis {
            result: analyse_geo(&test).map(Box::new),
        }) else {
            panic!("another reply came back");
        };
        assert_eq!(result.map(|_| ()), Err(expected.clone()));
        assert!(expected.contains("pre-period"), "{expected}");
    }
}
