//! Hand-checked values for the activation planner, ecosystem, logistics and calendar;
//! history, rotation, year view and edits in `history.rs`, property tests in `properties.rs`.

mod history;
mod properties;

use chrono::{NaiveDate, NaiveDateTime};

use super::ecosystem::{community_ecosystem, score_bin, EcosystemTier};
use super::ics::{activation_calendar, escape_text, fold_line};
use super::logistics::{activation_timeline, EventKind, Recipient};
use super::plan::{
    chance_of_community_effect, plan_activation, total_posts_distribution, PlannerInput, UnitCosts,
};
use super::*;
use microplan_audit::{audit_creator, AuditSettings};
use microplan_model::money::Money;
use microplan_model::rows::Creator;

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn eur(amount: f64) -> Money {
    Money::new(amount, "EUR")
}

pub(super) fn costs() -> UnitCosts {
    UnitCosts {
        product: eur(12.0),
        shipping: eur(5.0),
        gifting_fee: eur(3.0),
        paid_fee: eur(150.0),
    }
}

pub(super) fn input(k: u64, paid: u64, q: f64) -> PlannerInput {
    PlannerInput {
        target_posts: k,
        confidence: 0.9,
        posting_rate: q,
        paid,
        chosen_gifted: None,
        costs: costs(),
    }
}

pub(super) fn plan(
    name: &str,
    community: &str,
    start: NaiveDate,
    end: NaiveDate,
) -> ActivationPlan {
    ActivationPlan {
        name: name.into(),
        community: community.into(),
        window_start: start,
        window_end: end,
        target_posts: 5,
        confidence: 0.9,
        posting_rate: 0.4,
        paid_creators: 2,
        gifted_creators: 12,
        product_cost: Some(eur(12.0)),
        shipping_cost: Some(eur(5.0)),
        gifting_fee: Some(eur(3.0)),
        paid_fee: Some(eur(150.0)),
        arrival_lead_days: 7,
        shipping_days: vec![
            ShippingTime {
                country: "GB".into(),
                days: 2,
            },
            ShippingTime {
                country: "DE".into(),
                days: 4,
            },
        ],
        notes: None,
    }
}

pub(super) fn record(
    activation: &str,
    handle: &str,
    arrangement: Arrangement,
    posted: Option<bool>,
    on: Option<NaiveDate>,
) -> GiftingRecord {
    GiftingRecord {
        activation: activation.into(),
        handle: handle.into(),
        arrangement,
        shipped_on: None,
        posted,
        posted_on: on,
    }
}

/// Built from JSON so fields added to `Creator` later (all defaulted) need no change here.
pub(super) fn creator(handle: &str, followers: u64, community: &str) -> Creator {
    serde_json::from_value(serde_json::json!({
        "handle": handle, "platform": "instagram", "display_name": null, "followers": followers,
        "following": null, "communities": [community], "country": "GB", "fee": null,
        "contact": null, "status": "vetted"
    }))
    .unwrap()
}

#[test]
fn five_posts_at_forty_percent_with_ninety_percent_confidence_needs_eighteen_gifted() {
    // P(Bin(18, 0.4) >= 5) = 0.90583; 17 gives 0.87400 (scipy binom.sf(4, n, 0.4)).
    let result = plan_activation(&input(5, 0, 0.4)).unwrap();
    assert_eq!(result.recommended.gifted, 18);
    assert!((result.probability - 0.905_831_351_289).abs() < 1e-9);
    assert!((result.expected_posts - 7.2).abs() < 1e-12); // 18 * 0.4
    let at_17 = result.curve.iter().find(|(n, _)| *n == 17).unwrap().1;
    assert!((at_17 - 0.874_000_872_689).abs() < 1e-9);
}

#[test]
fn two_paid_creators_leave_three_posts_to_twelve_gifted() {
    // Need 5 - 2 = 3 from gifted: P(Bin(12, 0.4) >= 3) = 0.91656, Bin(11, 0.4): 0.88108.
    let result = plan_activation(&input(5, 2, 0.4)).unwrap();
    assert_eq!(result.recommended.gifted, 12);
    assert!((result.probability - 0.916_556_677_12).abs() < 1e-9);
    // Budget: 12 gifted x (12 + 5 + 3) = 240; 2 paid x (150 + 12 + 5) = 334; total 574.
    assert_eq!(result.budget.gifted, eur(240.0));
    assert_eq!(result.budget.paid, eur(334.0));
    assert_eq!(result.budget.total, eur(574.0));
    // Expected posts 2 + 12 x 0.4 = 6.8, so 574 / 6.8 = 84.4118 per expected post.
    let per_post = result.budget.per_expected_post.unwrap();
    assert!((per_post.amount - 574.0 / 6.8).abs() < 1e-9);
    // The distribution starts at 2 posts (the paid ones) and sums to 1.
    assert_eq!(result.distribution.len(), 15);
    assert_eq!(result.distribution[0], 0.0);
    assert_eq!(result.distribution[1], 0.0);
    assert!((result.distribution.iter().sum::<f64>() - 1.0).abs() < 1e-12);
}

#[test]
fn mixes_compare_all_gifted_your_mix_half_paid_and_all_paid() {
    let result = plan_activation(&input(5, 1, 0.4)).unwrap();
    let labels: Vec<&str> = result.mixes.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["All gifted", "Your mix", "Half paid", "All paid"]);
    let all_gifted = &result.mixes[0];
    assert_eq!((all_gifted.paid, all_gifted.gifted), (0, 18));
    // 18 x 20 = 360 EUR over 7.2 expected posts = 50 EUR per expected post.
    assert!((all_gifted.budget.per_expected_post.clone().unwrap().amount - 50.0).abs() < 1e-9);
    let all_paid = result.mixes.last().unwrap();
    // 5 x 167 = 835 EUR over 5 certain posts = 167 per post; probability 1.
    assert_eq!(
        (all_paid.paid, all_paid.gifted, all_paid.probability),
        (5, 0, 1.0)
    );
    assert_eq!(all_paid.budget.total, eur(835.0));
    // Half paid: 2 paid, need 3 more: 12 gifted as above.
    assert_eq!((result.mixes[2].paid, result.mixes[2].gifted), (2, 12));
}

#[test]
fn distribution_of_posts_shifts_the_gifted_binomial_by_the_paid_posts() {
    // One paid, three gifted at 0.4: P(1) = 0.6^3 = 0.216, P(2) = 3 x 0.4 x 0.36 = 0.432,
    // P(3) = 3 x 0.16 x 0.6 = 0.288, P(4) = 0.064.
    let dist = total_posts_distribution(1, 3, 0.4).unwrap();
    let expected = [0.0, 0.216, 0.432, 0.288, 0.064];
    assert_eq!(dist.len(), expected.len());
    for (got, want) in dist.iter().zip(expected) {
        assert!((got - want).abs() < 1e-12, "{dist:?}");
    }
    // P(at least 3) = 0.288 + 0.064 = 0.352 with one paid and three gifted.
    assert!((chance_of_community_effect(3, 1, 3, 0.4).unwrap() - 0.352).abs() < 1e-12);
    assert_eq!(chance_of_community_effect(3, 3, 0, 0.4).unwrap(), 1.0);
}

#[test]
fn planner_errors_name_the_input_to_change() {
    assert!(plan_activation(&input(0, 0, 0.4))
        .unwrap_err()
        .to_string()
        .contains("posts wanted"));
    assert!(plan_activation(&input(5, 0, 0.0)).is_err());
    let mut mixed = input(5, 0, 0.4);
    mixed.costs.paid_fee = Money::new(150.0, "GBP");
    assert!(plan_activation(&mixed)
        .unwrap_err()
        .to_string()
        .contains("one currency"));
    mixed.costs.paid_fee = eur(f64::NAN);
    assert!(plan_activation(&mixed)
        .unwrap_err()
        .to_string()
        .contains("paid creator fee"));
}

#[test]
fn chosen_gifted_count_changes_the_chance_but_not_the_recommendation() {
    let mut chosen = input(5, 0, 0.4);
    chosen.chosen_gifted = Some(17);
    let result = plan_activation(&chosen).unwrap();
    assert_eq!((result.recommended.gifted, result.gifted), (18, 17));
    assert!((result.probability - 0.874_000_872_689).abs() < 1e-9);
}

#[test]
fn ecosystem_counts_tiers_bins_scores_and_names_gaps() {
    let settings = AuditSettings {
        bootstrap_resamples: 0,
        ..AuditSettings::default()
    };
    let creators = vec![
        creator("big_one", 250_000, "Trail running"),
        creator("mid_one", 40_000, "trail running"),
        creator("small_a", 4_000, "Trail running"),
        creator("small_b", 6_000, "Trail running"),
        creator("elsewhere", 6_000, "Sourdough"),
    ];
    let scores = [Some(72.0), Some(55.0), Some(81.0), None, Some(90.0)];
    let audits: Vec<_> = creators
        .iter()
        .zip(scores)
        .map(|(c, s)| {
            let mut audit = audit_creator(c, &[], &[], &[], &settings);
            audit.score = s;
            audit
        })
        .collect();
    let eco = community_ecosystem("Trail Running", &creators, &audits, &settings.tiers);
    assert_eq!(eco.members, 4);
    let tier = |t: EcosystemTier| eco.tiers.iter().find(|s| s.tier == t).unwrap();
    assert_eq!(tier(EcosystemTier::Established).handles, ["big_one"]);
    assert_eq!(tier(EcosystemTier::Emerging).score_bins, [0, 0, 1, 0, 0]); // 55 in 40-60
    assert_eq!(tier(EcosystemTier::Nano).handles, ["small_a", "small_b"]);
    assert_eq!(tier(EcosystemTier::Nano).unscored, 1);
    assert_eq!(tier(EcosystemTier::Nano).best_score, Some(81.0));
    assert_eq!(
        eco.gaps,
        [
            "No emerging creators with an audit score of 60 or more.",
            "Only 4 creators: a community effect needs at least 5 posting in one window.",
        ]
    );
    assert_eq!(
        (
            score_bin(0.0),
            score_bin(59.9),
            score_bin(60.0),
            score_bin(100.0)
        ),
        (0, 2, 3, 4)
    );
}

#[test]
fn timeline_ships_so_parcels_arrive_together_a_week_before_the_window() {
    let p = plan("Jan", "Sourdough", day(2027, 1, 11), day(2027, 1, 24));
    let people = [
        Recipient {
            handle: "a".into(),
            arrangement: Arrangement::Gifted,
            country: Some("GB".into()),
        },
        Recipient {
            handle: "b".into(),
            arrangement: Arrangement::Paid,
            country: Some("de".into()),
        },
        Recipient {
            handle: "c".into(),
            arrangement: Arrangement::Gifted,
            country: Some("FR".into()),
        },
    ];
    let events = activation_timeline(&p, &people).unwrap();
    let on = |kind: EventKind| {
        events
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.date)
            .collect::<Vec<_>>()
    };
    // Arrival 11 Jan - 7 = 4 Jan; GB 2 days -> 2 Jan, DE 4 -> 31 Dec, FR unknown 7 -> 28 Dec.
    assert_eq!(on(EventKind::ProductArrives), [day(2027, 1, 4)]);
    assert_eq!(
        on(EventKind::ShipBy),
        [day(2026, 12, 28), day(2026, 12, 31), day(2027, 1, 2)]
    );
    // Brief a week before the first parcel: 21 Dec.
    assert_eq!(on(EventKind::BriefSent), [day(2026, 12, 21)]);
    // Reminders: 2 days before (9 Jan), halfway (11 + 14/2 = 18 Jan), 2 days left (22 Jan).
    assert_eq!(
        on(EventKind::Reminder),
        [day(2027, 1, 9), day(2027, 1, 18), day(2027, 1, 22)]
    );
    assert!(events.windows(2).all(|w| w[0].date <= w[1].date));
    let ship = events
        .iter()
        .find(|e| e.kind == EventKind::ShipBy && e.creator.as_deref() == Some("c"));
    assert_eq!(
        ship.map(|e| (e.date, e.title.as_str(), e.country.as_deref())),
        Some((day(2026, 12, 28), "Ship to @c (gifted)", Some("FR")))
    );
    let reversed = plan("Bad", "Sourdough", day(2027, 1, 24), day(2027, 1, 11));
    assert!(activation_timeline(&reversed, &people)
        .unwrap_err()
        .to_string()
        .contains("ends before it starts"));
}

#[test]
fn calendar_text_is_escaped_and_folded_at_75_octets() {
    assert_eq!(escape_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    let long = "x".repeat(80);
    assert_eq!(
        fold_line(&long),
        format!("{}\r\n {}\r\n", "x".repeat(75), "x".repeat(5))
    );
    // 40 two-octet characters: 37 fit in 74 octets, the 38th would make 76.
    let accented = "é".repeat(40);
    assert_eq!(
        fold_line(&accented),
        format!("{}\r\n {}\r\n", "é".repeat(37), "é".repeat(3))
    );
    assert_eq!(fold_line("short"), "short\r\n");
}

#[test]
fn calendar_has_all_day_events_with_stable_uids() {
    let p = plan(
        "Jan, starter; challenge",
        "Sourdough",
        day(2027, 1, 11),
        day(2027, 1, 24),
    );
    let events = activation_timeline(&p, &[]).unwrap();
    let stamp = NaiveDateTime::new(
        day(2026, 12, 1),
        chrono::NaiveTime::from_hms_opt(7, 45, 0).unwrap(),
    );
    let ics = activation_calendar(&p, &events, stamp);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.lines().all(|l| l.len() <= 75));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    // The window spans 11-24 Jan: DTEND is the day after the last day.
    assert!(ics.contains("DTSTART;VALUE=DATE:20270111\r\nDTEND;VALUE=DATE:20270125\r\n"));
    assert!(ics.contains("UID:jan-starter-challenge-window@microplan\r\n"));
    assert!(ics.contains("DTSTAMP:20261201T074500Z\r\n"));
    assert!(ics.contains("SUMMARY:Jan\\, starter\\; challenge: posting window (Sourdough)"));
    // Window event + (2 ship-by + brief + arrival + open + close + 3 reminders) = 10 events.
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 10);
    let uids: std::collections::HashSet<&str> =
        ics.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(uids.len(), 10);
}

#[test]
fn a_plan_larger_than_its_community_says_so() {
    use crate::activation::plan::community_too_small;
    assert_eq!(
        community_too_small(19, 0, 25).as_deref(),
        Some(
            "This plan needs 25 creators (0 paid, 25 gifted) but the community has 19: add creators \
             to the community, add paid creators (their posts are certain), or lower the posts wanted"
        )
    );
    assert_eq!(community_too_small(19, 4, 15), None);
    assert!(community_too_small(0, 0, 1).is_some());
}
