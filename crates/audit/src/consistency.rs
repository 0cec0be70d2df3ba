//! Posting consistency, disclosure habits on sponsored posts and category specificity.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::numbers::{days_between, median, ratio};
use microplan_model::rows::Post;

/// Cadence looks at posts from the last this-many weeks before the most recent post.
pub const CADENCE_WEEKS: i64 = 26;
/// Topic and target words shorter than this never match by containment.
const MIN_MATCH_CHARS: usize = 3;

/// How regularly a creator posts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PostingCadence {
    /// Posts in the cadence window (the last 26 weeks of posting).
    pub posts: usize,
    /// Median days between consecutive posts.
    pub median_gap_days: Option<f64>,
    pub longest_gap_days: Option<i64>,
    /// `(posts - 1) / days from first to last post * 7`.
    pub posts_per_week: Option<f64>,
    /// Weeks from the first to the last post, counted from the first post's date.
    pub weeks_spanned: usize,
    pub weeks_with_posts: usize,
    /// `weeks_with_posts / weeks_spanned`: the consistency score's input.
    pub active_week_share: Option<f64>,
}

/// Posting cadence over the last [`CADENCE_WEEKS`] weeks of posting: gaps in days between
/// consecutive posts (median and longest), posts per week, and the share of weeks (7-day
/// blocks counted from the first post) with at least one post. Needs two posts.
pub fn posting_cadence(posts: &[&Post]) -> PostingCadence {
    let mut dates: Vec<NaiveDate> = posts.iter().map(|p| p.date).collect();
    dates.sort();
    let Some(last) = dates.last().copied() else {
        return PostingCadence::default();
    };
    let from = last
        .checked_sub_signed(Duration::weeks(CADENCE_WEEKS))
        .unwrap_or(last);
    dates.retain(|d| *d > from);
    let (Some(first), true) = (dates.first().copied(), dates.len() >= 2) else {
        return PostingCadence {
            posts: dates.len(),
            ..PostingCadence::default()
        };
    };
    let gaps: Vec<i64> = dates
        .windows(2)
        .filter_map(|w| Some(days_between(*w.first()?, *w.get(1)?)))
        .collect();
    let gap_values: Vec<f64> = gaps.iter().map(|g| *g as f64).collect();
    let span_days = days_between(first, last);
    let mut weeks: Vec<i64> = dates.iter().map(|d| days_between(first, *d) / 7).collect();
    weeks.dedup();
    let weeks_spanned = usize::try_from(span_days / 7 + 1).unwrap_or(0);
    PostingCadence {
        posts: dates.len(),
        median_gap_days: median(&gap_values),
        longest_gap_days: gaps.iter().copied().max(),
        posts_per_week: (span_days > 0).then(|| (dates.len() - 1) as f64 / span_days as f64 * 7.0),
        weeks_spanned,
        weeks_with_posts: weeks.len(),
        active_week_share: ratio(weeks.len() as u64, weeks_spanned as u64),
    }
}

/// Disclosure on past sponsored posts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DisclosureHabits {
    pub sponsored: usize,
    pub disclosed: usize,
    pub undisclosed: usize,
    /// Sponsored posts whose disclosure is not known.
    pub unknown: usize,
    /// `disclosed / (disclosed + undisclosed)`; `None` when no sponsored post has a known
    /// disclosure.
    pub disclosed_share: Option<f64>,
    pub undisclosed_post_ids: Vec<String>,
}

/// Counts disclosure on sponsored posts: share = disclosed / (disclosed + undisclosed).
pub fn disclosure_habits(posts: &[&Post]) -> DisclosureHabits {
    let mut habits = DisclosureHabits::default();
    for post in posts.iter().filter(|p| p.sponsored) {
        habits.sponsored += 1;
        match post.disclosure {
            Some(true) => habits.disclosed += 1,
            Some(false) => {
                habits.undisclosed += 1;
                habits.undisclosed_post_ids.push(post.post_id.clone());
            }
            None => habits.unknown += 1,
        }
    }
    habits.disclosed_share = ratio(
        habits.disclosed as u64,
        (habits.disclosed + habits.undisclosed) as u64,
    );
    habits
}

/// How much of the recent feed is in the target categories.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CategorySpecificity {
    /// Recent posts that carry at least one topic tag.
    pub posts_with_topics: usize,
    pub matching_posts: usize,
    /// `matching_posts / posts_with_topics`.
    pub share: Option<f64>,
}

fn normalise_tag(tag: &str) -> String {
    tag.trim().trim_start_matches('#').to_lowercase()
}

/// Whether a topic tag matches a target category: equal after trimming, lowercasing and
/// dropping `#`, or one contains the other (both at least 3 characters).
pub fn topic_matches(topic: &str, target: &str) -> bool {
    let (topic, target) = (normalise_tag(topic), normalise_tag(target));
    if topic.is_empty() || target.is_empty() {
        return false;
    }
    topic == target
        || (topic.chars().count() >= MIN_MATCH_CHARS
            && target.chars().count() >= MIN_MATCH_CHARS
            && (topic.contains(&target) || target.contains(&topic)))
}

/// Category specificity: share of recent posts with topic tags whose topics match a target
/// category. Posts without tags are unknown, not off-topic; no targets or no tagged posts give
/// `None`.
pub fn category_specificity(recent: &[&Post], targets: &[String]) -> CategorySpecificity {
    let targets: Vec<&String> = targets.iter().filter(|t| !t.trim().is_empty()).collect();
    let tagged: Vec<&&Post> = recent
        .iter()
        .filter(|p| p.topics.iter().any(|t| !t.trim().is_empty()))
        .collect();
    let matching = tagged
        .iter()
        .filter(|p| {
            p.topics
                .iter()
                .any(|topic| targets.iter().any(|target| topic_matches(topic, target)))
        })
        .count();
    CategorySpecificity {
        posts_with_topics: tagged.len(),
        matching_posts: matching,
        share: if targets.is_empty() {
            None
        } else {
            ratio(matching as u64, tagged.len() as u64)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engagement::tests::post;

    #[test]
    fn cadence_hand_checked() {
        // Posts on March 1, 3, 10, 12, 29: gaps 2, 7, 2, 17 -> median (2 + 7) / 2 = 4.5,
        // longest 17; span 28 days -> 4 posts after the first / 28 * 7 = 1 post a week.
        // Weeks from March 1: 0, 0, 1, 1, 4 -> 3 of 5 weeks have a post = 0.6.
        let posts: Vec<Post> = [1, 3, 10, 12, 29]
            .iter()
            .map(|d| post("p", *d, 1, 0))
            .collect();
        let refs: Vec<&Post> = posts.iter().collect();
        let cadence = posting_cadence(&refs);
        assert_eq!(cadence.posts, 5);
        assert_eq!(cadence.median_gap_days, Some(4.5));
        assert_eq!(cadence.longest_gap_days, Some(17));
        assert!((cadence.posts_per_week.unwrap() - 1.0).abs() < 1e-12);
        assert_eq!((cadence.weeks_with_posts, cadence.weeks_spanned), (3, 5));
        assert_eq!(cadence.active_week_share, Some(0.6));
    }

    #[test]
    fn cadence_needs_two_posts() {
        let one = [post("p", 1, 1, 0)];
        let refs: Vec<&Post> = one.iter().collect();
        assert_eq!(posting_cadence(&refs).active_week_share, None);
        assert_eq!(posting_cadence(&[]).posts, 0);
        // Two posts on the same day: one week spanned, one active, no posting rate.
        let same = [post("a", 1, 1, 0), post("b", 1, 1, 0)];
        let refs: Vec<&Post> = same.iter().collect();
        let cadence = posting_cadence(&refs);
        assert_eq!(
            (cadence.active_week_share, cadence.posts_per_week),
            (Some(1.0), None)
        );
    }

    #[test]
    fn disclosure_hand_checked() {
        // 4 sponsored: 2 disclosed, 1 not, 1 unknown -> 2 / 3 = 0.667; organic posts ignored.
        let mut posts: Vec<Post> = (1..=5).map(|d| post(&format!("p{d}"), d, 1, 0)).collect();
        for (p, disclosure) in posts
            .iter_mut()
            .zip([Some(true), Some(true), Some(false), None])
        {
            p.sponsored = true;
            p.disclosure = disclosure;
        }
        let refs: Vec<&Post> = posts.iter().collect();
        let habits = disclosure_habits(&refs);
        assert_eq!(
            (
                habits.sponsored,
                habits.disclosed,
                habits.undisclosed,
                habits.unknown
            ),
            (4, 2, 1, 1)
        );
        assert!((habits.disclosed_share.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(habits.undisclosed_post_ids, vec!["p3".to_string()]);
        assert_eq!(disclosure_habits(&[]).disclosed_share, None);
    }

    #[test]
    fn category_specificity_hand_checked() {
        // Topics: "Sourdough", "#sourdough starter", "race report", none -> 3 tagged posts,
        // 2 match "sourdough" -> 2 / 3.
        let mut posts: Vec<Post> = (1..=4).map(|d| post(&format!("p{d}"), d, 1, 0)).collect();
        posts[0].topics = vec!["Sourdough".into()];
        posts[1].topics = vec!["#sourdough starter".into()];
        posts[2].topics = vec!["race report".into()];
        let refs: Vec<&Post> = posts.iter().collect();
        let targets = vec!["sourdough".to_string()];
        let fit = category_specificity(&refs, &targets);
        assert_eq!((fit.posts_with_topics, fit.matching_posts), (3, 2));
        assert!((fit.share.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(category_specificity(&refs, &[]).share, None);
        assert!(!topic_matches("a", "bake"));
        assert!(topic_matches("Trail Running", "trail running"));
    }
}
