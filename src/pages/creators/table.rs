//! The creator table: filters, sortable columns, paging, pipeline status, the shortlist and
//! the CSV export of every score and component. Filtering and sorting work on the audit's
//! rows, so they never re-audit.

use leptos::prelude::*;

use super::CreatorsContext;
use crate::app::files::download_workspace_csv;
use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use crate::widgets::numbers::percent_or_no_data;
use crate::widgets::table_view::Pager;
use microplan_audit::{thousands, Tier, VerificationCheck};
use microplan_model::rows::PipelineStatus;
use microplan_workspace::audits::roster::{
    community_names, filter_and_sort, RosterFilter, RosterRow, SortKey,
};
use microplan_workspace::io::score_export::export_scores;

const PAGE_SIZE: usize = 25;

/// The score and, below it, its interval.
fn score_parts(row: &RosterRow) -> (String, Option<String>) {
    match (row.score, row.score_low, row.score_high) {
        (Some(s), Some(l), Some(h)) => (format!("{s:.0}"), Some(format!("({l:.0}–{h:.0})"))),
        (Some(s), _, _) => (format!("{s:.0}"), None),
        _ => ("not enough data".into(), None),
    }
}

fn flag_text(row: &RosterRow) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (row.warnings, row.notes) {
        (0, 0) => "none".into(),
        (w, 0) => plural(w, "warning"),
        (0, n) => plural(n, "note"),
        (w, n) => format!("{}, {}", plural(w, "warning"), plural(n, "note")),
    }
}

/// A labelled `<select>` whose options are `(value, text)`; `on_pick` gets the value.
#[component]
fn Choice(
    id: &'static str,
    label: &'static str,
    options: Signal<Vec<(String, String)>>,
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <span class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
        </span>
    }
}

#[component]
pub fn CreatorTable() -> impl IntoView {
    let state = app_state();
    let context = expect_context::<CreatorsContext>();
    let filter = RwSignal::new(RosterFilter::default());
    let sort = RwSignal::new((SortKey::Score, true));
    let page = RwSignal::new(0usize);
    let shown = Memo::new(move |_| {
        let (key, descending) = sort.get();
        filter.with(|f| {
            context
                .rows
                .with(|rows| filter_and_sort(rows, f, key, descending))
        })
    });
    let pages = Signal::derive(move || shown.with(|s| s.len().div_ceil(PAGE_SIZE).max(1)));
    let set_filter = move |change: Box<dyn FnOnce(&mut RosterFilter)>| {
        filter.update(|f| change(f));
        page.set(0);
    };
    let any = || ("".to_string(), "any".to_string());
    let tiers = Signal::derive(move || {
        std::iter::once(any())
            .chain(
                Tier::ALL
                    .iter()
                    .map(|t| (t.as_str().to_string(), t.as_str().to_string())),
            )
            .collect()
    });
    let statuses = Signal::derive(move || {
        std::iter::once(any())
            .chain(
                PipelineStatus::ALL
                    .iter()
                    .map(|s| (s.as_str().to_string(), s.as_str().to_string())),
            )
            .collect()
    });
    let communities = Signal::derive(move || {
        let names = state
            .workspace
            .with(|w| w.as_ref().map(community_names).unwrap_or_default());
        std::iter::once(any())
            .chain(names.into_iter().map(|n| (n.clone(), n)))
            .collect()
    });
    let export = move |_| {
        let text = context.audits.with(|audits| {
            context.rows.with(|rows| {
                let picked: Vec<&RosterRow> =
                    shown.with(|s| s.iter().filter_map(|i| rows.get(*i)).collect());
                export_scores(audits, &picked)
            })
        });
        download_workspace_csv(state, "creator-scores", &text);
    };
    let header = move |key: SortKey, numeric: bool| {
        let aria = move || match sort.get() {
            (k, true) if k == key => "descending",
            (k, false) if k == key => "ascending",
            _ => "none",
        };
        view! {
            <th scope="col" class:numeric=numeric aria-sort=aria>
                <button
                    class="sort"
                    on:click=move |_| {
                        sort.update(|(k, d)| {
                            if *k == key { *d = !*d } else { *k = key; *d = key.default_descending() }
                        });
                        page.set(0);
                    }
                >
                    {key.label()}
                    <span aria-hidden="true">{move || match aria() { "descending" => " ▼", "ascending" => " ▲", _ => "" }}</span>
                </button>
            </th>
        }
    };
    view! {
        <section class="card" aria-labelledby="ranking-heading">
            <div class="table-head">
                <h2 id="ranking-heading">"Ranked creators"</h2>
                <span class="hint" role="status">
                    {move || format!("{} of {} shown", microplan_model::format::group_thousands(shown.with(Vec::len) as u64), microplan_model::format::plural(context.rows.with(Vec::len) as u64, "creator", "creators"))}
                </span>
                <button class="actions" on:click=export>"Export scores (CSV)"</button>
            </div>
            <p class="hint">
                "Score 0–100 with its 95% interval: few posts give a wide interval. The export holds every \
                 component with its interval and weight for the creators shown. Open a creator for the \
                 evidence, charts and checklist."
            </p>
            <div class="filters">
                <Choice id="filter-tier" label="Tier" options=tiers
                    on_pick=Callback::new(move |v: String| set_filter(Box::new(move |f| f.tier = Tier::ALL.into_iter().find(|t| t.as_str() == v)))) />
                <Choice id="filter-community" label="Community" options=communities
                    on_pick=Callback::new(move |v: String| set_filter(Box::new(move |f| f.community = (!v.is_empty()).then_some(v))))/>
                <Choice id="filter-status" label="Status" options=statuses
                    on_pick=Callback::new(move |v: String| set_filter(Box::new(move |f| f.status = PipelineStatus::parse(&v)))) />
                <span class="field">
                    <input id="filter-flagged" type="checkbox"
                        on:change=move |ev| { let on = event_target_checked(&ev); set_filter(Box::new(move |f| f.flagged_only = on)) } />
                    <label for="filter-flagged">"Only with warnings"</label>
                </span>
                <span class="field">
                    <input id="filter-shortlisted" type="checkbox"
                        on:change=move |ev| { let on = event_target_checked(&ev); set_filter(Box::new(move |f| f.shortlisted_only = on)) } />
                    <label for="filter-shortlisted">"Only shortlisted"</label>
                </span>
                <span class="field">
                    <label for="filter-text">"Search"</label>
                    <input id="filter-text" type="search" placeholder="handle, name or category"
                        on:input=move |ev| { let text = event_target_value(&ev); set_filter(Box::new(move |f| f.text = text)) } />
                </span>
            </div>
            <Show
                when=move || context.rows.with(|r| !r.is_empty())
                fallback=|| view! { <p class="empty">"No creators yet. Import creators and their posts below, or load the demo workspace."</p> }
            >
                <div class="table-scroll roster-scroll">
                    <table class="roster" data-testid="creator-table">
                        <thead>
                            <tr>
                                <th scope="col" class="numeric">"Rank"</th>
                                {header(SortKey::Handle, false)}
                                <th scope="col">"Tier"</th>
                                {header(SortKey::Score, true)}
                                {header(SortKey::MeanRate, true)}
                                {header(SortKey::MedianRate, true)}
                                {header(SortKey::Followers, true)}
                                {header(SortKey::Warnings, false)}
                                {header(SortKey::Status, false)}
                                <th scope="col">"Shortlist"</th>
                                {header(SortKey::Checks, true)}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let start = page.get() * PAGE_SIZE;
                                shown.with(|picked| context.rows.with(|rows| {
                                    picked.iter().skip(start).take(PAGE_SIZE).filter_map(|i| rows.get(*i)).map(|row| view! { <RosterLine row=row.clone() /> }).collect_view()
                                }))
                            }}
                        </tbody>
                    </table>
                </div>
                <Pager page=page pages=pages label="Creator table pages".to_string() />
            </Show>
        </section>
    }
}

#[component]
fn RosterLine(row: RosterRow) -> impl IntoView {
    let state = app_state();
    let context = expect_context::<CreatorsContext>();
    let handle = row.handle.clone();
    let status_id = format!("status-{}", row.handle);
    let short_id = format!("short-{}", row.handle);
    let open = {
        let handle = handle.clone();
        move |_| context.selected.set(Some(handle.clone()))
    };
    let set_status = {
        let handle = handle.clone();
        move |ev| {
            if let Some(status) = PipelineStatus::parse(&event_target_value(&ev)) {
                let handle = handle.clone();
                update_workspace(state, move |w| {
                    w.set_status(&handle, status);
                });
            }
        }
    };
    let set_short = move |ev| {
        let on = event_target_checked(&ev);
        let handle = handle.clone();
        update_workspace(state, move |w| w.set_shortlisted(&handle, on));
    };
    let status = row.status;
    let (score, interval) = score_parts(&row);
    view! {
        <tr class:flagged={row.warnings > 0}>
            <td class="numeric" title=row.tied.then_some("Same score as another creator: they cannot be told apart")>{if row.tied { format!("={}", row.shown_rank) } else { row.shown_rank.to_string() }}</td>
            <th scope="row">
                <button class="link" on:click=open>{row.handle.clone()}</button>
                {row.display_name.clone().map(|n| view! { <span class="hint name">{n}</span> })}
            </th>
            <td>{row.tier.as_str()}</td>
            <td class="numeric score">{score}{interval.map(|i| view! { <span class="interval">" "{i}</span> })}</td>
            <td class="numeric">{percent_or_no_data(row.mean_rate)}</td>
            <td class="numeric">{percent_or_no_data(row.median_rate)}</td>
            <td class="numeric">{thousands(i128::from(row.followers))}</td>
            <td>{flag_text(&row)}</td>
            <td>
                <label class="visually-hidden" for=status_id.clone()>{format!("Status of {}", row.handle)}</label>
                <select id=status_id on:change=set_status>
                    {PipelineStatus::ALL.into_iter().map(|s| view! { <option value=s.as_str() selected=s == status>{s.as_str()}</option> }).collect_view()}
                </select>
            </td>
            <td>
                <input id=short_id.clone() type="checkbox" checked=row.shortlisted on:change=set_short />
                <label class="visually-hidden" for=short_id>{format!("Shortlist {}", row.handle)}</label>
            </td>
            <td class="numeric">{format!("{}/{}", row.checks_done, VerificationCheck::ALL.len())}</td>
        </tr>
    }
}
