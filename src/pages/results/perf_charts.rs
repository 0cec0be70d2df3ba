//! Charts of the Performance card: cost per order by creator with its Poisson interval, and
//! the funnel from reach to link clicks to orders.

use leptos::prelude::*;

use crate::app::state::app_state;
use crate::widgets::charts::{AxisFormat, Bar, BarChart};
use microplan_plan::results::display::{money, percent, thousands};
use microplan_plan::results::{funnel, MetricContext, MetricKey};
use microplan_workspace::results::grouping::Grouping;
use microplan_workspace::results::table::{performance_table, PerformanceRow};

/// Cost per order per creator with its 95% interval.
#[component]
pub fn CostPerOrderChart() -> impl IntoView {
    let state = app_state();
    move || {
        let (creator_rows, currency) = state.workspace.with(|w| {
            w.as_ref().map(|w| {
                (
                    performance_table(w, Grouping::Creator, &[MetricKey::Cpa]),
                    MetricContext::from_tables(&w.creators, &w.results).currency,
                )
            })
        })?;
        Some(cost_per_order_view(&creator_rows, &currency))
    }
}

/// A creator with a cost per order and its interval, when there is one.
type CostPerOrder = (String, f64, Option<(f64, f64)>);

fn cost_per_order_view(creator_rows: &[PerformanceRow], currency: &str) -> AnyView {
    let with_value: Vec<CostPerOrder> = creator_rows
        .iter()
        .filter(|r| !r.is_total)
        .filter_map(|r| {
            r.value(MetricKey::Cpa)
                .and_then(|v| v.value.map(|x| (r.group.clone(), x, v.interval)))
        })
        .collect();
    let left_out = creator_rows
        .iter()
        .filter(|r| !r.is_total)
        .count()
        .saturating_sub(with_value.len());
    if with_value.is_empty() {
        return view! { <p class="empty">"No creator has both cost and orders yet, so there is no cost per order to chart."</p> }.into_any();
    }
    let best = with_value.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    let worst = with_value.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let describe = |item: Option<&CostPerOrder>| {
        item.map(|(name, value, interval)| {
            let range = interval
                .map(|(l, h)| format!(" (95% {} to {})", money(l, currency), money(h, currency)))
                .unwrap_or_default();
            format!("{name} {}{range}", money(*value, currency))
        })
        .unwrap_or_default()
    };
    let mut summary = format!(
        "Lowest (highlighted): {}. Highest: {}.",
        describe(best),
        describe(worst)
    );
    if left_out > 0 {
        summary.push_str(&format!(
            " {} without both cost and orders are not shown.",
            microplan_model::format::plural(left_out as u64, "creator", "creators")
        ));
    }
    summary.push_str(" Whiskers: 95% interval from the exact Poisson interval of the order count; few orders give a wide interval.");
    let best_name = best.map(|b| b.0.clone());
    let bars = with_value
        .iter()
        .map(|(name, value, interval)| {
            Bar::new(name.clone(), *value)
                .with_interval(*interval)
                .highlighted(Some(name) == best_name.as_ref())
        })
        .collect();
    view! {
        <BarChart
            title="Cost per order by creator"
            summary=summary
            x_label="Creator"
            y_label=format!("Cost per order ({currency})")
            y_format=AxisFormat::Number
            bars=bars
        />
    }
    .into_any()
}

/// Reach, link clicks and orders over the rows reporting all three.
#[component]
pub fn FunnelChart() -> impl IntoView {
    let state = app_state();
    move || {
        let f = state.workspace.with(|w| {
            w.as_ref()
                .map(|w| funnel(&w.results.iter().collect::<Vec<_>>()))
        })?;
        if f.rows_used == 0 {
            return Some(view! { <p class="empty">"No row reports reach, link clicks and orders together, so there is no funnel yet."</p> }.into_any());
        }
        let steps: Vec<String> = f
            .steps
            .iter()
            .map(|s| match s.conversion {
                Some(c) => format!(
                    "{} {} ({} of the step before)",
                    s.label,
                    thousands(s.count as f64),
                    percent(c)
                ),
                None => format!("{} {}", s.label, thousands(s.count as f64)),
            })
            .collect();
        let summary = format!(
            "{}. Over the {} of {} rows that report all three.",
            steps.join(" → "),
            f.rows_used,
            f.rows_total
        );
        let bars = f
            .steps
            .iter()
            .map(|s| Bar::new(s.label, s.count as f64))
            .collect();
        Some(
            view! {
                <BarChart
                    title="Funnel: reach to link clicks to orders"
                    summary=summary
                    x_label="Step"
                    y_label="People or actions"
                    y_format=AxisFormat::Integer
                    bars=bars
                />
            }
            .into_any(),
        )
    }
}
