//! Threads of imported comments: how far each reply sits below its top-level comment, and on
//! which posts the creator answers a question.

use super::{RawComment, Row};
use crate::fast_hash::FastMap;

/// The first row of each `(post, comment id)`.
pub(super) fn rows_by_id(rows: &[RawComment]) -> FastMap<(&str, &str), usize> {
    let mut by_id: FastMap<(&str, &str), usize> =
        FastMap::with_capacity_and_hasher(rows.len(), Default::default());
    for (index, row) in rows.iter().enumerate() {
        if let Some(id) = row.comment_id.as_deref().filter(|id| !id.is_empty()) {
            by_id.entry((row.post_id.as_str(), id)).or_insert(index);
        }
    }
    by_id
}

/// Thread depth of every row (1 for top-level), following `parent` ids within the same post
/// (`by_id` is [`rows_by_id`] of `rows`). Memoised, so a long chain costs linear time; a
/// cycle is cut where it closes.
pub(super) fn thread_depths(rows: &[RawComment], by_id: &FastMap<(&str, &str), usize>) -> Vec<u32> {
    let mut depth: Vec<u32> = vec![0; rows.len()];
    let mut on_path: Vec<bool> = vec![false; rows.len()];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..rows.len() {
        path.clear();
        let mut base = 0u32;
        let mut current = Some(start);
        while let Some(i) = current {
            let known = depth.get(i).copied().unwrap_or(0);
            if known > 0 || on_path.get(i).copied().unwrap_or(true) {
                base = known;
                break;
            }
            if let Some(flag) = on_path.get_mut(i) {
                *flag = true;
            }
            path.push(i);
            current = match rows
                .get(i)
                .and_then(|r| r.parent.as_deref())
                .filter(|p| !p.is_empty())
            {
                None => None,
                Some(parent) => {
                    let post = rows.get(i).map_or("", |r| r.post_id.as_str());
                    let found = by_id.get(&(post, parent)).copied();
                    if found.is_none() {
                        base = 1; // the parent is not in the export
                    }
                    found
                }
            };
        }
        let mut level = base;
        for &i in path.iter().rev() {
            level = level.saturating_add(1);
            if let Some(slot) = depth.get_mut(i) {
                *slot = level;
            }
            if let Some(flag) = on_path.get_mut(i) {
                *flag = false;
            }
        }
    }
    depth
}

/// Whether a comment asks something.
pub(super) fn is_question(text: &str) -> bool {
    crate::comment_text::asks_question(text)
}

/// Posts where the creator answers a question (module docs); `by_id` is [`rows_by_id`].
pub(super) fn answered_posts(
    rows: &[RawComment],
    by_id: &FastMap<(&str, &str), usize>,
    parsed: &[Row],
    posts: usize,
    threaded: bool,
) -> usize {
    let mut answered = vec![false; posts];
    if threaded {
        for (row, raw) in parsed.iter().zip(rows).filter(|(r, _)| !r.audience) {
            let parent = raw
                .parent
                .as_deref()
                .and_then(|p| by_id.get(&(raw.post_id.as_str(), p)))
                .and_then(|i| parsed.get(*i));
            if parent.is_some_and(|p| p.audience && p.question) {
                if let Some(slot) = answered.get_mut(row.post) {
                    *slot = true;
                }
            }
        }
    } else {
        let mut replied = vec![false; posts];
        let mut asked = vec![false; posts];
        for row in parsed {
            let slot = if row.audience {
                asked.get_mut(row.post)
            } else {
                replied.get_mut(row.post)
            };
            if let Some(slot) = slot.filter(|_| !row.audience || row.question) {
                *slot = true;
            }
        }
        for ((slot, r), a) in answered.iter_mut().zip(&replied).zip(&asked) {
            *slot = *r && *a;
        }
    }
    answered.iter().filter(|a| **a).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::{analyse_comments, CommentSettings};

    fn flat(post: &str, who: &str, text: &str, reply: bool) -> RawComment {
        RawComment {
            post_id: post.into(),
            comment_id: None,
            commenter: who.into(),
            text: text.into(),
            is_creator_reply: reply,
            parent: None,
        }
    }

    #[test]
    fn generic_praise_from_many_people_is_not_duplication_but_copied_sentences_are() {
        let rows = [
            flat("p1", "ann", "Love this", false),
            flat("p1", "bob", "love this!", false),
            flat("p1", "cat", "Where did you buy that blue jacket", false),
            flat("p2", "dan", "Love this", false),
            flat(
                "p2",
                "eve",
                "Great giveaway, tagging my friends here now",
                false,
            ),
            flat(
                "p2",
                "fay",
                "great giveaway tagging my friends here now!!",
                false,
            ),
            flat("p2", "me", "It is from a flea market", false),
        ];
        let analysis = analyse_comments("me", &rows, &CommentSettings::default());
        let s = &analysis.summaries;
        // p1: 3 comments, no duplicate (the praise is generic); p2: the two copied sentences
        // are duplicates, 2 of 3 audience comments; the creator's own row (by handle, no
        // reply flag) is a reply, and without thread columns it answers: depth 2.
        assert_eq!((s[0].total, s[0].duplicate_share), (3, 0.0));
        assert_eq!(s[1].total, 3);
        assert!((s[1].duplicate_share - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!((s[1].creator_replies, s[1].max_thread_depth), (1, 2));
        // p1 has a question but no creator reply; p2 a reply but no question: none answered.
        assert_eq!(analysis.patterns.answered_posts, 0);
        assert!(!analysis.patterns.threaded);
    }

    fn row(id: &str, parent: Option<&str>) -> RawComment {
        RawComment {
            post_id: "p".into(),
            comment_id: Some(id.into()),
            commenter: "x".into(),
            text: "hi".into(),
            is_creator_reply: false,
            parent: parent.map(str::to_string),
        }
    }

    #[test]
    fn thread_depth_follows_parents_and_survives_cycles() {
        // a (top) <- b <- c; d answers a comment missing from the export; e and f form a cycle.
        let rows = [
            row("c", Some("b")),
            row("a", None),
            row("b", Some("a")),
            row("d", Some("gone")),
            row("e", Some("f")),
            row("f", Some("e")),
            row("g", Some("g")),
        ];
        let depths = thread_depths(&rows, &rows_by_id(&rows));
        assert_eq!(depths[..4], [3, 1, 2, 2]);
        assert!(depths[4..].iter().all(|d| (1..=2).contains(d)));
    }
}
