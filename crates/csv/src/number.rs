//! Numbers as people type them: `1,234`, `1 234`, `1.234,5`, `1.2k`, `3.4M`, `2B`, `5%`.
//!
//! Digits are kept as text until the end so abbreviations and percentages shift the decimal
//! point exactly (`1.2k` is exactly 1200, `5%` exactly 0.05) and long counts stay exact.

use super::problem::Problem;
use super::text::take_currency;

/// A decimal number as sign and digit strings.
#[derive(Debug, Clone, PartialEq)]
struct Digits {
    negative: bool,
    whole: String,
    fraction: String,
}

impl Digits {
    /// Multiplies by 10^places by moving the decimal point.
    fn shifted(&self, places: i32) -> Digits {
        let mut whole = self.whole.clone();
        let mut fraction = self.fraction.clone();
        if places >= 0 {
            for _ in 0..places {
                whole.push(if fraction.is_empty() {
                    '0'
                } else {
                    fraction.remove(0)
                });
            }
        } else {
            for _ in 0..places.unsigned_abs() {
                fraction.insert(0, whole.pop().unwrap_or('0'));
            }
        }
        Digits {
            negative: self.negative,
            whole,
            fraction,
        }
    }

    fn is_zero(&self) -> bool {
        self.whole
            .chars()
            .chain(self.fraction.chars())
            .all(|c| c == '0')
    }

    fn is_whole(&self) -> bool {
        self.fraction.chars().all(|c| c == '0')
    }

    /// Plain text such as `1234` or `-12.5`, for "did you mean" suggestions.
    fn canonical(&self) -> String {
        let whole = self.whole.trim_start_matches('0');
        let whole = if whole.is_empty() { "0" } else { whole };
        let fraction = self.fraction.trim_end_matches('0');
        let sign = if self.negative && !self.is_zero() {
            "-"
        } else {
            ""
        };
        if fraction.is_empty() {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}.{fraction}")
        }
    }

    fn to_f64(&self) -> Option<f64> {
        self.canonical()
            .parse::<f64>()
            .ok()
            .filter(|value| value.is_finite())
    }

    /// Exact whole value; `None` when negative, fractional or beyond `u64`.
    fn to_u64(&self) -> Option<u64> {
        if (self.negative && !self.is_zero()) || !self.is_whole() {
            return None;
        }
        let whole = self.whole.trim_start_matches('0');
        if whole.is_empty() {
            Some(0)
        } else {
            whole.parse::<u64>().ok()
        }
    }
}

/// A number read from a cell, and whether it used an abbreviation such as `k`.
struct Reading {
    digits: Digits,
    abbreviated: bool,
}

/// Drops spaces and apostrophes used as thousands separators (`1 234`, `1'234`).
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\'' && *c != '’')
        .collect()
}

fn take_sign(text: &str) -> (bool, &str) {
    if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        return (true, inner);
    }
    if let Some(rest) = text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
        return (true, rest);
    }
    (false, text.strip_prefix('+').unwrap_or(text))
}

/// Splits off `k`, `M`, `B` (and `mn`, `bn`) and returns the power of ten they stand for.
fn take_abbreviation(text: &str) -> (&str, i32) {
    let lower = text.to_ascii_lowercase();
    for (suffix, places) in [("bn", 9), ("mn", 6), ("k", 3), ("m", 6), ("b", 9)] {
        if lower.ends_with(suffix) {
            let end = text.len().saturating_sub(suffix.len());
            if let Some(body) = text.get(..end).filter(|body| !body.is_empty()) {
                return (body, places);
            }
        }
    }
    (text, 0)
}

/// Splits a mantissa from an `e` exponent (`1.5e3`); the exponent is limited so shifting
/// stays cheap.
fn take_exponent(text: &str) -> Option<(&str, i32)> {
    match text.find(['e', 'E']) {
        None => Some((text, 0)),
        Some(at) => {
            let exponent: i32 = text.get(at + 1..)?.parse().ok()?;
            (exponent.abs() <= 400).then_some((text.get(..at)?, exponent))
        }
    }
}

/// Reads digits with separators under one convention; `None` when they do not fit it.
/// A single separator before an abbreviation (`1.2k`, `1,2k`) is always the decimal one.
fn split_separators(
    body: &str,
    decimal_comma: bool,
    abbreviated: bool,
) -> Option<(String, String)> {
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let separators = body.chars().filter(|c| *c == '.' || *c == ',').count();
    let decimal = if abbreviated && separators == 1 {
        if body.contains(',') {
            ','
        } else {
            '.'
        }
    } else if decimal_comma {
        ','
    } else {
        '.'
    };
    let group = if decimal == ',' { '.' } else { ',' };
    let (whole, fraction) = body.split_once(decimal).unwrap_or((body, ""));
    if fraction.contains(['.', ',']) || (whole.is_empty() && fraction.is_empty()) {
        return None;
    }
    if whole.contains(group) {
        let mut groups = whole.split(group);
        let first = groups.next().unwrap_or("");
        let first_ok = (1..=3).contains(&first.len()) && !first.starts_with('0');
        if !first_ok || !groups.all(|g| g.len() == 3) {
            return None;
        }
    }
    Some((whole.replace(group, ""), fraction.to_string()))
}

fn read_number(text: &str, decimal_comma: bool) -> Option<Reading> {
    let compacted = compact(text);
    let (negative, unsigned) = take_sign(&compacted);
    let (body, abbreviation) = take_abbreviation(unsigned);
    let (mantissa, exponent) = take_exponent(body)?;
    if exponent != 0 && abbreviation != 0 {
        return None;
    }
    let (whole, fraction) = split_separators(mantissa, decimal_comma, abbreviation != 0)?;
    let digits = Digits {
        negative,
        whole,
        fraction,
    }
    .shifted(abbreviation + exponent);
    Some(Reading {
        digits,
        abbreviated: abbreviation != 0,
    })
}

/// "did you mean ...?" when the other decimal convention reads the cell.
fn other_convention(text: &str, decimal_comma: bool) -> Option<String> {
    read_number(text, !decimal_comma).map(|reading| reading.digits.canonical())
}

fn convention_note(decimal_comma: bool) -> &'static str {
    if decimal_comma {
        "this file is read with `,` as the decimal separator"
    } else {
        "this file is read with `.` as the decimal separator"
    }
}

pub(super) fn not_a_number(text: &str, decimal_comma: bool, example: &str) -> Problem {
    let fix = match other_convention(text, decimal_comma) {
        Some(meant) => format!("did you mean {meant}? ({})", convention_note(decimal_comma)),
        None => format!("write {example}"),
    };
    Problem::new(format!("`{text}` is not a number"), fix)
}

/// "write a whole number such as 13" for `12.5`; a generic example when rounding gives 0.
fn whole_example(digits: &Digits) -> String {
    match digits.to_f64().map(f64::round) {
        Some(rounded) if rounded >= 1.0 => format!("write a whole number such as {rounded}"),
        _ => "write a whole number such as 1200 or 1.2k".to_string(),
    }
}

/// Like [`not_a_number`], but only suggests whole readings: `12,5` in a decimal-point file
/// is a fraction either way, so the fix names the nearest whole number.
fn not_a_count(text: &str, decimal_comma: bool) -> Problem {
    match read_number(text, !decimal_comma).map(|reading| reading.digits) {
        Some(digits) => match digits.to_u64() {
            Some(meant) => Problem::new(
                format!("`{text}` is not a number"),
                format!("did you mean {meant}? ({})", convention_note(decimal_comma)),
            ),
            None => Problem::new(
                format!("`{text}` is not a whole number"),
                whole_example(&digits),
            ),
        },
        None => Problem::new(
            format!("`{text}` is not a number"),
            "write a whole number such as 1200 or 1.2k",
        ),
    }
}

/// A whole, non-negative count up to `microplan_model::limits::MAX_COUNT`. Abbreviations round to the
/// nearest whole (`1.25k` is 1250, `1.2345k` is 1235); a plain fraction such as `12.5` is an
/// error. The cap is checked here so that the import report names the cell, rather than
/// autosave refusing the workspace later.
pub fn parse_count(text: &str, decimal_comma: bool) -> Result<u64, Problem> {
    let count = parse_any_count(text, decimal_comma)?;
    if count > microplan_model::limits::MAX_COUNT {
        return Err(Problem::new(
            format!("`{}` is larger than any real count", text.trim()),
            format!(
                "check the value; counts up to {} are supported",
                microplan_model::money::group_thousands(microplan_model::limits::MAX_COUNT)
            ),
        ));
    }
    Ok(count)
}

fn parse_any_count(text: &str, decimal_comma: bool) -> Result<u64, Problem> {
    // Most cells are plain digits: read them without building digit strings.
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(count) = trimmed.parse::<u64>() {
            return Ok(count);
        }
    }
    let reading =
        read_number(text, decimal_comma).ok_or_else(|| not_a_count(text, decimal_comma))?;
    let digits = reading.digits;
    if digits.negative && !digits.is_zero() {
        return Err(Problem::new(
            format!("`{text}` is negative, but counts cannot be"),
            "write 0 or more, or leave the cell empty if it is unknown",
        ));
    }
    let too_large = || {
        Problem::new(
            format!("`{text}` is too large for a count"),
            "check the value; counts above 18 quintillion are not supported",
        )
    };
    if let Some(whole) = digits.to_u64() {
        return Ok(whole);
    }
    if !digits.is_whole() && !reading.abbreviated {
        let whole_other = read_number(text, !decimal_comma).and_then(|other| other.digits.to_u64());
        let fix = match whole_other {
            Some(meant) => format!("did you mean {meant}? ({})", convention_note(decimal_comma)),
            None => whole_example(&digits),
        };
        return Err(Problem::new(format!("`{text}` is not a whole number"), fix));
    }
    let value = digits.to_f64().ok_or_else(too_large)?.round();
    if value >= u64::MAX as f64 {
        return Err(too_large());
    }
    Ok(value as u64)
}

/// Any finite number, negative allowed, within ± `microplan_model::limits::MAX_AMOUNT`.
pub fn parse_number(text: &str, decimal_comma: bool) -> Result<f64, Problem> {
    let value = read_number(text, decimal_comma)
        .and_then(|reading| reading.digits.to_f64())
        .ok_or_else(|| not_a_number(text, decimal_comma, "a number such as 1200.5 or 1.2k"))?;
    if value.abs() > microplan_model::limits::MAX_AMOUNT {
        return Err(Problem::new(
            format!("`{}` is larger than any real amount", text.trim()),
            format!(
                "check the value; numbers up to {} either way are supported",
                microplan_model::money::group_thousands(microplan_model::limits::MAX_AMOUNT as u64)
            ),
        ));
    }
    Ok(value)
}

/// A rate as a fraction from 0 to 1: `5%` and `0.05` are both 0.05.
pub fn parse_fraction(text: &str, decimal_comma: bool) -> Result<f64, Problem> {
    let trimmed = text.trim();
    let (body, percent) = match trimmed.strip_suffix('%') {
        Some(body) => (body, true),
        None => (trimmed, false),
    };
    let reading = read_number(body, decimal_comma)
        .filter(|reading| !reading.abbreviated)
        .ok_or_else(|| not_a_number(text, decimal_comma, "a rate such as 5% or 0.05"))?;
    let digits = if percent {
        reading.digits.shifted(-2)
    } else {
        reading.digits
    };
    let value = digits
        .to_f64()
        .ok_or_else(|| not_a_number(text, decimal_comma, "a rate such as 5% or 0.05"))?;
    if digits.negative && !digits.is_zero() {
        return Err(Problem::new(
            format!("`{text}` is negative, but a rate cannot be"),
            "write a rate from 0% to 100%, such as 5% or 0.05",
        ));
    }
    if value > 1.0 {
        let problem = format!("`{text}` is more than 100%");
        return Err(if percent {
            Problem::new(problem, "write a rate from 0% to 100%")
        } else {
            let meant = digits.canonical();
            Problem::new(
                problem,
                format!(
                    "did you mean {meant}%? Rates are fractions: write {meant}% or {}",
                    digits.shifted(-2).canonical()
                ),
            )
        });
    }
    Ok(value)
}

/// Which decimal separator a number-like cell implies: `Some(true)` for a decimal comma
/// (`12,5`, `1.234,56`), `Some(false)` for a decimal point (`12.5`, `1,234.56`), `None` when
/// it fits both (`1,234`, `2026`) or is not a number.
pub fn decimal_evidence(cell: &str) -> Option<bool> {
    let (without_currency, _) = take_currency(cell);
    let trimmed = without_currency.trim();
    let body = compact(trimmed.strip_suffix('%').unwrap_or(trimmed));
    let (_, unsigned) = take_sign(&body);
    if !unsigned.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let comma = split_separators(unsigned, true, false).is_some();
    let point = split_separators(unsigned, false, false).is_some();
    match (comma, point) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}
