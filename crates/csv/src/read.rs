//! Text to a raw table: delimiter sniffing, quoted fields, line numbers, decimal convention.
//!
//! Decimal comma rule (per file, stored in [`RawTable::decimal_comma`]): a comma-delimited
//! file always uses a decimal point. For semicolon, tab and pipe files each number-like cell
//! votes: `12,5` or `1.234,56` for a decimal comma, `12.5` or `1,234.56` for a decimal point
//! (`1,234` and `2026` fit both and do not vote). The majority wins; with no votes or a tie,
//! semicolon files use a decimal comma (that is why spreadsheets chose `;`), tab and pipe
//! files a decimal point. The import screen can override the choice.

use csv::{ReaderBuilder, StringRecord};

use super::decode::{count_line_breaks, decode, decode_owned, Decoded, ReadError};
use super::limits::{MAX_COLUMNS, MAX_LINE_BYTES};
use super::number::decimal_evidence;

pub use super::raw_table::{RawRow, RawTable};

const CANDIDATE_DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
const SNIFF_RECORDS: usize = 60;
/// The delimiter is sniffed from at most this much text (whole lines), so a wide file costs
/// no more to sniff than a narrow one.
const SNIFF_BYTES: usize = 1_000_000;
const EVIDENCE_ROWS: usize = 2000;

/// A leading `sep=;` line (Excel) names the delimiter.
fn take_sep_line(text: &str) -> (&str, Option<u8>) {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.trim().trim_matches('"');
    let declared = first
        .get(..4)
        .filter(|head| head.eq_ignore_ascii_case("sep="))
        .and_then(|_| first.get(4..));
    match declared.map(str::as_bytes) {
        Some([delimiter]) if delimiter.is_ascii() && !delimiter.is_ascii_alphanumeric() => {
            (rest, Some(*delimiter))
        }
        _ => (text, None),
    }
}

/// The first line longer than [`MAX_LINE_BYTES`]. Lines are checked a window of
/// `MAX_LINE_BYTES + 1` bytes at a time: when the window holds a line break, every line
/// before its last break is short enough, and that break is found by looking back from the
/// window's end, so a file of ordinary lines costs a few bytes per megabyte, not a pass.
pub fn check_line_lengths(text: &str) -> Result<(), ReadError> {
    let bytes = text.as_bytes();
    let is_break = |b: &u8| matches!(b, b'\n' | b'\r');
    let mut start = 0usize;
    while bytes.len().saturating_sub(start) > MAX_LINE_BYTES {
        let window_end = start.saturating_add(MAX_LINE_BYTES + 1);
        let window = bytes.get(start..window_end).unwrap_or(&[]);
        match window.iter().rposition(is_break) {
            Some(last) => start = start.saturating_add(last + 1),
            None => {
                let rest = bytes.get(window_end..).unwrap_or(&[]);
                let end = rest
                    .iter()
                    .position(is_break)
                    .map_or(bytes.len(), |at| window_end.saturating_add(at));
                return Err(too_long(bytes, start, end));
            }
        }
    }
    Ok(())
}

fn too_long(bytes: &[u8], start: usize, end: usize) -> ReadError {
    let before = bytes.get(..start).unwrap_or(&[]);
    ReadError::LineTooLong {
        line: count_line_breaks(before).saturating_add(1),
        bytes: end.saturating_sub(start),
    }
}

/// Refuses a header with more than [`MAX_COLUMNS`] named columns.
pub fn check_header_width(columns: usize) -> Result<(), ReadError> {
    if columns > MAX_COLUMNS {
        Err(ReadError::TooManyColumns { columns })
    } else {
        Ok(())
    }
}

/// A csv reader of `bytes` as this module reads records: no header row, any number of fields.
pub fn record_reader(bytes: &[u8], delimiter: u8) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

/// Hands up to `limit` non-blank records to `visit` with the file line each starts on, and
/// returns the byte offset where the next record starts and the file line of that offset,
/// so a large file can be read a chunk at a time without building rows. Lines are counted
/// once, between one record's start and the next.
fn visit_records(
    text: &str,
    delimiter: u8,
    first_line: usize,
    limit: usize,
    mut visit: impl FnMut(usize, &StringRecord),
) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut reader = record_reader(bytes, delimiter);
    let mut record = StringRecord::new();
    let (mut visited, mut counted_to, mut line) = (0usize, 0usize, first_line);
    while visited < limit {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) | Err(_) => return chunk_end(bytes, bytes.len(), counted_to, line),
        }
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let start = record
            .position()
            .map_or(counted_to, |position| position.byte() as usize);
        count_to_record(bytes, start, &mut counted_to, &mut line);
        visit(line, &record);
        visited += 1;
    }
    chunk_end(bytes, reader.position().byte() as usize, counted_to, line)
}

/// Counts lines up to a record csv parsed, which starts at `start` or after the blank lines
/// there (csv reports where it started looking, before any skipped blank lines): moves `line`
/// to the record's line and `counted_to` to its first byte.
fn count_to_record(bytes: &[u8], start: usize, counted_to: &mut usize, line: &mut usize) {
    let start = start + line_breaks_at(bytes.get(start..).unwrap_or(&[]));
    *line += count_line_breaks(bytes.get(*counted_to..start).unwrap_or(&[]));
    *counted_to = (*counted_to).max(start);
}

/// Where a chunk that stopped at `end` ends, and the line there: a CRLF is never split,
/// since the next chunk would count its LF as a second line break.
fn chunk_end(bytes: &[u8], end: usize, counted_to: usize, line: usize) -> (usize, usize) {
    let mut end = end.min(bytes.len());
    if end > 0 && bytes.get(end - 1) == Some(&b'\r') && bytes.get(end) == Some(&b'\n') {
        end += 1;
    }
    let rest = bytes.get(counted_to..end).unwrap_or(&[]);
    (end, line + count_line_breaks(rest))
}

/// [`visit_records`] for a reader that wants only some records: `keep` gets each non-blank
/// record's start offset and its cell `column` as written (`None` when the record has no such
/// cell). Kept records go to `visit` with their file line; skipped ones go as `None`, and when
/// a skipped record is plainly written (see [`plain_cell`] and [`plain_record_end`]) it is not
/// parsed at all: records of other readers cost a scan for quotes, delimiters and line breaks.
/// [`Take::Stop`] ends the reading before that record.
fn visit_records_where(
    text: &str,
    delimiter: u8,
    first_line: usize,
    limit: usize,
    column: usize,
    mut keep: impl FnMut(usize, Option<&str>) -> Take,
    mut visit: impl FnMut(Option<(usize, &StringRecord)>),
) -> ChunkEnd {
    let bytes = text.as_bytes();
    let mut record = StringRecord::new();
    let (mut visited, mut counted_to, mut line) = (0usize, 0usize, first_line);
    // Where the next record (or the blank lines before it) starts.
    let mut at = 0usize;
    // The parser of the current run of parsed records, and the offset it started at.
    let mut parser: Option<(usize, csv::Reader<&[u8]>)> = None;
    while visited < limit {
        let start = at + line_breaks_at(bytes.get(at..).unwrap_or(&[]));
        // Whether `keep` took the record, when its cell could be read without parsing it.
        let mut kept = None;
        // A record with a non-blank cell is never blank.
        let cell =
            plain_cell(bytes, start, delimiter, column).filter(|(c, _)| !c.trim().is_empty());
        if let Some((cell, after)) = cell {
            let take = keep(start, Some(cell));
            if take == Take::Stop {
                count_to_record(bytes, start, &mut counted_to, &mut line);
                return ChunkEnd::stopped(start, line);
            }
            let keeps = take == Take::Keep;
            if !keeps {
                if let Some(end) = plain_record_end(bytes, after, delimiter) {
                    parser = None;
                    visit(None);
                    visited += 1;
                    at = end;
                    continue;
                }
            }
            kept = Some(keeps);
        }
        let (base, reader) = parser.get_or_insert_with(|| {
            let reader = record_reader(bytes.get(at..).unwrap_or(&[]), delimiter);
            (at, reader)
        });
        let base = *base;
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) | Err(_) => return chunk_end(bytes, bytes.len(), counted_to, line).into(),
        }
        let record_at = base
            + record
                .position()
                .map_or(at - base, |position| position.byte() as usize);
        at = base + reader.position().byte() as usize;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let keeps = match kept {
            Some(keeps) => keeps,
            None => match keep(start, record.get(column)) {
                Take::Keep => true,
                Take::Skip => false,
                Take::Stop => {
                    count_to_record(bytes, record_at, &mut counted_to, &mut line);
                    return ChunkEnd::stopped(counted_to, line);
                }
            },
        };
        visited += 1;
        if !keeps {
            visit(None);
            continue;
        }
        count_to_record(bytes, record_at, &mut counted_to, &mut line);
        visit(Some((line, &record)));
    }
    chunk_end(bytes, at, counted_to, line).into()
}

/// What a reader that takes only some records (see [`CsvChunks::visit_chunk_where`]) does
/// with the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Take {
    Keep,
    Skip,
    /// Stop before this record: the reading is done.
    Stop,
}

/// Where a chunk of [`visit_records_where`] ended: the offset and file line of the next
/// record, and whether the reader asked to stop there.
struct ChunkEnd {
    offset: usize,
    line: usize,
    stopped: bool,
}

impl ChunkEnd {
    fn stopped(offset: usize, line: usize) -> ChunkEnd {
        ChunkEnd {
            offset,
            line,
            stopped: true,
        }
    }
}

impl From<(usize, usize)> for ChunkEnd {
    fn from((offset, line): (usize, usize)) -> ChunkEnd {
        ChunkEnd {
            offset,
            line,
            stopped: false,
        }
    }
}

/// How many line-break bytes `bytes` starts with (the blank lines csv skips).
fn line_breaks_at(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|b| !matches!(b, b'\r' | b'\n'))
        .unwrap_or(bytes.len())
}

/// One plainly written field at `at`: unquoted, or quoted with its closing quote right
/// before a delimiter, a line break or the end (what csv reads the same way). Gives the
/// field's text range (inside the quotes), whether it holds a doubled quote, and the offset
/// of the byte after it; `None` for a field csv alone can read.
fn plain_field(bytes: &[u8], at: usize, delimiter: u8) -> Option<(usize, usize, bool, usize)> {
    if bytes.get(at) != Some(&b'"') {
        let rest = bytes.get(at..)?;
        let length = rest
            .iter()
            .position(|b| *b == delimiter || matches!(b, b'\r' | b'\n'))
            .unwrap_or(rest.len());
        return Some((at, at + length, false, at + length));
    }
    let mut search = at + 1;
    let mut doubled = false;
    loop {
        let quote = search + bytes.get(search..)?.iter().position(|b| *b == b'"')?;
        match bytes.get(quote + 1) {
            Some(b'"') => {
                doubled = true;
                search = quote + 2;
            }
            Some(b) if *b != delimiter && !matches!(b, b'\r' | b'\n') => return None,
            _ => return Some((at + 1, quote, doubled, quote + 1)),
        }
    }
}

/// Cell `column` of the record starting at `start`, as written, when the fields up to it are
/// plainly written (see [`plain_field`]) and it holds no doubled quote, with the offset
/// after it.
fn plain_cell(bytes: &[u8], start: usize, delimiter: u8, column: usize) -> Option<(&str, usize)> {
    if start >= bytes.len() {
        return None;
    }
    let mut at = start;
    for _ in 0..column {
        let (_, _, _, after) = plain_field(bytes, at, delimiter)?;
        if bytes.get(after) != Some(&delimiter) {
            return None;
        }
        at = after + 1;
    }
    let (from, to, doubled, after) = plain_field(bytes, at, delimiter)?;
    if doubled {
        return None;
    }
    let text = std::str::from_utf8(bytes.get(from..to)?).ok()?;
    Some((text, after))
}

/// Where the next record starts, from the offset after a plainly written field: after the
/// record's line break, when its other fields are plainly written too.
fn plain_record_end(bytes: &[u8], mut after: usize, delimiter: u8) -> Option<usize> {
    loop {
        match bytes.get(after) {
            None => return Some(after),
            Some(b'\r') if bytes.get(after + 1) == Some(&b'\n') => return Some(after + 2),
            Some(b'\r' | b'\n') => return Some(after + 1),
            Some(b) if *b == delimiter => after = plain_field(bytes, after + 1, delimiter)?.3,
            Some(_) => return None,
        }
    }
}

/// The first [`SNIFF_BYTES`] of `text`, cut after the last line break within them.
fn sniff_sample(text: &str) -> &str {
    let Some(prefix) = text.as_bytes().get(..SNIFF_BYTES) else {
        return text;
    };
    match prefix.iter().rposition(|b| *b == b'\n') {
        Some(last_break) => text.get(..=last_break).unwrap_or(text),
        None => text,
    }
}

/// Picks the delimiter whose field counts agree best over the first records.
fn sniff_delimiter(text: &str) -> u8 {
    let text = sniff_sample(text);
    let mut best = (b',', 0usize, 0usize);
    for delimiter in CANDIDATE_DELIMITERS {
        // Counts fields without copying cells: a wide header costs no allocation per cell.
        let (mut width, mut records, mut consistent) = (None, 0usize, 0usize);
        visit_records(text, delimiter, 1, SNIFF_RECORDS, |_, record| {
            let width = *width.get_or_insert(record.len());
            records += 1;
            if record.len() >= width && record.iter().skip(width).all(|c| c.trim().is_empty()) {
                consistent += 1;
            }
        });
        let width = width.unwrap_or(0);
        if width < 2 {
            continue;
        }
        let score = consistent * 1000 / records.max(1);
        if (score, width) > (best.1, best.2) {
            best = (delimiter, score, width);
        }
    }
    best.0
}

fn decide_decimal_comma(rows: &[RawRow], delimiter: u8) -> bool {
    if delimiter == b',' {
        return false;
    }
    let (mut comma, mut point) = (0usize, 0usize);
    for cell in rows
        .iter()
        .take(EVIDENCE_ROWS)
        .flat_map(|row| row.cells.iter())
    {
        match decimal_evidence(cell) {
            Some(true) => comma += 1,
            Some(false) => point += 1,
            None => {}
        }
    }
    if comma == point {
        delimiter == b';'
    } else {
        comma > point
    }
}

fn clean_headers(cells: &[String]) -> Vec<String> {
    let named = cells
        .iter()
        .rposition(|cell| !cell.trim().is_empty())
        .map_or(0, |last| last + 1);
    cells
        .iter()
        .take(named)
        .enumerate()
        .map(|(index, cell)| {
            let name = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
            if name.is_empty() {
                format!("column {}", index + 1)
            } else {
                name.to_string()
            }
        })
        .collect()
}

/// Decodes, sniffs and parses a CSV file. Rows keep their file line for messages.
pub fn read_csv(bytes: &[u8]) -> Result<RawTable, ReadError> {
    let mut chunks = CsvChunks::open(bytes)?;
    let mut rows = chunks.next_chunk(usize::MAX);
    // YouTube Studio's Table data.csv opens with a Total row (see `platform_exports.rs`).
    super::platform_exports::skip_total_row(&chunks.headers, &mut rows, &mut chunks.notes);
    let decimal_comma = decide_decimal_comma(&rows, chunks.delimiter);
    Ok(RawTable {
        headers: chunks.headers,
        rows,
        delimiter: chunks.delimiter,
        encoding: chunks.encoding,
        decimal_comma,
        notes: chunks.notes,
    })
}

/// A decoded file read a chunk of records at a time, so a page can show progress and stay
/// responsive between chunks of a large file.
pub struct CsvChunks {
    text: String,
    /// Byte offset in `text` where the next record starts.
    offset: usize,
    /// File line of `offset`.
    line: usize,
    pub headers: Vec<String>,
    pub delimiter: u8,
    pub encoding: &'static str,
    pub notes: Vec<String>,
    /// The file's byte offset of `text`'s start, for UTF-8 files (see [`CsvChunks::file_offset`]).
    text_in_file: Option<usize>,
    /// The reader asked to stop (see [`Take::Stop`]).
    stopped: bool,
}

impl CsvChunks {
    /// Decodes the file, finds its delimiter and reads the header.
    pub fn open(bytes: &[u8]) -> Result<CsvChunks, ReadError> {
        CsvChunks::from_decoded(decode(bytes)?, bytes.len())
    }

    /// [`CsvChunks::open`] of a file the caller no longer needs (no copy of plain UTF-8).
    pub fn open_owned(bytes: Vec<u8>) -> Result<CsvChunks, ReadError> {
        let length = bytes.len();
        CsvChunks::from_decoded(decode_owned(bytes)?, length)
    }

    /// The records of a part of a UTF-8 file: `text` starts at a record, `first_line` is its
    /// line, and the header and delimiter come from the file's start ([`CsvChunks::open`]).
    pub fn part(
        text: String,
        headers: Vec<String>,
        delimiter: u8,
        first_line: usize,
    ) -> Result<CsvChunks, ReadError> {
        check_line_lengths(&text)?;
        Ok(CsvChunks {
            text,
            offset: 0,
            line: first_line,
            headers,
            delimiter,
            encoding: "UTF-8",
            notes: Vec::new(),
            text_in_file: None,
            stopped: false,
        })
    }

    /// The file's byte offset where the next record (or the blank lines before it) starts;
    /// `None` unless the file is UTF-8, whose text keeps the file's bytes.
    pub fn file_offset(&self) -> Option<usize> {
        self.text_in_file.map(|start| start + self.offset)
    }

    /// Whether the delimiter was sniffed from as much text as a whole file gives it: a file's
    /// start read alone finds the same delimiter as the whole file when this holds.
    pub fn sniffed_in_full(&self, whole_file: bool) -> bool {
        whole_file || self.text.len() > SNIFF_BYTES
    }

    fn from_decoded(decoded: Decoded, file_bytes: usize) -> Result<CsvChunks, ReadError> {
        let utf8 = decoded.encoding.starts_with("UTF-8");
        let decoded_prefix = file_bytes.saturating_sub(decoded.text.len());
        let mut notes = decoded.notes;
        let mut text = decoded.text;
        check_line_lengths(&text)?;
        let (body, declared) = take_sep_line(&text);
        // Analytics exports open with `#` comment lines (see `platform_exports.rs`).
        let (preamble, preamble_lines) = super::platform_exports::comment_preamble(body);
        let body = body.get(preamble..).unwrap_or(body);
        if preamble_lines > 0 {
            notes.push(format!("The first {preamble_lines} lines are the export's `#` notes about the report; they were skipped."));
        }
        let skipped = text.len() - body.len();
        let delimiter = declared.unwrap_or_else(|| sniff_delimiter(body));
        if let Some(delimiter) = declared {
            notes.push(format!(
                "The file's first line sets the delimiter to `{}`.",
                char::from(delimiter)
            ));
        }
        text.drain(..skipped);
        let text_in_file = utf8.then_some(decoded_prefix + skipped);
        let first_line = if declared.is_some() { 2 } else { 1 } + preamble_lines;
        let mut header = Vec::new();
        let (offset, line) = visit_records(&text, delimiter, first_line, 1, |_, record| {
            header = record.iter().map(|cell| cell.trim().to_string()).collect();
        });
        let headers = clean_headers(&header);
        if headers.is_empty() {
            return Err(ReadError::NoHeader);
        }
        check_header_width(headers.len())?;
        Ok(CsvChunks {
            text,
            offset,
            line,
            headers,
            delimiter,
            encoding: decoded.encoding,
            notes,
            text_in_file,
            stopped: false,
        })
    }

    /// The next `limit` records (fewer at the end; none when the file is done), each with
    /// at least one cell per header.
    pub fn next_chunk(&mut self, limit: usize) -> Vec<RawRow> {
        let width = self.headers.len();
        let mut rows = Vec::new();
        self.visit_chunk(limit, |line, record| {
            let mut cells: Vec<String> =
                record.iter().map(|cell| cell.trim().to_string()).collect();
            let used = cells
                .iter()
                .rposition(|cell| !cell.is_empty())
                .map_or(0, |last| last + 1);
            cells.truncate(used.max(width));
            cells.resize(cells.len().max(width), String::new());
            rows.push(RawRow { line, cells });
        });
        rows
    }

    /// The next `limit` records handed to `visit` with their file line, untrimmed and
    /// without copying their cells: for files too large to hold as rows.
    pub fn visit_chunk(&mut self, limit: usize, visit: impl FnMut(usize, &StringRecord)) {
        let rest = self.text.get(self.offset..).unwrap_or("");
        let (consumed, line) = visit_records(rest, self.delimiter, self.line, limit, visit);
        self.line = line;
        self.offset += consumed;
    }

    /// [`CsvChunks::visit_chunk`] taking only the records `keep` wants, given each record's
    /// offset in the text and its cell `column` as written (`None` when it has none): kept
    /// ones go to `visit` with their file line, skipped ones as `None`, mostly without being
    /// parsed. After [`Take::Stop`] the reading is done.
    pub fn visit_chunk_where(
        &mut self,
        limit: usize,
        column: usize,
        mut keep: impl FnMut(usize, Option<&str>) -> Take,
        visit: impl FnMut(Option<(usize, &StringRecord)>),
    ) {
        if self.stopped {
            return;
        }
        let base = self.offset;
        let rest = self.text.get(self.offset..).unwrap_or("");
        let keep_at = |start: usize, cell: Option<&str>| keep(base + start, cell);
        let end = visit_records_where(
            rest,
            self.delimiter,
            self.line,
            limit,
            column,
            keep_at,
            visit,
        );
        self.line = end.line;
        self.offset += end.offset;
        self.stopped = end.stopped;
    }

    /// Reads on after a reader stopped (see [`Take::Stop`]), from the record it stopped at.
    pub fn resume(&mut self) {
        self.stopped = false;
    }

    /// The text read so far ends here; with [`CsvChunks::line`], where the next record is.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The file line at [`CsvChunks::offset`].
    pub fn line(&self) -> usize {
        self.line
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Share of the file read so far, 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.text.is_empty() {
            1.0
        } else {
            self.offset as f64 / self.text.len() as f64
        }
    }

    pub fn is_done(&self) -> bool {
        self.stopped || self.offset >= self.text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_exactly_the_limit_passes_and_one_byte_more_is_refused() {
        let fits = format!("a,b\r\n{}\r\nc,d", "x".repeat(MAX_LINE_BYTES));
        assert_eq!(check_line_lengths(&fits), Ok(()));
        let long = format!("a,b\r\nc,d\r\n{}", "x".repeat(MAX_LINE_BYTES + 1));
        // CRLF counts as one line break: the long line is line 3.
        assert_eq!(
            check_line_lengths(&long),
            Err(ReadError::LineTooLong {
                line: 3,
                bytes: 1_000_001
            })
        );
        let message = check_line_lengths(&long).unwrap_err().to_string();
        assert!(
            message.starts_with(
                "Line 3 is 1,000,001 bytes long; the limit is 1 MB (1,000,000 bytes) per line"
            ),
            "{message}"
        );
    }

    #[test]
    fn long_lines_are_found_at_any_offset_and_break() {
        // The long line starts at every offset within a word, after each kind of break.
        for lead in 0..9 {
            for separator in ["\n", "\r\n", "\r"] {
                for extra in [0, 1] {
                    let length = MAX_LINE_BYTES + extra;
                    let text = format!(
                        "{}{separator}{}{separator}ok",
                        "a".repeat(lead),
                        "x".repeat(length)
                    );
                    let expected = if extra == 0 {
                        Ok(())
                    } else {
                        Err(ReadError::LineTooLong {
                            line: 2,
                            bytes: length,
                        })
                    };
                    assert_eq!(
                        check_line_lengths(&text),
                        expected,
                        "lead {lead} {separator:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_first_long_line_after_many_short_ones_is_the_one_named() {
        // Short lines fill several windows first; then two long lines: the first is named.
        let short = "ab,c\r\n".repeat(MAX_LINE_BYTES / 3);
        let long = "x".repeat(MAX_LINE_BYTES + 5);
        let text = format!("{short}{long}\n{long}y\nok");
        let lines = short.matches("\r\n").count();
        assert_eq!(
            check_line_lengths(&text),
            Err(ReadError::LineTooLong {
                line: lines + 1,
                bytes: MAX_LINE_BYTES + 5
            })
        );
        assert_eq!(check_line_lengths(&format!("{short}{short}ok")), Ok(()));
    }

    #[test]
    fn a_header_of_the_limit_passes_and_one_column_more_is_refused() {
        assert_eq!(check_header_width(1_000), Ok(()));
        let error = check_header_width(1_001).unwrap_err();
        assert_eq!(error, ReadError::TooManyColumns { columns: 1_001 });
        assert!(
            error
                .to_string()
                .starts_with("The header has 1,001 columns; the limit is 1,000"),
            "{error}"
        );
    }

    /// Every record of `text` through `visit_chunk_where` (keeping records by `keep`) and
    /// through `visit_chunk`, filtered: the same rows, lines, cells and chunk ends.
    fn agree(text: &str, column: usize, keep: &dyn Fn(Option<&str>) -> bool, limit: usize) {
        let open = |text: &str| CsvChunks {
            text: text.to_string(),
            offset: 0,
            line: 1,
            headers: vec!["a".into()],
            delimiter: b',',
            encoding: "UTF-8",
            notes: Vec::new(),
            text_in_file: Some(0),
            stopped: false,
        };
        let (mut plain, mut filtered) = (open(text), open(text));
        while !plain.is_done() || !filtered.is_done() {
            let mut expected = Vec::new();
            plain.visit_chunk(limit, |line, record| {
                let cells: Vec<String> = record.iter().map(str::to_string).collect();
                expected.push(keep(record.get(column)).then_some((line, cells)));
            });
            let mut seen = Vec::new();
            let take = |_: usize, cell: Option<&str>| match keep(cell) {
                true => Take::Keep,
                false => Take::Skip,
            };
            filtered.visit_chunk_where(limit, column, take, |kept| {
                seen.push(
                    kept.map(|(line, record)| (line, record.iter().map(str::to_string).collect())),
                );
            });
            assert_eq!(seen, expected, "{text:?}");
            assert_eq!(
                (filtered.offset, filtered.line),
                (plain.offset, plain.line),
                "{text:?}"
            );
        }
    }

    #[test]
    fn reading_only_kept_records_agrees_with_reading_all() {
        let keep_b = |cell: Option<&str>| cell.is_some_and(|c| c.contains('b'));
        let keep_none = |cell: Option<&str>| cell.is_none();
        agree(
            "a,b\r\nb,\"x\"\"y\"\n\n\"b\",1\ra\"b,2\n \n\"a\nb\"c,3",
            0,
            &keep_b,
            2,
        );
        // Random texts over the bytes that matter to csv, with several keep rules.
        let alphabet = ["a", "b", "\"", ",", "\r", "\n", " ", "é", "\"\"", "b,a\n"];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound as u64) as usize
        };
        for _ in 0..4_000 {
            let text: String = (0..next(40))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let column = next(3);
            let limit = 1 + next(4);
            agree(&text, column, &keep_b, limit);
            agree(&text, column, &keep_none, limit);
            agree(&text, column, &|_| true, limit);
            agree(&text, column, &|_| false, limit);
        }
    }

    #[test]
    fn a_reader_stops_before_a_record_and_reads_on_from_it() {
        // Records start at bytes 0, 4, 14 (after a blank line) and 18; "b" spans two lines.
        let text = "a,1\nb,\"x\ny\"\n\r\nc,3\nd,4\n";
        let part = || CsvChunks::part(text.to_string(), vec!["k".into(), "v".into()], b',', 7);
        let mut chunks = part().unwrap();
        let (mut starts, mut seen) = (Vec::new(), Vec::new());
        let stop_at_c = |start: usize, cell: Option<&str>| {
            starts.push(start);
            if cell == Some("c") {
                Take::Stop
            } else {
                Take::Keep
            }
        };
        chunks.visit_chunk_where(10, 0, stop_at_c, |kept| {
            seen.extend(kept.map(|(line, record)| (line, record[0].to_string())));
        });
        assert_eq!(starts, [0, 4, 14]);
        assert_eq!(seen, [(7, "a".to_string()), (8, "b".to_string())]);
        // Stopped at "c": its offset and line, and nothing more is read until resumed.
        assert!(chunks.is_done());
        assert_eq!((chunks.offset(), chunks.line()), (14, 11));
        chunks.visit_chunk_where(10, 0, |_, _| Take::Keep, |_| panic!("read after a stop"));
        chunks.resume();
        let mut rest = Vec::new();
        chunks.visit_chunk_where(
            10,
            0,
            |_, _| Take::Keep,
            |kept| {
                rest.extend(kept.map(|(line, record)| (line, record[0].to_string())));
            },
        );
        assert_eq!(rest, [(11, "c".to_string()), (12, "d".to_string())]);
        assert!(chunks.is_done());
        // A part is checked like a whole file: a line over the limit is refused.
        let long = format!("a,{}\n", "x".repeat(crate::limits::MAX_LINE_BYTES));
        assert!(CsvChunks::part(long, vec!["k".into()], b',', 1).is_err());
    }
}
