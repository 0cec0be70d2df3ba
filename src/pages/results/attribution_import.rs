//! Shopify orders export import: line-item rows joined into orders by the io layer. Any
//! problem stops the import with its row, line, column and fix; stored orders are only
//! changed when the whole file reads cleanly.

use leptos::prelude::*;

use crate::widgets::data_table::{Column, DataTable};

use crate::app::files::read_file_bytes;
use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use microplan_csv::problem::CellError;
use microplan_plan::attribution::merge_orders;
use microplan_workspace::io::shop_orders::read_shop_orders;

/// Problems listed on screen; the rest are counted.
const PROBLEMS_SHOWN: usize = 50;

#[derive(Clone, PartialEq, Default)]
struct Outcome {
    message: Option<String>,
    problems: Vec<CellError>,
    notes: Vec<String>,
}

#[component]
pub fn ShopOrdersImport() -> impl IntoView {
    let state = app_state();
    let outcome = RwSignal::new(Outcome::default());
    let stored = move || {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.attribution.shop_orders.len())
                .unwrap_or(0)
        })
    };
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        state
            .busy
            .set(Some((format!("Reading {}…", file.name()), 0.2)));
        leptos::task::spawn_local(async move {
            let read = match read_file_bytes(&file).await {
                Ok(bytes) => {
                    state
                        .busy
                        .set(Some(("Joining line items into orders…".to_string(), 0.6)));
                    read_shop_orders(&bytes).map_err(String::from)
                }
                Err(e) => Err(e),
            };
            state.busy.set(None);
            match read {
                Err(message) => {
                    let message = format!("{message} Nothing was changed.");
                    let _ = outcome.try_set(Outcome {
                        message: Some(message),
                        ..Outcome::default()
                    });
                }
                Ok(import) if !import.errors.is_empty() => {
                    let message = format!(
                        "{} problem(s) in {}; nothing was imported and the stored orders are unchanged. Fix the rows below and import the file again.",
                        import.errors.len(),
                        file.name()
                    );
                    let _ = outcome.try_set(Outcome {
                        message: Some(message),
                        problems: import.errors,
                        notes: import.notes,
                    });
                }
                Ok(import) => {
                    let count = import.orders.len();
                    let mut summary = (0, 0);
                    update_workspace(state, |w| {
                        summary = merge_orders(&mut w.attribution.shop_orders, import.orders)
                    });
                    state.notify(format!(
                        "Imported {count} orders: {} added, {} updated.",
                        summary.0, summary.1
                    ));
                    let _ = outcome.try_set(Outcome {
                        message: None,
                        problems: Vec::new(),
                        notes: import.notes,
                    });
                }
            }
        });
    };
    let report = move || {
        let Outcome {
            message,
            problems,
            notes,
        } = outcome.get();
        let hidden = problems.len().saturating_sub(PROBLEMS_SHOWN);
        view! {
            {message.map(|m| view! { <p class="error-text" role="alert">{m}</p> })}
            {(!problems.is_empty()).then(|| view! {
                <DataTable label="Problems in the orders export" class="errors" testid="shop-order-errors" columns=vec![
                    Column::text("Row"),
                    Column::text("Line"),
                    Column::text("Column"),
                    Column::text("Value"),
                    Column::text("Problem"),
                    Column::text("Fix"),
                ]>
                            {problems.into_iter().take(PROBLEMS_SHOWN).map(|e| view! {
                                <tr>
                                    <td>{e.row}</td><td>{e.line}</td><td>{e.column}</td>
                                    <td><code>{e.value}</code></td><td>{e.problem}</td><td>{e.fix}</td>
                                </tr>
                            }).collect_view()}
                </DataTable>
            })}
            {(hidden > 0).then(|| view! { <p class="hint">{format!("…and {hidden} more problems not listed.")}</p> })}
            {(!notes.is_empty()).then(|| view! {
                <ul class="read-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            })}
        }
    };
    view! {
        <div class="attribution-import">
            <label for="shop-orders-file">"Shopify orders export (CSV)"</label>
            <input
                id="shop-orders-file"
                type="file"
                accept=".csv,text/csv"
                aria-describedby="shop-orders-help"
                disabled=move || state.workspace.with(Option::is_none)
                on:change=on_file
            />
            <p class="hint" id="shop-orders-help">
                {move || format!(
                    "Shopify: Orders > Export > All orders, CSV. Its rows are line items; they are joined into one \
                     order per order number, and orders with the same number replace stored ones. Only the order \
                     number, date, codes, amounts, shipping country, item counts and the cancelled and refunded \
                     flags are kept: customer emails, names and addresses are never read or stored. {} orders stored.",
                    stored()
                )}
            </p>
            {report}
        </div>
    }
}
