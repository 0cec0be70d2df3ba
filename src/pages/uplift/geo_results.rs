//! The result of one regional test: lift with the placebo p-value and the pre-period fit,
//! the verdict under the pre-registered rule, the treated-vs-synthetic and gap charts, the
//! donor weights and the smallest lift a test of a chosen length would detect.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::geo_background::in_background;
use crate::app::state::app_state;
use crate::widgets::charts::{AxisFormat, LineChart, Marker, Series, Threshold};
use crate::widgets::live_fields::{problem, read_count, Field};
use microplan_model::format::{number_text, p_equals, percent, signed_percent};
use microplan_uplift::daily::day_number;
use microplan_uplift::geo::analysis::GeoAnalysis;
use microplan_uplift::geo::power::{GeoPower, TARGET_POWER};
use microplan_uplift::geo::verdict::geo_verdict;
use microplan_uplift::geo::{GeoEstimator, GeoTest, POOR_FIT_RATIO};
use microplan_uplift::verdict::{format_p, VerdictKind};
use microplan_worker::protocol::{Job, Reply};

/// Significance level when the test has no pre-registration.
const DEFAULT_ALPHA: f64 = 0.05;

#[component]
pub fn GeoResults(test: GeoTest) -> impl IntoView {
    if test.treated_regions.is_empty() || test.launch_date.is_none() {
        return view! { <p class="hint">"Tick the treated regions and set the launch date to see the synthetic control."</p> }.into_any();
    }
    let outcome = RwSignal::new(None::<Result<GeoAnalysis, String>>);
    let dates = test
        .points
        .iter()
        .map(|p| p.date)
        .collect::<BTreeSet<_>>()
        .len();
    let waiting = format!(
        "Analysing {} regions × {dates} dates in the background…",
        test.regions().len()
    );
    in_background(
        format!("analysis:{}", test.name),
        Job::GeoAnalysis { test: test.clone() },
        |reply| match reply {
            Reply::GeoAnalysis { result } => Some(result.map(|a| *a)),
            _ => None,
        },
        move |result| {
            let _ = outcome.try_set(Some(result));
        },
    );
    let test = StoredValue::new(test);
    (move || match outcome.get() {
        None => view! { <p class="hint" role="status" data-testid="geo-analysing">{waiting.clone()}</p> }.into_any(),
        Some(Err(e)) => problem(format!("No synthetic control for “{}”: {e}.", test.with_value(|t| t.name.clone()))),
        Some(Ok(analysis)) => analysed(test.get_value(), analysis),
    })
    .into_any()
}

/// The results of a finished analysis.
fn analysed(test: GeoTest, analysis: GeoAnalysis) -> AnyView {
    let state = app_state();
    let plan = state.workspace.with_untracked(|w| {
        w.as_ref()
            .and_then(|w| w.test_plans.iter().find(|p| p.test == test.name).cloned())
    });
    let (alpha, min_lift) = plan
        .as_ref()
        .map_or((DEFAULT_ALPHA, 0.0), |p| (p.alpha, p.min_lift));
    let verdict = geo_verdict(&analysis, alpha, min_lift);
    let title = if verdict.kind == VerdictKind::CheckSplit {
        "Check the fit first"
    } else {
        verdict.kind.title()
    };
    let rule = match &plan {
        Some(_) => format!(
            "Pre-registered rule: significance {}, smallest worthwhile lift {}.",
            format_p(alpha),
            signed_percent(min_lift)
        ),
        None => format!(
            "No pre-registration named “{}”: significance {} and any positive lift.",
            test.name,
            format_p(alpha)
        ),
    };
    let metric = if test.metric.is_empty() {
        "value".to_string()
    } else {
        test.metric.clone()
    };
    let test_for_candidates = test.clone();
    view! {
        <p role="status" data-testid="geo-lift">{lift_sentence(&analysis, &metric)}</p>
        <p data-testid="geo-fit">{fit_sentence(&analysis)}</p>
        <p data-testid="geo-estimator">{estimator_sentence(&analysis)}</p>
        {analysis.fit.poor_fit.then(|| view! {
            <p class="error-text" role="alert" data-testid="geo-poor-fit">{format!(
                "Fit too poor to trust: before launch the synthetic control misses the treated regions by {} of their level (more than {}). The gap after launch is not evidence of a lift; choose treated regions that the held-back ones can reproduce, or a longer pre-period.",
                analysis.fit.fit_ratio.map_or("—".to_string(), percent), percent(POOR_FIT_RATIO)
            )}</p>
        })}
        <p class="verdict" data-testid="geo-verdict"><strong>{title}</strong>{format!(": {}. {rule}", verdict.reason)}</p>
        {charts(&analysis, &metric)}
        {weights_table(&analysis)}
        <GeoPowerForm test=test alpha=alpha post_days=analysis.fit.lift.post_days />
        <super::geo_planning::GeoCandidates test=test_for_candidates />
    }
    .into_any()
}

fn lift_sentence(analysis: &GeoAnalysis, metric: &str) -> String {
    let lift = analysis.fit.lift;
    let relative = lift.relative.map_or(String::new(), |r| {
        format!(" ({} against the synthetic control)", signed_percent(r))
    });
    let placebo = match &analysis.placebo {
        Some(p) => format!(
            "placebo {} (rank {} of {} regions by post/pre RMSPE ratio)",
            p_equals(p.p_value),
            p.rank,
            p.units
        ),
        None => "no placebo p-value with a single held-back region".to_string(),
    };
    format!(
        "Lift after launch: {} {metric} in total over {} dates, {} per date{relative}; {placebo}.",
        signed(lift.cumulative),
        lift.post_days,
        signed(lift.average)
    )
}

/// Which estimator was used, its penalty and both pre-period fits.
fn estimator_sentence(analysis: &GeoAnalysis) -> String {
    let penalty = analysis.penalty.map(|p| {
        let how = if p.folds > 0 {
            format!(
                "chosen by leave-one-date-out cross-validation over {} dates",
                p.folds
            )
        } else {
            "as set".to_string()
        };
        format!("ridge penalty {} × λmax ({how})", penalty_text(p.relative))
    });
    let augmented = analysis
        .augmented_pre_rmspe
        .map_or("could not be fitted".to_string(), |r| number_text(r, 2));
    let fits = format!("pre-period RMSPE {} with the synthetic control, {augmented} with the augmented (ridge) one", number_text(analysis.synthetic_pre_rmspe, 2));
    match analysis.estimator {
        GeoEstimator::SyntheticControl => format!("Estimator: synthetic control; {fits}{}.", penalty.map_or(String::new(), |p| format!(" ({p})"))),
        GeoEstimator::AugmentedRidge => format!("Estimator: augmented (ridge), {}; {fits}. Weights may be negative; the placebo test uses the same estimator and penalty.", penalty.unwrap_or_default()),
    }
}

/// A penalty relative to λmax with two significant digits: "0.25", "6.3 × 10^-4".
pub(super) fn penalty_text(relative: f64) -> String {
    if !(relative > 0.0 && relative.is_finite()) {
        return "—".to_string();
    }
    let magnitude = relative.log10().floor();
    if magnitude >= -2.0 {
        return number_text(relative, (1.0 - magnitude).clamp(0.0, 6.0) as usize);
    }
    format!(
        "{} × 10^{}",
        number_text(relative / 10f64.powf(magnitude), 1),
        magnitude as i32
    )
}

fn fit_sentence(analysis: &GeoAnalysis) -> String {
    let fit = &analysis.fit;
    let dropped = if analysis.dropped_dates > 0 {
        format!(
            " {} dates missing in some region were left out.",
            analysis.dropped_dates
        )
    } else {
        String::new()
    };
    format!(
        "Pre-period fit over {} dates: RMSPE {} ({} of the treated level); after launch RMSPE {}, ratio {}.{dropped}",
        fit.pre_days,
        number_text(fit.pre_rmspe, 2),
        fit.fit_ratio.map_or("—".to_string(), percent),
        number_text(fit.post_rmspe, 2),
        ratio_text(fit.rmspe_ratio)
    )
}

/// The post/pre ratio; a near-perfect pre-period fit makes it huge, which says little more.
fn ratio_text(ratio: f64) -> String {
    if ratio > 1e6 {
        "over 1,000,000 (a near-perfect fit before launch)".to_string()
    } else {
        number_text(ratio, 2)
    }
}

fn signed(value: f64) -> String {
    let text = number_text(value, 1);
    if value > 0.0 && text != "0.0" {
        format!("+{text}")
    } else {
        text
    }
}

fn charts(analysis: &GeoAnalysis, metric: &str) -> AnyView {
    let x: Vec<f64> = analysis.dates.iter().map(|d| day_number(*d)).collect();
    let line = |values: &[f64]| {
        x.iter()
            .copied()
            .zip(values.iter().copied())
            .collect::<Vec<_>>()
    };
    let launch = vec![Marker::new(
        day_number(analysis.launch),
        format!("Launch, {}", analysis.launch),
    )];
    let treated_label = if analysis.treated_regions.len() == 1 {
        analysis.treated_regions.join("")
    } else {
        format!(
            "Treated regions (mean of {})",
            analysis.treated_regions.len()
        )
    };
    view! {
        <div data-testid="geo-path-chart">
            <LineChart
                title=format!("{treated_label} and its synthetic control")
                summary=format!("{metric} by date: the treated series and the weighted mix of held-back regions; they should overlap before launch.")
                x_label="Date"
                y_label=metric.to_string()
                x_format=AxisFormat::Date
                series=vec![
                    Series::line(treated_label.clone(), line(&analysis.treated)),
                    Series::dashed("Synthetic control", line(&analysis.fit.synthetic)),
                ]
                markers=launch.clone()
            />
        </div>
        <div data-testid="geo-gap-chart">
            <LineChart
                title="Gap: treated minus synthetic"
                summary="Near zero before launch when the fit is good; the gap after launch is the estimated lift per date."
                x_label="Date"
                y_label=format!("Gap in {metric}")
                x_format=AxisFormat::Date
                series=vec![Series::line("Gap", line(&analysis.fit.gap))]
                markers=launch
                thresholds=vec![Threshold::new(0.0, "No effect")]
            />
        </div>
    }
    .into_any()
}

fn weights_table(analysis: &GeoAnalysis) -> AnyView {
    let signed_weights = analysis.estimator == GeoEstimator::AugmentedRidge;
    let mut rows: Vec<(String, f64)> = analysis
        .donors
        .iter()
        .filter(|(_, w)| w.abs() >= 0.0005)
        .cloned()
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    let rest = analysis.donors.len().saturating_sub(rows.len());
    view! {
        <table data-testid="geo-weights">
            <caption>"Weights of the held-back regions in the synthetic control"</caption>
            <thead><tr><th scope="col">"Region"</th><th scope="col" class="numeric">"Weight"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(region, weight)| view! {
                    <tr><td>{region}</td><td class="numeric">{if signed_weights { signed_percent(weight) } else { percent(weight) }}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        {(rest > 0).then(|| view! { <p class="hint">{format!("{rest} other held-back regions have a weight below 0.05% in size.")}</p> })}
    }
    .into_any()
}

/// The smallest lift a test of a chosen length would detect, simulated on the pre-period.
#[component]
fn GeoPowerForm(test: GeoTest, alpha: f64, post_days: usize) -> impl IntoView {
    let days = RwSignal::new(post_days.to_string());
    let answer = RwSignal::new(None::<Result<(GeoPower, usize), String>>);
    let simulating = RwSignal::new(false);
    let test = StoredValue::new(test);
    let run = move |_| {
        let length = match read_count(days, "Test length") {
            Ok(d) => usize::try_from(d).unwrap_or(usize::MAX),
            Err(e) => return answer.set(Some(Err(e))),
        };
        simulating.set(true);
        in_background(
            format!("power:{}", test.with_value(|t| t.name.clone())),
            Job::GeoPower {
                test: test.get_value(),
                test_days: length,
                alpha,
            },
            |reply| match reply {
                Reply::GeoPower { result } => Some(result),
                _ => None,
            },
            move |result| {
                let _ = simulating.try_set(false);
                let _ = answer.try_set(Some(
                    result
                        .map(|p| (p, length))
                        .map_err(|e| format!("No power estimate: {e}")),
                ));
            },
        );
    };
    let show = move || {
        answer.get().map(|result| match result {
            Err(e) => problem(format!("{e}.")),
            Ok((power, length)) => {
                let curve = power.curve.iter().map(|(l, p)| format!("{} → {}", signed_percent(*l), percent(*p))).collect::<Vec<_>>().join(", ");
                let headline = match power.minimum_detectable_lift {
                    Some(l) => format!("A test of {length} dates would detect a lift of {} or more in {} of the placebo windows.", signed_percent(l), percent(TARGET_POWER)),
                    None => format!("No lift up to +50% reaches {} power with {length} dates at significance {}.", percent(TARGET_POWER), format_p(alpha)),
                };
                let budget = power.minimum_detectable_lift.map(|lift| view! { <super::geo_planning::GeoImpliedBudget test=test.get_value() lift=lift length=length /> });
                view! {
                    <p data-testid="geo-power">{headline}</p>
                    {budget}
                    <p class="hint">{format!("Simulated on {} windows of the pre-period with the plain synthetic control: the lift is injected into the treated series and the placebo test run. Power by lift: {curve}.", power.windows)}</p>
                }.into_any()
            }
        })
    };
    view! {
        <details class="explain">
            <summary>"Smallest detectable lift for a test length"</summary>
            <div class="field-grid">
                <Field id=format!("geo-power-days-{}", crate::app::files::safe_file_stem(&test.get_value().name)) label="Test length (dates)" value=days />
                <span class="field"><button type="button" on:click=run>"Estimate"</button></span>
            </div>
            {move || simulating.get().then(|| view! { <p class="hint" role="status" data-testid="geo-power-simulating">"Simulating the test in the background…"</p> })}
            {show}
        </details>
    }
}
