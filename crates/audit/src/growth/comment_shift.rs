//! How comment quality changed around a follower gain: the comment summaries of posts in the
//! window before the change against those in the window after it.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::SpikeWindows;
use crate::summaries::{comment_totals, share};
use microplan_model::rows::CommentSummary;

/// Comment quality before and after a follower change (pooled as in [`comment_totals`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentShift {
    pub posts_before: usize,
    pub posts_after: usize,
    /// Generic + emoji-only share.
    pub low_effort_before: f64,
    pub low_effort_after: f64,
    pub duplicates_before: f64,
    pub duplicates_after: f64,
}

/// Compares the summaries of posts dated in `windows.before` with those in `windows.after`
/// (post dates from `post_dates`, keyed by post id); `None` unless both sides have comments.
pub fn comment_shift(
    summaries: &[&CommentSummary],
    post_dates: &HashMap<&str, NaiveDate>,
    windows: &SpikeWindows,
) -> Option<CommentShift> {
    let side = |(from, to): (NaiveDate, NaiveDate)| -> Vec<&CommentSummary> {
        summaries
            .iter()
            .copied()
            .filter(|s| {
                post_dates
                    .get(s.post_id.as_str())
                    .is_some_and(|d| *d >= from && *d <= to)
            })
            .collect()
    };
    let before = comment_totals(&side(windows.before))?;
    let after = comment_totals(&side(windows.after))?;
    Some(CommentShift {
        posts_before: before.posts,
        posts_after: after.posts,
        low_effort_before: share(before.generic_share + before.emoji_share),
        low_effort_after: share(after.generic_share + after.emoji_share),
        duplicates_before: before.duplicate_share,
        duplicates_after: after.duplicate_share,
    })
}
