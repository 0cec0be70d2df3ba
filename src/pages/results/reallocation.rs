//! Top performers and next budget: creators and formats ranked by the primary KPI's outcome
//! per 100 of currency with 95% intervals, and the next period's budget proposed from them
//! with the rule, its parameters and the reasoning per creator, all editable.

use leptos::prelude::*;

use crate::widgets::data_table::{Column, DataTable};

use super::decisions::{download_table, edit_results_plan};
use crate::app::state::app_state;
use crate::widgets::charts::{Bar, BarChart};
use crate::widgets::fields::{NumberField, SelectField};
use microplan_model::money::Money;
use microplan_plan::results_plan::ReallocationRule;
use microplan_workspace::decisions::{
    money_cents, money_text, number_text, proposal_table, ranking_table, Decisions, Outcome,
    Proposal, Ranking,
};

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

#[component]
pub fn TopPerformersCard(computed: Memo<Option<Decisions>>) -> impl IntoView {
    let state = app_state();
    let plan = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.results_plan.clone())
                .unwrap_or_default()
        })
    });
    let rank_by = Signal::derive(move || {
        plan.with(|p| p.rank_by.map(|o| o.key().to_string()).unwrap_or_default())
    });
    let outcomes: Vec<(String, String)> =
        std::iter::once((String::new(), "Primary KPI's count (suggested)".to_string()))
            .chain(
                Outcome::ALL
                    .iter()
                    .map(|o| (o.key().to_string(), capitalised(o.label()))),
            )
            .collect();
    let rules: Vec<(String, String)> = ReallocationRule::ALL
        .iter()
        .map(|r| (r.key().to_string(), r.label().to_string()))
        .collect();
    let has = move || computed.with(|d| d.as_ref().is_some_and(|d| !d.creators.rows.is_empty()));
    // Excluding a creator changes the proposal, not the ranking: the tables (and the focused
    // checkbox) stay in place.
    let rankings = Memo::new(move |_| {
        computed.with(|d| d.as_ref().map(|d| (d.creators.clone(), d.formats.clone())))
    });
    let budget_hint = move || {
        computed.with(|d| match d {
            Some(d) if d.budget_is_spend => format!(
                "No budget entered: the results' total spend, {}, is split.",
                money_text(d.budget.amount, &d.budget.currency)
            ),
            Some(d) => format!("In {}, the results' currency.", d.budget.currency),
            None => String::new(),
        })
    };
    view! {
        <section class="card rd-card" aria-labelledby="performers-heading">
            <h2 id="performers-heading">"Top performers and next budget"</h2>
            <p class="hint">
                "Creators and formats ranked by outcome per 100 of currency. The 95% interval comes from the exact \
                 Poisson interval of the outcome count divided by cost: few orders mean a wide interval, so a \
                 lucky post does not look like a sure thing."
            </p>
            <div class="pg-row">
                <SelectField id="rd-rank-by" label="Rank by" options=outcomes value=rank_by
                    on_set=Callback::new(move |key: String| edit_results_plan(state, move |p| p.rank_by = Outcome::parse(&key))) />
            </div>
            <p class="hint">{move || computed.with(|d| d.as_ref().map(|d| d.outcome_reason.clone()).unwrap_or_default())}</p>
            <Show when=has fallback=|| view! { <p class="empty">"No results with a cost yet: import results to rank creators."</p> }>
                {move || rankings.get().map(|(creators, formats)| view! { <Rankings creators=creators formats=formats /> })}
                <h3>"Next period's budget"</h3>
                <div class="pg-row">
                    <NumberField id="rd-budget" label="Budget" hint="Leave empty to split what these results cost."
                        value=Signal::derive(move || plan.with(|p| p.next_budget.as_ref().map(|m| m.amount)))
                        on_set=Callback::new(move |v: Option<f64>| {
                            let currency = computed.with_untracked(|d| d.as_ref().map(|d| d.creators.currency.clone())).unwrap_or_else(|| "EUR".into());
                            edit_results_plan(state, move |p| p.next_budget = v.map(|v| Money::new(v, &currency)))
                        }) />
                    <SelectField id="rd-rule" label="Rule" options=rules.clone()
                        hint="Proven efficiency: shares in proportion to the lower end of each creator's 95% interval, so a lucky post does not win the budget."
                        value=Signal::derive(move || plan.with(|p| p.rule.key().to_string()))
                        on_set=Callback::new(move |key: String| if let Some(rule) = ReallocationRule::parse(&key) {
                            edit_results_plan(state, move |p| p.rule = rule)
                        }) />
                    <NumberField id="rd-floor" label="Floor per creator (%)" hint="Every kept creator gets at least this share." scale=100.0
                        value=Signal::derive(move || plan.with(|p| Some(p.min_share)))
                        on_set=Callback::new(move |v: Option<f64>| edit_results_plan(state, move |p| p.min_share = v.unwrap_or(0.0).clamp(0.0, 1.0))) />
                    <NumberField id="rd-ceiling" label="Ceiling per creator (%)" hint="No creator gets more than this share." scale=100.0
                        value=Signal::derive(move || plan.with(|p| Some(p.max_share)))
                        on_set=Callback::new(move |v: Option<f64>| edit_results_plan(state, move |p| p.max_share = v.unwrap_or(1.0).clamp(0.0, 1.0))) />
                </div>
                <p class="hint">{budget_hint}</p>
                {move || computed.get().map(|d| match d.proposal {
                    Ok(proposal) => view! { <ProposalView proposal=proposal /> }.into_any(),
                    Err(error) => view! { <p class="rd-error" role="status">{error.to_string()}</p> }.into_any(),
                })}
            </Show>
        </section>
    }
}

/// Bars of the ranked groups; the chart fits long names to their slot (the table below
/// and each label's tooltip keep the full name).
fn bars(ranking: &Ranking) -> Vec<Bar> {
    ranking
        .rows
        .iter()
        .filter_map(|r| r.per_hundred.map(|v| (r, v)))
        .enumerate()
        .map(|(place, (r, value))| {
            Bar::new(r.group.clone(), value)
                .with_interval(r.interval)
                .highlighted(place == 0)
        })
        .collect()
}

#[component]
fn Rankings(creators: Ranking, formats: Ranking) -> impl IntoView {
    let state = app_state();
    let ranking = creators;
    let unit = money_text(100.0, &ranking.currency);
    let per = format!("{} per {unit}", capitalised(ranking.outcome.label()));
    let best = ranking
        .rows
        .first()
        .map(|r| format!("Best: {}, {}.", r.group, r.explain()))
        .unwrap_or_default();
    let (separated_word, separated_class) = match ranking.separated {
        Some(true) => ("Separated", "rd-separated"),
        _ => ("Needs evidence", "rd-needs-evidence"),
    };
    let creators_csv = ranking.clone();
    let formats_csv = formats.clone();
    view! {
        <BarChart title=format!("{per} by creator") summary=best x_label="Creator" y_label=per.clone() bars=bars(&ranking) />
        <p class=format!("rd-verdict {separated_class}")><strong>{separated_word}</strong>" "{ranking.separation_text.clone()}</p>
        <div class="table-head">
            <h3>"Creators"</h3>
            <div class="actions"><button on:click=move |_| download_table(state, &ranking_table(&creators_csv, "Creator"), "top-creators")>"Download creators CSV"</button></div>
        </div>
        <RankingTable ranking=ranking group_label="Creator" with_include=true />
        <div class="table-head">
            <h3>"Formats"</h3>
            <div class="actions"><button on:click=move |_| download_table(state, &ranking_table(&formats_csv, "Format"), "top-formats")>"Download formats CSV"</button></div>
        </div>
        <p class="hint">{formats.separation_text.clone()}</p>
        <RankingTable ranking=formats group_label="Format" with_include=false />
    }
}

#[component]
fn RankingTable(ranking: Ranking, group_label: &'static str, with_include: bool) -> impl IntoView {
    let state = app_state();
    let unit = money_text(100.0, &ranking.currency);
    let per = format!("{} per {unit}", capitalised(ranking.outcome.label()));
    let excluded = move |handle: &str| {
        state.workspace.with(|w| {
            w.as_ref()
                .is_some_and(|w| w.results_plan.is_excluded(handle))
        })
    };
    view! {
        <div class="table-scroll">
            <table class="rd-ranking">
                <thead><tr>
                    <th scope="col" class="numeric">"Rank"</th>
                    <th scope="col">{group_label}</th>
                    <th scope="col" class="numeric">{capitalised(ranking.outcome.label())}</th>
                    <th scope="col" class="numeric">{format!("Cost ({})", ranking.currency)}</th>
                    <th scope="col" class="numeric">{per}</th>
                    <th scope="col" class="numeric">"95% interval"</th>
                    {with_include.then(|| view! { <th scope="col">"In next budget"</th> })}
                </tr></thead>
                <tbody>
                    {ranking.rows.iter().enumerate().map(|(place, row)| {
                        let handle = row.group.clone();
                        let id = format!("rd-include-{place}");
                        view! {
                            <tr>
                                <td class="numeric">{place + 1}</td>
                                <th scope="row">{row.group.clone()}{row.note.clone().map(|n| view! { <span class="hint rd-note">{n}</span> })}</th>
                                <td class="numeric">{number_text(row.outcomes as f64, 0)}</td>
                                <td class="numeric">{money_text(row.cost, &row.currency)}</td>
                                <td class="numeric">{row.per_hundred.map_or("—".to_string(), |v| number_text(v, 2))}</td>
                                <td class="numeric">{row.interval.map_or("—".to_string(), |(l, h)| format!("{} – {}", number_text(l, 2), number_text(h, 2)))}</td>
                                {with_include.then(|| {
                                    let key = handle.clone();
                                    let label_name = handle.clone();
                                    view! {
                                        <td>
                                            <input type="checkbox" id=id.clone() prop:checked=move || !excluded(&key)
                                                on:change=move |ev| {
                                                    let keep = event_target_checked(&ev);
                                                    let handle = handle.clone();
                                                    edit_results_plan(state, move |p| p.set_excluded(&handle, !keep))
                                                } />
                                            <label for=id class="rd-include">"Include"<span class="visually-hidden">{format!(" {label_name}")}</span></label>
                                        </td>
                                    }
                                })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ProposalView(proposal: Proposal) -> impl IntoView {
    let state = app_state();
    let csv = proposal.clone();
    view! {
        <div class="rd-proposal" data-testid="budget-proposal">
            <p><strong>"Rule. "</strong>{proposal.rule_text.clone()}</p>
            {proposal.notes.iter().map(|n| view! { <p class="hint">{n.clone()}</p> }).collect_view()}
            {proposal.needs_evidence.clone().map(|text| view! {
                <p class="rd-verdict rd-needs-evidence" role="note"><strong>"Needs evidence"</strong>" "{text}</p>
            })}
            <div class="table-head">
                <h3>"Proposal"</h3>
                <div class="actions"><button on:click=move |_| download_table(state, &proposal_table(&csv), "budget-proposal")>"Download proposal CSV"</button></div>
            </div>
            <DataTable class="rd-allocations" columns=vec![
                Column::text("Creator"),
                Column::number("Share"),
                Column::number("Amount"),
                Column::text("Reasoning"),
            ]
            footer=view! { <tfoot><tr>
                        <th scope="row">"Total"</th>
                        <td></td>
                        <td class="numeric">{money_cents(proposal.total_cents() as f64 / 100.0, &proposal.budget.currency)}</td>
                        <td class="hint">"Rounded to cents by largest remainder, so the amounts add up to the budget exactly."</td>
                    </tr></tfoot> }.into_any()>
                        {proposal.allocations.iter().map(|a| view! {
                            <tr class:excluded=a.excluded>
                                <th scope="row">{a.group.clone()}</th>
                                <td class="numeric">{if a.excluded { "excluded".to_string() } else { microplan_model::format::percent(a.share) }}</td>
                                <td class="numeric">{money_cents(a.amount, &proposal.budget.currency)}</td>
                                <td class="rd-reason">{a.reason.strip_prefix(&format!("{}: ", a.group)).unwrap_or(&a.reason).to_string()}</td>
                            </tr>
                        }).collect_view()}
            </DataTable>
        </div>
    }
}
