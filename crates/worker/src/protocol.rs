//! Messages between the page and a compute worker, as JSON text.
//!
//! The page posts `[job JSON, File]` (a job without a file: `[job JSON]`); the worker
//! answers `Ready` once it listens, then any number of `Progress`, then (for a comment share)
//! its creators in `CommentCreators` parts, then exactly one `Done` or `Failed`. A file
//! travels beside the job as a browser `File` (structured clone, not copied through JSON).

use serde::{Deserialize, Serialize};

use microplan_audit::comment_import::AnalysedCreator;
use microplan_audit::comments::CommentSettings;
use microplan_csv::problem::CellError;
use microplan_uplift::geo::candidates::CandidateRanking;
use microplan_uplift::geo::power::GeoPower;
use microplan_uplift::geo::{GeoAnalysis, GeoTest};

/// A job for one worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "job")]
pub enum Job {
    /// Analyse the creators of a raw comments file whose handle falls in `share` of `shares`
    /// (see [`crate::comments::share_of`]).
    CommentShare {
        share: u32,
        shares: u32,
        settings: CommentSettings,
        /// Whether the worker reads only its byte range of the file (see
        /// [`crate::comment_ranges`]) or the whole file, keeping its creators.
        #[serde(default)]
        split: Split,
    },
    /// Analyse a regional test (see [`crate::uplift::analyse_geo`]); no file.
    GeoAnalysis { test: GeoTest },
    /// Simulate the power of a `test_days`-date regional test; no file.
    GeoPower {
        test: GeoTest,
        test_days: usize,
        alpha: f64,
    },
    /// Rank the regions the others reproduce best, keeping the best `shown`; no file.
    GeoCandidates { test: GeoTest, shown: usize },
}

/// A message from a worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum WorkerMessage {
    /// The worker listens: post the job now (a message posted earlier would be lost).
    Ready,
    /// `fraction` of the job is done, 0 to 1.
    Progress {
        fraction: f64,
    },
    /// Some of a comment share's creators, sent before its `Done` (which then holds none), so
    /// the page reads a large answer in short steps instead of one long one.
    CommentCreators {
        creators: Vec<ShareCreator>,
    },
    Done {
        reply: Reply,
    },
    /// The job could not be done; `message` says why in the user's words.
    Failed {
        message: String,
    },
}

/// Whether `text` (a message as posted) is a [`WorkerMessage::CommentCreators`] part, told
/// without reading the rest: the page keeps such parts as text and reads them one per task.
pub fn is_creators_part(text: &str) -> bool {
    // serde writes an internally tagged enum's tag first.
    text.starts_with(r#"{"kind":"CommentCreators""#)
}

/// What a finished job sends back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reply")]
pub enum Reply {
    CommentShare(CommentShareResult),
    /// The analysis, or the sentence saying why there is none.
    GeoAnalysis {
        result: Result<Box<GeoAnalysis>, String>,
    },
    GeoPower {
        result: Result<GeoPower, String>,
    },
    GeoCandidates {
        result: Result<CandidateRanking, String>,
    },
}

/// How the shares of a comments file divide it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Split {
    /// Every share reads the whole file and keeps the creators whose handle falls in it.
    #[default]
    ByCreator,
    /// Every share reads its byte range; the page checks that the ranges meet.
    ByRange,
}

/// One skipped record of a file, with its 1-based data row and file line (numbered as its
/// share read them, see [`PartEnds`]) for merging in file order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowProblem {
    pub row: usize,
    pub line: usize,
    pub column: String,
    pub value: String,
    pub problem: String,
    pub fix: String,
}

impl RowProblem {
    pub fn new(error: CellError) -> RowProblem {
        RowProblem {
            row: error.row,
            line: error.line,
            column: error.column,
            value: error.value,
            problem: error.problem,
            fix: error.fix,
        }
    }

    /// The sentence the user reads, naming the row, line and column.
    pub fn text(&self) -> String {
        CellError {
            row: self.row,
            line: self.line,
            column: self.column.clone(),
            value: self.value.clone(),
            problem: self.problem.clone(),
            fix: self.fix.clone(),
        }
        .to_string()
    }
}

/// How a share read by byte range meets its neighbours: byte offsets in the file, rows and
/// lines as the share numbered them (share 0 from the file's start, the others from 1 at
/// their first record). See [`crate::comment_ranges`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PartEnds {
    /// Where the share's first record starts; for shares after the first, a guess the
    /// previous share confirms as its `next_first_record`.
    pub first_record: u64,
    /// Where the share's own records start (after the creator it leaves to the previous
    /// share): offset, records before it, its line.
    pub own_start: u64,
    pub own_start_row: usize,
    pub own_start_line: usize,
    /// The first record at or after the next share's cut; `None` for the last share.
    pub next_first_record: Option<u64>,
    /// Where the share's own records end (the next share's `own_start`), the records before
    /// it and its line.
    pub end: u64,
    pub end_row: usize,
    pub end_line: usize,
}

/// What a share read by byte range found about its part of the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PartReading {
    Read(PartEnds),
    /// The part could not be read on its own (not UTF-8 text, a line too long, a header the
    /// part's reader does not see whole): the page reads the file by creator instead, which
    /// also gives any error its message.
    Unusable,
}

/// A creator's analysis with the data row where the creator first appears, so shares merge
/// back into file order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareCreator {
    pub first_row: usize,
    pub analysed: AnalysedCreator,
}

/// What one share of a comments file became: small, whatever the file's size.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CommentShareResult {
    pub creators: Vec<ShareCreator>,
    /// Comments read into this share.
    pub comments: usize,
    /// The first [`PROBLEMS_KEPT`] skipped records of this share, and how many there were.
    pub problems: Vec<RowProblem>,
    pub problem_count: usize,
    /// Seconds spent reading, then analysing (set by the worker, which has a clock).
    pub read_seconds: f64,
    pub analyse_seconds: f64,
    /// For a share read by byte range: where its part lies.
    pub part: Option<PartReading>,
}

/// Skipped records named in a report; the rest are counted.
pub const PROBLEMS_KEPT: usize = 5;

/// Post summaries per [`WorkerMessage::CommentCreators`] message: about 300 KB of JSON, which
/// the page reads well within a frame.
const SUMMARIES_PER_MESSAGE: usize = 1_000;

/// `creators` cut into consecutive parts of about [`SUMMARIES_PER_MESSAGE`] post summaries
/// each (a creator is never split), in order.
pub fn creator_parts(creators: Vec<ShareCreator>) -> Vec<Vec<ShareCreator>> {
    let mut parts = Vec::new();
    let mut part = Vec::new();
    let mut summaries = 0;
    for creator in creators {
        summaries += creator.analysed.summaries.len().max(1);
        part.push(creator);
        if summaries >= SUMMARIES_PER_MESSAGE {
            parts.push(std::mem::take(&mut part));
            summaries = 0;
        }
    }
    if !part.is_empty() {
        parts.push(part);
    }
    parts
}
