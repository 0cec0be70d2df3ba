//! Reading a raw comments file: rows of many creators with commenter and text, handed to
//! `microplan_audit::comment_import` and then dropped. Nothing here is stored.

use microplan_audit::RawComment;

use super::error::ImportError;
use super::headers::normalise_header;
use microplan_csv::columns::ColumnKind::{Bool, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::problem::CellError;
use microplan_csv::read::{CsvChunks, RawRow, Take};
use microplan_csv::text::{clean_handle, is_missing, parse_bool, unguard_formula};

/// Raw comments, analysed at import and never stored (see `microplan_audit::comment_import`).
#[rustfmt::skip]
pub const RAW_COMMENTS: &[ColumnSpec] = &[
    column("handle", "Creator handle", Text, true,
        &["creator", "creator handle", "account", "account username", "influencer", "influencer handle",
          "username", "profile", "channel", "post owner"],
        "The creator whose post was commented on."),
    column("post_id", "Post ID", Text, true, &["media id", "post", "permalink", "post link", "post url", "video id"],
        "The post the comment is on."),
    column("comment_id", "Comment ID", Text, false, &["comment id", "id", "cid", "comment key", "message id"],
        "The comment's own id, needed to follow replies."),
    column("commenter", "Commenter", Text, true,
        &["commenter handle", "comment author", "from", "username of commenter", "commenter username", "owner"],
        "Who wrote the comment; only a salted hash is used while counting, nothing is stored."),
    column("text", "Comment text", Text, true, &["comment", "comment text", "message", "body", "content"],
        "The comment; analysed and then discarded."),
    column("is_creator_reply", "Is creator reply", Bool, false,
        &["creator reply", "is reply by creator", "by creator", "is owner", "from creator",
          "creator replied", "reply by creator", "author is creator", "is creator", "owner reply"],
        "Whether the creator wrote it; empty means no."),
    column("parent", "Parent comment", Text, false,
        &["parent id", "parent comment id", "reply to", "in reply to", "replying to", "parent",
          "reply to comment id", "thread parent", "replied to"],
        "Id of the comment this one answers; empty for a top-level comment."),
];

/// Which file column feeds each of [`RAW_COMMENTS`] (by key, label or synonym).
pub fn map_comment_headers(headers: &[String]) -> Vec<Option<usize>> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let mut used = vec![false; headers.len()];
    RAW_COMMENTS
        .iter()
        .map(|spec| {
            let names = names_of(spec);
            let found = normalised
                .iter()
                .enumerate()
                .find(|(i, h)| !used.get(*i).copied().unwrap_or(true) && names.contains(h))
                .map(|(i, _)| i);
            if let Some(slot) = found.and_then(|i| used.get_mut(i)) {
                *slot = true;
            }
            found
        })
        .collect()
}

fn names_of(spec: &ColumnSpec) -> Vec<String> {
    let mut names = vec![normalise_header(spec.key), normalise_header(spec.label)];
    names.extend(spec.synonyms.iter().map(|s| normalise_header(s)));
    names
}

/// Labels of required comment columns the mapping lacks.
pub fn missing_comment_columns(mapping: &[Option<usize>]) -> Vec<&'static str> {
    RAW_COMMENTS
        .iter()
        .zip(mapping)
        .filter(|(spec, source)| spec.required && source.is_none())
        .map(|(spec, _)| spec.label)
        .collect()
}

/// Which file column feeds each comment field.
#[derive(Debug, Clone, Copy)]
struct CommentColumns {
    handle: Option<usize>,
    post: Option<usize>,
    id: Option<usize>,
    commenter: Option<usize>,
    text: Option<usize>,
    reply: Option<usize>,
    parent: Option<usize>,
}

impl CommentColumns {
    fn new(mapping: &[Option<usize>]) -> CommentColumns {
        let column = |key: &str| {
            RAW_COMMENTS
                .iter()
                .position(|s| s.key == key)
                .and_then(|i| mapping.get(i).copied().flatten())
        };
        CommentColumns {
            handle: column("handle"),
            post: column("post_id"),
            id: column("comment_id"),
            commenter: column("commenter"),
            text: column("text"),
            reply: column("is_creator_reply"),
            parent: column("parent"),
        }
    }
}

/// One record of a comments file as `(creator handle, comment)`. A record without a handle,
/// post or commenter is reported and skipped (the text may be empty: an empty comment is
/// still a comment). `cell(i)` is the record's cell `i`; `row` is the 1-based data row.
fn read_comment_record<'a>(
    cell: impl Fn(usize) -> Option<&'a str>,
    line: usize,
    row: usize,
    headers: &[String],
    columns: &CommentColumns,
    errors: &mut Vec<CellError>,
) -> Option<(String, RawComment)> {
    let value = |source: Option<usize>| {
        source
            .and_then(&cell)
            .map(|s| unguard_formula(s.trim()))
            .filter(|s| !is_missing(s))
    };
    let mut report = |source: Option<usize>, key: &str, value: &str, problem: &str, fix: &str| {
        let label = RAW_COMMENTS
            .iter()
            .find(|s| s.key == key)
            .map_or(key, |s| s.label);
        let name = source
            .and_then(|c| headers.get(c))
            .map_or(label, |h| h.as_str());
        errors.push(CellError {
            row,
            line,
            column: name.to_string(),
            value: value.chars().take(40).collect(),
            problem: problem.to_string(),
            fix: fix.to_string(),
        });
    };
    let creator = value(columns.handle)
        .map(clean_handle)
        .filter(|h| !h.is_empty());
    let post_id = value(columns.post);
    let author = value(columns.commenter);
    let is_reply = match value(columns.reply) {
        None => Some(false),
        Some(text) => parse_bool(text).or_else(|| {
            let fix = "write yes or no (true/false, 1/0)";
            report(
                columns.reply,
                "is_creator_reply",
                text,
                "is not yes or no",
                fix,
            );
            None
        }),
    };
    if creator.is_none() {
        let fix = "every comment needs the creator's handle";
        report(columns.handle, "handle", "", "Creator handle is empty", fix);
    }
    if post_id.is_none() {
        let fix = "every comment needs the post it belongs to";
        report(columns.post, "post_id", "", "Post ID is empty", fix);
    }
    if author.is_none() {
        report(
            columns.commenter,
            "commenter",
            "",
            "Commenter is empty",
            "every comment needs who wrote it",
        );
    }
    let comment = RawComment {
        post_id: post_id?.to_string(),
        comment_id: value(columns.id).map(str::to_string),
        commenter: author?.to_string(),
        text: columns
            .text
            .and_then(&cell)
            .map_or(String::new(), |s| s.trim().to_string()),
        is_creator_reply: is_reply?,
        parent: value(columns.parent).map(str::to_string),
    };
    Some((creator?, comment))
}

/// A comments file read a chunk of records at a time, straight into comments: the page
/// can show progress between chunks, and no table of cells is built.
pub struct CommentFile {
    file: CsvChunks,
    headers: Vec<String>,
    columns: CommentColumns,
    /// Data records read so far.
    rows_read: usize,
}

impl CommentFile {
    /// Decodes the file and maps its headers; names the missing columns when it cannot be read.
    pub fn open(bytes: &[u8]) -> Result<CommentFile, ImportError> {
        CommentFile::from_chunks(CsvChunks::open(bytes)?)
    }

    /// [`CommentFile::open`] of a file the caller no longer needs (its text is not copied).
    pub fn open_owned(bytes: Vec<u8>) -> Result<CommentFile, ImportError> {
        CommentFile::from_chunks(CsvChunks::open_owned(bytes)?)
    }

    /// The records of a part of a UTF-8 comments file (see [`CsvChunks::part`]): data rows
    /// are counted from the part's start, file lines from `first_line` there.
    pub fn open_part(
        text: String,
        headers: Vec<String>,
        delimiter: u8,
        first_line: usize,
    ) -> Result<CommentFile, ImportError> {
        CommentFile::from_chunks(CsvChunks::part(text, headers, delimiter, first_line)?)
    }

    pub fn chunks(&self) -> &CsvChunks {
        &self.file
    }

    /// Reads on after a reader stopped (see [`Take::Stop`]), from the record it stopped at.
    pub fn resume(&mut self) {
        self.file.resume();
    }

    fn from_chunks(file: CsvChunks) -> Result<CommentFile, ImportError> {
        let mapping = map_comment_headers(&file.headers);
        let missing = missing_comment_columns(&mapping);
        if !missing.is_empty() {
            return Err(ImportError::MissingCommentColumns(missing));
        }
        let headers = file.headers.clone();
        Ok(CommentFile {
            file,
            headers,
            columns: CommentColumns::new(&mapping),
            rows_read: 0,
        })
    }

    /// Reads up to `limit` more records into `out`; skipped records go to `errors`.
    pub fn read_chunk(
        &mut self,
        limit: usize,
        out: &mut Vec<(String, RawComment)>,
        errors: &mut Vec<CellError>,
    ) {
        let (headers, columns, row) = (&self.headers, &self.columns, &mut self.rows_read);
        self.file.visit_chunk(limit, |line, record| {
            *row += 1;
            out.extend(read_comment_record(
                |i| record.get(i),
                line,
                *row,
                headers,
                columns,
                errors,
            ));
        });
    }

    /// [`CommentFile::read_chunk`] taking only the records `keep` wants, given each record's
    /// offset in the text and its cleaned handle (`None` when empty); each comes with its
    /// 1-based data row. A record not kept costs no allocation and reports no problem, and is
    /// mostly not even parsed, so several readers can share a file between them by creator.
    pub fn read_chunk_where(
        &mut self,
        limit: usize,
        keep: &mut dyn FnMut(usize, Option<&str>) -> Take,
        out: &mut Vec<(usize, String, RawComment)>,
        errors: &mut Vec<CellError>,
    ) {
        let (headers, columns, row) = (&self.headers, &self.columns, &mut self.rows_read);
        let keep_cell = |start: usize, cell: Option<&str>| {
            let handle = cell
                .map(|s| unguard_formula(s.trim()))
                .filter(|s| !is_missing(s))
                .map(microplan_model::rows::normalise_handle)
                .filter(|h| !h.is_empty());
            keep(start, handle)
        };
        // Without a handle column no cell is read: every record has an empty handle.
        let column = columns.handle.unwrap_or(usize::MAX);
        self.file
            .visit_chunk_where(limit, column, keep_cell, |kept| {
                *row += 1;
                let Some((line, record)) = kept else {
                    return;
                };
                let read =
                    read_comment_record(|i| record.get(i), line, *row, headers, columns, errors);
                out.extend(read.map(|(handle, comment)| (*row, handle, comment)));
            });
    }

    pub fn is_done(&self) -> bool {
        self.file.is_done()
    }

    /// Share of the file read so far, 0 to 1.
    pub fn progress(&self) -> f64 {
        self.file.progress()
    }

    pub fn rows_read(&self) -> usize {
        self.rows_read
    }
}

/// `rows` of a comments file read whole; `first_row` is the 0-based data row of `rows[0]`.
pub fn read_comment_rows(
    headers: &[String],
    rows: &[RawRow],
    first_row: usize,
    mapping: &[Option<usize>],
    errors: &mut Vec<CellError>,
) -> Vec<(String, RawComment)> {
    let columns = CommentColumns::new(mapping);
    rows.iter()
        .enumerate()
        .filter_map(|(offset, row)| {
            let cell = |i: usize| row.cells.get(i).map(String::as_str);
            read_comment_record(
                cell,
                row.line,
                first_row + offset + 1,
                headers,
                &columns,
                errors,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use microplan_csv::read::read_csv;

    #[test]
    fn reads_comment_rows_and_reports_missing_cells() {
        let csv = "Username,Post,Comment ID,Commenter,Comment,Is creator reply,Parent ID\n\
                   @anna,p1,c1,bob,Which flour is this?,no,\n\
                   anna,p1,c2,anna,Rye!,yes,c1\n\
                   ,p2,c3,cat,hi,,\n";
        let table = read_csv(csv.as_bytes()).unwrap();
        let mapping = map_comment_headers(&table.headers);
        assert!(missing_comment_columns(&mapping).is_empty(), "{mapping:?}");
        let mut errors = Vec::new();
        let rows = read_comment_rows(&table.headers, &table.rows, 0, &mapping, &mut errors);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, "anna");
        assert_eq!(rows[1].1.parent.as_deref(), Some("c1"));
        assert!(rows[1].1.is_creator_reply && !rows[0].1.is_creator_reply);
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].row, errors[0].column.as_str()), (3, "Username"));
    }

    #[test]
    fn a_file_without_comment_text_names_the_missing_column() {
        let table = read_csv(b"handle,post_id,commenter\na,p,b\n").unwrap();
        let mapping = map_comment_headers(&table.headers);
        assert_eq!(missing_comment_columns(&mapping), vec!["Comment text"]);
    }
}
