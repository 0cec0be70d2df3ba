//! Gifted seeding and activation planning: how many creators to seed so that at least k
//! post, with a chosen probability, when only a share of gifted creators post (20-40% is
//! typical) and paid creators are guaranteed. Shared with the Communities activation
//! planner.
//!
//! - All gifted creators alike (posting probability q): the number who post is
//!   Binomial(n, q); [`creators_to_seed`] finds the smallest n with P(X >= k) >= target.
//!   Example: k = 5, q = 0.4, target 0.9 -> 18 (P = 0.9058; 17 gives only 0.8740).
//! - Creators with different probabilities (and paid ones at probability 1): the number who
//!   post is Poisson-binomial; [`poisson_binomial`] gives its distribution by exact dynamic
//!   programming and [`probability_at_least`] the chance of at least k posts.

use super::discrete::binomial_tails_unchecked;
use super::error::{self, StatsError, StatsResult};
use super::special::ln_dbinom_raw;
use serde::{Deserialize, Serialize};

/// Largest seeding list the planner will consider.
pub const MAX_CREATORS: u64 = 1_000_000_000_000;
/// Largest distribution returned as a full list of probabilities.
pub const MAX_DISTRIBUTION_LEN: u64 = 100_000;
/// Largest list of creators with individual probabilities (the exact recursion is O(n^2)).
pub const MAX_POISSON_BINOMIAL: usize = 10_000;

/// The answer of the seeding planner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SeedingPlan {
    /// Gifted creators to seed.
    pub gifted: u64,
    /// Paid creators counted as certain posts.
    pub paid: u64,
    /// Probability that at least the required number post with this plan.
    pub probability: f64,
    /// Expected number of posts, paid + gifted * q.
    pub expected_posts: f64,
}

fn check_q(q: f64) -> StatsResult<f64> {
    error::closed_unit("the share of gifted creators who post", q)
}

/// P(Binomial(n, q) >= k).
fn at_least(k: u64, n: u64, q: f64) -> StatsResult<f64> {
    binomial_tails_unchecked(k, n, q)
        .map(|t| t.0)
        .ok_or_else(|| StatsError::TooLarge {
            what: "the number of creators".into(),
        })
}

/// Smallest n with P(Binomial(n, q) >= k) >= target: gifted creators to seed so that at
/// least `k` post with probability `target`, when each posts independently with
/// probability `q`. k = 0 needs nobody.
pub fn creators_to_seed(k: u64, q: f64, target: f64) -> StatsResult<SeedingPlan> {
    gifted_to_seed_with_paid(k, 0, q, target)
}

/// Like [`creators_to_seed`], with `paid` creators whose posts are guaranteed (contracted
/// for the date): the gifted list must then supply at least k - paid posts.
pub fn gifted_to_seed_with_paid(
    k: u64,
    paid: u64,
    q: f64,
    target: f64,
) -> StatsResult<SeedingPlan> {
    let q = check_q(q)?;
    let target = error::open_unit("the target probability", target)?;
    let need = k.saturating_sub(paid);
    let plan = |gifted: u64, probability: f64| SeedingPlan {
        gifted,
        paid,
        probability,
        expected_posts: paid as f64 + gifted as f64 * q,
    };
    if need == 0 {
        return Ok(plan(0, 1.0));
    }
    if need > MAX_CREATORS {
        return Err(StatsError::TooLarge {
            what: format!("a goal of {k} posts"),
        });
    }
    if q == 0.0 {
        return Err(StatsError::NoSolution {
            why: "if no gifted creator posts (0%), no number of gifts reaches the goal; add paid creators".into(),
        });
    }
    // Exponential search for an n that reaches the target, then bisection.
    let mut lo = need - 1; // P(X >= need) = 0 with fewer than `need` creators
    let mut hi = need;
    loop {
        if at_least(need, hi, q)? >= target {
            break;
        }
        lo = hi;
        hi = hi.saturating_mul(2);
        if hi > MAX_CREATORS {
            return Err(StatsError::NoSolution {
                why: format!("more than {MAX_CREATORS} gifted creators would be needed; raise the posting rate or add paid creators"),
            });
        }
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if at_least(need, mid, q)? >= target {
            hi = mid
        } else {
            lo = mid
        }
    }
    let probability = at_least(need, hi, q)?;
    Ok(plan(hi, error::checked("the probability", probability)?))
}

/// The distribution of the number of posts when `n` creators are seeded, each posting with
/// probability `q`: element j is P(exactly j post), j = 0..=n.
pub fn posts_distribution(n: u64, q: f64) -> StatsResult<Vec<f64>> {
    let q = check_q(q)?;
    if n >= MAX_DISTRIBUTION_LEN {
        return Err(StatsError::TooLarge {
            what: format!("a distribution over {n} creators"),
        });
    }
    Ok((0..=n)
        .map(|j| ln_dbinom_raw(j as f64, (n - j) as f64, q, 1.0 - q).exp())
        .collect())
}

/// Probability that at least `k` of `n` seeded creators post (each with probability `q`).
pub fn binomial_at_least_posts(k: u64, n: u64, q: f64) -> StatsResult<f64> {
    let q = check_q(q)?;
    at_least(k, n, q)
}

fn check_probabilities(probabilities: &[f64]) -> StatsResult<()> {
    if probabilities.len() > MAX_POISSON_BINOMIAL {
        return Err(StatsError::TooLarge {
            what: format!("a list of {} creators", probabilities.len()),
        });
    }
    for p in probabilities {
        error::closed_unit("a creator's posting probability", *p)?;
    }
    Ok(())
}

/// Poisson-binomial distribution of the number of posts when creator i posts with
/// probability `probabilities[i]` (1.0 for a paid, guaranteed creator): element j is
/// P(exactly j post), j = 0..=len. Exact dynamic programming, O(len^2).
pub fn poisson_binomial(probabilities: &[f64]) -> StatsResult<Vec<f64>> {
    check_probabilities(probabilities)?;
    let mut dist = vec![0.0_f64; probabilities.len() + 1];
    if let Some(first) = dist.first_mut() {
        *first = 1.0;
    }
    for (i, &p) in probabilities.iter().enumerate() {
        // after creator i, counts 0..=i+1 are possible; update from the top down
        for j in (0..=i + 1).rev() {
            let stay = dist.get(j).copied().unwrap_or(0.0) * (1.0 - p);
            let come = if j > 0 {
                dist.get(j - 1).copied().unwrap_or(0.0) * p
            } else {
                0.0
            };
            if let Some(slot) = dist.get_mut(j) {
                *slot = stay + come;
            }
        }
    }
    Ok(dist)
}

/// P(at least k posts) for creators with individual posting probabilities (paid = 1.0),
/// summing the upper tail from its smallest terms.
pub fn probability_at_least(probabilities: &[f64], k: u64) -> StatsResult<f64> {
    let dist = poisson_binomial(probabilities)?;
    if k == 0 {
        return Ok(1.0);
    }
    let start = usize::try_from(k).unwrap_or(usize::MAX);
    // An empty f64 sum is -0.0 (more posts asked than creators): `+ 0.0` makes it 0.
    let tail: f64 = dist.iter().skip(start).rev().sum::<f64>() + 0.0;
    Ok(tail.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_posts_than_creators_is_plain_zero_not_negative_zero() {
        // Two paid creators cannot make five posts.
        let p = probability_at_least(&[1.0, 1.0], 5).unwrap();
        assert_eq!(p, 0.0);
        assert!(p.is_sign_positive());
        assert!(probability_at_least(&[], 1).unwrap().is_sign_positive());
    }
}
