//! The creator audit: reproducible metrics, flags with evidence and a composite score.
//!
//! Owns the audit of creators; depends on `microplan-model`, `microplan-stats` and
//! `microplan-csv`, never on the workspace aggregate or the UI.
//!
//! Everything here is a pure function of the imported tables and [`AuditSettings`]; the same
//! inputs always give the same audit (the bootstrap is seeded). Missing inputs give `None` and a
//! "not enough data" reason, never a zero, and a component without data drops out of the
//! composite with the remaining weights rescaled. Formulas and thresholds are documented on each
//! function and constant, for the method page:
//! - [`engagement`]: engagement rates (likes + comments), comment-to-like, share, save rates;
//! - [`uncertainty`]: the bootstrap-or-t interval of the mean rate, Wilson intervals;
//! - [`tiers`]: tiers and the benchmark table with its sources;
//! - [`comment_text`], [`duplicates`], [`comments`]: comment analysis at import time;
//! - [`summaries`]: comment quality and community from stored summaries;
//! - [`growth`]: follower spikes (median/MAD robust z) and whether engagement followed;
//! - [`consistency`]: cadence, disclosure, category specificity;
//! - [`audience`]: audience fit with a target persona;
//! - [`review`]: the user's shortlist, status and checklist (the creator table is built in
//!   `microplan-workspace`);
//! - [`comment_import`]: raw comments of many creators into what the workspace keeps;
//! - [`fingerprint`], [`reuse`]: hashes of the audit's inputs, to skip needless re-audits;
//! - [`weights`], [`score`], [`components`], [`flags`]: the composite and its warnings.

pub mod audience;
pub mod comment_import;
pub mod comment_text;
pub mod comments;
pub mod components;
pub mod consistency;
pub mod detail;
pub mod duplicates;
pub mod engagement;
pub mod error;
mod fast_hash;
pub mod fingerprint;
pub mod flags;
pub mod follower_sample;
pub mod growth;
pub mod interval_memo;
mod lexicon;
pub mod method_doc;
mod numbers;
pub mod reuse;
pub mod review;
pub mod score;
pub mod summaries;
pub mod tiers;
pub mod uncertainty;
pub mod weights;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

pub use comments::{analyse_comments, CommentAnalysis, CommenterPatterns, RawComment};
pub use error::AuditError;
pub use flags::{Flag, FlagKind, Severity};
use microplan_model::rows::{CommentSummary, Creator, FollowerPoint, Post};
pub use numbers::thousands;
pub use review::{CreatorReview, VerificationCheck};
pub use score::{Component, ScoreInterval};
pub use tiers::Tier;
pub use weights::{ComponentKind, Objective, Weights};

/// Everything the audit can be tuned with; every field is shown on the method page. Saved
/// with the workspace; a field missing from an older save takes its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditSettings {
    /// How many of the most recent posts the rates use (default 12).
    pub recent_posts: usize,
    pub tiers: tiers::TierBoundaries,
    pub benchmarks: tiers::BenchmarkTable,
    /// The objective whose preset the weights started from.
    pub objective: Objective,
    pub weights: Weights,
    /// Categories the programme targets, for category fit (empty: the component drops out).
    pub target_categories: Vec<String>,
    pub spikes: growth::SpikeSettings,
    /// Bootstrap resamples of the engagement interval (default 2,000; 0 = t interval only).
    pub bootstrap_resamples: usize,
    pub bootstrap_seed: u64,
    /// Reach per post, as a share of followers, that scores 50 (default 0.3).
    pub reference_reach_rate: f64,
    /// Who the programme wants to reach, for audience fit (empty: the component drops out).
    pub persona: audience::TargetPersona,
}

impl Default for AuditSettings {
    fn default() -> Self {
        AuditSettings::for_objective(Objective::default())
    }
}

impl AuditSettings {
    /// Default settings with the weight preset of `objective`.
    pub fn for_objective(objective: Objective) -> Self {
        AuditSettings {
            recent_posts: engagement::DEFAULT_RECENT_POSTS,
            tiers: tiers::TierBoundaries::default(),
            benchmarks: tiers::BenchmarkTable::default(),
            objective,
            weights: Weights::preset(objective),
            target_categories: Vec::new(),
            spikes: growth::SpikeSettings::default(),
            bootstrap_resamples: uncertainty::DEFAULT_RESAMPLES,
            bootstrap_seed: uncertainty::DEFAULT_SEED,
            reference_reach_rate: score::DEFAULT_REFERENCE_REACH_RATE,
            persona: audience::TargetPersona::default(),
        }
    }
}

/// Every measured input of a creator's score, for the detail view and CSV export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatorMetrics {
    pub followers: u64,
    pub following: Option<u64>,
    pub following_ratio: Option<f64>,
    pub tier: Tier,
    pub engagement: engagement::EngagementSummary,
    pub benchmark: Option<tiers::BenchmarkPosition>,
    pub comments: Option<summaries::CommentTotals>,
    pub commenters: Option<CommenterPatterns>,
    pub growth: growth::GrowthReport,
    pub cadence: consistency::PostingCadence,
    pub disclosure: consistency::DisclosureHabits,
    pub category: consistency::CategorySpecificity,
    #[serde(default)]
    pub audience: audience::AudienceFit,
    /// Likely fake followers from an imported follower sample; `None` without one.
    #[serde(default)]
    pub fake_followers: Option<follower_sample::FakeFollowerEstimate>,
}

/// The audit of one creator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatorAudit {
    pub handle: String,
    pub components: Vec<Component>,
    /// Composite 0-100; `None` when no weighted component has data.
    pub score: Option<f64>,
    pub score_interval: Option<ScoreInterval>,
    pub flags: Vec<Flag>,
    /// Plain-words notes: what was used, what was missing, how weights were rescaled.
    pub notes: Vec<String>,
    pub metrics: CreatorMetrics,
}

/// Handle as used for matching rows to creators: trimmed, without `@`, lowercase.
pub fn handle_key(handle: &str) -> String {
    handle.trim().trim_start_matches('@').to_lowercase()
}

/// Audits one creator from their rows (rows of other handles are ignored).
pub fn audit_creator(
    creator: &Creator,
    posts: &[Post],
    history: &[FollowerPoint],
    summaries: &[CommentSummary],
    settings: &AuditSettings,
) -> CreatorAudit {
    audit_creator_with_commenters(creator, posts, history, summaries, None, settings)
}

/// [`audit_creator`] plus repeat-commenter patterns from [`analyse_comments`], when the raw
/// comments were analysed (pods and repeat advocates then enter the score).
pub fn audit_creator_with_commenters(
    creator: &Creator,
    posts: &[Post],
    history: &[FollowerPoint],
    summaries: &[CommentSummary],
    commenters: Option<&CommenterPatterns>,
    settings: &AuditSettings,
) -> CreatorAudit {
    let key = handle_key(&creator.handle);
    let posts: Vec<&Post> = posts
        .iter()
        .filter(|p| handle_key(&p.handle) == key)
        .collect();
    let history: Vec<&FollowerPoint> = history
        .iter()
        .filter(|p| handle_key(&p.handle) == key)
        .collect();
    let summaries: Vec<&CommentSummary> = summaries
        .iter()
        .filter(|s| handle_key(&s.handle) == key)
        .collect();
    audit_rows(creator, &posts, &history, &summaries, commenters, settings)
}

/// The tables an audit reads, borrowed from a workspace.
#[derive(Debug, Clone, Copy)]
pub struct AuditTables<'a> {
    pub creators: &'a [Creator],
    pub posts: &'a [Post],
    pub follower_history: &'a [FollowerPoint],
    pub comment_summaries: &'a [CommentSummary],
    pub commenter_patterns: &'a [comment_import::StoredCommenterPatterns],
    pub follower_samples: &'a [follower_sample::FollowerSample],
}

/// Audits every creator, best score first (creators without a score last, ties by handle).
/// Rows are grouped by handle in one pass, so the cost grows linearly with the number of rows.
pub fn audit_all(tables: &AuditTables<'_>, settings: &AuditSettings) -> Vec<CreatorAudit> {
    reuse::audit_workspace_reusing(tables, settings, &mut reuse::MeasuredCreators::default()).0
}

/// Best score first, creators without a score last, ties by handle.
fn rank(audits: &mut [CreatorAudit]) {
    audits.sort_by(|a, b| match (a.score, b.score) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.handle.cmp(&b.handle)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.handle.cmp(&b.handle),
    });
}

/// Adds a follower sample's estimate to the metrics, and its flag when the interval's lower
/// end reaches [`follower_sample::FAKE_FLAG_SHARE`]. It does not enter the composite score:
/// samples are optional and of very different quality, so it informs rather than ranks.
fn add_follower_sample(audit: &mut CreatorAudit, sample: &follower_sample::FollowerSample) {
    let Some(estimate) = follower_sample::fake_follower_estimate(sample) else {
        audit.notes.push(format!(
            "The follower sample holds {} accounts; at least {} are needed to estimate fake followers.",
            sample.sampled,
            follower_sample::MIN_SAMPLE
        ));
        return;
    };
    audit.metrics.fake_followers = Some(estimate);
    if estimate.low >= follower_sample::FAKE_FLAG_SHARE {
        audit.flags.push(flags::fake_follower_flag(
            &audit.handle,
            follower_sample::describe_estimate(&estimate, sample),
        ));
    }
}

fn audit_rows(
    creator: &Creator,
    posts: &[&Post],
    history: &[&FollowerPoint],
    summaries: &[&CommentSummary],
    commenters: Option<&CommenterPatterns>,
    settings: &AuditSettings,
) -> CreatorAudit {
    let metrics = measure(
        creator,
        posts,
        history,
        summaries,
        commenters,
        settings,
        &mut interval_memo::IntervalMemo::default(),
    );
    assess(creator, metrics, settings)
}

/// The score, flags and notes of measured metrics: cheap, and the only part that depends on
/// the weights.
fn assess(creator: &Creator, metrics: CreatorMetrics, settings: &AuditSettings) -> CreatorAudit {
    let mut components = components::build_components(&metrics, settings);
    let composite = score::composite_score(&mut components);
    let flags = flags::build_flags(&creator.handle, &metrics);
    let notes = components::notes(&metrics, &composite, settings);
    CreatorAudit {
        handle: creator.handle.clone(),
        components,
        score: composite.score,
        score_interval: composite.interval,
        flags,
        notes,
        metrics,
    }
}

fn measure(
    creator: &Creator,
    posts: &[&Post],
    history: &[&FollowerPoint],
    summaries: &[&CommentSummary],
    commenters: Option<&CommenterPatterns>,
    settings: &AuditSettings,
    intervals: &mut interval_memo::IntervalMemo,
) -> CreatorMetrics {
    let recent_count = settings.recent_posts.max(1);
    let seed = numbers::fnv1a(&[
        &settings.bootstrap_seed.to_le_bytes(),
        handle_key(&creator.handle).as_bytes(),
    ]);
    let engagement = engagement::summarise_engagement(
        posts,
        creator.followers,
        recent_count,
        settings.bootstrap_resamples,
        seed,
        intervals,
    );
    let tier = tiers::tier_for(creator.followers, &settings.tiers);
    let benchmark = engagement.mean_rate_by_followers.and_then(|rate| {
        tiers::benchmark_position_at(
            rate,
            creator.followers,
            &settings.tiers,
            &settings.benchmarks,
        )
    });
    let recent = engagement::recent_posts(posts, recent_count);
    let recent_ids: HashSet<&str> = recent.iter().map(|p| p.post_id.as_str()).collect();
    let matched: Vec<&CommentSummary> = summaries
        .iter()
        .copied()
        .filter(|s| recent_ids.contains(s.post_id.as_str()))
        .collect();
    let used_summaries = if matched.is_empty() {
        summaries
    } else {
        &matched
    };
    let mut growth = growth::follower_spikes(history, posts, &settings.spikes);
    if !summaries.is_empty() {
        let post_dates: HashMap<&str, chrono::NaiveDate> =
            posts.iter().map(|p| (p.post_id.as_str(), p.date)).collect();
        for spike in growth
            .spikes
            .iter_mut()
            .filter(|s| s.direction == growth::SpikeDirection::Gain)
        {
            spike.comments = growth::spike_windows(&spike.interval, &settings.spikes)
                .and_then(|windows| growth::comment_shift(summaries, &post_dates, &windows));
        }
    }
    CreatorMetrics {
        followers: creator.followers,
        following: creator.following,
        following_ratio: growth::following_to_followers_ratio(creator.following, creator.followers),
        tier,
        benchmark,
        comments: summaries::comment_totals(used_summaries),
        commenters: commenters.cloned(),
        growth,
        cadence: consistency::posting_cadence(posts),
        disclosure: consistency::disclosure_habits(posts),
        category: consistency::category_specificity(&recent, &settings.target_categories),
        audience: audience::audience_fit(&creator.audience, &creator.categories, &settings.persona),
        fake_followers: None,
        engagement,
    }
}

#[cfg(test)]
mod tests;
