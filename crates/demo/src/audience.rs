//! Audience breakdowns of the demo creators: fixed by the creator's position, without drawing
//! from the demo's random stream, so every other demo figure stays as it was.

use microplan_model::audience::{AudienceBreakdown, AudienceShare};

fn shares(pairs: &[(&str, f64)]) -> Vec<AudienceShare> {
    pairs
        .iter()
        .map(|(key, share)| AudienceShare {
            key: key.to_string(),
            share: *share,
        })
        .collect()
}

/// The demo creator at `index` (every third one has no breakdown: not every creator shares it).
pub fn audience_for(index: usize) -> AudienceBreakdown {
    if index % 3 == 2 {
        return AudienceBreakdown::default();
    }
    // Whole percentages, so the shares survive a CSV round trip exactly.
    let pct = |whole: usize| whole as f64 / 100.0;
    let home = [("GB", 46), ("DE", 38), ("NL", 41), ("FR", 35)];
    let (country, home_share) = home.get(index % home.len()).copied().unwrap_or(("GB", 40));
    let young = 18 + 3 * (index % 5);
    let women = 52 + 2 * (index % 4);
    AudienceBreakdown {
        countries: shares(&[(country, pct(home_share)), ("US", pct(14)), ("IE", pct(6))]),
        age_bands: shares(&[
            ("18-24", pct(young)),
            ("25-34", pct(38)),
            ("35-44", pct(24)),
            ("45-54", pct(30 - young.min(30))),
        ]),
        genders: shares(&[("female", pct(women)), ("male", pct(96 - women))]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_breakdowns_are_valid_shares() {
        for index in 0..40 {
            let a = audience_for(index);
            for list in [&a.countries, &a.age_bands, &a.genders] {
                let total: f64 = list.iter().map(|s| s.share).sum();
                assert!(
                    list.iter().all(|s| s.share >= 0.0) && total <= 1.0 + 1e-9,
                    "{index}: {total}"
                );
            }
            assert_eq!(a.is_empty(), index % 3 == 2);
        }
    }
}
