//! A comments file read by byte range, cut at every offset: whenever the page accepts the
//! parts (they meet, and no creator was read twice), the merged result equals one pass over
//! the whole file, problems' rows and lines included; on a file that lists each creator's
//! comments together the parts are accepted at almost every cut.

mod common;

use common::{interleaved_file, settings, unsplit};
use microplan_worker::comment_ranges::{analyse_comment_part, cut};
use microplan_worker::protocol::PartReading;
use microplan_worker::{analyse_comment_range, merge_shares, MergedComments};

/// The parts between `cuts` (0 first) merged, or `None` when they do not meet. Each part
/// first reads `overrun` bytes past its end (a few: the reading on to the end is tested too).
fn by_range(bytes: &[u8], cuts: &[u64], overrun: u64) -> Option<MergedComments> {
    let shares = cuts
        .iter()
        .enumerate()
        .map(|(index, from)| {
            let to = cuts.get(index + 1).copied();
            analyse_comment_part(&bytes, (*from, to), overrun, &settings(), &mut |_| {}).unwrap()
        })
        .collect();
    merge_shares(shares)
}

/// A preamble-free export: `sep=` line, CRLF line ends, blank lines, quoted comments with
/// line breaks, commas and doubled quotes, a creator spelled two ways, and three broken rows.
fn grouped_file() -> String {
    let mut csv = String::from("sep=,\r\nAccount,Media ID,Comment author,Comment,Parent ID\r\n");
    let creators = ["@Anna", "ben", "cleo", "dev", "emma"];
    for (c, creator) in creators.iter().enumerate() {
        for n in 0..(4 + c) {
            let spelling = if n % 3 == 2 {
                creator.to_uppercase()
            } else {
                creator.to_string()
            };
            let text = match n % 4 {
                0 => "Love this".to_string(),
                1 => format!("\"Which oven, the {n}th one?\r\nAsking for \"\"real\"\"\""),
                2 => format!("Where is trail {c}{n} exactly"),
                _ => "\"🔥🔥\"".to_string(),
            };
            csv.push_str(&format!("{spelling},p{c}{},fan{n},{text},\r\n", n % 2));
            if n == 2 {
                csv.push_str("\r\n");
            }
        }
        if c == 1 {
            csv.push_str(",p9,fan,orphan without a creator,\r\n");
            csv.push_str("ben,p1,,no commenter,\r\n");
        }
    }
    csv.push_str("emma,p40,fan9,\"last\nline\",");
    csv
}

/// Every cut of `text` into two parts: merged parts equal one pass whenever they merge.
/// Returns how many cuts merged.
fn every_cut_agrees(text: &str) -> usize {
    let bytes = text.as_bytes();
    let whole = unsplit(bytes, 3);
    assert_eq!(by_range(bytes, &[0], 0).as_ref(), Some(&whole), "one part");
    let mut merged = 0;
    for at in 1..bytes.len() as u64 {
        if let Some(parts) = by_range(bytes, &[0, at], [0, 30, 1 << 20][at as usize % 3]) {
            assert_eq!(parts, whole, "cut at {at}");
            merged += 1;
        }
    }
    merged
}

#[test]
fn parts_of_a_grouped_file_equal_one_pass_at_almost_every_cut() {
    let text = grouped_file();
    let whole = unsplit(text.as_bytes(), 3);
    // Hand-checked: 4 + 5 + 6 + 7 + 8 rows of five creators, the last row, and 2 broken.
    assert_eq!((whole.comments, whole.problem_count), (31, 2));
    assert_eq!(whole.analysed.len(), 5);
    // Lines 1 and 2 are `sep=` and the header; two comments so far span two lines, and
    // there were two blank lines.
    assert!(
        whole.problems[0].starts_with("row 10 (line 16)"),
        "{:?}",
        whole.problems
    );
    assert!(
        whole.problems[1].starts_with("row 11 (line 17)"),
        "{:?}",
        whole.problems
    );
    let merged = every_cut_agrees(&text);
    let cuts = text.len() - 1;
    println!("{merged} of {cuts} cuts merged");
    // Cuts inside the header, or whose first line start is inside a quoted comment whose
    // rest has the header's width, are refused; nearly every other cut merges.
    assert!(merged * 10 >= cuts * 8, "{merged} of {cuts} cuts merged");
}

#[test]
fn parts_of_an_interleaved_file_never_merge_wrongly() {
    let merged = every_cut_agrees(&interleaved_file());
    // Only cuts in the last creator's run leave every creator to one part.
    println!("{merged} cuts merged");
    assert!(merged > 0);
}

#[test]
fn three_parts_agree_too() {
    let text = grouped_file();
    let bytes = text.as_bytes();
    let whole = unsplit(bytes, 3);
    let length = bytes.len() as u64;
    let mut merged = 0;
    for first in (1..length).step_by(13) {
        for second in (first + 1..length).step_by(17) {
            if let Some(parts) = by_range(bytes, &[0, first, second], first % 50) {
                assert_eq!(parts, whole, "cuts at {first} and {second}");
                merged += 1;
            }
        }
    }
    assert!(merged > 0);
}

#[test]
fn shares_cut_evenly_and_refuse_what_they_cannot_read_alone() {
    assert_eq!(
        (cut(0, 2, 101), cut(1, 2, 101), cut(2, 2, 101)),
        (0, 50, 101)
    );
    assert_eq!(cut(1, 0, 10), 10);
    // Latin-1 in the second half: the part is refused, and by creator the whole file gives
    // the encoding's message.
    let mut bytes = grouped_file().into_bytes();
    let middle = bytes.len() / 2 + 10;
    bytes.splice(middle..middle, [0xE9]);
    let second = analyse_comment_range(&&bytes[..], 1, 2, &settings(), &mut |_| {}).unwrap();
    assert_eq!(second.part, Some(PartReading::Unusable));
    // Creators interleaved throughout: the first share gives up early.
    let mut interleaved = String::from("creator,post,commenter,comment\n");
    for row in 0..400 {
        interleaved.push_str(&format!("c{},p{row},fan{row},Where is this?\n", row % 5));
    }
    let first =
        analyse_comment_range(&interleaved.as_bytes(), 0, 2, &settings(), &mut |_| {}).unwrap();
    assert_eq!(first.part, Some(PartReading::Unusable));
    assert!(first.creators.is_empty());
    // A file without the needed columns: refused, not a panic.
    let missing = b"handle,post_id\na,p\nb,q\n";
    let result = analyse_comment_range(&&missing[..], 0, 2, &settings(), &mut |_| {}).unwrap();
    assert_eq!(result.part, Some(PartReading::Unusable));
}
