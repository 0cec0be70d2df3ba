//! The raw comments import as worker jobs: each worker analyses one share of the file's
//! creators; the page merges the shares back into exactly what one pass over the whole file
//! gives (same creators in the same order, same examples, same problems).
//!
//! A file is shared out in one of two ways (see [`Split`]):
//! - by byte range ([`crate::comment_ranges`]): each worker reads only its part. The page
//!   checks that the parts meet and that no creator was read by two workers;
//! - by creator (here): every worker scans the whole file but parses and builds comments only
//!   for the creators whose handle hashes to its share (other records cost a scan for their
//!   creator cell and their end, see `read_chunk_where`). Exact for any file, and the way
//!   back when the parts of a file do not meet.

use std::collections::{HashMap, HashSet};

use microplan_audit::comment_import::{
    analyse_creator, merge_examples, AnalysedCreator, CreatorGrouping,
};
use microplan_audit::comments::{CommentExamples, CommentSettings};
use microplan_audit::{handle_key, RawComment};
use microplan_csv::problem::CellError;
use microplan_csv::read::Take;
use microplan_workspace::io::raw_comments::CommentFile;

use crate::protocol::{
    CommentShareResult, PartEnds, PartReading, RowProblem, ShareCreator, PROBLEMS_KEPT,
};

/// Records read between two progress messages.
pub(crate) const ROWS_PER_CHUNK: usize = 50_000;
/// Share of a job's progress that is reading; the rest is analysis.
pub(crate) const READING_PART: f64 = 0.4;

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
    let mut keep = |_: usize, handle: Option<&str>| {
        let mine = match handle {
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
        if mine {
            Take::Keep
        } else {
            Take::Skip
        }
    };
    let mut rows = ShareRows::default();
    while !file.is_done() {
        rows.read_chunk(&mut file, &mut keep);
        progress(READING_PART * file.progress());
    }
    drop(file);
    Ok(rows.analyse(settings, None, progress))
}

/// The comments, creators and problems one share has read so far.
#[derive(Default)]
pub(crate) struct ShareRows {
    grouping: CreatorGrouping,
    /// Creator keys seen, and the data row where each first appears, in order of appearance.
    seen: HashSet<String>,
    last_spelling: String,
    order: Vec<usize>,
    comments: usize,
    problems: Vec<RowProblem>,
    problem_count: usize,
    chunk: Vec<(usize, String, RawComment)>,
    errors: Vec<CellError>,
}

impl ShareRows {
    /// Reads up to [`ROWS_PER_CHUNK`] records of `file`, keeping those `keep` takes.
    pub(crate) fn read_chunk(
        &mut self,
        file: &mut CommentFile,
        keep: &mut dyn FnMut(usize, Option<&str>) -> Take,
    ) {
        file.read_chunk_where(ROWS_PER_CHUNK, keep, &mut self.chunk, &mut self.errors);
        self.comments += self.chunk.len();
        self.problem_count += self.errors.len();
        for error in self.errors.drain(..) {
            if self.problems.len() < PROBLEMS_KEPT {
                self.problems.push(RowProblem::new(error));
            }
        }
        for (row, handle, comment) in self.chunk.drain(..) {
            if handle != self.last_spelling {
                let key = handle_key(&handle);
                if self.seen.insert(key) {
                    self.order.push(row);
                }
                self.last_spelling.clone_from(&handle);
            }
            self.grouping.add(std::iter::once((handle, comment)));
        }
    }

    /// Analyses every creator read: the share's result.
    pub(crate) fn analyse(
        self,
        settings: &CommentSettings,
        part: Option<PartReading>,
        progress: &mut dyn FnMut(f64),
    ) -> CommentShareResult {
        // Groups come in order of first appearance, the order in which `order` was filled.
        let groups = self.grouping.finish();
        let total = groups.len().max(1) as f64;
        let mut creators = Vec::with_capacity(groups.len());
        for (done, (group, first_row)) in groups.into_iter().zip(self.order).enumerate() {
            creators.push(ShareCreator {
                first_row,
                analysed: analyse_creator(&group, settings),
            });
            if done % 50 == 49 {
                progress(READING_PART + (1.0 - READING_PART) * (done + 1) as f64 / total);
            }
        }
        progress(1.0);
        CommentShareResult {
            creators,
            comments: self.comments,
            problems: self.problems,
            problem_count: self.problem_count,
            read_seconds: 0.0,
            analyse_seconds: 0.0,
            part,
        }
    }
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

/// Merges the results of all shares of one file, in share order. `None` when the shares were
/// read by byte range and their parts do not meet exactly (see [`part_numbering`]): the file
/// must then be read by creator.
pub fn merge_shares(mut shares: Vec<CommentShareResult>) -> Option<MergedComments> {
    if shares.iter().any(|share| share.part.is_some()) {
        let numbering = part_numbering(&shares)?;
        for (share, (rows, lines)) in shares.iter_mut().zip(numbering) {
            for creator in &mut share.creators {
                creator.first_row += rows;
            }
            for problem in &mut share.problems {
                problem.row += rows;
                problem.line += lines;
            }
        }
    }
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
        .iter()
        .take(PROBLEMS_KEPT)
        .map(RowProblem::text)
        .collect();
    for creator in creators {
        merge_examples(&mut merged.examples, &creator.analysed.examples);
        merged.analysed.push(creator.analysed);
    }
    Some(merged)
}

/// For shares read by byte range, in share order: what to add to each share's rows and lines
/// to number them from the file's start. `None` unless every part was read, each part starts
/// where the previous one found its next record and ends where the next one's own records
/// start, and no creator was analysed by two shares.
pub fn part_numbering(shares: &[CommentShareResult]) -> Option<Vec<(usize, usize)>> {
    let parts: Vec<&PartEnds> = shares
        .iter()
        .map(|share| match &share.part {
            Some(PartReading::Read(ends)) => Some(ends),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let mut numbering = vec![(0usize, 0usize)];
    for pair in parts.windows(2) {
        let [before, after] = pair else { return None };
        let meets =
            before.next_first_record == Some(after.first_record) && before.end == after.own_start;
        if !meets {
            return None;
        }
        let &(rows, lines) = numbering.last()?;
        // The same record, `before.end`, numbered by both shares.
        let rows = (rows + before.end_row).checked_sub(after.own_start_row)?;
        let lines = (lines + before.end_line).checked_sub(after.own_start_line)?;
        numbering.push((rows, lines));
    }
    let mut owner: HashMap<String, usize> = HashMap::new();
    for (index, share) in shares.iter().enumerate() {
        for creator in &share.creators {
            let key = handle_key(&creator.analysed.handle);
            if owner.insert(key, index).is_some_and(|other| other != index) {
                return None;
            }
        }
    }
    Some(numbering)
}
