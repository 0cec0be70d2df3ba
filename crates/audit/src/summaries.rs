//! Comment quality and community embeddedness from the stored per-post comment summaries.
//!
//! Shares are pooled over posts, weighted by each post's comment count:
//! `specific share = sum(specific_share * total) / sum(total)` (likewise for generic, emoji and
//! duplicates), so a post with 2 comments counts less than one with 200.

use serde::{Deserialize, Serialize};

use super::numbers::{clamp, ratio, ratio_f64};
use microplan_model::rows::CommentSummary;

/// Comment totals over a creator's recent posts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentTotals {
    /// Posts with a summary.
    pub posts: usize,
    /// Audience comments across them.
    pub comments: u64,
    pub specific_share: f64,
    pub generic_share: f64,
    pub emoji_share: f64,
    pub duplicate_share: f64,
    /// `sum(creator_replies) / sum(total)`: creator replies per audience comment.
    pub creator_reply_rate: Option<f64>,
    /// Share of posts whose deepest thread has at least two levels (a conversation).
    pub conversation_share: Option<f64>,
    pub max_thread_depth: u32,
    /// `sum(distinct_commenters) / sum(total)` (1 = every comment from a different account).
    pub distinct_commenter_ratio: Option<f64>,
}

/// A share clamped to [0, 1]; 0 when it is not a number.
pub(crate) fn share(value: f64) -> f64 {
    if value.is_finite() {
        clamp(value, 0.0, 1.0)
    } else {
        0.0
    }
}

/// Pools the summaries (see module docs); `None` when they hold no comment at all.
pub fn comment_totals(summaries: &[&CommentSummary]) -> Option<CommentTotals> {
    let comments: u64 = summaries
        .iter()
        .fold(0u64, |sum, s| sum.saturating_add(s.total));
    if comments == 0 {
        return None;
    }
    let pooled = |part: fn(&CommentSummary) -> f64| -> f64 {
        let weighted: f64 = summaries
            .iter()
            .map(|s| share(part(s)) * s.total as f64)
            .sum();
        share(ratio_f64(weighted, comments as f64).unwrap_or(0.0))
    };
    let replies = summaries
        .iter()
        .fold(0u64, |sum, s| sum.saturating_add(s.creator_replies));
    let distinct = summaries
        .iter()
        .fold(0u64, |sum, s| sum.saturating_add(s.distinct_commenters));
    let conversations = summaries.iter().filter(|s| s.max_thread_depth >= 2).count();
    Some(CommentTotals {
        posts: summaries.len(),
        comments,
        specific_share: pooled(|s| s.specific_share),
        generic_share: pooled(|s| s.generic_share),
        emoji_share: pooled(|s| s.emoji_share),
        duplicate_share: pooled(|s| s.duplicate_share),
        creator_reply_rate: ratio(replies, comments),
        conversation_share: ratio(conversations as u64, summaries.len() as u64),
        max_thread_depth: summaries
            .iter()
            .map(|s| s.max_thread_depth)
            .max()
            .unwrap_or(0),
        distinct_commenter_ratio: ratio(distinct, comments),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn summary(
        total: u64,
        specific: f64,
        generic: f64,
        duplicate: f64,
        replies: u64,
        depth: u32,
    ) -> CommentSummary {
        CommentSummary {
            handle: "tester".into(),
            post_id: format!("p{total}"),
            total,
            generic_share: generic,
            emoji_share: (1.0 - specific - generic).max(0.0),
            specific_share: specific,
            duplicate_share: duplicate,
            distinct_commenters: total,
            creator_replies: replies,
            max_thread_depth: depth,
        }
    }

    #[test]
    fn pooled_shares_hand_checked() {
        // 10 comments at 60% specific and 30 at 20%: (6 + 6) / 40 = 0.3 specific.
        // Duplicates 0.1 and 0.5: (1 + 15) / 40 = 0.4. Replies (2 + 4) / 40 = 0.15.
        // Depths 3 and 1: one of two posts has a conversation = 0.5.
        let a = summary(10, 0.6, 0.3, 0.1, 2, 3);
        let b = summary(30, 0.2, 0.7, 0.5, 4, 1);
        let totals = comment_totals(&[&a, &b]).unwrap();
        assert_eq!(totals.comments, 40);
        assert!((totals.specific_share - 0.3).abs() < 1e-12);
        assert!((totals.duplicate_share - 0.4).abs() < 1e-12);
        assert_eq!(totals.creator_reply_rate, Some(0.15));
        assert_eq!(totals.conversation_share, Some(0.5));
        assert_eq!(totals.max_thread_depth, 3);
    }

    #[test]
    fn no_comments_is_not_enough_data() {
        assert_eq!(comment_totals(&[]), None);
        let empty = summary(0, 0.0, 0.0, 0.0, 0, 0);
        assert_eq!(comment_totals(&[&empty]), None);
    }
}
