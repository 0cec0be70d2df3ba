//! Outcome per unit cost: how many orders (or clicks, engagements ...) each 100 of currency
//! bought, with an exact Poisson interval on the outcome count, and the ranking built on it.

use microplan_plan::results_plan::Outcome;

use super::format::{money_text, number_text};
use microplan_model::rows::DeliverableResult;
use microplan_plan::results::poisson_interval;

/// One group's outcome per 100 of currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Efficiency {
    pub group: String,
    pub outcome: Outcome,
    /// Summed over the rows that have both the outcome and a cost in `currency`.
    pub outcomes: u64,
    pub cost: f64,
    pub currency: String,
    /// outcomes / cost x 100; `None` when there is no cost to divide by.
    pub per_hundred: Option<f64>,
    /// The exact Poisson interval of the count, divided by cost, x 100.
    pub interval: Option<(f64, f64)>,
    pub rows_used: usize,
    pub rows_total: usize,
    /// Why a value is missing or which rows were left out.
    pub note: Option<String>,
}

impl Efficiency {
    /// The lower end of the interval, 0 when there is none.
    pub fn lower_bound(&self) -> f64 {
        self.interval.map_or(0.0, |(low, _)| low)
    }

    /// "14 orders for €620, 2.26 per €100 (95% 1.23-3.79)".
    pub fn explain(&self) -> String {
        let bought = format!(
            "{} {} for {}",
            number_text(self.outcomes as f64, 0),
            self.outcome.label(),
            money_text(self.cost, &self.currency)
        );
        let unit = money_text(100.0, &self.currency);
        match (self.per_hundred, self.interval) {
            (Some(value), Some((low, high))) => format!(
                "{bought}, {} per {unit} (95% {}-{})",
                number_text(value, 2),
                number_text(low, 2),
                number_text(high, 2)
            ),
            _ => format!(
                "{bought}; {}",
                self.note.clone().unwrap_or_else(|| "no efficiency".into())
            ),
        }
    }
}

/// Outcome per 100 of currency over `rows` (pairwise complete: a row counts only with both
/// its outcome and a cost in `currency`).
pub fn efficiency(
    group: &str,
    rows: &[&DeliverableResult],
    outcome: Outcome,
    currency: &str,
) -> Efficiency {
    let mut outcomes = 0u64;
    let mut cost = 0.0;
    let mut rows_used = 0;
    let (mut no_outcome, mut no_cost, mut other_currency) = (0, 0, 0);
    for row in rows {
        let count = outcome.count(row);
        let row_cost = match &row.cost {
            Some(money) if money.currency != currency => {
                other_currency += 1;
                None
            }
            Some(money) if money.amount.is_finite() && money.amount >= 0.0 => Some(money.amount),
            _ => {
                no_cost += 1;
                None
            }
        };
        if count.is_none() {
            no_outcome += 1;
        }
        if let (Some(count), Some(row_cost)) = (count, row_cost) {
            outcomes = outcomes.saturating_add(count);
            cost += row_cost;
            rows_used += 1;
        }
    }
    let mut notes = Vec::new();
    if no_outcome > 0 {
        notes.push(format!("{no_outcome} row(s) without {}", outcome.label()));
    }
    if no_cost > 0 {
        notes.push(format!("{no_cost} row(s) without a cost"));
    }
    if other_currency > 0 {
        notes.push(format!(
            "{other_currency} row(s) costed in another currency than {currency} (not converted)"
        ));
    }
    let (per_hundred, interval) = if cost > 0.0 {
        let scale = 100.0 / cost;
        let interval = poisson_interval(outcomes).map(|(low, high)| (low * scale, high * scale));
        (Some(outcomes as f64 * scale), interval)
    } else {
        notes.push(if rows_used == 0 {
            "no row with both a count and a cost".to_string()
        } else {
            "the cost is zero, so outcome per cost is undefined".to_string()
        });
        (None, None)
    };
    Efficiency {
        group: group.to_string(),
        outcome,
        outcomes,
        cost,
        currency: currency.to_string(),
        per_hundred,
        interval,
        rows_used,
        rows_total: rows.len(),
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    }
}

/// Groups ranked best first, with whether the data separates the best from the weakest.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub outcome: Outcome,
    pub currency: String,
    /// Highest outcome per cost first; groups without a value last, by name.
    pub rows: Vec<Efficiency>,
    /// `Some(true)` when the best group's interval lies wholly above the weakest's.
    pub separated: Option<bool>,
    pub separation_text: String,
}

/// Ranks groups of rows (from `results::group_rows`) by outcome per 100 of currency.
pub fn rank(
    groups: &[(String, Vec<&DeliverableResult>)],
    outcome: Outcome,
    currency: &str,
) -> Ranking {
    let mut rows: Vec<Efficiency> = groups
        .iter()
        .map(|(name, rows)| efficiency(name, rows, outcome, currency))
        .collect();
    rows.sort_by(|a, b| match (a.per_hundred, b.per_hundred) {
        (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| a.group.cmp(&b.group)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.group.cmp(&b.group),
    });
    let valued: Vec<&Efficiency> = rows.iter().filter(|r| r.interval.is_some()).collect();
    let (separated, separation_text) = match (valued.first(), valued.last()) {
        (Some(best), Some(weakest)) if valued.len() >= 2 => {
            let (best_low, _) = best.interval.unwrap_or((0.0, 0.0));
            let (_, weakest_high) = weakest.interval.unwrap_or((0.0, 0.0));
            if best_low > weakest_high {
                (
                    Some(true),
                    format!(
                        "Separated: {}'s interval starts at {}, above the top of {}'s ({}), so the \
                         ranking is not just noise.",
                        best.group,
                        number_text(best_low, 2),
                        weakest.group,
                        number_text(weakest_high, 2)
                    ),
                )
            } else {
                (
                    Some(false),
                    format!(
                        "Not separated: {}'s interval ({}-{}) overlaps {}'s ({}-{}). The order could be \
                         chance; move budget gradually or test before a large shift.",
                        best.group,
                        number_text(best_low, 2),
                        number_text(best.interval.map_or(0.0, |i| i.1), 2),
                        weakest.group,
                        number_text(weakest.interval.map_or(0.0, |i| i.0), 2),
                        number_text(weakest_high, 2)
                    ),
                )
            }
        }
        _ => (
            None,
            "Fewer than two groups with a cost: nothing to compare.".to_string(),
        ),
    };
    Ranking {
        outcome,
        currency: currency.to_string(),
        rows,
        separated,
        separation_text,
    }
}
