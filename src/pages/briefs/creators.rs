//! The creators of a brief, their tracked links and codes, and one brief per creator to
//! view or download.

use leptos::prelude::*;

use crate::widgets::data_table::{Column, DataTable};

use super::{briefs_context, edit_brief};
use crate::app::files::{download_text, safe_file_stem};
use crate::app::persistence::update_workspace;
use crate::app::state::{app_state, AppState};
use crate::widgets::fields::{lines_of, TextArea};
use crate::widgets::link_settings::LinkSettings;
use microplan_model::rows::PipelineStatus;
use microplan_plan::brief::{brief_link_plan, creator_briefs, render_brief, CreatorBrief};
use microplan_plan::doc::render_markdown;
use microplan_plan::tracking::generate_links;

fn download_creator_brief(
    state: AppState,
    brief: &microplan_plan::brief::CampaignBrief,
    creator: &CreatorBrief,
) {
    let name = format!(
        "{}.md",
        safe_file_stem(&format!("brief-{}-{}", brief.name, creator.handle))
    );
    match download_text(
        &name,
        &render_markdown(&render_brief(brief, Some(creator))),
        "text/markdown;charset=utf-8",
    ) {
        Ok(()) => state.notify(format!("Downloaded {name}.")),
        Err(error) => state.notify_error(format!("Could not download {name}: {error}.")),
    }
}

#[component]
pub fn CreatorBriefsCard() -> impl IntoView {
    let state = app_state();
    let context = briefs_context();
    let brief = context.brief;
    let handles = Signal::derive(move || {
        brief.with(|b| {
            b.as_ref()
                .map(|b| b.creators.join("\n"))
                .unwrap_or_default()
        })
    });
    let set_handles = Callback::new(move |v: String| {
        if let Some(id) = context.selected.get_untracked() {
            let list: Vec<String> = lines_of(&v.replace(',', "\n"))
                .into_iter()
                .map(|h| h.trim_start_matches('@').to_string())
                .collect();
            edit_brief(state, &id, move |b| b.creators = list);
        }
    });
    let community =
        Memo::new(move |_| brief.with(|b| b.as_ref().and_then(|b| b.community.clone())));
    let add_community = move |_| {
        let (Some(id), Some(name)) = (context.selected.get_untracked(), community.get_untracked())
        else {
            return;
        };
        update_workspace(state, |w| {
            let members: Vec<String> = w
                .creators
                .iter()
                .filter(|c| {
                    c.status != PipelineStatus::Dropped
                        && c.communities.iter().any(|m| m.eq_ignore_ascii_case(&name))
                })
                .map(|c| c.handle.clone())
                .collect();
            if let Some(b) = w.programme.briefs.brief_mut(&id) {
                for handle in members {
                    if !b.creators.iter().any(|h| h.eq_ignore_ascii_case(&handle)) {
                        b.creators.push(handle);
                    }
                }
            }
        });
    };
    let make_links = move |_| {
        let Some(id) = context.selected.get_untracked() else {
            return;
        };
        let mut outcome: Result<(usize, Vec<String>), String> =
            Err("No brief is open.".to_string());
        update_workspace(state, |w| {
            let Some(brief) = w.programme.briefs.brief(&id).cloned() else {
                return;
            };
            let base = w.programme.tracking.last_plan.clone().unwrap_or_default();
            let (plan, creators, unknown) = brief_link_plan(&brief, &w.creators, &base);
            outcome = generate_links(&plan, &creators, &w.programme.tracking)
                .map(|generated| {
                    let made = generated.links.len();
                    w.programme
                        .tracking
                        .replace_campaign(&plan.campaign, generated.links);
                    w.programme.tracking.last_plan = Some(plan);
                    let mut notes = generated.warnings;
                    if !unknown.is_empty() {
                        notes.push(format!(
                            "Not in the creators table, so no links: @{}.",
                            unknown.join(", @")
                        ));
                    }
                    (made, notes)
                })
                .map_err(String::from);
        });
        match outcome {
            Ok((made, notes)) => state.notify(format!(
                "Made {made} tracked links with codes. {}",
                notes.join(" ")
            )),
            Err(why) => state.notify_error(why),
        }
    };
    let briefs = Memo::new(move |_| {
        brief.with(|b| {
            let Some(b) = b else { return Vec::new() };
            state.workspace.with(|w| {
                w.as_ref()
                    .map(|w| creator_briefs(b, &w.creators, &w.programme.tracking))
                    .unwrap_or_default()
            })
        })
    });
    view! {
        <section class="card" aria-labelledby="creator-briefs-heading">
            <h2 id="creator-briefs-heading">"Creators, links and codes"</h2>
            <TextArea id="brief-creators" label="Creators" rows=4 value=handles on_set=set_handles
                hint="Handles, one per line. Each gets their own brief, deliverables for their platform, links and code." />
            {move || community.get().map(|name| view! {
                <button on:click=add_community>{format!("Add the {name} community's creators")}</button>
            })}
            <h3>"Tracked links and promo codes"</h3>
            <LinkSettings prefix="brief-links" />
            <button class="primary" on:click=make_links>"Make links and codes"</button>
            <p class="hint">"One GA4-tagged link per creator and piece, one code per creator, unique in this workspace and against the shop codes on the Tracking page. Running it again gives the same links and codes."</p>
            <h3>"Briefs per creator"</h3>
            {move || {
                let list = briefs.get();
                if list.is_empty() {
                    return view! { <p class="empty">"Add creators above to get their briefs."</p> }.into_any();
                }
                view! {
                    <DataTable label="Briefs per creator" class="pg-creators" columns=vec![
                        Column::text("Creator"),
                        Column::text("Platform"),
                        Column::number("Pieces with a link"),
                        Column::text("Code"),
                        Column::text("Ready?"),
                        Column::text("Brief"),
                    ]>
                                {list.into_iter().map(|creator| {
                                    let linked = creator.pieces.iter().filter(|p| p.link.is_some()).count();
                                    let handle = creator.handle.clone();
                                    let for_download = creator.clone();
                                    view! {
                                        <tr>
                                            <td>{creator.addressee()}</td>
                                            <td>{if creator.platform.is_empty() { "unknown".to_string() } else { creator.platform.clone() }}</td>
                                            <td class="numeric">{format!("{linked} of {}", creator.pieces.len())}</td>
                                            <td><code>{creator.code.clone().unwrap_or_else(|| "—".into())}</code></td>
                                            <td class="pg-ready">{if creator.missing.is_empty() { "Ready".to_string() } else { creator.missing.join(" ") }}</td>
                                            <td class="pg-actions">
                                                <button class="small" on:click=move |_| {
                                                    context.viewing.set(Some(handle.clone()));
                                                    if let Some(heading) = document().get_element_by_id("document-heading") { heading.scroll_into_view(); }
                                                }>"View"</button>
                                                <button class="small" aria-label=format!("Download the brief for @{} as Markdown", creator.handle)
                                                    on:click=move |_| if let Some(b) = brief.get_untracked() { download_creator_brief(state, &b, &for_download) }>
                                                    "Download .md"
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
        </section>
    }
}
