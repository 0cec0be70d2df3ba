//! A creator's audience as the platforms report it (top countries, age bands, genders as
//! shares), and the text form the CSV columns use (`GB 40%; DE 25%`).

use serde::{Deserialize, Serialize};

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
pub fn parse_shares(text: &str) -> Result<Vec<AudienceShare>, String> {
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
            .map_err(|_| format!("“{part}” needs a name and a share, such as “GB 40%”"))?;
        if key.is_empty() || !number.is_finite() || number < 0.0 {
            return Err(format!(
                "“{part}” needs a name and a share, such as “GB 40%”"
            ));
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
        return Err(format!(
            "the shares add up to {}, more than 100%",
            crate::format::percent(total)
        ));
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
