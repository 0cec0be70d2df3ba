//! The planner's live answer: the recommendation, the chance of the community effect, the
//! budget, the two charts and the mix comparison.

use leptos::prelude::*;

use super::static_table;
use crate::widgets::charts::{AxisFormat, Bar, BarChart, LineChart, Marker, Series, Threshold};
use microplan_model::format::percent;
use microplan_model::money::Money;
use microplan_plan::activation::plan::{PlannerInput, PlannerResult};

#[component]
pub fn PlannerAnswer(input: PlannerInput, result: PlannerResult) -> impl IntoView {
    let k = input.target_posts;
    let chosen_differs = result.gifted != result.recommended.gifted;
    let curve = Series::line(
        format!("P(at least {k} posts)"),
        result.curve.iter().map(|(n, p)| (*n as f64, *p)).collect(),
    );
    let first = result
        .distribution
        .iter()
        .position(|p| *p >= 0.0005)
        .unwrap_or(0);
    let last = result
        .distribution
        .iter()
        .rposition(|p| *p >= 0.0005)
        .unwrap_or(0);
    let bars: Vec<Bar> = result
        .distribution
        .iter()
        .enumerate()
        .skip(first)
        .take(last + 1 - first.min(last + 1))
        .map(|(j, p)| Bar::counted(j, *p).highlighted(j as u64 >= k))
        .collect();
    let budget = result.budget.clone();
    view! {
        <div class="planner-answer" aria-live="polite">
            <div class="stats">
                <div class="stat">
                    <span class="stat-label">"Gift"</span>
                    <strong class="stat-value" id="planner-gifted">{result.recommended.gifted.to_string()}</strong>
                    <span class="hint">{format!("creators: the fewest for a {} chance of at least {k} posts with {} paid.", percent(input.confidence), input.paid)}</span>
                </div>
                <div class="stat">
                    <span class="stat-label">"Chance of the community effect"</span>
                    <strong class="stat-value" id="planner-chance">{percent(result.probability)}</strong>
                    <span class="hint">{format!("P(at least {k} posts) with {} gifted and {} paid.", result.gifted, input.paid)}</span>
                </div>
                <div class="stat">
                    <span class="stat-label">"Expected posts"</span>
                    <strong class="stat-value" id="planner-expected">{format!("{:.1}", result.expected_posts)}</strong>
                    <span class="hint">{format!("{} paid + {} gifted × {}.", input.paid, result.gifted, percent(input.posting_rate))}</span>
                </div>
                <div class="stat">
                    <span class="stat-label">"Budget"</span>
                    <strong class="stat-value" id="planner-budget">{budget.total.text()}</strong>
                    <span class="hint">{format!("Gifted {} + paid {}; {} per expected post.", budget.gifted.text(), budget.paid.text(),
                        budget.per_expected_post.as_ref().map(Money::text).unwrap_or_else(|| "no post expected".into()))}</span>
                </div>
            </div>
            {chosen_differs.then(|| view! {
                <p class="callout plan-note">{format!("You chose {} gifted instead of the recommended {}: the chance is {} instead of {}.",
                    result.gifted, result.recommended.gifted, percent(result.probability), percent(result.recommended.probability))}</p>
            })}
            <div class="chart-pair">
                <LineChart
                    title=format!("Chance of at least {k} posts by number gifted")
                    summary=format!("Rises with each gift; {} gifted reach {}.", result.recommended.gifted, percent(result.recommended.probability))
                    x_label="Gifted creators" y_label="Chance"
                    x_format=AxisFormat::Integer y_format=AxisFormat::Percent
                    series=vec![curve]
                    thresholds=vec![Threshold::new(input.confidence, format!("Target {}", percent(input.confidence)))]
                    markers=vec![Marker::new(result.gifted as f64, format!("Your plan: {} gifted", result.gifted))] />
                <BarChart
                    title="How many posts to expect"
                    summary=format!("Probability of each total with {} gifted and {} paid; bars at {k} or more are highlighted.", result.gifted, input.paid)
                    x_label="Posts in the window" y_label="Probability"
                    y_format=AxisFormat::Percent bars=bars />
            </div>
            <h3>"Mixes compared"</h3>
            <p class="hint">"Each mix is sized to reach the confidence wanted; cost per expected post is the total over paid + gifted × posting rate."</p>
            {static_table("mix-table", &[("Mix", false), ("Paid", true), ("Gifted", true), (&format!("Chance of {k}+ posts"), true),
                ("Expected posts", true), ("Total cost", true), ("Cost per expected post", true)],
                result.mixes.into_iter().map(|m| vec![
                    m.label, m.paid.to_string(), m.gifted.to_string(), percent(m.probability), format!("{:.1}", m.expected_posts),
                    m.budget.total.text(), m.budget.per_expected_post.as_ref().map(Money::text).unwrap_or_else(|| "-".into()),
                ]).collect(), true)}
        </div>
    }
}
