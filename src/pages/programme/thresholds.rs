//! Decision thresholds: which reading means pause, optimise or scale, who decides, and the
//! rule that large pivots wait for significance or a sustained signal. A readings box checks
//! the rule against numbers the user types.

use leptos::prelude::*;

use super::{edit_plan, plan_memo};
use crate::app::state::app_state;
use crate::widgets::fields::{lines_of, show_value, NumberField, SelectField, TextArea, TextField};
use microplan_plan::objectives::{
    evaluate_threshold, test_evidence, DecisionAction, DecisionThreshold, Direction, MetricUnit,
    ObjectivePlan, ThresholdDecision, DEFAULT_SUSTAINED_PERIODS,
};
use microplan_uplift::arms::test_names;

fn metric_options(plan: &ObjectivePlan) -> Vec<(String, String)> {
    plan.metrics()
        .iter()
        .enumerate()
        .map(|(i, m)| (i.to_string(), m.name.clone()))
        .collect()
}

/// The trigger in the metric's unit, e.g. "below 110 orders (0.6× baseline)".
fn trigger_text(plan: &ObjectivePlan, threshold: &DecisionThreshold) -> String {
    let Some(metric) = plan.metric(threshold.metric) else {
        return String::new();
    };
    let side = if threshold.direction == Direction::Below {
        "below"
    } else {
        "above"
    };
    match metric.baseline.filter(|b| b.is_finite() && *b > 0.0) {
        Some(baseline) => format!(
            "Triggers {side} {} ({}× the baseline).",
            show_value(
                baseline * threshold.multiple_of_baseline,
                metric.unit == MetricUnit::Fraction
            ),
            threshold.multiple_of_baseline
        ),
        None => format!(
            "Triggers {side} {}× the baseline, once the baseline is entered.",
            threshold.multiple_of_baseline
        ),
    }
}

#[component]
pub fn ThresholdsCard() -> impl IntoView {
    let state = app_state();
    let plan = plan_memo(state);
    let count = Memo::new(move |_| plan.with(|p| p.as_ref().map_or(0, |p| p.thresholds.len())));
    // Rows list the metrics by name: rebuild them when a metric is renamed or replaced.
    let names =
        Memo::new(move |_| plan.with(|p| p.as_ref().map(metric_options).unwrap_or_default()));
    let add = move |_| {
        edit_plan(state, |p| {
            p.thresholds.push(DecisionThreshold {
                metric: 0,
                action: DecisionAction::Optimise,
                direction: Direction::Below,
                multiple_of_baseline: 1.0,
                owner: String::new(),
            })
        })
    };
    let periods =
        Signal::derive(move || plan.with(|p| p.as_ref().map(|p| f64::from(p.sustained_periods))));
    view! {
        <section class="card" aria-labelledby="thresholds-heading">
            <h2 id="thresholds-heading">"Decision thresholds"</h2>
            <p class="hint">
                "Each line links a reading to an action and a person. Levels are multiples of the \
                 metric's baseline, so they stay meaningful when the baseline changes."
            </p>
            <div class="pg-rule" role="note">
                <strong>"The pivot rule. "</strong>
                "Pause and scale move budget and relationships: they need a significant "
                <a href="#/uplift-tests">"uplift test"</a>
                {move || format!(
                    " on the metric or {} periods in a row in breach. Optimising (a new hook, another format) may \
                     follow a single reading.",
                    plan.with(|p| p.as_ref().map_or(DEFAULT_SUSTAINED_PERIODS, |p| p.sustained_periods))
                )}
            </div>
            <div class="pg-row">
            <NumberField id="sustained-periods" label="Periods in a row for a sustained signal" hint="Weeks or reporting periods; at least 2."
                value=periods min=1.0
                on_set=Callback::new(move |v: Option<f64>| {
                    let periods = v.map_or(DEFAULT_SUSTAINED_PERIODS, |v| v.round().clamp(1.0, 52.0) as u32);
                    edit_plan(state, move |p| p.sustained_periods = periods)
                }) />
            </div>
            <ol class="pg-thresholds">
                {move || { names.track(); (0..count.get()).map(|index| view! { <ThresholdRow index=index /> }).collect_view() }}
            </ol>
            <button on:click=add>"Add a threshold"</button>
            <ReadingsCheck />
        </section>
    }
}

#[component]
fn ThresholdRow(index: usize) -> impl IntoView {
    let state = app_state();
    let plan = plan_memo(state);
    let threshold = Memo::new(move |_| {
        plan.with(|p| p.as_ref().and_then(|p| p.thresholds.get(index).cloned()))
    });
    let edit = move |f: Box<dyn FnOnce(&mut DecisionThreshold)>| {
        edit_plan(state, move |p| {
            if let Some(t) = p.thresholds.get_mut(index) {
                f(t)
            }
        })
    };
    let read = move |f: fn(&DecisionThreshold) -> String| {
        Signal::derive(move || threshold.with(|t| t.as_ref().map(f).unwrap_or_default()))
    };
    let metrics = plan.with_untracked(|p| p.as_ref().map(metric_options).unwrap_or_default());
    let id = move |name: &str| format!("threshold-{index}-{name}");
    let actions = DecisionAction::ALL
        .iter()
        .map(|a| (a.key().to_string(), a.label().to_string()))
        .collect();
    view! {
        <li class="pg-threshold">
            <div class="pg-row">
                <SelectField id=id("action") label="Action" options=actions value=read(|t| t.action.key().to_string())
                    on_set=Callback::new(move |v: String| if let Some(a) = DecisionAction::parse(&v) { edit(Box::new(move |t| t.action = a)) }) />
                <SelectField id=id("metric") label="When" options=metrics value=read(|t| t.metric.to_string())
                    on_set=Callback::new(move |v: String| if let Ok(m) = v.parse::<usize>() { edit(Box::new(move |t| t.metric = m.min(2))) }) />
                <SelectField id=id("direction") label="Is"
                    options=vec![("below".into(), "below".into()), ("above".into(), "above".into())]
                    value=read(|t| if t.direction == Direction::Below { "below".into() } else { "above".into() })
                    on_set=Callback::new(move |v: String| {
                        let d = if v == "below" { Direction::Below } else { Direction::Above };
                        edit(Box::new(move |t| t.direction = d))
                    }) />
                <NumberField id=id("multiple") label="× baseline"
                    value=Signal::derive(move || threshold.with(|t| t.as_ref().map(|t| t.multiple_of_baseline)))
                    on_set=Callback::new(move |v: Option<f64>| edit(Box::new(move |t| t.multiple_of_baseline = v.unwrap_or(1.0)))) />
                <TextField id=id("owner") label="Who decides" placeholder="Name or role" value=read(|t| t.owner.clone())
                    on_set=Callback::new(move |v: String| edit(Box::new(move |t| t.owner = v.trim().to_string()))) />
                <button class="danger small" aria-label=format!("Remove threshold {}", index + 1)
                    on:click=move |_| edit_plan(state, move |p| { if index < p.thresholds.len() { p.thresholds.remove(index); } })>
                    "Remove"
                </button>
            </div>
            <p class="hint">{move || plan.with(|p| p.as_ref().zip(threshold.get()).map(|(p, t)| trigger_text(p, &t)).unwrap_or_default())}</p>
        </li>
    }
}

/// Type the readings of each period and see what each threshold says under the pivot rule;
/// the significance comes from the metric's uplift test when it has one.
#[component]
fn ReadingsCheck() -> impl IntoView {
    let state = app_state();
    let plan = plan_memo(state);
    let chosen = RwSignal::new(0usize);
    let readings = RwSignal::new(String::new());
    let ticked = RwSignal::new(false);
    let tests = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| test_names(&w.test_arms))
                .unwrap_or_default()
        })
    });
    let linked = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.metric(chosen.get()))
                .and_then(|m| m.uplift_test.clone())
        })
    });
    let evidence = Memo::new(move |_| {
        let name = linked.get()?;
        Some(state.workspace.with(|w| {
            w.as_ref()
                .map(|w| test_evidence(&w.test_arms, &name).map_err(String::from))
                .unwrap_or_else(|| Err("No workspace".into()))
        }))
    });
    let significant = move || match evidence.get() {
        Some(Ok(e)) => e.significant,
        Some(Err(_)) => false,
        None => ticked.get(),
    };
    let results = move || {
        let values: Result<Vec<f64>, String> = lines_of(&readings.get().replace(',', "\n"))
            .iter()
            .map(|v| {
                v.trim_end_matches('%')
                    .parse::<f64>()
                    .map_err(|_| format!("`{v}` is not a number."))
            })
            .collect();
        let values = match values {
            Ok(values) => values,
            Err(why) => return vec![why],
        };
        let index = chosen.get();
        let significant = significant();
        plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let Some(metric) = p.metric(index) else {
                return Vec::new();
            };
            let fraction = metric.unit == MetricUnit::Fraction;
            let scaled: Vec<f64> = values
                .iter()
                .map(|v| if fraction { v / 100.0 } else { *v })
                .collect();
            let lines: Vec<String> = p
                .thresholds
                .iter()
                .filter(|t| t.metric == index)
                .map(|t| {
                    let owner = if t.owner.is_empty() {
                        "no owner yet"
                    } else {
                        t.owner.as_str()
                    };
                    match evaluate_threshold(
                        t,
                        metric.baseline.unwrap_or(0.0),
                        &scaled,
                        p.sustained_periods,
                        Some(significant),
                    ) {
                        Ok(e) => {
                            let verdict = match e.decision {
                                ThresholdDecision::Act => "Act",
                                ThresholdDecision::Watch => "Watch",
                                ThresholdDecision::NoAction => "No action",
                            };
                            format!("{} ({owner}): {verdict}. {}", t.action.label(), e.reason)
                        }
                        Err(why) => format!("{}: {why}", t.action.label()),
                    }
                })
                .collect();
            if lines.is_empty() {
                vec!["No threshold is set on this metric.".to_string()]
            } else {
                lines
            }
        })
    };
    let metrics = move || plan.with(|p| p.as_ref().map(metric_options).unwrap_or_default());
    let set_test = Callback::new(move |v: String| {
        let index = chosen.get_untracked();
        edit_plan(state, move |p| {
            if let Some(m) = p.metric_mut(index) {
                m.uplift_test = (!v.is_empty()).then_some(v);
            }
        })
    });
    view! {
        <details class="pg-readings">
            <summary>"Check the rule against readings"</summary>
            <div class="pg-row">
                {move || view! {
                    <SelectField id="readings-metric" label="Metric" options=metrics()
                        value=Signal::derive(move || chosen.get().to_string())
                        on_set=Callback::new(move |v: String| chosen.set(v.parse().unwrap_or(0))) />
                }}
                {move || {
                    let mut options = vec![(String::new(), "No uplift test".to_string())];
                    options.extend(tests.get().into_iter().map(|t| (t.clone(), t)));
                    view! {
                        <SelectField id="readings-test" label="Uplift test on this metric" options=options
                            hint="From the Uplift tests section; saved with the metric."
                            value=Signal::derive(move || linked.get().unwrap_or_default()) on_set=set_test />
                    }
                }}
            </div>
            {move || match evidence.get() {
                Some(Ok(e)) => view! { <p class=if e.significant { "pg-evidence ok" } else { "pg-evidence" }>{e.reason}</p> }.into_any(),
                Some(Err(why)) => view! { <p class="error-text">{format!("The linked test cannot be analysed: {why}.")}</p> }.into_any(),
                None => view! {
                    <label class="pg-check">
                        <input type="checkbox" prop:checked=ticked on:change=move |ev| ticked.set(event_target_checked(&ev)) />
                        " A test on this metric is significant (no test linked)"
                    </label>
                }.into_any(),
            }}
            <TextArea id="metric-readings" label="Readings, oldest first" rows=2
                hint="One per period, separated by commas or lines; rates in %. Nothing here is saved."
                value=readings on_set=Callback::new(move |v: String| readings.set(v)) />
            <ul class="pg-results" aria-live="polite">
                {move || if readings.get().trim().is_empty() { Vec::new() } else { results() }.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
            </ul>
        </details>
    }
}
