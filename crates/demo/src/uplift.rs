//! Demo content of the Uplift tests section: the pilot's pre-registration (frozen the day
//! before launch, with one later edit in its history) and its daily series: 14 days before
//! launch (the pre-period of the difference in differences) and 28 days after, which add up
//! exactly to the arm totals in `demo::pilot_arms`.

use chrono::{Datelike, Duration, NaiveDate};

use crate::PILOT_TEST;
use microplan_model::random::SplitMix64;
use microplan_uplift::daily::TestDay;
use microplan_uplift::prereg::{PlannedArm, PreRegistration, Revision};

const CONTROL: &str = "Control regions";
const PILOT: &str = "Pilot regions";
const PRE_DAYS: i64 = 14;
const POST_DAYS: i64 = 28;
/// 2026-04-02 15:30, 2026-04-13 09:00 and 2026-04-21 10:05 UTC in milliseconds.
const CREATED_MS: i64 = 1_775_143_800_000;
const FROZEN_MS: i64 = 1_776_070_800_000;
const EDITED_MS: i64 = 1_776_765_900_000;

fn launch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 4, 14).unwrap_or_default()
}

/// The pilot's pre-registration.
pub fn pre_registrations() -> Vec<PreRegistration> {
    let old_metric = "Orders per visitor".to_string();
    let metric = "Orders per visitor (online shop, visitors located in the region)".to_string();
    vec![PreRegistration {
        test: PILOT_TEST.to_string(),
        hypothesis:
            "Creator posts in the pilot regions raise online orders per visitor by at least \
                     10% against matched control regions that see no creator content."
                .into(),
        primary_metric: metric.clone(),
        arms: vec![
            PlannedArm {
                name: CONTROL.into(),
                is_control: true,
                weight: 50.0,
            },
            PlannedArm {
                name: PILOT.into(),
                is_control: false,
                weight: 50.0,
            },
        ],
        planned_total: 96_000,
        analysis_method: "Two-sided pooled z-test at alpha 0.05 on orders per visitor over the 28 \
                          days from launch; daily looks judged only on the always-valid \
                          confidence sequence; difference in differences against the 14 days \
                          before launch as a check."
            .into(),
        decision_rule: "Scale to all regions when the lift is significant and at least +10%; \
                        optimise the brief when significant but smaller; pause when worse or when \
                        the interval rules out +10%; otherwise keep running."
            .into(),
        alpha: 0.05,
        min_lift: 0.10,
        launch_date: Some(launch()),
        created_ms: CREATED_MS,
        frozen_ms: Some(FROZEN_MS),
        versions: Vec::new(),
        history: vec![Revision {
            at_ms: EDITED_MS,
            field: "Primary metric".into(),
            before: old_metric,
            after: metric,
        }],
    }]
}

/// Splits `total` into `days` whole parts proportional to `weights` (largest remainder).
fn split(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<u64> = exact.iter().map(|e| e.floor() as u64).collect();
    let mut rest = total.saturating_sub(parts.iter().sum());
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| {
        let fa = exact.get(a).map_or(0.0, |e| e - e.floor());
        let fb = exact.get(b).map_or(0.0, |e| e - e.floor());
        fb.total_cmp(&fa)
    });
    for index in order {
        if rest == 0 {
            break;
        }
        if let Some(part) = parts.get_mut(index) {
            *part += 1;
            rest -= 1;
        }
    }
    parts
}

/// Daily traffic weights with a weekend dip and some noise.
fn traffic(rng: &mut SplitMix64, days: i64, start: NaiveDate) -> Vec<f64> {
    (0..days)
        .map(|d| {
            let weekday = (start + Duration::days(d)).weekday().num_days_from_monday();
            let base = if weekday >= 5 { 0.8 } else { 1.0 };
            base * rng.range_f64(0.9, 1.1)
        })
        .collect()
}

fn arm_days(
    rng: &mut SplitMix64,
    arm: &str,
    units: u64,
    conversions: u64,
    pre_rate: f64,
) -> Vec<TestDay> {
    let start = launch() - Duration::days(PRE_DAYS);
    let daily_units = units as f64 / POST_DAYS as f64;
    let mut out = Vec::new();
    for d in 0..PRE_DAYS {
        let date = start + Duration::days(d);
        let day_units = (daily_units * rng.range_f64(0.88, 1.08)).round() as u64;
        let mean = day_units as f64 * pre_rate;
        let day_conversions = (mean + mean.sqrt() * rng.range_f64(-1.5, 1.5))
            .round()
            .max(0.0) as u64;
        out.push(TestDay {
            test: PILOT_TEST.into(),
            arm: arm.into(),
            date,
            units: day_units,
            conversions: day_conversions,
        });
    }
    let weights = traffic(rng, POST_DAYS, launch());
    let post_units = split(units, &weights);
    let conversion_weights: Vec<f64> = post_units
        .iter()
        .map(|u| *u as f64 * rng.range_f64(0.8, 1.2))
        .collect();
    let post_conversions = split(conversions, &conversion_weights);
    for (d, (u, c)) in post_units.iter().zip(&post_conversions).enumerate() {
        let date = launch() + Duration::days(d as i64);
        out.push(TestDay {
            test: PILOT_TEST.into(),
            arm: arm.into(),
            date,
            units: *u,
            conversions: (*c).min(*u),
        });
    }
    out
}

/// The pilot's daily units and orders per arm (totals as in the arm table after launch).
pub fn daily_series() -> Vec<TestDay> {
    let mut rng = SplitMix64::new(0x5550_4c49_4654); // "UPLIFT"
    let mut days = arm_days(&mut rng, CONTROL, 48_210, 612, 0.0127);
    days.extend(arm_days(&mut rng, PILOT, 47_985, 731, 0.0128));
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo_workspace;
    use microplan_stats::did::DidStdError;
    use microplan_uplift::daily::{daily_did, sequential_view, DailyOutcome};

    #[test]
    fn post_launch_days_add_up_to_the_arm_totals() {
        let days = daily_series();
        assert_eq!(days.len() as i64, 2 * (PRE_DAYS + POST_DAYS));
        for arm in demo_workspace().test_arms.iter().cloned() {
            let post = days
                .iter()
                .filter(|d| d.arm == arm.arm && d.date >= launch());
            let (units, conversions) =
                post.fold((0, 0), |(u, c), d| (u + d.units, c + d.conversions));
            assert_eq!(
                (units, conversions),
                (arm.units, arm.conversions),
                "{}",
                arm.arm
            );
        }
        assert!(days.iter().all(|d| d.conversions <= d.units));
    }

    #[test]
    fn the_demo_shows_a_sequential_chart_and_a_difference_in_differences() {
        let days = daily_series();
        let plan = &pre_registrations()[0];
        assert!(plan.is_frozen() && plan.history.len() == 1);
        let view = sequential_view(
            &days,
            PILOT_TEST,
            CONTROL,
            PILOT,
            plan.launch_date,
            Some(plan.planned_total),
            0.05,
        )
        .unwrap();
        assert_eq!(view.looks.len() as i64, POST_DAYS);
        assert_eq!(view.tuning_n, 96_000.0);
        let did = daily_did(
            &days,
            PILOT_TEST,
            CONTROL,
            PILOT,
            launch(),
            DailyOutcome::Rate,
            0.05,
            DidStdError::Classic,
        )
        .unwrap();
        assert_eq!((did.pre_days, did.post_days), (14, 28));
        assert!(did.result.effect.estimate > 0.0);
        assert!(did.pre_trend.is_ok());
    }
}
