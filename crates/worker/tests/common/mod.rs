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

/// Three creators (one spelled three ways, interleaved), a post with a reply thread, generic
/// praise, emoji, a duplicate, a comment with a line break and two broken rows (no handle; no
/// commenter).
pub fn interleaved_file() -> String {
    let mut csv =
        String::from("Username,Post,Comment ID,Commenter,Comment,Is creator reply,Parent ID\n");
    let rows = [
        "@Anna,p1,c1,bob,Which flour did you use for this loaf?,no,",
        "anna,p1,c2,anna,Rye from the mill down the road,yes,c1",
        "ben,b1,c3,cat,Love this,no,",
        "ANNA ,p1,c4,dan,Love this,no,",
        ",p9,c5,eve,orphan,no,",
        "ben,b1,c6,fay,🔥🔥,no,",
        "cleo,k1,c7,gus,\"How long was the second proof,\nat that temperature?\",no,",
        "ben,b2,c8,,no commenter,no,",
        "anna,p2,c9,bob,Love this,no,",
        "cleo,k1,c10,hal,Love this,no,",
        "ben,b2,c11,ivy,Which trail is this - the ridge loop past the lake?,no,",
    ];
    for row in rows {
        csv.push_str(row);
        csv.push('\n');
    }
    csv
}
