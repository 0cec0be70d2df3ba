//! Per creator, side by side: orders that used the creator's code, visits and conversions
//! from the creator's tagged links, and survey answers that name the creator; the result
//! as a range. The rules are in [`DEDUP_RULES`], shown beside the table.

use std::collections::{BTreeMap, HashSet};

use crate::Workspace;
use microplan_model::money::Money;

mod creator_row;

use super::leaks::{detect_leaks, leaked_order_ids};
use creator_row::{creator_row, Sources};
use microplan_plan::attribution::matching::{code_owners, creator_for_click, survey_mentions};

/// The de-duplication rules, in the words the UI shows.
pub const DEDUP_RULES: [&str; 7] = [
    "Code orders: an order counts once for a creator however many items it has, when one of its discount codes is the creator's code. Cancelled orders are left out; refunded orders are counted and shown, because the export's refunds are not kept line by line.",
    "An order that used two creators' codes counts for each of them; the totals row counts it once.",
    "Revenue is the order subtotal: after discounts, before shipping and taxes (the total when the export has no subtotal).",
    "Orders in another currency than the main one are listed apart and never converted or added.",
    "Link conversions come from the analytics export, which has no order numbers, so a link conversion and a code order may be the same purchase. The low end assumes they always are (the larger source alone); the high end assumes they never are (codes plus link conversions).",
    "Survey answers are a cross-check, never added: people report them and only some customers answer.",
    "Orders that a code-leak flag is about (a spike with no post, shipped outside the audience, long after the window) are shown apart and counted in no order, revenue or range.",
];

/// One creator's attribution sources and the range they give.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CreatorAttribution {
    pub handle: String,
    /// The creator's codes, uppercase.
    pub codes: Vec<String>,
    /// Orders in the main currency with one of the codes, cancelled ones left out.
    pub code_orders: u64,
    pub code_revenue: f64,
    /// Code orders in other currencies: currency, orders, revenue.
    pub other_currency: Vec<(String, u64, f64)>,
    pub cancelled: u64,
    pub refunded: u64,
    /// Code orders that also used another creator's code.
    pub shared: u64,
    pub sessions: u64,
    /// `None` when no matched visits row has conversions.
    pub link_conversions: Option<u64>,
    /// Link revenue in the main currency; other currencies are in `notes`.
    pub link_revenue: Option<f64>,
    pub survey_mentions: u64,
    /// Orders through the creator's codes that a leak flag is about: in no count or range.
    pub leaked_orders: u64,
    pub leaked_revenue: f64,
    pub orders_low: u64,
    pub orders_high: u64,
    pub revenue_low: f64,
    pub revenue_high: f64,
    pub notes: Vec<String>,
}

impl CreatorAttribution {
    /// Whether any source has something for this creator (cancelled orders included).
    pub fn has_activity(&self) -> bool {
        self.code_orders > 0
            || self.cancelled > 0
            || !self.other_currency.is_empty()
            || self.sessions > 0
            || self.link_conversions.is_some_and(|c| c > 0)
            || self.survey_mentions > 0
    }
}

/// The whole side-by-side table.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reconciliation {
    /// The currency of most code orders (ties: alphabetical); revenue is in it.
    pub currency: Option<String>,
    pub creators: Vec<CreatorAttribution>,
    pub total: CreatorAttribution,
    /// Orders with a discount code that belongs to no creator, and those codes.
    pub other_code_orders: u64,
    pub other_codes: Vec<String>,
    pub orders_without_code: u64,
    /// Visits whose `utm_content` matched no creator.
    pub unmatched_sessions: u64,
    pub survey_answers: u64,
    pub survey_unmatched: u64,
    /// Codes with orders set apart as leaked, uppercase.
    pub leaked_codes: Vec<String>,
}

fn add_currency(list: &mut Vec<(String, u64, f64)>, currency: &str, revenue: f64) {
    match list.iter_mut().find(|(c, _, _)| c == currency) {
        Some(entry) => {
            entry.1 += 1;
            entry.2 += revenue;
        }
        None => list.push((currency.to_string(), 1, revenue)),
    }
}

fn main_currency(workspace: &Workspace, codes: &HashSet<String>) -> Option<String> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let orders = workspace
        .attribution
        .shop_orders
        .iter()
        .filter(|o| !o.cancelled);
    for order in orders.filter(|o| o.codes.iter().any(|c| codes.contains(&c.to_uppercase()))) {
        if let Some(currency) = order.currency() {
            *counts.entry(currency.to_string()).or_insert(0) += 1;
        }
    }
    let best = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.clone());
    best.or_else(|| {
        let revenue = workspace
            .attribution
            .link_clicks
            .iter()
            .filter_map(|r| r.revenue.as_ref());
        revenue.map(|m| m.currency.clone()).min()
    })
}

/// Rows in creator-table order: every creator with a code, a matched visit or a mention.
fn ordered_handles(workspace: &Workspace, extra: &[&str]) -> Vec<String> {
    let mut handles: Vec<String> = Vec::new();
    let mut push = |handle: &str| {
        if !handles.iter().any(|h| h.eq_ignore_ascii_case(handle)) {
            handles.push(handle.to_string());
        }
    };
    for creator in &workspace.creators {
        if extra
            .iter()
            .any(|h| h.eq_ignore_ascii_case(&creator.handle))
        {
            push(&creator.handle);
        }
    }
    for handle in extra {
        push(handle);
    }
    handles
}

fn finish_range(row: &mut CreatorAttribution, currency: Option<&str>) {
    let conversions = row.link_conversions.unwrap_or(0);
    row.orders_low = row.code_orders.max(conversions);
    row.orders_high = row.code_orders.saturating_add(conversions);
    let link_revenue = row.link_revenue.unwrap_or(0.0);
    row.revenue_low = row.code_revenue.max(link_revenue);
    row.revenue_high = row.code_revenue + link_revenue;
    if row.link_conversions.is_none() && row.sessions > 0 {
        row.notes.push(
            "The visits export has no conversions: links add visits only, not orders.".into(),
        );
    }
    if currency.is_none() {
        row.notes
            .push("No order or link revenue has a currency yet.".into());
    }
}

/// Reconciles the workspace's imported orders, visits and survey answers (module docs).
pub fn reconcile(workspace: &Workspace) -> Reconciliation {
    let book = &workspace.attribution;
    let tracking = &workspace.programme.tracking;
    let owners = code_owners(tracking, &book.creator_codes);
    let owned: HashSet<String> = owners.iter().map(|o| o.code.clone()).collect();
    let currency = main_currency(workspace, &owned);
    let creator_handles: Vec<&str> = workspace
        .creators
        .iter()
        .map(|c| c.handle.as_str())
        .collect();
    let survey = survey_mentions(&book.survey_answers, &workspace.creators);
    let mut involved: Vec<&str> = owners.iter().map(|o| o.handle.as_str()).collect();
    let click_owners: Vec<Option<&str>> = book
        .link_clicks
        .iter()
        .map(|row| creator_for_click(row, tracking, &creator_handles))
        .collect();
    involved.extend(click_owners.iter().flatten().copied());
    involved.extend(
        survey
            .mentions
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(h, _)| h.as_str()),
    );
    let handles = ordered_handles(workspace, &involved);
    let flags = detect_leaks(workspace);
    let leaked = leaked_order_ids(&flags);
    let sources = Sources {
        orders: &book.shop_orders,
        clicks: &book.link_clicks,
        click_owners: &click_owners,
        owners: &owners,
        mentions: &survey.mentions,
        leaked: &leaked,
        currency: currency.as_deref(),
    };
    let mut out = Reconciliation {
        currency: currency.clone(),
        ..Reconciliation::default()
    };
    out.survey_answers = survey.answers;
    out.survey_unmatched = survey.unmatched;
    let (distinct, distinct_leaked) = tally_orders(&mut out, &sources);
    out.creators = handles
        .into_iter()
        .map(|handle| creator_row(handle, &sources))
        .collect();
    out.unmatched_sessions = book
        .link_clicks
        .iter()
        .zip(&click_owners)
        .filter(|(_, owner)| owner.is_none())
        .fold(0u64, |sum, (row, _)| sum.saturating_add(row.sessions));
    out.total = totals(&out.creators, distinct);
    (out.total.leaked_orders, out.total.leaked_revenue) = distinct_leaked;
    out.leaked_codes = flags.iter().map(|f| f.code.to_uppercase()).collect();
    out.leaked_codes.dedup();
    out
}

/// Counts orders with no code or only others' codes, and sums each order with a creator's
/// code once, leaked apart from the rest: `(distinct, distinct leaked)` as (orders, revenue).
fn tally_orders(out: &mut Reconciliation, sources: &Sources) -> ((u64, f64), (u64, f64)) {
    let mut other_codes: Vec<String> = Vec::new();
    let mut distinct = (0u64, 0.0f64);
    let mut distinct_leaked = (0u64, 0.0f64);
    for order in sources.orders {
        let owners_of: Vec<&str> = order
            .codes
            .iter()
            .filter_map(|code| {
                sources
                    .owners
                    .iter()
                    .find(|o| o.code.eq_ignore_ascii_case(code))
            })
            .map(|o| o.handle.as_str())
            .collect();
        if order.codes.is_empty() {
            out.orders_without_code += 1;
        } else if owners_of.is_empty() && !order.cancelled {
            out.other_code_orders += 1;
            for code in &order.codes {
                if !other_codes.contains(code) {
                    other_codes.push(code.clone());
                }
            }
        }
        if !owners_of.is_empty() && !order.cancelled && order.currency() == sources.currency {
            let sum = if sources.is_leaked(order) {
                &mut distinct_leaked
            } else {
                &mut distinct
            };
            sum.0 += 1;
            sum.1 += order
                .revenue()
                .map(|m| m.amount)
                .filter(|a| a.is_finite())
                .unwrap_or(0.0);
        }
    }
    other_codes.sort();
    out.other_codes = other_codes;
    (distinct, distinct_leaked)
}

/// Sums of the creator rows; shared orders counted once (`distinct`: code orders and their
/// revenue, each order once).
fn totals(rows: &[CreatorAttribution], distinct: (u64, f64)) -> CreatorAttribution {
    let mut total = CreatorAttribution {
        handle: "Total".into(),
        ..CreatorAttribution::default()
    };
    let mut shared_extra = 0u64;
    for row in rows {
        total.code_revenue += row.code_revenue;
        total.cancelled += row.cancelled;
        total.refunded += row.refunded;
        total.shared += row.shared;
        total.sessions = total.sessions.saturating_add(row.sessions);
        total.survey_mentions += row.survey_mentions;
        total.orders_low = total.orders_low.saturating_add(row.orders_low);
        total.revenue_low += row.revenue_low;
        if let Some(c) = row.link_conversions {
            total.link_conversions = Some(total.link_conversions.unwrap_or(0).saturating_add(c));
        }
        if let Some(r) = row.link_revenue {
            total.link_revenue = Some(total.link_revenue.unwrap_or(0.0) + r);
        }
        for (currency, orders, revenue) in &row.other_currency {
            match total
                .other_currency
                .iter_mut()
                .find(|(c, _, _)| c == currency)
            {
                Some(entry) => {
                    entry.1 += orders;
                    entry.2 += revenue;
                }
                None => total
                    .other_currency
                    .push((currency.clone(), *orders, *revenue)),
            }
        }
        total.code_orders += row.code_orders;
        shared_extra += row.shared;
    }
    // Each shared order was counted once per creator; count it once.
    let duplicates = total
        .code_orders
        .saturating_sub(distinct.0)
        .min(shared_extra);
    total.code_orders -= duplicates;
    let duplicated_revenue = (total.code_revenue - distinct.1).max(0.0);
    total.code_revenue -= duplicated_revenue;
    let conversions = total.link_conversions.unwrap_or(0);
    total.orders_high = total.code_orders.saturating_add(conversions);
    total.orders_low = total
        .orders_low
        .saturating_sub(duplicates)
        .max(total.code_orders)
        .max(conversions);
    let link_revenue = total.link_revenue.unwrap_or(0.0);
    total.revenue_high = total.code_revenue + link_revenue;
    total.revenue_low = (total.revenue_low - duplicated_revenue)
        .max(total.code_revenue)
        .max(link_revenue);
    total
}

/// Money in the reconciliation's currency, for display.
pub fn in_currency(amount: f64, currency: Option<&str>) -> Option<Money> {
    currency.map(|c| Money::new(amount, c))
}
