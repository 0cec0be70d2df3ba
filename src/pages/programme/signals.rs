//! Qualitative community signals as ratios with their definitions, and the three value
//! layers with the programme's metrics placed in them.

use leptos::prelude::*;

use super::{edit_plan, plan_memo};
use crate::app::state::app_state;
use crate::widgets::fields::{NumberField, TextField};
use microplan_plan::objectives::{metrics_by_layer, signal_ratio, SignalEntry, SignalKind};

#[component]
pub fn SignalsCard() -> impl IntoView {
    let state = app_state();
    let plan = plan_memo(state);
    // Plans saved before signals existed get the four empty entries on first edit.
    let ensure = move |p: &mut microplan_plan::objectives::ObjectivePlan| {
        for kind in SignalKind::ALL {
            if !p.signals.iter().any(|s| s.kind == kind) {
                p.signals.push(SignalEntry::empty(kind));
            }
        }
    };
    let rows = SignalKind::ALL.into_iter().map(move |kind| {
        let entry = Memo::new(move |_| {
            plan.with(|p| p.as_ref().and_then(|p| p.signals.iter().find(|s| s.kind == kind).cloned()))
                .unwrap_or_else(|| SignalEntry::empty(kind))
        });
        let edit = move |f: Box<dyn FnOnce(&mut SignalEntry)>| {
            edit_plan(state, move |p| {
                ensure(p);
                if let Some(s) = p.signals.iter_mut().find(|s| s.kind == kind) {
                    f(s)
                }
            })
        };
        let count = |v: Option<f64>| v.map(|v| v.round().clamp(0.0, 1e15) as u64);
        let key = format!("{kind:?}").to_lowercase();
        view! {
            <li class="pg-signal">
                <h3>{kind.label()}</h3>
                <p class="hint">{kind.definition()}</p>
                <div class="pg-row">
                    <NumberField id=format!("signal-{key}-num") label=kind.numerator_label()
                        value=Signal::derive(move || entry.with(|e| e.numerator.map(|n| n as f64)))
                        on_set=Callback::new(move |v: Option<f64>| edit(Box::new(move |e| e.numerator = count(v)))) />
                    <NumberField id=format!("signal-{key}-den") label=kind.denominator_label()
                        value=Signal::derive(move || entry.with(|e| e.denominator.map(|n| n as f64)))
                        on_set=Callback::new(move |v: Option<f64>| edit(Box::new(move |e| e.denominator = count(v)))) />
                    {move || entry.with(|e| match signal_ratio(e) {
                        Ok(r) if kind.is_share() => view! { <p class="pg-ratio" aria-live="polite">{format!("= {}", microplan_model::format::percent(r))}</p> }.into_any(),
                        Ok(r) => view! { <p class="pg-ratio" aria-live="polite">{format!("= {} per sponsored post", microplan_model::format::number_text(r, 2))}</p> }.into_any(),
                        Err(_) if e.numerator.is_none() && e.denominator.is_none() => view! { <p class="hint pg-ratio-empty">"Enter both counts to see the ratio."</p> }.into_any(),
                        Err(why) => view! { <p class="error-text" role="alert">{why.to_string()}</p> }.into_any(),
                    })}
                </div>
                {(kind == SignalKind::ThemeTags).then(|| view! {
                    <TextField id="signal-theme-tags" label="Themes" wide=true hint="Separated by commas, e.g. real food, long runs."
                        value=Signal::derive(move || entry.with(|e| e.tags.join(", ")))
                        on_set=Callback::new(move |v: String| {
                            let tags = v.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_string).collect();
                            edit(Box::new(move |e| e.tags = tags))
                        }) />
                })}
            </li>
        }
    }).collect_view();
    view! {
        <section class="card" aria-labelledby="signals-heading">
            <h2 id="signals-heading">"Qualitative signals"</h2>
            <p class="hint">
                "Community signals become simple ratios with written definitions, so \"people loved it\" \
                 can be compared from one campaign to the next. Count them the same way every time."
            </p>
            <ul class="pg-signals">{rows}</ul>
        </section>
    }
}

#[component]
pub fn ValueLayersCard() -> impl IntoView {
    let state = app_state();
    let plan = plan_memo(state);
    let layers = move || plan.with(|p| p.as_ref().map(metrics_by_layer).unwrap_or_default());
    view! {
        <section class="card" aria-labelledby="layers-heading">
            <h2 id="layers-heading">"Three layers of value"</h2>
            <p class="hint">
                "Report every programme on three layers (after Forrester's social measurement framework): \
                 business value proves the case for budget, marketing value shows movement along the \
                 journey, content value shows execution. Your metrics are placed by their value layer."
            </p>
            <div class="pg-layers">
                {move || layers().into_iter().map(|(layer, mine)| view! {
                    <div class="pg-layer">
                        <h3>{layer.label()}</h3>
                        <p class="hint">{layer.describe()}</p>
                        <p><strong>"Your metrics: "</strong>
                            {if mine.is_empty() { "none yet".to_string() } else { mine.join(", ") }}</p>
                        <ul>{layer.standard_metrics().iter().map(|m| view! { <li>{*m}</li> }).collect_view()}</ul>
                    </div>
                }).collect_view()}
            </div>
        </section>
    }
}
