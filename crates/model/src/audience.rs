//! A creator's audience as the platforms report it (top countries, age bands, genders as
//! shares), and the text form the CSV columns use (`GB 40%; DE 25%`).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a text of audience shares could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum AudienceError {
    /// A part without a name, or whose share is not a number of zero or more.
    NeedsNameAndShare { part: String },
    /// The shares add up to more than the whole audience (`total` is a fraction).
    SharesAboveWhole { total: f64 },
}

impl fmt::Display for AudienceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AudienceError::NeedsNameAndShare { part } => {
                write!(f, "“{part}” needs a name and a share, such as “GB 40%”")
            }
            AudienceError::SharesAboveWhole { total } => write!(
                f,
                "the shares add up to {}, more than 100%",
                crate::format::percent(*total)
            ),
        }
    }
}

impl std::error::Error for AudienceError {}

/// Callers that carry messages as text keep the same words.
impl From<AudienceError> for String {
    fn from(error: AudienceError) -> Self {
        error.to_string()
    }
}

/// One slice of an audience: a key (`GB`, `25-34`, `female`) and its share (a fraction).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AudienceShare {
    pub key: String,
    pub share: f64,
}

/// The creator's audience as the platform reports it; empty lists mean "not known".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AudienceBreakdown {
    #[serde(default)]
    pub countries: Vec<AudienceShare>,
    #[serde(default)]
    pub age_bands: Vec<AudienceShare>,
    #[serde(default)]
    pub genders: Vec<AudienceShare>,
}

impl AudienceBreakdown {
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.age_bands.is_empty() && self.genders.is_empty()
    }
}

/// Reads `GB 40%; DE 25%` (also `GB:40`, `GB=0.4`, separated by `;` or `|`). A value with `%`
/// or above 1 is a percentage; the shares may not add up to more than 100%.
pub fn parse_shares(text: &str) -> Result<Vec<AudienceShare>, AudienceError> {
    let mut out = Vec::new();
    for part in text
        .split([';', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let split = part.rfind(|c: char| c == ':' || c == '=' || c.is_whitespace());
        let (key, value) = match split {
            Some(at) => (
                part.get(..at).unwrap_or(""),
                part.get(at + 1..).unwrap_or(""),
            ),
            None => ("", part),
        };
        let key = key.trim().trim_end_matches([':', '=']).trim();
        let value = value.trim();
        let percent = value.ends_with('%');
        let number: f64 = value
            .trim_end_matches('%')
            .trim()
            .replace(',', ".")
            .parse()
            .map_err(|_| AudienceError::NeedsNameAndShare {
                part: part.to_string(),
            })?;
        if key.is_empty() || !number.is_finite() || number < 0.0 {
            return Err(AudienceError::NeedsNameAndShare {
                part: part.to_string(),
            });
        }
        let share = if percent || number > 1.0 {
            number / 100.0
        } else {
            number
        };
        out.push(AudienceShare {
            key: key.to_string(),
            share,
        });
    }
    let total: f64 = out.iter().map(|s| s.share).sum();
    if total > 1.0 + 1e-6 {
        return Err(AudienceError::SharesAboveWhole { total });
    }
    Ok(out)
}

/// Writes shares the way [`parse_shares`] reads them: `GB 40%; DE 25%`.
pub fn format_shares(shares: &[AudienceShare]) -> String {
    shares
        .iter()
        .map(|s| format!("{} {}%", s.key, round_percent(s.share)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// A share as a percentage number with at most 4 decimals (0.4 -> 40, 0.12345 -> 12.345).
fn round_percent(share: f64) -> f64 {
    (share * 100.0 * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_typed_and_keep_their_words() {
        let error = parse_shares("GB").unwrap_err();
        assert_eq!(
            error,
            AudienceError::NeedsNameAndShare {
                part: "GB".to_string()
            }
        );
        assert_eq!(
            error.to_string(),
            "“GB” needs a name and a share, such as “GB 40%”"
        );
        let error = parse_shares("GB 70%; US 50%").unwrap_err();
        assert!(
            matches!(error, AudienceError::SharesAboveWhole { total } if (total - 1.2).abs() < 1e-12)
        );
        assert_eq!(
            String::from(error),
            "the shares add up to 120%, more than 100%"
        );
    }
}
