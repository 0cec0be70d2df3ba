//! Tracking: GA4-tagged links per creator and deliverable and unique promo codes, the table
//! to export for a shop or link tool (and import back), and the shop's existing codes.

use leptos::prelude::*;

use crate::widgets::data_table::{Column, DataTable};

use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use crate::widgets::fields::{lines_of, TextArea, TextField};
use crate::widgets::link_settings::{edit_link_plan, link_plan_memo, LinkSettings};
use crate::widgets::table_view::TableView;
use microplan_model::rows::PipelineStatus;
use microplan_plan::tracking::{
    campaign_summary, generate_links, tag_landing_page, utm_parameters, LinkCreator, LinkPlan,
};
use microplan_workspace::io::table::TableKind;

/// The tagged link the plan gives its first creator's first piece, or why there is none.
fn preview(plan: &LinkPlan, handle: Option<(&str, &str)>) -> Result<String, String> {
    let (handle, platform) = handle.ok_or("List at least one creator to see a link.")?;
    let deliverable = plan
        .deliverables
        .first()
        .map(String::as_str)
        .unwrap_or("post");
    let parameters = utm_parameters(
        platform,
        plan.placement,
        &plan.campaign,
        handle,
        deliverable,
        plan.utm_term.as_deref(),
        plan.utm_id.as_deref(),
    )?;
    Ok(tag_landing_page(&plan.landing_page, &parameters)?.url)
}

#[component]
pub fn TrackingPage() -> impl IntoView {
    let state = app_state();
    let plan = link_plan_memo(state);
    let handles = RwSignal::new(String::new());
    let read = move |f: fn(&LinkPlan) -> String| Signal::derive(move || plan.with(f));
    let creators = Memo::new(move |_| {
        let wanted = lines_of(&handles.get().replace(',', "\n"));
        state.workspace.with(|w| {
            let known = w.as_ref().map(|w| w.creators.as_slice()).unwrap_or(&[]);
            let mut found = Vec::new();
            let mut unknown = Vec::new();
            for handle in wanted.iter().map(|h| h.trim_start_matches('@')) {
                match known.iter().find(|c| c.handle.eq_ignore_ascii_case(handle)) {
                    Some(c) => found.push(LinkCreator {
                        handle: c.handle.clone(),
                        platform: c.platform.clone(),
                        deliverables: Vec::new(),
                    }),
                    None => unknown.push(handle.to_string()),
                }
            }
            (found, unknown)
        })
    });
    let use_active = move |_| {
        let list = state.workspace.with_untracked(|w| {
            w.as_ref()
                .map(|w| {
                    w.creators
                        .iter()
                        .filter(|c| {
                            matches!(
                                c.status,
                                PipelineStatus::Pilot
                                    | PipelineStatus::Active
                                    | PipelineStatus::Ambassador
                            )
                        })
                        .map(|c| c.handle.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        });
        handles.set(list.join("\n"));
    };
    let generate = move |_| {
        let (found, unknown) = creators.get_untracked();
        let mut outcome = Err("No workspace is open.".to_string());
        update_workspace(state, |w| {
            let plan = w.programme.tracking.last_plan.clone().unwrap_or_default();
            outcome = generate_links(&plan, &found, &w.programme.tracking)
                .map_err(String::from)
                .map(|generated| {
                    let made = generated.links.len();
                    w.programme
                        .tracking
                        .replace_campaign(&plan.campaign, generated.links);
                    (made, generated.warnings)
                });
        });
        match outcome {
            Ok((made, mut notes)) => {
                if !unknown.is_empty() {
                    notes.push(format!(
                        "Not in the creators table, so no links: @{}.",
                        unknown.join(", @")
                    ));
                }
                state.notify(format!("Made {made} tracked links. {}", notes.join(" ")));
            }
            Err(why) => state.notify_error(why),
        }
    };
    let shown = move || {
        let (found, _) = creators.get();
        plan.with(|p| {
            preview(
                p,
                found
                    .first()
                    .map(|c| (c.handle.as_str(), c.platform.as_str())),
            )
        })
    };
    view! {
        <h1 id="section-heading" tabindex="-1">"Tracking"</h1>
        <p class="lead">
            "Every creator gets a GA4-tagged link per piece and a promo code of their own, so a visit \
             or an order can be traced to who caused it. Export the table for your shop or link \
             tool; import it back after editing."
        </p>
        <div class="pg">
            <section class="card" aria-labelledby="links-heading">
                <h2 id="links-heading">"Make links and codes"</h2>
                <p class="hint">"Briefs make these for their own creators; use this form for anything else."</p>
                <div class="pg-row">
                    <TextField id="tracking-campaign" label="Campaign" hint="Added to each link as utm_campaign, lowercase."
                        value=read(|p| p.campaign.clone())
                        on_set=Callback::new(move |v: String| edit_link_plan(state, move |p| p.campaign = v.trim().to_string())) />
                    <TextField id="tracking-term" label="Community or audience (optional)" hint="Added to each link as utm_term."
                        value=read(|p| p.utm_term.clone().unwrap_or_default())
                        on_set=Callback::new(move |v: String| edit_link_plan(state, move |p| p.utm_term = Some(v.trim().to_string()).filter(|v| !v.is_empty()))) />
                    <TextField id="tracking-id" label="Campaign id (optional)" hint="Added as utm_id, if your GA4 set-up uses one."
                        value=read(|p| p.utm_id.clone().unwrap_or_default())
                        on_set=Callback::new(move |v: String| edit_link_plan(state, move |p| p.utm_id = Some(v.trim().to_string()).filter(|v| !v.is_empty()))) />
                </div>
                <LinkSettings prefix="tracking" />
                <div class="pg-row">
                    <TextArea id="tracking-deliverables" label="Deliverables" rows=3 hint="One link each per creator, e.g. reel 1, story 1; one per line."
                        value=Signal::derive(move || plan.with(|p| p.deliverables.join("\n")))
                        on_set=Callback::new(move |v: String| edit_link_plan(state, move |p| p.deliverables = lines_of(&v))) />
                    <TextArea id="tracking-creators" label="Creators" rows=3 hint="Handles, one per line, as in the creators table. Not saved."
                        value=handles on_set=Callback::new(move |v: String| handles.set(v)) />
                </div>
                <div class="actions">
                    <button on:click=use_active>"Use pilot, active and ambassador creators"</button>
                    <button class="primary" on:click=generate>"Make links and codes"</button>
                </div>
                <p class="hint">{move || {
                    let (found, unknown) = creators.get();
                    let mut text = format!("{} found.", microplan_model::format::plural(found.len() as u64, "creator", "creators"));
                    if !unknown.is_empty() {
                        text.push_str(&format!(" Not in the creators table: @{}.", unknown.join(", @")));
                    }
                    text
                }}</p>
                <div class="pg-preview" aria-live="polite">
                    <strong>"First link: "</strong>
                    {move || match shown() {
                        Ok(url) => view! { <code class="pg-url">{url}</code> }.into_any(),
                        Err(why) => view! { <span class="hint">{why}</span> }.into_any(),
                    }}
                </div>
                <details class="explain">
                    <summary>"How the parameters are set"</summary>
                    <dl>
                        <dt>"utm_source"</dt><dd>"The creator's platform (instagram, tiktok), lowercase: GA4 compares values case-sensitively."</dd>
                        <dt>"utm_medium"</dt><dd>"social for the creator's own posts (GA4: Organic Social); paid_social for whitelisted ads run from their handle (GA4: Paid Social, which matches mediums starting with paid)."</dd>
                        <dt>"utm_campaign"</dt><dd>"The campaign name, lowercase, spaces as _."</dd>
                        <dt>"utm_content"</dt><dd>"Creator and piece, e.g. ridge_runner_ava_story_1: one link per creator and deliverable. Handles in any script are kept and percent-encoded."</dd>
                        <dt>"Community and campaign id (utm_term, utm_id)"</dt><dd>"Optional: the community, and a campaign id. Left out when empty."</dd>
                        <dt>"The landing page"</dt><dd>"Its own query parameters stay first and in order, old utm_ parameters are replaced (you are told), and a #section stays at the end."</dd>
                        <dt>"Promo codes"</dt><dd>"Uppercase. Letters from words skip 0, O, 1, I and L, which are misread on a phone screen; the discount number of {PCT} keeps its digits. A code already in this workspace or in the shop's codes gets the next free suffix (2, 3 … or B, C … after a number). Handles with no usable letters get a short code derived from the handle."</dd>
                    </dl>
                </details>
            </section>
            <CampaignOverview />
            <TableView kind=TableKind::TrackingLinks />
            <TableView kind=TableKind::StoreCodes />
        </div>
    }
}

/// Links, creators and codes per campaign, so a missing campaign or code stands out.
#[component]
fn CampaignOverview() -> impl IntoView {
    let state = app_state();
    let summary = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| campaign_summary(&w.programme.tracking.links))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" aria-labelledby="campaign-links-heading">
            <h2 id="campaign-links-heading">"Links per campaign"</h2>
            {move || {
                let rows = summary.get();
                if rows.is_empty() {
                    return view! { <p class="empty">"No tracked links yet: make them above or from a brief."</p> }.into_any();
                }
                view! {
                    <DataTable label="Links per campaign" columns=vec![
                        Column::text("Campaign"),
                        Column::number("Links"),
                        Column::number("Creators"),
                        Column::number("Promo codes"),
                    ]>
                                {rows.into_iter().map(|row| view! {
                                    <tr>
                                        <td>{row.campaign}</td><td class="numeric">{row.links}</td>
                                        <td class="numeric">{row.creators}</td><td class="numeric">{row.codes}</td>
                                    </tr>
                                }).collect_view()}
                    </DataTable>
                    <p class="hint">"One link per creator and piece; one code per creator. Fewer codes than creators means some creators have links without a code."</p>
                }.into_any()
            }}
        </section>
    }
}
