//! The edits the fuzz test makes, field by field.

use chrono::NaiveDate;

use microplan_model::money::Money;
use microplan_workspace::Workspace;

use super::Edit;

/// Changes the row `at` of `rows` (wrapped), if the table has any.
fn on<T>(rows: &mut [T], at: usize, change: impl FnOnce(&mut T)) {
    if let Some(r) = row(rows, at) {
        change(r);
    }
}

/// The row `at` of `rows` (wrapped), if the table has any.
fn row<T>(rows: &mut [T], at: usize) -> Option<&mut T> {
    let len = rows.len();
    if len == 0 {
        None
    } else {
        rows.get_mut(at % len)
    }
}

fn money(amount: f64) -> Option<Money> {
    Some(Money {
        amount,
        currency: "EUR".into(),
    })
}

pub fn apply(w: &mut Workspace, edit: &Edit) {
    match edit {
        Edit::Date(field, at, value) => set_date(w, *field % 17, *at, *value),
        Edit::Count(field, at, value) => set_count(w, *field % 24, *at, *value),
        Edit::Days(field, at, value) => set_days(w, *field % 10, *at, *value),
        Edit::SignedDays(field, value) => {
            let leaks = &mut w.attribution.leak_settings;
            if field % 2 == 0 {
                leaks.grace_days = *value
            } else {
                leaks.quiet_days = *value
            }
        }
        Edit::Number(field, at, value) => set_number(w, *field % 20, *at, *value),
        Edit::Text(field, at, value) => set_text(w, *field % 12, *at, value.clone()),
        Edit::Empty(table) => resize(w, *table % 12, 0),
        Edit::Grow(table, to) => resize(w, *table % 12, *to),
    }
}

fn set_date(w: &mut Workspace, field: u8, at: usize, d: NaiveDate) {
    fn contract(w: &mut Workspace, at: usize) -> Option<&mut microplan_plan::contract::Schedule> {
        row(&mut w.contracts, at).map(|c| &mut c.choices.schedule)
    }
    match field {
        0 => on(&mut w.posts, at, |r| r.date = d),
        1 => on(&mut w.follower_history, at, |r| r.date = d),
        2 => on(&mut w.results, at, |r| r.date = Some(d)),
        3 => on(&mut w.creators, at, |r| r.account_created = Some(d)),
        4 => {
            if let Some(s) = contract(w, at) {
                s.term_start = d
            }
        }
        5 => {
            if let Some(s) = contract(w, at) {
                s.term_end = d
            }
        }
        6 => {
            if let Some(s) = contract(w, at) {
                s.posting_start = d
            }
        }
        7 => {
            if let Some(s) = contract(w, at) {
                s.posting_end = d
            }
        }
        8 => on(&mut w.contracts, at, |r| r.saved_on = d),
        9 => on(&mut w.activation_plans, at, |r| r.window_start = d),
        10 => on(&mut w.activation_plans, at, |r| r.window_end = d),
        11 => on(&mut w.gifting_history, at, |r| r.shipped_on = Some(d)),
        12 => on(&mut w.gifting_history, at, |r| r.posted_on = Some(d)),
        13 => on(&mut w.test_days, at, |r| r.date = d),
        14 => on(&mut w.test_plans, at, |r| r.launch_date = Some(d)),
        15 => on(&mut w.programme.briefs.briefs, at, |b| {
            let end = b.posting_window.map_or(d, |p| p.end);
            b.posting_window = Some(microplan_plan::brief::PostingWindow { start: d, end })
        }),
        _ => {
            if let Some(r) = row(&mut w.attribution.shop_orders, at) {
                r.date = d
            }
            if let Some(r) = row(&mut w.attribution.link_clicks, at) {
                r.date = d
            }
        }
    }
}

fn set_count(w: &mut Workspace, field: u8, at: usize, n: u64) {
    match field {
        0 => on(&mut w.creators, at, |r| r.followers = n),
        1 => on(&mut w.creators, at, |r| r.following = Some(n)),
        2 => on(&mut w.posts, at, |r| r.likes = n),
        3 => on(&mut w.posts, at, |r| r.comments = n),
        4 => on(&mut w.posts, at, |r| {
            r.views = Some(n);
            r.reach = Some(n)
        }),
        5 => on(&mut w.follower_history, at, |r| r.followers = n),
        6 => on(&mut w.comment_summaries, at, |r| {
            r.total = n;
            r.distinct_commenters = n
        }),
        7 => on(&mut w.results, at, |r| {
            r.reach = Some(n);
            r.impressions = Some(n)
        }),
        8 => on(&mut w.results, at, |r| {
            r.likes = Some(n);
            r.comments = Some(n);
            r.shares = Some(n);
            r.saves = Some(n)
        }),
        9 => on(&mut w.results, at, |r| r.code_redemptions = Some(n)),
        10 => on(&mut w.results, at, |r| {
            r.orders = Some(n);
            r.link_clicks = Some(n)
        }),
        11 => on(&mut w.results, at, |r| r.views = Some(n)),
        12 => on(&mut w.test_arms, at, |r| r.units = n),
        13 => on(&mut w.test_arms, at, |r| r.conversions = n),
        14 => on(&mut w.test_days, at, |r| r.units = n),
        15 => on(&mut w.test_days, at, |r| r.conversions = n),
        16 => on(&mut w.sentiment, at, |r| {
            r.positive = n;
            r.negative = n
        }),
        17 => on(&mut w.attribution.link_clicks, at, |r| {
            r.sessions = n;
            r.conversions = Some(n)
        }),
        18 => on(&mut w.attribution.shop_orders, at, |r| {
            r.quantity = n;
            r.line_items = n
        }),
        19 => on(&mut w.activation_plans, at, |r| r.target_posts = n),
        20 => on(&mut w.activation_plans, at, |r| {
            r.gifted_creators = n;
            r.paid_creators = n
        }),
        21 => on(&mut w.test_plans, at, |r| r.planned_total = n),
        22 => {
            let s = &mut w.attribution.leak_settings;
            s.min_spike_orders = n;
            s.min_late_orders = n;
        }
        _ => {
            if let Some(r) = w
                .programme
                .objectives
                .as_mut()
                .and_then(|o| row(&mut o.signals, at))
            {
                r.numerator = Some(n)
            }
        }
    }
}

fn set_days(w: &mut Workspace, field: u8, at: usize, n: u32) {
    if field >= 8 {
        if let Some(r) = row(&mut w.activation_plans, at) {
            r.arrival_lead_days = n;
            if let Some(s) = row(&mut r.shipping_days, at) {
                s.days = n
            }
        }
        return;
    }
    let Some(c) = row(&mut w.contracts, at).map(|d| &mut d.choices) else {
        return;
    };
    match field {
        0 => c.schedule.live_days = n,
        1 => {
            c.exclusivity.days_after = n;
            c.exclusivity.kind = microplan_plan::contract::ExclusivityKind::Exclusive
        }
        2 => {
            c.exclusivity.days_before = n;
            c.exclusivity.kind = microplan_plan::contract::ExclusivityKind::FirstRefusal
        }
        3 => c.compensation.attribution_days = n,
        4 => c.compensation.payment_days = n,
        5 => {
            c.creative.revision_days = n;
            c.creative.revision_rounds = n
        }
        6 => on(&mut c.licence.grants, at, |g| g.months = n),
        _ => c.reporting.due_days = n,
    }
}

fn set_number(w: &mut Workspace, field: u8, at: usize, x: f64) {
    match field {
        0 => on(&mut w.creators, at, |r| r.fee = money(x)),
        1 => on(&mut w.results, at, |r| r.revenue = money(x)),
        2 => on(&mut w.results, at, |r| {
            r.cost = money(x);
            r.fee = money(x)
        }),
        3 => on(&mut w.comment_summaries, at, |r| {
            r.generic_share = x;
            r.duplicate_share = x
        }),
        4 => on(&mut w.test_arms, at, |r| r.revenue = money(x)),
        5 => on(&mut w.test_plans, at, |r| r.min_lift = x),
        6 => on(&mut w.test_plans, at, |r| r.alpha = x),
        7 => on(&mut w.activation_plans, at, |r| {
            r.posting_rate = x;
            r.confidence = x
        }),
        8 => on(&mut w.programme.tracking.links, at, |r| {
            r.discount = Some(x)
        }),
        9 => on(&mut w.attribution.shop_orders, at, |r| {
            r.total = money(x);
            r.subtotal = money(x)
        }),
        10 => w.results_plan.next_budget = money(x),
        11 => w.results_plan.min_share = x,
        12 => w.results_plan.max_share = x,
        13 => on(&mut w.emv_settings.rates, at, |r| {
            r.low = x;
            r.high = x
        }),
        14 => on(&mut w.contracts, at, |c| {
            c.choices.compensation.fee = Some(x)
        }),
        15 => on(&mut w.contracts, at, |c| {
            c.choices.compensation.kill_fee.after_draft = x;
            c.choices.compensation.commission_rate = Some(x)
        }),
        16 => w.attribution.leak_settings.spike_k = x,
        17 => w.attribution.leak_settings.outside_share = x,
        18 => {
            if let Some(m) = w
                .programme
                .objectives
                .as_mut()
                .and_then(|o| row(&mut o.supporting, at))
            {
                m.baseline = Some(x)
            }
        }
        _ => on(&mut w.activation_plans, at, |r| {
            r.product_cost = money(x);
            r.paid_fee = money(x)
        }),
    }
}

fn set_text(w: &mut Workspace, field: u8, at: usize, t: String) {
    match field {
        0 => w.name = t,
        1 => on(&mut w.creators, at, |r| r.handle = t),
        2 => on(&mut w.posts, at, |r| r.handle = t),
        3 => on(&mut w.results, at, |r| r.handle = t),
        4 => on(&mut w.results, at, |r| r.campaign = t),
        5 => on(&mut w.test_arms, at, |r| r.test = t),
        6 => on(&mut w.contracts, at, |r| r.choices.creator.handle = t),
        7 => on(&mut w.activation_plans, at, |r| r.name = t),
        8 => on(&mut w.programme.tracking.links, at, |r| {
            r.promo_code = Some(t)
        }),
        9 => on(&mut w.attribution.shop_orders, at, |r| r.codes = vec![t]),
        10 => on(&mut w.creators, at, |r| r.categories = vec![t]),
        _ => on(&mut w.gifting_history, at, |r| r.handle = t),
    }
}

fn grow<T: Clone>(rows: &mut Vec<T>, to: usize) {
    if to == 0 {
        rows.clear();
    } else if !rows.is_empty() {
        let original = rows.clone();
        while rows.len() < to {
            let next = original[rows.len() % original.len()].clone();
            rows.push(next);
        }
    }
}

fn resize(w: &mut Workspace, table: u8, to: usize) {
    match table {
        0 => grow(&mut w.creators, to),
        1 => grow(&mut w.posts, to),
        2 => grow(&mut w.follower_history, to),
        3 => grow(&mut w.results, to),
        4 => grow(&mut w.test_arms, to),
        5 => grow(&mut w.test_days, to),
        6 => grow(&mut w.contracts, to),
        7 => grow(&mut w.activation_plans, to),
        8 => grow(&mut w.gifting_history, to),
        9 => grow(&mut w.attribution.shop_orders, to),
        10 => grow(&mut w.programme.tracking.links, to),
        _ => grow(&mut w.comment_summaries, to),
    }
}
