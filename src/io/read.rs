//! Text to a raw table: delimiter sniffing, quoted fields, line numbers, decimal convention.
//!
//! Decimal comma rule (per file, stored in [`RawTable::decimal_comma`]): a comma-delimited
//! file always uses a decimal point. For semicolon, tab and pipe files each number-like cell
//! votes: `12,5` or `1.234,56` for a decimal comma, `12.5` or `1,234.56` for a decimal point
//! (`1,234` and `2026` fit both and do not vote). The majority wins; with no votes or a tie,
//! semicolon files use a decimal comma (that is why spreadsheets chose `;`), tab and pipe
//! files a decimal point. The import screen can override the choice.

use csv::{ReaderBuilder, StringRecord};

use super::decode::{decode, ReadError};
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

/// Counts line breaks (`\n`, `\r\n` or a lone `\r`) in a byte range.
fn count_line_breaks(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'\n' || (**b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

/// Parses records with their starting lines, skipping blank records; stops after `limit`.
fn parse_records(text: &str, delimiter: u8, first_line: usize, limit: usize) -> Vec<RawRow> {
    let bytes = text.as_bytes();
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = StringRecord::new();
    let mut rows = Vec::new();
    let (mut counted_to, mut line) = (0usize, first_line);
    while rows.len() < limit {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) | Err(_) => break,
        }
        let cells: Vec<String> = record.iter().map(|cell| cell.trim().to_string()).collect();
        if cells.iter().all(String::is_empty) {
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
        rows.push(RawRow { line, cells });
    }
    rows
}

/// Picks the delimiter whose field counts agree best over the first records.
fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for delimiter in CANDIDATE_DELIMITERS {
        let records = parse_records(text, delimiter, 1, SNIFF_RECORDS);
        let Some(header) = records.first() else {
            continue;
        };
        let width = header.cells.len();
        if width < 2 {
            continue;
        }
        let consistent = records
            .iter()
            .filter(|row| {
                row.cells.len() >= width && row.cells.iter().skip(width).all(String::is_empty)
            })
            .count();
        let score = consistent * 1000 / records.len().max(1);
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
    let decoded = decode(bytes)?;
    let mut notes = decoded.notes;
    let (body, declared) = take_sep_line(&decoded.text);
    let first_line = if declared.is_some() { 2 } else { 1 };
    let delimiter = declared.unwrap_or_else(|| sniff_delimiter(body));
    if let Some(delimiter) = declared {
        notes.push(format!(
            "The file's first line sets the delimiter to `{}`.",
            char::from(delimiter)
        ));
    }
    let mut records = parse_records(body, delimiter, first_line, usize::MAX).into_iter();
    let header = records.next().ok_or(ReadError::NoHeader)?;
    let headers = clean_headers(&header.cells);
    if headers.is_empty() {
        return Err(ReadError::NoHeader);
    }
    let rows: Vec<RawRow> = records
        .map(|mut row| {
            let used = row
                .cells
                .iter()
                .rposition(|cell| !cell.is_empty())
                .map_or(0, |last| last + 1);
            row.cells.truncate(used.max(headers.len()));
            row.cells
                .resize(row.cells.len().max(headers.len()), String::new());
            row
        })
        .collect();
    let decimal_comma = decide_decimal_comma(&rows, delimiter);
    Ok(RawTable {
        headers,
        rows,
        delimiter,
        encoding: decoded.encoding,
        decimal_comma,
        notes,
    })
}
