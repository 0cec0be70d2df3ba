//! The demo's activations: the trail running community had an autumn activation (two paid
//! creators and fourteen gifted, with who posted inside or outside the window), and the
//! sourdough community has a January starter challenge planned, its roster chosen and not
//! yet shipped. Dates sit around the demo's export day (`demo::as_of()`, 1 November 2026).

use chrono::NaiveDate;

use microplan_model::money::Money;
use microplan_plan::activation::{ActivationPlan, Arrangement, GiftingRecord, ShippingTime};
use microplan_stats::binomial_planning::gifted_to_seed_with_paid;

pub const PAST_ACTIVATION: &str = "Trail autumn race season 2026";
pub const PLANNED_ACTIVATION: &str = "Sourdough January starter challenge 2027";

const TRAIL_COMMUNITY: &str = "Trail running";
const SOURDOUGH_COMMUNITY: &str = "Sourdough baking";
const TRAIL_PAID: [&str; 2] = ["summit_saoirse", "dawn_patrol_dan"];
/// Gifted in the autumn, with the day each posted (`None`: no post).
const TRAIL_GIFTED: [(&str, Option<(u32, u32)>); 14] = [
    ("muddy_miles_tom", Some((9, 16))),
    ("ridge_runner_ava", Some((9, 18))),
    ("fell_and_fog", None),
    ("trail_nora", Some((9, 15))),
    ("ultra_ollie", None),
    ("bogtrotter_ben", None),
    ("kestrel_runs", Some((9, 21))),
    ("highland_hana", Some((10, 6))), // posted, but after the window closed
    ("pace_and_pine", Some((9, 24))),
    ("gritty_gaia", None),
    ("scree_sam", None),
    ("lochside_lucy", None),
    ("moor_miles_max", None),
    ("vert_vik", None),
];
const SOURDOUGH_PAID: [&str; 3] = ["grain_gathering", "bakers_percent", "autolyse_amy"];
const SOURDOUGH_GIFTED: [&str; 14] = [
    "levain_lotte",
    "the_crusty_kitchen",
    "starter_stories",
    "bake_with_ines",
    "open_crumb_omar",
    "proof_positive_pia",
    "banneton_bea",
    "hearth_hugo",
    "wild_yeast_wren",
    "scoring_sophie",
    "dough_diaries",
    "flour_and_fern",
    "loaf_lab_leo",
    "slow_rise_sana",
];

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

fn eur(amount: f64) -> Option<Money> {
    Some(Money::new(amount, "EUR"))
}

fn shipping_days() -> Vec<ShippingTime> {
    [("GB", 2), ("IE", 3), ("DE", 4), ("NL", 4), ("FR", 4)]
        .into_iter()
        .map(|(country, days)| ShippingTime {
            country: country.into(),
            days,
        })
        .collect()
}

/// The past and the planned activation.
pub fn plans() -> Vec<ActivationPlan> {
    // Need 6 - 3 paid = 3 gifted posts at 35%, with 90% confidence: 14 gifted.
    let planned_gifted = gifted_to_seed_with_paid(6, 3, 0.35, 0.9).map_or(14, |plan| plan.gifted);
    vec![
        ActivationPlan {
            name: PAST_ACTIVATION.into(),
            community: TRAIL_COMMUNITY.into(),
            window_start: date(2026, 9, 14),
            window_end: date(2026, 9, 27),
            target_posts: 5,
            confidence: 0.9,
            posting_rate: 0.35,
            paid_creators: 2,
            gifted_creators: 14,
            product_cost: eur(14.0),
            shipping_cost: eur(6.0),
            gifting_fee: eur(2.0),
            paid_fee: eur(180.0),
            arrival_lead_days: 7,
            shipping_days: shipping_days(),
            notes: Some(
                "Energy bars for race season; brief asked for a first-person race-day story."
                    .into(),
            ),
        },
        ActivationPlan {
            name: PLANNED_ACTIVATION.into(),
            community: SOURDOUGH_COMMUNITY.into(),
            window_start: date(2027, 1, 11),
            window_end: date(2027, 1, 24),
            target_posts: 6,
            confidence: 0.9,
            posting_rate: 0.35,
            paid_creators: 3,
            gifted_creators: planned_gifted,
            product_cost: eur(14.0),
            shipping_cost: eur(6.0),
            gifting_fee: eur(2.0),
            paid_fee: eur(250.0),
            arrival_lead_days: 7,
            shipping_days: shipping_days(),
            notes: Some(
                "New-year starter challenge: bake with the bars' sourdough flour, share the crumb."
                    .into(),
            ),
        },
    ]
}

fn record(activation: &str, handle: &str, arrangement: Arrangement) -> GiftingRecord {
    GiftingRecord {
        activation: activation.into(),
        handle: handle.into(),
        arrangement,
        shipped_on: None,
        posted: None,
        posted_on: None,
    }
}

/// Who was seeded for each activation and, for the past one, who posted when.
pub fn gifting_history() -> Vec<GiftingRecord> {
    let shipped = Some(date(2026, 9, 2));
    let mut records = Vec::new();
    for (index, handle) in TRAIL_PAID.iter().enumerate() {
        records.push(GiftingRecord {
            shipped_on: shipped,
            posted: Some(true),
            posted_on: Some(date(2026, 9, 14 + 5 * index as u32)),
            ..record(PAST_ACTIVATION, handle, Arrangement::Paid)
        });
    }
    for (handle, posted) in TRAIL_GIFTED {
        records.push(GiftingRecord {
            shipped_on: shipped,
            posted: Some(posted.is_some()),
            posted_on: posted.map(|(month, day)| date(2026, month, day)),
            ..record(PAST_ACTIVATION, handle, Arrangement::Gifted)
        });
    }
    records.extend(
        SOURDOUGH_PAID
            .iter()
            .map(|h| record(PLANNED_ACTIVATION, h, Arrangement::Paid)),
    );
    records.extend(
        SOURDOUGH_GIFTED
            .iter()
            .map(|h| record(PLANNED_ACTIVATION, h, Arrangement::Gifted)),
    );
    records
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{as_of, demo_workspace};
    use microplan_model::rows::PipelineStatus;
    use microplan_plan::activation::ecosystem::is_member;
    use microplan_plan::activation::history::review_activation;

    #[test]
    fn every_seeded_creator_is_an_active_member_of_the_community() {
        let demo = demo_workspace();
        for record in &demo.gifting_history {
            let plan = demo
                .activation_plans
                .iter()
                .find(|p| p.name == record.activation)
                .unwrap();
            let creator = demo
                .creators
                .iter()
                .find(|c| c.handle == record.handle)
                .unwrap();
            assert!(is_member(creator, &plan.community), "{}", record.handle);
            assert_ne!(creator.status, PipelineStatus::Dropped, "{}", record.handle);
        }
        let planned = demo
            .activation_plans
            .iter()
            .find(|p| p.name == PLANNED_ACTIVATION)
            .unwrap();
        assert!(!planned.is_past(as_of()));
        assert_eq!(planned.gifted_creators, 14); // P(Bin(14, 0.35) >= 3) = 0.9161
        let roster = demo
            .gifting_history
            .iter()
            .filter(|r| r.activation == PLANNED_ACTIVATION)
            .count() as u64;
        assert_eq!(roster, planned.paid_creators + planned.gifted_creators);
    }

    #[test]
    fn the_past_activation_clustered_and_six_of_fourteen_gifted_posted() {
        let demo = demo_workspace();
        let past = demo
            .activation_plans
            .iter()
            .find(|p| p.name == PAST_ACTIVATION)
            .unwrap();
        assert!(past.is_past(as_of()));
        let review = review_activation(past, &demo.gifting_history, 0.9).unwrap();
        // 2 paid + 5 gifted inside 14-27 September; highland_hana posted on 6 October.
        assert_eq!(
            (
                review.posts_in_window,
                review.posts_outside_window,
                review.no_post
            ),
            (7, 1, 8)
        );
        assert!(review.cluster_happened);
        let estimate = review.estimate.unwrap();
        assert_eq!((estimate.posted, estimate.gifted), (6, 14));
    }
}
