//! The analysis of one test: verdict, arms, comparisons with raw and adjusted p-values,
//! the forest plot of lifts, the checks (sample ratio, all-arms chi-square), CSV export and
//! an explanation of every number.

use leptos::prelude::*;

use crate::widgets::data_table::{Column, DataTable};

use super::format::{chance, percent, points, signed_percent, thousands};
use crate::app::files::{download_text, safe_file_stem};
use crate::app::state::app_state;
use crate::widgets::charts::{AxisFormat, Bar, BarChart, Threshold};
use microplan_uplift::arms::{format_p, Comparison, TestAnalysis, TestUsed, VerdictKind};
use microplan_workspace::io::uplift_export::results_csv;

#[component]
pub fn AnalysisCard(analysis: TestAnalysis) -> impl IntoView {
    let state = app_state();
    let verdict_class = match analysis.verdict.kind {
        VerdictKind::Scale => "verdict scale",
        VerdictKind::Optimise => "verdict optimise",
        VerdictKind::Pause => "verdict pause",
        VerdictKind::KeepRunning => "verdict keep",
        VerdictKind::CheckSplit => "verdict check",
    };
    let level = percent(1.0 - analysis.alpha);
    let csv = results_csv(&analysis);
    let file = format!("{}-results.csv", safe_file_stem(&analysis.test));
    let export = move |_| match download_text(&file, &csv, "text/csv") {
        Ok(()) => state.notify(format!("Exported the results as {file}.")),
        Err(e) => state.notify_error(format!("Could not export: {e}")),
    };
    let progress = analysis
        .progress
        .map(|p| {
            format!(
                " Units so far: {} of the {} pre-registered.",
                super::format::thousands(p.units),
                super::format::thousands(p.planned)
            )
        })
        .unwrap_or_default();
    let thresholds = match analysis.min_lift {
        Some(m) => format!("Decision thresholds from the pre-registration: significance level {}, smallest lift worth acting on {}.", percent(analysis.alpha), signed_percent(m)),
        None => format!("No pre-registration: significance level {} and any significant lift counts. Draft one below to set the smallest lift worth acting on.", percent(analysis.alpha)),
    };
    // Which pre-registration version the thresholds come from, flagged when amended after launch.
    let plan_test = analysis.test.clone();
    let version_note = move || {
        state.workspace.with(|w| {
            w.as_ref()
                .and_then(|w| w.test_plans.iter().find(|p| p.test == plan_test))
                .map(|p| p.version_note())
        })
    };
    let arm_rows = analysis.arms.iter().map(|arm| view! {
                            <tr>
                                <td>{arm.name.clone()}{arm.is_control.then_some(" (control)")}</td>
                                <td class="numeric">{thousands(arm.units)}</td>
                                <td class="numeric">{thousands(arm.conversions)}</td>
                                <td class="numeric">{format!("{} ({} – {})", percent(arm.rate), percent(arm.rate_lower), percent(arm.rate_upper))}</td>
                                <td class="numeric">{format!("{} – {}", percent(arm.exact_lower), percent(arm.exact_upper))}</td>
                            </tr>
                        }).collect_view();
    view! {
        <section class="card" aria-label=format!("Analysis of {}", analysis.test) data-testid="test-analysis">
            <div class="table-head">
                <h2>{analysis.test.clone()}</h2>
                <button type="button" on:click=export>"Export results CSV"</button>
            </div>
            <div class=verdict_class role="status">
                <strong>{format!("Verdict: {}. ", analysis.verdict.kind.title())}</strong>
                {analysis.verdict.reason.clone()}
            </div>
            <p class="hint">{thresholds}{progress}</p>
            {move || version_note().map(|note| view! {
                <p class=if note.amended_after_launch { "prereg-version deviation" } else { "prereg-version" } data-testid="prereg-version">
                    {note.amended_after_launch.then_some(view! { <strong>"Amended after launch. "</strong> })}
                    {note.text}
                </p>
            })}
            <DataTable label="Arms" class="uplift-arms" columns=vec![
                Column::text("Arm"),
                Column::number("Units"),
                Column::number("Conversions"),
                Column::number(format!("Conversion rate ({level} Wilson interval)")),
                Column::number("Exact interval").titled("Clopper-Pearson"),
            ]>
                {arm_rows}
            </DataTable>
            <p class="hint" data-testid="agresti-coull">{format!(
                "Agresti-Coull interval, as some calculators show: {}. Same centre as Wilson's, a plain ± around it; a little wider, and the two differ only for small counts.",
                analysis.arms.iter().map(|a| format!("{} {} – {}", a.name, percent(a.agresti_coull.0), percent(a.agresti_coull.1))).collect::<Vec<_>>().join(", ")
            )}</p>
            <ComparisonTable comparisons=analysis.comparisons.clone() level=level.clone() />
            <ForestPlot comparisons=analysis.comparisons.clone() level=level.clone() />
            <p class="hint" data-testid="srm">
                {format!(
                    "Sample ratio check: {} against {}{}.",
                    microplan_model::format::p_equals(analysis.srm_p_value),
                    analysis.srm_against,
                    if analysis.srm_mismatch { " — the split is off; see the verdict" } else { ", no sign of a broken split" }
                )}
            </p>
            {analysis.all_arms_chi_square.map(|(stat, df, p)| view! {
                <p class="hint">{format!("All arms together (chi-square test of independence): χ² = {} on {df} degrees of freedom, {}. Small means at least one arm converts differently.", microplan_model::format::number_text(stat, 2), microplan_model::format::p_equals(p))}</p>
            })}
            <Explanations level=level prior=format!("Beta({}, {})", analysis.prior.alpha, analysis.prior.beta) />
        </section>
    }
}

#[component]
fn ComparisonTable(comparisons: Vec<Comparison>, level: String) -> impl IntoView {
    let notes: Vec<String> = comparisons
        .iter()
        .filter_map(|c| {
            c.fisher_note
                .map(|n| format!("{}: {}", c.arm, n.explanation()))
        })
        .collect();
    view! {
        <DataTable label="Comparison with control" testid="comparisons" columns=vec![
            Column::text("Against control"),
            Column::number(format!("Lift, {level} interval")),
            Column::number("Difference in rate"),
            Column::text("Test"),
            Column::number("Chance of a fluke").titled("p-value: how surprising a difference this large would be with no effect"),
            Column::number("Fluke, several arms").titled("Holm-adjusted p-value: the fluke chance corrected for testing several arms; the verdict uses it"),
            Column::number("Fluke, lenient").titled("Benjamini-Hochberg adjusted p-value: a more lenient correction for several arms"),
            Column::number("Chance to win"),
            Column::number("Expected loss"),
        ]>
                    {comparisons.into_iter().map(|c| {
                        let lift = c.lift.map_or("undefined (control has no conversions)".to_string(), |(l, lo, hi)| format!("{} ({} to {})", signed_percent(l), signed_percent(lo), signed_percent(hi)));
                        let (test, other) = match c.test_used {
                            TestUsed::ZTest => ("z-test", c.fisher_p_value.map(|p| format!("Fisher's exact test gives {}", microplan_model::format::p_equals(p)))),
                            TestUsed::Fisher => ("Fisher exact", c.z_p_value.map(|p| format!("small counts; the z-test would give {}", microplan_model::format::p_equals(p)))),
                        };
                        view! {
                            <tr>
                                <td>{c.arm}</td>
                                <td class="numeric">{lift}</td>
                                <td class="numeric">{format!("{} ({} to {})", points(c.difference), points(c.difference_lower), points(c.difference_upper))}</td>
                                <td title=other.unwrap_or_default() tabindex="-1">{test}</td>
                                <td class="numeric">{format_p(c.p_value)}</td>
                                <td class="numeric">{format_p(c.holm_p_value)}</td>
                                <td class="numeric">{format_p(c.bh_p_value)}</td>
                                <td class="numeric">{chance(c.chance_to_beat_control)}</td>
                                <td class="numeric">{format!("{} pp", microplan_model::format::number_text(c.expected_loss * 100.0, 2))}</td>
                            </tr>
                        }
                    }).collect_view()}
        </DataTable>
        {notes.into_iter().map(|n| view! { <p class="hint" role="note" data-testid="fisher-note">{n}</p> }).collect_view()}
    }
}

/// Lift and interval of each arm on one axis (the shared bar chart with whiskers).
#[component]
fn ForestPlot(comparisons: Vec<Comparison>, level: String) -> impl IntoView {
    let bars: Vec<Bar> = comparisons
        .iter()
        .filter_map(|c| {
            c.lift.map(|(l, lo, hi)| {
                Bar::new(c.arm.clone(), l)
                    .with_interval(Some((lo, hi)))
                    .highlighted(lo > 0.0)
            })
        })
        .collect();
    let summary = comparisons
        .iter()
        .filter_map(|c| {
            c.lift.map(|(l, lo, hi)| {
                format!(
                    "{}: lift {} ({} to {})",
                    c.arm,
                    signed_percent(l),
                    signed_percent(lo),
                    signed_percent(hi)
                )
            })
        })
        .collect::<Vec<_>>()
        .join("; ");
    (!bars.is_empty()).then(|| {
        view! {
            <BarChart
                title=format!("Lift against control with {level} intervals")
                summary=summary
                x_label="Arm"
                y_label="Lift"
                y_format=AxisFormat::Percent
                bars=bars
                thresholds=vec![Threshold::new(0.0, "No effect")]
            />
        }
    })
}

#[component]
fn Explanations(level: String, prior: String) -> impl IntoView {
    view! {
        <details class="explain">
            <summary>"What these numbers mean"</summary>
            <dl>
                <dt>"Conversion rate"</dt>
                <dd>{format!("Conversions divided by units. The {level} interval (Wilson score) is the range of true rates consistent with the data; the exact (Clopper-Pearson) interval is wider and never too narrow, which matters for small counts. Agresti-Coull: centre (x + z²/2) / (n + z²), Wilson's centre, with a Wald ± z √(p̃(1 − p̃)/(n + z²)) around it.")}</dd>
                <dt>"Lift"</dt>
                <dd>"How much better the arm converts than control, relative: rate of arm / rate of control − 1. Its interval uses the delta method."</dd>
                <dt>"Difference in rate"</dt>
                <dd>"The same comparison in percentage points (arm rate − control rate), with Newcombe's hybrid score interval."</dd>
                <dt>"Chance of a fluke (p-value) and test"</dt>
                <dd>"How surprising a difference this large would be if the campaign had no effect. The two-sided pooled z-test is used, or Fisher's exact test when an expected count is below 5 ("<span class="on-hover">"hover"</span><span class="on-touch">"tap"</span>" the test name to see the other). When nobody (or everybody) converted in both arms, Fisher's p is 1 by construction and a note says the test has no information. Small means unlikely to be chance; it says nothing about size: read it with the lift. Values below 0.001 read \"< 0.001\"."</dd>
                <dt>"Fluke, several arms (Holm) and Fluke, lenient (Benjamini-Hochberg)"</dt>
                <dd>"With several arms the chance of a fluke grows. Holm keeps the chance of any false alarm at alpha (the verdict uses it); Benjamini-Hochberg keeps the share of false alarms among the arms called winners at alpha, and is less strict."</dd>
                <dt>"Chance to beat control (the Chance to win column)"</dt>
                <dd>{format!("Bayesian view with {prior} priors on both rates: the probability that the arm's true rate is higher than control's. Change the prior above the analyses.")}</dd>
                <dt>"Expected loss"</dt>
                <dd>"If you roll out this arm and it is in fact worse, the conversion rate you would lose on average, in percentage points."</dd>
                <dt>"Sample ratio check"</dt>
                <dd>"A chi-square test that the arms got the share of units the pre-registration planned (an equal split without one). p below 0.001 means something broke the split, and the verdict refuses to scale."</dd>
            </dl>
        </details>
    }
}
