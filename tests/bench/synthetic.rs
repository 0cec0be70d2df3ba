//! The synthetic workspace the native benchmarks share: `creators` creators with
//! `posts_per_creator` posts each and half a year of weekly follower counts.

use chrono::{Duration, NaiveDate};

use microplan_model::random::SplitMix64;
use microplan_model::rows::{Creator, FollowerPoint, PipelineStatus, Post};
use microplan_workspace::Workspace;

pub fn synthetic_workspace(creators: usize, posts_per_creator: usize) -> Workspace {
    let mut rng = SplitMix64::new(42);
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let mut workspace = Workspace::empty("scale");
    for c in 0..creators {
        let handle = format!("creator_{c:05}");
        let followers = rng.range_u64(1_000, 400_000);
        workspace.creators.push(Creator {
            handle: handle.clone(),
            platform: "instagram".into(),
            display_name: None,
            followers,
            following: Some(rng.range_u64(100, 2_000)),
            categories: vec![],
            communities: vec![],
            country: None,
            fee: None,
            contact: None,
            status: PipelineStatus::Prospect,
            account_created: None,
            audience: Default::default(),
        });
        for p in 0..posts_per_creator {
            let likes = (followers as f64 * rng.range_f64(0.01, 0.06)) as u64;
            workspace.posts.push(Post {
                handle: handle.clone(),
                post_id: format!("{handle}-{p}"),
                date: start + Duration::days((p * 5) as i64),
                format: "reel".into(),
                likes,
                comments: likes / 30,
                views: Some(followers / 2),
                reach: Some(followers / 3),
                impressions: None,
                shares: Some(likes / 50),
                saves: Some(likes / 20),
                sponsored: p % 9 == 4,
                disclosure: (p % 9 == 4).then_some(true),
                topics: vec!["sourdough".into()],
            });
        }
        for week in 0..26 {
            workspace.follower_history.push(FollowerPoint {
                handle: handle.clone(),
                date: start + Duration::weeks(week),
                followers: followers + (week as u64) * rng.range_u64(10, 200),
            });
        }
    }
    workspace
}
