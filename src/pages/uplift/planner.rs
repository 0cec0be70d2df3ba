//! The planner cards: sample size per arm and in total (every formula, the default first),
//! the minimum detectable effect for a sample or for days x daily traffic, the power curve,
//! and the gifted-seeding planner with its distribution of posts.

use leptos::prelude::*;

use crate::widgets::data_table::{columns, DataTable};

use super::format::{percent, thousands};
use crate::widgets::charts::{AxisFormat, Bar, BarChart, LineChart, Marker, Series, Threshold};
use crate::widgets::live_fields::{problem, read, read_count, read_percent, Choice, Field};
use microplan_stats::binomial_planning::{creators_to_seed, posts_distribution};
use microplan_stats::power::TestDesign;
use microplan_stats::Alternative;
use microplan_uplift::planning::{
    days_needed, minimum_detectable_effect, power_curve, sample_size, total_from_days, Effect,
    PlanMetric,
};

const METRICS: &[(&str, &str)] = &[
    ("conversion", "Conversion rate"),
    ("mean", "Mean per unit (revenue per visitor)"),
];
const EFFECTS: &[(&str, &str)] = &[
    ("relative", "Relative (% of baseline)"),
    ("absolute", "Absolute"),
];
const SIDES: &[(&str, &str)] = &[
    ("two", "Two-sided (better or worse)"),
    ("greater", "One-sided (only better)"),
];
const MDE_MODES: &[(&str, &str)] = &[("days", "Days × daily traffic"), ("total", "Total units")];

#[derive(Clone, Copy)]
struct PlanForm {
    metric: RwSignal<String>,
    baseline: RwSignal<String>,
    sd: RwSignal<String>,
    effect: RwSignal<String>,
    effect_kind: RwSignal<String>,
    alpha: RwSignal<String>,
    power: RwSignal<String>,
    sides: RwSignal<String>,
    ratio: RwSignal<String>,
    daily: RwSignal<String>,
}

impl PlanForm {
    fn is_rate(&self) -> bool {
        self.metric.get() == "conversion"
    }

    fn metric(&self) -> Result<PlanMetric, String> {
        if self.is_rate() {
            Ok(PlanMetric::Conversion {
                baseline: read_percent(self.baseline, "Baseline conversion rate")?,
            })
        } else {
            Ok(PlanMetric::Mean {
                baseline: read(self.baseline, "Baseline mean")?,
                sd: read(self.sd, "Standard deviation")?,
            })
        }
    }

    fn effect(&self) -> Result<Effect, String> {
        let value = read(self.effect, "Effect to detect")?;
        Ok(match (self.effect_kind.get().as_str(), self.is_rate()) {
            ("relative", _) => Effect::Relative(value / 100.0),
            (_, true) => Effect::Absolute(value / 100.0),
            _ => Effect::Absolute(value),
        })
    }

    fn design(&self) -> Result<TestDesign, String> {
        Ok(TestDesign {
            alpha: read_percent(self.alpha, "Significance level")?,
            power: read_percent(self.power, "Power")?,
            ratio: read(self.ratio, "Allocation ratio")?,
            alternative: if self.sides.get() == "two" {
                Alternative::TwoSided
            } else {
                Alternative::Greater
            },
        })
    }
}

#[component]
pub fn PlannerCard() -> impl IntoView {
    let f = PlanForm {
        metric: RwSignal::new("conversion".into()),
        baseline: RwSignal::new("1.3".into()),
        sd: RwSignal::new("40".into()),
        effect: RwSignal::new("20".into()),
        effect_kind: RwSignal::new("relative".into()),
        alpha: RwSignal::new("5".into()),
        power: RwSignal::new("80".into()),
        sides: RwSignal::new("two".into()),
        ratio: RwSignal::new("1".into()),
        daily: RwSignal::new("3500".into()),
    };
    let baseline_label = move || {
        if f.is_rate() {
            "Baseline conversion rate (%)"
        } else {
            "Baseline mean per unit"
        }
    };
    view! {
        <section class="card uplift-planner" aria-labelledby="planner-heading">
            <h2 id="planner-heading">"Plan a test"</h2>
            <p class="hint">"Results update as you type. Enter the control group's current level and the smallest change worth acting on."</p>
            <div class="field-grid">
                <Choice id="plan-metric" label="Metric" value=f.metric options=METRICS />
                <span class="field">
                    <label for="plan-baseline">{baseline_label}</label>
                    <input id="plan-baseline" type="number" step="any" prop:value=move || f.baseline.get()
                        on:input=move |ev| f.baseline.set(event_target_value(&ev)) />
                </span>
                <Show when=move || !f.is_rate()>
                    <Field id="plan-sd" label="Standard deviation per unit" value=f.sd hint="From past data; revenue is often 2-5 times its mean." />
                </Show>
                <Field id="plan-effect" label="Effect to detect" value=f.effect hint="Relative: % of the baseline. Absolute: percentage points (rates) or currency units (means)." />
                <Choice id="plan-effect-kind" label="Effect is" value=f.effect_kind options=EFFECTS />
                <Field id="plan-alpha" label="Significance level (%)" value=f.alpha hint="Accepted chance of a false alarm." />
                <Field id="plan-power" label="Power (%)" value=f.power hint="Chance to detect the effect if it is real." />
                <Choice id="plan-sides" label="Test" value=f.sides options=SIDES />
                <Field id="plan-ratio" label="Allocation ratio (treatment per control unit)" value=f.ratio hint="1 for a 50/50 split, 2 for 1:2." />
                <Field id="plan-daily" label="Daily traffic (units per day, all arms)" value=f.daily />
            </div>
            {move || sample_size_view(f)}
            <MdeView form=f />
        </section>
    }
}

fn sample_size_view(f: PlanForm) -> AnyView {
    let computed = (|| {
        let (metric, effect, design) = (f.metric()?, f.effect()?, f.design()?);
        let answer = sample_size(metric, effect, &design)?;
        let first = answer
            .options
            .first()
            .cloned()
            .ok_or("no formula applies")?;
        let curve = power_curve(metric, answer.target, &design, first.total as f64, 60)?;
        let days = read(f.daily, "Daily traffic")
            .ok()
            .map(|d| days_needed(first.total, d));
        Ok::<_, String>((answer, first, curve, design.power, days))
    })();
    let (answer, first, curve, power, days) = match computed {
        Ok(v) => v,
        Err(e) => return problem(format!("Cannot plan yet: {e}.")),
    };
    let is_rate = f.is_rate();
    let show = move |v: f64| {
        if is_rate {
            percent(v)
        } else {
            microplan_model::format::number_text(v, 2)
        }
    };
    let days_text = match days {
        Some(Ok(d)) => format!(
            " At the daily traffic entered that takes {} days.",
            thousands(d)
        ),
        Some(Err(e)) => format!(" ({e})"),
        None => String::new(),
    };
    view! {
        <div class="plan-result" role="status" data-testid="plan-result">
            <p class="big-number">
                <strong>{thousands(first.total)}</strong>
                {format!(" units in total: {} in control and {} in treatment.", thousands(first.n_control), thousands(first.n_treatment))}
            </p>
            <p>{format!("This detects a change from {} to {} with {} power ({} reached after rounding up).{days_text}",
                show(answer.baseline), show(answer.target), percent(power), percent(first.achieved_power))}</p>
            <p class="hint">{format!("Formula used: {}", first.explanation)}</p>
        </div>
        <details class="explain">
            <summary>"Other formulas give slightly different sizes"</summary>
            <DataTable label="Sample size by formula" testid="plan-formulas"
                columns=columns(&[("Formula", false), ("Control", true), ("Treatment", true), ("Total", true), ("Power reached", true), ("What it assumes", false)])>
                    {answer.options.into_iter().map(|o| view! {
                        <tr>
                            <td>{o.method}</td><td class="numeric">{thousands(o.n_control)}</td>
                            <td class="numeric">{thousands(o.n_treatment)}</td><td class="numeric">{thousands(o.total)}</td>
                            <td class="numeric">{percent(o.achieved_power)}</td><td>{o.explanation}</td>
                        </tr>
                    }).collect_view()}
            </DataTable>
        </details>
        <LineChart
            title="Power curve"
            summary=format!("Chance to detect the planned effect by total sample size; {} units reach {}.", thousands(first.total), percent(power))
            x_label="Total units (all arms)"
            y_label="Power"
            x_format=AxisFormat::Integer
            y_format=AxisFormat::Percent
            series=vec![Series::line("Power (default formula)", curve)]
            markers=vec![Marker::new(first.total as f64, "Planned size")]
            thresholds=vec![Threshold::new(power, format!("{} power", percent(power)))]
        />
    }
    .into_any()
}

#[component]
fn MdeView(form: PlanForm) -> impl IntoView {
    let mode = RwSignal::new("days".to_string());
    let days = RwSignal::new("28".to_string());
    let total = RwSignal::new("50000".to_string());
    let result = move || {
        let design = form.design()?;
        let metric = form.metric()?;
        let n = if mode.get() == "days" {
            total_from_days(read(days, "Days")?, read(form.daily, "Daily traffic")?)?
        } else {
            read(total, "Total units")?
        };
        Ok::<_, String>((n, minimum_detectable_effect(metric, n, &design)?))
    };
    view! {
        <h3>"What can a given sample detect?"</h3>
        <div class="field-grid">
            <Choice id="mde-mode" label="Sample given as" value=mode options=MDE_MODES />
            <Show when=move || mode.get() == "days" fallback=move || view! { <Field id="mde-total" label="Total units (all arms)" value=total /> }>
                <Field id="mde-days" label="Days the test runs" value=days hint="Uses the daily traffic above." />
            </Show>
        </div>
        {move || match result() {
            Err(e) => problem(format!("Cannot compute the detectable effect: {e}.")),
            Ok((n, list)) => {
                let is_rate = form.is_rate();
                view! {
                    <ul class="mde-list" data-testid="mde-result">
                        {list.into_iter().enumerate().map(|(i, (name, mde))| {
                            let absolute = if is_rate { microplan_model::format::signed_points(mde.absolute) } else { microplan_model::format::number_text(mde.absolute, 3) };
                            view! { <li>
                                <strong>{format!("{}{}: ", name, if i == 0 { " (used)" } else { "" })}</strong>
                                {format!("{} relative ({absolute})", microplan_model::format::signed_percent(mde.relative))}
                            </li> }
                        }).collect_view()}
                    </ul>
                    <p class="hint">{format!("With {} units in all arms, smaller true effects will usually be missed.", thousands(n.round() as u64))}</p>
                }.into_any()
            }
        }}
    }
}

#[component]
pub fn SeedingCard() -> impl IntoView {
    let posts = RwSignal::new("5".to_string());
    let rate = RwSignal::new("30".to_string());
    let confidence = RwSignal::new("90".to_string());
    let result = move || {
        let k = read_count(posts, "Posts needed")?;
        let q = read_percent(rate, "Share who post")?;
        let target = read_percent(confidence, "Confidence")?;
        let plan = creators_to_seed(k, q, target).map_err(|e| e.to_string())?;
        let dist = posts_distribution(plan.gifted, q).map_err(|e| e.to_string())?;
        Ok::<_, String>((k, plan, dist))
    };
    view! {
        <section class="card" aria-labelledby="seeding-heading">
            <h2 id="seeding-heading">"Gifted seeding: how many creators to send product to"</h2>
            <p class="hint">"Only a share of gifted creators post (20–40% is typical). Each is assumed to decide independently with the same chance; the Communities page uses the same calculation for activations."</p>
            <div class="field-grid">
                <Field id="seed-posts" label="Posts needed" value=posts />
                <Field id="seed-rate" label="Share of gifted creators who post (%)" value=rate />
                <Field id="seed-confidence" label="Confidence of getting them (%)" value=confidence />
            </div>
            {move || match result() {
                Err(e) => problem(format!("Cannot plan the seeding: {e}.")),
                Ok((k, plan, dist)) => {
                    // Long lists show only the counts with a visible probability.
                    let peak = dist.iter().copied().fold(0.0_f64, f64::max);
                    let bars: Vec<Bar> = dist.iter().enumerate()
                        .filter(|(_, p)| dist.len() <= 41 || **p >= peak * 1e-3)
                        .map(|(j, p)| Bar::counted(j, *p).highlighted(j as u64 >= k))
                        .collect();
                    view! {
                        <p class="big-number" role="status" data-testid="seeding-result">
                            <strong>{thousands(plan.gifted)}</strong>
                            {format!(" creators: at least {k} post with probability {} (expected {} posts).", percent(plan.probability), microplan_model::format::number_text(plan.expected_posts, 1))}
                        </p>
                        <BarChart
                            title="How many will post"
                            summary=format!("Probability of each number of posts when {} creators are gifted; bars of {k} or more are highlighted.", plan.gifted)
                            x_label="Creators who post"
                            y_label="Probability"
                            y_format=AxisFormat::Percent
                            bars=bars
                        />
                    }.into_any()
                }
            }}
        </section>
    }
}
