//! Reading a file a chunk at a time gives the same rows and lines as reading it whole.

use proptest::prelude::*;

use microplan_csv::read::{read_csv, CsvChunks, RawRow};

fn chunked(bytes: &[u8], size: usize) -> (Vec<String>, Vec<RawRow>) {
    let mut file = CsvChunks::open(bytes).unwrap();
    let mut rows = Vec::new();
    while !file.is_done() {
        let chunk = file.next_chunk(size);
        if chunk.is_empty() && !file.is_done() {
            panic!("an empty chunk before the end would loop forever");
        }
        rows.extend(chunk);
    }
    (file.headers.clone(), rows)
}

#[test]
fn chunks_keep_rows_and_line_numbers_across_crlf_quotes_and_blank_lines() {
    let text =
        "sep=;\r\nhandle;text\r\nanna;\"two\r\nlines\"\r\n\r\nben;hi\r\ncat;\"a;b\"\r\ndan;x";
    let whole = read_csv(text.as_bytes()).unwrap();
    // Lines by hand: header on line 2, anna on 3 (its text spans 3-4), blank 5, ben 6, cat 7, dan 8.
    let lines: Vec<usize> = whole.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![3, 6, 7, 8]);
    for size in 1..=4 {
        let (headers, rows) = chunked(text.as_bytes(), size);
        assert_eq!(headers, whole.headers);
        assert_eq!(rows, whole.rows, "chunks of {size}");
    }
}

#[test]
fn progress_runs_from_the_header_to_one() {
    let mut file = CsvChunks::open(b"a,b\n1,2\n3,4\n").unwrap();
    assert!(file.progress() > 0.0 && file.progress() < 1.0);
    assert_eq!(file.next_chunk(1).len(), 1);
    assert!(!file.is_done());
    assert_eq!(file.next_chunk(5).len(), 1);
    assert!(file.is_done());
    assert_eq!(file.progress(), 1.0);
}

proptest! {
    #[test]
    fn chunked_reading_equals_whole_reading(
        cells in prop::collection::vec(prop::sample::select(vec!["x", "", "\"q,\r\nq\"", "1,5", "é"]), 2..40),
        width in 1usize..4,
        crlf in any::<bool>(),
        size in 1usize..7,
    ) {
        let newline = if crlf { "\r\n" } else { "\n" };
        let mut text = String::from("h1,h2,h3");
        for (i, cell) in cells.iter().enumerate() {
            text.push_str(if i % width == 0 { newline } else { "," });
            text.push_str(cell);
        }
        let Ok(whole) = read_csv(text.as_bytes()) else { return Ok(()) };
        let (headers, rows) = chunked(text.as_bytes(), size);
        prop_assert_eq!(headers, whole.headers);
        prop_assert_eq!(rows, whole.rows);
    }
}

#[test]
fn a_comments_file_read_in_chunks_reads_as_the_whole_file_does() {
    use crate::io::raw_comments::{map_comment_headers, read_comment_rows, CommentFile};
    let csv = "creator,post id,commenter,comment,is creator reply\r\n\
               @anna,p1,bob,\" Which flour? \",no\r\n\
               ,p1,cat,hi,no\r\n\
               \r\n\
               anna,p2,dan,\"two\r\nlines\",maybe\r\n\
               ben,q1,eve,nice,yes\r\n";
    let whole = read_csv(csv.as_bytes()).unwrap();
    let mapping = map_comment_headers(&whole.headers);
    let mut whole_errors = Vec::new();
    let expected = read_comment_rows(&whole.headers, &whole.rows, 0, &mapping, &mut whole_errors);
    let mut file = CommentFile::open(csv.as_bytes()).unwrap();
    let (mut got, mut errors) = (Vec::new(), Vec::new());
    while !file.is_done() {
        file.read_chunk(2, &mut got, &mut errors);
    }
    assert_eq!(file.rows_read(), 4);
    assert_eq!(got, expected);
    // anna p1 and ben q1 read; row 2 has no handle, row 3 says "maybe" for the reply.
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].1.text, "Which flour?");
    let spots: Vec<(usize, usize, &str)> = errors
        .iter()
        .map(|e| (e.row, e.line, e.column.as_str()))
        .collect();
    assert_eq!(spots, vec![(2, 3, "creator"), (3, 5, "is creator reply")]);
    assert_eq!(errors, whole_errors);
}

#[test]
fn a_comments_file_without_the_text_column_names_it() {
    let error = crate::io::raw_comments::CommentFile::open(b"handle,post_id,commenter\na,p,b\n")
        .err()
        .map(String::from);
    assert_eq!(
        error.as_deref(),
        Some("The file has no column for Comment text. Name the columns creator handle, post id, commenter and comment text.")
    );
}

/// Opening a file the caller gives up reads exactly what opening a borrowed copy reads, for
/// plain UTF-8, UTF-8 with a BOM and UTF-16, and fails the same way on what it cannot read.
#[test]
fn owned_and_borrowed_files_read_the_same() {
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("a,b\n1,é\n".encode_utf16().flat_map(u16::to_le_bytes));
    for bytes in [
        b"a,b\n1,2\n3,4\n".to_vec(),
        b"\xEF\xBB\xBFa;b\n1;2\n".to_vec(),
        utf16,
    ] {
        let read = |mut file: CsvChunks| (file.headers.clone(), file.encoding, file.next_chunk(10));
        let borrowed = CsvChunks::open(&bytes).map(read).map_err(|e| e.to_string());
        let owned = CsvChunks::open_owned(bytes.clone())
            .map(read)
            .map_err(|e| e.to_string());
        assert_eq!(owned, borrowed);
        assert!(borrowed.is_ok());
    }
    for bad in [
        b"   \n".to_vec(),
        b"PK\x03\x04rest".to_vec(),
        b"a,b\n1,\xe9t\xe9\n".to_vec(),
    ] {
        let borrowed = CsvChunks::open(&bad).err().map(|e| e.to_string());
        assert_eq!(
            CsvChunks::open_owned(bad.clone())
                .err()
                .map(|e| e.to_string()),
            borrowed
        );
        assert!(borrowed.is_some());
    }
}
