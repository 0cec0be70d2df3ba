//! Uplift tests: the analysis of finished tests from their arm totals. Planning, sequential
//! monitoring and pre-registration are not built yet and the page says so.

use leptos::prelude::*;

use super::section_page::NotBuiltNotice;
use super::state::app_state;
use super::table_view::TableView;
use crate::domain::uplift::{analyse_test, format_p, test_names, Comparison, TestAnalysis, VerdictKind};
use crate::io::TableKind;

const ALPHA: f64 = 0.05;

fn percent(fraction: f64, decimals: usize) -> String {
    format!("{:.*}%", decimals, fraction * 100.0)
}

fn signed_percent(fraction: f64) -> String {
    format!("{:+.1}%", fraction * 100.0)
}

#[component]
pub fn UpliftPage() -> impl IntoView {
    let state = app_state();
    let analyses = Memo::new(move |_| {
        state.workspace.with(|workspace| {
            workspace
                .as_ref()
                .map(|w| {
                    test_names(&w.test_arms)
                        .into_iter()
                        .map(|name| analyse_test(&w.test_arms, &name, ALPHA).map_err(|e| (name, e)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <h1 id="section-heading" tabindex="-1">"Uplift tests"</h1>
        <p class="lead">
            "Did the creators cause the extra sales, or would they have happened anyway? Each \
             test compares people or regions that saw the campaign with a control group that \
             did not."
        </p>
        {move || {
            let list = analyses.get();
            if list.is_empty() {
                view! {
                    <p class="card empty">
                        "No test results yet. Import test arms (one row per arm: units, conversions, \
                         which arm is the control) below, or load the demo workspace."
                    </p>
                }
                    .into_any()
            } else {
                list.into_iter()
                    .map(|result| match result {
                        Ok(analysis) => view! { <AnalysisCard analysis=analysis /> }.into_any(),
                        Err((name, reason)) => view! {
                            <section class="card">
                                <h2>{name}</h2>
                                <p class="error-text">{format!("Cannot analyse this test: {reason}.")}</p>
                            </section>
                        }
                            .into_any(),
                    })
                    .collect_view()
                    .into_any()
            }
        }}
        <NotBuiltNotice what="Test planning (sample size, minimum detectable effect, power curves), \
                              the gifted-seeding planner, pre-registration, sequential monitoring \
                              for daily looks, continuous metrics such as revenue per user, and \
                              brand-lift surveys are not part of this version yet." />
        <TableView kind=TableKind::TestArms />
    }
}

#[component]
fn AnalysisCard(analysis: TestAnalysis) -> impl IntoView {
    let verdict_class = match analysis.verdict.kind {
        VerdictKind::Scale => "verdict scale",
        VerdictKind::Pause => "verdict pause",
        VerdictKind::KeepRunning => "verdict keep",
        VerdictKind::CheckSplit => "verdict check",
    };
    let verdict_title = match analysis.verdict.kind {
        VerdictKind::Scale => "Scale",
        VerdictKind::Pause => "Pause",
        VerdictKind::KeepRunning => "Keep running",
        VerdictKind::CheckSplit => "Check the split first",
    };
    let level = percent(1.0 - analysis.alpha, 0);
    view! {
        <section class="card" aria-label=format!("Analysis of {}", analysis.test) data-testid="test-analysis">
            <h2>{analysis.test.clone()}</h2>
            <div class=verdict_class role="status">
                <strong>{format!("Verdict: {verdict_title}. ")}</strong>
                {analysis.verdict.reason.clone()}
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Arms">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Arm"</th>
                            <th scope="col" class="numeric">"Units"</th>
                            <th scope="col" class="numeric">"Conversions"</th>
                            <th scope="col" class="numeric" title="Wilson score interval">
                                {format!("Conversion rate ({level} interval)")}
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        {analysis.arms.iter().map(|arm| view! {
                            <tr>
                                <td>{arm.name.clone()}{arm.is_control.then_some(" (control)")}</td>
                                <td class="numeric">{arm.units}</td>
                                <td class="numeric">{arm.conversions}</td>
                                <td class="numeric">
                                    {format!("{} ({} – {})", percent(arm.rate, 2), percent(arm.rate_lower, 2), percent(arm.rate_upper, 2))}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <ComparisonTable comparisons=analysis.comparisons.clone() level=level.clone() />
            <ForestPlot comparisons=analysis.comparisons.clone() level=level.clone() />
            <p class="hint">
                {format!(
                    "Sample ratio check: p = {} against an equal split{}.",
                    format_p(analysis.srm_p_value),
                    if analysis.srm_mismatch { " — the split is off; see the verdict" } else { ", no sign of a broken split" }
                )}
            </p>
            <Explanations level=level />
        </section>
    }
}

#[component]
fn ComparisonTable(comparisons: Vec<Comparison>, level: String) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Comparison with control">
            <table data-testid="comparisons">
                <thead>
                    <tr>
                        <th scope="col">"Against control"</th>
                        <th scope="col" class="numeric">{format!("Lift ({level} interval)")}</th>
                        <th scope="col" class="numeric">{format!("Difference in rate ({level} interval)")}</th>
                        <th scope="col" class="numeric">"p-value"</th>
                        <th scope="col" class="numeric">"Holm-adjusted p"</th>
                        <th scope="col" class="numeric">"Chance to beat control"</th>
                        <th scope="col" class="numeric">"Expected loss"</th>
                    </tr>
                </thead>
                <tbody>
                    {comparisons.into_iter().map(|c| view! {
                        <tr>
                            <td>{c.arm}</td>
                            <td class="numeric">{format!("{} ({} to {})", signed_percent(c.lift), signed_percent(c.lift_lower), signed_percent(c.lift_upper))}</td>
                            <td class="numeric">{format!("{:+.3} pp ({:+.3} to {:+.3})", c.difference * 100.0, c.difference_lower * 100.0, c.difference_upper * 100.0)}</td>
                            <td class="numeric">{format_p(c.p_value)}</td>
                            <td class="numeric">{format_p(c.adjusted_p_value)}</td>
                            <td class="numeric">{percent(c.chance_to_beat_control, 1)}</td>
                            <td class="numeric">{format!("{:.4} pp", c.expected_loss * 100.0)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Lift and interval of each arm on one axis, with zero (no effect) marked.
#[component]
fn ForestPlot(comparisons: Vec<Comparison>, level: String) -> impl IntoView {
    const WIDTH: f64 = 560.0;
    const ROW: f64 = 34.0;
    const LEFT: f64 = 150.0;
    const RIGHT: f64 = 24.0;
    let low = comparisons.iter().map(|c| c.lift_lower).fold(0.0_f64, f64::min);
    let high = comparisons.iter().map(|c| c.lift_upper).fold(0.0_f64, f64::max);
    let pad = ((high - low) * 0.1).max(0.01);
    let (low, high) = (low - pad, high + pad);
    let x = move |value: f64| LEFT + (value - low) / (high - low) * (WIDTH - LEFT - RIGHT);
    let height = ROW * comparisons.len() as f64 + 30.0;
    let description = comparisons
        .iter()
        .map(|c| format!("{}: lift {} ({} to {})", c.arm, signed_percent(c.lift), signed_percent(c.lift_lower), signed_percent(c.lift_upper)))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-label=format!("Forest plot of lift against control with {level} intervals. {description}")
            >
                <line class="axis-zero" x1=x(0.0) x2=x(0.0) y1="4" y2=height - 22.0 />
                <text class="tick" x=x(0.0) y=height - 6.0 text-anchor="middle">"0% (no effect)"</text>
                {comparisons.iter().enumerate().map(|(row, c)| {
                    let y = 18.0 + ROW * row as f64;
                    view! {
                        <text class="label" x="4" y=y + 4.0>{c.arm.clone()}</text>
                        <line class="interval" x1=x(c.lift_lower) x2=x(c.lift_upper) y1=y y2=y />
                        <circle class="estimate" cx=x(c.lift) cy=y r="5" />
                        <text class="tick" x=x(c.lift) y=y - 9.0 text-anchor="middle">{signed_percent(c.lift)}</text>
                    }
                }).collect_view()}
            </svg>
            <figcaption class="hint">
                {format!("Dots are the measured lift; bars the {level} interval. A bar that stays right of zero means the arm beat control.")}
            </figcaption>
        </figure>
    }
}

#[component]
fn Explanations(level: String) -> impl IntoView {
    view! {
        <details class="explain">
            <summary>"What these numbers mean"</summary>
            <dl>
                <dt>"Conversion rate"</dt>
                <dd>{format!("Conversions divided by units. The {level} interval (Wilson score) is the range of true rates consistent with the data.")}</dd>
                <dt>"Lift"</dt>
                <dd>"How much better the arm converts than control, relative: rate of arm / rate of control − 1. Its interval uses the delta method."</dd>
                <dt>"Difference in rate"</dt>
                <dd>"The same comparison in percentage points (arm rate − control rate), with Newcombe's hybrid score interval."</dd>
                <dt>"p-value"</dt>
                <dd>"Two-sided pooled z-test: how surprising a difference this large would be if the campaign had no effect. Small (below 0.05) means unlikely to be chance. It says nothing about size: read it with the lift."</dd>
                <dt>"Holm-adjusted p"</dt>
                <dd>"With several arms, the chance of a fluke grows; Holm's method raises the p-values to keep the overall false-alarm rate at 5%."</dd>
                <dt>"Chance to beat control"</dt>
                <dd>"Bayesian view with flat Beta(1, 1) priors: the probability that the arm's true rate is higher than control's."</dd>
                <dt>"Expected loss"</dt>
                <dd>"If you roll out this arm and it is in fact worse, the conversion rate you would lose on average, in percentage points."</dd>
                <dt>"Sample ratio check"</dt>
                <dd>"A chi-square test that the arms got the share of units the plan intended (an equal split). p below 0.001 means something broke the split, and the verdict refuses to scale."</dd>
            </dl>
        </details>
    }
}
