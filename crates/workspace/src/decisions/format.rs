//! Numbers, money and dates as the decisions panel and the report print them.

use chrono::{Datelike, NaiveDate};

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub use microplan_model::money::number_text;

/// Money, dates and numbers follow the one policy of `microplan_model::format`.
pub use microplan_model::format::{date as date_text, money as money_text, money as money_cents};

/// "April 2026".
pub fn month_text(date: NaiveDate) -> String {
    format!(
        "{} {}",
        MONTH_NAMES[date.month0() as usize % 12],
        date.year()
    )
}

/// How a metric's numbers print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Count,
    Fraction,
    Money,
    /// A plain ratio such as ROAS (2.4 means 2.40 of revenue per 1 of cost).
    Ratio,
}

/// A value of a metric of this kind as text: "27.6", "3.10%", "€12.40".
pub fn show_value(value: f64, kind: ValueKind, currency: &str) -> String {
    match kind {
        ValueKind::Count if (value - value.round()).abs() < 1e-9 => number_text(value, 0),
        ValueKind::Count if (value * 10.0 - (value * 10.0).round()).abs() < 1e-9 => {
            number_text(value, 1)
        }
        ValueKind::Count | ValueKind::Ratio => {
            number_text(value, if value.abs() >= 100.0 { 1 } else { 2 })
        }
        ValueKind::Fraction => microplan_model::format::percent(value),
        ValueKind::Money => money_text((value * 100.0).round() / 100.0, currency),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_money_and_dates_read_well() {
        assert_eq!(number_text(1549.375, 2), "1,549.38");
        assert_eq!(number_text(2.2580, 2), "2.26");
        assert_eq!(number_text(-0.001, 2), "0.00");
        assert_eq!(number_text(1_234_567.0, 0), "1,234,567");
        assert_eq!(number_text(f64::NAN, 2), "—");
        assert_eq!(money_text(1550.0, "EUR"), "€1,550");
        assert_eq!(money_text(1549.37, "GBP"), "£1,549.37");
        assert_eq!(money_text(20.0, "SEK"), "20 SEK");
        assert_eq!(money_cents(150.0, "EUR"), "€150");
        let date = NaiveDate::from_ymd_opt(2026, 4, 13).unwrap();
        assert_eq!(date_text(date), "13 Apr 2026");
        assert_eq!(month_text(date), "April 2026");
    }
}
