//! The Performance card: metrics per creator, community, campaign or format in a sortable
//! table, each cell with its interval and the rows it rests on, the formulas, a CSV
//! download, and the charts of cost per order and the funnel.

use leptos::prelude::*;

use super::perf_charts::{CostPerOrderChart, FunnelChart};
use crate::app::files::download_workspace_csv;
use crate::app::state::app_state;
use microplan_csv::csv_record::csv_record;
use microplan_plan::results::display::{column_label, explanation, format_metric, rows_hint};
use microplan_plan::results::{MetricContext, MetricKey, MetricValue};
use microplan_workspace::results::grouping::Grouping;
use microplan_workspace::results::table::performance_csv_rows;
use microplan_workspace::results::table::{performance_table, sort_performance, PerformanceRow};

/// The table's columns, in reading order.
pub const TABLE_KEYS: [MetricKey; 15] = [
    MetricKey::ErReach,
    MetricKey::ErFollowers,
    MetricKey::Ctr,
    MetricKey::Cpm,
    MetricKey::Cpe,
    MetricKey::Cpc,
    MetricKey::Cpa,
    MetricKey::Roas,
    MetricKey::Roi,
    MetricKey::ShareRate,
    MetricKey::SaveRate,
    MetricKey::CommentToView,
    MetricKey::Orders,
    MetricKey::Revenue,
    MetricKey::Cost,
];

/// The same columns on screen: what an order costs and returns first, so they are in view
/// without scrolling; the CSV keeps [`TABLE_KEYS`]' order.
const SCREEN_KEYS: [MetricKey; 15] = [
    MetricKey::Cpa,
    MetricKey::Roas,
    MetricKey::Roi,
    MetricKey::Orders,
    MetricKey::Revenue,
    MetricKey::Cost,
    MetricKey::Ctr,
    MetricKey::Cpc,
    MetricKey::Cpm,
    MetricKey::Cpe,
    MetricKey::ErReach,
    MetricKey::ErFollowers,
    MetricKey::ShareRate,
    MetricKey::SaveRate,
    MetricKey::CommentToView,
];

/// Which column sorts the table: `None` = the group name.
type SortBy = (Option<MetricKey>, bool);

#[component]
pub fn PerformancePanel() -> impl IntoView {
    let state = app_state();
    let grouping = RwSignal::new(Grouping::Creator);
    let sort = RwSignal::new((None, false) as SortBy);
    let table = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref().map(|w| {
                let mut rows = performance_table(w, grouping.get(), &SCREEN_KEYS);
                let (key, descending) = sort.get();
                sort_performance(&mut rows, key, descending);
                (
                    rows,
                    MetricContext::from_tables(&w.creators, &w.results).currency,
                )
            })
        })
    });
    let has_rows = move || {
        state
            .workspace
            .with(|w| w.as_ref().is_some_and(|w| !w.results.is_empty()))
    };
    let download = move |_| {
        let Some((rows, currency)) = table.get_untracked() else {
            return;
        };
        let mut text = String::new();
        for cells in performance_csv_rows(&rows, &TABLE_KEYS, &currency) {
            text.push_str(&csv_record(&cells));
        }
        let what = format!("performance-by-{}", grouping.get_untracked().key());
        download_workspace_csv(state, &what, &text);
    };
    let currency = move || table.with(|t| t.as_ref().map(|t| t.1.clone()).unwrap_or_default());
    let header = move |key: Option<MetricKey>| {
        let aria = move || match sort.get() {
            (k, true) if k == key => "descending",
            (k, false) if k == key => "ascending",
            _ => "none",
        };
        let label = move || match key {
            None => grouping.get().label().to_string(),
            Some(k) => column_label(k, &currency()),
        };
        let title = key.map(|k| k.formula());
        view! {
            <th scope="col" class:numeric=key.is_some() aria-sort=aria title=title>
                <button class="sort" on:click=move |_| sort.update(|(k, d)| {
                    if *k == key { *d = !*d } else { *k = key; *d = key.is_some_and(|k| k.higher_is_better()) }
                })>
                    {label}
                    <span aria-hidden="true">{move || match aria() { "descending" => " ▼", "ascending" => " ▲", _ => "" }}</span>
                </button>
            </th>
        }
    };
    view! {
        <section class="card results-performance" aria-labelledby="performance-heading">
            <div class="table-head">
                <h2 id="performance-heading">"Performance"</h2>
                <span class="field">
                    <label for="performance-grouping">"Group by"</label>
                    <select id="performance-grouping" prop:value=move || grouping.get().key()
                        on:change=move |ev| if let Some(g) = Grouping::parse(&event_target_value(&ev)) { grouping.set(g) }>
                        {Grouping::ALL.into_iter().map(|g| view! { <option value=g.key()>{g.label()}</option> }).collect_view()}
                    </select>
                </span>
                <div class="actions">
                    <button on:click=download disabled=move || !has_rows()>"Download CSV"</button>
                </div>
            </div>
            <p class="hint">
                "Each ratio uses only the rows that report both of its parts; missing is missing, not zero. \
                 "
                <span class="on-hover">"Hover or focus a cell for its 95% interval, the rows it rests on and its formula."</span>
                <span class="on-touch">"Tap or focus a cell for its 95% interval, the rows it rests on and its formula."</span>
                " Click a column heading to sort."
            </p>
            {move || (grouping.get() == Grouping::Community).then(|| view! {
                <p class="hint">"A creator in two communities counts in both; the All row counts every result once."</p>
            })}
            {move || (grouping.get() == Grouping::Format).then(|| view! {
                <p class="hint">"The format is the first format word (reel, story, post, carousel, video, short, live ...) in the row's format column, else in the deliverable's name; a row without one is “other”."</p>
            })}
            <FormulaList currency=Signal::derive(currency) />
            <Show when=has_rows fallback=|| view! {
                <p class="empty">"No results yet. Import a results CSV in the Sentiment and data view, or load the demo workspace."</p>
            }>
                <div class="table-scroll">
                    <table class="performance" data-testid="performance-table">
                        <thead>
                            <tr>
                                {header(None)}
                                <th scope="col" class="numeric">"Rows"</th>
                                {SCREEN_KEYS.into_iter().map(|k| header(Some(k))).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {move || table.get().map(|(rows, currency)| rows.into_iter().map(|row| view! {
                                <PerformanceLine row=row currency=currency.clone() />
                            }).collect_view())}
                        </tbody>
                    </table>
                </div>
                <div class="results-charts">
                    <CostPerOrderChart />
                    <FunnelChart />
                </div>
            </Show>
        </section>
    }
}

#[component]
fn PerformanceLine(row: PerformanceRow, currency: String) -> impl IntoView {
    let heading = if row.is_total {
        "All results".to_string()
    } else {
        row.group.clone()
    };
    view! {
        <tr class:total=row.is_total>
            <th scope="row">{heading}</th>
            <td class="numeric">{microplan_model::format::group_thousands(row.rows as u64)}</td>
            {row.values.into_iter().map(|(key, value)| view! { <MetricCell key=key value=value currency=currency.clone() /> }).collect_view()}
        </tr>
    }
}

/// A value with its interval and, when rows were left out, how many it rests on.
#[component]
fn MetricCell(key: MetricKey, value: MetricValue, currency: String) -> impl IntoView {
    let title = explanation(key, &value, &currency);
    let interval = value.interval.map(|(low, high)| {
        format!(
            "{} – {}",
            format_metric(key, low, &currency),
            format_metric(key, high, &currency)
        )
    });
    let text = value.value.map_or_else(
        || "not enough data".to_string(),
        |v| format_metric(key, v, &currency),
    );
    let detail = match (&value.value, rows_hint(&value)) {
        (None, _) => value.note.clone(),
        (Some(_), hint) => hint,
    };
    view! {
        <td class="numeric metric-cell" class:missing=value.value.is_none() title=title tabindex="-1">
            <span class="metric-value">{text}</span>
            {interval.map(|text| view! { <span class="metric-ci"><span class="visually-hidden">"95% interval "</span>{text}</span> })}
            {detail.map(|text| view! { <span class="metric-rows">{text}</span> })}
        </td>
    }
}

/// Every formula, so a number can be reproduced by hand.
#[component]
fn FormulaList(currency: Signal<String>) -> impl IntoView {
    view! {
        <details class="explain">
            <summary>"How these are computed"</summary>
            <p class="hint">
                {move || format!("Money is in {}, the most common currency of the results' cost and revenue. \
                    Rows in another currency are left out of money metrics, never converted. Intervals are 95%: \
                    Wilson for rates, the exact Poisson interval of the outcome count for cost per outcome.", currency.get())}
            </p>
            <dl>
                {MetricKey::ALL.into_iter().map(|k| view! { <dt>{k.label()}</dt><dd>{k.formula()}</dd> }).collect_view()}
            </dl>
        </details>
    }
}
