//! The ranges a date, day count, count, amount or text may take anywhere in a workspace, and
//! date arithmetic that cannot overflow. A value outside these ranges is a typing or export
//! mistake: forms and file imports refuse it with a message that says so, and every
//! computation stays defined for it anyway (the calendar's limits are far beyond these).

use chrono::{Duration, NaiveDate};

/// Dates run from 1 January 1900 to 31 December 2200.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;
/// Ten years: the longest posting window, live duration, exclusivity, grace or payment
/// period that is not a typing mistake.
pub const MAX_PERIOD_DAYS: u32 = 3660;
/// Ten years of licence.
pub const MAX_LICENCE_MONTHS: u32 = 120;
/// One trillion: more views, followers or orders than any account has.
pub const MAX_COUNT: u64 = 1_000_000_000_000;
/// One trillion in any currency.
pub const MAX_AMOUNT: f64 = 1e12;
/// The longest name, note or other text field, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The largest workspace file that is opened (200 MB).
pub const MAX_FILE_BYTES: usize = 200 * 1024 * 1024;

/// 1900-01-01.
pub fn first_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// 2200-12-31.
pub fn last_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX)
}

pub fn date_in_range(date: NaiveDate) -> bool {
    (first_date()..=last_date()).contains(&date)
}

/// Why a date is refused, naming what it is (`"The posting window's end"`).
pub fn date_problem(what: &str, date: NaiveDate) -> Option<String> {
    (!date_in_range(date)).then(|| {
        format!(
            "{what} ({date}) is outside the dates Microplan works with, {} to {}: check the year.",
            first_date(),
            last_date()
        )
    })
}

/// Why a number of days is refused (`None` when it is at most `MAX_PERIOD_DAYS`).
pub fn days_problem(what: &str, days: u64) -> Option<String> {
    (days > u64::from(MAX_PERIOD_DAYS)).then(|| {
        format!(
            "{what} is {} days, about {} years: more than ten years is a typing mistake. Enter at most {} days.",
            super::money::group_thousands(days),
            super::money::group_thousands(days / 365),
            super::money::group_thousands(u64::from(MAX_PERIOD_DAYS))
        )
    })
}

/// Why an amount is refused: not a number, or beyond one trillion either way.
pub fn amount_problem(what: &str, amount: f64) -> Option<String> {
    (!amount.is_finite() || amount.abs() > MAX_AMOUNT)
        .then(|| format!("{what} is beyond one trillion (1,000,000,000,000): check the number."))
}

/// Why a count is refused.
pub fn count_problem(what: &str, count: u64) -> Option<String> {
    (count > MAX_COUNT).then(|| {
        format!(
            "{what} is {}, more than one trillion: check the number.",
            super::money::group_thousands(count)
        )
    })
}

/// `date` moved by `days`; `None` beyond the calendar's limits.
pub fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    Duration::try_days(days).and_then(|delta| date.checked_add_signed(delta))
}

/// `date` moved by `days`, stopping at the calendar's first or last day: for wording and
/// comparisons where a date past the limits still reads as "never".
pub fn add_days_saturating(date: NaiveDate, days: i64) -> NaiveDate {
    add_days(date, days).unwrap_or(if days < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// Whole days from `from` to `to` (negative when `to` is earlier); cannot overflow.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn the_window_is_1900_to_2200_inclusive() {
        assert!(date_in_range(day(1900, 1, 1)) && date_in_range(day(2200, 12, 31)));
        assert!(!date_in_range(day(1899, 12, 31)) && !date_in_range(day(2201, 1, 1)));
        let message =
            date_problem("The posting window's end", day(262142, 12, 31)).unwrap_or_default();
        assert_eq!(
            message,
            "The posting window's end (+262142-12-31) is outside the dates Microplan works with, 1900-01-01 to 2200-12-31: check the year."
        );
    }

    #[test]
    fn day_arithmetic_stops_at_the_calendar_limits() {
        assert_eq!(add_days(day(2026, 3, 1), 30), Some(day(2026, 3, 31)));
        assert_eq!(add_days(day(2026, 3, 1), -1), Some(day(2026, 2, 28)));
        assert_eq!(add_days(NaiveDate::MAX, 1), None);
        assert_eq!(add_days(day(2026, 1, 1), i64::MAX), None);
        assert_eq!(
            add_days_saturating(day(2026, 1, 1), 100_000_000),
            NaiveDate::MAX
        );
        assert_eq!(
            add_days_saturating(day(2026, 1, 1), i64::MIN),
            NaiveDate::MIN
        );
        // 524,286 years of 365.2425 days, less one.
        assert_eq!(days_between(NaiveDate::MIN, NaiveDate::MAX), 191_491_528);
    }

    #[test]
    fn periods_of_more_than_ten_years_are_refused_with_the_reason() {
        assert_eq!(days_problem("Posts stay live", 3660), None);
        assert_eq!(
            days_problem("Posts stay live", 100_000_000).unwrap_or_default(),
            "Posts stay live is 100,000,000 days, about 273,972 years: more than ten years is a typing mistake. Enter at most 3,660 days."
        );
        assert!(amount_problem("The fee", f64::INFINITY).is_some());
        assert_eq!(amount_problem("The fee", -1e12), None);
        assert_eq!(count_problem("Views", MAX_COUNT), None);
        assert!(count_problem("Views", u64::MAX).is_some());
    }
}
