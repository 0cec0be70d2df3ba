//! Daily views of a test: the sequential monitoring chart (running estimate inside the
//! always-valid confidence sequence) and the geo/time difference in differences with its
//! pre-period and pre-trend check.

use leptos::prelude::*;

use super::format::{percent, points, thousands};
use crate::widgets::charts::{AxisFormat, Band, LineChart, Marker, Series, Threshold};
use crate::widgets::live_fields::{problem, read_percent, Choice, Field};
use microplan_stats::did::DidStdError;
use microplan_uplift::arms::format_p;
use microplan_uplift::daily::{daily_did, day_number, sequential_view, DailyOutcome, TestDay};
use microplan_uplift::msprt::{msprt_view, MixingSource};
use microplan_uplift::prereg::PreRegistration;

const OUTCOMES: &[(&str, &str)] = &[
    ("rate", "Daily conversion rate"),
    ("count", "Daily conversions"),
];
const ERRORS: &[(&str, &str)] = &[
    ("classic", "Classic (t test)"),
    ("robust", "Robust HC1 (z test)"),
];

/// Both daily cards for one treatment of one test.
#[component]
pub fn DailyCards(
    days: Vec<TestDay>,
    test: String,
    control: String,
    treatment: String,
    plan: Option<PreRegistration>,
    alpha: f64,
) -> impl IntoView {
    let launch = plan.as_ref().and_then(|p| p.launch_date);
    let planned = plan.as_ref().map(|p| p.planned_total);
    let sequential = match sequential_view(
        &days, &test, &control, &treatment, launch, planned, alpha,
    ) {
        Err(e) => problem(format!("No sequential view for {treatment}: {e}.")),
        Ok(view) => {
            let line: Vec<(f64, f64)> = view
                .dates
                .iter()
                .zip(&view.looks)
                .map(|(d, l)| (day_number(*d), l.estimate))
                .collect();
            let band: Vec<(f64, f64, f64)> = view
                .dates
                .iter()
                .zip(&view.looks)
                .map(|(d, l)| (day_number(*d), l.running_lower, l.running_upper))
                .collect();
            let last = view.looks.last().copied();
            let summary = match (last, view.first_decisive) {
                (Some(l), Some(date)) => format!(
                    "After {} units the difference is {} (always-valid interval {} to {}); the interval has excluded zero since {}, so the result holds even with daily looks.",
                    thousands(l.n_total), points(l.estimate), points(l.running_lower), points(l.running_upper),
                    microplan_model::format::date(date)
                ),
                (Some(l), None) => format!(
                    "After {} units the difference is {} (always-valid interval {} to {}); the interval still includes zero, so daily looks do not yet justify a decision.",
                    thousands(l.n_total), points(l.estimate), points(l.running_lower), points(l.running_upper)
                ),
                _ => String::new(),
            };
            let markers = view
                .first_decisive
                .map(|d| vec![Marker::new(day_number(d), "First decisive day")])
                .unwrap_or_default();
            view! {
                <section class="card" aria-label=format!("Daily monitoring of {treatment}") data-testid="sequential">
                    <h2>{format!("Daily monitoring: {treatment} against {control}")}</h2>
                    <p role="status" data-testid="sequential-summary">{summary}</p>
                    <LineChart
                        title="Running difference in conversion rate"
                        summary="Running estimate of treatment − control inside the always-valid interval, by day."
                        x_label="Date"
                        y_label="Treatment − control"
                        x_format=AxisFormat::Date
                        y_format=AxisFormat::Percent
                        series=vec![Series::line("Running estimate", line)]
                        bands=vec![Band::new(format!("Always-valid {} interval", percent(1.0 - alpha)), band)]
                        markers=markers
                        thresholds=vec![Threshold::new(0.0, "No difference")]
                    />
                    <p class="hint">{format!(
                        "An asymptotic confidence sequence (Waudby-Smith et al. 2023, as GrowthBook): unlike a fixed-horizon interval it stays valid however often you look, so peeking every day does not inflate false alarms. It is tuned to be tightest at {} units{}; it is wider than the final fixed-horizon interval, which is the price of looking early. Values are in percentage points.",
                        thousands(view.tuning_n as u64),
                        if planned.is_some_and(|n| n > 0) { " (the pre-registered total)" } else { " (no pre-registered total)" }
                    )}</p>
                </section>
            }
            .into_any()
        }
    };
    let min_lift = plan.as_ref().map(|p| p.min_lift);
    view! {
        {sequential}
        <MsprtCard days=days.clone() test=test.clone() control=control.clone() treatment=treatment.clone() launch=launch min_lift=min_lift alpha=alpha />
        {match launch {
            Some(date) => view! { <DidCard days=days test=test control=control treatment=treatment launch=date alpha=alpha /> }.into_any(),
            None => view! { <p class="card hint">"Set the launch date in the pre-registration to see the difference in differences against the days before launch."</p> }.into_any(),
        }}
    }
}

/// The always-valid p-value (mSPRT) beside the confidence sequence, with its editable tau.
#[component]
fn MsprtCard(
    days: Vec<TestDay>,
    test: String,
    control: String,
    treatment: String,
    launch: Option<chrono::NaiveDate>,
    min_lift: Option<f64>,
    alpha: f64,
) -> impl IntoView {
    let tau_text = RwSignal::new(String::new());
    let label = format!("Always-valid p-value of {treatment}");
    let id = format!(
        "msprt-tau-{}",
        crate::app::files::safe_file_stem(&format!("{test}-{treatment}"))
    );
    let body = move || {
        let entered = if tau_text.get().trim().is_empty() {
            None
        } else {
            match read_percent(tau_text, "Difference to tune for") {
                Ok(v) => Some(v),
                Err(e) => return problem(format!("{e}.")),
            }
        };
        let view = match msprt_view(
            &days, &test, &control, &treatment, launch, min_lift, entered, alpha,
        ) {
            Ok(v) => v,
            Err(e) => return problem(format!("No always-valid p-value for {treatment}: {e}.")),
        };
        let Some(last) = view.looks.last().copied() else {
            return problem("No looks yet.".into());
        };
        let decision = match view.first_significant {
            Some(date) => format!("it has been at or below {} since {}, so the difference holds even with daily looks", format_p(alpha), microplan_model::format::date(date)),
            None => format!("it has not reached {} yet, so daily looks do not yet justify a decision", format_p(alpha)),
        };
        let source = match view.mixing_source {
            MixingSource::Entered => "as entered".to_string(),
            MixingSource::PlannedLift => format!(
                "the pre-registered smallest lift {} times the control's rate so far",
                super::format::signed_percent(min_lift.unwrap_or_default())
            ),
            MixingSource::DefaultLift => {
                "a 10% lift on the control's rate so far (no pre-registered lift)".to_string()
            }
        };
        view! {
            <p role="status" data-testid="msprt-summary">{format!(
                "Always-valid p-value after {} units: {}; {decision}.",
                thousands(last.n_total), microplan_model::format::p_equals(last.p_value)
            )}</p>
            <p class="hint" data-testid="msprt-tau">{format!(
                "Tuned for a difference of {} ({source}); the mixing variance τ² is its square.",
                points(view.mixing_sd)
            )}</p>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-label=label data-testid="msprt">
            <h2>"Always-valid p-value (mSPRT)"</h2>
            {body}
            <div class="field-grid">
                <Field id=id label="Difference to tune for (percentage points, blank = planned)" value=tau_text />
            </div>
            <p class="hint">"A second always-valid check beside the interval above, as Optimizely reports it: a p-value you may read every day. It only ever goes down, and stopping when it falls below the significance level keeps false alarms at that level."</p>
            <details class="explain">
                <summary>"How it is computed"</summary>
                <p>"Normal mixture sequential probability ratio test (Johari, Koomen, Pekelis and Walsh, 2017). At each look, with d the difference in conversion rate and V its variance (p_A(1−p_A)/n_A + p_B(1−p_B)/n_B):"</p>
                <p><code>"Λ = √(V / (V + τ²)) · exp(τ² d² / (2 V (V + τ²)))"</code>", and "<code>"p = min(previous p, 1 / Λ)"</code>"."</p>
                <p>"τ² (the mixing variance) says how large a difference you hope to find: the test is most sensitive near τ. By default τ is the planned smallest worthwhile difference; a τ far from the real effect makes the test slower to conclude but never invalid."</p>
            </details>
        </section>
    }
}

#[component]
fn DidCard(
    days: Vec<TestDay>,
    test: String,
    control: String,
    treatment: String,
    launch: chrono::NaiveDate,
    alpha: f64,
) -> impl IntoView {
    let outcome = RwSignal::new("rate".to_string());
    let errors = RwSignal::new("classic".to_string());
    let heading = format!("Difference in differences: {treatment} against {control}");
    let key = crate::app::files::safe_file_stem(&format!("{test}-{treatment}"));
    let body = move || {
        let outcome_kind = if outcome.get() == "rate" {
            DailyOutcome::Rate
        } else {
            DailyOutcome::Count
        };
        let se = if errors.get() == "classic" {
            DidStdError::Classic
        } else {
            DidStdError::Robust
        };
        let did = match daily_did(
            &days,
            &test,
            &control,
            &treatment,
            launch,
            outcome_kind,
            alpha,
            se,
        ) {
            Ok(d) => d,
            Err(e) => {
                return problem(format!(
                    "Cannot compute the difference in differences: {e}."
                ))
            }
        };
        let is_rate = outcome_kind == DailyOutcome::Rate;
        let show = move |v: f64| if is_rate { points(v) } else { signed_number(v) };
        let level_show = move |v: f64| {
            if is_rate {
                percent(v)
            } else {
                microplan_model::format::number_text(v, 2)
            }
        };
        let e = did.result.effect;
        let relative = did.result.relative_effect.map(|r| format!(" That is {} of what the treated group would have shown without the campaign (point estimate).", microplan_model::format::signed_percent(r))).unwrap_or_default();
        let trend = match &did.pre_trend {
            Ok(t) => {
                let s = t.slope_difference;
                let verdict = if s.p_value < alpha {
                    "the groups were already drifting apart before launch, so the estimate may be biased; look for a better-matched control"
                } else {
                    "no evidence that the groups trended differently before launch (which supports, but cannot prove, the parallel-trends assumption)"
                };
                format!(
                    "Pre-trend check: slopes differ by {} per day ({}): {verdict}.",
                    show(s.estimate),
                    microplan_model::format::p_equals(s.p_value)
                )
            }
            Err(e) => format!("Pre-trend check not possible: {e}."),
        };
        let chart_series = |arm: &str| -> Vec<(f64, f64)> {
            days.iter()
                .filter(|d| d.test == test && d.arm == arm && (!is_rate || d.units > 0))
                .map(|d| {
                    (
                        day_number(d.date),
                        if is_rate {
                            d.conversions as f64 / d.units as f64
                        } else {
                            d.conversions as f64
                        },
                    )
                })
                .collect()
        };
        view! {
            <p role="status" data-testid="did-result">{format!(
                "Estimated incremental effect: {} {} ({} interval {} to {}, {}).{relative}",
                show(e.estimate), if is_rate { "on the daily conversion rate" } else { "conversions per day" }, percent(1.0 - alpha), show(e.lower), show(e.upper), microplan_model::format::p_equals(e.p_value)
            )}</p>
            <p>{format!(
                "Before launch: treated {}, control {}. After: treated {}, control {} ({} days before, {} after).",
                level_show(did.result.treated_pre_mean), level_show(did.result.control_pre_mean),
                level_show(did.result.treated_post_mean), level_show(did.result.control_post_mean), did.pre_days, did.post_days
            )}</p>
            <p>{trend}</p>
            <LineChart
                title="Daily values around launch"
                summary=format!("Treated and control series; launch on {}.", microplan_model::format::date(launch))
                x_label="Date"
                y_label=if is_rate { "Conversion rate" } else { "Conversions" }
                x_format=AxisFormat::Date
                y_format=if is_rate { AxisFormat::Percent } else { AxisFormat::Number }
                series=vec![
                    Series::line(treatment.clone(), chart_series(&treatment)),
                    Series::dashed(control.clone(), chart_series(&control)),
                ]
                markers=vec![Marker::new(day_number(launch), "Launch")]
            />
        }
        .into_any()
    };
    view! {
        <section class="card" aria-label=heading.clone() data-testid="did">
            <h2>{heading.clone()}</h2>
            <div class="field-grid">
                <Choice id=format!("did-outcome-{key}") label="Compare" value=outcome options=OUTCOMES />
                <Choice id=format!("did-errors-{key}") label="Standard errors" value=errors options=ERRORS />
            </div>
            {body}
            <p class="hint">
                "The change in the treated group minus the change in the control group, from before to after \
                 launch: what the treated group gained beyond the common trend. It is the OLS coefficient of \
                 treated × after on the daily values (statsmodels gives the same numbers). It assumes both \
                 groups would have moved in parallel without the campaign, and it treats days as independent; \
                 with strong day-to-day correlation the interval is too narrow."
            </p>
        </section>
    }
}

/// A difference in conversions per day with its sign: "+1.25", "-0.40".
fn signed_number(value: f64) -> String {
    let text = microplan_model::format::number_text(value, 2);
    if value > 0.0 && text != "0.00" {
        format!("+{text}")
    } else {
        text
    }
}
