//! The earned media value card: a preset the user picks, rates they edit, the inputs and the
//! formula, and a low-high range that is labelled an estimate and kept apart from revenue.

use leptos::prelude::*;

use crate::widgets::data_table::{Column, DataTable};

use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use microplan_plan::results::display::{money, thousands};
use microplan_plan::results::{emv, EmvEstimate, EmvSettings, MetricContext, EMV_PRESETS};

#[component]
pub fn EmvPanel() -> impl IntoView {
    let state = app_state();
    let settings = Memo::new(move |_| {
        state
            .workspace
            .with(|w| w.as_ref().map(|w| w.emv_settings.clone()))
    });
    let estimate = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref().map(|w| {
                let context = MetricContext::from_tables(&w.creators, &w.results);
                (
                    emv(
                        &w.results.iter().collect::<Vec<_>>(),
                        &w.emv_settings,
                        &context,
                    ),
                    context.currency,
                )
            })
        })
    });
    let pick = move |name: String| {
        let currency = estimate
            .with_untracked(|e| e.as_ref().map(|e| e.1.clone()))
            .unwrap_or_default();
        match EmvSettings::preset_in(&name, &currency) {
            Some(preset) => {
                update_workspace(state, |w| w.emv_settings = preset.into());
                state.notify(format!("EMV rates set to the “{name}” preset."));
            }
            None => state.notify_error(format!("There is no EMV preset called “{name}”.")),
        }
    };
    view! {
        <section class="card results-emv" aria-labelledby="emv-heading">
            <h2 id="emv-heading">"Earned media value (estimate)"</h2>
            <p class="callout emv-warning">
                <strong>"EMV is not revenue and is not in ROI or ROAS. "</strong>
                "It estimates what the same attention would have cost as paid media, from rates you set: \
                 a way to compare posts, not money the brand received."
            </p>
            <div class="inline-form">
                <span class="field">
                    <label for="emv-preset">"Rate preset"</label>
                    <select id="emv-preset" prop:value=move || settings.with(|s| s.as_ref().map(|s| s.preset.clone()).unwrap_or_default())
                        on:change=move |ev| pick(event_target_value(&ev))>
                        {EMV_PRESETS.into_iter().map(|name| view! { <option value=name>{name}</option> }).collect_view()}
                    </select>
                </span>
                <span class="hint">{move || settings.with(|s| match s {
                    Some(s) if s.is_edited() => format!("Edited from “{}”. Pick the preset again to restore its figures.", s.preset),
                    Some(s) => format!("Figures of “{}” as shipped; every one is an assumption to replace with your own.", s.preset),
                    None => String::new(),
                })}</span>
            </div>
            <RateEditor />
            {move || estimate.get().map(|(e, _)| view! { <EmvResult estimate=e /> })}
        </section>
    }
}

/// One row per rate: low and high value per action, with the figure's source.
#[component]
fn RateEditor() -> impl IntoView {
    let state = app_state();
    let rates = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    (
                        w.emv_settings.rates.clone(),
                        w.emv_settings.currency.clone(),
                    )
                })
                .unwrap_or_default()
        })
    });
    let set = move |index: usize, high: bool, text: String| {
        let parsed = text
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0);
        let Some(amount) = parsed else {
            state.notify_error(format!(
                "“{text}” is not a value of zero or more: enter a number such as 0.05."
            ));
            return;
        };
        update_workspace(state, |w| {
            if let Some(rate) = w.emv_settings.rates.get_mut(index) {
                if high {
                    rate.high = amount
                } else {
                    rate.low = amount
                }
                rate.source = "edited".to_string();
            }
        });
    };
    view! {
        <div class="table-scroll">
            <table class="emv-rates">
                <caption class="visually-hidden">"EMV rates"</caption>
                <thead>
                    <tr><th scope="col">"Action"</th><th scope="col">"Low"</th><th scope="col">"High"</th></tr>
                </thead>
                <tbody>
                    // Keyed rows: editing a figure updates it in place, so focus stays put.
                    <For
                        each=move || rates.with(|(list, _)| list.iter().enumerate().map(|(i, r)| (i, r.action)).collect::<Vec<_>>())
                        key=|item| *item
                        let((i, action))
                    >
                        {
                            let key = format!("{action:?}").to_lowercase();
                            let (low_id, high_id) = (format!("emv-{key}-low"), format!("emv-{key}-high"));
                            let per = action.per();
                            let figure = move |high: bool| rates.with(|(list, _)| {
                                list.get(i).map(|r| if high { r.high } else { r.low }.to_string()).unwrap_or_default()
                            });
                            let currency = move || rates.with(|r| r.1.clone());
                            view! {
                                <tr>
                                    <th scope="row">
                                        {format!("Value {per}")}
                                        <span class="emv-source">{move || rates.with(|(list, _)| list.get(i).map(|r| r.source.clone()).unwrap_or_default())}</span>
                                    </th>
                                    <td>
                                        <label class="visually-hidden" for=low_id.clone()>{move || format!("Low value {per} ({})", currency())}</label>
                                        <input id=low_id type="number" step="any" min="0" prop:value=move || figure(false)
                                            on:change=move |ev| set(i, false, event_target_value(&ev)) />
                                    </td>
                                    <td>
                                        <label class="visually-hidden" for=high_id.clone()>{move || format!("High value {per} ({})", currency())}</label>
                                        <input id=high_id type="number" step="any" min="0" prop:value=move || figure(true)
                                            on:change=move |ev| set(i, true, event_target_value(&ev)) />
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
        <p class="hint">{move || format!("Rates are in {} per action (per 1,000 impressions for a CPM).", rates.with(|r| r.1.clone()))}</p>
    }
}

/// The inputs, the formula, the range and anything left out.
#[component]
fn EmvResult(estimate: EmvEstimate) -> impl IntoView {
    let currency = estimate.currency.clone();
    let range = format!(
        "{} – {}",
        money(estimate.low, &currency),
        money(estimate.high, &currency)
    );
    view! {
        <p class="emv-range" data-testid="emv-range">
            <span class="hint">"Estimated EMV, low to high: "</span>
            <strong>{range}</strong>
        </p>
        <p class="hint"><code>{estimate.formula.clone()}</code></p>
        <DataTable caption="EMV inputs" caption_hidden=true class="emv-inputs" columns=vec![
            Column::text("Input"),
            Column::number("Count"),
            Column::number("Rows reporting it"),
            Column::number("Rate, low – high"),
            Column::number("Value, low – high"),
        ]>
                    {estimate.inputs.iter().map(|i| view! {
                        <tr>
                            <th scope="row">{i.label.clone()}</th>
                            <td class="numeric">{if i.count.fract() == 0.0 { thousands(i.count) } else { format!("{:.1}", i.count) }}</td>
                            <td class="numeric">{format!("{} of {}", i.rows_used, i.rows_total)}</td>
                            <td class="numeric">{format!("{} – {}", i.rate_low, i.rate_high)}</td>
                            <td class="numeric">{format!("{} – {}", money(i.value_low, &currency), money(i.value_high, &currency))}</td>
                        </tr>
                    }).collect_view()}
        </DataTable>
        {(!estimate.notes.is_empty()).then(|| view! {
            <ul class="read-notes">{estimate.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
        })}
    }
}
