//! Proposes which file header feeds which column, by name.

use microplan_model::rows::PipelineStatus;

pub use super::headers::normalise_header;
use super::raw_comments::{map_comment_headers, RAW_COMMENTS};
use super::table::TableKind;
use microplan_csv::columns::{ColumnKind, ColumnSpec};
use microplan_csv::date::read_date;
use microplan_csv::money::parse_money;
use microplan_csv::number::{parse_count, parse_fraction, parse_number};
use microplan_csv::read::RawTable;
use microplan_csv::text::{is_missing, parse_bool, parse_currency};

/// One entry per `kind.columns()`: the index of the header that feeds it, or `None`.
pub type ColumnMapping = Vec<Option<usize>>;

/// How well a header names a column: exact key 100, label 95, synonym 90. A header that
/// contains a name of four letters or more covering at least half of it
/// (`Followers (Nov 2026)`) scores 60 to 80 by how much it covers, so `Engagement rate`
/// does not map to the fee's synonym `rate`.
fn match_score(header: &str, column: &ColumnSpec) -> u32 {
    // `Fee (EUR)` or `Reach [lifetime]` name the column before the brackets.
    let core = normalise_header(&without_brackets(header));
    let header = normalise_header(header);
    if header.is_empty() {
        return 0;
    }
    let names = std::iter::once((column.key, 100))
        .chain(std::iter::once((column.label, 95)))
        .chain(column.synonyms.iter().map(|synonym| (*synonym, 90)));
    let mut best = 0;
    for (name, exact_score) in names {
        let name = normalise_header(name);
        if name.is_empty() {
            continue;
        }
        let score = if name == header {
            exact_score
        } else if name == core {
            exact_score - 5
        } else if name.len() >= 4 && name.len() * 2 >= header.len() && header.contains(&name) {
            let covered = u32::try_from(name.len() * 40 / header.len().max(1)).unwrap_or(0);
            40 + covered.min(40)
        } else {
            0
        };
        best = best.max(score);
    }
    best
}

/// The header with any `(...)` or `[...]` parts removed.
fn without_brackets(header: &str) -> String {
    let mut depth = 0usize;
    header
        .chars()
        .filter(|c| match c {
            '(' | '[' => {
                depth += 1;
                false
            }
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                false
            }
            _ => depth == 0,
        })
        .collect()
}

/// Best matches first; each header feeds at most one column and each column one header.
pub fn propose_mapping(kind: TableKind, headers: &[String]) -> ColumnMapping {
    assign(kind, headers, |_, _| true)
}

/// Like [`propose_mapping`], but also looks at the first rows: a typed column (count, date,
/// money ...) skips a header whose cells never read as that type. Meta exports, for one,
/// have a `Date` column that holds `Lifetime` next to the real `Publish time`.
pub fn propose_mapping_for_table(kind: TableKind, table: &RawTable) -> ColumnMapping {
    assign(kind, &table.headers, |header, column| {
        let mut samples = table
            .rows
            .iter()
            .filter_map(|row| row.cells.get(header))
            .filter(|cell| !is_missing(cell))
            .take(SAMPLE_ROWS)
            .peekable();
        samples.peek().is_none()
            || samples.any(|cell| cell_fits(column.kind, cell, table.decimal_comma))
    })
}

const SAMPLE_ROWS: usize = 20;

fn cell_fits(kind: ColumnKind, cell: &str, decimal_comma: bool) -> bool {
    match kind {
        ColumnKind::Text | ColumnKind::List => true,
        ColumnKind::Count => parse_count(cell, decimal_comma).is_ok(),
        ColumnKind::Number => parse_number(cell, decimal_comma).is_ok(),
        ColumnKind::Fraction => parse_fraction(cell, decimal_comma).is_ok(),
        ColumnKind::Money => parse_money(cell, decimal_comma).is_ok(),
        ColumnKind::Currency => parse_currency(cell).is_some(),
        ColumnKind::Date => read_date(cell).is_ok(),
        ColumnKind::Bool => parse_bool(cell).is_some(),
        ColumnKind::Status => PipelineStatus::parse(cell).is_some(),
    }
}

fn assign(
    kind: TableKind,
    headers: &[String],
    accept: impl Fn(usize, &ColumnSpec) -> bool,
) -> ColumnMapping {
    let columns = kind.columns();
    let mut candidates: Vec<(u32, usize, usize)> = Vec::new();
    for (column_index, column) in columns.iter().enumerate() {
        for (header_index, header) in headers.iter().enumerate() {
            let score = match_score(header, column);
            if score > 0 && accept(header_index, column) {
                candidates.push((score, header_index, column_index));
            }
        }
    }
    // Highest score first; ties go to the earlier header, then the earlier column.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut mapping: ColumnMapping = vec![None; columns.len()];
    let mut header_used = vec![false; headers.len()];
    for (_, header_index, column_index) in candidates {
        let header_free = header_used.get(header_index).is_some_and(|used| !used);
        let column_free = mapping.get(column_index).is_some_and(Option::is_none);
        if header_free && column_free {
            if let Some(slot) = mapping.get_mut(column_index) {
                *slot = Some(header_index);
            }
            if let Some(used) = header_used.get_mut(header_index) {
                *used = true;
            }
        }
    }
    mapping
}

/// Required columns that the mapping leaves without a header, by the label the user sees.
pub fn missing_required(
    kind: TableKind,
    mapping: &ColumnMapping,
    header_count: usize,
) -> Vec<&'static str> {
    kind.columns()
        .iter()
        .enumerate()
        .filter(|(index, column)| {
            let mapped = mapping
                .get(*index)
                .copied()
                .flatten()
                .is_some_and(|header| header < header_count);
            column.required && !mapped
        })
        .map(|(_, column)| column.label)
        .collect()
}

/// The file's headers that feed no column, in file order: their data would not be imported.
pub fn unmapped_headers(headers: &[String], mapping: &ColumnMapping) -> Vec<String> {
    let mut used = vec![false; headers.len()];
    for header in mapping.iter().copied().flatten() {
        if let Some(flag) = used.get_mut(header) {
            *flag = true;
        }
    }
    headers
        .iter()
        .zip(used)
        .filter(|(_, used)| !used)
        .map(|(header, _)| header.clone())
        .collect()
}

/// A file of single comments (comment text and commenter columns), which belongs in the raw
/// comments import rather than the per-post comment summaries table.
pub fn is_raw_comments_file(headers: &[String]) -> bool {
    let mapping = map_comment_headers(headers);
    let found = |key: &str| {
        RAW_COMMENTS
            .iter()
            .zip(&mapping)
            .any(|(spec, source)| spec.key == key && source.is_some())
    };
    found("text") && found("commenter")
}
