//! Targets and decisions: each programme metric read from the results (or its uplift test
//! or signal) against baseline and target, every threshold's status in words under the
//! pivot rule, and the primary KPI over the periods against its levels. Each metric shows
//! one status, with the thresholds behind it on request.

use leptos::prelude::*;

use crate::app::files::download_workspace_csv;
use crate::app::persistence::update_workspace;
use crate::app::state::{app_state, AppState};
use crate::widgets::charts::{AxisFormat, LineChart, Series, Threshold};
use crate::widgets::fields::SelectField;
use microplan_csv::csv_record::csv_record;
use microplan_plan::objectives::DecisionAction;
use microplan_plan::results_plan::{PeriodKind, ResultsPlan};
use microplan_workspace::decisions::{
    metric_table, partial_last_period, status_table, Decisions, MetricSource, MetricStatus,
    ProgrammeStatus, Table, ValueKind,
};

/// Changes the stored decisions plan (saved automatically).
pub fn edit_results_plan(state: AppState, change: impl FnOnce(&mut ResultsPlan)) {
    update_workspace(state, |w| change(&mut w.results_plan));
}

/// Downloads a decisions table as CSV named after the workspace.
pub fn download_table(state: AppState, table: &Table, what: &str) {
    let mut text = csv_record(&table.header);
    for row in &table.rows {
        text.push_str(&csv_record(row));
    }
    download_workspace_csv(state, what, &text);
}

/// Puts the keyboard focus back on a control that the re-rendered status replaced.
pub fn refocus(id: String) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(element) = document().get_element_by_id(&id) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

fn period_options() -> Vec<(String, String)> {
    PeriodKind::ALL
        .iter()
        .map(|p| (p.key().to_string(), p.label().to_string()))
        .collect()
}

#[component]
pub fn TargetsCard(computed: Memo<Option<Decisions>>) -> impl IntoView {
    let state = app_state();
    let status = Memo::new(move |_| computed.with(|d| d.as_ref().map(|d| d.status.clone())));
    let period = Signal::derive(move || {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.results_plan.period.key().to_string())
                .unwrap_or_default()
        })
    });
    let download = move |metrics: bool| {
        if let Some(Ok(status)) = status.get_untracked() {
            if metrics {
                download_table(state, &metric_table(&status), "metrics-against-targets");
            } else {
                download_table(state, &status_table(&status), "thresholds");
            }
        }
    };
    let unavailable = move || !matches!(status.get(), Some(Ok(_)));
    view! {
        <section class="card rd-card" aria-labelledby="decisions-heading">
            <div class="table-head">
                <h2 id="decisions-heading">"Targets and decisions"</h2>
                <div class="actions">
                    <button on:click=move |_| download(true) disabled=unavailable>"Download metrics CSV"</button>
                    <button on:click=move |_| download(false) disabled=unavailable>"Download thresholds CSV"</button>
                </div>
            </div>
            <p class="hint">
                "Each programme metric read from the results, its uplift test or its signal counts, against the \
                 baseline and target set on the "<a href="#/programme">"Programme"</a>" page, with one status and \
                 its reason. Thresholds are read on complete periods (a partial last week or month is left out); \
                 pause and scale wait for a significant test or a sustained breach."
            </p>
            <div class="pg-row">
                <SelectField id="decisions-period" label="Reporting period"
                    hint="Rows are placed by post date; rows without a date are in no period. Count baselines are per period."
                    options=period_options() value=period
                    on_set=Callback::new(move |key: String| if let Some(kind) = PeriodKind::parse(&key) {
                        edit_results_plan(state, |p| p.period = kind)
                    }) />
            </div>
            {move || match status.get() {
                None => ().into_any(),
                Some(Err(message)) => view! { <p class="empty">{message.to_string()}</p> }.into_any(),
                Some(Ok(status)) => view! { <StatusView status=status /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn StatusView(status: ProgrammeStatus) -> impl IntoView {
    let chart = status
        .metrics
        .first()
        .cloned()
        .map(|primary| primary_chart(&primary));
    let rule = format!(
        "The pivot rule: pause and scale need a significant uplift test on the metric or {} {} in a row in breach; optimising may follow one reading.",
        status.sustained_periods,
        status.period.plural()
    );
    view! {
        <p class="rd-rule" role="note">{rule}</p>
        {chart}
        <div class="rd-metrics">
            {status.metrics.into_iter().map(|metric| view! { <MetricBlock metric=metric /> }).collect_view()}
        </div>
    }
}

/// "Primary KPI against target": the period readings with baseline and target as dashed
/// lines and the pause and scale levels as thresholds.
fn primary_chart(primary: &MetricStatus) -> Option<AnyView> {
    let readings = primary.readings.as_ref()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    // A partial last period is in no decision, so it is not drawn either.
    let partial = partial_last_period(readings);
    let points: Vec<(f64, f64)> = readings
        .readings
        .iter()
        .enumerate()
        .filter(|(index, _)| partial.as_ref().map(|p| p.index) != Some(*index))
        .map(|(_, r)| r)
        .filter_map(|r| {
            r.value
                .value
                .map(|v| ((r.start - epoch).num_days() as f64, v))
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    let span = |y: f64| {
        let first = points.first().map_or(0.0, |p| p.0);
        let last = points.last().map_or(0.0, |p| p.0);
        vec![(first, y), (last.max(first + 1.0), y)]
    };
    let mut series = vec![Series::line(
        format!("{} per {}", primary.name, readings.period.noun()),
        points.clone(),
    )];
    let same_level = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
    let scale_at_target = primary.thresholds.iter().any(|t| {
        t.action == DecisionAction::Scale
            && t.level
                .zip(primary.target_level)
                .is_some_and(|(l, g)| same_level(l, g))
    });
    if let Some(target) = primary.target_level {
        let label = if scale_at_target {
            "Target and scale level"
        } else {
            "Target"
        };
        series.push(Series::dashed(
            format!("{label} {}", primary.show(target)),
            span(target),
        ));
    }
    if let Some(baseline) = primary.baseline {
        series.push(Series::dashed(
            format!("Baseline {}", primary.show(baseline)),
            span(baseline),
        ));
    }
    let thresholds: Vec<Threshold> = primary
        .thresholds
        .iter()
        .filter(|t| t.action.is_large_pivot())
        .filter(|t| !(t.action == DecisionAction::Scale && scale_at_target))
        .filter_map(|t| {
            t.level.map(|y| {
                Threshold::new(y, format!("{} level {}", t.action.label(), primary.show(y)))
            })
        })
        .collect();
    let latest = points.last().map_or(0.0, |p| p.1);
    let summary = format!(
        "{} complete {} with results; latest {}{}.{}",
        points.len(),
        readings.period.plural(),
        primary.show(latest),
        primary.target_level.map_or(String::new(), |t| format!(
            " against a target of {}",
            primary.show(t)
        )),
        partial.map_or(String::new(), |p| format!(" {}", p.note()))
    );
    let y_format = if primary.kind == ValueKind::Fraction {
        AxisFormat::Percent
    } else {
        AxisFormat::Number
    };
    Some(
        view! {
            <LineChart title="Primary KPI against target" summary=summary
                x_label="Period start" y_label=primary.name.clone()
                x_format=AxisFormat::Date y_format=y_format series=series thresholds=thresholds />
        }
        .into_any(),
    )
}

fn source_options(suggested: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), format!("Suggested: {suggested}")))
        .chain(
            MetricSource::options()
                .into_iter()
                .map(|s| (s.key(), s.label())),
        )
        .collect()
}

#[component]
fn MetricBlock(metric: MetricStatus) -> impl IntoView {
    let state = app_state();
    let index = metric.index;
    let suggested = state.workspace.with_untracked(|w| {
        w.as_ref()
            .and_then(|w| w.programme.objectives.as_ref())
            .and_then(|o| o.metric(index))
            .and_then(microplan_workspace::decisions::suggested_metric)
            .map_or("not recognised".to_string(), |s| s.label())
    });
    let chosen = Signal::derive(move || {
        state.workspace.with(|w| {
            w.as_ref()
                .and_then(|w| w.results_plan.source_choice(index).map(str::to_string))
                .unwrap_or_default()
        })
    });
    let role = if index == 0 {
        "Primary KPI"
    } else {
        "Supporting metric"
    };
    let value = metric.observed.map_or("—".to_string(), |v| metric.show(v));
    let undated = metric.readings.as_ref().map_or(0, |r| r.undated_rows);
    view! {
        <article class="rd-metric" aria-labelledby=format!("rd-metric-{index}")>
            <h3 id=format!("rd-metric-{index}")>{metric.name.clone()}" "<span class="badge">{role}</span></h3>
            <p class="hint">{metric.definition.clone()}</p>
            <div class="pg-row">
                <SelectField id=format!("rd-source-{index}") label="Measured by" hint=metric.source_reason.clone()
                    options=source_options(&suggested) value=chosen
                    on_set=Callback::new(move |key: String| {
                        let choice = (!key.is_empty()).then_some(key);
                        edit_results_plan(state, move |p| p.set_source_choice(index, choice));
                        refocus(format!("rd-source-{index}"));
                    }) />
            </div>
            <p class="rd-value"><span class="rd-number numeric">{value}</span>" "<span class="hint">{metric.observed_text.clone()}</span></p>
            <p>{metric.progress_text.clone()}</p>
            {(undated > 0).then(|| view! { <p class="hint">{format!("{} no date and counted in no period.", microplan_model::format::plural(undated as u64, "result row has", "result rows have"))}</p> })}
            <p class=format!("rd-verdict state-{}", metric.verdict.state.key()) data-testid="kpi-verdict">
                <strong class="rd-status">{metric.verdict.label.clone()}</strong>" "
                <span class="rd-reason">{metric.verdict.reason.clone()}</span>
            </p>
            {(!metric.thresholds.is_empty()).then(|| view! {
                <details class="rd-threshold-details">
                    <summary>{format!("The {} behind this status", if metric.thresholds.len() == 1 { "threshold".to_string() } else { format!("{} thresholds", metric.thresholds.len()) })}</summary>
                    <ul class="rd-thresholds">
                        {metric.thresholds.iter().map(|t| view! {
                            <li class=format!("rd-threshold state-{}", t.state.key())>
                                <strong class="rd-state">{t.state.label(t.action)}</strong>
                                " "<span>{t.rule.clone()}</span>
                                <span class="hint rd-reason">{t.reason.clone()}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
            {evidence_line(&metric)}
        </article>
    }
}

/// The linked test's verdict, when a metric has one.
fn evidence_line(metric: &MetricStatus) -> Option<AnyView> {
    let text = match metric.evidence.as_ref()? {
        Ok(evidence) => evidence.reason.clone(),
        Err(error) => format!("The linked uplift test cannot be read: {error}."),
    };
    let pivots = metric
        .thresholds
        .iter()
        .any(|t| t.action != DecisionAction::Optimise);
    let text = if pivots {
        format!("{text} It decides whether a pause or scale may go ahead.")
    } else {
        text
    };
    Some(view! { <p class="hint">{text}</p> }.into_any())
}
