//! "Possible code leaks": each flag with its code, creator, check and evidence, and the
//! thresholds of the checks, editable.

use leptos::prelude::*;

use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use microplan_plan::attribution::LeakSettings;
use microplan_workspace::attribution::leaks::detect_leaks;

/// One labelled number input bound to a leak setting.
#[component]
fn SettingInput(
    id: &'static str,
    label: &'static str,
    help: &'static str,
    step: &'static str,
    max: &'static str,
    read: fn(&LeakSettings) -> f64,
    write: fn(&mut LeakSettings, f64),
) -> impl IntoView {
    let state = app_state();
    let value = move || {
        state
            .workspace
            .with(|w| {
                w.as_ref()
                    .map(|w| read(&w.attribution.leak_settings))
                    .unwrap_or_default()
            })
            .to_string()
    };
    let help_id = format!("{id}-help");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type="number"
                min="0"
                max=max
                step=step
                aria-describedby=help_id.clone()
                prop:value=value
                on:change=move |ev| {
                    let text = event_target_value(&ev);
                    match text.trim().parse::<f64>() {
                        Ok(v) if v.is_finite() && v >= 0.0 => {
                            // The domain's ranges decide: a value out of range is refused with its reason.
                            let mut edited = state.workspace.with_untracked(|w| w.as_ref().map(|w| w.attribution.leak_settings.clone())).unwrap_or_default();
                            write(&mut edited, v);
                            match edited.problems().into_iter().next() {
                                Some((_, problem)) => state.notify_error(format!("{label}: {problem}")),
                                None => update_workspace(state, |w| w.attribution.leak_settings = edited),
                            }
                        }
                        _ => state.notify_error(format!("{label}: `{text}` is not a number of 0 or more.")),
                    }
                }
            />
            <span class="hint" id=help_id>{help}</span>
        </div>
    }
}

#[component]
pub fn LeakList() -> impl IntoView {
    let state = app_state();
    let flags = Memo::new(move |_| {
        state
            .workspace
            .with(|w| w.as_ref().map(detect_leaks).unwrap_or_default())
    });
    let list = move || {
        let flags = flags.get();
        if flags.is_empty() {
            return view! { <p class="hint" data-testid="no-leaks">"No code shows signs of a leak with these thresholds."</p> }.into_any();
        }
        view! {
            <ul class="leak-list" data-testid="leak-flags">
                {flags.into_iter().map(|flag| {
                    // The plain reading first; the formula behind it one click away.
                    let (plain, technical) = match flag.evidence.split_once(" (technically: ") {
                        Some((plain, rest)) => (plain.to_string(), rest.split_once(')').map(|(formula, after)| (formula.to_string(), after.to_string()))),
                        None => (flag.evidence.clone(), None),
                    };
                    let (after, formula) = technical.map_or((String::new(), None), |(formula, after)| (after, Some(formula)));
                    view! {
                        <li>
                            <p>
                                <strong>{format!("{} (@{})", flag.code, flag.handle)}</strong>
                                <span class="leak-kind">{format!(" — {}: {}", flag.kind.label(), microplan_model::format::plural(flag.orders, "order", "orders"))}</span>
                            </p>
                            <p class="hint">{plain}{after}</p>
                            {formula.map(|f| view! { <details class="explain"><summary>"How is \"unusual\" computed?"</summary><p class="hint">{format!("The threshold is {f}.")}</p></details> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="leaks" aria-labelledby="leaks-heading">
            <h3 id="leaks-heading">"Possible code leaks"</h3>
            <p class="hint">
                "A code posted on a coupon site sells to people who never saw the creator. Three checks look for it in \
                 the shop's orders (cancelled ones left out): a day of unusually many orders with no visits on the \
                 creator's links and no sponsored post or result in the days before it; many orders shipped outside \
                 the creator's audience countries and home country; and orders long after the posting window (the \
                 brief's window or the creator's last result). A flag is a reason to look, not proof."
            </p>
            {list}
            <details>
                <summary>"Thresholds"</summary>
                <div class="leak-settings">
                    <SettingInput id="leak-spike-k" label="Spike: how far above a usual day" step="0.5" max="100"
                        help="k in median + k x scaled MAD of daily orders (3.5: the usual cut-off)."
                        read=|s| s.spike_k write=|s, v| s.spike_k = v />
                    <SettingInput id="leak-quiet-days" label="Spike: days without a post before it" step="1" max="366"
                        help="A sponsored post or result this many days before explains a spike."
                        read=|s| s.quiet_days as f64 write=|s, v| s.quiet_days = v.round() as i64 />
                    <SettingInput id="leak-outside-share" label="Outside the audience: share of orders (%)" step="5" max="100"
                        help="Flag when at least this share of orders ships outside the audience countries."
                        read=|s| (s.outside_share * 100.0).round() write=|s, v| s.outside_share = (v / 100.0).min(1.0) />
                    <SettingInput id="leak-grace-days" label="After the window: grace days" step="1" max="366"
                        help="Orders this many days after the posting window still count as the campaign's."
                        read=|s| s.grace_days as f64 write=|s, v| s.grace_days = v.round() as i64 />
                    <SettingInput id="leak-min-spike" label="Spike: fewest orders in the day" step="1" max="1000000000000"
                        help="A day with fewer orders is never a spike (5 by default)."
                        read=|s| s.min_spike_orders as f64 write=|s, v| s.min_spike_orders = v.round() as u64 />
                    <SettingInput id="leak-min-outside" label="Outside the audience: fewest orders" step="1" max="1000000000000"
                        help="Fewer orders shipped outside the audience are not flagged (5 by default)."
                        read=|s| s.min_outside_orders as f64 write=|s, v| s.min_outside_orders = v.round() as u64 />
                    <SettingInput id="leak-min-late" label="After the window: fewest orders" step="1" max="1000000000000"
                        help="Fewer late orders are not flagged (3 by default)."
                        read=|s| s.min_late_orders as f64 write=|s, v| s.min_late_orders = v.round() as u64 />
                </div>
            </details>
        </section>
    }
}
