//! Creators: the ranked audit with each score's components, interval and flags. Editing
//! weights, annotating flags, the verification checklist and charts are not built yet.

use leptos::prelude::*;

use super::persistence::update_workspace;
use super::section_page::NotBuiltNotice;
use super::state::app_state;
use super::table_view::{Pager, TableView};
use crate::domain::audit::{audit_workspace, AuditSettings, CreatorAudit, Flag, Objective, Severity};
use crate::io::TableKind;

const PAGE_SIZE: usize = 20;

fn percent(fraction: Option<f64>) -> String {
    fraction.map(|f| format!("{:.2}%", f * 100.0)).unwrap_or_else(|| "not enough data".into())
}

fn score_text(audit: &CreatorAudit) -> String {
    match (audit.score, audit.score_interval) {
        (Some(score), Some(interval)) => format!("{score:.0} ({:.0}–{:.0})", interval.low, interval.high),
        (Some(score), None) => format!("{score:.0}"),
        _ => "not enough data".into(),
    }
}

#[component]
pub fn CreatorsPage() -> impl IntoView {
    let state = app_state();
    let objective = RwSignal::new(Objective::default());
    let page = RwSignal::new(0usize);
    let audits = Memo::new(move |_| {
        let settings = AuditSettings::for_objective(objective.get());
        state.workspace.with(|w| w.as_ref().map(|w| audit_workspace(w, &settings)).unwrap_or_default())
    });
    let pages = move || audits.with(|list| list.len().div_ceil(PAGE_SIZE).max(1));
    view! {
        <h1 id="section-heading" tabindex="-1">"Creators"</h1>
        <p class="lead">
            "A reproducible audit of every creator from your own data: engagement with its \
             uncertainty, comment quality, follower anomalies with evidence, and a ranked \
             shortlist. Every score shows its parts; every flag shows why."
        </p>
        <section class="card" aria-labelledby="ranking-heading">
            <div class="table-head">
                <h2 id="ranking-heading">"Ranked audit"</h2>
                <label for="audit-objective">"Weights for objective"</label>
                <select
                    id="audit-objective"
                    on:change=move |ev| {
                        let picked = event_target_value(&ev);
                        if let Some(found) = Objective::ALL.into_iter().find(|o| o.as_str() == picked) {
                            objective.set(found);
                            page.set(0);
                        }
                    }
                >
                    {Objective::ALL.into_iter().map(|o| view! {
                        <option value=o.as_str() selected=move || objective.get() == o>{o.as_str()}</option>
                    }).collect_view()}
                </select>
            </div>
            <p class="hint">
                "Score 0–100 with its 95% interval: few posts give a wide interval. Expand a \
                 creator to see each component, its weight and its reason."
            </p>
            <Show
                when=move || audits.with(|list| !list.is_empty())
                fallback=|| view! { <p class="empty">"No creators yet. Import creators and their posts below, or load the demo workspace."</p> }
            >
                <ol class="audit-list" data-testid="audit-ranking">
                    {move || {
                        let start = page.get() * PAGE_SIZE;
                        audits.with(|list| {
                            list.iter()
                                .enumerate()
                                .skip(start)
                                .take(PAGE_SIZE)
                                .map(|(rank, audit)| view! { <AuditRow rank=rank + 1 audit=audit.clone() /> })
                                .collect_view()
                        })
                    }}
                </ol>
                <Pager page=page pages=Signal::derive(pages) label="Ranking pages".to_string() />
            </Show>
        </section>
        <NotBuiltNotice what="Editing the weights and tier benchmarks, the manual verification \
                              checklist, comment import, \
                              charts of follower history and engagement per post, the shortlist \
                              and pipeline editing, CSV export of scores and an in-app method \
                              page (the method is in docs/method.md) are not part of this \
                              version yet." />
        <TableView kind=TableKind::Creators />
        <TableView kind=TableKind::Posts />
        <TableView kind=TableKind::FollowerHistory />
        <TableView kind=TableKind::CommentSummaries />
    }
}

#[component]
fn AuditRow(rank: usize, audit: CreatorAudit) -> impl IntoView {
    let warnings = audit.flags.iter().filter(|f| f.severity == Severity::Warning).count();
    let infos = audit.flags.len() - warnings;
    let flag_text = match (warnings, infos) {
        (0, 0) => "no flags".to_string(),
        (w, 0) => format!("{w} warning{}", if w == 1 { "" } else { "s" }),
        (0, i) => format!("{i} note{}", if i == 1 { "" } else { "s" }),
        (w, i) => format!("{w} warning{}, {i} note{}", if w == 1 { "" } else { "s" }, if i == 1 { "" } else { "s" }),
    };
    let summary = format!(
        "{rank}. {} · {} · score {} · median ER {} · {flag_text}",
        audit.handle,
        audit.metrics.tier.as_str(),
        score_text(&audit),
        percent(audit.metrics.engagement.median_rate_by_followers),
    );
    view! {
        <li class:flagged={warnings > 0}>
            <details>
                <summary>{summary}</summary>
                <table class="components">
                    <thead>
                        <tr>
                            <th scope="col">"Component"</th>
                            <th scope="col" class="numeric">"Score"</th>
                            <th scope="col" class="numeric">"Weight"</th>
                            <th scope="col">"Why"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {audit.components.iter().map(|c| view! {
                            <tr>
                                <td>{c.label.clone()}</td>
                                <td class="numeric">{c.score.map(|s| format!("{s:.0}")).unwrap_or_else(|| "—".into())}</td>
                                <td class="numeric">{format!("{:.0}%", c.effective_weight * 100.0)}</td>
                                <td>{c.reason.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                {(!audit.flags.is_empty()).then(|| view! {
                    <ul class="flags">
                        {audit.flags.iter().map(|f| view! { <FlagItem flag=f.clone() /> }).collect_view()}
                    </ul>
                })}
                {(!audit.notes.is_empty()).then(|| view! {
                    <ul class="read-notes">{audit.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                })}
            </details>
        </li>
    }
}

/// A flag with its evidence and the user's annotation, which explains but never hides it.
#[component]
fn FlagItem(flag: Flag) -> impl IntoView {
    let state = app_state();
    let flag_id = flag.id.clone();
    let note = {
        let flag_id = flag_id.clone();
        Memo::new(move |_| {
            state.workspace.with(|w| w.as_ref().and_then(|w| w.flag_note(&flag_id)).map(str::to_string))
        })
    };
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(String::new());
    let input_id = format!("note-{}", flag.id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked();
        let id = flag_id.clone();
        update_workspace(state, move |w| w.annotate_flag(&id, &text));
        editing.set(false);
    };
    view! {
        <li class=if flag.severity == Severity::Warning { "flag warning" } else { "flag info" }>
            <strong>{flag.title.clone()}</strong>
            {flag.explainable.then_some(" (may have an innocent explanation)")}
            <p>{flag.evidence.clone()}</p>
            {move || note.get().map(|text| view! { <p class="flag-note"><strong>"Explained: "</strong>{text}</p> })}
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <button
                        class="small"
                        on:click=move |_| {
                            draft.set(note.get_untracked().unwrap_or_default());
                            editing.set(true);
                        }
                    >
                        {move || if note.get().is_some() { "Edit explanation" } else { "Explain this flag" }}
                    </button>
                }
            >
                <form class="inline-form" on:submit=save.clone()>
                    <label for=input_id.clone()>"Explanation (empty removes it)"</label>
                    <input id=input_id.clone() type="text" bind:value=draft placeholder="e.g. viral reel on 12 July" />
                    <button type="submit">"Save explanation"</button>
                    <button type="button" on:click=move |_| editing.set(false)>"Cancel"</button>
                </form>
            </Show>
        </li>
    }
}
