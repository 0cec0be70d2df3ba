//! Communities: define interest communities and their members, see each community's
//! ecosystem with its gaps, plan an activation, follow its logistics and review it afterwards.

mod activations;
mod answer;
mod members;
mod planner;
mod programme;

use leptos::prelude::*;

use crate::app::audits::{shared_audits, Audits};
use crate::app::persistence::update_workspace;
use crate::app::sections::{MissingItemNote, Section, UrlSelection};
use crate::app::state::app_state;
use crate::app::undo::offer_undo;
use crate::widgets::table_view::TableView;
use activations::ActivationList;
use members::{EcosystemCard, MembersCard};
use microplan_audit::{AuditSettings, CreatorAudit};
use microplan_model::removal::{put_back, take_where};
use microplan_model::rows::Community;
use microplan_plan::activation::same_name;
use microplan_workspace::activation_edits::{parse_hashtags, save_community};
use microplan_workspace::io::table::TableKind;
use planner::{PlannerCard, PlannerForm};
use programme::ProgrammeCard;

/// What the parts of the page share: the chosen community and the creators' audit.
#[derive(Clone, Copy)]
pub struct CommunitiesContext {
    pub selected: RwSignal<Option<String>>,
    pub settings: Memo<AuditSettings>,
    pub audits: Memo<Vec<CreatorAudit>>,
}

pub fn communities_context() -> CommunitiesContext {
    expect_context::<CommunitiesContext>()
}

/// A labelled text input bound to a signal.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] kind: &'static str,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let input_type = if kind.is_empty() { "text" } else { kind };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type=input_type placeholder=placeholder aria-describedby=hint_id.clone()
                step=(input_type == "number").then_some("any")
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
            {(!hint.is_empty()).then(|| view! { <span class="hint" id=hint_id>{hint}</span> })}
        </div>
    }
}

#[component]
pub fn CommunitiesPage() -> impl IntoView {
    let state = app_state();
    let Audits {
        settings, audits, ..
    } = shared_audits();
    let selection = UrlSelection::new(Section::Communities);
    let context = CommunitiesContext {
        selected: selection.selected,
        settings,
        audits,
    };
    provide_context(context);
    provide_context(PlannerForm::new());
    let has = move |name: &str| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.communities.iter().any(|c| c.name == name))
        })
    };
    // With no community in the URL the first one is shown, without a history step.
    if selection.selected.get_untracked().is_none() {
        let first = state.workspace.with_untracked(|w| {
            w.as_ref()
                .and_then(|w| w.communities.first().map(|c| c.name.clone()))
        });
        if first.is_some() {
            selection.replace(first);
        }
    }
    selection.drop_missing(has);
    view! {
        <div class="communities-page">
        <h1 id="section-heading" tabindex="-1">"Communities"</h1>
        <p class="lead">
            "When 5-10 creators of one interest community post about the same product inside one \
             2-3 week window, their followers meet it as word of mouth, not as scattered ads. Map \
             each community's creators, then plan how many to gift and pay so that enough of them \
             post together."
        </p>
        <MissingItemNote selection=selection noun="community" />
        <CommunityChooser />
        <CommunityEditor />
        {move || context.selected.get().map(|name| view! {
            <MembersCard community=name.clone() />
            <EcosystemCard community=name.clone() />
            <PlannerCard community=name.clone() />
            <ActivationList community=name.clone() />
        })}
        <ProgrammeCard />
        <p class="hint">
            "Budgets use one shipping cost per parcel for every country (shipping times are per \
             country). Reminders come from your calendar: the .ics file holds their dates."
        </p>
        <TableView kind=TableKind::Communities />
        <TableView kind=TableKind::ActivationPlans />
        <TableView kind=TableKind::GiftingHistory />
        </div>
    }
}

#[component]
fn CommunityChooser() -> impl IntoView {
    let state = app_state();
    let context = communities_context();
    let names = move || {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.communities
                        .iter()
                        .map(|c| c.name.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="card">
            <h2>"Your communities"</h2>
            <div class="table-tabs community-tabs" role="group" aria-label="Choose a community">
                {move || names().into_iter().map(|name| {
                    let pressed = name.clone();
                    let pick = name.clone();
                    view! {
                        <button type="button" aria-pressed=move || (context.selected.get().as_deref() == Some(pressed.as_str())).to_string()
                            on:click=move |_| context.selected.set(Some(pick.clone()))>{name}</button>
                    }
                }).collect_view()}
                <button type="button" aria-pressed=move || context.selected.get().is_none().to_string()
                    on:click=move |_| context.selected.set(None)>"+ New community"</button>
            </div>
            {move || names().is_empty().then(|| view! {
                <p class="empty">"No communities yet. Define one below, import a communities CSV, or load the demo workspace."</p>
            })}
        </div>
    }
}

#[component]
fn CommunityEditor() -> impl IntoView {
    let state = app_state();
    let context = communities_context();
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let hashtags = RwSignal::new(String::new());
    let where_online = RwSignal::new(String::new());
    // Load the chosen community into the form.
    Effect::new(move |_| {
        let chosen = context.selected.get();
        let found = chosen.and_then(|n| {
            state.workspace.with_untracked(|w| {
                w.as_ref()
                    .and_then(|w| w.communities.iter().find(|c| c.name == n).cloned())
            })
        });
        let community = found.unwrap_or(Community {
            name: String::new(),
            description: String::new(),
            hashtags: vec![],
            where_online: None,
        });
        name.set(community.name);
        description.set(community.description);
        hashtags.set(community.hashtags.join(" "));
        where_online.set(community.where_online.unwrap_or_default());
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let original = context.selected.get_untracked();
        let community = Community {
            name: name.get_untracked().trim().to_string(),
            description: description.get_untracked().trim().to_string(),
            hashtags: parse_hashtags(&hashtags.get_untracked()),
            where_online: Some(where_online.get_untracked().trim().to_string())
                .filter(|t| !t.is_empty()),
        };
        let saved_name = community.name.clone();
        let mut outcome = Ok(());
        update_workspace(state, |w| {
            outcome = save_community(w, original.as_deref(), community)
        });
        match outcome {
            Ok(()) => {
                state.notify(format!("Saved the community “{saved_name}”."));
                context.selected.set(Some(saved_name));
            }
            Err(error) => state.notify_error(format!("Not saved: {error}.")),
        }
    };
    let delete = move |_| {
        if let Some(chosen) = context.selected.get_untracked() {
            let mut communities = Vec::new();
            let mut memberships: Vec<(String, Vec<(usize, String)>)> = Vec::new();
            update_workspace(state, |w| {
                communities = take_where(&mut w.communities, |c| same_name(&c.name, &chosen));
                for creator in &mut w.creators {
                    let taken = take_where(&mut creator.communities, |c| same_name(c, &chosen));
                    if !taken.is_empty() {
                        memberships.push((creator.handle.clone(), taken));
                    }
                }
            });
            context.selected.set(None);
            let members = memberships.len();
            offer_undo(
                state,
                format!(
                    "Removed the community “{chosen}” and the membership of its {} creator{}; its activation plans are kept.",
                    microplan_model::money::group_thousands(members as u64),
                    if members == 1 { "" } else { "s" }
                ),
                move |w| {
                    put_back(&mut w.communities, communities);
                    for (handle, taken) in memberships {
                        if let Some(creator) = w.creators.iter_mut().find(|c| c.handle == handle) {
                            put_back(&mut creator.communities, taken);
                        }
                    }
                },
            );
        }
    };
    view! {
        <section class="card" aria-labelledby="community-editor-heading">
            <h2 id="community-editor-heading">{move || if context.selected.get().is_some() { "Community details" } else { "Define a community" }}</h2>
            <form class="form-grid" on:submit=save>
                <TextField id="community-name" label="Name" value=name placeholder="Trail running" />
                <TextField id="community-hashtags" label="Hashtags" value=hashtags placeholder="#trailrunning #fellrunning"
                    hint="Separated by spaces or commas; the # is added for you." />
                <TextField id="community-where" label="Where it gathers online" value=where_online
                    placeholder="Instagram, Strava clubs, r/trailrunning" />
                <div class="field wide">
                    <label for="community-description">"Description"</label>
                    <textarea id="community-description" rows="2" prop:value=move || description.get()
                        on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                </div>
                <div class="actions wide">
                    <button type="submit" class="primary">{move || if context.selected.get().is_some() { "Save changes" } else { "Add community" }}</button>
                    {move || context.selected.get().is_some().then(|| view! {
                        <button type="button" on:click=delete>"Remove community"</button>
                    })}
                </div>
            </form>
        </section>
    }
}

/// A read-only table: headers as (text, numeric), rows of text cells; with `row_headers`
/// the first cell of each row is its header. One shape for every table of the section.
pub fn static_table(
    class: &'static str,
    headers: &[(&str, bool)],
    rows: Vec<Vec<String>>,
    row_headers: bool,
) -> AnyView {
    let numeric: Vec<bool> = headers.iter().map(|h| h.1).collect();
    let columns = headers
        .iter()
        .map(|(h, n)| {
            let text = h.to_string();
            if *n {
                crate::widgets::data_table::Column::number(text)
            } else {
                crate::widgets::data_table::Column::text(text)
            }
        })
        .collect();
    view! {
        <crate::widgets::data_table::DataTable columns=columns class=class>
                    {rows.into_iter().map(|row| view! {
                        <tr>
                            {row.into_iter().enumerate().map(|(i, cell)| {
                                let numeric = numeric.get(i).copied().unwrap_or(false);
                                if row_headers && i == 0 {
                                    view! { <th scope="row">{cell}</th> }.into_any()
                                } else {
                                    view! { <td class:numeric=numeric>{cell}</td> }.into_any()
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
        </crate::widgets::data_table::DataTable>
    }
    .into_any()
}
