//! Raw comments of many creators in, what the workspace may keep out.
//!
//! A comments file holds rows of many creators. They are grouped by handle and each group goes
//! through [`analyse_comments`]; the workspace then keeps, per creator, the per-post
//! summaries and the aggregate commenter patterns (pod accounts and their share, repeat
//! advocates and theirs) **without** the per-commenter digests: the salted keys are needed
//! only while counting, so no commenter identifier is stored at all. Example comments are
//! returned for the import screen and never stored.

use serde::{Deserialize, Serialize};

use super::comments::{
    analyse_comments, CommentExamples, CommentSettings, CommenterPatterns, RawComment,
};
use super::fast_hash::FastMap;
use super::handle_key;
use microplan_model::rows::CommentSummary;

/// The repeat-commenter patterns of one creator, as stored (no commenter keys).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredCommenterPatterns {
    pub handle: String,
    pub patterns: CommenterPatterns,
}

/// Comment rows of one creator.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CreatorComments {
    pub handle: String,
    pub rows: Vec<RawComment>,
}

/// Groups `(handle, comment)` rows by creator, in order of first appearance.
pub fn group_by_creator(rows: Vec<(String, RawComment)>) -> Vec<CreatorComments> {
    let mut grouping = CreatorGrouping::default();
    grouping.add(rows);
    grouping.finish()
}

/// [`group_by_creator`] a chunk of rows at a time, so a page can group while it reads.
#[derive(Debug, Default)]
pub struct CreatorGrouping {
    index: FastMap<String, usize>,
    groups: Vec<CreatorComments>,
    /// Exports list a creator's comments together: a row spelled like the one before goes to
    /// the same group without computing its key.
    previous: Option<(String, usize)>,
}

impl CreatorGrouping {
    pub fn add(&mut self, rows: impl IntoIterator<Item = (String, RawComment)>) {
        for (handle, row) in rows {
            let at = match self.previous.as_ref() {
                Some((spelling, at)) if *spelling == handle => *at,
                _ => {
                    let groups = &mut self.groups;
                    let at = *self.index.entry(handle_key(&handle)).or_insert_with(|| {
                        groups.push(CreatorComments {
                            handle: handle.trim().trim_start_matches('@').to_string(),
                            rows: Vec::new(),
                        });
                        groups.len() - 1
                    });
                    self.previous = Some((handle, at));
                    at
                }
            };
            if let Some(group) = self.groups.get_mut(at) {
                group.rows.push(row);
            }
        }
    }

    pub fn finish(self) -> Vec<CreatorComments> {
        self.groups
    }
}

/// What one creator's comments became (serialisable: a worker sends it to the page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysedCreator {
    pub handle: String,
    pub summaries: Vec<CommentSummary>,
    pub patterns: StoredCommenterPatterns,
    /// For the import screen only.
    pub examples: CommentExamples,
    pub comments: usize,
}

/// Analyses one creator's comments and strips the commenter keys from the patterns.
pub fn analyse_creator(group: &CreatorComments, settings: &CommentSettings) -> AnalysedCreator {
    let analysis = analyse_comments(&group.handle, &group.rows, settings);
    let mut patterns = analysis.patterns;
    patterns.commenters = Vec::new();
    AnalysedCreator {
        handle: group.handle.clone(),
        summaries: analysis.summaries,
        patterns: StoredCommenterPatterns {
            handle: group.handle.clone(),
            patterns,
        },
        examples: analysis.examples,
        comments: group.rows.len(),
    }
}

/// Merges the examples of several creators, a few per kind, for the import screen.
pub fn merge_examples(into: &mut CommentExamples, from: &CommentExamples) {
    let limit = super::comments::EXAMPLES_PER_KIND;
    for (target, source) in [
        (&mut into.emoji_only, &from.emoji_only),
        (&mut into.generic, &from.generic),
        (&mut into.specific, &from.specific),
        (&mut into.duplicated, &from.duplicated),
    ] {
        for text in source {
            if target.len() < limit && !target.contains(text) {
                target.push(text.clone());
            }
        }
    }
}

/// A random-looking salt for a workspace's commenter keys, from a seed the caller supplies
/// (time and randomness of the browser); hex text.
pub fn new_salt(seed: u64) -> String {
    let mut rng = microplan_model::random::SplitMix64::new(seed);
    format!("{:016x}{:016x}", rng.next_u64(), rng.next_u64())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(post: &str, who: &str, text: &str) -> RawComment {
        RawComment {
            post_id: post.into(),
            comment_id: None,
            commenter: who.into(),
            text: text.into(),
            is_creator_reply: false,
            parent: None,
        }
    }

    #[test]
    fn grouping_does_not_depend_on_rows_being_sorted() {
        // Interleaved spellings of two creators: same groups, same first-seen order and
        // handle, same rows in file order, as when each row is looked up on its own.
        let handles = [
            "@Anna", "anna", "ben", "ANNA ", "ben", "ben", "@anna", "Ben",
        ];
        let rows: Vec<(String, RawComment)> = handles
            .iter()
            .enumerate()
            .map(|(i, h)| (h.to_string(), comment(&format!("p{i}"), "x", "hi")))
            .collect();
        let groups = group_by_creator(rows.clone());
        let got: Vec<(&str, Vec<&str>)> = groups
            .iter()
            .map(|g| {
                (
                    g.handle.as_str(),
                    g.rows.iter().map(|r| r.post_id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("Anna", vec!["p0", "p1", "p3", "p6"]),
                ("ben", vec!["p2", "p4", "p5", "p7"]),
            ]
        );
        // A chunk at a time, chunks cut mid-creator: the same groups.
        for size in 1..=rows.len() {
            let mut grouping = CreatorGrouping::default();
            for chunk in rows.chunks(size) {
                grouping.add(chunk.to_vec());
            }
            assert_eq!(grouping.finish(), groups, "chunks of {size}");
        }
    }

    #[test]
    fn salts_differ_by_seed() {
        assert_ne!(new_salt(1), new_salt(2));
        assert_eq!(new_salt(1).len(), 32);
    }
}
