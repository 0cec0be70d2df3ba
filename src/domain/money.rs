//! Money always travels with its currency.

use serde::{Deserialize, Serialize};

/// An amount in a named currency (ISO 4217 code such as `EUR`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    pub amount: f64,
    pub currency: String,
}

impl Money {
    pub fn new(amount: f64, currency: &str) -> Self {
        Money { amount, currency: currency.trim().to_ascii_uppercase() }
    }
}

/// Digits with thousands separators: 1550 -> "1,550".
/// A whole number with thousands separators: 100000 -> "100,000".
pub fn group_thousands(whole: u64) -> String {
    group_digits(&whole.to_string())
}

/// Digits with a comma between each group of three: "1234567" -> "1,234,567". The one digit
/// grouping of the app (counts, money, scores).
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
    let factor = 10f64.powi(decimals as i32);
    let rounded = (value.abs() * factor).round() as u64;
    let whole = rounded / factor as u64;
    let fraction = rounded % factor as u64;
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

/// A fraction as a percentage with `decimals` places and separators: 0.253 -> "25.3%";
/// "—" for a value that is not finite or too large to read, never "inf%" or "NaN%".
pub fn percent_text(fraction: f64, decimals: usize) -> String {
    let text = number_text(fraction * 100.0, decimals);
    if text == "—" { text } else { format!("{text}%") }
}

/// As `percent_text`, with a sign also for gains: "+20.0%", "-3.5%".
pub fn signed_percent_text(fraction: f64, decimals: usize) -> String {
    let text = percent_text(fraction, decimals);
    if fraction > 0.0 && text != "—" { format!("+{text}") } else { text }
}

/// An amount as people read it, with `decimals` places: "€1,550", "£12.50", "$0.118"; other
/// currencies follow the number ("1,550 SEK"). "—" for an amount that is not finite.
pub fn format_money(amount: f64, currency: &str, decimals: usize) -> String {
    let number = number_text(amount, decimals);
    if number == "—" {
        return number;
    }
    let (sign, digits) = match number.strip_prefix('-') {
        Some(digits) => ("-", digits),
        None => ("", number.as_str()),
    };
    match currency {
        "EUR" => format!("{sign}€{digits}"),
        "GBP" => format!("{sign}£{digits}"),
        "USD" => format!("{sign}${digits}"),
        "" => number,
        other => format!("{number} {other}"),
    }
}

#[cfg(test)]
mod display_tests {
    use super::*;

    #[test]
    fn amounts_read_with_their_symbol_or_code() {
        assert_eq!(format_money(1550.0, "EUR", 0), "€1,550");
        assert_eq!(format_money(-12.5, "GBP", 2), "-£12.50");
        assert_eq!(format_money(0.1184, "USD", 3), "$0.118");
        assert_eq!(format_money(1_234_567.0, "SEK", 0), "1,234,567 SEK");
        assert_eq!(format_money(f64::NAN, "EUR", 2), "—");
        assert_eq!(format_money(3.0, "", 2), "3.00");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn percentages_of_values_out_of_range_read_as_a_dash() {
        use super::{percent_text, signed_percent_text};
        assert_eq!(percent_text(0.253, 1), "25.3%");
        assert_eq!(percent_text(1e300, 0), "—");
        assert_eq!(percent_text(f64::NAN, 0), "—");
        assert_eq!(signed_percent_text(0.2, 1), "+20.0%");
        assert_eq!(signed_percent_text(-0.035, 1), "-3.5%");
        assert_eq!(signed_percent_text(f64::INFINITY, 1), "—");
    }

    use super::*;

    #[test]
    fn digits_are_grouped_in_threes_from_the_right() {
        let cases = [("", ""), ("7", "7"), ("999", "999"), ("1000", "1,000"), ("123456", "123,456"), ("1234567", "1,234,567")];
        for (digits, grouped) in cases {
            assert_eq!(group_digits(digits), grouped);
        }
        assert_eq!(number_text(-1234.5, 1), "-1,234.5");
        assert_eq!(number_text(f64::NAN, 0), "—");
    }
}
