//! Digests of the comments under a post; no comment text is stored.

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{Count, Fraction, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::row_reader::RowReader;
use microplan_model::rows::CommentSummary;

use super::common::{number, HANDLE_HELP, HANDLE_NAMES};

use super::{ImportTable, TableKind};

pub struct CommentSummaries;

impl ImportTable for CommentSummaries {
    type Row = CommentSummary;
    const KIND: TableKind = TableKind::CommentSummaries;
    const LABEL: &'static str = "Comment summaries";
    const FILE_STEM: &'static str = "comment_summaries";
    const DESCRIBE: &'static str =
        "One row per post: a digest of its comments (no comment text is stored).";
    const STORED_TABLE: &'static str = "comment_summaries";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["handle", "post_id"];

    fn parse(r: &mut RowReader) -> Option<CommentSummary> {
        comment_summary(r)
    }

    fn cells(row: &CommentSummary) -> Vec<String> {
        comment_summary_cells(row)
    }

    fn key(row: &CommentSummary) -> Vec<String> {
        comment_summary_key(row)
    }

    fn rows(workspace: &Workspace) -> &[CommentSummary] {
        &workspace.comment_summaries
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<CommentSummary> {
        &mut workspace.comment_summaries
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("handle", "Handle", Text, true, HANDLE_NAMES, HANDLE_HELP),
    column("post_id", "Post ID", Text, true, &["media id", "id", "permalink", "post link", "post url", "video id"],
        "The post the comments belong to."),
    column("total", "Total comments", Count, true, &["comments", "comment count", "total"],
        "Number of comments summarised."),
    column("generic_share", "Generic share", Fraction, true, &["generic", "generic comments", "generic rate"],
        "Share of generic comments (\"nice pic\"), as 12% or 0.12."),
    column("emoji_share", "Emoji-only share", Fraction, true, &["emoji share", "emoji only", "emoji comments"],
        "Share of emoji-only comments."),
    column("specific_share", "Specific share", Fraction, true, &["specific", "specific comments"],
        "Share of comments about the post's content."),
    column("duplicate_share", "Duplicate share", Fraction, true, &["duplicates", "duplicate comments", "duplicate rate"],
        "Share of comments repeated word for word."),
    column("distinct_commenters", "Distinct commenters", Count, true, &["unique commenters", "commenters"],
        "Number of different people who commented."),
    column("creator_replies", "Creator replies", Count, true, &["replies by creator", "replies", "creator reply count"],
        "Comments the creator answered."),
    column("max_thread_depth", "Deepest thread", Count, true, &["max thread depth", "thread depth", "deepest thread depth"],
        "Longest reply chain under one comment."),
];

fn comment_summary(r: &mut RowReader) -> Option<CommentSummary> {
    let handle = r.handle("handle");
    let post_id = r.text("post_id");
    let total = r.count("total");
    let generic_share = r.fraction("generic_share");
    let emoji_share = r.fraction("emoji_share");
    let specific_share = r.fraction("specific_share");
    let duplicate_share = r.fraction("duplicate_share");
    let distinct_commenters = r.count("distinct_commenters");
    let creator_replies = r.count("creator_replies");
    let max_thread_depth = r.small_count("max_thread_depth");
    Some(CommentSummary {
        handle: handle?,
        post_id: post_id?,
        total: total?,
        generic_share: generic_share?,
        emoji_share: emoji_share?,
        specific_share: specific_share?,
        duplicate_share: duplicate_share?,
        distinct_commenters: distinct_commenters?,
        creator_replies: creator_replies?,
        max_thread_depth: max_thread_depth?,
    })
}

fn comment_summary_cells(row: &CommentSummary) -> Vec<String> {
    vec![
        row.handle.clone(),
        row.post_id.clone(),
        row.total.to_string(),
        number(row.generic_share),
        number(row.emoji_share),
        number(row.specific_share),
        number(row.duplicate_share),
        row.distinct_commenters.to_string(),
        row.creator_replies.to_string(),
        row.max_thread_depth.to_string(),
    ]
}

fn comment_summary_key(row: &CommentSummary) -> Vec<String> {
    vec![row.handle.clone(), row.post_id.clone()]
}
