//! Scoring throughput, natively: audit 5,000 creators x 30 posts, and analyse 900,000 raw
//! comments (1,000 creators x 900). Prints figures; asserts nothing about speed.

use std::time::Instant;

use chrono::{Duration, NaiveDate};

use microplan::domain::audit::comments::{analyze_comments, CommentSettings, RawComment};
use microplan::domain::audit::{audit_workspace, AuditSettings};
use microplan::domain::random::SplitMix64;
use microplan::domain::workspace::{Creator, FollowerPoint, PipelineStatus, Post, Workspace};

fn synthetic_workspace(creators: usize, posts_per_creator: usize) -> Workspace {
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

fn audit_of_5000_creators_with_30_posts() {
    let workspace = synthetic_workspace(5_000, 30);
    let clock = Instant::now();
    let audits = audit_workspace(&workspace, &AuditSettings::default());
    let elapsed = clock.elapsed();
    println!(
        "audit of {} creators x 30 posts: {:.0} ms ({:.0} creators/s)",
        audits.len(),
        elapsed.as_secs_f64() * 1000.0,
        audits.len() as f64 / elapsed.as_secs_f64().max(1e-9)
    );
}

fn comment_analysis_of_900k_comments() {
    const TEXTS: [&str; 8] = [
        "nice pic",
        "love this!!",
        "🔥🔥",
        "What flour do you use for the rye?",
        "so cute",
        "the crumb on this loaf is unreal, how long was the bulk",
        "Génial",
        "great shot of the ridge",
    ];
    let mut rng = SplitMix64::new(7);
    let creators: Vec<Vec<RawComment>> = (0..1_000)
        .map(|_| {
            (0..900)
                .map(|i| RawComment {
                    post_id: format!("p{}", i / 30),
                    comment_id: Some(format!("c{i}")),
                    commenter: format!("user{}", rng.range_u64(0, 400)),
                    text: format!(
                        "{} {}",
                        rng.pick(&TEXTS).copied().unwrap_or(""),
                        if i % 3 == 0 { format!("#{i}") } else { String::new() }
                    ),
                    is_creator_reply: i % 10 == 0,
                    parent: (i % 10 == 0).then(|| format!("c{}", i - 1)),
                })
                .collect()
        })
        .collect();
    let settings = CommentSettings { salt: "bench".into(), ..CommentSettings::default() };
    let clock = Instant::now();
    let mut summaries = 0;
    for (index, rows) in creators.iter().enumerate() {
        summaries += analyze_comments(&format!("creator_{index}"), rows, &settings).summaries.len();
    }
    let elapsed = clock.elapsed().as_secs_f64();
    println!(
        "comment analysis of 900,000 comments into {summaries} post summaries: {:.0} ms ({:.0} comments/s)",
        elapsed * 1000.0,
        900_000.0 / elapsed.max(1e-9)
    );
}

fn main() {
    audit_of_5000_creators_with_30_posts();
    comment_analysis_of_900k_comments();
}
