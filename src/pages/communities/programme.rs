//! The sustained programme: a year of activations per community, the rotating gifted pool
//! and the quarterly review (continue, phase out, recruit).

use chrono::Datelike;
use leptos::prelude::*;

use super::{communities_context, static_table};
use crate::app::clock::today;
use crate::app::state::app_state;
use microplan_plan::activation::commitments::commitments_of;
use microplan_plan::activation::history::{quarter_start, quarterly_review, rotating_pool};
use microplan_plan::activation::same_name;
use microplan_plan::activation::year::{year_view, years_with_activations};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

#[component]
pub fn ProgrammeCard() -> impl IntoView {
    let state = app_state();
    let context = communities_context();
    let years = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| years_with_activations(&w.activation_plans))
                .unwrap_or_default()
        })
    });
    let year = RwSignal::new(today().year());
    let rows = move || {
        let year = year.get();
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    let names: Vec<String> = w.communities.iter().map(|c| c.name.clone()).collect();
                    year_view(year, &names, &w.activation_plans)
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card" aria-labelledby="year-heading">
            <h2 id="year-heading">"Year view"</h2>
            <p class="hint">"Which activation runs in which month, per community: space them around seasonal peaks and launches so each community hears from you a few times a year, not every week."</p>
            <div class="inline-form">
                <label for="year-choice">"Year"</label>
                <select id="year-choice" on:change=move |ev| if let Ok(y) = event_target_value(&ev).parse() { year.set(y) }>
                    {move || {
                        let mut list = years.get();
                        let current = year.get_untracked();
                        if !list.contains(&current) { list.push(current); list.sort_unstable(); }
                        list.into_iter().map(|y| view! { <option value=y.to_string() selected=y == current>{y.to_string()}</option> }).collect_view()
                    }}
                </select>
            </div>
            {move || {
                let mut headers = vec![("Community", false)];
                headers.extend(MONTHS.iter().map(|m| (*m, false)));
                static_table("year-view", &headers, rows().into_iter().map(|row| {
                    let mut cells = vec![row.community];
                    cells.extend(row.months.iter().map(|names| names.join(", ")));
                    cells
                }).collect(), true)
            }}
        </section>
        {move || context.selected.get().map(|community| view! { <PoolCard community=community /> })}
    }
}

#[component]
fn PoolCard(community: String) -> impl IntoView {
    let state = app_state();
    let context = communities_context();
    let of = community.clone();
    let pool = move || {
        let audits = context.audits.get();
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    rotating_pool(
                        &of,
                        &w.creators,
                        &w.activation_plans,
                        &w.gifting_history,
                        &audits,
                    )
                    .into_iter()
                    .map(|e| {
                        let held = commitments_of(&w.contracts, &e.handle);
                        let text = if held.is_empty() {
                            "-".to_string()
                        } else {
                            held.iter()
                                .map(|c| c.describe())
                                .collect::<Vec<_>>()
                                .join("; ")
                        };
                        (e, text)
                    })
                    .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let of = community.clone();
    // The quarter of the latest activation that has ended, else the current quarter.
    let review = move || {
        let audits = context.audits.get();
        state.workspace.with(|w| {
            w.as_ref().map(|w| {
                let now = today();
                let latest = w
                    .activation_plans
                    .iter()
                    .filter(|p| same_name(&p.community, &of) && p.window_end <= now)
                    .map(|p| p.window_end)
                    .max();
                quarterly_review(
                    &of,
                    quarter_start(latest.unwrap_or(now)),
                    &w.creators,
                    &w.activation_plans,
                    &w.gifting_history,
                    &audits,
                )
            })
        })
    };
    let list = |title: &'static str, hint: &'static str, handles: Vec<String>| {
        view! {
            <div class="review-list">
                <h4>{title}<span class="count">{format!(" ({})", handles.len())}</span></h4>
                <p class="hint">{hint}</p>
                {if handles.is_empty() {
                    view! { <p class="empty">"Nobody."</p> }.into_any()
                } else {
                    view! { <ul>{handles.into_iter().map(|h| view! { <li>{format!("@{h}")}</li> }).collect_view()}</ul> }.into_any()
                }}
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="pool-heading">
            <h2 id="pool-heading">{format!("Rotating gifted pool: {community}")}</h2>
            <p class="hint">"Who was gifted when and who posted. Creators who posted stay; gifted twice without a post, phase out; never gifted, rotate in (best audit score first). Paid creators are partners, outside the gifted rotation. Exclusivity and first-refusal periods come from saved contract drafts (latest version)."</p>
            {move || static_table("pool-table", &[("Creator", false), ("Times gifted", true), ("Times posted", true), ("Last gifted", false),
                ("Audit score", true), ("Relationship", false), ("Exclusivity or first refusal", false), ("Next round", false)],
                pool().into_iter().map(|(e, held)| vec![
                    format!("@{}", e.handle), e.times_seeded.to_string(), e.times_posted.to_string(),
                    e.last_seeded.map(microplan_model::format::date).unwrap_or_else(|| "-".into()),
                    e.score.map(|s| format!("{s:.0}")).unwrap_or_else(|| "no score".into()),
                    e.status.map(|s| s.as_str()).unwrap_or("not in the creators table").to_string(),
                    held,
                    e.advice.as_words().to_string(),
                ]).collect(), false)}
            {move || review().map(|r| view! {
                <h3>{format!("Quarterly review: {}", r.quarter)}</h3>
                <p class="hint">{if r.activations.is_empty() { "No activation ended in this quarter.".to_string() } else { format!("Activations that ended this quarter: {}.", r.activations.join(", ")) }}</p>
                <div class="review-lists">
                    {list("Continue", "Posted for an activation this quarter.", r.continue_with)}
                    {list("Phase out", "Seeded twice or more and never posted.", r.phase_out)}
                    {list("One more try", "Seeded once this quarter without a post.", r.one_more_try)}
                    {list("Recruit: new voices", "Never seeded, audit score 60 or more, best first.", r.recruit)}
                </div>
            })}
        </section>
    }
}
