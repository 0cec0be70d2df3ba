//! Checks every row of a mapped file and collects valid rows plus row-level errors.
//!
//! Day/month order of numeric dates such as `03/04/2026` is decided per column: a value
//! that fits only one order (`13/04/2026`) settles it, and a later value of the other order
//! is an error. A column with no such value follows another date column of the same file
//! that has one; otherwise it is read day-first, or month-first when the default currency is
//! USD (US files write month-first). The preview's notes say which order was used and why.

use std::collections::HashMap;

use super::mapping::{missing_required, unmapped_headers, ColumnMapping};
use super::table::TableKind;
use super::typed_rows::{match_key, TypedRows};
use microplan_csv::columns::ColumnSpec;
use microplan_csv::date::DateOrder;
use microplan_csv::problem::CellError;
use microplan_csv::read::{RawRow, RawTable};
use microplan_csv::row_reader::{DateColumnState, ImportSetup, RowReader};
use microplan_csv::text::parse_currency;
use microplan_model::money::group_thousands;

/// The preview keeps this many errors; the rest are only counted.
pub const MAX_STORED_ERRORS: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// Currency for money cells with neither a currency column nor a symbol; empty for none.
    pub default_currency: String,
}

/// The outcome of validating a file: what would be imported and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub kind: TableKind,
    /// Data rows in the file (blank lines not counted).
    pub total_rows: usize,
    pub valid: TypedRows,
    /// Data row number of each valid row, in order.
    pub valid_rows: Vec<usize>,
    /// The first [`MAX_STORED_ERRORS`] errors.
    pub errors: Vec<CellError>,
    /// Errors found beyond the stored ones.
    pub more_errors: usize,
    /// Labels of required columns with no mapping: nothing can be imported until they are mapped.
    pub missing_required: Vec<&'static str>,
    /// File headers that feed no column: their cells are not imported.
    pub unmapped_columns: Vec<String>,
    pub rows_with_errors: usize,
    /// Keys of the columns the file provides; a merge keeps stored values of the others.
    pub mapped_columns: Vec<&'static str>,
    /// Decisions worth telling the user, such as how ambiguous dates were read.
    pub notes: Vec<String>,
}

impl ImportPreview {
    pub fn valid_count(&self) -> usize {
        self.valid.len()
    }

    /// True when every row can be imported: no errors, nothing missing, at least one row.
    pub fn can_commit_all(&self) -> bool {
        self.errors.is_empty()
            && self.more_errors == 0
            && self.rows_with_errors == 0
            && self.missing_required.is_empty()
            && self.valid_count() > 0
    }

    /// Display text of the first `limit` valid rows, one cell per column.
    pub fn preview_cells(&self, limit: usize) -> Vec<Vec<String>> {
        (0..self.valid.len().min(limit))
            .map(|index| self.valid.row_cells(index))
            .collect()
    }

    /// Total errors, stored or not.
    pub fn error_count(&self) -> usize {
        self.errors.len() + self.more_errors
    }
}

struct ProvisionalDate {
    valid_index: usize,
    column: usize,
    reading: microplan_csv::date::DateReading,
}

/// Validates a file in chunks so the UI can show progress on large files.
pub struct Validation {
    kind: TableKind,
    setup: ImportSetup,
    header_count: usize,
    missing_required: Vec<&'static str>,
    unmapped_columns: Vec<String>,
    total_rows: usize,
    rows_with_errors: usize,
    errors: Vec<CellError>,
    more_errors: usize,
    valid: TypedRows,
    valid_rows: Vec<(usize, usize)>,
    dates: Vec<DateColumnState>,
    provisional: Vec<ProvisionalDate>,
}

impl Validation {
    pub fn new(
        kind: TableKind,
        table_headers: &[String],
        mapping: &ColumnMapping,
        decimal_comma: bool,
        options: &ImportOptions,
    ) -> Validation {
        let columns: &'static [ColumnSpec] = kind.columns();
        let sources: Vec<Option<usize>> = (0..columns.len())
            .map(|index| {
                mapping
                    .get(index)
                    .copied()
                    .flatten()
                    .filter(|header| *header < table_headers.len())
            })
            .collect();
        let names = columns
            .iter()
            .zip(&sources)
            .map(
                |(column, source)| match source.and_then(|header| table_headers.get(header)) {
                    Some(header) => header.clone(),
                    None => column.key.to_string(),
                },
            )
            .collect();
        let default_currency = parse_currency(&options.default_currency);
        let default_date_order = if default_currency.as_deref() == Some("USD") {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        };
        let setup = ImportSetup {
            columns,
            sources,
            names,
            decimal_comma,
            default_currency,
            default_date_order,
        };
        Validation {
            kind,
            missing_required: missing_required(kind, mapping, table_headers.len()),
            unmapped_columns: unmapped_headers(table_headers, mapping),
            header_count: table_headers.len(),
            setup,
            total_rows: 0,
            rows_with_errors: 0,
            errors: Vec::new(),
            more_errors: 0,
            valid: TypedRows::empty(kind),
            valid_rows: Vec::new(),
            dates: vec![DateColumnState::default(); columns.len()],
            provisional: Vec::new(),
        }
    }

    fn record_errors(&mut self, errors: Vec<CellError>) {
        for error in errors {
            if self.errors.len() < MAX_STORED_ERRORS {
                self.errors.push(error);
            } else {
                self.more_errors += 1;
            }
        }
    }

    /// Cells beyond the last header usually mean an unquoted delimiter inside a cell.
    fn extra_cells_error(&self, row: &RawRow, row_number: usize) -> Option<CellError> {
        let extra: Vec<&str> = row
            .cells
            .iter()
            .skip(self.header_count)
            .map(String::as_str)
            .collect();
        if extra.iter().all(|cell| cell.is_empty()) {
            return None;
        }
        Some(CellError {
            row: row_number,
            line: row.line,
            column: "(after the last column)".to_string(),
            value: extra.join(", "),
            problem: format!(
                "this row has {} cells but the header has {}",
                group_thousands(u64::try_from(row.cells.len()).unwrap_or(u64::MAX)),
                group_thousands(u64::try_from(self.header_count).unwrap_or(u64::MAX))
            ),
            fix: "put quotes around cells that contain the delimiter, or add a header for the extra column".to_string(),
        })
    }

    pub fn push_rows(&mut self, rows: &[RawRow]) {
        for row in rows {
            self.total_rows += 1;
            let row_number = self.total_rows;
            // A row with stray extra cells is checked but never imported.
            let extra_cells = self.extra_cells_error(row, row_number);
            let mut reader = RowReader {
                setup: &self.setup,
                dates: &mut self.dates,
                row,
                row_number,
                problems: extra_cells.into_iter().collect(),
                provisional_dates: Vec::new(),
            };
            let valid_index = self.valid.len();
            let pushed = self.valid.push_row(&mut reader);
            let RowReader {
                problems,
                provisional_dates,
                ..
            } = reader;
            if pushed {
                self.valid_rows.push((row_number, row.line));
                self.provisional
                    .extend(provisional_dates.into_iter().map(|(column, reading)| {
                        ProvisionalDate {
                            valid_index,
                            column,
                            reading,
                        }
                    }));
            }
            if !problems.is_empty() {
                self.rows_with_errors += 1;
                self.record_errors(problems);
            }
        }
    }

    /// The order used for ambiguous dates of a column, and why, for the notes.
    fn resolved_order(&self, column: usize) -> (DateOrder, String) {
        if let Some((order, row, value)) = self
            .dates
            .get(column)
            .and_then(|state| state.evidence.clone())
        {
            return (order, format!("row {row} has `{value}`"));
        }
        let other = self
            .dates
            .iter()
            .enumerate()
            .find_map(|(index, state)| state.evidence.clone().map(|e| (index, e)));
        if let Some((index, (order, row, value))) = other {
            let name = self.setup.names.get(index).cloned().unwrap_or_default();
            return (order, format!("column `{name}` has `{value}` on row {row}"));
        }
        let order = self.setup.default_date_order;
        let reason = match order {
            DateOrder::MonthFirst => {
                "no date in the file has a day above 12 and the default currency is USD"
            }
            DateOrder::DayFirst => "no date in the file has a day above 12",
        };
        (order, reason.to_string())
    }

    fn settle_ambiguous_dates(&mut self, notes: &mut Vec<String>) {
        for column in 0..self.dates.len() {
            let Some(state) = self.dates.get(column) else {
                continue;
            };
            if state.ambiguous == 0 {
                continue;
            }
            let (order, reason) = self.resolved_order(column);
            let name = self.setup.names.get(column).cloned().unwrap_or_default();
            let example = state.ambiguous_example.clone().unwrap_or_default();
            notes.push(format!(
                "Column `{name}`: {} date(s) such as `{example}` could be day-first or month-first; read them {} because {reason}. If that is wrong, write the dates as year-month-day (2026-03-01).",
                group_thousands(u64::try_from(state.ambiguous).unwrap_or(u64::MAX)),
                order.describe()
            ));
            if order == self.setup.default_date_order {
                continue;
            }
            let key = self.setup.columns.get(column).map_or("", |spec| spec.key);
            for provisional in self.provisional.iter().filter(|p| p.column == column) {
                self.valid.set_date(
                    provisional.valid_index,
                    key,
                    provisional.reading.in_order(order),
                );
            }
        }
    }

    /// Rows whose key repeats an earlier row of the file are errors; the first one stays.
    fn reject_duplicate_keys(&mut self) {
        let keys = self.valid.keys();
        let mut first_row: HashMap<String, usize> = HashMap::new();
        let mut keep = vec![true; keys.len()];
        let mut duplicates = Vec::new();
        let key_columns = self.kind.key_columns();
        let first_key_column = self
            .setup
            .columns
            .iter()
            .position(|c| key_columns.first() == Some(&c.key))
            .unwrap_or(0);
        let column = self
            .setup
            .names
            .get(first_key_column)
            .cloned()
            .unwrap_or_default();
        for (index, parts) in keys.iter().enumerate() {
            let Some(&(row, line)) = self.valid_rows.get(index) else {
                continue;
            };
            match first_row.get(&match_key(parts)) {
                Some(first) => {
                    if let Some(flag) = keep.get_mut(index) {
                        *flag = false;
                    }
                    duplicates.push(CellError {
                        row,
                        line,
                        column: column.clone(),
                        value: parts.join(" / "),
                        problem: format!(
                            "row {first} already has this {}",
                            key_columns.join(" + ")
                        ),
                        fix: "delete one of the two rows, or merge them into one".to_string(),
                    });
                }
                None => {
                    first_row.insert(match_key(parts), row);
                }
            }
        }
        if duplicates.is_empty() {
            return;
        }
        self.valid.retain_flagged(&keep);
        let mut flags = keep.iter();
        self.valid_rows
            .retain(|_| flags.next().copied().unwrap_or(true));
        self.rows_with_errors += duplicates.len();
        self.record_errors(duplicates);
    }

    pub fn finish(mut self) -> ImportPreview {
        let mut notes = Vec::new();
        self.settle_ambiguous_dates(&mut notes);
        self.reject_duplicate_keys();
        let mapped_columns = self
            .setup
            .columns
            .iter()
            .zip(&self.setup.sources)
            .filter(|(_, source)| source.is_some())
            .map(|(column, _)| column.key)
            .collect();
        ImportPreview {
            kind: self.kind,
            total_rows: self.total_rows,
            valid: self.valid,
            valid_rows: self.valid_rows.iter().map(|(row, _)| *row).collect(),
            errors: self.errors,
            more_errors: self.more_errors,
            missing_required: self.missing_required,
            unmapped_columns: self.unmapped_columns,
            rows_with_errors: self.rows_with_errors,
            mapped_columns,
            notes,
        }
    }
}

/// Validates all rows at once.
pub fn validate(
    kind: TableKind,
    table: &RawTable,
    mapping: &ColumnMapping,
    options: &ImportOptions,
) -> ImportPreview {
    let mut validation =
        Validation::new(kind, &table.headers, mapping, table.decimal_comma, options);
    validation.push_rows(&table.rows);
    validation.finish()
}
