//! The activation planner: how many creators to gift so that at least k posts land in the
//! window with the wanted confidence, given paid creators who post for certain; the
//! distribution of the number of posts; the budget; and a comparison of mixes.
//!
//! Assumptions, stated in the UI: gifted creators post independently, each with the same
//! probability q, and those who post do so inside the window (the brief asks them to).

use serde::{Deserialize, Serialize};

use microplan_model::money::Money;

use super::error::ActivationError;
use microplan_stats::binomial_planning::{
    binomial_at_least_posts, creators_to_seed, gifted_to_seed_with_paid, posts_distribution,
    SeedingPlan, MAX_DISTRIBUTION_LEN,
};

/// Largest number of creators the planner's chart and distribution cover.
pub const MAX_PLANNED_CREATORS: u64 = 5_000;

/// What one creator of each kind costs; all amounts in one currency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitCosts {
    pub product: Money,
    pub shipping: Money,
    pub gifting_fee: Money,
    pub paid_fee: Money,
}

impl UnitCosts {
    /// All zero in `currency`.
    pub fn zero(currency: &str) -> UnitCosts {
        let zero = Money::new(0.0, currency);
        UnitCosts {
            product: zero.clone(),
            shipping: zero.clone(),
            gifting_fee: zero.clone(),
            paid_fee: zero,
        }
    }

    /// Checks one currency and finite, non-negative amounts; returns the currency.
    pub fn currency(&self) -> Result<String, ActivationError> {
        let named = [
            ("product value", &self.product),
            ("shipping", &self.shipping),
            ("gifting fee", &self.gifting_fee),
            ("paid creator fee", &self.paid_fee),
        ];
        let currency = self.product.currency.clone();
        for (name, money) in named {
            if !money.amount.is_finite() || money.amount < 0.0 {
                return Err(ActivationError::CostNotValid { cost: name });
            }
            if money.currency != currency {
                return Err(ActivationError::MixedCurrency {
                    cost: name,
                    currency: money.currency.clone(),
                    product_currency: currency,
                });
            }
        }
        Ok(currency)
    }

    /// A gifted creator costs the product, its shipping and the gifting fee.
    pub fn per_gifted(&self) -> f64 {
        self.product.amount + self.shipping.amount + self.gifting_fee.amount
    }

    /// A paid creator costs the fee, and receives the product too.
    pub fn per_paid(&self) -> f64 {
        self.paid_fee.amount + self.product.amount + self.shipping.amount
    }
}

/// The inputs of one planning question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannerInput {
    /// Posts wanted inside the window (k).
    pub target_posts: u64,
    /// Probability wanted that at least k post (0.9).
    pub confidence: f64,
    /// Probability that one gifted creator posts (q).
    pub posting_rate: f64,
    pub paid: u64,
    /// Gifted creators actually chosen; `None` takes the recommendation.
    pub chosen_gifted: Option<u64>,
    pub costs: UnitCosts,
}

/// Total cost of a mix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Budget {
    pub gifted: Money,
    pub paid: Money,
    pub total: Money,
    /// Total over expected posts; `None` when no post is expected.
    pub per_expected_post: Option<Money>,
}

/// One row of the mix comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MixRow {
    pub label: String,
    pub paid: u64,
    pub gifted: u64,
    /// P(at least k posts) with this mix.
    pub probability: f64,
    pub expected_posts: f64,
    pub budget: Budget,
}

/// Everything the planner answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannerResult {
    /// Fewest gifted creators reaching the confidence, with the paid ones.
    pub recommended: SeedingPlan,
    /// The gifted count used for the rest of the answer (chosen or recommended).
    pub gifted: u64,
    /// P(at least k posts) with `gifted` gifted and the paid creators: the chance the
    /// community effect happens.
    pub probability: f64,
    pub expected_posts: f64,
    /// Element j: P(exactly j posts in total), j = 0..=paid + gifted.
    pub distribution: Vec<f64>,
    /// (gifted, P(at least k)) from 0 gifted to a little past the recommendation.
    pub curve: Vec<(u64, f64)>,
    pub budget: Budget,
    pub mixes: Vec<MixRow>,
}

/// P(at least k posts) with `paid` certain posts and `gifted` creators posting with `q`.
pub fn chance_of_community_effect(
    k: u64,
    paid: u64,
    gifted: u64,
    q: f64,
) -> Result<f64, ActivationError> {
    let need = k.saturating_sub(paid);
    if need == 0 {
        return Ok(1.0);
    }
    Ok(binomial_at_least_posts(need, gifted, q)?)
}

/// Distribution of total posts: the gifted Binomial(gifted, q) shifted up by the paid posts.
pub fn total_posts_distribution(
    paid: u64,
    gifted: u64,
    q: f64,
) -> Result<Vec<f64>, ActivationError> {
    if paid.saturating_add(gifted) >= MAX_DISTRIBUTION_LEN {
        return Err(ActivationError::TooManyToShow {
            creators: paid.saturating_add(gifted),
        });
    }
    let gifted_posts = posts_distribution(gifted, q)?;
    let mut total = vec![0.0; usize::try_from(paid).unwrap_or(0)];
    total.extend(gifted_posts);
    Ok(total)
}

/// Cost of `paid` paid and `gifted` gifted creators, per expected post too.
pub fn budget(
    costs: &UnitCosts,
    paid: u64,
    gifted: u64,
    expected_posts: f64,
) -> Result<Budget, ActivationError> {
    let currency = costs.currency()?;
    let gifted_total = gifted as f64 * costs.per_gifted();
    let paid_total = paid as f64 * costs.per_paid();
    let total = gifted_total + paid_total;
    let per_post = (expected_posts > 0.0 && total.is_finite())
        .then(|| Money::new(total / expected_posts, &currency));
    Ok(Budget {
        gifted: Money::new(gifted_total, &currency),
        paid: Money::new(paid_total, &currency),
        total: Money::new(total, &currency),
        per_expected_post: per_post,
    })
}

fn mix(
    label: &str,
    input: &PlannerInput,
    paid: u64,
    gifted: u64,
) -> Result<MixRow, ActivationError> {
    let q = input.posting_rate;
    let expected_posts = paid as f64 + gifted as f64 * q;
    Ok(MixRow {
        label: label.to_string(),
        paid,
        gifted,
        probability: chance_of_community_effect(input.target_posts, paid, gifted, q)?,
        expected_posts,
        budget: budget(&input.costs, paid, gifted, expected_posts)?,
    })
}

/// The mixes worth comparing: all gifted, the user's mix, half paid, all paid. Mixes that
/// cannot reach the confidence (no gifted creator ever posts) are left out.
fn mixes(input: &PlannerInput, recommended: &SeedingPlan) -> Result<Vec<MixRow>, ActivationError> {
    let k = input.target_posts;
    let (q, target) = (input.posting_rate, input.confidence);
    let mut rows = Vec::new();
    if let Ok(all_gifted) = creators_to_seed(k, q, target) {
        rows.push(mix("All gifted", input, 0, all_gifted.gifted)?);
    }
    if input.paid > 0 && input.paid < k {
        rows.push(mix("Your mix", input, input.paid, recommended.gifted)?);
    }
    let half = k / 2;
    if half > 0 && half != input.paid {
        if let Ok(plan) = gifted_to_seed_with_paid(k, half, q, target) {
            rows.push(mix("Half paid", input, half, plan.gifted)?);
        }
    }
    rows.push(mix("All paid", input, k, 0)?);
    Ok(rows)
}

/// Answers the planning question. Errors name the input to change.
pub fn plan_activation(input: &PlannerInput) -> Result<PlannerResult, ActivationError> {
    let (k, q, paid) = (input.target_posts, input.posting_rate, input.paid);
    if k == 0 {
        return Err(ActivationError::NoPostsWanted);
    }
    let recommended = gifted_to_seed_with_paid(k, paid, q, input.confidence)?;
    let gifted = input.chosen_gifted.unwrap_or(recommended.gifted);
    if paid.saturating_add(gifted) > MAX_PLANNED_CREATORS
        || paid.saturating_add(recommended.gifted) > MAX_PLANNED_CREATORS
    {
        return Err(ActivationError::TooManyCreators {
            limit: MAX_PLANNED_CREATORS,
        });
    }
    let probability = chance_of_community_effect(k, paid, gifted, q)?;
    let expected_posts = paid as f64 + gifted as f64 * q;
    let last = recommended
        .gifted
        .max(gifted)
        .saturating_add(recommended.gifted / 4 + 3);
    let curve = (0..=last)
        .map(|n| chance_of_community_effect(k, paid, n, q).map(|p| (n, p)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(PlannerResult {
        recommended,
        gifted,
        probability,
        expected_posts,
        distribution: total_posts_distribution(paid, gifted, q)?,
        curve,
        budget: budget(&input.costs, paid, gifted, expected_posts)?,
        mixes: mixes(input, &recommended)?,
    })
}

/// Gifted creators needed if the posting rate were `q` instead (e.g. the lower end of the
/// interval learnt from past activations): the cautious version of the answer.
pub fn gifted_needed_at(
    k: u64,
    paid: u64,
    q: f64,
    confidence: f64,
) -> Result<u64, ActivationError> {
    gifted_to_seed_with_paid(k, paid, q, confidence)
        .map(|plan| plan.gifted)
        .map_err(ActivationError::from)
}

/// Says so when a plan needs more creators than the community has: gifting 25 creators from
/// a community of 19 cannot happen, and the planner's answer would otherwise hide it.
pub fn community_too_small(members: usize, paid: u64, gifted: u64) -> Option<String> {
    let needed = paid.saturating_add(gifted);
    let members = members as u64;
    (needed > members).then(|| {
        format!(
            "This plan needs {} creators ({paid} paid, {gifted} gifted) but the community has {members}: \
             add creators to the community, add paid creators (their posts are certain), or lower the \
             posts wanted",
            microplan_model::money::group_thousands(needed)
        )
    })
}
