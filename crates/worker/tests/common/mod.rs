//! What the comment-share tests share: the settings, and the analysis as one pass over the
//! whole file, as the page did it before the work moved to workers.

use microplan_audit::comment_import::{analyse_creator, merge_examples, CreatorGrouping};
use microplan_audit::comments::{CommentExamples, CommentSettings};
use microplan_worker::MergedComments;
use microplan_workspace::io::raw_comments::CommentFile;

pub fn settings() -> CommentSettings {
    CommentSettings {
        salt: "0123456789abcdef".into(),
        ..CommentSettings::default()
    }
}

/// The analysis as one pass over the whole file, read `chunk` records at a time.
pub fn unsplit(bytes: &[u8], chunk: usize) -> MergedComments {
    let mut file = CommentFile::open(bytes).unwrap();
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    while !file.is_done() {
        file.read_chunk(chunk, &mut rows, &mut errors);
    }
    let comments = rows.len();
    let mut grouping = CreatorGrouping::default();
    grouping.add(rows);
    let mut examples = CommentExamples::default();
    let analysed: Vec<_> = grouping
        .finish()
        .iter()
        .map(|group| analyse_creator(group, &settings()))
        .inspect(|a| merge_examples(&mut examples, &a.examples))
        .collect();
    MergedComments {
        analysed,
        examples,
        comments,
        problems: errors.iter().take(5).map(|e| e.to_string()).collect(),
        problem_count: errors.len(),
        read_seconds: 0.0,
        analyse_seconds: 0.0,
    }
}
