//! Daily series of an uplift test (one row per test, arm and date): the always-valid
//! sequential view for people who look every day, and the geo/time difference in
//! differences with a pre-period before the launch date.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{UpliftError, UpliftResult};
use microplan_stats::did::{
    difference_in_differences, pre_trend, DidResult, DidSeries, DidStdError, PreTrend,
};
use microplan_stats::sequential::{
    confidence_sequence_proportions, SequentialInterval, DEFAULT_TUNING_N,
};
use microplan_stats::{BinaryArm, StatsError};

/// Units and conversions of one arm on one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestDay {
    pub test: String,
    pub arm: String,
    #[serde(with = "microplan_model::iso_date")]
    pub date: NaiveDate,
    pub units: u64,
    pub conversions: u64,
}

/// Days since 1970-01-01, the x value the charts use for dates.
pub fn day_number(date: NaiveDate) -> f64 {
    NaiveDate::from_ymd_opt(1970, 1, 1).map_or(0.0, |epoch| (date - epoch).num_days() as f64)
}

/// Names of the arms with daily rows for `test`, in order of appearance.
pub fn daily_arms(days: &[TestDay], test: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for day in days.iter().filter(|d| d.test == test) {
        if !names.contains(&day.arm) {
            names.push(day.arm.clone());
        }
    }
    names
}

/// Arm totals of a test that has only a daily series: units and conversions summed from the
/// launch date on (all days without one). The control is the pre-registered control arm,
/// else an arm named control or holdout.
pub fn arms_from_days(
    days: &[TestDay],
    test: &str,
    launch: Option<NaiveDate>,
    planned_control: Option<&str>,
) -> Vec<microplan_model::rows::TestArm> {
    let is_control = |arm: &str| match planned_control {
        Some(name) => arm.eq_ignore_ascii_case(name),
        None => {
            let lower = arm.to_lowercase();
            lower.contains("control") || lower.contains("holdout")
        }
    };
    daily_arms(days, test)
        .into_iter()
        .map(|arm| {
            let (units, conversions) = days
                .iter()
                .filter(|d| d.test == test && d.arm == arm && launch.is_none_or(|l| d.date >= l))
                .fold((0u64, 0u64), |(u, c), d| {
                    (u.saturating_add(d.units), c.saturating_add(d.conversions))
                });
            microplan_model::rows::TestArm {
                test: test.to_string(),
                is_control: is_control(&arm),
                arm,
                units,
                conversions,
                revenue: None,
            }
        })
        .collect()
}

/// Tests that have daily rows but no arm totals, in order of appearance.
pub fn daily_only_tests(days: &[TestDay], arms: &[microplan_model::rows::TestArm]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for day in days {
        if !names.contains(&day.test) && !arms.iter().any(|a| a.test == day.test) {
            names.push(day.test.clone());
        }
    }
    names
}

/// One arm's rows by date (dates unique, as the table key guarantees; repeats are added).
fn by_date(
    days: &[TestDay],
    test: &str,
    arm: &str,
) -> UpliftResult<BTreeMap<NaiveDate, (u64, u64)>> {
    let mut out: BTreeMap<NaiveDate, (u64, u64)> = BTreeMap::new();
    for day in days.iter().filter(|d| d.test == test && d.arm == arm) {
        if day.conversions > day.units {
            return Err(UpliftError::ConversionsAboveUnits {
                arm: arm.to_string(),
                date: day.date,
                conversions: day.conversions,
                units: day.units,
            });
        }
        let entry = out.entry(day.date).or_insert((0, 0));
        entry.0 = entry.0.saturating_add(day.units);
        entry.1 = entry.1.saturating_add(day.conversions);
    }
    if out.is_empty() {
        return Err(UpliftError::NoDailyRows {
            arm: arm.to_string(),
            test: test.to_string(),
        });
    }
    Ok(out)
}

/// The sequential view of one treatment against the control.
#[derive(Debug, Clone, PartialEq)]
pub struct SequentialView {
    pub treatment: String,
    /// Date of each look (from the launch date on).
    pub dates: Vec<NaiveDate>,
    /// Difference in conversion rate (treatment - control) with the always-valid interval.
    pub looks: Vec<SequentialInterval>,
    /// The total sample the sequence is tuned for (the planned total, else 5,000).
    pub tuning_n: f64,
    /// First date on which the running interval excluded zero.
    pub first_decisive: Option<NaiveDate>,
}

/// Cumulative looks from `launch` on (all dates when `None`), one per date with data in
/// both arms so far. `planned_total` tunes the sequence to be tightest where the test
/// was planned to end.
pub fn sequential_view(
    days: &[TestDay],
    test: &str,
    control: &str,
    treatment: &str,
    launch: Option<NaiveDate>,
    planned_total: Option<u64>,
    alpha: f64,
) -> UpliftResult<SequentialView> {
    let (look_dates, looks) = cumulative_looks(days, test, control, treatment, launch)?;
    let tuning_n = planned_total
        .filter(|n| *n > 0)
        .map_or(DEFAULT_TUNING_N, |n| n as f64);
    let intervals = confidence_sequence_proportions(&looks, alpha, tuning_n)?;
    let first_decisive = intervals
        .iter()
        .zip(&look_dates)
        .find(|(i, _)| i.significant)
        .map(|(_, d)| *d);
    Ok(SequentialView {
        treatment: treatment.to_string(),
        dates: look_dates,
        looks: intervals,
        tuning_n,
        first_decisive,
    })
}

/// The dates of the looks and the cumulative (control, treatment) totals at each.
pub(crate) type DailyLooks = (Vec<NaiveDate>, Vec<(BinaryArm, BinaryArm)>);

/// Cumulative (control, treatment) totals at each date from `launch` on with units in both
/// arms so far, and those dates.
pub(crate) fn cumulative_looks(
    days: &[TestDay],
    test: &str,
    control: &str,
    treatment: &str,
    launch: Option<NaiveDate>,
) -> UpliftResult<DailyLooks> {
    let keep = |date: &NaiveDate| launch.is_none_or(|l| *date >= l);
    let a = by_date(days, test, control)?;
    let b = by_date(days, test, treatment)?;
    let mut dates: Vec<NaiveDate> = a.keys().chain(b.keys()).copied().filter(keep).collect();
    dates.sort();
    dates.dedup();
    let (mut cum_a, mut cum_b) = (BinaryArm::new(0, 0), BinaryArm::new(0, 0));
    let mut looks = Vec::new();
    let mut look_dates = Vec::new();
    for date in dates {
        for (map, cum) in [(&a, &mut cum_a), (&b, &mut cum_b)] {
            if let Some((units, conversions)) = map.get(&date) {
                cum.visitors = cum.visitors.saturating_add(*units);
                cum.conversions = cum.conversions.saturating_add(*conversions);
            }
        }
        if cum_a.visitors > 0 && cum_b.visitors > 0 {
            looks.push((cum_a, cum_b));
            look_dates.push(date);
        }
    }
    if looks.is_empty() {
        return Err(UpliftError::NoSharedDays);
    }
    Ok((look_dates, looks))
}

/// What the difference in differences compares per day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DailyOutcome {
    /// Conversions divided by units each day (robust to traffic differences).
    #[default]
    Rate,
    /// Conversions per day (sales, searches), for groups of comparable size.
    Count,
}

/// The difference in differences of one treatment against the control around `launch`.
#[derive(Debug, Clone, PartialEq)]
pub struct DailyDid {
    pub treatment: String,
    pub outcome: DailyOutcome,
    pub result: DidResult,
    pub pre_trend: Result<PreTrend, StatsError>,
    pub pre_days: usize,
    pub post_days: usize,
}

fn daily_values(
    map: &BTreeMap<NaiveDate, (u64, u64)>,
    outcome: DailyOutcome,
) -> Vec<(NaiveDate, f64)> {
    map.iter()
        .filter(|(_, (units, _))| outcome == DailyOutcome::Count || *units > 0)
        .map(|(date, (units, conversions))| {
            let value = match outcome {
                DailyOutcome::Rate => *conversions as f64 / *units as f64,
                DailyOutcome::Count => *conversions as f64,
            };
            (*date, value)
        })
        .collect()
}

/// Days before `launch` are the pre-period, the launch day and later the post-period.
#[allow(clippy::too_many_arguments)]
pub fn daily_did(
    days: &[TestDay],
    test: &str,
    control: &str,
    treatment: &str,
    launch: NaiveDate,
    outcome: DailyOutcome,
    alpha: f64,
    std_error: DidStdError,
) -> UpliftResult<DailyDid> {
    let c = daily_values(&by_date(days, test, control)?, outcome);
    let t = daily_values(&by_date(days, test, treatment)?, outcome);
    let split = |series: &[(NaiveDate, f64)], pre: bool| -> Vec<f64> {
        series
            .iter()
            .filter(|(d, _)| (*d < launch) == pre)
            .map(|(_, v)| *v)
            .collect()
    };
    let (tp, tq, cp, cq) = (
        split(&t, true),
        split(&t, false),
        split(&c, true),
        split(&c, false),
    );
    if tp.is_empty() || cp.is_empty() {
        return Err(UpliftError::NoPrePeriod { launch });
    }
    let series = DidSeries {
        treated_pre: &tp,
        treated_post: &tq,
        control_pre: &cp,
        control_post: &cq,
    };
    let result = difference_in_differences(series, alpha, std_error)?;
    let points = |series: &[(NaiveDate, f64)]| -> Vec<(f64, f64)> {
        series
            .iter()
            .filter(|(d, _)| *d < launch)
            .map(|(d, v)| (day_number(*d), *v))
            .collect()
    };
    let trend = pre_trend(&points(&t), &points(&c), alpha, std_error);
    Ok(DailyDid {
        treatment: treatment.to_string(),
        outcome,
        result,
        pre_trend: trend,
        pre_days: tp.len().max(cp.len()),
        post_days: tq.len().max(cq.len()),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One day of test "t" in March 2026; also used by the mSPRT view's tests.
    pub(crate) fn day(arm: &str, d: u32, units: u64, conversions: u64) -> TestDay {
        TestDay {
            test: "t".into(),
            arm: arm.into(),
            date: NaiveDate::from_ymd_opt(2026, 3, d).unwrap(),
            units,
            conversions,
        }
    }

    #[test]
    fn looks_are_cumulative_from_the_launch_date() {
        let days = [
            day("c", 1, 100, 1),
            day("b", 1, 100, 9),
            day("c", 2, 100, 2),
            day("b", 2, 100, 3),
            day("c", 3, 50, 1),
        ];
        let launch = NaiveDate::from_ymd_opt(2026, 3, 2);
        let view = sequential_view(&days, "t", "c", "b", launch, None, 0.05).unwrap();
        // Day 2: c 2/100, b 3/100; day 3: c 3/150, b still 3/100 (carried forward).
        assert_eq!(view.dates.len(), 2);
        assert!((view.looks[0].estimate - 0.01).abs() < 1e-15);
        assert!((view.looks[1].estimate - (0.03 - 0.02)).abs() < 1e-15);
        assert_eq!(view.looks[1].n_total, 250);
        assert_eq!(view.tuning_n, DEFAULT_TUNING_N);
        assert!(sequential_view(&days, "t", "c", "missing", None, None, 0.05).is_err());
        let bad = [day("c", 1, 1, 2), day("b", 1, 1, 0)];
        assert!(sequential_view(&bad, "t", "c", "b", None, None, 0.05)
            .unwrap_err()
            .to_string()
            .contains("exceed"));
    }

    #[test]
    fn arm_totals_come_from_the_days_after_launch() {
        let days = [
            day("holdout", 1, 100, 1),
            day("b", 1, 100, 9),
            day("holdout", 2, 100, 2),
            day("b", 2, 50, 3),
        ];
        let launch = NaiveDate::from_ymd_opt(2026, 3, 2);
        let arms = arms_from_days(&days, "t", launch, None);
        assert_eq!(arms.len(), 2);
        assert!(arms[0].is_control && arms[0].units == 100 && arms[0].conversions == 2);
        assert!(!arms[1].is_control && arms[1].units == 50 && arms[1].conversions == 3);
        let all = arms_from_days(&days, "t", None, Some("B"));
        assert!(all[1].is_control && all[1].units == 150 && !all[0].is_control);
        assert_eq!(daily_only_tests(&days, &[]), ["t"]);
        assert!(daily_only_tests(&days, &arms).is_empty());
    }

    #[test]
    fn did_splits_at_the_launch_date() {
        // Rates: control 1%, 2% before; 1%, 2% after. Treated 1%, 2% before; 3%, 4% after.
        // Effect = (3.5% - 1.5%) - (1.5% - 1.5%) = 2 percentage points.
        let days = [
            day("c", 1, 100, 1),
            day("c", 2, 100, 2),
            day("c", 3, 100, 1),
            day("c", 4, 100, 2),
            day("b", 1, 100, 1),
            day("b", 2, 100, 2),
            day("b", 3, 100, 3),
            day("b", 4, 100, 4),
        ];
        let launch = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
        let did = daily_did(
            &days,
            "t",
            "c",
            "b",
            launch,
            DailyOutcome::Rate,
            0.05,
            DidStdError::Classic,
        )
        .unwrap();
        assert!((did.result.effect.estimate - 0.02).abs() < 1e-15);
        assert_eq!((did.pre_days, did.post_days), (2, 2));
        let early = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert!(daily_did(
            &days,
            "t",
            "c",
            "b",
            early,
            DailyOutcome::Rate,
            0.05,
            DidStdError::Classic
        )
        .unwrap_err()
        .to_string()
        .contains("pre-period"));
    }

    proptest::proptest! {
        /// Any rows give numbers or a message, never a panic or NaN: the analysis, the
        /// sequential view and the difference in differences.
        #[test]
        fn any_rows_give_numbers_or_a_message(rows in proptest::collection::vec((0u8..3, 1u32..28, 0u64..2_000, 0u64..2_000), 0..40),
                                              launch_day in 1u32..28, alpha in 0.0..1.2f64) {
            let names = ["c", "b", "x"];
            let days: Vec<TestDay> = rows.iter().map(|(arm, d, units, conversions)| day(names[*arm as usize], *d, *units, *conversions)).collect();
            let launch = NaiveDate::from_ymd_opt(2026, 3, launch_day).unwrap();
            if let Ok(v) = sequential_view(&days, "t", "c", "b", Some(launch), Some(1_000), alpha) {
                for l in &v.looks {
                    proptest::prop_assert!([l.estimate, l.lower, l.upper, l.running_lower, l.running_upper].iter().all(|x| x.is_finite()));
                }
            }
            for outcome in [DailyOutcome::Rate, DailyOutcome::Count] {
                if let Ok(d) = daily_did(&days, "t", "c", "b", launch, outcome, alpha, DidStdError::Robust) {
                    proptest::prop_assert!(d.result.effect.p_value.is_finite() && d.result.effect.lower.is_finite());
                }
            }
            let arms: Vec<microplan_model::rows::TestArm> = rows.iter().take(3).enumerate().map(|(i, (_, _, units, conversions))| {
                microplan_model::rows::TestArm { test: "t".into(), arm: format!("a{i}"), is_control: i == 0, units: *units, conversions: *conversions, revenue: None }
            }).collect();
            let options = crate::arms::AnalysisOptions { alpha, ..Default::default() };
            if let Ok(a) = crate::arms::analyse_test(&arms, "t", &options, None) {
                for c in &a.comparisons {
                    proptest::prop_assert!([c.p_value, c.holm_p_value, c.bh_p_value, c.difference_lower, c.difference_upper, c.chance_to_beat_control].iter().all(|x| x.is_finite()));
                    if let Some((l, lo, hi)) = c.lift { proptest::prop_assert!(l.is_finite() && lo.is_finite() && hi.is_finite()); }
                }
                proptest::prop_assert!(a.srm_p_value.is_finite() && !a.verdict.reason.contains("NaN"));
            }
        }
    }
}
