//! A community's creator ecosystem: established, emerging and nano voices, how their audit
//! scores are spread, and the gaps worth recruiting for.
//!
//! Tiers come from the audit's follower tiers: nano is the audit's nano tier (below 10,000
//! followers by default), emerging is micro (10,000-100,000), established is mid and above.
//! Dropped creators are left out.

use serde::{Deserialize, Serialize};

use microplan_audit::tiers::{tier_for, TierBoundaries};
use microplan_audit::{handle_key, CreatorAudit, Tier};
use microplan_model::rows::{Creator, PipelineStatus};

use super::same_name;

/// Audit score a creator needs to count as a strong voice in the gap check.
pub const STRONG_SCORE: f64 = 60.0;
/// Fewest creators for a community effect (5-10 posting in one window).
pub const COMMUNITY_EFFECT_MINIMUM: usize = 5;
/// Width of the score bins in the distribution (0-20, 20-40, ... 80-100).
pub const SCORE_BIN_WIDTH: f64 = 20.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EcosystemTier {
    Established,
    Emerging,
    Nano,
}

impl EcosystemTier {
    pub const ALL: [EcosystemTier; 3] = [
        EcosystemTier::Established,
        EcosystemTier::Emerging,
        EcosystemTier::Nano,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EcosystemTier::Established => "established",
            EcosystemTier::Emerging => "emerging",
            EcosystemTier::Nano => "nano",
        }
    }

    pub fn of(tier: Tier) -> EcosystemTier {
        match tier {
            Tier::Nano => EcosystemTier::Nano,
            Tier::Micro => EcosystemTier::Emerging,
            Tier::Mid | Tier::Macro | Tier::Mega => EcosystemTier::Established,
        }
    }
}

/// One tier of one community.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TierSummary {
    pub tier: EcosystemTier,
    /// Handles, best audit score first (unscored last).
    pub handles: Vec<String>,
    /// Creators per score bin: 0-20, 20-40, 40-60, 60-80, 80-100.
    pub score_bins: [usize; 5],
    /// Creators without an audit score (no posts imported).
    pub unscored: usize,
    /// Creators scoring at least [`STRONG_SCORE`].
    pub strong: usize,
    pub best_score: Option<f64>,
}

/// A community's ecosystem and its gaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ecosystem {
    pub community: String,
    pub members: usize,
    pub tiers: Vec<TierSummary>,
    /// Plain sentences, such as "No emerging creators with an audit score of 60 or more".
    pub gaps: Vec<String>,
}

/// Whether a creator belongs to a community (case-insensitive name).
pub fn is_member(creator: &Creator, community: &str) -> bool {
    creator
        .communities
        .iter()
        .any(|name| same_name(name, community))
}

/// The score bin of a 0-100 score.
pub fn score_bin(score: f64) -> usize {
    let bin = (score / SCORE_BIN_WIDTH).floor();
    if bin.is_finite() && bin > 0.0 {
        (bin as usize).min(4)
    } else {
        0
    }
}

fn audit_score(audits: &[CreatorAudit], handle: &str) -> Option<f64> {
    let key = handle_key(handle);
    audits
        .iter()
        .find(|a| handle_key(&a.handle) == key)
        .and_then(|a| a.score)
        .filter(|s| s.is_finite())
}

/// Ecosystem of `community` from the creators and their audits.
pub fn community_ecosystem(
    community: &str,
    creators: &[Creator],
    audits: &[CreatorAudit],
    boundaries: &TierBoundaries,
) -> Ecosystem {
    let members: Vec<(&Creator, EcosystemTier, Option<f64>)> = creators
        .iter()
        .filter(|c| is_member(c, community) && c.status != PipelineStatus::Dropped)
        .map(|c| {
            (
                c,
                EcosystemTier::of(tier_for(c.followers, boundaries)),
                audit_score(audits, &c.handle),
            )
        })
        .collect();
    let mut tiers = Vec::new();
    let mut gaps = Vec::new();
    for tier in EcosystemTier::ALL {
        let mut in_tier: Vec<(&str, Option<f64>)> = members
            .iter()
            .filter(|(_, t, _)| *t == tier)
            .map(|(c, _, s)| (c.handle.as_str(), *s))
            .collect();
        in_tier.sort_by(|a, b| {
            b.1.unwrap_or(-1.0)
                .total_cmp(&a.1.unwrap_or(-1.0))
                .then(a.0.cmp(b.0))
        });
        let mut score_bins = [0usize; 5];
        for score in in_tier.iter().filter_map(|(_, s)| *s) {
            if let Some(slot) = score_bins.get_mut(score_bin(score)) {
                *slot += 1;
            }
        }
        let strong = in_tier
            .iter()
            .filter(|(_, s)| s.is_some_and(|s| s >= STRONG_SCORE))
            .count();
        let unscored = in_tier.iter().filter(|(_, s)| s.is_none()).count();
        let name = tier.as_str();
        if in_tier.is_empty() {
            gaps.push(format!("No {name} creators."));
        } else if strong == 0 {
            gaps.push(format!(
                "No {name} creators with an audit score of {STRONG_SCORE:.0} or more."
            ));
        }
        tiers.push(TierSummary {
            tier,
            best_score: in_tier.first().and_then(|(_, s)| *s),
            handles: in_tier.iter().map(|(h, _)| h.to_string()).collect(),
            score_bins,
            unscored,
            strong,
        });
    }
    if members.len() < COMMUNITY_EFFECT_MINIMUM {
        gaps.push(format!(
            "Only {} creators: a community effect needs at least {COMMUNITY_EFFECT_MINIMUM} posting in one window.",
            members.len()
        ));
    }
    Ecosystem {
        community: community.to_string(),
        members: members.len(),
        tiers,
        gaps,
    }
}
