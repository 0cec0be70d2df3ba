//! One function computes every metric: read the fields a metric needs from each row, keep
//! the rows that have all of them, sum, divide, and attach the interval and a note.

use std::collections::BTreeMap;

use super::intervals::poisson_interval;
use super::{MetricContext, MetricKey, MetricValue};
use microplan_model::rows::DeliverableResult;
use microplan_stats::intervals::{proportion_interval, ProportionMethod};

/// A field of a result row, or one derived from it (engagements, the creator's followers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Reach,
    Views,
    Impressions,
    Comments,
    Shares,
    Saves,
    Engagements,
    LinkClicks,
    CodeRedemptions,
    Orders,
    Followers,
    Revenue,
    Cost,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Reach => "reach",
            Field::Views => "views",
            Field::Impressions => "impressions",
            Field::Comments => "comments",
            Field::Shares => "shares",
            Field::Saves => "saves",
            Field::Engagements => "engagements (likes, comments, shares and saves)",
            Field::LinkClicks => "link clicks",
            Field::CodeRedemptions => "code redemptions",
            Field::Orders => "orders",
            Field::Followers => "followers (from the Creators table)",
            Field::Revenue => "revenue",
            Field::Cost => "cost",
        }
    }

    /// Short name for "zero ..." notes.
    fn short(self) -> &'static str {
        match self {
            Field::Engagements => "engagements",
            Field::Followers => "followers",
            other => other.name(),
        }
    }
}

/// What one row holds for one field.
enum Reading {
    Count(u64),
    Money(f64),
    /// A cost summed from its parts with some parts not given (a lower bound).
    PartialCost(f64),
    Missing,
    /// Money in another currency than the reporting one (the code, uppercase).
    Foreign(String),
    /// Money that is not a finite number, or a negative cost.
    Invalid,
}

fn read(row: &DeliverableResult, field: Field, context: &MetricContext) -> Reading {
    let count = |value: Option<u64>| value.map_or(Reading::Missing, Reading::Count);
    let money = |value: &Option<microplan_model::money::Money>| match value {
        None => Reading::Missing,
        Some(m) if !m.amount.is_finite() => Reading::Invalid,
        Some(m) => {
            let code = m.currency.trim().to_ascii_uppercase();
            if code == context.currency {
                Reading::Money(m.amount)
            } else {
                Reading::Foreign(code)
            }
        }
    };
    match field {
        Field::Reach => count(row.reach),
        Field::Views => count(row.views),
        Field::Impressions => count(row.impressions),
        Field::Comments => count(row.comments),
        Field::Shares => count(row.shares),
        Field::Saves => count(row.saves),
        Field::Engagements => match (row.likes, row.comments, row.shares, row.saves) {
            (Some(l), Some(c), Some(sh), Some(sv)) => {
                Reading::Count(l.saturating_add(c).saturating_add(sh).saturating_add(sv))
            }
            _ => Reading::Missing,
        },
        Field::LinkClicks => count(row.link_clicks),
        Field::CodeRedemptions => count(row.code_redemptions),
        Field::Orders => count(row.orders),
        Field::Followers => count(
            context
                .followers
                .get(&super::handle_key(&row.handle))
                .copied(),
        ),
        Field::Revenue => money(&row.revenue),
        // The cost as given, else the sum of its parts (fee, product value, shipping). A
        // negative cost is a data error (a refund belongs in revenue), not a saving.
        Field::Cost => {
            let basis = row.cost_basis();
            let partial = basis
                .as_ref()
                .is_some_and(|b| b.from_parts && !b.missing_parts.is_empty());
            match money(&basis.map(|b| b.total)) {
                Reading::Money(amount) if amount < 0.0 => Reading::Invalid,
                Reading::Money(amount) if partial => Reading::PartialCost(amount),
                other => other,
            }
        }
    }
}

/// Sums over the rows that had every field, and why the others were left out.
#[derive(Default)]
struct Tally {
    used: usize,
    total: usize,
    /// Per field: integer sum (counts) and float sum (money or counts).
    counts: [u64; 2],
    sums: [f64; 2],
    missing: [usize; 2],
    foreign: BTreeMap<String, usize>,
    invalid: usize,
    /// Used rows whose cost is the sum of only some of its parts.
    partial_cost: usize,
}

fn tally(rows: &[&DeliverableResult], fields: &[Field], context: &MetricContext) -> Tally {
    let mut t = Tally {
        total: rows.len(),
        ..Tally::default()
    };
    for row in rows {
        let mut values = [0.0f64; 2];
        let mut ints = [0u64; 2];
        let mut complete = true;
        let mut partial = false;
        for (slot, field) in fields.iter().enumerate().take(2) {
            match read(row, *field, context) {
                Reading::Count(n) => {
                    ints[slot] = n;
                    values[slot] = n as f64;
                }
                Reading::Money(amount) => values[slot] = amount,
                Reading::PartialCost(amount) => {
                    values[slot] = amount;
                    partial = true;
                }
                Reading::Missing => {
                    t.missing[slot] += 1;
                    complete = false;
                }
                Reading::Foreign(code) => {
                    *t.foreign.entry(code).or_insert(0) += 1;
                    complete = false;
                }
                Reading::Invalid => {
                    t.invalid += 1;
                    complete = false;
                }
            }
        }
        if complete {
            t.used += 1;
            t.partial_cost += usize::from(partial);
            for slot in 0..fields.len().min(2) {
                t.counts[slot] = t.counts[slot].saturating_add(ints[slot]);
                t.sums[slot] += values[slot];
            }
        }
    }
    t
}

/// "2 rows in USD left out (money is not converted)", plus invalid amounts.
fn exclusions(t: &Tally) -> Option<String> {
    let mut parts: Vec<String> = t
        .foreign
        .iter()
        .map(|(code, n)| {
            format!(
                "{} in {} left out (money is not converted)",
                rows_word(*n),
                code
            )
        })
        .collect();
    if t.partial_cost > 0 {
        parts.push(format!(
            "{} with cost summed from only some of fee, product value and shipping (a lower bound)",
            rows_word(t.partial_cost)
        ));
    }
    if t.invalid > 0 {
        parts.push(format!(
            "{} with an amount that is not a number (or a negative cost) left out",
            rows_word(t.invalid)
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

fn rows_word(n: usize) -> String {
    if n == 1 {
        "1 row".to_string()
    } else {
        format!("{n} rows")
    }
}

fn join_notes(first: Option<String>, second: Option<String>) -> Option<String> {
    match (first, second) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    }
}

/// The fields a metric reads: numerator then denominator (or one field for sums).
fn fields_of(key: MetricKey) -> &'static [Field] {
    use MetricKey::*;
    match key {
        Reach => &[Field::Reach],
        Views => &[Field::Views],
        Impressions => &[Field::Impressions],
        Engagements => &[Field::Engagements],
        LinkClicks => &[Field::LinkClicks],
        CodeRedemptions => &[Field::CodeRedemptions],
        Orders => &[Field::Orders],
        Revenue => &[Field::Revenue],
        Cost => &[Field::Cost],
        ErReach => &[Field::Engagements, Field::Reach],
        ErViews => &[Field::Engagements, Field::Views],
        ErFollowers => &[Field::Engagements, Field::Followers],
        Ctr => &[Field::LinkClicks, Field::Impressions],
        ClickToOrder => &[Field::Orders, Field::LinkClicks],
        Cpm => &[Field::Cost, Field::Impressions],
        Cpe => &[Field::Cost, Field::Engagements],
        Cpc => &[Field::Cost, Field::LinkClicks],
        Cpa => &[Field::Cost, Field::Orders],
        Roas | Roi => &[Field::Revenue, Field::Cost],
        ShareRate => &[Field::Shares, Field::Reach],
        SaveRate => &[Field::Saves, Field::Reach],
        CommentToView => &[Field::Comments, Field::Views],
    }
}

/// The metric over `rows`; see [`MetricKey::formula`] for each definition.
pub fn metric(rows: &[&DeliverableResult], key: MetricKey, context: &MetricContext) -> MetricValue {
    let fields = fields_of(key);
    let t = tally(rows, fields, context);
    let left_out = exclusions(&t);
    if t.used == 0 {
        let why = match fields {
            [one] => format!("no row reports {}", one.name()),
            [num, den] => format!("no row has both {} and {}", num.name(), den.name()),
            _ => "no usable row".to_string(),
        };
        return MetricValue::missing(
            0,
            t.total,
            join_notes(Some(why), left_out).unwrap_or_default(),
        );
    }
    let mut result = MetricValue {
        value: None,
        interval: None,
        rows_used: t.used,
        rows_total: t.total,
        note: None,
    };
    if fields.len() == 1 {
        result.value = Some(t.sums[0]);
        result.note = left_out;
        return finite_or_note(result);
    }
    let (num, den) = (t.sums[0], t.sums[1]);
    let (num_count, den_count) = (t.counts[0], t.counts[1]);
    if den == 0.0 {
        result.note = join_notes(Some(zero_denominator_note(key, fields[1])), left_out);
        return result;
    }
    let mut notes = left_out;
    let value = match key {
        MetricKey::Cpm => num / den * 1000.0,
        MetricKey::Roi => (num - den) / den,
        _ => num / den,
    };
    result.value = Some(value);
    if is_proportion(key) {
        if num_count > den_count {
            notes = join_notes(
                notes,
                Some(format!(
                    "no interval: more {} than {} (one person can act more than once)",
                    fields[0].short(),
                    fields[1].short()
                )),
            );
        } else if let Ok(ci) =
            proportion_interval(num_count, den_count, 0.05, ProportionMethod::Wilson)
        {
            result.interval = Some((ci.lower, ci.upper));
        }
    }
    if matches!(key, MetricKey::Cpe | MetricKey::Cpc | MetricKey::Cpa) {
        if let Some((low, high)) = poisson_interval(den_count) {
            // More outcomes (upper) means a lower cost per outcome.
            if low > 0.0 {
                result.interval = Some((num / high, num / low));
            }
        }
        if num == 0.0 {
            notes = join_notes(
                notes,
                Some(
                    "zero cost recorded: check that product value and shipping are included".into(),
                ),
            );
        }
    }
    result.note = notes;
    finite_or_note(result)
}

fn is_proportion(key: MetricKey) -> bool {
    use MetricKey::*;
    matches!(
        key,
        Ctr | ErReach | ErViews | ShareRate | SaveRate | CommentToView | ClickToOrder
    )
}

fn zero_denominator_note(key: MetricKey, den: Field) -> String {
    match key {
        MetricKey::Roas | MetricKey::Roi => {
            "zero cost: a post with no recorded cost has no return ratio".to_string()
        }
        MetricKey::Cpa => "zero orders: no cost per order yet".to_string(),
        MetricKey::Cpc => "zero link clicks: no cost per click".to_string(),
        MetricKey::Cpe => "zero engagements: no cost per engagement".to_string(),
        MetricKey::Cpm => "zero impressions: no cost per thousand".to_string(),
        _ => format!("zero {}: the rate is undefined", den.short()),
    }
}

/// Sums of huge amounts can overflow; never hand out infinity or NaN.
fn finite_or_note(mut result: MetricValue) -> MetricValue {
    if result.value.is_some_and(|v| !v.is_finite()) {
        result.value = None;
        result.interval = None;
        result.note = join_notes(result.note, Some("too large to compute".to_string()));
    }
    if result
        .interval
        .is_some_and(|(a, b)| !(a.is_finite() && b.is_finite()))
    {
        result.interval = None;
    }
    result
}
