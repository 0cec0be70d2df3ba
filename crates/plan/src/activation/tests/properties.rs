//! Property tests: the planner answers probabilities or plain errors. Timelines, calendars
//! and the timeline CSV on any input are in `tests/activation.rs`.

use proptest::prelude::*;

use super::super::plan::plan_activation;
use super::{eur, input};

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
}
