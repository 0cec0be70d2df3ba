//! Text to a raw table: delimiter sniffing, quoted fields, line numbers, decimal convention.
//!
//! Decimal comma rule (per file, stored in [`RawTable::decimal_comma`]): a comma-delimited
//! file always uses a decimal point. For semicolon, tab and pipe files each number-like cell
//! votes: `12,5` or `1.234,56` for a decimal comma, `12.5` or `1,234.56` for a decimal point
//! (`1,234` and `2026` fit both and do not vote). The majority wins; with no votes or a tie,
//! semicolon files use a decimal comma (that is why spreadsheets chose `;`), tab and pipe
//! files a decimal point. The import screen can override the choice.

use csv::{ReaderBuilder, StringRecord};

use super::decode::{
    bytes_equal, count_line_breaks, decode, decode_owned, load_word, padded_word, Decoded,
    ReadError,
};
use super::limits::{MAX_COLUMNS, MAX_LINE_BYTES};
use super::number::decimal_evidence;

/// A parsed file before any column has a meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct RawTable {
    /// Trimmed header names; a blank header is named `column 3` after its position.
    pub headers: Vec<String>,
    pub rows: Vec<RawRow>,
    pub delimiter: u8,
    /// "UTF-8", "UTF-8 with BOM", "UTF-16 LE", "UTF-16 BE" ...
    pub encoding: &'static str,
    /// Whether numbers use `,` as the decimal separator (see the module docs).
    pub decimal_comma: bool,
    /// Things repaired or decided while reading, for the import screen.
    pub notes: Vec<String>,
}

/// One data record. `cells` has at least one cell per header (short rows are padded with
/// empty cells); longer rows keep their extra non-empty cells so validation can report them.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// 1-based line in the file where the record starts.
    pub line: usize,
    pub cells: Vec<String>,
}

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

/// The first line longer than [`MAX_LINE_BYTES`], found in one pass over the bytes, eight
/// at a time: within a word only its first line break can end a long line (the others end
/// lines shorter than eight bytes), and a line goes on from after its last.
pub fn check_line_lengths(text: &str) -> Result<(), ReadError> {
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let words = bytes.chunks_exact(8);
    let last = padded_word(words.remainder());
    // Whole words are single loads; only the short last one is padded.
    for (padded, at) in words
        .map(load_word)
        .chain([last])
        .zip((0usize..).step_by(8))
    {
        let breaks = bytes_equal(padded, b'\n') | bytes_equal(padded, b'\r');
        if breaks == 0 {
            continue;
        }
        let first = at.saturating_add((breaks.trailing_zeros() / 8) as usize);
        if first.saturating_sub(start) > MAX_LINE_BYTES {
            return Err(too_long(bytes, start, first));
        }
        let last = at.saturating_add(7 - (breaks.leading_zeros() / 8) as usize);
        start = last.saturating_add(1);
    }
    if bytes.len().saturating_sub(start) > MAX_LINE_BYTES {
        return Err(too_long(bytes, start, bytes.len()));
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
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = StringRecord::new();
    let (mut visited, mut counted_to, mut line) = (0usize, 0usize, first_line);
    while visited < limit {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) | Err(_) => {
                let rest = bytes.get(counted_to..).unwrap_or(&[]);
                return (bytes.len(), line + count_line_breaks(rest));
            }
        }
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        // csv reports where it started looking, before any skipped blank lines.
        let mut start = record
            .position()
            .map_or(counted_to, |position| position.byte() as usize);
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        line += count_line_breaks(bytes.get(counted_to..start).unwrap_or(&[]));
        counted_to = counted_to.max(start);
        visit(line, &record);
        visited += 1;
    }
    let mut end = (reader.position().byte() as usize).min(bytes.len());
    // Never split a CRLF: the next chunk would count its LF as a second line break.
    if end > 0 && bytes.get(end - 1) == Some(&b'\r') && bytes.get(end) == Some(&b'\n') {
        end += 1;
    }
    let rest = bytes.get(counted_to..end).unwrap_or(&[]);
    (end, line + count_line_breaks(rest))
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
}

impl CsvChunks {
    /// Decodes the file, finds its delimiter and reads the header.
    pub fn open(bytes: &[u8]) -> Result<CsvChunks, ReadError> {
        CsvChunks::from_decoded(decode(bytes)?)
    }

    /// [`CsvChunks::open`] of a file the caller no longer needs (no copy of plain UTF-8).
    pub fn open_owned(bytes: Vec<u8>) -> Result<CsvChunks, ReadError> {
        CsvChunks::from_decoded(decode_owned(bytes)?)
    }

    fn from_decoded(decoded: Decoded) -> Result<CsvChunks, ReadError> {
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

    /// Share of the file read so far, 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.text.is_empty() {
            1.0
        } else {
            self.offset as f64 / self.text.len() as f64
        }
    }

    pub fn is_done(&self) -> bool {
        self.offset >= self.text.len()
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
}
