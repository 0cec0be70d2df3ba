//! Planning a regional test: which regions the others reproduce best (candidates to treat)
//! and the spend an effect the size of the minimum detectable lift implies.

use leptos::prelude::*;

use super::geo_background::in_background;
use crate::app::state::app_state;
use crate::widgets::live_fields::{problem, read, Field};
use microplan_model::format::{count_text, money, number_text, percent, signed_percent};
use microplan_uplift::geo::candidates::{
    implied_budget, treated_baseline_per_date, MAX_CANDIDATES,
};
use microplan_uplift::geo::GeoTest;
use microplan_worker::protocol::{Job, Reply};

/// How many candidate regions are listed.
const CANDIDATES_SHOWN: usize = 5;

/// The programme's cost per attributed order so far (Results rows with both a cost and
/// orders, in the first cost's currency), as a starting value for the cost per outcome.
fn cost_per_order() -> (Option<f64>, String) {
    let state = app_state();
    state.workspace.with_untracked(|w| {
        let Some(w) = w.as_ref() else {
            return (None, "EUR".to_string());
        };
        let currency = w
            .results
            .iter()
            .find_map(|r| r.cost.as_ref().map(|c| c.currency.clone()))
            .unwrap_or_else(|| "EUR".to_string());
        let (cost, orders) = w
            .results
            .iter()
            .filter_map(|r| {
                Some((
                    r.cost.as_ref().filter(|c| c.currency == currency)?.amount,
                    r.orders.filter(|o| *o > 0)?,
                ))
            })
            .fold((0.0, 0u64), |(c, o), (amount, n)| {
                (c + amount, o.saturating_add(n))
            });
        (
            (orders > 0 && cost > 0.0).then(|| cost / orders as f64),
            currency,
        )
    })
}

/// The spend an effect of `lift` over `length` dates needs at a cost per incremental outcome.
#[component]
pub fn GeoImpliedBudget(test: GeoTest, lift: f64, length: usize) -> impl IntoView {
    let (prefill, currency_prefill) = cost_per_order();
    let cost = RwSignal::new(prefill.map(|c| number_text(c, 2)).unwrap_or_default());
    let currency = RwSignal::new(currency_prefill);
    let metric = if test.metric.is_empty() {
        "outcomes".to_string()
    } else {
        test.metric.clone()
    };
    let baseline = treated_baseline_per_date(&test);
    let stem = crate::app::files::safe_file_stem(&test.name);
    let source = if prefill.is_some() {
        "Starts at the programme's cost per attributed order so far (Results); an incremental order usually costs more, so edit it to what you expect."
    } else {
        "What one incremental outcome may cost you: your spend divided by the extra outcomes you expect (or value per outcome divided by the return you need)."
    };
    let sentence = move || {
        let baseline = match &baseline {
            Ok(b) => *b,
            Err(e) => return problem(format!("No budget estimate: {e}.")),
        };
        if cost.get().trim().is_empty() {
            return view! { <p class="hint">"Enter a cost per incremental outcome to see the spend this lift implies."</p> }.into_any();
        }
        let answer = read(cost, "Cost per incremental outcome").and_then(|c| {
            implied_budget(baseline, length, lift, c)
                .map_err(|e| format!("No budget estimate: {e}"))
        });
        match answer {
            Err(e) => problem(format!("{e}.")),
            Ok(b) => view! {
                <p data-testid="geo-budget">{format!(
                    "An effect of {} is about {} extra {metric} over {length} dates (the treated regions' baseline is about {}). At {} per incremental outcome that takes a spend of about {}: a campaign spending much less would most likely produce an effect this test cannot tell from noise.",
                    signed_percent(lift), count_text(b.incremental), count_text(b.baseline), money(read(cost, "").unwrap_or(0.0), &currency.get()), money(b.spend.round(), &currency.get())
                )}</p>
            }.into_any(),
        }
    };
    view! {
        <div class="field-grid">
            <Field id=format!("geo-cost-{stem}") label="Cost per incremental outcome" value=cost hint=source />
            <Field id=format!("geo-currency-{stem}") label="Currency" value=currency text=true />
        </div>
        {sentence}
    }
}

/// The regions whose synthetic control fits best before launch: candidates to treat.
#[component]
pub fn GeoCandidates(test: GeoTest) -> impl IntoView {
    let answer =
        RwSignal::new(None::<Result<microplan_uplift::geo::candidates::CandidateRanking, String>>);
    let ranking = RwSignal::new(false);
    let test = StoredValue::new(test);
    let run = move |_| {
        ranking.set(true);
        in_background(
            format!("candidates:{}", test.with_value(|t| t.name.clone())),
            Job::GeoCandidates {
                test: test.get_value(),
                shown: CANDIDATES_SHOWN,
            },
            |reply| match reply {
                Reply::GeoCandidates { result } => Some(result),
                _ => None,
            },
            move |result| {
                let _ = ranking.try_set(false);
                let _ = answer.try_set(Some(result.map_err(|e| format!("No ranking: {e}"))));
            },
        );
    };
    let show = move || {
        answer.get().map(|result| match result {
            Err(e) => problem(format!("{e}.")),
            Ok(ranking) => {
                let capped = (ranking.evaluated < ranking.regions).then(|| format!(" Only the first {MAX_CANDIDATES} of {} regions were evaluated, to keep the work bounded.", ranking.regions));
                view! {
                    <table data-testid="geo-candidates">
                        <caption>{format!("Regions the others reproduce best over {} dates before launch", ranking.fit_dates)}</caption>
                        <thead><tr><th scope="col">"Region"</th><th scope="col" class="numeric">"Pre-period RMSPE"</th><th scope="col" class="numeric">"Share of its level"</th></tr></thead>
                        <tbody>
                            {ranking.best.into_iter().map(|c| view! {
                                <tr><td>{c.region}</td><td class="numeric">{number_text(c.pre_rmspe, 2)}</td><td class="numeric">{percent(c.fit_ratio)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    <p class="hint">{format!("Each region is fitted as if treated, from every other region; ranked by RMSPE as a share of the region's own level, so large regions are not penalised for their size. Treat regions near the top: their synthetic control will be trustworthy.{}", capped.unwrap_or_default())}</p>
                }.into_any()
            }
        })
    };
    view! {
        <details class="explain">
            <summary>"Which regions to treat: best pre-period fits"</summary>
            <p><button type="button" on:click=run>"Rank regions"</button></p>
            {move || ranking.get().then(|| view! { <p class="hint" role="status" data-testid="geo-ranking">"Ranking the regions in the background…"</p> })}
            {show}
        </details>
    }
}
