//! Reads the typed values of one row, collecting every problem instead of stopping at the
//! first, so the preview can list them all.

use chrono::NaiveDate;

use microplan_model::money::Money;
use microplan_model::rows::PipelineStatus;

use super::columns::{currency_column_for, ColumnKind, ColumnSpec};
use super::date::{read_date, DateOrder, DateReading};
use super::money::parse_money;
use super::number::{parse_count, parse_fraction};
use super::problem::{CellError, Problem};
use super::raw_table::RawRow;
use super::text::{
    clean_handle, is_missing, parse_bool, parse_country, parse_currency, parse_list, symbol_allows,
    unguard_formula,
};

/// What every row of one import shares: which header feeds which column, and the reading rules.
pub struct ImportSetup {
    pub columns: &'static [ColumnSpec],
    /// Header index per column, only when it exists in the file.
    pub sources: Vec<Option<usize>>,
    /// Name used in messages per column: the user's header, or our key when unmapped.
    pub names: Vec<String>,
    pub decimal_comma: bool,
    pub default_currency: Option<String>,
    pub default_date_order: DateOrder,
}

/// What one date column has shown so far about day and month order.
#[derive(Debug, Clone, Default)]
pub struct DateColumnState {
    /// The first cell that fits only one order: order, data row and value.
    pub evidence: Option<(DateOrder, usize, String)>,
    /// Cells of the column that fit both orders, wherever they are in the file.
    pub ambiguous: usize,
    pub ambiguous_example: Option<String>,
}

pub struct RowReader<'a> {
    pub setup: &'a ImportSetup,
    pub dates: &'a mut [DateColumnState],
    pub row: &'a RawRow,
    pub row_number: usize,
    pub problems: Vec<CellError>,
    /// Dates read in the default order because their column had no evidence yet.
    pub provisional_dates: Vec<(usize, DateReading)>,
}

impl<'a> RowReader<'a> {
    fn column_index(&self, key: &str) -> Option<usize> {
        self.setup
            .columns
            .iter()
            .position(|column| column.key == key)
    }

    fn cell_at(&self, column: usize) -> Option<&'a str> {
        let header = self.setup.sources.get(column).copied().flatten()?;
        Some(self.row.cells.get(header).map_or("", |cell| cell.trim()))
    }

    pub fn report(&mut self, column: usize, value: &str, problem: Problem) {
        self.problems.push(CellError {
            row: self.row_number,
            line: self.row.line,
            column: self.setup.names.get(column).cloned().unwrap_or_default(),
            value: value.to_string(),
            problem: problem.problem,
            fix: problem.fix,
        });
    }

    /// The cell of a mapped column when it holds a value; an empty required cell is reported.
    fn present(&mut self, key: &str) -> Option<(usize, &'a str)> {
        let index = self.column_index(key)?;
        let text = self.cell_at(index)?;
        // `NA` is Namibia in a country column, not "not available".
        let namibia = key == "country" && text.eq_ignore_ascii_case("na");
        if namibia || !is_missing(text) {
            return Some((index, text));
        }
        let column = self.setup.columns.get(index)?;
        if column.required {
            let problem = Problem::new(
                format!("{} is empty", column.label),
                format!(
                    "every row needs a {}: fill it in or delete the row",
                    column.label.to_lowercase()
                ),
            );
            self.report(index, text, problem);
        }
        None
    }

    fn read<T>(&mut self, key: &str, parse: impl FnOnce(&str) -> Result<T, Problem>) -> Option<T> {
        let (index, text) = self.present(key)?;
        parse(text)
            .map_err(|problem| self.report(index, text, problem))
            .ok()
    }

    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    pub fn text(&mut self, key: &str) -> Option<String> {
        self.read(key, |text| Ok(unguard_formula(text).to_string()))
    }

    pub fn handle(&mut self, key: &str) -> Option<String> {
        self.read(key, |text| {
            let handle = clean_handle(unguard_formula(text));
            if handle.is_empty() {
                Err(Problem::new(
                    format!("`{text}` has no handle after the @"),
                    "write the handle, such as @trail_nora",
                ))
            } else {
                Ok(handle)
            }
        })
    }

    /// Audience shares such as `GB 40%; US 20%` (see `microplan_model::audience::parse_shares`).
    pub fn audience_shares(&mut self, key: &str) -> Vec<microplan_model::audience::AudienceShare> {
        self.read(key, |text| {
            microplan_model::audience::parse_shares(unguard_formula(text)).map_err(|why| {
                Problem::new(
                    why,
                    "write each share as a name and a percentage, separated by ;",
                )
            })
        })
        .unwrap_or_default()
    }

    pub fn list(&mut self, key: &str, lowercase: bool) -> Vec<String> {
        self.read(key, |text| Ok(parse_list(unguard_formula(text), lowercase)))
            .unwrap_or_default()
    }

    pub fn count(&mut self, key: &str) -> Option<u64> {
        let decimal_comma = self.setup.decimal_comma;
        self.read(key, |text| parse_count(text, decimal_comma))
    }

    pub fn small_count(&mut self, key: &str) -> Option<u32> {
        let decimal_comma = self.setup.decimal_comma;
        self.read(key, |text| {
            let count = parse_count(text, decimal_comma)?;
            u32::try_from(count).map_err(|_| {
                Problem::new(
                    format!("`{text}` is too large here"),
                    "write a number below 4,294,967,296",
                )
            })
        })
    }

    pub fn fraction(&mut self, key: &str) -> Option<f64> {
        let decimal_comma = self.setup.decimal_comma;
        self.read(key, |text| parse_fraction(text, decimal_comma))
    }

    pub fn bool(&mut self, key: &str) -> Option<bool> {
        self.read(key, |text| {
            parse_bool(text).ok_or_else(|| {
                Problem::new(
                    format!("`{text}` is not yes or no"),
                    "write yes or no (true/false, 1/0 and x also work)",
                )
            })
        })
    }

    pub fn country(&mut self, key: &str) -> Option<String> {
        self.read(key, |text| {
            parse_country(text).ok_or_else(|| {
                Problem::new(
                    format!("`{text}` is not a two-letter country code"),
                    "write an ISO country code such as GB, DE or US",
                )
            })
        })
    }

    pub fn status(&mut self, key: &str) -> PipelineStatus {
        self.read(key, |text| {
            PipelineStatus::parse(text).ok_or_else(|| {
                Problem::new(
                    format!("`{text}` is not a pipeline status"),
                    "write one of prospect, vetted, pilot, active, ambassador, dropped",
                )
            })
        })
        .unwrap_or_default()
    }

    /// A currency from the money column's own currency column, else any mapped one.
    fn currency_cell(&mut self, money_key: &str) -> Option<Result<String, ()>> {
        let columns = self.setup.columns;
        let own =
            currency_column_for(columns, money_key).filter(|index| self.cell_at(*index).is_some());
        let any = || {
            (0..columns.len()).find(|index| {
                columns
                    .get(*index)
                    .is_some_and(|c| c.kind == ColumnKind::Currency)
                    && self.cell_at(*index).is_some()
            })
        };
        let index = own.or_else(any)?;
        let text = self.cell_at(index).filter(|text| !is_missing(text))?;
        Some(parse_currency(text).ok_or_else(|| {
            let problem = Problem::new(
                format!("`{text}` is not a currency"),
                "write a three-letter code such as EUR, USD or GBP",
            );
            self.report(index, text, problem);
        }))
    }

    pub fn money(&mut self, key: &str) -> Option<Money> {
        let decimal_comma = self.setup.decimal_comma;
        let (index, text) = self.present(key)?;
        let cell = parse_money(text, decimal_comma)
            .map_err(|problem| self.report(index, text, problem))
            .ok()?;
        let from_column = match self.currency_cell(key) {
            Some(Ok(code)) => Some(code),
            Some(Err(())) => return None,
            None => None,
        };
        let currency = match (&cell.currency, &cell.written, from_column) {
            (Some(code_in_cell), Some(written), Some(column_code)) => {
                if !symbol_allows(code_in_cell, written, &column_code) {
                    let problem = Problem::new(
                        format!("`{text}` is in {code_in_cell} but the currency column says {column_code}"),
                        "make the symbol and the currency column agree, or remove the symbol",
                    );
                    self.report(index, text, problem);
                    return None;
                }
                column_code
            }
            (_, _, Some(column_code)) => column_code,
            (Some(code_in_cell), _, None) => code_in_cell.clone(),
            (None, _, None) => match &self.setup.default_currency {
                Some(default) => default.clone(),
                None => {
                    let problem = Problem::new(
                        format!("`{text}` has no currency"),
                        "add a currency column, write the symbol (such as €120), or choose a default currency",
                    );
                    self.report(index, text, problem);
                    return None;
                }
            },
        };
        Some(Money::new(cell.amount, &currency))
    }

    /// Reads a date, using and updating what its column has shown about day/month order.
    pub fn date(&mut self, key: &str) -> Option<NaiveDate> {
        let (index, text) = self.present(key)?;
        let reading = read_date(text)
            .map_err(|problem| self.report(index, text, problem))
            .ok()?;
        let default_order = self.setup.default_date_order;
        let state = self.dates.get_mut(index)?;
        match reading {
            DateReading::Clear(date) => Some(date),
            DateReading::Ordered(date, order) => match state.evidence.clone() {
                Some((seen, row, value)) if seen != order => {
                    let problem = Problem::new(
                        format!("`{text}` can only be {}, but row {row} (`{value}`) in this column is {}", order.describe(), seen.describe()),
                        "write this column's dates as year-month-day, such as 2026-03-01",
                    );
                    self.report(index, text, problem);
                    None
                }
                Some(_) => Some(date),
                None => {
                    state.evidence = Some((order, self.row_number, text.to_string()));
                    Some(date)
                }
            },
            DateReading::Ambiguous { .. } => {
                // Every ambiguous cell counts, before the column's evidence and after it.
                state.ambiguous += 1;
                state
                    .ambiguous_example
                    .get_or_insert_with(|| text.to_string());
                match &state.evidence {
                    Some((order, _, _)) => Some(reading.in_order(*order)),
                    None => {
                        self.provisional_dates.push((index, reading));
                        Some(reading.in_order(default_order))
                    }
                }
            }
        }
    }
}
