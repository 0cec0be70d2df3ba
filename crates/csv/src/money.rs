//! Money cells as people type them: `€1,200.50`, `1.200,50 €`, `$99`, `USD 99`, `-5`.

use super::number::{not_a_number, parse_number};
use super::problem::Problem;
use super::text::take_currency;

/// An amount with the currency its cell named, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyCell {
    pub amount: f64,
    /// ISO code from a symbol or code in the cell (`€` gives `EUR`).
    pub currency: Option<String>,
    /// The symbol or code as written, for messages.
    pub written: Option<String>,
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
