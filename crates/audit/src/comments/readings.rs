//! A creator's distinct comment texts, each read once: its kind, whether it asks something,
//! and its normalised text. The normalised texts share one string, so reading hundreds of
//! texts costs a few allocations instead of one each.

use std::ops::Range;

use crate::comment_text::{classify_normalised, normalise_comment_into, CommentKind};

use super::threads::is_question;

#[derive(Default)]
pub(super) struct Readings {
    /// Every normalised text, one after another.
    normalised: String,
    read: Vec<Reading>,
}

struct Reading {
    kind: CommentKind,
    question: bool,
    /// Where the normalised text sits in `normalised` (empty for emoji-only texts: they
    /// are never duplicates).
    normalised: Range<usize>,
}

impl Readings {
    /// Reads a raw comment text; returns its number.
    pub(super) fn add(&mut self, text: &str) -> usize {
        let start = self.normalised.len();
        normalise_comment_into(text, &mut self.normalised);
        let kind = classify_normalised(text, self.normalised.get(start..).unwrap_or(""));
        if kind == CommentKind::EmojiOnly {
            self.normalised.truncate(start);
        }
        self.read.push(Reading {
            kind,
            question: is_question(text),
            normalised: start..self.normalised.len(),
        });
        self.read.len() - 1
    }

    pub(super) fn kind(&self, text: usize) -> CommentKind {
        self.read
            .get(text)
            .map_or(CommentKind::EmojiOnly, |r| r.kind)
    }

    pub(super) fn is_question(&self, text: usize) -> bool {
        self.read.get(text).is_some_and(|r| r.question)
    }

    pub(super) fn normalised(&self, text: usize) -> &str {
        self.read
            .get(text)
            .and_then(|r| self.normalised.get(r.normalised.clone()))
            .unwrap_or("")
    }
}
