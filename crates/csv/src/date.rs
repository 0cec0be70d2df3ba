//! Dates as exports and people write them: `2026-03-01`, `2026-03-01T10:00:00Z`,
//! `2026-03-01 10:00`, `20260301`, `01/03/2026`, `3/1/2026`, `01.03.2026`, `Mar 1, 2026`,
//! `1 Mar 2026`, and Excel serial day numbers (`46082`). Two-digit years pivot at 70:
//! `3/1/26` is in 2026, `3/1/97` in 1997.
//!
//! Whether `03/04/2026` is 3 April or 4 March is decided per column by the validation (see
//! `validate.rs`); this module only says which readings a cell allows.

use chrono::{Duration, NaiveDate};

use super::problem::Problem;

/// Order of day and month in numeric dates such as `03/04/2026`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

impl DateOrder {
    pub fn describe(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "day-first (dd/mm/yyyy)",
            DateOrder::MonthFirst => "month-first (mm/dd/yyyy)",
        }
    }
}

/// What one date cell can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateReading {
    /// Only one reading: ISO, month names, equal day and month, dotted European dates.
    Clear(NaiveDate),
    /// A numeric date that fits only one order (`13/01/2026`): evidence for its column.
    Ordered(NaiveDate, DateOrder),
    /// Both day and month are 12 or less and differ.
    Ambiguous {
        day_first: NaiveDate,
        month_first: NaiveDate,
    },
}

impl DateReading {
    pub fn in_order(self, order: DateOrder) -> NaiveDate {
        match (self, order) {
            (DateReading::Clear(date) | DateReading::Ordered(date, _), _) => date,
            (DateReading::Ambiguous { day_first, .. }, DateOrder::DayFirst) => day_first,
            (DateReading::Ambiguous { month_first, .. }, DateOrder::MonthFirst) => month_first,
        }
    }
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// `Mar`, `march`, `Sept` -> 3, 3, 9: at least three letters of an English month name.
fn month_number(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    if lower == "sept" {
        return Some(9);
    }
    let index = MONTH_NAMES
        .iter()
        .position(|name| lower.len() >= 3 && name.starts_with(&lower))?;
    u32::try_from(index).ok().map(|i| i + 1)
}

/// Words around a date that carry no date: weekdays, am/pm, time zones.
fn is_ignored_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let weekday = lower.len() >= 3 && WEEKDAYS.iter().any(|day| day.starts_with(&lower));
    weekday || ["am", "pm", "utc", "gmt", "z"].contains(&lower.as_str())
}

/// Drops ordinal endings: `1st` -> `1`.
fn strip_ordinal(token: &str) -> &str {
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(number) = token
            .strip_suffix(suffix)
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        {
            return number;
        }
    }
    token
}

/// Date parts before any time of day, split on spaces and `/ - . ,`.
fn date_tokens(text: &str) -> Vec<&str> {
    // ISO timestamps glue the time on with `T`: cut it there.
    let date_part = match text.find('T') {
        Some(at)
            if at >= 8
                && text
                    .get(..at)
                    .is_some_and(|head| head.chars().all(|c| c.is_ascii_digit() || c == '-')) =>
        {
            text.get(..at).unwrap_or(text)
        }
        _ => text,
    };
    date_part
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '.' | ','))
        .filter(|token| !token.is_empty())
        .take_while(|token| !token.contains(':'))
        .filter(|token| !is_ignored_word(token))
        .map(strip_ordinal)
        .collect()
}

fn number(token: &str) -> Option<u32> {
    if token.is_empty() || token.len() > 5 || !token.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

/// Four-digit years as written; two-digit years pivot at 70 (`26` is 2026, `97` is 1997).
fn year(token: &str) -> Option<i32> {
    let value = number(token)? as i32;
    match token.len() {
        4 => Some(value),
        2 if value < 70 => Some(2000 + value),
        2 => Some(1900 + value),
        _ => None,
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn not_a_date(text: &str) -> Problem {
    Problem::new(
        format!("`{text}` is not a date"),
        "write it as year-month-day, such as 2026-03-01",
    )
}

fn no_such_day(text: &str) -> Problem {
    Problem::new(
        format!("`{text}` is not a day in the calendar"),
        "check the day and month, and write it as year-month-day, such as 2026-03-01",
    )
}

/// Excel stores dates as days since 1899-12-30; a five-digit number in a date column is
/// almost always one.
fn excel_serial(token: &str) -> Option<NaiveDate> {
    let days = number(token).filter(|_| token.len() == 5)?;
    if !(20_000..=80_000).contains(&days) {
        return None;
    }
    ymd(1899, 12, 30)?.checked_add_signed(Duration::days(i64::from(days)))
}

/// `2026-03-01` exactly: the common case, read without splitting into tokens.
fn plain_iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    let part = |range: std::ops::Range<usize>| text.get(range).and_then(|p| p.parse::<u32>().ok());
    ymd(i32::try_from(part(0..4)?).ok()?, part(5..7)?, part(8..10)?)
}

/// `20260301`: ISO without separators.
fn compact_iso(token: &str) -> Option<NaiveDate> {
    if token.len() != 8 || !token.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let part = |range: std::ops::Range<usize>| token.get(range).and_then(|p| p.parse::<u32>().ok());
    ymd(i32::try_from(part(0..4)?).ok()?, part(4..6)?, part(6..8)?)
}

/// Reads one date cell. `Ambiguous` means the caller must choose the order. A date outside
/// the years Microplan works with (`microplan_model::limits`) is a problem of the cell, so the import
/// report names its row and column instead of autosave refusing the workspace later.
pub fn read_date(text: &str) -> Result<DateReading, Problem> {
    let reading = read_any_date(text)?;
    let (DateReading::Clear(date)
    | DateReading::Ordered(date, _)
    | DateReading::Ambiguous {
        day_first: date, ..
    }) = reading;
    if microplan_model::limits::date_in_range(date) {
        Ok(reading)
    } else {
        Err(Problem::new(
            format!(
                "`{}` is outside the dates Microplan works with, {}-01-01 to {}-12-31",
                text.trim(),
                microplan_model::limits::FIRST_YEAR,
                microplan_model::limits::LAST_YEAR
            ),
            "check the year",
        ))
    }
}

fn read_any_date(text: &str) -> Result<DateReading, Problem> {
    let trimmed = text.trim();
    if let Some(date) = plain_iso(trimmed) {
        return Ok(DateReading::Clear(date));
    }
    let tokens = date_tokens(trimmed);
    if let [single] = tokens.as_slice() {
        let date = excel_serial(single).or_else(|| compact_iso(single));
        return date.map(DateReading::Clear).ok_or_else(|| not_a_date(text));
    }
    let [first, second, third] = tokens.as_slice() else {
        return Err(not_a_date(text));
    };
    // A month written as a word: the other two are day and year.
    let named = [first, second, third]
        .iter()
        .position(|token| month_number(token).is_some());
    if let Some(at) = named {
        let month = [first, second, third]
            .get(at)
            .and_then(|t| month_number(t))
            .ok_or_else(|| not_a_date(text))?;
        let others: Vec<&str> = tokens
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != at)
            .map(|(_, t)| *t)
            .collect();
        let (day_text, year_text) = match others.as_slice() {
            [a, b] if a.len() == 4 => (*b, *a),
            [a, b] => (*a, *b),
            _ => return Err(not_a_date(text)),
        };
        let day = number(day_text).ok_or_else(|| not_a_date(text))?;
        let year = year(year_text).ok_or_else(|| not_a_date(text))?;
        return ymd(year, month, day)
            .map(DateReading::Clear)
            .ok_or_else(|| no_such_day(text));
    }
    if first.len() == 4 {
        let (year, month, day) = (year(first), number(second), number(third));
        let (Some(year), Some(month), Some(day)) = (year, month, day) else {
            return Err(not_a_date(text));
        };
        return ymd(year, month, day)
            .map(DateReading::Clear)
            .ok_or_else(|| no_such_day(text));
    }
    let (Some(a), Some(b), Some(year)) = (number(first), number(second), year(third)) else {
        return Err(not_a_date(text));
    };
    if first.len() > 2 || second.len() > 2 {
        return Err(not_a_date(text));
    }
    let day_first = ymd(year, b, a);
    let month_first = ymd(year, a, b);
    let dotted = trimmed.contains('.') && !trimmed.contains('/');
    match (day_first, month_first) {
        (Some(date), _) if dotted => Ok(DateReading::Clear(date)),
        (Some(date), None) => Ok(DateReading::Ordered(date, DateOrder::DayFirst)),
        (None, Some(date)) => Ok(DateReading::Ordered(date, DateOrder::MonthFirst)),
        (Some(date), Some(_)) if a == b => Ok(DateReading::Clear(date)),
        (Some(day_first), Some(month_first)) => Ok(DateReading::Ambiguous {
            day_first,
            month_first,
        }),
        (None, None) => Err(no_such_day(text)),
    }
}

/// ISO text for export and display.
pub fn format_date(date: NaiveDate) -> String {
    // Display is ISO 8601 (`2026-03-01`) and, unlike `format("%Y-%m-%d")`, does not pull
    // chrono's format-string machinery into the bundle.
    date.to_string()
}
