//! Code-leak detection: a creator's code used in ways the creator's own audience does not
//! explain, each flag with its evidence. Three checks per code (cancelled orders left out):
//!
//! - **Spike without a cause**: the code's orders per day, over every day from its first
//!   to its last order (days without orders count as 0). A day is a spike when its orders
//!   reach `min_spike_orders` and exceed median + k x scaled MAD of the daily counts
//!   (MAD x 1.4826, at least 1 order, so a code used once a day now and then is not
//!   flagged); k = `spike_k`, 3.5 by default (the usual cut-off for the modified z-score).
//!   It is flagged only when the creator's tagged links had no visits within a day of it
//!   and the creator published no sponsored post and no measured deliverable (results) in
//!   the `quiet_days` (3) before it: an unrelated everyday post does not explain a code.
//! - **Outside the audience**: of the orders with a shipping country, the share shipped
//!   outside the creator's audience top countries and home country is at least
//!   `outside_share` (30%) and at least `min_outside_orders` (5) orders.
//! - **Long after the posting window**: at least `min_late_orders` (3) orders more than
//!   `grace_days` (30) after the window ended. The window ends on the latest of the brief's
//!   posting window end (the brief named like the code's campaign) and the creator's last
//!   result date in that campaign (any campaign when the code has none).
//!
//! A check without the data it needs (no audience countries, no window) flags nothing.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::Workspace;
use microplan_model::format::{group_thousands, number_text, percent};
use microplan_model::limits::{add_days, add_days_saturating};

use microplan_plan::attribution::matching::{code_owners, creator_for_click, CodeOwner};
use microplan_plan::attribution::{LeakSettings, ShopOrder};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeakKind {
    SpikeWithoutCause,
    OutsideAudience,
    LongAfterWindow,
}

impl LeakKind {
    pub fn label(self) -> &'static str {
        match self {
            LeakKind::SpikeWithoutCause => "Spike with no post or clicks",
            LeakKind::OutsideAudience => "Outside the creator's audience",
            LeakKind::LongAfterWindow => "Long after the posting window",
        }
    }
}

/// One reason to think a code has leaked, with the facts behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct LeakFlag {
    pub code: String,
    pub handle: String,
    pub kind: LeakKind,
    /// Orders the flag is about.
    pub orders: u64,
    /// The shop's numbers of those orders: attribution sets them apart.
    pub order_ids: Vec<String>,
    pub evidence: String,
}

fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => sorted.get(n / 2).copied().unwrap_or(0.0),
        _ => {
            (sorted.get(n / 2 - 1).copied().unwrap_or(0.0)
                + sorted.get(n / 2).copied().unwrap_or(0.0))
                / 2.0
        }
    }
}

/// Median and scaled MAD of daily counts; `None` for an empty list.
pub fn robust_centre(counts: &[f64]) -> Option<(f64, f64)> {
    if counts.is_empty() {
        return None;
    }
    let mut sorted = counts.to_vec();
    sorted.sort_by(f64::total_cmp);
    let centre = median(&sorted);
    let mut deviations: Vec<f64> = sorted.iter().map(|c| (c - centre).abs()).collect();
    deviations.sort_by(f64::total_cmp);
    Some((centre, 1.4826 * median(&deviations)))
}

/// Longest span of days a spike check looks at (ten years); longer spans are not checked.
const MAX_SPAN_DAYS: i64 = 3660;

/// Orders per day with the code, and the count of every day from the first to the last
/// (0 on days without orders); `None` without orders or past [`MAX_SPAN_DAYS`].
fn orders_per_day(orders: &[&ShopOrder]) -> Option<(BTreeMap<NaiveDate, u64>, Vec<f64>)> {
    let mut per_day: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for order in orders {
        *per_day.entry(order.date).or_insert(0) += 1;
    }
    let (first, last) = (*per_day.keys().next()?, *per_day.keys().next_back()?);
    let span = (last - first).num_days() + 1;
    if span > MAX_SPAN_DAYS {
        return None;
    }
    let counts: Vec<f64> = (0..span)
        .map(|offset| {
            per_day
                .get(&add_days_saturating(first, offset))
                .copied()
                .unwrap_or(0) as f64
        })
        .collect();
    Some((per_day, counts))
}

/// What explains a day's orders for the code's creator: visits on their tracked links, or a
/// post or result of theirs shortly before.
struct Causes<'a> {
    owner: &'a CodeOwner,
    workspace: &'a Workspace,
    handles: Vec<&'a str>,
    /// Days before an order that a post still explains it.
    quiet: i64,
}

impl<'a> Causes<'a> {
    fn of(owner: &'a CodeOwner, workspace: &'a Workspace, quiet: i64) -> Causes<'a> {
        let handles = workspace
            .creators
            .iter()
            .map(|c| c.handle.as_str())
            .collect();
        Causes {
            owner,
            workspace,
            handles,
            quiet,
        }
    }

    fn same(&self, handle: &str) -> bool {
        handle.eq_ignore_ascii_case(&self.owner.handle)
    }

    /// Visits on the creator's tracked links within a day of `day`.
    fn visits_near(&self, day: NaiveDate) -> bool {
        let tracking = &self.workspace.programme.tracking;
        self.workspace.attribution.link_clicks.iter().any(|row| {
            row.sessions > 0
                && (row.date - day).num_days().abs() <= 1
                && creator_for_click(row, tracking, &self.handles).is_some_and(|h| self.same(h))
        })
    }

    /// A sponsored post or a result of the creator's in the quiet days up to `day`.
    fn posted_before(&self, day: NaiveDate) -> bool {
        let near = |date: NaiveDate| date <= day && (day - date).num_days() <= self.quiet;
        self.workspace
            .posts
            .iter()
            .any(|p| p.sponsored && self.same(&p.handle) && near(p.date))
            || self
                .workspace
                .results
                .iter()
                .any(|r| self.same(&r.handle) && r.date.is_some_and(near))
    }
}

fn spike_flag(
    owner: &CodeOwner,
    orders: &[&ShopOrder],
    workspace: &Workspace,
    settings: &LeakSettings,
) -> Option<LeakFlag> {
    let (per_day, counts) = orders_per_day(orders)?;
    let (centre, spread) = robust_centre(&counts)?;
    let threshold = centre + settings.spike_k * spread.max(1.0);
    let quiet = settings.quiet_days.max(0);
    let causes = Causes::of(owner, workspace, quiet);
    let spikes: Vec<(NaiveDate, u64)> = per_day
        .iter()
        .filter(|(day, n)| {
            **n >= settings.min_spike_orders
                && **n as f64 > threshold
                && !causes.visits_near(**day)
                && !causes.posted_before(**day)
        })
        .map(|(day, n)| (*day, *n))
        .collect();
    if spikes.is_empty() {
        return None;
    }
    let orders_in_spikes: u64 = spikes.iter().map(|(_, n)| n).sum();
    let order_ids = orders
        .iter()
        .filter(|o| spikes.iter().any(|(day, _)| *day == o.date))
        .map(|o| o.order_id.clone())
        .collect();
    let days: Vec<String> = spikes
        .iter()
        .take(3)
        .map(|(day, n)| {
            format!(
                "{} on {}",
                group_thousands(*n),
                microplan_model::format::date(*day)
            )
        })
        .collect();
    let more = if spikes.len() > 3 {
        format!(" and {} more days", spikes.len() - 3)
    } else {
        String::new()
    };
    Some(LeakFlag {
        code: owner.code.clone(),
        handle: owner.handle.clone(),
        kind: LeakKind::SpikeWithoutCause,
        orders: orders_in_spikes,
        order_ids,
        evidence: format!(
            "Orders per day: {}{more}, against a usual {} a day; more than {} a day is unusual for this code \
             (technically: the median plus {} times the median absolute deviation of {}). \
             No visits on @{}'s tracked links within a day, and no sponsored post or result by @{} in the {quiet} days before.",
            days.join(", "),
            number_text(centre, 1),
            number_text(threshold, 1),
            number_text(settings.spike_k, 1),
            number_text(spread.max(1.0), 1),
            owner.handle,
            owner.handle
        ),
    })
}

fn outside_flag(
    owner: &CodeOwner,
    orders: &[&ShopOrder],
    workspace: &Workspace,
    settings: &LeakSettings,
) -> Option<LeakFlag> {
    let creators = workspace
        .creators
        .iter()
        .filter(|c| c.handle.eq_ignore_ascii_case(&owner.handle));
    let mut allowed: Vec<String> = Vec::new();
    for creator in creators {
        allowed.extend(
            creator
                .audience
                .countries
                .iter()
                .map(|s| s.key.trim().to_uppercase()),
        );
        allowed.extend(creator.country.iter().map(|c| c.trim().to_uppercase()));
    }
    allowed.sort();
    allowed.dedup();
    if allowed.is_empty() {
        return None;
    }
    let shipped: Vec<String> = orders
        .iter()
        .filter_map(|o| o.shipping_country.as_ref())
        .map(|c| c.trim().to_uppercase())
        .collect();
    let mut outside: BTreeMap<&str, u64> = BTreeMap::new();
    for country in shipped.iter().filter(|c| !allowed.contains(c)) {
        *outside.entry(country.as_str()).or_insert(0) += 1;
    }
    let outside_orders: u64 = outside.values().sum();
    let known = shipped.len() as u64;
    if known == 0 || outside_orders < settings.min_outside_orders {
        return None;
    }
    let share = outside_orders as f64 / known as f64;
    if share < settings.outside_share {
        return None;
    }
    let countries: Vec<String> = outside.iter().map(|(c, n)| format!("{c} {n}")).collect();
    let is_outside = |o: &&&ShopOrder| {
        o.shipping_country
            .as_ref()
            .is_some_and(|c| !allowed.contains(&c.trim().to_uppercase()))
    };
    let order_ids = orders
        .iter()
        .filter(is_outside)
        .map(|o| o.order_id.clone())
        .collect();
    Some(LeakFlag {
        code: owner.code.clone(),
        handle: owner.handle.clone(),
        kind: LeakKind::OutsideAudience,
        orders: outside_orders,
        order_ids,
        evidence: format!(
            "{} of {} orders ({}) shipped outside @{}'s audience countries and home country ({}): {}.",
            group_thousands(outside_orders),
            group_thousands(known),
            percent(share),
            owner.handle,
            allowed.join(", "),
            countries.join(", ")
        ),
    })
}

/// The end of the code's posting window (module docs).
pub fn window_end(owner: &CodeOwner, workspace: &Workspace) -> Option<NaiveDate> {
    let campaign = owner.campaign.as_deref();
    let in_campaign =
        |name: &str| campaign.is_none_or(|c| c.trim().eq_ignore_ascii_case(name.trim()));
    let brief_end = workspace
        .programme
        .briefs
        .briefs
        .iter()
        .filter(|b| campaign.is_some() && in_campaign(&b.name))
        .filter_map(|b| b.posting_window.as_ref().map(|w| w.end));
    let result_end = workspace
        .results
        .iter()
        .filter(|r| r.handle.eq_ignore_ascii_case(&owner.handle) && in_campaign(&r.campaign))
        .filter_map(|r| r.date);
    brief_end.chain(result_end).max()
}

fn late_flag(
    owner: &CodeOwner,
    orders: &[&ShopOrder],
    workspace: &Workspace,
    settings: &LeakSettings,
) -> Option<LeakFlag> {
    let end = window_end(owner, workspace)?;
    // No order can come after the calendar's last day.
    let cutoff = add_days(end, settings.grace_days.max(0))?;
    let late: Vec<NaiveDate> = orders
        .iter()
        .map(|o| o.date)
        .filter(|d| *d > cutoff)
        .collect();
    let order_ids = orders
        .iter()
        .filter(|o| o.date > cutoff)
        .map(|o| o.order_id.clone())
        .collect();
    let count = late.len() as u64;
    if count < settings.min_late_orders {
        return None;
    }
    let first = late.iter().min()?;
    let last = late.iter().max()?;
    Some(LeakFlag {
        code: owner.code.clone(),
        handle: owner.handle.clone(),
        kind: LeakKind::LongAfterWindow,
        orders: count,
        order_ids,
        evidence: format!(
            "{count} orders from {} to {}, {} days or more after the posting window ended on {} (grace {} days).",
            microplan_model::format::date(*first),
            microplan_model::format::date(*last),
            (*first - end).num_days(),
            microplan_model::format::date(end),
            settings.grace_days.max(0)
        ),
    })
}

/// The shop order numbers (uppercase) that any flag is about: the orders attribution sets
/// apart from every count.
pub fn leaked_order_ids(flags: &[LeakFlag]) -> BTreeSet<String> {
    flags
        .iter()
        .flat_map(|f| f.order_ids.iter().map(|id| id.trim().to_uppercase()))
        .collect()
}

/// Every flag of every creator code, code by code in code-owner order.
pub fn detect_leaks(workspace: &Workspace) -> Vec<LeakFlag> {
    let settings = &workspace.attribution.leak_settings;
    let owners = code_owners(
        &workspace.programme.tracking,
        &workspace.attribution.creator_codes,
    );
    let mut flags = Vec::new();
    for owner in &owners {
        let orders: Vec<&ShopOrder> = workspace
            .attribution
            .shop_orders
            .iter()
            .filter(|o| !o.cancelled && o.has_code(&owner.code))
            .collect();
        if orders.is_empty() {
            continue;
        }
        flags.extend(spike_flag(owner, &orders, workspace, settings));
        flags.extend(outside_flag(owner, &orders, workspace, settings));
        flags.extend(late_flag(owner, &orders, workspace, settings));
    }
    flags
}
