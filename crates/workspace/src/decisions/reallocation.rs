//! The next period's budget, split over the creators from their efficiency intervals.
//!
//! Default rule: each kept creator's share is proportional to the lower end of their 95%
//! interval of outcome per cost, clamped to a floor and a ceiling share. A creator whose
//! lower end is 0 (no outcomes, no cost) gets the floor; an excluded creator gets nothing.
//! Amounts are rounded to cents by largest remainder, so they add up to the budget exactly.

use super::efficiency::{Efficiency, Ranking};
use super::error::BudgetError;
use super::format::money_text;
use microplan_model::money::Money;
use microplan_plan::results_plan::{ReallocationRule, ResultsPlan};

/// One creator's part of the proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Allocation {
    pub group: String,
    /// The efficiency it rests on, in words.
    pub evidence: String,
    /// The weight the rule used (the interval's lower end, or 1 for an equal split).
    pub weight: f64,
    /// Fraction of the budget.
    pub share: f64,
    /// Rounded to cents.
    pub amount: f64,
    pub excluded: bool,
    /// "ridge_runner_ava: 14 orders for €620, ...; lower bound share 31% -> €1,550".
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub rule: ReallocationRule,
    pub budget: Money,
    /// Every ranked creator, kept ones first in ranking order, excluded ones after.
    pub allocations: Vec<Allocation>,
    /// The rule and its parameters in one sentence.
    pub rule_text: String,
    /// Adjustments the rule had to make (a floor too high, a ceiling too low ...).
    pub notes: Vec<String>,
    /// Set when the ranking behind the split is not separated by its intervals.
    pub needs_evidence: Option<String>,
}

impl Proposal {
    /// Sum of the allocated amounts in cents (equals the budget in cents).
    pub fn total_cents(&self) -> i64 {
        self.allocations
            .iter()
            .map(|a| (a.amount * 100.0).round() as i64)
            .sum()
    }
}

/// What was spent over the ranked rows: the budget carried forward when none is entered.
pub fn spend_of(ranking: &Ranking) -> Money {
    let total: f64 = ranking.rows.iter().map(|r| r.cost).sum();
    Money::new((total * 100.0).round() / 100.0, &ranking.currency)
}

fn percent(fraction: f64) -> String {
    microplan_model::format::percent(fraction)
}

/// Shares of 1 for `weights`, clamped to `[floor, ceiling]`, with notes on what had to give.
fn shares(weights: &[f64], mut floor: f64, mut ceiling: f64, notes: &mut Vec<String>) -> Vec<f64> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    let even = 1.0 / n as f64;
    if floor * n as f64 > 1.0 {
        notes.push(format!(
            "A floor of {} for {n} creators is more than the budget; each gets {} instead.",
            percent(floor),
            percent(even)
        ));
        floor = even;
    }
    if ceiling * (n as f64) < 1.0 {
        notes.push(format!(
            "A ceiling of {} for {n} creators cannot spend the budget; it is raised to {}.",
            percent(ceiling),
            percent(even)
        ));
        ceiling = even;
    }
    let positive: Vec<f64> = weights
        .iter()
        .copied()
        .filter(|w| *w > 0.0 && w.is_finite())
        .collect();
    if positive.is_empty() {
        notes.push(
            "No creator has a weight above zero, so the budget is split equally.".to_string(),
        );
        return vec![even; n];
    }
    let zero_count = (n - positive.len()) as f64;
    let most = positive.len() as f64 * ceiling + zero_count * floor;
    if most < 1.0 {
        let raised = (1.0 - zero_count * floor) / positive.len() as f64;
        notes.push(format!(
            "With the creators at zero held at the floor, a ceiling of {} leaves budget unspent; it is \
             raised to {} for the others.",
            percent(ceiling),
            percent(raised)
        ));
        ceiling = raised;
    }
    let share_at = |lambda: f64, weight: f64| {
        if weight > 0.0 && weight.is_finite() {
            (lambda * weight).clamp(floor, ceiling)
        } else {
            floor
        }
    };
    let total_at = |lambda: f64| weights.iter().map(|w| share_at(lambda, *w)).sum::<f64>();
    let smallest = positive.iter().copied().fold(f64::INFINITY, f64::min);
    let (mut low, mut high) = (0.0, ceiling / smallest);
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        if total_at(middle) < 1.0 {
            low = middle;
        } else {
            high = middle;
        }
    }
    let raw: Vec<f64> = weights.iter().map(|w| share_at(high, *w)).collect();
    let sum: f64 = raw.iter().sum();
    if sum > 0.0 {
        raw.iter().map(|s| s / sum).collect()
    } else {
        vec![even; n]
    }
}

/// Whole cents per share that add up to `total` exactly (largest remainder; ties to the
/// earlier, better-ranked creator).
fn cents(shares: &[f64], total: i64) -> Vec<i64> {
    let raw: Vec<f64> = shares.iter().map(|s| s * total as f64).collect();
    let mut amounts: Vec<i64> = raw.iter().map(|r| r.floor() as i64).collect();
    let mut order: Vec<usize> = (0..raw.len()).collect();
    order.sort_by(|a, b| {
        let fa = raw.get(*a).map_or(0.0, |r| r - r.floor());
        let fb = raw.get(*b).map_or(0.0, |r| r - r.floor());
        fb.total_cmp(&fa).then(a.cmp(b))
    });
    let mut left = total - amounts.iter().sum::<i64>();
    // Normally 0 <= left < n; the loops also settle rounding drift either way.
    let mut turn = 0usize;
    while left != 0 && !order.is_empty() {
        let index = order[turn % order.len()];
        if let Some(amount) = amounts.get_mut(index) {
            if left > 0 {
                *amount += 1;
                left -= 1;
            } else if *amount > 0 {
                *amount -= 1;
                left += 1;
            }
        }
        turn += 1;
        if turn > order.len() * 4 + 1_000 {
            break;
        }
    }
    amounts
}

fn check_inputs(plan: &ResultsPlan, budget: &Money, currency: &str) -> Result<i64, BudgetError> {
    if !(budget.amount.is_finite() && budget.amount >= 0.0 && budget.amount < 1e12) {
        return Err(BudgetError::NotAnAmount);
    }
    if budget.currency != currency {
        return Err(BudgetError::CurrencyMismatch {
            budget: budget.currency.clone(),
            results: currency.to_string(),
        });
    }
    let (floor, ceiling) = (plan.min_share, plan.max_share);
    if !(floor.is_finite() && (0.0..=1.0).contains(&floor)) {
        return Err(BudgetError::FloorOutOfRange);
    }
    if !(ceiling.is_finite() && ceiling > 0.0 && ceiling <= 1.0) {
        return Err(BudgetError::CeilingOutOfRange);
    }
    if floor > ceiling {
        return Err(BudgetError::FloorAboveCeiling { floor, ceiling });
    }
    Ok((budget.amount * 100.0).round() as i64)
}

fn weight_of(rule: ReallocationRule, row: &Efficiency) -> f64 {
    match rule {
        ReallocationRule::LowerBoundProportional => row.lower_bound(),
        ReallocationRule::EqualSplit => 1.0,
    }
}

/// Splits `budget` over the ranked creators by `plan`'s rule, floor, ceiling and exclusions.
pub fn propose_budget(
    ranking: &Ranking,
    plan: &ResultsPlan,
    budget: &Money,
) -> Result<Proposal, BudgetError> {
    let total_cents = check_inputs(plan, budget, &ranking.currency)?;
    if ranking.rows.is_empty() {
        return Err(BudgetError::NoCreatorResults);
    }
    let (kept, excluded): (Vec<&Efficiency>, Vec<&Efficiency>) = ranking
        .rows
        .iter()
        .partition(|row| !plan.is_excluded(&row.group));
    if kept.is_empty() {
        return Err(BudgetError::AllExcluded {
            creators: excluded.len(),
        });
    }
    let weights: Vec<f64> = kept.iter().map(|row| weight_of(plan.rule, row)).collect();
    let weight_total: f64 = weights.iter().filter(|w| w.is_finite()).sum();
    let mut notes = Vec::new();
    let split = shares(&weights, plan.min_share, plan.max_share, &mut notes);
    let amounts = cents(&split, total_cents);
    let currency = &budget.currency;
    let mut allocations = Vec::new();
    for (index, row) in kept.iter().enumerate() {
        let weight = weights.get(index).copied().unwrap_or(0.0);
        let share = split.get(index).copied().unwrap_or(0.0);
        let amount = amounts.get(index).copied().unwrap_or(0) as f64 / 100.0;
        let basis = basis_text(plan.rule, weight, weight_total);
        allocations.push(kept_allocation(
            row, plan, weight, share, amount, &basis, currency,
        ));
    }
    allocations.extend(excluded.into_iter().map(excluded_allocation));
    let rule_text = rule_text(plan, budget, ranking, kept.len());
    let needs_evidence = match (plan.rule, ranking.separated) {
        (ReallocationRule::EqualSplit, _) => None,
        (_, Some(true)) => None,
        (_, _) => Some(ranking.separation_text.clone()),
    };
    Ok(Proposal {
        rule: plan.rule,
        budget: budget.clone(),
        allocations,
        rule_text,
        notes,
        needs_evidence,
    })
}

/// Why a kept creator's weight is what it is: "lower bound 12.5% of all lower bounds".
fn basis_text(rule: ReallocationRule, weight: f64, weight_total: f64) -> String {
    match rule {
        ReallocationRule::EqualSplit => "equal split".to_string(),
        ReallocationRule::LowerBoundProportional if weight > 0.0 && weight_total > 0.0 => {
            format!(
                "lower bound {} of all lower bounds",
                percent(weight / weight_total)
            )
        }
        ReallocationRule::LowerBoundProportional => "lower bound 0: the floor".to_string(),
    }
}

/// A kept creator's allocation, its reason naming the weight and any floor or ceiling.
fn kept_allocation(
    row: &Efficiency,
    plan: &ResultsPlan,
    weight: f64,
    share: f64,
    amount: f64,
    basis: &str,
    currency: &str,
) -> Allocation {
    let clamp = if (share - plan.min_share).abs() < 1e-9
        && weight > 0.0
        && plan.rule != ReallocationRule::EqualSplit
    {
        ", raised to the floor"
    } else if (share - plan.max_share).abs() < 1e-9 && plan.rule != ReallocationRule::EqualSplit {
        ", capped at the ceiling"
    } else {
        ""
    };
    Allocation {
        group: row.group.clone(),
        evidence: row.explain(),
        weight,
        share,
        amount,
        excluded: false,
        reason: format!(
            "{}: {}; {basis}{clamp}; share {} -> {}",
            row.group,
            row.explain(),
            percent(share),
            money_text(amount, currency)
        ),
    }
}

/// An excluded creator's allocation: nothing.
fn excluded_allocation(row: &Efficiency) -> Allocation {
    Allocation {
        group: row.group.clone(),
        evidence: row.explain(),
        weight: 0.0,
        share: 0.0,
        amount: 0.0,
        excluded: true,
        reason: format!(
            "{}: excluded by you, no budget ({}).",
            row.group,
            row.explain()
        ),
    }
}

/// The rule in words, with the budget, the outcome ranked by and the floor and ceiling.
fn rule_text(plan: &ResultsPlan, budget: &Money, ranking: &Ranking, kept: usize) -> String {
    let currency = &budget.currency;
    let unit = money_text(100.0, currency);
    match plan.rule {
        ReallocationRule::LowerBoundProportional => format!(
            "{} split in proportion to the lower end of each creator's 95% interval of {} per {unit}, \
             each kept creator between {} and {} of the budget; creators whose lower end is 0 get the floor.",
            money_text(budget.amount, currency),
            ranking.outcome.label(),
            percent(plan.min_share),
            percent(plan.max_share)
        ),
        ReallocationRule::EqualSplit => format!(
            "{} split equally between the {} kept creators.",
            money_text(budget.amount, currency),
            kept
        ),
    }
}
