//! The brief editor: every field of the campaign brief, each labelled and explained, saved
//! as it changes.

use leptos::prelude::*;

use super::deliverables::DeliverablesEditor;
use super::{briefs_context, edit_brief};
use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use crate::app::undo::offer_undo;
use crate::widgets::fields::{lines_of, NumberField, SelectField, TextArea, TextField};
use microplan_model::iso_date::parse_iso_date;
use microplan_plan::brief::{
    CampaignBrief, ParticipatoryFormat, PostingWindow, MAX_MANDATORY_FACTS,
};
use microplan_plan::markets::Market;

type Edit = Box<dyn FnOnce(&mut CampaignBrief)>;

fn iso(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[component]
pub fn BriefForm() -> impl IntoView {
    let state = app_state();
    let context = briefs_context();
    let brief = context.brief;
    let edit = move |f: Edit| {
        if let Some(id) = context.selected.get_untracked() {
            edit_brief(state, &id, f)
        }
    };
    let text = move |f: fn(&CampaignBrief) -> String| {
        Signal::derive(move || brief.with(|b| b.as_ref().map(f).unwrap_or_default()))
    };
    let lines = move |f: fn(&CampaignBrief) -> &Vec<String>| {
        Signal::derive(move || {
            brief.with(|b| b.as_ref().map(|b| f(b).join("\n")).unwrap_or_default())
        })
    };
    let set_text = move |f: fn(&mut CampaignBrief, String)| {
        Callback::new(move |v: String| edit(Box::new(move |b| f(b, v.trim().to_string()))))
    };
    let set_lines = move |f: fn(&mut CampaignBrief, Vec<String>)| {
        Callback::new(move |v: String| edit(Box::new(move |b| f(b, lines_of(&v)))))
    };
    let communities = state.workspace.with_untracked(|w| {
        w.as_ref()
            .map(|w| {
                w.communities
                    .iter()
                    .map(|c| c.name.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let mut community_options = vec![(String::new(), "No particular community".to_string())];
    community_options.extend(communities.into_iter().map(|c| (c.clone(), c)));
    let mut market_options = vec![(String::new(), "Choose the market".to_string())];
    market_options.extend(
        Market::ALL
            .iter()
            .map(|m| (m.code().to_string(), m.name().to_string())),
    );
    let facts = Memo::new(move |_| {
        brief.with(|b| {
            b.as_ref().map_or(0, |b| {
                b.mandatory_facts
                    .iter()
                    .filter(|f| !f.trim().is_empty())
                    .count()
            })
        })
    });
    let window = Memo::new(move |_| brief.with(|b| b.as_ref().and_then(|b| b.posting_window)));
    let set_date = move |is_start: bool, value: String| {
        let Some(date) = parse_iso_date(value.trim()) else {
            if value.trim().is_empty() {
                edit(Box::new(|b| b.posting_window = None));
            }
            return;
        };
        edit(Box::new(move |b| {
            let current = b.posting_window.unwrap_or(PostingWindow {
                start: date,
                end: microplan_model::limits::add_days_saturating(date, 13),
            });
            b.posting_window = Some(if is_start {
                PostingWindow {
                    start: date,
                    ..current
                }
            } else {
                PostingWindow {
                    end: date,
                    ..current
                }
            });
        }))
    };
    let template_name = RwSignal::new(String::new());
    let save_template = move |_| {
        let Some(id) = context.selected.get_untracked() else {
            return;
        };
        let name = template_name.get_untracked();
        let mut saved = false;
        update_workspace(state, |w| {
            saved = w.programme.briefs.save_as_template(&id, &name).is_some()
        });
        if saved {
            template_name.set(String::new());
            state.notify("Saved as a playbook template.");
        }
    };
    let remove = move |_| {
        let Some(id) = context.selected.get_untracked() else {
            return;
        };
        let mut taken = Vec::new();
        update_workspace(state, |w| {
            taken =
                microplan_model::removal::take_where(&mut w.programme.briefs.briefs, |b| b.id == id)
        });
        context.selected.set(None);
        let name = taken
            .first()
            .map(|(_, b)| b.name.clone())
            .unwrap_or_default();
        offer_undo(
            state,
            format!("Deleted the brief “{name}”. Its tracking links stay on the Tracking page."),
            move |w| microplan_model::removal::put_back(&mut w.programme.briefs.briefs, taken),
        );
    };
    view! {
        <section class="card" aria-labelledby="brief-form-heading">
            <h2 id="brief-form-heading">"Write the brief"</h2>
            <h3>"Why and for whom"</h3>
            <div class="pg-row">
                <TextField id="brief-name" label="Campaign name" hint="Also the campaign of its tracking links: make the links again after renaming."
                    value=text(|b| b.name.clone()) on_set=set_text(|b, v| b.name = v) />
                <SelectField id="brief-community" label="Community" options=community_options
                    value=text(|b| b.community.clone().unwrap_or_default())
                    on_set=Callback::new(move |v: String| edit(Box::new(move |b| b.community = (!v.is_empty()).then_some(v)))) />
            </div>
            <TextArea id="brief-mission" label="Mission" hint="Why the campaign exists, in the audience's terms." value=text(|b| b.mission.clone()) on_set=set_text(|b, v| b.mission = v) rows=2 />
            <TextArea id="brief-objective" label="The one objective" hint="One sentence: what should change for the audience?" value=text(|b| b.objective.clone()) on_set=set_text(|b, v| b.objective = v) rows=2 />
            <TextArea id="brief-segments" label="Who it is for" hint="Audience segments, one per line." value=lines(|b| &b.audience_segments) on_set=set_lines(|b, v| b.audience_segments = v) rows=2 />
            <h3>"What must be true"</h3>
            <TextArea id="brief-facts" label="What the audience needs to know" value=lines(|b| &b.mandatory_facts) on_set=set_lines(|b, v| b.mandatory_facts = v)
                hint="Mandatory facts, one per line. Five at most: facts, not wording." rows=4 />
            <p class=move || { if facts.get() > MAX_MANDATORY_FACTS { "pg-count over" } else { "pg-count" } } aria-live="polite">
                {move || format!("{} of at most {MAX_MANDATORY_FACTS} mandatory facts", facts.get())}
            </p>
            <TextArea id="brief-rules" label="Non-negotiables" hint="Brand requirements that are not up for discussion, one per line." value=lines(|b| &b.non_negotiables) on_set=set_lines(|b, v| b.non_negotiables = v) rows=2 />
            <TextArea id="brief-avoid" label="Language and claims to avoid" hint="Health claims, competitor names, words that would feel like an ad; one per line." value=lines(|b| &b.avoid) on_set=set_lines(|b, v| b.avoid = v) rows=2 />
            <div class="pg-row">
                <SelectField id="brief-market" label="Market (disclosure rules)" options=market_options
                    hint="The brief quotes this market's disclosure rules and names their source."
                    value=text(|b| b.market.map(|m| m.code().to_string()).unwrap_or_default())
                    on_set=Callback::new(move |v: String| { let market = Market::parse(&v); edit(Box::new(move |b| b.market = market)) }) />
            </div>
            <p class="hint" aria-live="polite">{move || brief.with(|b| b.as_ref().and_then(|b| b.market).map(|m| {
                let rules = m.rules();
                format!("Creators will be asked to label posts “{}”. Source: {}.", rules.preferred_label(), rules.sources_line())
            }).unwrap_or_default())}</p>
            <h3>"Room for the creator"</h3>
            <TextArea id="brief-freedom" label="Creative freedom" hint="Say explicitly: their own voice, their own words, local references." value=text(|b| b.creative_freedom.clone()) on_set=set_text(|b, v| b.creative_freedom = v) rows=3 />
            <TextArea id="brief-examples" label="Content that resonated before" hint="Past posts worth looking at, one per line." value=lines(|b| &b.past_examples) on_set=set_lines(|b, v| b.past_examples = v) rows=2 />
            <fieldset class="pg-formats">
                <legend>"Formats that invite followers in"</legend>
                {ParticipatoryFormat::ALL.into_iter().map(|format| view! {
                    <label class="pg-choice">
                        <input type="checkbox" prop:checked=move || brief.with(|b| b.as_ref().is_some_and(|b| b.formats.contains(&format)))
                            on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |b| {
                                b.formats.retain(|f| *f != format);
                                if on { b.formats.push(format) }
                            })) } />
                        <span><strong>{format.label()}</strong><span class="hint">{format.prompt()}</span></span>
                    </label>
                }).collect_view()}
            </fieldset>
            <TextArea id="brief-prompts" label="Ideas, if they want them" hint="Creative prompts offered, never required; one per line." value=lines(|b| &b.creative_prompts) on_set=set_lines(|b, v| b.creative_prompts = v) rows=2 />
            <h3>"When, what and how"</h3>
            <div class="pg-row">
                <div class="pg-field">
                    <label for="brief-window-start">"Post from"</label>
                    <input id="brief-window-start" type="date" prop:value=move || window.get().map(|w| iso(w.start)).unwrap_or_default()
                        on:change=move |ev| set_date(true, event_target_value(&ev)) />
                </div>
                <div class="pg-field">
                    <label for="brief-window-end">"Post until"</label>
                    <input id="brief-window-end" type="date" prop:value=move || window.get().map(|w| iso(w.end)).unwrap_or_default()
                        on:change=move |ev| set_date(false, event_target_value(&ev)) />
                </div>
                <p class="hint">{move || window.get().map(|w| format!("{} days: everyone posts inside one window so the community sees it together (2-3 weeks works best).", w.days())).unwrap_or_else(|| "Pick the first and last day of the posting window.".to_string())}</p>
            </div>
            <DeliverablesEditor />
            <TextField id="brief-cta" label="Call to action" wide=true hint="The one thing a follower should do next." value=text(|b| b.call_to_action.clone()) on_set=set_text(|b, v| b.call_to_action = v) />
            <TextArea id="brief-reporting" label="What to send back afterwards" hint="The reporting template: screenshots, numbers, timing; one per line." value=lines(|b| &b.reporting) on_set=set_lines(|b, v| b.reporting = v) rows=2 />
            <TextArea id="brief-feedback" label="Feedback loop" hint="What you share back with the creator, and when." value=text(|b| b.feedback_loop.clone()) on_set=set_text(|b, v| b.feedback_loop = v) rows=2 />
            <div class="pg-row">
                <NumberField id="brief-approval" label="Approval window (working days)" hint="How fast you reply to a draft."
                    value=Signal::derive(move || brief.with(|b| b.as_ref().and_then(|b| b.approval_days).map(f64::from)))
                    on_set=Callback::new(move |v: Option<f64>| edit(Box::new(move |b| b.approval_days = v.map(|d| d.round().clamp(0.0, 60.0) as u32)))) />
            </div>
            <div class="inline-form pg-save">
                <label for="template-name">"Template name"</label>
                <input id="template-name" type="text" placeholder="e.g. Community launch playbook" prop:value=template_name
                    on:input=move |ev| template_name.set(event_target_value(&ev)) />
                <button on:click=save_template>"Save as playbook template"</button>
                <button class="danger" on:click=remove>"Delete this brief"</button>
            </div>
        </section>
    }
}
