//! Analysis of one creator's raw comments at import time.
//!
//! Input: comment rows (post, commenter, text, creator reply or not, parent). Output: one
//! [`CommentSummary`] per post (the only thing the workspace keeps), a few example comments as
//! evidence for the import screen, and repeat-commenter patterns.
//!
//! Privacy: raw comment text and third-party handles are never kept. Commenters are reduced to
//! [`commenter_key`], a salted FNV-1a hash, before any counting; the examples are for display
//! during the import only and must not be persisted.
//!
//! Definitions (audience comments are the rows that are not the creator's own replies):
//! - `total` = audience comments on the post; the three kind shares are fractions of it and
//!   sum to 1 (see `comment_text` for the kinds). A post with only the creator's own replies
//!   has `total` 0 and all shares 0 (the summary table has no empty value for them).
//! - `duplicate_share` = audience comments of the *specific* kind whose text has a duplicate
//!   or near-duplicate anywhere among the creator's specific audience comments (any post),
//!   over `total`. Short generic praise ("Love this", "Nice!") written by different people is
//!   normal on every account and is already measured as the generic share: it is never a
//!   duplicate. A sentence with content repeated word for word is.
//! - A row is the creator's own when the export says so (reply flag) or when its commenter is
//!   the creator's handle.
//! - `distinct_commenters` = distinct commenter keys among audience comments.
//! - `max_thread_depth`: a top-level comment has depth 1, a reply to it 2, and so on; a reply
//!   whose parent is not in the export counts as 2; 0 when the post has no comments. Without
//!   thread columns (no row names a parent) a creator reply counts as depth 2 when the post has
//!   audience comments: it answers one of them.
//! - **Answered posts**: posts where the creator answers a question. With thread columns, a
//!   creator row whose parent is an audience question on the same post; without them, a post
//!   with a creator reply and at least one audience question.
//! - Repeat commenters have audience comments on at least 2 posts. **Pod accounts** comment on
//!   at least [`POD_POST_SHARE`] of the analysed posts (3 posts at least) and at least
//!   [`POD_GENERIC_SHARE`] of their comments are generic or emoji-only. **Repeat advocates**
//!   comment on at least 2 posts and at least half of their comments are specific.

use serde::{Deserialize, Serialize};

use crate::comment_text::{content_words, CommentKind};
use crate::duplicates::{duplicate_flags, DEFAULT_NEAR_DUPLICATE_THRESHOLD};
use crate::fast_hash::{FastMap, FastSet};
use crate::numbers::{fnv1a, ratio};
use microplan_model::rows::CommentSummary;
use readings::Readings;
use threads::{answered_posts, rows_by_id, thread_depths};

mod readings;
mod threads;

/// A pod account comments on at least this share of the analysed posts.
pub const POD_POST_SHARE: f64 = 0.5;
/// ... and at least this share of its comments are generic or emoji-only.
pub const POD_GENERIC_SHARE: f64 = 2.0 / 3.0;
/// Pod analysis needs at least this many posts with comments.
pub const POD_MIN_POSTS: usize = 3;
/// Example comments kept per kind for the import screen.
pub const EXAMPLES_PER_KIND: usize = 3;
const EXAMPLE_MAX_CHARS: usize = 100;

/// One imported comment row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawComment {
    pub post_id: String,
    /// The comment's own id when the export has one (needed to follow `parent`).
    pub comment_id: Option<String>,
    pub commenter: String,
    pub text: String,
    pub is_creator_reply: bool,
    /// Id of the comment this one answers; `None` for a top-level comment.
    pub parent: Option<String>,
}

/// Settings of the comment analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentSettings {
    /// Secret salt of the commenter hashes (keep it per workspace).
    pub salt: String,
    /// Jaccard threshold of near-duplicates (default 0.8).
    pub near_duplicate_threshold: f64,
}

impl Default for CommentSettings {
    fn default() -> Self {
        CommentSettings {
            salt: String::new(),
            near_duplicate_threshold: DEFAULT_NEAR_DUPLICATE_THRESHOLD,
        }
    }
}

/// Salted commenter key: FNV-1a 64 over `salt`, a separator and the handle (trimmed,
/// lowercase, without `@`). Only this key is kept; the raw handle is never stored.
pub fn commenter_key(salt: &str, handle: &str) -> u64 {
    let handle = handle.trim().trim_start_matches('@');
    if handle
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        fnv1a(&[salt.as_bytes(), handle.to_lowercase().as_bytes()])
    } else {
        fnv1a(&[salt.as_bytes(), handle.as_bytes()])
    }
}

/// Example comments (shortened) per kind, shown at import time as evidence.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CommentExamples {
    pub emoji_only: Vec<String>,
    pub generic: Vec<String>,
    pub specific: Vec<String>,
    pub duplicated: Vec<String>,
}

/// One commenter's activity on the creator's posts, keyed by the salted hash only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommenterDigest {
    pub key: u64,
    pub posts: u32,
    pub comments: u32,
    pub specific: u32,
    pub generic_or_emoji: u32,
}

/// Repeat-commenter patterns of one creator: pods versus repeat advocates.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CommenterPatterns {
    /// Posts with at least one audience comment.
    pub posts_analysed: usize,
    pub audience_comments: u64,
    pub distinct_commenters: usize,
    pub repeat_commenters: usize,
    pub pod_accounts: usize,
    pub pod_comments: u64,
    /// `pod_comments / audience_comments`.
    pub pod_comment_share: Option<f64>,
    /// The most common pod comment that is pure lexicon praise ("nice pic"), normalised, for
    /// the evidence string; never a comment with content of its own.
    pub pod_typical_text: Option<String>,
    pub repeat_advocates: usize,
    /// `repeat_advocates / distinct_commenters`.
    pub advocate_share: Option<f64>,
    pub commenters: Vec<CommenterDigest>,
    /// Posts where the creator answers a question (module docs).
    #[serde(default)]
    pub answered_posts: usize,
    /// Comments written by the creator (reply flag or the creator's own handle).
    #[serde(default)]
    pub creator_comments: u64,
    /// Whether the export carried thread structure (parent ids).
    #[serde(default)]
    pub threaded: bool,
    /// The comment method that produced these counts ([`COMMENT_METHOD`]); 0 for analyses
    /// saved before the method had a number.
    #[serde(default)]
    pub method: u32,
}

/// Version of the comment analysis: 2 counts only specific texts as duplicates and reads
/// creator replies and answered questions (module docs).
pub const COMMENT_METHOD: u32 = 2;

/// Everything the import screen gets from a creator's comments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentAnalysis {
    pub summaries: Vec<CommentSummary>,
    pub examples: CommentExamples,
    pub patterns: CommenterPatterns,
}

#[derive(Default)]
struct PostTally {
    total: u64,
    emoji: u64,
    generic: u64,
    specific: u64,
    duplicates: u64,
    creator_replies: u64,
    commenters: FastSet<u64>,
    max_depth: u32,
}

struct Row {
    post: usize,
    key: u64,
    kind: CommentKind,
    /// Index of the row's text in the creator's distinct texts.
    text: usize,
    audience: bool,
    question: bool,
}

/// Analyses one creator's comments (rows of other creators should not be passed in).
pub fn analyse_comments(
    handle: &str,
    rows: &[RawComment],
    settings: &CommentSettings,
) -> CommentAnalysis {
    let mut post_ids: Vec<&str> = Vec::new();
    let mut post_index: FastMap<&str, usize> = FastMap::default();
    // Comment sections repeat praise, emoji and commenters a lot: each distinct raw text is
    // read once and each distinct handle hashed once (within this creator only).
    // Sized for every row being distinct, so neither map rehashes while it fills.
    let mut text_index: FastMap<&str, usize> =
        FastMap::with_capacity_and_hasher(rows.len(), Default::default());
    let mut readings = Readings::default();
    let mut keys: FastMap<&str, u64> =
        FastMap::with_capacity_and_hasher(rows.len(), Default::default());
    let creator_key = commenter_key(&settings.salt, handle);
    let parsed: Vec<Row> = rows
        .iter()
        .map(|row| {
            let next = post_ids.len();
            let post = *post_index.entry(row.post_id.as_str()).or_insert(next);
            if post == next {
                post_ids.push(row.post_id.as_str());
            }
            let text = *text_index
                .entry(row.text.as_str())
                .or_insert_with(|| readings.add(&row.text));
            let kind = readings.kind(text);
            let key = *keys
                .entry(row.commenter.as_str())
                .or_insert_with(|| commenter_key(&settings.salt, &row.commenter));
            let audience = !row.is_creator_reply && key != creator_key;
            Row {
                post,
                key,
                kind,
                text,
                audience,
                question: readings.is_question(text),
            }
        })
        .collect();
    let normalised = |row: &Row| readings.normalised(row.text);
    // Only specific texts can be duplicates (module docs).
    let audience_texts: Vec<&str> = parsed
        .iter()
        .map(|r| {
            if r.audience && r.kind == CommentKind::Specific {
                normalised(r)
            } else {
                ""
            }
        })
        .collect();
    let duplicated = duplicate_flags(&audience_texts, settings.near_duplicate_threshold);
    let threaded = rows
        .iter()
        .any(|r| r.parent.as_deref().is_some_and(|p| !p.is_empty()));
    let by_id = rows_by_id(rows);
    let depths = thread_depths(rows, &by_id);
    let answered = answered_posts(rows, &by_id, &parsed, post_ids.len(), threaded);

    let mut tallies: Vec<PostTally> = post_ids.iter().map(|_| PostTally::default()).collect();
    let mut examples = CommentExamples::default();
    for (index, (row, raw)) in parsed.iter().zip(rows).enumerate() {
        let Some(tally) = tallies.get_mut(row.post) else {
            continue;
        };
        tally.max_depth = tally.max_depth.max(depths.get(index).copied().unwrap_or(1));
        if !row.audience {
            tally.creator_replies += 1;
            continue;
        }
        tally.total += 1;
        tally.commenters.insert(row.key);
        let is_duplicate = duplicated.get(index).copied().unwrap_or(false);
        tally.duplicates += u64::from(is_duplicate);
        let list = match row.kind {
            CommentKind::EmojiOnly => {
                tally.emoji += 1;
                &mut examples.emoji_only
            }
            CommentKind::Generic => {
                tally.generic += 1;
                &mut examples.generic
            }
            CommentKind::Specific => {
                tally.specific += 1;
                &mut examples.specific
            }
        };
        add_example(list, &raw.text);
        if is_duplicate {
            add_example(&mut examples.duplicated, &raw.text);
        }
    }
    if !threaded {
        for tally in tallies
            .iter_mut()
            .filter(|t| t.creator_replies > 0 && t.total > 0)
        {
            tally.max_depth = tally.max_depth.max(2);
        }
    }
    let summaries = post_ids
        .iter()
        .zip(&tallies)
        .map(|(post_id, t)| CommentSummary {
            handle: handle.to_string(),
            post_id: post_id.to_string(),
            total: t.total,
            generic_share: ratio(t.generic, t.total).unwrap_or(0.0),
            emoji_share: ratio(t.emoji, t.total).unwrap_or(0.0),
            specific_share: ratio(t.specific, t.total).unwrap_or(0.0),
            duplicate_share: ratio(t.duplicates, t.total).unwrap_or(0.0),
            distinct_commenters: t.commenters.len() as u64,
            creator_replies: t.creator_replies,
            max_thread_depth: t.max_depth,
        })
        .collect();
    let mut patterns = commenter_patterns(&parsed, &normalised);
    patterns.answered_posts = answered;
    patterns.creator_comments = parsed.iter().filter(|r| !r.audience).count() as u64;
    patterns.threaded = threaded;
    patterns.method = COMMENT_METHOD;
    CommentAnalysis {
        summaries,
        examples,
        patterns,
    }
}

fn add_example(list: &mut Vec<String>, text: &str) {
    if list.len() >= EXAMPLES_PER_KIND {
        return;
    }
    let short: String = text.trim().chars().take(EXAMPLE_MAX_CHARS).collect();
    if !short.is_empty() && !list.contains(&short) {
        list.push(short);
    }
}

fn commenter_patterns<'a>(
    rows: &[Row],
    normalised: &impl Fn(&Row) -> &'a str,
) -> CommenterPatterns {
    // Flat tallies instead of a post set and a text list per commenter: hundreds of
    // commenters per creator would cost an allocation or two each.
    let mut by_key: FastMap<u64, CommenterDigest> =
        FastMap::with_capacity_and_hasher(rows.len(), Default::default());
    let mut commenter_posts: FastSet<(u64, usize)> =
        FastSet::with_capacity_and_hasher(rows.len(), Default::default());
    let mut posts_with_comments: FastSet<usize> = FastSet::default();
    let mut audience_comments = 0u64;
    for row in rows.iter().filter(|r| r.audience) {
        audience_comments += 1;
        posts_with_comments.insert(row.post);
        let digest = by_key.entry(row.key).or_insert_with(|| CommenterDigest {
            key: row.key,
            posts: 0,
            comments: 0,
            specific: 0,
            generic_or_emoji: 0,
        });
        if commenter_posts.insert((row.key, row.post)) {
            digest.posts = digest.posts.saturating_add(1);
        }
        digest.comments = digest.comments.saturating_add(1);
        if row.kind == CommentKind::Specific {
            digest.specific = digest.specific.saturating_add(1);
        } else {
            digest.generic_or_emoji = digest.generic_or_emoji.saturating_add(1);
        }
    }
    let posts_analysed = posts_with_comments.len();
    let mut patterns = CommenterPatterns {
        posts_analysed,
        audience_comments,
        ..Default::default()
    };
    let mut pod_keys: FastSet<u64> = FastSet::default();
    let mut commenters: Vec<CommenterDigest> = Vec::with_capacity(by_key.len());
    for digest in by_key.into_values() {
        let repeat = digest.posts >= 2;
        patterns.repeat_commenters += usize::from(repeat);
        let on_most_posts = posts_analysed >= POD_MIN_POSTS
            && f64::from(digest.posts) >= POD_POST_SHARE * posts_analysed as f64;
        let generic_share = f64::from(digest.generic_or_emoji) / f64::from(digest.comments.max(1));
        if on_most_posts && generic_share >= POD_GENERIC_SHARE - 1e-12 {
            patterns.pod_accounts += 1;
            patterns.pod_comments += u64::from(digest.comments);
            pod_keys.insert(digest.key);
        } else if repeat && 2 * digest.specific >= digest.comments {
            patterns.repeat_advocates += 1;
        }
        commenters.push(digest);
    }
    let mut pod_texts: FastMap<&str, u64> = FastMap::default();
    if !pod_keys.is_empty() {
        // Only pure lexicon praise ("nice pic") is quoted: never a personal text.
        let praise = rows
            .iter()
            .filter(|r| r.audience && r.kind == CommentKind::Generic && pod_keys.contains(&r.key));
        for text in praise.map(normalised).filter(|t| !t.is_empty()) {
            if content_words(text).is_empty() {
                *pod_texts.entry(text).or_insert(0) += 1;
            }
        }
    }
    commenters.sort_by(|a, b| b.comments.cmp(&a.comments).then(a.key.cmp(&b.key)));
    patterns.distinct_commenters = commenters.len();
    patterns.pod_comment_share = ratio(patterns.pod_comments, audience_comments);
    patterns.advocate_share = ratio(patterns.repeat_advocates as u64, commenters.len() as u64);
    patterns.pod_typical_text = pod_texts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(text, _)| text.to_string());
    patterns.commenters = commenters;
    patterns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commenter_keys_are_salted_and_ignore_case_and_at() {
        assert_eq!(commenter_key("s", "@Anna"), commenter_key("s", "anna"));
        assert_ne!(commenter_key("s", "anna"), commenter_key("t", "anna"));
    }
}
