//! Money cells as people type them: `€1,200.50`, `1.200,50 €`, `$99`, `USD 99`, `-5`.

use super::number::{not_a_number, parse_number};
use super::problem::Problem;
use super::text::CURRENCY_SYMBOLS;

/// An amount with the currency its cell named, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyCell {
    pub amount: f64,
    /// ISO code from a symbol or code in the cell (`€` gives `EUR`).
    pub currency: Option<String>,
    /// The symbol or code as written, for messages.
    pub written: Option<String>,
}

/// Finds a currency symbol or three-letter code at either end of a money cell.
pub(super) fn take_currency(text: &str) -> (String, Option<(String, String)>) {
    let trimmed = text.trim();
    let (sign, unsigned) = match trimmed.strip_prefix('-') {
        Some(rest) => ("-", rest.trim_start()),
        None => ("", trimmed),
    };
    for (symbol, code) in CURRENCY_SYMBOLS {
        if let Some(rest) = unsigned.strip_prefix(symbol) {
            return (
                format!("{sign}{rest}"),
                Some((symbol.to_string(), code.to_string())),
            );
        }
        if let Some(rest) = unsigned.strip_suffix(symbol) {
            return (
                format!("{sign}{rest}"),
                Some((symbol.to_string(), code.to_string())),
            );
        }
    }
    let letters = |part: &str| part.len() == 3 && part.chars().all(|c| c.is_ascii_alphabetic());
    let head = unsigned.get(..3).filter(|part| letters(part));
    let tail = unsigned
        .len()
        .checked_sub(3)
        .and_then(|at| unsigned.get(at..))
        .filter(|part| letters(part));
    if let Some(code) = head {
        let rest = unsigned.get(3..).unwrap_or("");
        return (
            format!("{sign}{rest}"),
            Some((code.to_string(), code.to_ascii_uppercase())),
        );
    }
    if let Some(code) = tail {
        let rest = unsigned
            .get(..unsigned.len().saturating_sub(3))
            .unwrap_or("");
        return (
            format!("{sign}{rest}"),
            Some((code.to_string(), code.to_ascii_uppercase())),
        );
    }
    (trimmed.to_string(), None)
}

/// A money amount such as `€1,200.50`, `1.200,50 €`, `USD 99` or `-5`.
pub fn parse_money(text: &str, decimal_comma: bool) -> Result<MoneyCell, Problem> {
    let (amount_text, currency) = take_currency(text);
    let amount = parse_number(&amount_text, decimal_comma).map_err(|_| {
        not_a_number(
            text,
            decimal_comma,
            "an amount such as 1200.50, €1,200.50 or 1.2k",
        )
    })?;
    let (written, currency) = match currency {
        Some((written, code)) => (Some(written), Some(code)),
        None => (None, None),
    };
    Ok(MoneyCell {
        amount,
        currency,
        written,
    })
}
