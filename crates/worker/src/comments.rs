//! The raw comments import as worker jobs: each worker reads the file and analyses only the
//! creators of its share; the page merges the shares back into exactly what one pass over
//! the whole file gives (same creators in the same order, same examples, same problems).
//!
//! Every worker scans the whole file, but parses and builds comments only for its own
//! creators: other shares' records cost a scan for their creator cell and their end (see
//! `read_chunk_where`), and the shares run side by side.

use std::collections::HashSet;

use microplan_audit::comment_import::{
    analyse_creator, merge_examples, AnalysedCreator, CreatorGrouping,
};
use microplan_audit::comments::{CommentExamples, CommentSettings};
use microplan_audit::handle_key;
use microplan_workspace::io::raw_comments::CommentFile;

use crate::protocol::{CommentShareResult, RowProblem, ShareCreator, PROBLEMS_KEPT};

/// Records read between two progress messages.
const ROWS_PER_CHUNK: usize = 50_000;
/// Share of a job's progress that is reading; the rest is analysis.
const READING_PART: f64 = 0.4;

/// Which of `shares` a creator belongs to: FNV-1a of the creator's key (the handle as
/// grouped: trimmed, no `@`, lowercase), so every spelling of a handle lands in one share.
pub fn share_of(handle: &str, shares: u32) -> u32 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in handle_key(handle).bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let shares = u64::from(shares.max(1));
    u32::try_from(hash % shares).unwrap_or(0)
}

/// Reads a comments file and analyses the creators of `share` (of `shares`). Records without
/// a creator handle belong to share 0, which reports them. `progress` gets the fraction done.
pub fn analyse_comment_share(
    bytes: Vec<u8>,
    share: u32,
    shares: u32,
    settings: &CommentSettings,
    progress: &mut dyn FnMut(f64),
) -> Result<CommentShareResult, String> {
    let mut file = CommentFile::open_owned(bytes).map_err(|error| error.to_string())?;
    // Exports list a creator's comments together: the share of a spelling is kept until the
    // handle changes.
    let mut previous: Option<(String, bool)> = None;
    let mut keep = |handle: Option<&str>| match handle {
        None => share == 0,
        Some(handle) => match &previous {
            Some((spelling, mine)) if spelling == handle => *mine,
            _ => {
                let mine = share_of(handle, shares) == share;
                previous = Some((handle.to_string(), mine));
                mine
            }
        },
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut grouping = CreatorGrouping::default();
    // The data row where each creator (by key) first appears, in order of appearance.
    let mut seen: HashSet<String> = HashSet::new();
    let mut last_spelling = String::new();
    let mut order = Vec::new();
    let mut comments = 0;
    let mut problems = Vec::new();
    let mut problem_count = 0;
    while !file.is_done() {
        file.read_chunk_where(ROWS_PER_CHUNK, &mut keep, &mut rows, &mut errors);
        comments += rows.len();
        problem_count += errors.len();
        for error in errors.drain(..) {
            if problems.len() < PROBLEMS_KEPT {
                problems.push(RowProblem {
                    row: error.row,
                    text: error.to_string(),
                });
            }
        }
        for (row, handle, comment) in rows.drain(..) {
            if handle != last_spelling {
                let key = handle_key(&handle);
                if seen.insert(key) {
                    order.push(row);
                }
                last_spelling.clone_from(&handle);
            }
            grouping.add(std::iter::once((handle, comment)));
        }
        progress(READING_PART * file.progress());
    }
    drop(file);
    // Groups come in order of first appearance, the order in which `order` was filled.
    let groups = grouping.finish();
    let total = groups.len().max(1) as f64;
    let mut creators = Vec::with_capacity(groups.len());
    for (done, (group, first_row)) in groups.into_iter().zip(order).enumerate() {
        creators.push(ShareCreator {
            first_row,
            analysed: analyse_creator(&group, settings),
        });
        if done % 50 == 49 {
            progress(READING_PART + (1.0 - READING_PART) * (done + 1) as f64 / total);
        }
    }
    progress(1.0);
    Ok(CommentShareResult {
        creators,
        comments,
        problems,
        problem_count,
        read_seconds: 0.0,
        analyse_seconds: 0.0,
    })
}

/// The shares of one file merged: what the page stores and reports.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergedComments {
    /// In order of first appearance in the file.
    pub analysed: Vec<AnalysedCreator>,
    pub examples: CommentExamples,
    pub comments: usize,
    /// The first skipped records in file order, and how many there were.
    pub problems: Vec<String>,
    pub problem_count: usize,
    /// The slowest share's reading and analysis (seconds).
    pub read_seconds: f64,
    pub analyse_seconds: f64,
}

/// Merges the results of all shares of one file.
pub fn merge_shares(shares: Vec<CommentShareResult>) -> MergedComments {
    let mut merged = MergedComments::default();
    let mut creators = Vec::new();
    let mut problems = Vec::new();
    for share in shares {
        merged.comments += share.comments;
        merged.problem_count += share.problem_count;
        merged.read_seconds = merged.read_seconds.max(share.read_seconds);
        merged.analyse_seconds = merged.analyse_seconds.max(share.analyse_seconds);
        creators.extend(share.creators);
        problems.extend(share.problems);
    }
    // Stable sorts: a row's several problems keep their order.
    creators.sort_by_key(|c| c.first_row);
    problems.sort_by_key(|p| p.row);
    merged.problems = problems
        .into_iter()
        .take(PROBLEMS_KEPT)
        .map(|p| p.text)
        .collect();
    for creator in creators {
        merge_examples(&mut merged.examples, &creator.analysed.examples);
        merged.analysed.push(creator.analysed);
    }
    merged
}
