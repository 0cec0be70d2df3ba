//! Engagement metrics for one post and over a creator's most recent posts.
//!
//! Documented choice: **engagement counts likes plus comments only**. Shares and saves are
//! not reported by every platform or export, so including them would make creators with and
//! without those columns incomparable, and published tier benchmarks mostly use likes plus
//! comments. Shares and saves get their own rates below.
//!
//! Over several posts, engagement rates are averaged per post (mean and median of the per-post
//! rates); ratios of two counts (comment-to-like, share, save, comment-to-view) are pooled:
//! the sum of the numerators over the sum of the denominators across posts where both are
//! present, so one post with a single like cannot swing them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::interval_memo::IntervalMemo;
use super::numbers::{mean, median, ratio};
use super::uncertainty::RateInterval;
use microplan_model::rows::Post;

/// Default number of most recent posts the audit looks at.
pub const DEFAULT_RECENT_POSTS: usize = 12;

/// Likes plus comments of one post (saturating at `u64::MAX`).
pub fn interactions(post: &Post) -> u64 {
    post.likes.saturating_add(post.comments)
}

/// Engagement rate by followers for one post: `(likes + comments) / followers`.
/// `None` when the follower count is zero.
pub fn engagement_rate_by_followers(post: &Post, followers: u64) -> Option<f64> {
    ratio(interactions(post), followers)
}

/// Engagement rate by reach for one post: `(likes + comments) / reach`; `None` without reach.
pub fn engagement_rate_by_reach(post: &Post) -> Option<f64> {
    ratio(interactions(post), post.reach?)
}

/// Engagement rate by views for one post: `(likes + comments) / views`; `None` without views.
pub fn engagement_rate_by_views(post: &Post) -> Option<f64> {
    ratio(interactions(post), post.views?)
}

/// Comment-to-like ratio of one post: `comments / likes`; `None` when there are no likes.
pub fn comment_to_like_ratio(post: &Post) -> Option<f64> {
    ratio(post.comments, post.likes)
}

/// Accounts a post reached: `reach` where known, otherwise `views`.
pub fn audience_reached(post: &Post) -> Option<u64> {
    post.reach.or(post.views)
}

/// Share rate of one post: `shares / reach` (views when reach is missing).
pub fn share_rate(post: &Post) -> Option<f64> {
    ratio(post.shares?, audience_reached(post)?)
}

/// Save rate of one post: `saves / reach` (views when reach is missing).
pub fn save_rate(post: &Post) -> Option<f64> {
    ratio(post.saves?, audience_reached(post)?)
}

/// Comment-to-view ratio of one post: `comments / views`; `None` without views.
pub fn comment_to_view_ratio(post: &Post) -> Option<f64> {
    ratio(post.comments, post.views?)
}

/// The `n` most recent posts, newest first (ties broken by post id, so the choice is stable).
pub fn recent_posts<'a>(posts: &[&'a Post], n: usize) -> Vec<&'a Post> {
    let mut sorted: Vec<&Post> = posts.to_vec();
    sorted.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.post_id.cmp(&a.post_id)));
    sorted.truncate(n.max(1));
    sorted
}

/// One post's engagement, for the chart of engagement per post against the tier band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostEngagement {
    pub post_id: String,
    pub date: NaiveDate,
    pub rate_by_followers: Option<f64>,
    pub rate_by_reach: Option<f64>,
    pub rate_by_views: Option<f64>,
}

/// Engagement over a creator's most recent posts. Every rate is a fraction; `None` means
/// "not enough data" (no posts, zero followers, or the column is missing).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EngagementSummary {
    /// Posts looked at (at most the configured number of recent posts).
    pub posts_used: usize,
    /// All posts the creator has in the workspace.
    pub posts_available: usize,
    pub mean_rate_by_followers: Option<f64>,
    pub median_rate_by_followers: Option<f64>,
    /// 95% interval for the mean rate by followers (see `uncertainty`).
    pub mean_rate_interval: Option<RateInterval>,
    pub mean_rate_by_reach: Option<f64>,
    pub median_rate_by_reach: Option<f64>,
    pub posts_with_reach: usize,
    pub mean_rate_by_views: Option<f64>,
    pub median_rate_by_views: Option<f64>,
    pub posts_with_views: usize,
    /// Pooled `sum(comments) / sum(likes)`.
    pub comment_to_like_ratio: Option<f64>,
    /// Pooled `sum(shares) / sum(reach or views)` over posts with both.
    pub share_rate: Option<f64>,
    /// Pooled `sum(saves) / sum(reach or views)` over posts with both.
    pub save_rate: Option<f64>,
    /// Pooled `sum(comments) / sum(views)` over posts with views.
    pub comment_to_view_ratio: Option<f64>,
    /// Median of `reach / followers` (views where reach is missing) per post.
    pub median_reach_rate: Option<f64>,
    pub posts: Vec<PostEngagement>,
}

/// Pooled ratio `sum(numerator) / sum(denominator)` over posts where both are present.
fn pooled(posts: &[&Post], parts: impl Fn(&Post) -> Option<(u64, u64)>) -> Option<f64> {
    let (mut top, mut bottom) = (0.0_f64, 0.0_f64);
    for post in posts {
        if let Some((numerator, denominator)) = parts(post) {
            top += numerator as f64;
            bottom += denominator as f64;
        }
    }
    super::numbers::ratio_f64(top, bottom)
}

/// Summarises engagement over the `recent` most recent posts (N, default 12, newest by date)
/// for a creator with `followers` followers. The interval on the mean rate by followers uses
/// `resamples` bootstrap draws seeded with `seed`, or the same interval remembered in `intervals`.
pub fn summarise_engagement(
    posts: &[&Post],
    followers: u64,
    recent: usize,
    resamples: usize,
    seed: u64,
    intervals: &mut IntervalMemo,
) -> EngagementSummary {
    let used = recent_posts(posts, recent);
    let by_followers: Vec<f64> = used
        .iter()
        .filter_map(|p| engagement_rate_by_followers(p, followers))
        .collect();
    let by_reach: Vec<f64> = used
        .iter()
        .filter_map(|p| engagement_rate_by_reach(p))
        .collect();
    let by_views: Vec<f64> = used
        .iter()
        .filter_map(|p| engagement_rate_by_views(p))
        .collect();
    let reach_rates: Vec<f64> = used
        .iter()
        .filter_map(|p| ratio(audience_reached(p)?, followers))
        .collect();
    EngagementSummary {
        posts_used: used.len(),
        posts_available: posts.len(),
        mean_rate_by_followers: mean(&by_followers),
        median_rate_by_followers: median(&by_followers),
        mean_rate_interval: intervals.mean_rate_interval(&by_followers, resamples, seed),
        mean_rate_by_reach: mean(&by_reach),
        median_rate_by_reach: median(&by_reach),
        posts_with_reach: by_reach.len(),
        mean_rate_by_views: mean(&by_views),
        median_rate_by_views: median(&by_views),
        posts_with_views: by_views.len(),
        comment_to_like_ratio: pooled(&used, |p| Some((p.comments, p.likes))),
        share_rate: pooled(&used, |p| Some((p.shares?, audience_reached(p)?))),
        save_rate: pooled(&used, |p| Some((p.saves?, audience_reached(p)?))),
        comment_to_view_ratio: pooled(&used, |p| Some((p.comments, p.views?))),
        median_reach_rate: median(&reach_rates),
        posts: used
            .iter()
            .map(|p| PostEngagement {
                post_id: p.post_id.clone(),
                date: p.date,
                rate_by_followers: engagement_rate_by_followers(p, followers),
                rate_by_reach: engagement_rate_by_reach(p),
                rate_by_views: engagement_rate_by_views(p),
            })
            .collect(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn post(id: &str, day: u32, likes: u64, comments: u64) -> Post {
        Post {
            handle: "tester".into(),
            post_id: id.into(),
            date: NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
            format: "feed".into(),
            likes,
            comments,
            views: None,
            reach: None,
            impressions: None,
            shares: None,
            saves: None,
            sponsored: false,
            disclosure: None,
            topics: vec![],
        }
    }

    #[test]
    fn per_post_rates_hand_checked() {
        let mut p = post("a", 1, 480, 20);
        p.reach = Some(4_000);
        p.views = Some(10_000);
        p.shares = Some(40);
        p.saves = Some(100);
        // (480 + 20) / 10,000 followers = 0.05
        assert_eq!(engagement_rate_by_followers(&p, 10_000), Some(0.05));
        // 500 / 4,000 reach = 0.125
        assert_eq!(engagement_rate_by_reach(&p), Some(0.125));
        // 500 / 10,000 views = 0.05
        assert_eq!(engagement_rate_by_views(&p), Some(0.05));
        // 20 / 480 = 0.041667
        assert!((comment_to_like_ratio(&p).unwrap() - 0.041_666_7).abs() < 1e-6);
        // 40 shares / 4,000 reach = 0.01; 100 saves / 4,000 = 0.025; 20 comments / 10,000 views
        assert_eq!(share_rate(&p), Some(0.01));
        assert_eq!(save_rate(&p), Some(0.025));
        assert_eq!(comment_to_view_ratio(&p), Some(0.002));
    }

    #[test]
    fn missing_inputs_are_none_not_zero() {
        let p = post("a", 1, 0, 0);
        assert_eq!(engagement_rate_by_followers(&p, 0), None);
        assert_eq!(engagement_rate_by_reach(&p), None);
        assert_eq!(comment_to_like_ratio(&p), None);
        assert_eq!(share_rate(&p), None);
        let mut views_only = post("b", 1, 10, 1);
        views_only.views = Some(200);
        views_only.shares = Some(4);
        // No reach: the share rate falls back to views, 4 / 200 = 0.02.
        assert_eq!(share_rate(&views_only), Some(0.02));
    }

    #[test]
    fn summary_uses_the_most_recent_posts_hand_checked() {
        // Followers 1,000. Posts on days 1..=4 with 10, 20, 30, 100 interactions; N = 3 keeps
        // days 2, 3, 4: rates 0.02, 0.03, 0.10 -> mean 0.05, median 0.03.
        let posts = [
            post("d1", 1, 10, 0),
            post("d2", 2, 18, 2),
            post("d3", 3, 27, 3),
            post("d4", 4, 90, 10),
        ];
        let refs: Vec<&Post> = posts.iter().collect();
        let summary = summarise_engagement(&refs, 1_000, 3, 500, 1, &mut IntervalMemo::default());
        assert_eq!(summary.posts_used, 3);
        assert_eq!(summary.posts_available, 4);
        assert!((summary.mean_rate_by_followers.unwrap() - 0.05).abs() < 1e-12);
        assert!((summary.median_rate_by_followers.unwrap() - 0.03).abs() < 1e-12);
        // Pooled comment-to-like: (2 + 3 + 10) / (18 + 27 + 90) = 15 / 135 = 0.1111
        assert!((summary.comment_to_like_ratio.unwrap() - 0.111_111).abs() < 1e-6);
        assert_eq!(
            summary.posts.first().map(|p| p.post_id.as_str()),
            Some("d4")
        );
        assert_eq!(summary.mean_rate_by_reach, None);
        let interval = summary.mean_rate_interval.unwrap();
        assert!(interval.low <= 0.05 && 0.05 <= interval.high);
    }

    #[test]
    fn empty_posts_give_not_enough_data() {
        let summary = summarise_engagement(&[], 1_000, 12, 100, 1, &mut IntervalMemo::default());
        assert_eq!(summary.posts_used, 0);
        assert_eq!(summary.mean_rate_by_followers, None);
        assert_eq!(summary.mean_rate_interval, None);
    }
}
