//! The score is continuous in followers: no step at a tier boundary for a fixed engagement
//! rate (the benchmark is interpolated on log followers, see `tiers::benchmark_rate_at`).

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::score::engagement_score;
use crate::tiers::{benchmark_rate_at, BenchmarkTable, TierBoundaries};
use crate::{audit_creator, AuditSettings};
use microplan_model::rows::{Creator, PipelineStatus, Post};

fn creator(followers: u64) -> Creator {
    Creator {
        handle: "steady".into(),
        platform: "instagram".into(),
        display_name: None,
        followers,
        following: Some(followers / 10),
        categories: vec![],
        communities: vec![],
        country: None,
        fee: None,
        contact: None,
        status: PipelineStatus::Prospect,
        account_created: None,
        audience: Default::default(),
    }
}

/// Twelve weekly posts at `rate` of `followers` (wobbling +/-10% so the interval is defined).
fn posts(followers: u64, rate: f64) -> Vec<Post> {
    (0..12u32)
        .map(|week| {
            let wobble = 1.0 + 0.1 * (f64::from(week % 3) - 1.0);
            let interactions = (followers as f64 * rate * wobble).round() as u64;
            Post {
                handle: "steady".into(),
                post_id: format!("p{week}"),
                date: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()
                    + chrono::Duration::weeks(i64::from(week)),
                format: "feed".into(),
                likes: interactions - interactions / 20,
                comments: interactions / 20,
                views: None,
                reach: Some(followers / 4),
                impressions: None,
                shares: None,
                saves: None,
                sponsored: false,
                disclosure: None,
                topics: vec![],
            }
        })
        .collect()
}

fn score(followers: u64, rate: f64) -> f64 {
    let settings = AuditSettings {
        bootstrap_resamples: 0,
        ..AuditSettings::default()
    };
    audit_creator(
        &creator(followers),
        &posts(followers, rate),
        &[],
        &[],
        &settings,
    )
    .score
    .unwrap()
}

#[test]
fn no_step_at_the_nano_micro_boundary() {
    // 9,600 and 10,400 followers at 5%: the old step benchmark (4.8% vs 2.4%) put these about
    // 15 points apart; now their benchmarks are 3.64% and 3.56%.
    let (below, above) = (score(9_600, 0.05), score(10_400, 0.05));
    assert!((below - above).abs() < 1.0, "{below} vs {above}");
    for boundary in [10_000u64, 100_000, 500_000, 1_000_000] {
        let (a, b) = (score(boundary - 1, 0.03), score(boundary, 0.03));
        assert!((a - b).abs() < 0.05, "{boundary}: {a} vs {b}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_engagement_score_is_continuous_in_followers(followers in 1u64..20_000_000, rate in 0.001..0.3f64) {
        let (b, table) = (TierBoundaries::default(), BenchmarkTable::default());
        let at = |f: u64| engagement_score(rate / benchmark_rate_at(f, &b, &table).unwrap());
        // One follower more moves the benchmark by a relative ln(1 + 1/f) at most.
        prop_assert!((at(followers) - at(followers + 1)).abs() < 0.01);
    }

    #[test]
    fn the_composite_is_continuous_across_tier_boundaries(offset in 0u64..400, boundary in 0usize..4, rate in 0.005..0.15f64) {
        let bound = [10_000u64, 100_000, 500_000, 1_000_000][boundary];
        let followers = bound - 200 + offset;
        let (a, b) = (score(followers, rate), score(followers + 1, rate));
        prop_assert!((a - b).abs() < 0.1, "{} -> {}: {} vs {}", followers, followers + 1, a, b);
    }
}
