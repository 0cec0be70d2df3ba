//! Gifting history: who was seeded when, who posted, what that teaches about the posting
//! rate of gifted creators, how a past activation compared with its plan, and who to keep,
//! rest or bring in next.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use microplan_model::rows::{Creator, PipelineStatus};
use microplan_stats::intervals::{proportion_interval, Interval, ProportionMethod};

use microplan_audit::{handle_key, CreatorAudit};

use super::ecosystem::{is_member, STRONG_SCORE};
use super::error::ActivationError;
use super::plan::chance_of_community_effect;
use super::{records_of, same_name, ActivationPlan, Arrangement, GiftingRecord};

/// Share of gifted creators who posted, with its interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostingEstimate {
    pub posted: u64,
    /// Gifted creators whose outcome is known.
    pub gifted: u64,
    pub interval: Interval,
    pub method: ProportionMethod,
    pub confidence: f64,
}

/// Posting rate of gifted creators over `records` whose outcome is known (posting at any
/// time counts; posts outside the window are shown separately in the review). `None` when
/// no outcome is known yet.
pub fn posting_estimate<'a>(
    records: impl IntoIterator<Item = &'a GiftingRecord>,
    method: ProportionMethod,
    confidence: f64,
) -> Result<Option<PostingEstimate>, ActivationError> {
    let (mut posted, mut gifted) = (0u64, 0u64);
    for record in records
        .into_iter()
        .filter(|r| r.arrangement == Arrangement::Gifted)
    {
        if let Some(outcome) = record.posted {
            gifted += 1;
            posted += u64::from(outcome);
        }
    }
    if gifted == 0 {
        return Ok(None);
    }
    let interval = proportion_interval(posted, gifted, 1.0 - confidence, method)?;
    Ok(Some(PostingEstimate {
        posted,
        gifted,
        interval,
        method,
        confidence,
    }))
}

/// The estimate over every activation of one community.
pub fn community_posting_estimate(
    community: &str,
    plans: &[ActivationPlan],
    records: &[GiftingRecord],
    method: ProportionMethod,
    confidence: f64,
) -> Result<Option<PostingEstimate>, ActivationError> {
    let names: Vec<&str> = plans
        .iter()
        .filter(|p| same_name(&p.community, community))
        .map(|p| p.name.as_str())
        .collect();
    posting_estimate(
        records
            .iter()
            .filter(|r| names.iter().any(|n| same_name(n, &r.activation))),
        method,
        confidence,
    )
}

/// A past activation against its plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivationReview {
    pub gifted_sent: u64,
    pub paid: u64,
    /// Posts inside the window, gifted and paid.
    pub posts_in_window: u64,
    pub gifted_in_window: u64,
    /// Posts before or after the window, or without a date.
    pub posts_outside_window: u64,
    pub no_post: u64,
    pub outcome_unknown: u64,
    pub target_posts: u64,
    /// At least the target number of posts landed inside the window.
    pub cluster_happened: bool,
    /// What the plan promised: P(at least k) and expected posts with the creators sent.
    pub planned_probability: f64,
    pub planned_expected_posts: f64,
    pub estimate: Option<PostingEstimate>,
}

/// Reviews one activation from its records.
pub fn review_activation(
    plan: &ActivationPlan,
    records: &[GiftingRecord],
    confidence: f64,
) -> Result<ActivationReview, ActivationError> {
    let mine: Vec<&GiftingRecord> = records_of(records, &plan.name).collect();
    let mut review = ActivationReview {
        gifted_sent: 0,
        paid: 0,
        posts_in_window: 0,
        gifted_in_window: 0,
        posts_outside_window: 0,
        no_post: 0,
        outcome_unknown: 0,
        target_posts: plan.target_posts,
        cluster_happened: false,
        planned_probability: 0.0,
        planned_expected_posts: 0.0,
        estimate: posting_estimate(
            mine.iter().copied(),
            ProportionMethod::ClopperPearson,
            confidence,
        )?,
    };
    for record in &mine {
        match record.arrangement {
            Arrangement::Gifted => review.gifted_sent += 1,
            Arrangement::Paid => review.paid += 1,
        }
        match (record.posted, record.posted_on) {
            (Some(true), Some(date)) if plan.in_window(date) => {
                review.posts_in_window += 1;
                review.gifted_in_window += u64::from(record.arrangement == Arrangement::Gifted);
            }
            (Some(true), _) => review.posts_outside_window += 1,
            (Some(false), _) => review.no_post += 1,
            (None, _) => review.outcome_unknown += 1,
        }
    }
    review.cluster_happened = review.posts_in_window >= plan.target_posts;
    review.planned_probability = chance_of_community_effect(
        plan.target_posts,
        review.paid,
        review.gifted_sent,
        plan.posting_rate,
    )?;
    review.planned_expected_posts =
        review.paid as f64 + review.gifted_sent as f64 * plan.posting_rate;
    Ok(review)
}

/// What to do with a creator in the next round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RotationAdvice {
    /// Posted when seeded: keep in the pool.
    Continue,
    /// Seeded twice or more and never posted: phase out.
    PhaseOut,
    /// Seeded once without a post: one more chance.
    TryAgain,
    /// In the community and never seeded: bring in.
    RotateIn,
    /// Waiting for the outcome of an activation.
    Pending,
    /// Took part as a paid creator; not part of the gifted rotation.
    PaidPartner,
}

impl RotationAdvice {
    pub fn as_words(self) -> &'static str {
        match self {
            RotationAdvice::Continue => "continue: posted when seeded",
            RotationAdvice::PhaseOut => "phase out: seeded twice or more, never posted",
            RotationAdvice::TryAgain => "one more try: seeded once, no post",
            RotationAdvice::RotateIn => "rotate in: never seeded",
            RotationAdvice::Pending => "waiting for the current activation",
            RotationAdvice::PaidPartner => "paid partner: not in the gifted rotation",
        }
    }
}

/// One creator of the rotating pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PoolEntry {
    pub handle: String,
    pub times_seeded: u64,
    pub times_posted: u64,
    #[serde(with = "microplan_model::iso_date::optional")]
    pub last_seeded: Option<NaiveDate>,
    /// Audit score (0-100), when the creator has one.
    pub score: Option<f64>,
    /// Pipeline status (the relationship), when the creator is in the creators table.
    pub status: Option<PipelineStatus>,
    pub advice: RotationAdvice,
}

fn plan_of<'a>(plans: &'a [ActivationPlan], name: &str) -> Option<&'a ActivationPlan> {
    plans.iter().find(|p| same_name(&p.name, name))
}

fn new_entry(handle: &str, creators: &[Creator], audits: &[CreatorAudit]) -> PoolEntry {
    let key = handle_key(handle);
    PoolEntry {
        handle: handle.to_string(),
        times_seeded: 0,
        times_posted: 0,
        last_seeded: None,
        score: audits
            .iter()
            .find(|a| handle_key(&a.handle) == key)
            .and_then(|a| a.score)
            .filter(|s| s.is_finite()),
        status: creators
            .iter()
            .find(|c| handle_key(&c.handle) == key)
            .map(|c| c.status),
        advice: RotationAdvice::RotateIn,
    }
}

/// The rotating pool of `community`: every active member and everyone seeded for one of
/// its activations, with their record, audit score and advice. Phase-outs first, then
/// one-more-tries, continues, pending, paid partners, and rotate-ins by audit score.
pub fn rotating_pool(
    community: &str,
    creators: &[Creator],
    plans: &[ActivationPlan],
    records: &[GiftingRecord],
    audits: &[CreatorAudit],
) -> Vec<PoolEntry> {
    let mut pool: BTreeMap<String, PoolEntry> = BTreeMap::new();
    for creator in creators
        .iter()
        .filter(|c| is_member(c, community) && c.status != PipelineStatus::Dropped)
    {
        pool.insert(
            creator.handle.to_lowercase(),
            new_entry(&creator.handle, creators, audits),
        );
    }
    let mut pending: Vec<String> = Vec::new();
    let mut paid: Vec<String> = Vec::new();
    for record in records {
        let Some(plan) =
            plan_of(plans, &record.activation).filter(|p| same_name(&p.community, community))
        else {
            continue;
        };
        let key = record.handle.to_lowercase();
        if record.arrangement == Arrangement::Paid {
            paid.push(key);
            continue;
        }
        let entry = pool
            .entry(key.clone())
            .or_insert_with(|| new_entry(&record.handle, creators, audits));
        let seeded_on = record.shipped_on.unwrap_or(plan.window_start);
        match record.posted {
            Some(posted) => {
                entry.times_seeded += 1;
                entry.times_posted += u64::from(posted);
                entry.last_seeded = Some(entry.last_seeded.map_or(seeded_on, |d| d.max(seeded_on)));
            }
            None => pending.push(key),
        }
    }
    for entry in pool.values_mut() {
        entry.advice = match (entry.times_seeded, entry.times_posted) {
            (0, _) => RotationAdvice::RotateIn,
            (_, posted) if posted > 0 => RotationAdvice::Continue,
            (1, _) => RotationAdvice::TryAgain,
            _ => RotationAdvice::PhaseOut,
        };
    }
    for key in paid {
        if let Some(entry) = pool.get_mut(&key).filter(|e| e.times_seeded == 0) {
            entry.advice = RotationAdvice::PaidPartner;
        }
    }
    for key in pending {
        if let Some(entry) = pool.get_mut(&key) {
            entry.advice = RotationAdvice::Pending;
        }
    }
    let rank = |a: RotationAdvice| match a {
        RotationAdvice::PhaseOut => 0,
        RotationAdvice::TryAgain => 1,
        RotationAdvice::Continue => 2,
        RotationAdvice::Pending => 3,
        RotationAdvice::PaidPartner => 4,
        RotationAdvice::RotateIn => 5,
    };
    let mut list: Vec<PoolEntry> = pool.into_values().collect();
    list.sort_by(|a, b| {
        rank(a.advice)
            .cmp(&rank(b.advice))
            .then(b.times_posted.cmp(&a.times_posted))
            .then(b.score.unwrap_or(-1.0).total_cmp(&a.score.unwrap_or(-1.0)))
            .then(a.handle.cmp(&b.handle))
    });
    list
}

/// The quarterly review of one community: who to continue, phase out and recruit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuarterlyReview {
    /// `2026 Q3`
    pub quarter: String,
    pub activations: Vec<String>,
    pub continue_with: Vec<String>,
    pub phase_out: Vec<String>,
    /// Seeded once in the quarter without posting: one more try before phasing out.
    pub one_more_try: Vec<String>,
    pub recruit: Vec<String>,
}

/// First day of the quarter holding `date`.
pub fn quarter_start(date: NaiveDate) -> NaiveDate {
    let month = (date.month0() / 3) * 3 + 1;
    NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date)
}

/// The review of the quarter holding `date`: activations whose window ended in it; top
/// performers posted in it, under-performers did not post in it and advice is phase out;
/// recruits are never-seeded members with an audit score of at least
/// [`ecosystem::STRONG_SCORE`](super::ecosystem::STRONG_SCORE), best first.
pub fn quarterly_review(
    community: &str,
    date: NaiveDate,
    creators: &[Creator],
    plans: &[ActivationPlan],
    records: &[GiftingRecord],
    audits: &[CreatorAudit],
) -> QuarterlyReview {
    let start = quarter_start(date);
    let in_quarter = |d: NaiveDate| quarter_start(d) == start;
    let activations: Vec<&ActivationPlan> = plans
        .iter()
        .filter(|p| same_name(&p.community, community) && in_quarter(p.window_end))
        .collect();
    let mut continue_with = Vec::new();
    let mut seeded_no_post = Vec::new();
    for plan in &activations {
        for record in records_of(records, &plan.name) {
            let target = if record.posted == Some(true) {
                &mut continue_with
            } else if record.posted == Some(false) {
                &mut seeded_no_post
            } else {
                continue;
            };
            if !target.iter().any(|h: &String| same_name(h, &record.handle)) {
                target.push(record.handle.clone());
            }
        }
    }
    let pool = rotating_pool(community, creators, plans, records, audits);
    let with_advice = |advice: RotationAdvice| -> Vec<String> {
        seeded_no_post
            .iter()
            .filter(|h| {
                pool.iter()
                    .any(|e| same_name(&e.handle, h) && e.advice == advice)
            })
            .cloned()
            .collect()
    };
    let phase_out = with_advice(RotationAdvice::PhaseOut);
    let one_more_try = with_advice(RotationAdvice::TryAgain);
    let recruit = pool
        .iter()
        .filter(|e| {
            e.advice == RotationAdvice::RotateIn && e.score.is_some_and(|s| s >= STRONG_SCORE)
        })
        .map(|e| e.handle.clone())
        .collect();
    QuarterlyReview {
        quarter: format!("{} Q{}", start.year(), start.month0() / 3 + 1),
        activations: activations.iter().map(|p| p.name.clone()).collect(),
        continue_with,
        phase_out,
        one_more_try,
        recruit,
    }
}
