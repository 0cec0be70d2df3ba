//! One creator in full: score and components, every metric with its interval and meaning, the
//! follower history with its spikes, engagement per post against the tier band, flags with
//! evidence and the user's explanations, and the manual verification checklist.

use leptos::prelude::*;

use super::CreatorsContext;
use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use crate::widgets::charts::{AxisFormat, Band, LineChart, Marker, Series};
use microplan_audit::detail::{
    benchmark_band, engagement_points, follower_points, metric_lines, spike_markers,
};
use microplan_audit::{handle_key, CreatorAudit, Flag, Severity, VerificationCheck};

#[component]
pub fn CreatorDetail(handle: String) -> impl IntoView {
    let context = expect_context::<CreatorsContext>();
    let key = handle_key(&handle);
    let audit = Memo::new(move |_| {
        context
            .audits
            .with(|list| list.iter().find(|a| handle_key(&a.handle) == key).cloned())
    });
    // Bring the detail into view when it opens.
    Effect::new(move |_| {
        if let Some(card) = document().get_element_by_id("creator-detail-heading") {
            use wasm_bindgen::JsCast;
            if let Ok(card) = card.dyn_into::<web_sys::HtmlElement>() {
                card.scroll_into_view();
                let _ = card.focus();
            }
        }
    });
    view! {
        <section class="card creator-detail" aria-labelledby="creator-detail-heading" data-testid="creator-detail">
            <div class="table-head">
                <h2 id="creator-detail-heading" tabindex="-1">{handle.clone()}</h2>
                <button class="actions" on:click=move |_| context.selected.set(None)>"Close details"</button>
            </div>
            {move || match audit.get() {
                Some(audit) => view! { <DetailBody audit=audit /> }.into_any(),
                None => view! { <p class="empty">"This creator is no longer in the workspace."</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn DetailBody(audit: CreatorAudit) -> impl IntoView {
    let rank_text = match (audit.score, audit.score_interval) {
        (Some(s), Some(i)) => format!(
            "Score {s:.0} of 100, 95% interval {:.0}–{:.0}.",
            i.low, i.high
        ),
        (Some(s), None) => format!("Score {s:.0} of 100."),
        _ => "No score: not enough data for any weighted component.".into(),
    };
    let followers = follower_points(&audit);
    let markers: Vec<Marker> = spike_markers(&audit)
        .into_iter()
        .map(|(x, label)| Marker::new(x, label))
        .collect();
    let posts = engagement_points(&audit);
    let band = benchmark_band(&audit, &posts);
    let spike_summary = if markers.is_empty() {
        "No follower spike found.".to_string()
    } else {
        markers
            .iter()
            .map(|m| m.label.clone())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let band_summary = if band.is_empty() {
        "No benchmark for this tier.".to_string()
    } else {
        "The shaded band is 0.8–1.25× the tier benchmark (in line with it).".to_string()
    };
    let follower_chart = (!followers.is_empty()).then(|| {
        view! {
            <LineChart
                title="Follower history"
                summary=spike_summary
                x_label="Date"
                y_label="Followers"
                x_format=AxisFormat::Date
                y_format=AxisFormat::Integer
                series=vec![Series::line("Followers", followers)]
                markers=markers
            />
        }
        .into_any()
    });
    let engagement_chart = (!posts.is_empty()).then(|| view! {
        <LineChart
            title="Engagement per post"
            summary=band_summary
            x_label="Date"
            y_label="(likes + comments) / followers"
            x_format=AxisFormat::Date
            y_format=AxisFormat::Percent
            series=vec![Series::dots("Engagement rate by followers", posts)]
            bands=band.is_empty().then(Vec::new).unwrap_or_else(|| vec![Band::new("Tier benchmark, in line", band)])
        />
    }.into_any());
    view! {
        <p class="lead" data-testid="detail-score">{rank_text}</p>
        <div class="chart-pair">
            {follower_chart.unwrap_or_else(|| view! { <p class="empty">"No follower history imported: spikes cannot be checked."</p> }.into_any())}
            {engagement_chart}
        </div>
        <h3>"Components of the score"</h3>
        <table class="components">
            <thead><tr>
                <th scope="col">"Component"</th><th scope="col" class="numeric">"Score"</th>
                <th scope="col" class="numeric">"Interval"</th><th scope="col" class="numeric">"Weight"</th><th scope="col">"Why"</th>
            </tr></thead>
            <tbody>
                {audit.components.iter().map(|c| view! {
                    <tr>
                        <td>{c.label.clone()}</td>
                        <td class="numeric">{c.score.map(|s| format!("{s:.0}")).unwrap_or_else(|| "—".into())}</td>
                        <td class="numeric">{c.interval.map(|i| format!("{:.0}–{:.0}", i.low, i.high)).unwrap_or_else(|| "—".into())}</td>
                        <td class="numeric">{microplan_model::format::percent(c.effective_weight)}</td>
                        <td>{c.reason.clone()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <h3>"Flags"</h3>
        {if audit.flags.is_empty() {
            view! { <p>"No flags: nothing in the data needs a closer look."</p> }.into_any()
        } else {
            view! { <ul class="flags">{audit.flags.iter().map(|f| view! { <FlagItem flag=f.clone() /> }).collect_view()}</ul> }.into_any()
        }}
        <h3>"Every metric"</h3>
        <table class="metrics">
            <thead><tr><th scope="col">"Metric"</th><th scope="col" class="numeric">"Value"</th><th scope="col">"95% interval"</th><th scope="col">"What it means"</th></tr></thead>
            <tbody>
                {metric_lines(&audit).into_iter().map(|line| view! {
                    <tr>
                        <td>{line.name}</td>
                        <td class="numeric">{line.value}</td>
                        <td>{line.interval.unwrap_or_else(|| "—".into())}</td>
                        <td>{line.explanation}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        {(!audit.notes.is_empty()).then(|| view! {
            <ul class="read-notes">{audit.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
        })}
        <Checklist handle=audit.handle.clone() />
    }
}

/// The manual checks no data can replace, ticked by the user and saved with the workspace.
#[component]
fn Checklist(handle: String) -> impl IntoView {
    let state = app_state();
    view! {
        <fieldset class="checklist">
            <legend>"Manual verification"</legend>
            {VerificationCheck::ALL.into_iter().map(|check| {
                let id = format!("check-{}-{}", check.as_str(), handle);
                let done = {
                    let handle = handle.clone();
                    move || state.workspace.with(|w| w.as_ref().and_then(|w| w.review(&handle)).is_some_and(|r| r.has(check)))
                };
                let handle = handle.clone();
                view! {
                    <div class="check">
                        <input id=id.clone() type="checkbox" prop:checked=done
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let handle = handle.clone();
                                update_workspace(state, move |w| w.set_check(&handle, check, on));
                            } />
                        <label for=id>{check.label()}</label>
                        <span class="hint">" "{check.why()}</span>
                    </div>
                }
            }).collect_view()}
        </fieldset>
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
            state.workspace.with(|w| {
                w.as_ref()
                    .and_then(|w| w.flag_note(&flag_id))
                    .map(str::to_string)
            })
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
