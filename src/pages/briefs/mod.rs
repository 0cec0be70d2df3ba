//! Briefs: the list of campaign briefs and playbook templates, the editor with a live
//! quality check, the brief as a document, and one brief per creator with their link and
//! code. Everything is saved with the workspace.

mod creators;
mod deliverables;
mod form;

use leptos::prelude::*;

use crate::app::persistence::update_workspace;
use crate::app::sections::{MissingItemNote, Section, UrlSelection};
use crate::app::state::{app_state, AppState};
use crate::app::undo::offer_undo;
use crate::widgets::document_view::DocumentView;
use crate::widgets::fields::WarningList;
use creators::CreatorBriefsCard;
use form::BriefForm;
use microplan_model::removal::{put_back, take_where};
use microplan_plan::brief::{check_brief, render_brief, CampaignBrief};

/// Which brief is open, shared by the parts of the page.
#[derive(Clone, Copy)]
pub struct BriefsContext {
    pub selected: RwSignal<Option<String>>,
    pub brief: Memo<Option<CampaignBrief>>,
    /// Handle of the creator whose brief the document view shows; `None` = the campaign brief.
    pub viewing: RwSignal<Option<String>>,
}

pub fn briefs_context() -> BriefsContext {
    expect_context::<BriefsContext>()
}

/// Changes one brief and saves.
pub fn edit_brief(state: AppState, id: &str, change: impl FnOnce(&mut CampaignBrief)) {
    let id = id.to_string();
    update_workspace(state, move |w| {
        if let Some(brief) = w.programme.briefs.brief_mut(&id) {
            change(brief);
        }
    });
}

#[component]
pub fn BriefsPage() -> impl IntoView {
    let state = app_state();
    let selection = UrlSelection::new(Section::Briefs);
    let selected = selection.selected;
    // With no brief in the URL the first one is open, as before, without a history step.
    if selected.get_untracked().is_none() {
        let first = state.workspace.with_untracked(|w| {
            w.as_ref()
                .and_then(|w| w.programme.briefs.briefs.first().map(|b| b.id.clone()))
        });
        if first.is_some() {
            selection.replace(first);
        }
    }
    selection.drop_missing(move |id| {
        state
            .workspace
            .with(|w| w.as_ref().map(|w| w.programme.briefs.brief(id).is_some()))
    });
    let brief = Memo::new(move |_| {
        let id = selected.get()?;
        state.workspace.with(|w| {
            w.as_ref()
                .and_then(|w| w.programme.briefs.brief(&id).cloned())
        })
    });
    let context = BriefsContext {
        selected,
        brief,
        viewing: RwSignal::new(None),
    };
    provide_context(context);
    let has_brief = Memo::new(move |_| brief.with(Option::is_some));
    let issues = Signal::derive(move || {
        brief.with(|b| {
            b.as_ref()
                .map(|b| check_brief(b).into_iter().map(|i| i.message).collect())
                .unwrap_or_default()
        })
    });
    view! {
        <h1 id="section-heading" tabindex="-1">"Briefs"</h1>
        <p class="lead">
            "An audience-first brief: one objective, a few facts the audience needs, the market's \
             disclosure rules, and real creative freedom. One campaign brief gives every creator \
             their own, with their link and code."
        </p>
        <div class="pg">
            <MissingItemNote selection=selection noun="brief" />
            <BriefLibrary />
            {move || has_brief.get().then(|| view! {
                <section class="card pg-quality" aria-labelledby="quality-heading">
                    <h2 id="quality-heading">"Quality check"</h2>
                    <p class="hint">"The failure modes creators complain about most: vague or over-scripted briefs, missing disclosure, no dates, no call to action."</p>
                    <WarningList warnings=issues all_clear="No warnings: the brief is clear, disclosed, dated and leaves room for the creator." />
                </section>
                <BriefForm />
                <CreatorBriefsCard />
                <BriefDocument />
            })}
        </div>
    }
}

#[component]
fn BriefLibrary() -> impl IntoView {
    let state = app_state();
    let context = briefs_context();
    let new_name = RwSignal::new(String::new());
    let book = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.programme.briefs.clone())
                .unwrap_or_default()
        })
    });
    let create = move |_| {
        let name = new_name.get_untracked();
        let mut id = String::new();
        update_workspace(state, |w| id = w.programme.briefs.add_brief(&name));
        if !id.is_empty() {
            context.selected.set(Some(id));
            context.viewing.set(None);
            new_name.set(String::new());
        }
    };
    let use_template = move |template: String| {
        let mut id = None;
        update_workspace(state, |w| {
            id = w.programme.briefs.use_template(&template, "")
        });
        if let Some(id) = id {
            context.selected.set(Some(id));
            context.viewing.set(None);
            state.notify("New brief made from the template: set its creators and posting window.");
        }
    };
    view! {
        <section class="card" aria-labelledby="library-heading">
            <h2 id="library-heading">"Campaign briefs"</h2>
            {move || {
                let briefs = book.with(|b| b.briefs.iter().map(|b| (b.id.clone(), b.name.clone(), b.creators.len())).collect::<Vec<_>>());
                if briefs.is_empty() {
                    view! { <p class="empty">"No briefs yet. Name your campaign and start one, or reuse a template."</p> }.into_any()
                } else {
                    view! {
                        <ul class="pg-list">
                            {briefs.into_iter().map(|(id, name, creators)| {
                                let open_id = id.clone();
                                let current = id.clone();
                                view! {
                                    <li>
                                        <button aria-pressed=move || (context.selected.get().as_deref() == Some(current.as_str())).to_string()
                                            on:click=move |_| { context.selected.set(Some(open_id.clone())); context.viewing.set(None); }>
                                            {name}
                                        </button>
                                        <span class="hint">{format!(" {creators} creator{}", if creators == 1 { "" } else { "s" })}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
            <div class="inline-form">
                <label for="new-brief-name">"New campaign"</label>
                <input id="new-brief-name" type="text" placeholder="e.g. Autumn trail launch" prop:value=new_name
                    on:input=move |ev| new_name.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { create(()) } />
                <button class="primary" on:click=move |_| create(())>"Start a brief"</button>
            </div>
            <h3>"Playbook templates"</h3>
            {move || {
                let templates = book.with(|b| b.templates.clone());
                if templates.is_empty() {
                    view! { <p class="hint">"Save a brief that worked as a template; it keeps its facts, formats, prompts, audience segments and reporting template."</p> }.into_any()
                } else {
                    view! {
                        <ul class="pg-list">
                            {templates.into_iter().map(|t| {
                                let id = t.id.clone();
                                let remove_id = t.id.clone();
                                view! {
                                    <li>
                                        <strong>{t.name.clone()}</strong>
                                        <span class="hint">{format!(" from {}", t.saved_from)}</span>
                                        <button class="small" on:click=move |_| use_template(id.clone())>{format!("Use “{}”", t.name)}</button>
                                        <button class="small danger" aria-label=format!("Delete template {}", t.name)
                                            on:click=move |_| remove_template(state, remove_id.clone())>
                                            "Delete"
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn BriefDocument() -> impl IntoView {
    let state = app_state();
    let context = briefs_context();
    let document = Signal::derive(move || {
        let viewing = context.viewing.get();
        context.brief.with(|brief| {
            let Some(brief) = brief else {
                return Default::default();
            };
            state.workspace.with(|w| {
                let creator = viewing.as_ref().zip(w.as_ref()).and_then(|(handle, w)| {
                    microplan_plan::brief::creator_briefs(brief, &w.creators, &w.programme.tracking)
                        .into_iter()
                        .find(|c| c.handle.eq_ignore_ascii_case(handle))
                });
                render_brief(brief, creator.as_ref())
            })
        })
    });
    let stem = Signal::derive(move || {
        let name = context
            .brief
            .with(|b| b.as_ref().map(|b| b.name.clone()).unwrap_or_default());
        match context.viewing.get() {
            Some(handle) => format!("brief-{name}-{handle}"),
            None => format!("brief-{name}"),
        }
    });
    view! {
        <section class="card" aria-labelledby="document-heading">
            <h2 id="document-heading">
                {move || match context.viewing.get() {
                    Some(handle) => format!("Brief for @{handle}"),
                    None => "The campaign brief".to_string(),
                }}
            </h2>
            {move || context.viewing.get().map(|_| view! {
                <button class="small" on:click=move |_| context.viewing.set(None)>"Show the campaign brief"</button>
            })}
            <DocumentView document=document file_stem=stem />
        </section>
    }
}

/// Deletes a playbook template and offers to undo it.
fn remove_template(state: AppState, id: String) {
    let mut taken = Vec::new();
    update_workspace(state, |w| {
        taken = take_where(&mut w.programme.briefs.templates, |t| t.id == id)
    });
    let name = taken
        .first()
        .map(|(_, t)| t.name.clone())
        .unwrap_or_default();
    if !taken.is_empty() {
        offer_undo(
            state,
            format!("Deleted the template “{name}”."),
            move |w| put_back(&mut w.programme.briefs.templates, taken),
        );
    }
}
