//! Hand-checked values for the gifting history (review, posting rate, rotation, quarterly
//! review), the year view and the roster chance; the edits the Communities section makes to a
//! workspace are tested in `tests/activation.rs`.

use super::super::history::{
    posting_estimate, quarterly_review, review_activation, rotating_pool, RotationAdvice,
};
use super::super::year::year_view;
use super::super::*;
use super::{creator, day, plan, record};
use microplan_audit::{audit_creator, AuditSettings};
use microplan_stats::intervals::ProportionMethod;

fn past_records() -> Vec<GiftingRecord> {
    let inside = Some(day(2026, 9, 20));
    let mut records = vec![
        record("Autumn", "paid_a", Arrangement::Paid, Some(true), inside),
        record("Autumn", "paid_b", Arrangement::Paid, Some(true), inside),
    ];
    // 14 gifted: 5 posted inside the window, 1 after it, 8 did not post.
    for i in 0..14 {
        let (posted, on) = match i {
            0..=4 => (Some(true), inside),
            5 => (Some(true), Some(day(2026, 10, 3))),
            _ => (Some(false), None),
        };
        records.push(record(
            "Autumn",
            &format!("g{i}"),
            Arrangement::Gifted,
            posted,
            on,
        ));
    }
    records
}

#[test]
fn review_counts_posts_in_and_outside_the_window_and_learns_the_posting_rate() {
    let mut p = plan("Autumn", "Trail", day(2026, 9, 14), day(2026, 9, 27));
    p.posting_rate = 0.35;
    let review = review_activation(&p, &past_records(), 0.9).unwrap();
    assert_eq!((review.gifted_sent, review.paid), (14, 2));
    assert_eq!(
        (
            review.posts_in_window,
            review.gifted_in_window,
            review.posts_outside_window
        ),
        (7, 5, 1)
    );
    assert_eq!((review.no_post, review.outcome_unknown), (8, 0));
    assert!(review.cluster_happened); // 7 >= 5
                                      // Planned: need 3 of 14 at 0.35: P = 0.91607 (scipy binom.sf(2, 14, 0.35)).
    assert!((review.planned_probability - 0.916_073_426_274).abs() < 1e-9);
    assert!((review.planned_expected_posts - 6.9).abs() < 1e-12); // 2 + 14 x 0.35
                                                                  // 6 of 14 gifted posted: Clopper-Pearson 90% [0.206073, 0.674972] (scipy binomtest exact).
    let estimate = review.estimate.unwrap();
    assert_eq!((estimate.posted, estimate.gifted), (6, 14));
    assert!((estimate.interval.lower - 0.206_073_335_906).abs() < 1e-8);
    assert!((estimate.interval.upper - 0.674_971_518_396).abs() < 1e-8);
    let wilson = posting_estimate(&past_records(), ProportionMethod::Wilson, 0.9)
        .unwrap()
        .unwrap();
    assert!((wilson.interval.lower - 0.240_649_704_405).abs() < 1e-8);
    assert!(posting_estimate(&[], ProportionMethod::Wilson, 0.9)
        .unwrap()
        .is_none());
}

#[test]
fn rotating_pool_and_quarterly_review_advise_each_creator() {
    let creators = vec![
        creator("g0", 5_000, "Trail"),
        creator("g6", 5_000, "Trail"),
        creator("fresh", 5_000, "Trail"),
        creator("weak", 5_000, "Trail"),
        creator("paid_a", 50_000, "Trail"),
    ];
    let settings = AuditSettings {
        bootstrap_resamples: 0,
        ..AuditSettings::default()
    };
    let audits: Vec<_> = creators
        .iter()
        .zip([None, None, Some(75.0), Some(30.0), Some(80.0)])
        .map(|(c, s)| {
            let mut audit = audit_creator(c, &[], &[], &[], &settings);
            audit.score = s;
            audit
        })
        .collect();
    let autumn = plan("Autumn", "Trail", day(2026, 9, 14), day(2026, 9, 27));
    let spring = plan("Spring", "Trail", day(2026, 4, 6), day(2026, 4, 19));
    let mut records = past_records();
    records.push(record(
        "Spring",
        "g6",
        Arrangement::Gifted,
        Some(false),
        None,
    ));
    let plans = vec![autumn, spring];
    let pool = rotating_pool("Trail", &creators, &plans, &records, &audits);
    let advice = |h: &str| pool.iter().find(|e| e.handle == h).unwrap().advice;
    assert_eq!(advice("g0"), RotationAdvice::Continue);
    assert_eq!(advice("g6"), RotationAdvice::PhaseOut); // seeded twice, never posted
    assert_eq!(advice("g7"), RotationAdvice::TryAgain);
    assert_eq!(advice("fresh"), RotationAdvice::RotateIn);
    assert_eq!(advice("paid_a"), RotationAdvice::PaidPartner);
    let entry = |h: &str| pool.iter().find(|e| e.handle == h).unwrap();
    assert_eq!(
        entry("fresh").status,
        Some(microplan_model::rows::PipelineStatus::Vetted)
    );
    assert_eq!(entry("g7").status, None); // only in the gifting history
    assert_eq!(pool.first().unwrap().handle, "g6");
    // Rotate-ins come last, best audit score first.
    let last: Vec<&str> = pool
        .iter()
        .rev()
        .take(2)
        .map(|e| e.handle.as_str())
        .collect();
    assert_eq!(last, ["weak", "fresh"]);
    let review = quarterly_review(
        "Trail",
        day(2026, 8, 1),
        &creators,
        &plans,
        &records,
        &audits,
    );
    assert_eq!(review.quarter, "2026 Q3");
    assert_eq!(review.activations, ["Autumn"]);
    assert_eq!(review.continue_with.len(), 8); // 2 paid + 6 gifted who posted
    assert_eq!(review.phase_out, ["g6"]);
    assert_eq!(review.one_more_try.len(), 7); // g7..g13
    assert_eq!(review.recruit, ["fresh"]); // "weak" scores 30, below 60
}

#[test]
fn year_view_places_windows_in_every_month_they_touch() {
    let plans = vec![
        plan("Autumn", "Trail", day(2026, 9, 28), day(2026, 10, 11)),
        plan("Jan", "Sourdough", day(2027, 1, 11), day(2027, 1, 24)),
    ];
    let rows = year_view(2026, &["Trail".to_string()], &plans);
    assert_eq!(rows.len(), 2); // Trail, then Sourdough from the plans
    assert_eq!(rows[0].months[8], ["Autumn"]);
    assert_eq!(rows[0].months[9], ["Autumn"]);
    assert!(rows[0].months[10].is_empty());
    assert!(rows[1].months.iter().all(|m| m.is_empty()));
}

#[test]
fn shipping_times_and_arrangements_parse_what_people_write() {
    assert_eq!(
        ShippingTime::parse("gb=2"),
        Some(ShippingTime {
            country: "GB".into(),
            days: 2
        })
    );
    assert_eq!(
        ShippingTime::parse("DE: 4"),
        Some(ShippingTime {
            country: "DE".into(),
            days: 4
        })
    );
    assert_eq!(
        ShippingTime::parse("FR 5d"),
        Some(ShippingTime {
            country: "FR".into(),
            days: 5
        })
    );
    assert_eq!(ShippingTime::parse("France=5"), None);
    assert_eq!(ShippingTime::parse("GB"), None);
    assert_eq!(Arrangement::parse(" Paid "), Some(Arrangement::Paid));
    assert_eq!(Arrangement::parse("gift"), Some(Arrangement::Gifted));
    assert_eq!(Arrangement::parse("maybe"), None);
}

#[test]
fn roster_chance_gives_each_gifted_creator_their_own_shrunk_rate() {
    use super::super::roster::{roster_chance, shrunk_rate};
    let mut p = plan("Spring", "Trail", day(2027, 4, 5), day(2027, 4, 18));
    (p.posting_rate, p.target_posts) = (0.4, 2);
    let records = vec![
        record(
            "Autumn",
            "b",
            Arrangement::Gifted,
            Some(true),
            Some(day(2026, 9, 20)),
        ),
        record("Spring", "a", Arrangement::Paid, None, None),
        record("Spring", "b", Arrangement::Gifted, None, None),
        record("Spring", "c", Arrangement::Gifted, None, None),
    ];
    // b posted 1 of 1 before: (1 + 2 x 0.4) / (1 + 2) = 0.6; c has no history: 0.4.
    assert!((shrunk_rate(1, 1, 0.4) - 0.6).abs() < 1e-12);
    let chance = roster_chance(&p, &records).unwrap();
    let probabilities: Vec<f64> = chance.members.iter().map(|m| m.probability).collect();
    assert_eq!(probabilities.len(), 3);
    assert_eq!(probabilities[0], 1.0);
    assert!((probabilities[1] - 0.6).abs() < 1e-12 && (probabilities[2] - 0.4).abs() < 1e-12);
    // Paid a posts; at least one of b, c: 1 - 0.4 x 0.6 = 0.76. Expected 1 + 0.6 + 0.4 = 2.
    assert!((chance.chance - 0.76).abs() < 1e-12);
    assert!((chance.expected_posts - 2.0).abs() < 1e-12);
    p.target_posts = 3; // all three: 0.6 x 0.4 = 0.24
    assert!((roster_chance(&p, &records).unwrap().chance - 0.24).abs() < 1e-12);
}
