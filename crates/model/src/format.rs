//! How every number, amount and date reads to a person: one policy for pages, documents
//! (briefs, contracts, reports) and the human-facing text of exports. Machine-readable CSV
//! number columns stay plain (`1550.5`, `0.036`) and do not use this module.
//!
//! The policy:
//! - **Counts** are whole numbers grouped in thousands with a comma: `48,210`.
//! - **Money** always carries its currency: `€`, `£` or `$` before the number for EUR, GBP
//!   and USD, the ISO code after it for any other currency (`1,550 SEK`). Whole amounts have
//!   no decimals (`€3,000`), any other amount has exactly two (`€12.50`, `£0.12`).
//! - **Percentages** have at most one decimal, a trailing `.0` dropped: `3.6%`, `25%`,
//!   `0.4%`; a non-zero share below 0.05% reads `< 0.1%` rather than a false `0%`.
//!   Changes carry their sign (`+20%`, `-3.5%`). Differences of two rates read in
//!   percentage points with two decimals, as they are often below one point (`+0.25 pp`).
//! - **p-values** have three decimals, and below 0.001 read `< 0.001` (`p < 0.001` in a
//!   sentence): never `7.9e-4`.
//! - **Dates** read day, short month, year: `13 Apr 2026` (date inputs keep ISO).
//! - **Plurals** agree with the count: `1 creator`, `2 creators`, `1,200 creators`.
//! - A value that is not finite reads `—`, never `NaN` or `inf`.
//!
//! Chart axis ticks are the one exception: they take the decimals their step needs.

use chrono::{Datelike, NaiveDate};

/// A whole number with thousands separators: 100000 -> "100,000".
pub fn group_thousands(whole: u64) -> String {
    group_digits(&whole.to_string())
}

/// Digits with a comma between each group of three: "1234567" -> "1,234,567".
pub fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A number with separators and `decimals` places; "—" for a value that is not finite.
pub fn number_text(value: f64, decimals: usize) -> String {
    if !value.is_finite() || value.abs() >= 1e15 {
        return "—".to_string();
    }
    let decimals = decimals.min(6);
    let factor = 10u64.pow(decimals as u32);
    let rounded = (value.abs() * factor as f64).round() as u64;
    let whole = rounded / factor;
    let fraction = rounded % factor;
    let sign = if value < 0.0 && rounded > 0 { "-" } else { "" };
    if decimals == 0 {
        format!("{sign}{}", group_thousands(whole))
    } else {
        format!(
            "{sign}{}.{fraction:0width$}",
            group_thousands(whole),
            width = decimals
        )
    }
}

/// A count, rounded to a whole number and grouped: 48210.4 -> "48,210".
pub fn count_text(value: f64) -> String {
    number_text(value, 0)
}

/// `count` followed by the noun that agrees with it: "1 creator", "1,200 creators".
pub fn plural(count: u64, one: &str, many: &str) -> String {
    let noun = if count == 1 { one } else { many };
    format!("{} {noun}", group_thousands(count))
}

/// A fraction as a percentage by the policy: 0.0364 -> "3.6%", 0.25 -> "25%".
pub fn percent(fraction: f64) -> String {
    let value = fraction * 100.0;
    if !value.is_finite() || value.abs() >= 1e15 {
        return "—".to_string();
    }
    if value != 0.0 && value.abs() < 0.05 {
        return if value > 0.0 {
            "< 0.1%".into()
        } else {
            "> -0.1%".into()
        };
    }
    let text = number_text(value, 1);
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text}%")
}

/// As `percent`, with a sign also for gains: "+20%", "-3.5%".
pub fn signed_percent(fraction: f64) -> String {
    let text = percent(fraction);
    if fraction > 0.0 && !text.starts_with(['—', '<']) {
        format!("+{text}")
    } else {
        text
    }
}

/// A difference of two rates in percentage points: 0.0025 -> "+0.25 pp".
pub fn signed_points(difference: f64) -> String {
    let text = number_text(difference * 100.0, 2);
    if text == "—" {
        return text;
    }
    let sign = if difference > 0.0 && text != "0.00" {
        "+"
    } else {
        ""
    };
    format!("{sign}{text} pp")
}

/// An amount with its currency by the policy: "€3,000", "£12.50", "1,550 SEK". An empty
/// currency leaves the number alone; "—" for an amount that is not finite.
pub fn money(amount: f64, currency: &str) -> String {
    let whole = amount.is_finite() && (amount * 100.0).round() % 100.0 == 0.0;
    let number = number_text(amount, if whole { 0 } else { 2 });
    if number == "—" {
        return number;
    }
    let (sign, digits) = match number.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", number.as_str()),
    };
    match currency.trim().to_ascii_uppercase().as_str() {
        "EUR" => format!("{sign}€{digits}"),
        "GBP" => format!("{sign}£{digits}"),
        "USD" => format!("{sign}${digits}"),
        "" => number,
        other => format!("{number} {other}"),
    }
}

/// A p-value for people: "0.012", "< 0.001"; never in e-notation.
pub fn p_value(p: f64) -> String {
    if !p.is_finite() {
        "—".into()
    } else if p < 0.001 {
        "< 0.001".into()
    } else {
        format!("{:.3}", p.min(1.0))
    }
}

/// A p-value in a sentence: "p = 0.012", "p < 0.001".
pub fn p_equals(p: f64) -> String {
    let text = p_value(p);
    if text.starts_with('<') {
        format!("p {text}")
    } else {
        format!("p = {text}")
    }
}

/// A multiple of something with two decimals: 2.4 -> "2.40×".
pub fn multiple(value: f64) -> String {
    let text = number_text(value, 2);
    if text == "—" {
        text
    } else {
        format!("{text}×")
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as people read it: "13 Apr 2026".
pub fn date(day: NaiveDate) -> String {
    let month = MONTHS.get(day.month0() as usize).copied().unwrap_or("?");
    format!("{} {month} {}", day.day(), day.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_in_threes() {
        let cases = [
            ("", ""),
            ("7", "7"),
            ("999", "999"),
            ("1000", "1,000"),
            ("1234567", "1,234,567"),
        ];
        for (digits, grouped) in cases {
            assert_eq!(group_digits(digits), grouped);
        }
        assert_eq!(count_text(48210.4), "48,210");
        assert_eq!(count_text(-1500.0), "-1,500");
        assert_eq!(number_text(-1234.5, 1), "-1,234.5");
        assert_eq!(number_text(-0.001, 2), "0.00");
        assert_eq!(count_text(f64::NAN), "—");
    }

    #[test]
    fn plurals_agree_with_the_count() {
        assert_eq!(plural(0, "creator", "creators"), "0 creators");
        assert_eq!(plural(1, "creator", "creators"), "1 creator");
        assert_eq!(plural(2, "creator", "creators"), "2 creators");
        assert_eq!(plural(1200, "post", "posts"), "1,200 posts");
    }

    #[test]
    fn percentages_have_at_most_one_decimal() {
        assert_eq!(percent(0.0364), "3.6%");
        assert_eq!(percent(0.04), "4%");
        assert_eq!(percent(0.25), "25%");
        assert_eq!(percent(0.0036), "0.4%");
        assert_eq!(percent(0.0003), "< 0.1%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(12.3456), "1,234.6%");
        assert_eq!(percent(f64::NAN), "—");
        assert_eq!(percent(1e300), "—");
        assert_eq!(signed_percent(0.2), "+20%");
        assert_eq!(signed_percent(-0.035), "-3.5%");
        assert_eq!(signed_percent(f64::INFINITY), "—");
        assert_eq!(signed_points(0.0025), "+0.25 pp");
        assert_eq!(signed_points(-0.01234), "-1.23 pp");
        assert_eq!(signed_points(0.00001), "0.00 pp");
    }

    #[test]
    fn money_carries_its_currency_and_cents_only_when_it_has_them() {
        assert_eq!(money(3000.0, "EUR"), "€3,000");
        assert_eq!(money(525.0, "eur"), "€525");
        assert_eq!(money(1105.0, "EUR"), "€1,105");
        assert_eq!(money(600.0, "GBP"), "£600");
        assert_eq!(money(-12.5, "GBP"), "-£12.50");
        assert_eq!(money(0.1184, "USD"), "$0.12");
        assert_eq!(money(1549.999, "EUR"), "€1,550");
        assert_eq!(money(1_234_567.0, "SEK"), "1,234,567 SEK");
        assert_eq!(money(3.0, ""), "3");
        assert_eq!(money(f64::NAN, "EUR"), "—");
    }

    #[test]
    fn p_values_never_use_e_notation() {
        assert_eq!(p_value(0.0123), "0.012");
        assert_eq!(p_value(0.00079), "< 0.001");
        assert_eq!(p_value(0.001), "0.001");
        assert_eq!(p_value(1.0), "1.000");
        assert_eq!(p_value(f64::NAN), "—");
        assert_eq!(p_equals(0.0123), "p = 0.012");
        assert_eq!(p_equals(0.00079), "p < 0.001");
        assert_eq!(multiple(2.4), "2.40×");
    }

    #[test]
    fn dates_read_day_month_year() {
        let day = NaiveDate::from_ymd_opt(2026, 4, 13);
        assert_eq!(day.map(date).as_deref(), Some("13 Apr 2026"));
    }
}
