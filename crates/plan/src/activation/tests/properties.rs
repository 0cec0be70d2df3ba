//! Property tests: the planner answers probabilities or plain errors, and timelines and
//! calendars never panic on any dates, names or shipping tables.

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;

use super::super::ics::activation_calendar;
use super::super::logistics::{activation_timeline, Recipient};
use super::super::plan::plan_activation;
use super::super::{Arrangement, ShippingTime};
use super::{eur, input, plan};

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn planner_answers_are_probabilities_or_plain_errors(
        k in 0u64..120, paid in 0u64..40, q in 0.0f64..=1.0, confidence in 0.0f64..=1.0,
        chosen in proptest::option::of(0u64..400), fee in -10.0f64..500.0,
    ) {
        let mut planner = input(k, paid, q);
        planner.confidence = confidence;
        planner.chosen_gifted = chosen;
        planner.costs.paid_fee = eur(fee);
        if let Ok(result) = plan_activation(&planner) {
            prop_assert!((0.0..=1.0).contains(&result.probability));
            prop_assert!(result.curve.iter().all(|(_, p)| (0.0..=1.0).contains(p)));
            let total: f64 = result.distribution.iter().sum();
            prop_assert!((total - 1.0).abs() < 1e-9, "sums to {}", total);
            prop_assert!(result.budget.total.amount.is_finite());
            prop_assert!(result.mixes.iter().all(|m| m.probability.is_finite() && m.expected_posts.is_finite()));
        }
    }

    #[test]
    fn timelines_and_calendars_never_panic_and_keep_lines_short(
        start in -100_000i32..100_000, length in -30i64..400, lead in 0u32..1_000,
        name in "\\PC{0,90}", countries in proptest::collection::vec(("[A-Z]{2}", 0u32..400), 0..4),
    ) {
        let start = NaiveDate::from_num_days_from_ce_opt(730_000 + start).unwrap();
        let end = start + chrono::Duration::days(length);
        let mut p = plan(&name, "Community, with; specials\\", start, end);
        p.arrival_lead_days = lead;
        p.shipping_days = countries.into_iter().map(|(country, days)| ShippingTime { country, days }).collect();
        let people = [Recipient { handle: name.clone(), arrangement: Arrangement::Gifted, country: None }];
        if let Ok(events) = activation_timeline(&p, &people) {
            let ics = activation_calendar(&p, &events, NaiveDateTime::default());
            prop_assert!(ics.split("\r\n").all(|line| line.len() <= 75 && !line.contains('\n')));
            let _ = microplan_workspace::io::activation_export::timeline_csv(&events);
        }
    }
}
