use super::*;
use crate::engagement::tests::post;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn history(counts: &[u64]) -> Vec<FollowerPoint> {
    counts
        .iter()
        .enumerate()
        .map(|(week, followers)| FollowerPoint {
            handle: "tester".into(),
            date: day("2026-01-05") + Duration::weeks(week as i64),
            followers: *followers,
        })
        .collect()
}

fn post_on(date: &str, interactions: u64) -> Post {
    let mut p = post(date, 1, interactions, 0);
    p.date = day(date);
    p
}

/// Weekly series with a jump of 5,000 between 2026-02-16 and 2026-02-23.
const JUMP: [u64; 10] = [
    10_000, 10_100, 10_200, 10_300, 10_400, 10_500, 10_600, 15_600, 15_700, 15_800,
];

#[test]
fn robust_z_hand_checked() {
    // [1, 2, 3, 4, 100]: median 3, deviations [2, 1, 0, 1, 97] -> MAD 1, scale 1.4826;
    // z(100) = 97 / 1.4826 = 65.426, z(1) = -2 / 1.4826 = -1.349.
    let z = robust_z_scores(&[1.0, 2.0, 3.0, 4.0, 100.0]).unwrap();
    assert!((z[4] - 65.426).abs() < 1e-3);
    assert!((z[0] + 1.349).abs() < 1e-3);
    // [1, 1, 1, 1, 5]: MAD 0 -> mean absolute deviation 0.8 * 1.253314 = 1.002651;
    // z(5) = 4 / 1.002651 = 3.9894.
    let z = robust_z_scores(&[1.0, 1.0, 1.0, 1.0, 5.0]).unwrap();
    assert!((z[4] - 3.9894).abs() < 1e-3);
    assert_eq!(robust_z_scores(&[2.0, 2.0, 2.0]), None);
    assert_eq!(robust_z_scores(&[]), None);
}

#[test]
fn changes_are_sorted_deduplicated_and_relative() {
    let mut points = history(&[1_000, 1_070]);
    points.insert(
        0,
        FollowerPoint {
            handle: "tester".into(),
            date: day("2026-01-12"),
            followers: 1,
        },
    );
    let refs: Vec<&FollowerPoint> = points.iter().collect();
    let changes = follower_changes(&refs);
    // Same date twice: the later row (1,070) wins, so one interval: +70 over 7 days on 1,000
    // -> 70 / 1000 / 7 = 0.01 per day.
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].change, 70);
    assert!((changes[0].daily_growth.unwrap() - 0.01).abs() < 1e-12);
}

#[test]
fn a_jump_engagement_does_not_follow_is_found() {
    let points = history(&JUMP);
    let refs: Vec<&FollowerPoint> = points.iter().collect();
    // Before (2025-12-22 ..= 2026-02-16): 100, 110, 90 -> median 100. During the jump week
    // (excluded): 5,000. After (2026-02-23 ..= 2026-04-20): 105, 95, 100 -> median 100.
    let posts = [
        post_on("2026-02-02", 100),
        post_on("2026-02-09", 110),
        post_on("2026-02-16", 90),
        post_on("2026-02-19", 5_000),
        post_on("2026-02-23", 105),
        post_on("2026-03-02", 95),
        post_on("2026-03-09", 100),
    ];
    let post_refs: Vec<&Post> = posts.iter().collect();
    let report = follower_spikes(&refs, &post_refs, &SpikeSettings::default());
    assert!(report.enough_data);
    assert_eq!(report.spikes.len(), 1, "{:?}", report.spikes);
    let spike = &report.spikes[0];
    assert_eq!(spike.direction, SpikeDirection::Gain);
    assert_eq!(
        (spike.interval.start, spike.interval.change),
        (day("2026-02-16"), 5_000)
    );
    let e = spike.engagement.as_ref().unwrap();
    assert_eq!((e.posts_before, e.posts_after), (3, 3));
    // Engagement change 100 / 100 - 1 = 0; follower change 15,600 / 10,600 - 1 = 0.4717;
    // per follower 1 / 1.4717 - 1 = -0.3205; 0 < 0.5 * 0.4717, so it did not follow.
    assert_eq!(e.engagement_change, 0.0);
    assert!((e.follower_change - 0.471_698).abs() < 1e-6);
    assert!((e.per_follower_change + 0.320_513).abs() < 1e-6);
    assert!(!e.followed);
}

#[test]
fn a_jump_engagement_follows_is_marked_as_followed() {
    let points = history(&JUMP);
    let refs: Vec<&FollowerPoint> = points.iter().collect();
    // After: 180, 160, 150 -> median 160: change 0.6 >= 0.5 * 0.4717 = 0.2358.
    let posts = [
        post_on("2026-02-02", 100),
        post_on("2026-02-09", 110),
        post_on("2026-02-16", 90),
        post_on("2026-02-23", 180),
        post_on("2026-03-02", 160),
        post_on("2026-03-09", 150),
    ];
    let post_refs: Vec<&Post> = posts.iter().collect();
    let report = follower_spikes(&refs, &post_refs, &SpikeSettings::default());
    let e = report.spikes[0].engagement.as_ref().unwrap();
    assert!((e.engagement_change - 0.6).abs() < 1e-12);
    assert!(e.followed);
}

#[test]
fn too_few_posts_or_points_mean_not_enough_data() {
    let points = history(&JUMP);
    let refs: Vec<&FollowerPoint> = points.iter().collect();
    let report = follower_spikes(&refs, &[], &SpikeSettings::default());
    assert_eq!(report.spikes.len(), 1);
    assert!(report.spikes[0].engagement.is_none());
    let short = history(&[10, 20, 30]);
    let short_refs: Vec<&FollowerPoint> = short.iter().collect();
    let report = follower_spikes(&short_refs, &[], &SpikeSettings::default());
    assert!(!report.enough_data);
    assert!(report.spikes.is_empty());
}

#[test]
fn slower_growth_after_a_jump_is_not_a_loss() {
    // Weekly +100 on a bigger base after the jump has a negative z but is not a loss.
    let points = history(&JUMP);
    let refs: Vec<&FollowerPoint> = points.iter().collect();
    let report = follower_spikes(&refs, &[], &SpikeSettings::default());
    assert!(report
        .spikes
        .iter()
        .all(|s| s.direction == SpikeDirection::Gain));
}

#[test]
fn a_sudden_drop_is_a_loss() {
    let points = history(&[
        20_000, 20_100, 20_200, 20_300, 20_400, 20_500, 14_000, 14_100, 14_200,
    ]);
    let refs: Vec<&FollowerPoint> = points.iter().collect();
    let report = follower_spikes(&refs, &[], &SpikeSettings::default());
    assert_eq!(report.spikes.len(), 1);
    assert_eq!(report.spikes[0].direction, SpikeDirection::Loss);
    assert_eq!(report.spikes[0].interval.change, -6_500);
}

#[test]
fn following_ratio_hand_checked() {
    // 1,500 following / 1,200 followers = 1.25
    assert_eq!(following_to_followers_ratio(Some(1_500), 1_200), Some(1.25));
    assert_eq!(following_to_followers_ratio(None, 1_200), None);
    assert_eq!(following_to_followers_ratio(Some(10), 0), None);
}

#[test]
fn a_viral_post_within_three_days_explains_the_jump() {
    // The jump is 2026-02-16 -> 2026-02-23. Interactions 100, 104, 96, 102, 98, 500: median 101,
    // deviations 1, 3, 5, 1, 3, 399 -> MAD 3, scale 4.4478; z(500) = 399 / 4.4478 = 89.7.
    let points = history(&JUMP);
    let refs: Vec<&FollowerPoint> = points.iter().collect();
    let dates = [
        "2026-01-20",
        "2026-01-27",
        "2026-02-03",
        "2026-02-10",
        "2026-03-02",
    ];
    let counts = [100, 104, 96, 102, 98];
    let mut posts: Vec<Post> = dates
        .iter()
        .zip(counts)
        .map(|(d, c)| post_on(d, c))
        .collect();
    posts.push(post_on("2026-02-25", 500)); // two days after the interval's end
    let post_refs: Vec<&Post> = posts.iter().collect();
    let report = follower_spikes(&refs, &post_refs, &SpikeSettings::default());
    let spike = report.spikes.first().expect("the jump");
    let cause = spike.explained_by.as_ref().expect("explained");
    assert_eq!((cause.date, cause.interactions), (day("2026-02-25"), 500));
    assert_eq!(cause.median_interactions, 101.0);
    assert!((cause.robust_z - 89.707).abs() < 1e-3, "{}", cause.robust_z);
    // Four days after the end is too far: nothing explains it.
    posts.last_mut().unwrap().date = day("2026-02-27");
    let post_refs: Vec<&Post> = posts.iter().collect();
    let report = follower_spikes(&refs, &post_refs, &SpikeSettings::default());
    assert_eq!(
        report.spikes.first().and_then(|s| s.explained_by.as_ref()),
        None
    );
}
