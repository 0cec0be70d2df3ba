//! Creator tiers from editable follower boundaries, and where a creator's engagement rate
//! sits against a tier benchmark table.
//!
//! Tier boundaries and benchmark figures vary by source: every table records its source and
//! year as data so the method page and the score can cite them, and users can replace them.

use serde::{Deserialize, Serialize};

use super::numbers::ratio_f64;

/// Follower-count tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Nano,
    Micro,
    Mid,
    Macro,
    Mega,
}

impl Tier {
    pub const ALL: [Tier; 5] = [Tier::Nano, Tier::Micro, Tier::Mid, Tier::Macro, Tier::Mega];

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Nano => "nano",
            Tier::Micro => "micro",
            Tier::Mid => "mid",
            Tier::Macro => "macro",
            Tier::Mega => "mega",
        }
    }
}

/// Lower follower bounds of each tier above nano (nano is everything below `micro_from`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierBoundaries {
    pub micro_from: u64,
    pub mid_from: u64,
    pub macro_from: u64,
    pub mega_from: u64,
    /// Where these boundaries come from.
    pub source: String,
    pub year: u16,
}

impl Default for TierBoundaries {
    /// nano < 10k, micro 10k-100k, mid 100k-500k, macro 500k-1M, mega 1M and above.
    fn default() -> Self {
        TierBoundaries {
            micro_from: 10_000,
            mid_from: 100_000,
            macro_from: 500_000,
            mega_from: 1_000_000,
            source: "Later x Fohr, Influencer Marketing Report: The Selling Power of Nano, Micro, \
                     Mid, Macro, and Mega Macro Influencers"
                .to_string(),
            year: 2021,
        }
    }
}

/// Tier of a follower count: the highest tier whose lower bound the count reaches
/// (`followers >= mega_from` is mega, ..., below `micro_from` is nano).
pub fn tier_for(followers: u64, boundaries: &TierBoundaries) -> Tier {
    if followers >= boundaries.mega_from {
        Tier::Mega
    } else if followers >= boundaries.macro_from {
        Tier::Macro
    } else if followers >= boundaries.mid_from {
        Tier::Mid
    } else if followers >= boundaries.micro_from {
        Tier::Micro
    } else {
        Tier::Nano
    }
}

/// Typical engagement rate by followers (likes + comments over followers) for one tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierBenchmark {
    pub tier: Tier,
    /// The source's typical (median or average, as published) rate, a fraction.
    pub typical_rate: f64,
}

/// An editable benchmark table with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkTable {
    pub platform: String,
    pub rows: Vec<TierBenchmark>,
    pub source: String,
    pub year: u16,
    /// Caveats shown next to the figures.
    pub note: String,
}

const VARY_NOTE: &str = "Published engagement benchmarks vary widely by source, platform, \
    sample and formula (some include shares and saves, some use medians, some averages): \
    HypeAuditor's State of Influencer Marketing 2026 puts Instagram nano creators at 1.78%, \
    while practitioner guides quote 3-6% for micro creators. Treat the figures as a rough \
    yardstick and replace them with your own programme's rates when you have them.";

impl Default for BenchmarkTable {
    /// Instagram, by the default tiers: nano 4.8%, micro 2.4%, mid 1.8%, macro 1.5%, mega 1.2%.
    fn default() -> Self {
        BenchmarkTable {
            platform: "instagram".to_string(),
            rows: vec![
                TierBenchmark {
                    tier: Tier::Nano,
                    typical_rate: 0.048,
                },
                TierBenchmark {
                    tier: Tier::Micro,
                    typical_rate: 0.024,
                },
                TierBenchmark {
                    tier: Tier::Mid,
                    typical_rate: 0.018,
                },
                TierBenchmark {
                    tier: Tier::Macro,
                    typical_rate: 0.015,
                },
                TierBenchmark {
                    tier: Tier::Mega,
                    typical_rate: 0.012,
                },
            ],
            source:
                "Organic Media Buying, 'Micro vs Nano vs Macro Influencers' (Instagram column, \
                     compiled from Statista 2025, HypeAuditor 2025 and Influencer Marketing Hub)"
                    .to_string(),
            year: 2025,
            note: VARY_NOTE.to_string(),
        }
    }
}

impl BenchmarkTable {
    /// HypeAuditor, State of Influencer Marketing 2026, Instagram (as reported by eMarketer):
    /// nano (1K-10K) 1.78%, micro (10K-50K) 0.54%, mega (1M+) 0.33%. The report's tiers differ
    /// from the defaults and it gives no mid or macro figure here, so those rows are absent.
    pub fn hypeauditor_2026_instagram() -> Self {
        BenchmarkTable {
            platform: "instagram".to_string(),
            rows: vec![
                TierBenchmark {
                    tier: Tier::Nano,
                    typical_rate: 0.0178,
                },
                TierBenchmark {
                    tier: Tier::Micro,
                    typical_rate: 0.0054,
                },
                TierBenchmark {
                    tier: Tier::Mega,
                    typical_rate: 0.0033,
                },
            ],
            source: "HypeAuditor, State of Influencer Marketing 2026 (as reported by eMarketer)"
                .to_string(),
            year: 2026,
            note: VARY_NOTE.to_string(),
        }
    }

    /// The typical rate for a tier, if the table has a usable (positive, finite) one.
    pub fn typical_rate(&self, tier: Tier) -> Option<f64> {
        self.rows
            .iter()
            .find(|row| row.tier == tier)
            .map(|row| row.typical_rate)
            .filter(|rate| rate.is_finite() && *rate > 0.0)
    }
}

/// Where each tier's benchmark applies exactly: the geometric middle of the tier's follower
/// range (nano from a tenth of `micro_from`, mega up to ten times `mega_from`). With the
/// default tiers: nano 3,162, micro 31,623, mid 223,607, macro 707,107, mega 3,162,278.
pub fn tier_anchor(tier: Tier, boundaries: &TierBoundaries) -> f64 {
    let bound = |value: u64| (value as f64).max(1.0);
    let (low, high) = match tier {
        Tier::Nano => (
            bound(boundaries.micro_from) / 10.0,
            bound(boundaries.micro_from),
        ),
        Tier::Micro => (bound(boundaries.micro_from), bound(boundaries.mid_from)),
        Tier::Mid => (bound(boundaries.mid_from), bound(boundaries.macro_from)),
        Tier::Macro => (bound(boundaries.macro_from), bound(boundaries.mega_from)),
        Tier::Mega => (
            bound(boundaries.mega_from),
            bound(boundaries.mega_from) * 10.0,
        ),
    };
    (low * high).sqrt().max(1.0)
}

/// The benchmark rate at a follower count, continuous in followers: the table's figures sit at
/// their tier anchors ([`tier_anchor`]) and the rate between two anchors is interpolated
/// linearly on log followers; below the first anchor and above the last the nearest figure
/// holds. A creator with 9,600 followers and one with 10,400 are judged against nearly the
/// same figure (3.64% and 3.56% with the default table), not against 4.8% and 2.4%.
/// `None` when the table has no usable figure.
pub fn benchmark_rate_at(
    followers: u64,
    boundaries: &TierBoundaries,
    table: &BenchmarkTable,
) -> Option<f64> {
    let mut anchors: Vec<(f64, f64)> = Tier::ALL
        .iter()
        .filter_map(|t| {
            table
                .typical_rate(*t)
                .map(|rate| (tier_anchor(*t, boundaries).ln(), rate))
        })
        .filter(|(x, _)| x.is_finite())
        .collect();
    anchors.sort_by(|a, b| a.0.total_cmp(&b.0));
    let x = (followers as f64).max(1.0).ln();
    let first = *anchors.first()?;
    if x <= first.0 {
        return Some(first.1);
    }
    for pair in anchors.windows(2) {
        let (Some(&(x0, r0)), Some(&(x1, r1))) = (pair.first(), pair.get(1)) else {
            continue;
        };
        if x <= x1 {
            let span = x1 - x0;
            if span <= 0.0 {
                return Some(r1);
            }
            return Some(r0 + (r1 - r0) * (x - x0) / span);
        }
    }
    anchors.last().map(|a| a.1)
}

/// How a creator's rate compares with the tier benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BenchmarkLabel {
    /// ratio < 0.5
    WellBelow,
    /// 0.5 <= ratio < 0.8
    Below,
    /// 0.8 <= ratio <= 1.25
    InLine,
    /// 1.25 < ratio <= 2
    Above,
    /// ratio > 2
    WellAbove,
}

impl BenchmarkLabel {
    /// Label for a ratio of creator rate to benchmark rate (thresholds 0.5, 0.8, 1.25, 2).
    pub fn for_ratio(ratio: f64) -> Self {
        if ratio < 0.5 {
            BenchmarkLabel::WellBelow
        } else if ratio < 0.8 {
            BenchmarkLabel::Below
        } else if ratio <= 1.25 {
            BenchmarkLabel::InLine
        } else if ratio <= 2.0 {
            BenchmarkLabel::Above
        } else {
            BenchmarkLabel::WellAbove
        }
    }

    pub fn as_words(self) -> &'static str {
        match self {
            BenchmarkLabel::WellBelow => "well below",
            BenchmarkLabel::Below => "below",
            BenchmarkLabel::InLine => "in line with",
            BenchmarkLabel::Above => "above",
            BenchmarkLabel::WellAbove => "well above",
        }
    }
}

/// A creator's engagement rate against the benchmark of their tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkPosition {
    pub tier: Tier,
    pub creator_rate: f64,
    pub benchmark_rate: f64,
    /// `creator_rate / benchmark_rate`.
    pub ratio: f64,
    pub label: BenchmarkLabel,
    pub source: String,
    pub year: u16,
}

/// Position against the benchmark at the creator's follower count ([`benchmark_rate_at`]).
pub fn benchmark_position_at(
    creator_rate: f64,
    followers: u64,
    boundaries: &TierBoundaries,
    table: &BenchmarkTable,
) -> Option<BenchmarkPosition> {
    let benchmark_rate = benchmark_rate_at(followers, boundaries, table)?;
    let ratio = ratio_f64(creator_rate, benchmark_rate)?;
    Some(BenchmarkPosition {
        tier: tier_for(followers, boundaries),
        creator_rate,
        benchmark_rate,
        ratio,
        label: BenchmarkLabel::for_ratio(ratio),
        source: table.source.clone(),
        year: table.year,
    })
}

/// Position against the benchmark: `ratio = creator_rate / typical_rate(tier)` and its label.
/// `None` when the table has no usable figure for the tier or the rate is not finite.
pub fn benchmark_position(
    creator_rate: f64,
    tier: Tier,
    table: &BenchmarkTable,
) -> Option<BenchmarkPosition> {
    let benchmark_rate = table.typical_rate(tier)?;
    let ratio = ratio_f64(creator_rate, benchmark_rate)?;
    Some(BenchmarkPosition {
        tier,
        creator_rate,
        benchmark_rate,
        ratio,
        label: BenchmarkLabel::for_ratio(ratio),
        source: table.source.clone(),
        year: table.year,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_tiers_follow_the_boundaries() {
        let b = TierBoundaries::default();
        assert_eq!(tier_for(0, &b), Tier::Nano);
        assert_eq!(tier_for(9_999, &b), Tier::Nano);
        assert_eq!(tier_for(10_000, &b), Tier::Micro);
        assert_eq!(tier_for(99_999, &b), Tier::Micro);
        assert_eq!(tier_for(100_000, &b), Tier::Mid);
        assert_eq!(tier_for(500_000, &b), Tier::Macro);
        assert_eq!(tier_for(1_000_000, &b), Tier::Mega);
        assert_eq!(tier_for(u64::MAX, &b), Tier::Mega);
    }

    #[test]
    fn edited_boundaries_change_the_tier() {
        let b = TierBoundaries {
            micro_from: 5_000,
            mid_from: 50_000,
            ..TierBoundaries::default()
        };
        assert_eq!(tier_for(6_000, &b), Tier::Micro);
        assert_eq!(tier_for(60_000, &b), Tier::Mid);
    }

    #[test]
    fn position_hand_checked() {
        // Micro benchmark 2.4%; creator 3.6% -> ratio 3.6 / 2.4 = 1.5 -> "above".
        let table = BenchmarkTable::default();
        let position = benchmark_position(0.036, Tier::Micro, &table).unwrap();
        assert!((position.ratio - 1.5).abs() < 1e-12);
        assert_eq!(position.label, BenchmarkLabel::Above);
        // Nano 4.8%; creator 1.2% -> 0.25 -> "well below".
        let low = benchmark_position(0.012, Tier::Nano, &table).unwrap();
        assert_eq!(low.label, BenchmarkLabel::WellBelow);
        assert_eq!(BenchmarkLabel::for_ratio(1.0), BenchmarkLabel::InLine);
        assert_eq!(BenchmarkLabel::for_ratio(0.79), BenchmarkLabel::Below);
        assert_eq!(BenchmarkLabel::for_ratio(2.01), BenchmarkLabel::WellAbove);
    }

    #[test]
    fn benchmark_is_continuous_across_tier_boundaries() {
        let (b, table) = (TierBoundaries::default(), BenchmarkTable::default());
        let at = |f: u64| benchmark_rate_at(f, &b, &table).unwrap();
        // At the anchors the table's figures; ln(9,600 / 3,162.3) / ln(10) = 0.4823 of the
        // way from 4.8% to 2.4% -> 3.642%; 10,400 -> 0.5170 -> 3.559%.
        assert!((at(3_162) - 0.048).abs() < 1e-6);
        assert!((at(31_623) - 0.024).abs() < 1e-6);
        assert!((at(9_600) - 0.036_42).abs() < 1e-5, "{}", at(9_600));
        assert!((at(10_400) - 0.035_59).abs() < 1e-5, "{}", at(10_400));
        assert!((at(9_999) - at(10_000)).abs() < 2e-6);
        assert_eq!(at(500), 0.048);
        assert_eq!(at(50_000_000), 0.012);
        // A table without mid and macro interpolates from micro straight to mega.
        let sparse = BenchmarkTable::hypeauditor_2026_instagram();
        let mid = benchmark_rate_at(223_607, &b, &sparse).unwrap();
        assert!(mid < 0.0054 && mid > 0.0033, "{mid}");
    }

    #[test]
    fn missing_or_unusable_benchmark_is_none() {
        let table = BenchmarkTable::hypeauditor_2026_instagram();
        assert!(benchmark_position(0.02, Tier::Mid, &table).is_none());
        let broken = BenchmarkTable {
            rows: vec![TierBenchmark {
                tier: Tier::Nano,
                typical_rate: 0.0,
            }],
            ..BenchmarkTable::default()
        };
        assert!(benchmark_position(0.02, Tier::Nano, &broken).is_none());
        assert!(benchmark_position(f64::NAN, Tier::Micro, &BenchmarkTable::default()).is_none());
    }
}
