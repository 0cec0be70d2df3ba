//! One check of a whole workspace against the ranges in `limits`, run on every imported file
//! and before a workspace is saved, so a value that would make a page fail never gets in.
//!
//! The check walks the workspace as its stored JSON text, so every table and field (including
//! ones added later) is covered by the same rules: texts at most 10,000 characters, dates
//! between 1900 and 2200, day counts at most ten years, licences at most 120 months, counts
//! at most one trillion, amounts and other numbers at most one trillion either way. Rules
//! that need the meaning of several fields (leak thresholds, contract terms) are typed.

use serde_json::Value;

use crate::tables::{encode_table_checked, TABLES};
use crate::Workspace;
use microplan_model::iso_date::parse_iso_date;
use microplan_model::limits::{
    date_problem, days_problem, last_date, MAX_AMOUNT, MAX_COUNT, MAX_LICENCE_MONTHS,
    MAX_TEXT_CHARS,
};
use microplan_model::rows::normalise_handle;

/// Problems listed before the rest are only counted, so a file with a million bad rows
/// still gets a short answer.
pub const MAX_LISTED_PROBLEMS: usize = 50;

/// One value out of range, with where it is: `posts, row 12, date: ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceProblem {
    /// The table, such as `posts` or `attribution.shop_orders`; `workspace` for top-level fields.
    pub table: String,
    /// Row number counted from 1, when the table has rows.
    pub row: Option<usize>,
    /// The field within the row, such as `date` or `choices.schedule.live_days`.
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for WorkspaceProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.row {
            Some(row) => write!(
                f,
                "{}, row {}, {}: {}",
                self.table, row, self.field, self.message
            ),
            None => write!(f, "{}: {}", self.field, self.message),
        }
    }
}

/// Fields holding a date as `2026-03-01` text.
const DATE_FIELDS: [&str; 15] = [
    "date",
    "account_created",
    "term_start",
    "term_end",
    "posting_start",
    "posting_end",
    "saved_on",
    "window_start",
    "window_end",
    "shipped_on",
    "posted_on",
    "launch_date",
    "start",
    "end",
    "last_seeded",
];

/// Every value out of range, or `Ok` when there is none. At most `MAX_LISTED_PROBLEMS` are
/// listed; a last entry counts the rest.
pub fn validate_workspace(workspace: &Workspace) -> Result<(), Vec<WorkspaceProblem>> {
    validate_tables(workspace, TABLES)
}

/// The same check of the workspace's name and the named tables only: a save checks what it
/// writes, so an edit of one small table does not walk the whole workspace.
pub fn validate_tables(
    workspace: &Workspace,
    tables: &[&str],
) -> Result<(), Vec<WorkspaceProblem>> {
    let encoded: Vec<(&str, serde_json::Result<String>)> = tables
        .iter()
        .filter_map(|table| Some((*table, encode_table_checked(workspace, table)?)))
        .collect();
    let texts = encoded
        .iter()
        .map(|(table, text)| (*table, text.as_deref()));
    check(workspace, tables, texts)
}

/// The same check of one table whose JSON text the caller has already written (`text`, as
/// `encode_table_checked` writes it), so a large save encodes each slice once. `workspace`
/// holds the typed rows the text was written from, for the rules that need their meaning.
pub fn validate_encoded_table(
    workspace: &Workspace,
    table: &str,
    text: &str,
) -> Result<(), Vec<WorkspaceProblem>> {
    check(workspace, &[table], [(table, Ok(text))])
}

/// The typed rules on `workspace`, then the general ones on each table's text.
fn check<'a>(
    workspace: &Workspace,
    tables: &[&str],
    encoded: impl IntoIterator<Item = (&'a str, Result<&'a str, &'a serde_json::Error>)>,
) -> Result<(), Vec<WorkspaceProblem>> {
    let mut found = Found {
        listed: Vec::new(),
        unlisted: 0,
    };
    let checks = |table: &str| tables.contains(&table);
    // Typed rules first: a field they report is not reported again by the general ones.
    let leak_problems = match checks("attribution") {
        true => workspace.attribution.leak_settings.problems(),
        false => Vec::new(),
    };
    for (field, message) in leak_problems {
        let place = Place {
            field: vec!["attribution".into(), "leak_settings".into(), field.into()],
            ..Place::default()
        };
        found.push(&place, message);
    }
    for (index, draft) in workspace
        .contracts
        .iter()
        .enumerate()
        .filter(|_| checks("contracts"))
        .filter(|(_, d)| d.choices.creative.revision_rounds > 10)
    {
        let place = Place {
            table: "contracts".into(),
            row: Some(index + 1),
            field: vec!["choices.creative.revision_rounds".into()],
        };
        found.push(
            &place,
            format!(
                "{} revision rounds is a typing mistake: at most 10.",
                draft.choices.creative.revision_rounds
            ),
        );
    }
    let mut tree = serde_json::Map::new();
    tree.insert("name".into(), Value::String(workspace.name.clone()));
    for (table, text) in encoded {
        let value = text.map_err(ToString::to_string).and_then(|text| {
            serde_json::from_str::<Value>(text).map_err(|error| error.to_string())
        });
        match value {
            Ok(value) => {
                tree.insert(table.to_string(), value);
            }
            Err(error) => found.push(
                &Place::default(),
                format!("the table {table} cannot be written out ({error})"),
            ),
        }
    }
    walk(&Value::Object(tree), &mut Place::default(), &mut found);
    found.finish()
}

struct Found {
    listed: Vec<WorkspaceProblem>,
    unlisted: usize,
}

impl Found {
    fn push(&mut self, place: &Place, message: String) {
        let problem = place.problem(message);
        let reported = |p: &WorkspaceProblem| {
            p.table == problem.table && p.row == problem.row && p.field == problem.field
        };
        if self.listed.iter().any(reported) {
            return;
        }
        if self.listed.len() < MAX_LISTED_PROBLEMS {
            self.listed.push(problem);
        } else {
            self.unlisted += 1;
        }
    }

    fn finish(mut self) -> Result<(), Vec<WorkspaceProblem>> {
        if self.unlisted > 0 {
            self.listed.push(WorkspaceProblem {
                table: "workspace".into(),
                row: None,
                field: "(more)".into(),
                message: format!(
                    "{} more values are out of range.",
                    microplan_model::money::group_thousands(self.unlisted as u64)
                ),
            });
        }
        if self.listed.is_empty() {
            Ok(())
        } else {
            Err(self.listed)
        }
    }
}

/// Where the walk is: the first array of objects met is the table and its index the row.
#[derive(Default, Clone)]
struct Place {
    table: String,
    row: Option<usize>,
    field: Vec<String>,
}

impl Place {
    fn key(&self) -> &str {
        self.field
            .last()
            .map_or(self.table.as_str(), String::as_str)
    }

    fn problem(&self, message: String) -> WorkspaceProblem {
        WorkspaceProblem {
            table: if self.table.is_empty() {
                "workspace".into()
            } else {
                self.table.clone()
            },
            row: self.row,
            field: self.field.join("."),
            message,
        }
    }
}

fn walk(value: &Value, place: &mut Place, found: &mut Found) {
    match value {
        Value::Object(fields) => {
            for (key, child) in fields {
                place.field.push(key.clone());
                walk(child, place, found);
                place.field.pop();
            }
        }
        Value::Array(items) if place.row.is_none() && items.iter().any(Value::is_object) => {
            // A table: its rows are numbered from 1 and their fields named from the row.
            let outer = std::mem::take(place);
            let table = if outer.table.is_empty() {
                outer.field.join(".")
            } else {
                format!("{}.{}", outer.table, outer.field.join("."))
            };
            for (index, item) in items.iter().enumerate() {
                let mut row = Place {
                    table: table.clone(),
                    row: Some(index + 1),
                    field: Vec::new(),
                };
                walk(item, &mut row, found);
            }
            *place = outer;
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                place.field.push(format!("{}", index + 1));
                walk(item, place, found);
                place.field.pop();
            }
        }
        Value::String(text) => check_text(text, place, found),
        Value::Number(number) => check_number(number, place, found),
        Value::Null | Value::Bool(_) => {}
    }
}

/// The key a list item belongs to: `categories` for `categories.2`.
fn owning_key(place: &Place) -> &str {
    place
        .field
        .iter()
        .rev()
        .find(|part| !part.chars().all(|c| c.is_ascii_digit()))
        .map_or(place.table.as_str(), String::as_str)
}

fn check_text(text: &str, place: &Place, found: &mut Found) {
    if text.len() > MAX_TEXT_CHARS {
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            found.push(
                place,
                format!(
                    "the text is {} characters long; at most {} fit a field (shorten it).",
                    microplan_model::money::group_thousands(chars as u64),
                    microplan_model::money::group_thousands(MAX_TEXT_CHARS as u64)
                ),
            );
        }
        return;
    }
    // A row's own handle must read back the same from an export (contracts may hold an
    // empty one while drafted: that is a conflict of the draft, not a broken file).
    if place.row.is_some() && place.field.len() == 1 && place.key() == "handle" {
        let clean = normalise_handle(text);
        if clean.is_empty() {
            found.push(place, format!("the handle `{text}` is empty without its @ and spaces: write the handle, such as trail_nora."));
        } else if clean != text {
            found.push(place, format!("the handle `{}` has a leading @, spaces or invisible characters: write it as `{clean}`.", text.escape_debug()));
        }
    }
    if DATE_FIELDS.contains(&place.key()) {
        if let Some(message) = parse_iso_date(text).and_then(|date| date_problem("The date", date))
        {
            found.push(place, message);
        }
    }
}

fn check_number(number: &serde_json::Number, place: &Place, found: &mut Found) {
    let key = owning_key(place);
    let message = if let Some(whole) = number
        .as_i64()
        .map(i128::from)
        .or_else(|| number.as_u64().map(i128::from))
    {
        whole_problem(key, whole)
    } else {
        number.as_f64().filter(|v| !(v.is_finite() && v.abs() <= MAX_AMOUNT)).map(|_| {
            format!("{number} is beyond one trillion (1,000,000,000,000) either way: check the number.")
        })
    };
    if let Some(message) = message {
        found.push(place, message);
    }
}

fn whole_problem(key: &str, value: i128) -> Option<String> {
    let size = value.unsigned_abs();
    if key == "days" || key.ends_with("_days") {
        return days_problem(
            &key.replace('_', " "),
            u64::try_from(size).unwrap_or(u64::MAX),
        );
    }
    if key == "months" {
        return (size > u128::from(MAX_LICENCE_MONTHS))
            .then(|| format!("{value} months is more than ten years, a typing mistake: at most {MAX_LICENCE_MONTHS}."));
    }
    if key.ends_with("_ms") {
        // Milliseconds since 1970; the last one allowed is the end of 2200.
        let last = last_date()
            .and_hms_opt(23, 59, 59)
            .map_or(i64::MAX, |t| t.and_utc().timestamp_millis());
        return (value < 0 || value > i128::from(last))
            .then(|| format!("the time {value} is not between 1970 and the end of 2200."));
    }
    (size > u128::from(MAX_COUNT)).then(|| {
        format!("{value} is more than one trillion (1,000,000,000,000): check the number.")
    })
}
