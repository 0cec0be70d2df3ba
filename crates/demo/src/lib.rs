//! The demo workspace: a realistic, deterministic programme for workshops. Built from the
//! public API of every other crate; only the app and tests depend on it.
//!
//! Brand "Hearth & Trail" (sourdough energy bars) works with two communities, trail running
//! and sourdough baking: 40 creators across nano, micro and mid tiers, 20-30 recent posts
//! each, half a year of weekly follower history and per-post comment summaries. Two
//! follower anomalies are planted on purpose:
//! - `peakpace_lena` gains ~18,000 followers in one week while engagement stays flat and her
//!   comments turn generic and duplicated (bought followers and an engagement pod);
//! - `crumb_theory` jumps after a reel went viral: views and engagement follow the spike, so
//!   it is an explainable anomaly, not fraud.
//!
//! A finished spring pilot has per-deliverable results and a regional holdout with a
//! control group.

pub mod activation;
pub mod attribution;
mod audience;
pub mod contract;
pub mod file;
pub mod programme;
pub mod uplift;

use chrono::{Duration, NaiveDate};

use microplan_model::money::Money;
use microplan_model::random::SplitMix64;
use microplan_model::rows::{
    CommentSummary, Community, Creator, DeliverableResult, FollowerPoint, PipelineStatus, Post,
    TestArm,
};
use microplan_workspace::Workspace;

pub const DEMO_NAME: &str = "Demo: Hearth & Trail";
pub const PILOT_CAMPAIGN: &str = "Spring pilot 2026";
pub const PILOT_TEST: &str = "Spring pilot 2026 regional holdout";
/// Creator whose follower spike is not matched by engagement.
pub const BOUGHT_FOLLOWERS_HANDLE: &str = "peakpace_lena";
/// Creator whose follower spike follows a viral reel.
pub const VIRAL_HANDLE: &str = "crumb_theory";

const SEED: u64 = 0x4d69_6372_6f70_6c61; // "Micropla"
const CREATORS_PER_COMMUNITY: usize = 20;
const HISTORY_WEEKS: i64 = 26;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The day the demo data was "exported": every date is relative to it.
pub fn as_of() -> NaiveDate {
    date(2026, 11, 1)
}

struct CommunityPlan {
    community: &'static str,
    handles: [&'static str; CREATORS_PER_COMMUNITY],
    categories: &'static [&'static str],
    topics: &'static [&'static str],
}

const TRAIL: CommunityPlan = CommunityPlan {
    community: "Trail running",
    handles: [
        "peakpace_lena",
        "muddy_miles_tom",
        "ridge_runner_ava",
        "fell_and_fog",
        "trail_nora",
        "ultra_ollie",
        "switchback_sara",
        "bogtrotter_ben",
        "kestrel_runs",
        "highland_hana",
        "pace_and_pine",
        "gritty_gaia",
        "scree_sam",
        "lochside_lucy",
        "moor_miles_max",
        "vert_vik",
        "heather_hops",
        "summit_saoirse",
        "dawn_patrol_dan",
        "canal_to_crag",
    ],
    categories: &["trail running", "outdoors", "fitness"],
    topics: &[
        "race report",
        "gear review",
        "training",
        "route",
        "fuel",
        "recovery",
    ],
};

const SOURDOUGH: CommunityPlan = CommunityPlan {
    community: "Sourdough baking",
    handles: [
        "crumb_theory",
        "levain_lotte",
        "the_crusty_kitchen",
        "starter_stories",
        "bake_with_ines",
        "open_crumb_omar",
        "rye_and_shine",
        "proof_positive_pia",
        "banneton_bea",
        "hearth_hugo",
        "wild_yeast_wren",
        "scoring_sophie",
        "dough_diaries",
        "flour_and_fern",
        "loaf_lab_leo",
        "slow_rise_sana",
        "crust_club",
        "grain_gathering",
        "bakers_percent",
        "autolyse_amy",
    ],
    categories: &["sourdough", "baking", "food"],
    topics: &[
        "bake",
        "starter",
        "recipe",
        "crumb shot",
        "q&a",
        "flour review",
    ],
};

const COUNTRIES: [&str; 6] = ["GB", "GB", "IE", "DE", "NL", "FR"];
const FORMATS: [&str; 4] = ["feed", "reel", "reel", "carousel"];

/// Tier for the i-th creator of a community: 7 nano, 10 micro, 3 mid.
fn planned_followers(rng: &mut SplitMix64, index: usize) -> u64 {
    match index % 20 {
        0 => 46_000, // peakpace_lena / crumb_theory start as micro creators
        1..=7 => rng.range_u64(2_500, 9_800),
        8..=16 => rng.range_u64(11_000, 92_000),
        _ => rng.range_u64(115_000, 380_000),
    }
}

/// Typical engagement rate by followers for a creator of this size.
fn typical_engagement(followers: u64, rng: &mut SplitMix64) -> f64 {
    let base = if followers < 10_000 {
        0.065
    } else if followers < 100_000 {
        0.038
    } else {
        0.019
    };
    base * rng.range_f64(0.7, 1.3)
}

fn fee_for(followers: u64, rng: &mut SplitMix64) -> Money {
    let amount = if followers < 10_000 {
        rng.range_u64(5, 15) * 10
    } else if followers < 100_000 {
        rng.range_u64(20, 90) * 10
    } else {
        rng.range_u64(12, 40) * 100
    };
    Money::new(amount as f64, "EUR")
}

struct Generated {
    creators: Vec<Creator>,
    posts: Vec<Post>,
    follower_history: Vec<FollowerPoint>,
    comment_summaries: Vec<CommentSummary>,
}

/// Builds the demo workspace; the same call always returns the same data.
pub fn demo_workspace() -> Workspace {
    let mut rng = SplitMix64::new(SEED);
    let mut generated = Generated {
        creators: Vec::new(),
        posts: Vec::new(),
        follower_history: Vec::new(),
        comment_summaries: Vec::new(),
    };
    for plan in [&TRAIL, &SOURDOUGH] {
        for (index, handle) in plan.handles.iter().enumerate() {
            add_creator(&mut generated, &mut rng, plan, index, handle);
        }
    }
    let results = pilot_results(&generated.creators, &mut rng);
    let sentiment = pilot_sentiment(&results);
    Workspace {
        name: DEMO_NAME.to_string(),
        programme: crate::programme::programme(&generated.creators).into(),
        attribution: crate::attribution::attribution(&generated.creators, &results).into(),
        creators: generated.creators.into(),
        posts: generated.posts.into(),
        follower_history: generated.follower_history.into(),
        comment_summaries: generated.comment_summaries.into(),
        communities: communities().into(),
        results: results.into(),
        test_arms: pilot_arms().into(),
        test_days: crate::uplift::daily_series().into(),
        test_plans: crate::uplift::pre_registrations().into(),
        activation_plans: crate::activation::plans().into(),
        gifting_history: crate::activation::gifting_history().into(),
        flag_annotations: Vec::new().into(),
        contracts: crate::contract::contracts().into(),
        results_plan: crate::programme::results_plan().into(),
        sentiment: sentiment.into(),
        ..Workspace::default()
    }
}

fn communities() -> Vec<Community> {
    vec![
        Community {
            name: TRAIL.community.to_string(),
            description: "Runners who race and train off-road: fell, ultra and parkrun-to-trail \
                          newcomers. They trust kit and fuel advice from people they run with."
                .to_string(),
            hashtags: vec![
                "#trailrunning".into(),
                "#ukrunchat".into(),
                "#fellrunning".into(),
            ],
            where_online: Some("Instagram, Strava clubs, r/trailrunning".into()),
        },
        Community {
            name: SOURDOUGH.community.to_string(),
            description: "Home bakers who keep a starter and share crumb shots; generous with \
                          troubleshooting help and sceptical of shortcuts."
                .to_string(),
            hashtags: vec![
                "#sourdough".into(),
                "#realbread".into(),
                "#crumbshot".into(),
            ],
            where_online: Some("Instagram, TikTok, r/Sourdough, Facebook baking groups".into()),
        },
    ]
}

fn add_creator(
    out: &mut Generated,
    rng: &mut SplitMix64,
    plan: &CommunityPlan,
    index: usize,
    handle: &str,
) {
    let followers_now = planned_followers(rng, index);
    let status = match index {
        1 | 2 | 8 | 9 => PipelineStatus::Pilot,
        3 | 10 | 17 => PipelineStatus::Vetted,
        6 => PipelineStatus::Dropped,
        _ => PipelineStatus::Prospect,
    };
    let country = rng.pick(&COUNTRIES).copied().unwrap_or("GB").to_string();
    out.creators.push(Creator {
        handle: handle.to_string(),
        platform: if index % 5 == 3 {
            "tiktok"
        } else {
            "instagram"
        }
        .to_string(),
        display_name: Some(display_name(handle)),
        followers: followers_now,
        following: Some(rng.range_u64(180, 1_400)),
        categories: plan.categories.iter().map(|c| c.to_string()).collect(),
        communities: vec![plan.community.to_string()],
        country: Some(country),
        fee: Some(fee_for(followers_now, rng)),
        contact: Some(format!("{handle}@example.com")),
        status,
        account_created: Some(date(2016 + (index % 8) as i32, 1 + (index % 12) as u32, 10)),
        audience: crate::audience::audience_for(index),
    });
    let spike = spike_for(handle);
    add_follower_history(out, rng, handle, followers_now, spike);
    add_posts(out, rng, plan, handle, followers_now, spike);
}

/// A planted anomaly: the week index (from the oldest) and the followers gained that week.
#[derive(Clone, Copy)]
struct Spike {
    week: i64,
    gain: u64,
    engagement_follows: bool,
}

fn spike_for(handle: &str) -> Option<Spike> {
    match handle {
        BOUGHT_FOLLOWERS_HANDLE => Some(Spike {
            week: 19,
            gain: 18_000,
            engagement_follows: false,
        }),
        VIRAL_HANDLE => Some(Spike {
            week: 14,
            gain: 21_000,
            engagement_follows: true,
        }),
        _ => None,
    }
}

fn add_follower_history(
    out: &mut Generated,
    rng: &mut SplitMix64,
    handle: &str,
    followers_now: u64,
    spike: Option<Spike>,
) {
    // Walk backwards from today's count with modest weekly growth.
    let mut counts = vec![followers_now as f64];
    for week in (1..HISTORY_WEEKS).rev() {
        let last = counts.last().copied().unwrap_or(followers_now as f64);
        let mut previous = last / (1.0 + rng.range_f64(0.002, 0.012));
        if let Some(s) = spike {
            if week == s.week {
                previous = (last - s.gain as f64).max(500.0);
            }
        }
        counts.push(previous);
    }
    counts.reverse();
    let first_day = as_of() - Duration::weeks(HISTORY_WEEKS - 1);
    for (week, count) in counts.iter().enumerate() {
        out.follower_history.push(FollowerPoint {
            handle: handle.to_string(),
            date: first_day + Duration::weeks(week as i64),
            followers: count.round() as u64,
        });
    }
}

fn add_posts(
    out: &mut Generated,
    rng: &mut SplitMix64,
    plan: &CommunityPlan,
    handle: &str,
    followers_now: u64,
    spike: Option<Spike>,
) {
    let post_count = rng.range_u64(20, 30);
    let engagement = typical_engagement(followers_now, rng);
    let first_day = as_of() - Duration::weeks(HISTORY_WEEKS - 1);
    let mut day = as_of();
    for number in 0..post_count {
        day -= Duration::days(rng.range_u64(3, 8) as i64);
        let week = (day - first_day).num_weeks();
        let format = rng.pick(&FORMATS).copied().unwrap_or("feed");
        let mut rate = engagement * rng.range_f64(0.6, 1.4);
        let mut reach_share = rng.range_f64(0.25, 0.55);
        let mut generic_share = rng.range_f64(0.15, 0.35);
        let mut duplicate_share = rng.range_f64(0.0, 0.04);
        // Followers before a planted spike are fewer: engagement is computed on the base
        // the post actually had.
        let mut base = followers_now;
        if let Some(s) = spike {
            if week < s.week {
                base = followers_now.saturating_sub(s.gain);
            } else if !s.engagement_follows {
                // Bought followers do not engage: the rate on the inflated count collapses,
                // and pod-style generic, duplicated comments take over.
                rate *= (base.saturating_sub(s.gain)) as f64 / base.max(1) as f64;
                generic_share = rng.range_f64(0.62, 0.8);
                duplicate_share = rng.range_f64(0.28, 0.42);
            } else if week == s.week {
                rate *= 4.0;
                reach_share = 3.5;
            }
        }
        let likes = (base as f64 * rate).round() as u64;
        let comments = (likes as f64 * rng.range_f64(0.02, 0.07)).round() as u64;
        let reach = (base as f64 * reach_share).round() as u64;
        let is_video = format == "reel";
        let sponsored = number % 9 == 4;
        let post_id = format!("{handle}-{:03}", post_count - number);
        out.posts.push(Post {
            handle: handle.to_string(),
            post_id: post_id.clone(),
            date: day,
            format: format.to_string(),
            likes,
            comments,
            views: is_video.then(|| (reach as f64 * rng.range_f64(1.1, 1.8)).round() as u64),
            reach: Some(reach),
            impressions: Some((reach as f64 * rng.range_f64(1.2, 1.6)).round() as u64),
            shares: Some((likes as f64 * rng.range_f64(0.01, 0.06)).round() as u64),
            saves: Some((likes as f64 * rng.range_f64(0.02, 0.12)).round() as u64),
            sponsored,
            // Most creators disclose; one in four sponsored posts in the trail community does not.
            disclosure: sponsored.then(|| !(plan.community == TRAIL.community && number % 4 == 0)),
            topics: vec![rng.pick(plan.topics).copied().unwrap_or("post").to_string()],
        });
        let emoji_share = rng.range_f64(0.05, 0.2).min(1.0 - generic_share);
        out.comment_summaries.push(CommentSummary {
            handle: handle.to_string(),
            post_id,
            total: comments,
            generic_share,
            emoji_share,
            specific_share: (1.0 - generic_share - emoji_share).max(0.0),
            duplicate_share,
            distinct_commenters: (comments as f64 * rng.range_f64(0.7, 0.95)).round() as u64,
            creator_replies: (comments as f64 * rng.range_f64(0.1, 0.5)).round() as u64,
            max_thread_depth: rng.range_u64(1, 4) as u32,
        });
    }
}

fn display_name(handle: &str) -> String {
    handle
        .split('_')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sentiment counts of the pilot's comment sample, as the programme's signal states them:
/// 212 positive of 310 classified over the eight pilot creators.
fn pilot_sentiment(results: &[DeliverableResult]) -> Vec<microplan_plan::results::SentimentTally> {
    let mut handles: Vec<&str> = Vec::new();
    for row in results {
        if !handles.contains(&row.handle.as_str()) {
            handles.push(&row.handle);
        }
    }
    const COUNTS: [(u64, u64, u64); 8] = [
        (29, 9, 2),
        (26, 9, 3),
        (27, 10, 2),
        (28, 10, 3),
        (25, 8, 4),
        (26, 10, 2),
        (26, 10, 3),
        (25, 10, 3),
    ];
    handles
        .into_iter()
        .zip(COUNTS)
        .map(
            |(handle, (positive, neutral, negative))| microplan_plan::results::SentimentTally {
                handle: handle.to_string(),
                positive,
                neutral,
                negative,
            },
        )
        .collect()
}

/// Results of the pilot creators' two deliverables each.
fn pilot_results(creators: &[Creator], rng: &mut SplitMix64) -> Vec<DeliverableResult> {
    let mut results = Vec::new();
    let pilot_day = date(2026, 4, 14);
    for creator in creators
        .iter()
        .filter(|c| c.status == PipelineStatus::Pilot)
    {
        for (offset, deliverable) in ["reel", "story"].iter().enumerate() {
            let reach = (creator.followers as f64 * rng.range_f64(0.25, 0.5)).round() as u64;
            let likes = (reach as f64 * rng.range_f64(0.05, 0.12)).round() as u64;
            let clicks = (reach as f64 * rng.range_f64(0.004, 0.015)).round() as u64;
            let orders = (clicks as f64 * rng.range_f64(0.03, 0.09)).round() as u64;
            let fee = creator.fee.as_ref().map(|f| f.amount).unwrap_or(0.0);
            results.push(DeliverableResult {
                campaign: PILOT_CAMPAIGN.to_string(),
                handle: creator.handle.clone(),
                deliverable: deliverable.to_string(),
                date: Some(pilot_day + Duration::days(rng.range_u64(0, 14) as i64 + offset as i64)),
                reach: Some(reach),
                views: Some((reach as f64 * rng.range_f64(1.1, 1.6)).round() as u64),
                impressions: Some((reach as f64 * rng.range_f64(1.2, 1.5)).round() as u64),
                likes: Some(likes),
                comments: Some((likes as f64 * rng.range_f64(0.02, 0.06)).round() as u64),
                shares: Some((likes as f64 * rng.range_f64(0.01, 0.05)).round() as u64),
                saves: Some((likes as f64 * rng.range_f64(0.03, 0.1)).round() as u64),
                link_clicks: Some(clicks),
                code_redemptions: Some((orders as f64 * 0.6).round() as u64),
                orders: Some(orders),
                revenue: Some(Money::new(
                    (orders as f64 * 24.5 * 100.0).round() / 100.0,
                    "EUR",
                )),
                // Product and shipping for every deliverable; the fee is split over two.
                cost: Some(Money::new(fee / 2.0 + 18.0, "EUR")),
                disclosure_present: Some(true),
                fee: None,
                product_value: None,
                shipping: None,
                format: None,
            });
        }
    }
    results
}

/// The regional holdout: treatment regions saw the pilot, control regions did not.
fn pilot_arms() -> Vec<TestArm> {
    vec![
        TestArm {
            test: PILOT_TEST.to_string(),
            arm: "Control regions".to_string(),
            is_control: true,
            units: 48_210,
            conversions: 612,
            revenue: Some(Money::new(14_994.0, "EUR")),
        },
        TestArm {
            test: PILOT_TEST.to_string(),
            arm: "Pilot regions".to_string(),
            is_control: false,
            units: 47_985,
            conversions: 731,
            revenue: Some(Money::new(17_909.5, "EUR")),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_deterministic() {
        assert!(demo_workspace() == demo_workspace());
    }

    #[test]
    fn demo_has_the_promised_shape() {
        let demo = demo_workspace();
        assert_eq!(demo.communities.len(), 2);
        assert_eq!(demo.creators.len(), 40);
        let nano = demo
            .creators
            .iter()
            .filter(|c| c.followers < 10_000)
            .count();
        let mid = demo
            .creators
            .iter()
            .filter(|c| c.followers >= 100_000)
            .count();
        assert_eq!((nano, 40 - nano - mid, mid), (14, 20, 6));
        for creator in &demo.creators {
            let posts = demo
                .posts
                .iter()
                .filter(|p| p.handle == creator.handle)
                .count();
            assert!(
                (20..=30).contains(&posts),
                "{} has {posts} posts",
                creator.handle
            );
            let history = demo
                .follower_history
                .iter()
                .filter(|p| p.handle == creator.handle);
            assert_eq!(history.count(), HISTORY_WEEKS as usize);
        }
        assert_eq!(demo.comment_summaries.len(), demo.posts.len());
        assert_eq!(demo.results.len(), 16, "8 pilot creators x 2 deliverables");
        assert_eq!(demo.test_arms.iter().filter(|a| a.is_control).count(), 1);
    }

    fn weekly_gains(demo: &Workspace, handle: &str) -> Vec<i64> {
        let counts: Vec<i64> = demo
            .follower_history
            .iter()
            .filter(|p| p.handle == handle)
            .map(|p| p.followers as i64)
            .collect();
        counts.windows(2).map(|pair| pair[1] - pair[0]).collect()
    }

    #[test]
    fn planted_spikes_are_the_largest_weekly_gains() {
        let demo = demo_workspace();
        for handle in [BOUGHT_FOLLOWERS_HANDLE, VIRAL_HANDLE] {
            let gains = weekly_gains(&demo, handle);
            let largest = gains.iter().copied().max().unwrap_or(0);
            assert!(largest >= 18_000, "{handle}: largest weekly gain {largest}");
            let second = gains
                .iter()
                .copied()
                .filter(|g| *g < largest)
                .max()
                .unwrap_or(0);
            assert!(
                second < 1_000,
                "{handle}: only one spike, second largest {second}"
            );
        }
        let clean = weekly_gains(&demo, "levain_lotte");
        assert!(
            clean.iter().all(|g| *g < 2_000),
            "a clean creator has no spike"
        );
    }

    #[test]
    fn pilot_treatment_converts_better_than_control() {
        let demo = demo_workspace();
        let rate = |arm: &TestArm| arm.conversions as f64 / arm.units as f64;
        let control = demo.test_arms.iter().find(|a| a.is_control).map(rate);
        let treatment = demo.test_arms.iter().find(|a| !a.is_control).map(rate);
        assert!(treatment > control);
    }
}
