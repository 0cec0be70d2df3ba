//! Each Results view opens with its one conclusion: a sentence with the key figure, built
//! from the same [`Decisions`] every card reads.

use super::bundle::Decisions;
use super::format::{money_text, show_value, ValueKind};
use crate::Workspace;
use microplan_model::format::{group_thousands, percent, plural};

fn orders_at_cost(decisions: &Decisions) -> Option<String> {
    let f = &decisions.figures;
    let orders = f.orders_count()?;
    let cost = f.cost.value.map(|c| money_text(c, &f.currency));
    let each = f
        .cpa
        .value
        .map(|c| show_value(c, ValueKind::Money, &f.currency));
    Some(match (each, cost) {
        (Some(each), Some(cost)) => format!(
            "{} at {each} each for {cost}",
            plural(orders, "order", "orders")
        ),
        _ => plural(orders, "order", "orders"),
    })
}

/// "102 orders at €30.37 each for €3,098: Attributed orders is on track (…)."
pub fn overview_conclusion(decisions: &Decisions) -> String {
    let Some(orders) = orders_at_cost(decisions) else {
        return "No orders in the results yet: import the campaign results in the Data view."
            .to_string();
    };
    let primary = decisions
        .status
        .as_ref()
        .ok()
        .and_then(|s| s.metrics.first());
    let judged = match primary {
        Some(m) => format!(
            "{orders}: {} is {}.",
            m.name,
            m.verdict.label.to_lowercase()
        ),
        None => format!("{orders}; set the programme's objective to judge them."),
    };
    match decisions.figures.leaked_orders() {
        0 => judged,
        n => format!(
            "{judged} {} through a leaked code {} set apart.",
            plural(n, "order", "orders"),
            if n == 1 { "is" } else { "are" }
        ),
    }
}

/// "banneton_bea converts best: 35 orders for €746, 4.69 per €100; all creators: €30.37 per order."
pub fn performance_conclusion(decisions: &Decisions) -> String {
    let best = decisions
        .creators
        .rows
        .iter()
        .find(|r| r.per_hundred.is_some());
    let all = decisions.figures.cpa.value.map(|c| {
        format!(
            "; the programme as a whole {} per order",
            show_value(c, ValueKind::Money, &decisions.figures.currency)
        )
    });
    match best {
        Some(row) => format!(
            "{} does best: {}{}.",
            row.group,
            row.explain(),
            all.unwrap_or_default()
        ),
        None => "No creator has both outcomes and a cost yet, so none can be ranked.".to_string(),
    }
}

/// "102 orders in the results table, within the exports' 64–102 (…); 14 orders … set apart."
pub fn attribution_conclusion(decisions: &Decisions) -> String {
    let f = &decisions.figures;
    let total = &f.attribution.total;
    let orders = f
        .orders_count()
        .map_or("No orders".to_string(), |n| plural(n, "order", "orders"));
    let range = format!(
        "{}–{} ({} by code, {} by tagged link)",
        group_thousands(total.orders_low),
        group_thousands(total.orders_high),
        group_thousands(total.code_orders),
        group_thousands(total.link_conversions.unwrap_or(0))
    );
    let first = match f.exports_agree() {
        None => format!(
            "{orders} in the results table; no shop orders or link visits reconcile them yet."
        ),
        Some(true) => format!("{orders} in the results table, within the exports' {range}."),
        Some(false) => format!(
            "{orders} in the results table, outside the exports' {range}: check the imports."
        ),
    };
    match f.leaked_orders() {
        0 => first,
        n => format!(
            "{first} {} through {}, flagged as leaked, {} set apart.",
            plural(n, "shop order", "shop orders"),
            f.attribution.leaked_codes.join(", "),
            if n == 1 { "is" } else { "are" }
        ),
    }
}

/// "Attributed orders: on track; the next €3,000 goes first to banneton_bea (27.7%)."
pub fn decisions_conclusion(decisions: &Decisions) -> String {
    let status = match &decisions.status {
        Ok(status) => status
            .metrics
            .first()
            .map_or("No programme metric yet".to_string(), |m| {
                format!("{}: {}", m.name, m.verdict.label.to_lowercase())
            }),
        Err(_) => "No programme objective yet".to_string(),
    };
    let top = decisions.proposal.as_ref().ok().and_then(|p| {
        p.allocations
            .iter()
            .filter(|a| !a.excluded)
            .max_by(|a, b| a.share.total_cmp(&b.share))
            .map(|a| {
                format!(
                    "; the next {} goes first to {} ({})",
                    money_text(p.budget.amount, &p.budget.currency),
                    a.group,
                    percent(a.share)
                )
            })
    });
    format!("{status}{}.", top.unwrap_or_default())
}

/// "The report counts 102 orders, €2,499 revenue and €3,098 cost: the figures of every view."
pub fn report_conclusion(decisions: &Decisions) -> String {
    let f = &decisions.figures;
    let money = |v: Option<f64>| v.map_or("—".to_string(), |v| money_text(v, &f.currency));
    format!(
        "The report counts {}, {} revenue and {} cost: the figures of every view.",
        f.orders_count()
            .map_or("no orders".to_string(), |n| plural(n, "order", "orders")),
        money(f.revenue.value),
        money(f.cost.value)
    )
}

/// "16 result rows, 236 shop orders, 112 link visit rows and 8 survey answers feed Results."
pub fn data_conclusion(workspace: &Workspace) -> String {
    let book = &workspace.attribution;
    format!(
        "{}, {}, {} and {} feed these views.",
        plural(workspace.results.len() as u64, "result row", "result rows"),
        plural(book.shop_orders.len() as u64, "shop order", "shop orders"),
        plural(
            book.link_clicks.len() as u64,
            "link visit row",
            "link visit rows"
        ),
        plural(
            book.survey_answers.len() as u64,
            "survey answer",
            "survey answers"
        )
    )
}
