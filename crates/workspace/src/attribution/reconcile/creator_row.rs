//! One creator's row of the reconciliation: the orders with their codes, the visits from
//! their tagged links and the survey answers naming them, in the main currency.

use std::collections::BTreeSet;

use microplan_plan::attribution::matching::CodeOwner;
use microplan_plan::attribution::{LinkClicks, ShopOrder};

use super::{add_currency, finish_range, CreatorAttribution};

/// What every creator's row is read from.
pub(super) struct Sources<'a> {
    pub orders: &'a [ShopOrder],
    pub clicks: &'a [LinkClicks],
    /// The creator of each row of `clicks`, in the same order.
    pub click_owners: &'a [Option<&'a str>],
    pub owners: &'a [CodeOwner],
    pub mentions: &'a [(String, u64)],
    /// Ids (trimmed, upper case) of orders through a code flagged as leaked.
    pub leaked: &'a BTreeSet<String>,
    pub currency: Option<&'a str>,
}

impl Sources<'_> {
    pub fn is_leaked(&self, order: &ShopOrder) -> bool {
        self.leaked.contains(&order.order_id.trim().to_uppercase())
    }
}

/// The row of `handle`: codes, code orders, link visits and survey mentions, then its range.
pub(super) fn creator_row(handle: String, sources: &Sources) -> CreatorAttribution {
    let mut row = CreatorAttribution {
        handle,
        ..CreatorAttribution::default()
    };
    row.codes = sources
        .owners
        .iter()
        .filter(|o| o.handle.eq_ignore_ascii_case(&row.handle))
        .map(|o| o.code.clone())
        .collect();
    add_code_orders(&mut row, sources);
    add_link_clicks(&mut row, sources);
    row.survey_mentions = sources
        .mentions
        .iter()
        .filter(|(h, _)| h.eq_ignore_ascii_case(&row.handle))
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    finish_range(&mut row, sources.currency);
    row
}

/// Orders that used one of the row's codes: cancelled, leaked, counted or in another currency.
fn add_code_orders(row: &mut CreatorAttribution, sources: &Sources) {
    let handle = row.handle.clone();
    let currency = sources.currency;
    for order in sources
        .orders
        .iter()
        .filter(|o| row.codes.iter().any(|c| o.has_code(c)))
    {
        if order.cancelled {
            row.cancelled += 1;
            continue;
        }
        let revenue = order
            .revenue()
            .map(|m| m.amount)
            .filter(|a| a.is_finite())
            .unwrap_or(0.0);
        let order_currency = order.currency().unwrap_or("");
        if sources.is_leaked(order) && Some(order_currency) == currency {
            row.leaked_orders += 1;
            row.leaked_revenue += revenue;
        } else if Some(order_currency) == currency {
            row.code_orders += 1;
            row.code_revenue += revenue;
            if order.refunded {
                row.refunded += 1;
            }
            let others = order.codes.iter().any(|c| {
                sources.owners.iter().any(|o| {
                    o.code.eq_ignore_ascii_case(c) && !o.handle.eq_ignore_ascii_case(&handle)
                })
            });
            if others {
                row.shared += 1;
            }
        } else {
            add_currency(
                &mut row.other_currency,
                if order_currency.is_empty() {
                    "no currency"
                } else {
                    order_currency
                },
                revenue,
            );
        }
    }
}

/// Visits, conversions and revenue from the row's tagged links; revenue in another currency
/// is named in a note and not added.
fn add_link_clicks(row: &mut CreatorAttribution, sources: &Sources) {
    let mut link_other: Vec<(String, u64, f64)> = Vec::new();
    for (clicks, owner) in sources.clicks.iter().zip(sources.click_owners) {
        if !owner.is_some_and(|h| h.eq_ignore_ascii_case(&row.handle)) {
            continue;
        }
        row.sessions = row.sessions.saturating_add(clicks.sessions);
        if let Some(conversions) = clicks.conversions {
            row.link_conversions = Some(
                row.link_conversions
                    .unwrap_or(0)
                    .saturating_add(conversions),
            );
        }
        if let Some(money) = clicks.revenue.as_ref().filter(|m| m.amount.is_finite()) {
            if Some(money.currency.as_str()) == sources.currency {
                row.link_revenue = Some(row.link_revenue.unwrap_or(0.0) + money.amount);
            } else {
                add_currency(&mut link_other, &money.currency, money.amount);
            }
        }
    }
    for (other, _, amount) in link_other {
        row.notes.push(format!(
            "Link revenue of {} is in another currency and is not added.",
            microplan_model::format::money(amount, &other)
        ));
    }
}
