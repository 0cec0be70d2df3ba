//! Programme & objectives: one objective, its primary KPI and two supporting metrics with
//! how each is measured, baselines and targets as uplift, decision thresholds, qualitative
//! signals and the three value layers. Saved with the workspace.

mod signals;
mod thresholds;

use leptos::prelude::*;

use crate::app::persistence::update_workspace;
use crate::app::state::{app_state, AppState};
use crate::widgets::fields::{
    show_value, NumberField, SelectField, TextArea, TextField, WarningList,
};
use microplan_plan::objectives::{
    propose, target_level, BaselineSource, MeasurementMethod, MetricPlan, MetricUnit, Objective,
    ObjectivePlan, Target, TargetForm, ValueLayer,
};
use signals::{SignalsCard, ValueLayersCard};
use thresholds::ThresholdsCard;

/// Changes the workspace's objective plan (when there is one) and saves.
pub fn edit_plan(state: AppState, change: impl FnOnce(&mut ObjectivePlan)) {
    update_workspace(state, move |w| {
        if let Some(plan) = w.programme.objectives.as_mut() {
            change(plan);
        }
    });
}

/// The open workspace's objective plan, re-read when it changes.
pub fn plan_memo(state: AppState) -> Memo<Option<ObjectivePlan>> {
    Memo::new(move |_| {
        state
            .workspace
            .with(|w| w.as_ref().and_then(|w| w.programme.objectives.clone()))
    })
}

fn options<T: Copy>(
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|item| (key(*item).to_string(), label(*item).to_string()))
        .collect()
}

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let state = app_state();
    let plan = plan_memo(state);
    let has_plan = Memo::new(move |_| plan.with(Option::is_some));
    view! {
        <h1 id="section-heading" tabindex="-1">"Programme & objectives"</h1>
        <p class="lead">
            "One objective, one primary KPI and two supporting metrics, each with how it is \
             measured. Targets are uplift over a baseline you already have, never a wish, and \
             every threshold says who acts and when."
        </p>
        <div class="pg">
            <ObjectiveCard />
            {move || has_plan.get().then(|| view! {
                <section class="card" aria-labelledby="plan-check-heading">
                    <h2 id="plan-check-heading">"Before you launch"</h2>
                    <WarningList
                        warnings=Signal::derive(move || plan.with(|p| p.as_ref().map(ObjectivePlan::warnings).unwrap_or_default()))
                        all_clear="Every metric has a baseline and a target, and every threshold an owner." />
                </section>
                <div class="pg-metrics">
                    <MetricCard index=0 />
                    <MetricCard index=1 />
                    <MetricCard index=2 />
                </div>
                <ThresholdsCard />
                <SignalsCard />
                <ValueLayersCard />
            })}
        </div>
    }
}

#[component]
fn ObjectiveCard() -> impl IntoView {
    let state = app_state();
    let plan = plan_memo(state);
    let chosen = RwSignal::new(
        plan.get_untracked()
            .map(|p| p.objective)
            .unwrap_or_default(),
    );
    let current = Memo::new(move |_| plan.with(|p| p.as_ref().map(|p| p.objective)));
    let propose_now = move |_| {
        let objective = chosen.get_untracked();
        update_workspace(state, move |w| {
            w.programme.objectives = Some(propose(objective))
        });
        state.notify(format!(
            "Proposed KPIs for {}. Enter your baselines next.",
            objective.label().to_lowercase()
        ));
    };
    view! {
        <section class="card" aria-labelledby="objective-heading">
            <h2 id="objective-heading">"Objective"</h2>
            <p class="hint">"Be ruthless: one objective per programme. Other effects still show in the three value layers below."</p>
            <fieldset class="pg-objectives">
                <legend>"What is this programme for?"</legend>
                {Objective::ALL.into_iter().map(|objective| view! {
                    <label class="pg-choice">
                        <input type="radio" name="objective" value=objective.key()
                            prop:checked=move || chosen.get() == objective
                            on:change=move |_| chosen.set(objective) />
                        <span><strong>{objective.label()}</strong><span class="hint">{objective.describe()}</span></span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="actions">
                <button class="primary" on:click=propose_now>
                    {move || if current.get().is_some() { "Replace with the proposal for this objective" } else { "Propose KPIs for this objective" }}
                </button>
                {move || current.get().map(|objective| view! {
                    <span class="hint">{format!("Current plan: {}. Replacing it resets metrics, thresholds and signals.", objective.label())}</span>
                })}
            </div>
        </section>
    }
}

fn metric_title(index: usize) -> &'static str {
    match index {
        0 => "Primary KPI",
        1 => "Supporting metric 1",
        _ => "Supporting metric 2",
    }
}

/// What the target means in the metric's own unit, or why it cannot be computed.
fn target_summary(metric: &MetricPlan) -> String {
    let fraction = metric.unit == MetricUnit::Fraction;
    match (metric.baseline, metric.target) {
        (None, _) => "Enter the baseline to see the target level.".to_string(),
        (_, None) => "Set a target uplift.".to_string(),
        (Some(baseline), Some(target)) => match target_level(baseline, target) {
            Ok(level) => format!(
                "Target level: {} ({} the baseline of {}, {}).",
                show_value(level, fraction),
                microplan_model::format::multiple(target.as_multiple()),
                show_value(baseline, fraction),
                microplan_model::format::signed_percent(target.as_uplift())
            ),
            Err(why) => why.to_string(),
        },
    }
}

#[component]
fn MetricCard(index: usize) -> impl IntoView {
    let state = app_state();
    let plan = plan_memo(state);
    let metric =
        Memo::new(move |_| plan.with(|p| p.as_ref().and_then(|p| p.metric(index).cloned())));
    let read = move |f: fn(&MetricPlan) -> String| {
        Signal::derive(move || metric.with(|m| m.as_ref().map(f).unwrap_or_default()))
    };
    let edit = move |f: Box<dyn FnOnce(&mut MetricPlan)>| {
        edit_plan(state, move |p| {
            if let Some(m) = p.metric_mut(index) {
                f(m)
            }
        })
    };
    let is_fraction = Memo::new(move |_| {
        metric.with(|m| m.as_ref().is_some_and(|m| m.unit == MetricUnit::Fraction))
    });
    let target_form = Memo::new(move |_| {
        metric.with(|m| {
            m.as_ref()
                .and_then(|m| m.target)
                .map(|t| t.form)
                .unwrap_or_default()
        })
    });
    let id = move |name: &str| format!("metric-{index}-{name}");
    view! {
        <section class="card pg-metric" aria-labelledby=id("heading")>
            <h2 id=id("heading")>{metric_title(index)}</h2>
            <TextField id=id("name") label="Name" wide=true value=read(|m| m.name.clone())
                on_set=Callback::new(move |v: String| edit(Box::new(move |m| m.name = v.trim().to_string()))) />
            <TextArea id=id("definition") label="Definition" hint="How it is computed, so a colleague gets the same number."
                value=read(|m| m.definition.clone()) rows=2
                on_set=Callback::new(move |v: String| edit(Box::new(move |m| m.definition = v.trim().to_string()))) />
            <div class="pg-row">
                <SelectField id=id("method") label="Measured with"
                    options=options(&MeasurementMethod::ALL, MeasurementMethod::key, MeasurementMethod::label)
                    value=read(|m| m.method.key().to_string())
                    on_set=Callback::new(move |v: String| if let Some(method) = MeasurementMethod::parse(&v) { edit(Box::new(move |m| m.method = method)) }) />
                <SelectField id=id("layer") label="Value layer"
                    options=options(&ValueLayer::ALL, ValueLayer::key, ValueLayer::label)
                    value=read(|m| m.layer.key().to_string())
                    on_set=Callback::new(move |v: String| if let Some(layer) = ValueLayer::parse(&v) { edit(Box::new(move |m| m.layer = layer)) }) />
                <SelectField id=id("unit") label="Unit"
                    options=vec![("count".into(), "A count".into()), ("fraction".into(), "A rate (%)".into())]
                    value=Signal::derive(move || if is_fraction.get() { "fraction".to_string() } else { "count".to_string() })
                    on_set=Callback::new(move |v: String| {
                        let unit = if v == "fraction" { MetricUnit::Fraction } else { MetricUnit::Count };
                        edit(Box::new(move |m| m.unit = unit))
                    }) />
            </div>
            <p class="hint">{move || metric.with(|m| m.as_ref().map(|m| m.method.explain()).unwrap_or_default())}</p>
            <div class="pg-row">
                {move || {
                    let fraction = is_fraction.get();
                    view! {
                        <NumberField id=id("baseline") label=if fraction { "Baseline (%)" } else { "Baseline" }
                            hint="What you get today, same unit as the metric."
                            scale=if fraction { 100.0 } else { 1.0 }
                            value=Signal::derive(move || metric.with(|m| m.as_ref().and_then(|m| m.baseline)))
                            on_set=Callback::new(move |v: Option<f64>| edit(Box::new(move |m| m.baseline = v))) />
                    }
                }}
                <SelectField id=id("baseline-source") label="Baseline from"
                    options=vec![("past_organic".into(), BaselineSource::PastOrganic.label().into()), ("past_influencer".into(), BaselineSource::PastInfluencer.label().into())]
                    value=read(|m| if m.baseline_source == BaselineSource::PastOrganic { "past_organic".into() } else { "past_influencer".into() })
                    on_set=Callback::new(move |v: String| {
                        let source = if v == "past_organic" { BaselineSource::PastOrganic } else { BaselineSource::PastInfluencer };
                        edit(Box::new(move |m| m.baseline_source = source))
                    }) />
                <SelectField id=id("target-form") label="Target as"
                    options=vec![("uplift".into(), "Percent uplift".into()), ("multiple".into(), "Multiple of baseline".into())]
                    value=Signal::derive(move || if target_form.get() == TargetForm::PercentUplift { "uplift".to_string() } else { "multiple".to_string() })
                    on_set=Callback::new(move |v: String| edit(Box::new(move |m| {
                        let current = m.target.unwrap_or(Target::uplift(0.2));
                        m.target = Some(if v == "uplift" { Target::uplift(current.as_uplift()) } else { Target::multiple(current.as_multiple()) });
                    }))) />
                {move || {
                    let uplift = target_form.get() == TargetForm::PercentUplift;
                    view! {
                        <NumberField id=id("target") label=if uplift { "Target uplift (%)" } else { "Target (× baseline)" }
                            hint=if uplift { "25 means 25% above the baseline." } else { "1.5 means one and a half times the baseline." }
                            scale=if uplift { 100.0 } else { 1.0 } min=if uplift { -99.0 } else { 0.0 }
                            value=Signal::derive(move || metric.with(|m| m.as_ref().and_then(|m| m.target).map(|t| t.value)))
                            on_set=Callback::new(move |v: Option<f64>| edit(Box::new(move |m| {
                                m.target = v.map(|value| Target { form: if uplift { TargetForm::PercentUplift } else { TargetForm::MultipleOfBaseline }, value });
                            }))) />
                    }
                }}
            </div>
            <p class="pg-derived" aria-live="polite">{move || metric.with(|m| m.as_ref().map(target_summary).unwrap_or_default())}</p>
        </section>
    }
}
