//! Attribution card: codes, tagged links and survey answers per creator side by side, the
//! result as a range with the de-duplication rules beside it, possible code leaks with
//! their evidence, and the imports that feed them.

use leptos::prelude::*;

use crate::widgets::data_table::{Column, DataTable};

use crate::app::files::download_workspace_csv;
use crate::app::state::app_state;
use microplan_model::format::{group_thousands as count, plural};
use microplan_workspace::attribution::reconcile::{
    reconcile, CreatorAttribution, Reconciliation, DEDUP_RULES,
};

fn amount(value: f64, currency: &Option<String>) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    microplan_model::format::money(value, currency.as_deref().unwrap_or(""))
}

fn other_currency_text(row: &CreatorAttribution) -> String {
    row.other_currency
        .iter()
        .map(|(c, n, r)| {
            format!(
                "+ {} in {c} ({}, not converted)",
                plural(*n, "order", "orders"),
                microplan_model::format::money(*r, c)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn code_cell(row: &CreatorAttribution, currency: &Option<String>) -> String {
    let mut text = format!(
        "{}, {}",
        plural(row.code_orders, "order", "orders"),
        amount(row.code_revenue, currency)
    );
    let mut extra = Vec::new();
    if row.cancelled > 0 {
        extra.push(format!("{} cancelled left out", count(row.cancelled)));
    }
    if row.refunded > 0 {
        extra.push(format!("{} refunded, counted", count(row.refunded)));
    }
    if row.shared > 0 {
        extra.push(format!("{} shared with another code", count(row.shared)));
    }
    if row.leaked_orders > 0 {
        extra.push(format!(
            "{} flagged as leaked, set apart",
            count(row.leaked_orders)
        ));
    }
    let others = other_currency_text(row);
    if !others.is_empty() {
        extra.push(others);
    }
    if !extra.is_empty() {
        text.push_str(&format!(" ({})", extra.join("; ")));
    }
    text
}

fn link_cell(row: &CreatorAttribution, currency: &Option<String>) -> String {
    if row.sessions == 0 && row.link_conversions.is_none() {
        return "no visits".into();
    }
    match row.link_conversions {
        Some(c) => format!(
            "{}, {}, {}",
            plural(row.sessions, "visit", "visits"),
            plural(c, "conversion", "conversions"),
            row.link_revenue
                .map(|r| amount(r, currency))
                .unwrap_or_else(|| "no revenue".into())
        ),
        None => format!(
            "{}, conversions not in the export",
            plural(row.sessions, "visit", "visits")
        ),
    }
}

/// One row of the side-by-side table; the totals row is marked as such.
fn row_view(row: CreatorAttribution, currency: Option<String>, is_total: bool) -> impl IntoView {
    let who = if is_total {
        "All creators".to_string()
    } else {
        format!("@{}", row.handle)
    };
    let codes = if row.codes.is_empty() {
        String::new()
    } else {
        format!("codes: {}", row.codes.join(", "))
    };
    let notes = row
        .notes
        .iter()
        .filter(|n| !n.contains("no conversions"))
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let orders = format!("{} – {}", count(row.orders_low), count(row.orders_high));
    let revenue = format!(
        "{} – {}",
        amount(row.revenue_low, &currency),
        amount(row.revenue_high, &currency)
    );
    view! {
        <tr class:total-row=is_total>
            <th scope="row">{who}<span class="cell-note">{codes}</span></th>
            <td class="numeric">{code_cell(&row, &currency)}</td>
            <td class="numeric">{link_cell(&row, &currency)}<span class="cell-note">{notes}</span></td>
            <td class="numeric">{count(row.survey_mentions)}</td>
            <td class="numeric"><strong>{orders}</strong></td>
            <td class="numeric">{revenue}</td>
        </tr>
    }
}

fn summary_lines(r: &Reconciliation) -> Vec<String> {
    let mut lines = Vec::new();
    if r.total.leaked_orders > 0 {
        lines.push(format!(
            "{} through {} ({}) that a leak flag below is about {} set apart: in no code count, range, \
             report figure or budget share.",
            plural(r.total.leaked_orders, "order", "orders"),
            r.leaked_codes.join(", "),
            amount(r.total.leaked_revenue, &r.currency),
            if r.total.leaked_orders == 1 { "is" } else { "are" }
        ));
    }
    if r.other_code_orders > 0 {
        lines.push(format!(
            "{} used codes that belong to no creator ({}); they are not attributed.",
            plural(r.other_code_orders, "order", "orders"),
            r.other_codes.join(", ")
        ));
    }
    if r.orders_without_code > 0 {
        lines.push(format!(
            "{} used no code.",
            plural(r.orders_without_code, "order", "orders")
        ));
    }
    if r.unmatched_sessions > 0 {
        lines.push(format!(
            "{} had a link tag (utm_content) that matches no creator.",
            plural(r.unmatched_sessions, "visit", "visits")
        ));
    }
    if r.survey_answers > 0 {
        lines.push(format!(
            "{}: {} name no creator. Mentions are a cross-check, not added to the range.",
            plural(r.survey_answers, "survey answer", "survey answers"),
            count(r.survey_unmatched)
        ));
    }
    lines
}

fn export_reconciliation(reconciliation: &Reconciliation) {
    download_workspace_csv(
        app_state(),
        "attribution",
        &microplan_workspace::io::attribution_export::reconciliation_csv(reconciliation),
    );
}

#[component]
pub fn AttributionPanel() -> impl IntoView {
    let state = app_state();
    let reconciliation = Memo::new(move |_| state.workspace.with(|w| w.as_ref().map(reconcile)));
    let table = move || {
        let Some(r) = reconciliation.get() else {
            return view! { <p class="empty">"Open a workspace first."</p> }.into_any();
        };
        if r.creators.is_empty() {
            return view! {
                <p class="empty" data-testid="attribution-empty">
                    "No creator codes or tagged links yet. Give creators codes in Programme > Tracking (or list codes made \
                     elsewhere in the Creator codes table below), then import the shop's orders and the link visits."
                </p>
            }
            .into_any();
        }
        let currency = r.currency.clone();
        let mut lines = summary_lines(&r);
        let total = r.total.clone();
        let export = r.clone();
        let (active, quiet): (Vec<_>, Vec<_>) =
            r.creators.into_iter().partition(|row| row.has_activity());
        if !quiet.is_empty() {
            let names: Vec<String> = quiet.iter().map(|row| format!("@{}", row.handle)).collect();
            let codes: Vec<String> = quiet.iter().flat_map(|row| row.codes.clone()).collect();
            lines.insert(
                0,
                format!(
                    "No orders, visits or mentions yet for {} (codes {}).",
                    names.join(", "),
                    codes.join(", ")
                ),
            );
        }
        view! {
            <p class="hint">
                {format!(
                    "Orders and revenue per creator by source, revenue in {}. Each range runs from full overlap of \
                     code orders and link conversions (low) to none (high); survey mentions are a cross-check.",
                    currency.clone().unwrap_or_else(|| "no currency yet".into())
                )}
            </p>
            <DataTable caption="Attribution per creator" caption_id="attribution-table-caption" testid="attribution-table" columns=vec![
                Column::text("Creator and codes"),
                Column::number("Code orders (subtotal)"),
                Column::number("Tagged links (GA4)"),
                Column::number("Survey mentions"),
                Column::number("Orders: low – high"),
                Column::number("Revenue: low – high"),
            ]>
                        {active.into_iter().map(|row| row_view(row, currency.clone(), false)).collect_view()}
                        {row_view(total, currency.clone(), true)}
            </DataTable>
            <ul class="hint">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            <div class="actions">
                <button on:click=move |_| export_reconciliation(&export)>"Export attribution CSV"</button>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="card attribution" aria-labelledby="attribution-heading">
            <h2 id="attribution-heading">"Attribution: codes, links and survey side by side"</h2>
            <p class="hint">
                "Each source alone misses purchases and counts some twice, so none of them is the answer. The \
                 table puts them side by side per creator and gives a range: the low end assumes the sources \
                 found the same purchases, the high end that they found different ones."
            </p>
            <super::attribution_import::ShopOrdersImport />
            <p class="hint">
                "Link visits (GA4: Session manual ad content, Session campaign, Sessions, Key events, Purchase \
                 revenue, Date), survey answers and codes made elsewhere import in their tables in the "
                <a href="#/results/data">"Sentiment and data"</a>" view."
            </p>
            <div class="attribution-layout">
                <div class="attribution-main">{table}</div>
                <aside class="attribution-rules" aria-labelledby="dedup-heading">
                    <h3 id="dedup-heading">"How sources are de-duplicated"</h3>
                    <ol>{DEDUP_RULES.iter().map(|rule| view! { <li>{*rule}</li> }).collect_view()}</ol>
                </aside>
            </div>
            <super::attribution_leaks::LeakList />
        </section>
    }
}
