//! The chance of the community effect for an actual roster, where each gifted creator has a
//! posting probability of their own, learnt from their gifting history: the number of posts
//! is then Poisson-binomial (`stats::binomial_planning::probability_at_least`).
//!
//! A creator's probability is their record shrunk towards the plan's posting rate q, as the
//! mean of a Beta prior with mean q and weight [`PRIOR_WEIGHT`] updated with their outcomes:
//! (posted + w q) / (gifted + w). With no history it is q; paid creators count as 1.

use serde::{Deserialize, Serialize};

use microplan_stats::binomial_planning::probability_at_least;

use super::error::ActivationError;
use super::{records_of, same_name, ActivationPlan, Arrangement, GiftingRecord};

/// Weight of the plan's posting rate, in gifts: two past gifts move a creator halfway.
pub const PRIOR_WEIGHT: f64 = 2.0;

/// One roster member's posting probability and the record behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberChance {
    pub handle: String,
    pub arrangement: Arrangement,
    /// Past gifts with a known outcome, and how many led to a post (other activations).
    pub past_gifts: u64,
    pub past_posts: u64,
    pub probability: f64,
}

/// The roster's chance of reaching the plan's goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RosterChance {
    pub members: Vec<MemberChance>,
    /// P(at least `target_posts` posts) with these creators.
    pub chance: f64,
    pub expected_posts: f64,
}

/// Posting probability of a gifted creator with `posts` of `gifts` in the past.
pub fn shrunk_rate(posts: u64, gifts: u64, plan_rate: f64) -> f64 {
    (posts as f64 + PRIOR_WEIGHT * plan_rate) / (gifts as f64 + PRIOR_WEIGHT)
}

/// The chance for `plan`'s roster, learning from every other activation's records.
pub fn roster_chance(
    plan: &ActivationPlan,
    records: &[GiftingRecord],
) -> Result<RosterChance, ActivationError> {
    let members: Vec<MemberChance> = records_of(records, &plan.name)
        .map(|member| {
            let history = records.iter().filter(|r| {
                r.arrangement == Arrangement::Gifted
                    && same_name(&r.handle, &member.handle)
                    && !same_name(&r.activation, &plan.name)
            });
            let (mut gifts, mut posts) = (0u64, 0u64);
            for outcome in history.filter_map(|r| r.posted) {
                gifts += 1;
                posts += u64::from(outcome);
            }
            let probability = match member.arrangement {
                Arrangement::Paid => 1.0,
                Arrangement::Gifted => shrunk_rate(posts, gifts, plan.posting_rate),
            };
            MemberChance {
                handle: member.handle.clone(),
                arrangement: member.arrangement,
                past_gifts: gifts,
                past_posts: posts,
                probability,
            }
        })
        .collect();
    let probabilities: Vec<f64> = members.iter().map(|m| m.probability).collect();
    let chance = probability_at_least(&probabilities, plan.target_posts)?;
    Ok(RosterChance {
        expected_posts: probabilities.iter().sum(),
        members,
        chance,
    })
}
