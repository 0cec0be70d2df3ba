//! Audience fit with a target persona, from the creator's audience breakdown.
//!
//! A breakdown is what platforms show creators (top countries %, age bands %, gender %), as
//! shares of the audience. The persona names the countries, age bands and themes a programme
//! wants to reach. Fit parts (each 0-1, only the ones with data on both sides):
//! - countries: the sum of the audience shares in the target countries;
//! - age bands: the sum of the audience shares in the target age bands;
//! - themes: the share of target themes that one of the creator's categories matches
//!   (same matching as category specificity: equal, or one contains the other).
//!
//! Audience fit = the mean of the known parts; `None` when no part is known.

use serde::{Deserialize, Serialize};

use super::consistency::topic_matches;
use super::numbers::{clamp, mean};
use microplan_model::audience::{AudienceBreakdown, AudienceShare};

/// The people a programme wants to reach.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TargetPersona {
    #[serde(default)]
    pub themes: Vec<String>,
    /// Two-letter country codes.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Age bands as the platforms write them: `18-24`, `25-34`, `35-44`, `45-54`, `55+`.
    #[serde(default)]
    pub age_bands: Vec<String>,
}

impl TargetPersona {
    pub fn is_empty(&self) -> bool {
        self.themes
            .iter()
            .chain(&self.countries)
            .chain(&self.age_bands)
            .all(|t| t.trim().is_empty())
    }
}

/// Audience fit and its parts (fractions).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AudienceFit {
    pub country_share: Option<f64>,
    pub age_share: Option<f64>,
    pub theme_share: Option<f64>,
    /// Mean of the known parts.
    pub fit: Option<f64>,
}

fn key_of(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .replace(' ', "")
        .replace(['–', '—'], "-")
}

/// Sum of the shares whose key is among `targets` (case-insensitive; `25 - 34` = `25-34`).
/// `None` when there are no targets or no shares.
pub fn share_in(shares: &[AudienceShare], targets: &[String]) -> Option<f64> {
    let targets: Vec<String> = targets
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| key_of(t))
        .collect();
    if targets.is_empty() || shares.is_empty() {
        return None;
    }
    let sum: f64 = shares
        .iter()
        .filter(|s| s.share.is_finite() && targets.contains(&key_of(&s.key)))
        .map(|s| s.share)
        .sum();
    Some(clamp(sum, 0.0, 1.0))
}

/// Audience fit of a creator (module docs).
pub fn audience_fit(
    audience: &AudienceBreakdown,
    categories: &[String],
    persona: &TargetPersona,
) -> AudienceFit {
    let country_share = share_in(&audience.countries, &persona.countries);
    let age_share = share_in(&audience.age_bands, &persona.age_bands);
    let themes: Vec<&String> = persona
        .themes
        .iter()
        .filter(|t| !t.trim().is_empty())
        .collect();
    let theme_share = if themes.is_empty() || categories.is_empty() {
        None
    } else {
        let matched = themes
            .iter()
            .filter(|theme| categories.iter().any(|c| topic_matches(c, theme)))
            .count();
        Some(matched as f64 / themes.len() as f64)
    };
    let parts: Vec<f64> = [country_share, age_share, theme_share]
        .into_iter()
        .flatten()
        .collect();
    AudienceFit {
        country_share,
        age_share,
        theme_share,
        fit: mean(&parts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use microplan_model::audience::{format_shares, parse_shares};

    fn shares(pairs: &[(&str, f64)]) -> Vec<AudienceShare> {
        pairs
            .iter()
            .map(|(k, s)| AudienceShare {
                key: k.to_string(),
                share: *s,
            })
            .collect()
    }

    #[test]
    fn audience_fit_hand_checked() {
        // Countries GB 40% + IE 10% in the target {GB, IE}: 0.5. Ages 25-34 30% + 35-44 20%
        // in the target {25-34, 35-44}: 0.5. Themes {sourdough, running, cycling}: the
        // categories match sourdough and running: 2 / 3. Fit = (0.5 + 0.5 + 0.6667) / 3 = 0.5556.
        let audience = AudienceBreakdown {
            countries: shares(&[("GB", 0.4), ("US", 0.3), ("IE", 0.1)]),
            age_bands: shares(&[("18-24", 0.4), ("25-34", 0.3), ("35-44", 0.2)]),
            genders: vec![],
        };
        let persona = TargetPersona {
            themes: vec!["sourdough".into(), "running".into(), "cycling".into()],
            countries: vec!["gb".into(), "IE".into()],
            age_bands: vec!["25 - 34".into(), "35-44".into()],
        };
        let categories = vec!["sourdough baking".to_string(), "trail running".to_string()];
        let fit = audience_fit(&audience, &categories, &persona);
        assert!((fit.country_share.unwrap() - 0.5).abs() < 1e-12);
        assert!((fit.age_share.unwrap() - 0.5).abs() < 1e-12);
        assert!((fit.theme_share.unwrap() - 2.0 / 3.0).abs() < 1e-12);
        assert!((fit.fit.unwrap() - (0.5 + 0.5 + 2.0 / 3.0) / 3.0).abs() < 1e-12);
    }

    #[test]
    fn unknown_parts_drop_out_and_nothing_known_is_none() {
        // Only countries known: fit = country share = 0.3.
        let audience = AudienceBreakdown {
            countries: shares(&[("DE", 0.3)]),
            ..Default::default()
        };
        let persona = TargetPersona {
            countries: vec!["DE".into()],
            age_bands: vec!["18-24".into()],
            ..Default::default()
        };
        let fit = audience_fit(&audience, &[], &persona);
        assert_eq!((fit.age_share, fit.theme_share), (None, None));
        assert!((fit.fit.unwrap() - 0.3).abs() < 1e-12);
        let none = audience_fit(&AudienceBreakdown::default(), &[], &persona);
        assert_eq!(none.fit, None);
        assert!(TargetPersona::default().is_empty());
    }

    #[test]
    fn shares_parse_and_format_round_trip() {
        let parsed = parse_shares("GB 40%; DE:25 | FR=0.1").unwrap();
        assert_eq!(parsed, shares(&[("GB", 0.4), ("DE", 0.25), ("FR", 0.1)]));
        assert_eq!(format_shares(&parsed), "GB 40%; DE 25%; FR 10%");
        assert_eq!(parse_shares(&format_shares(&parsed)).unwrap(), parsed);
        assert_eq!(
            parse_shares("25-34 35%").unwrap(),
            shares(&[("25-34", 0.35)])
        );
        assert!(parse_shares("").unwrap().is_empty());
        assert!(parse_shares("GB").is_err());
        assert!(parse_shares("GB 70%; US 50%")
            .unwrap_err()
            .to_string()
            .contains("120%"));
        assert!(parse_shares("GB -5%").is_err());
    }
}
