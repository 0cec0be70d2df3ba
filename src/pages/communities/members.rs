//! A community's members and its ecosystem: creators by tier, their audit scores and the
//! gaps worth recruiting for.

use leptos::prelude::*;

use crate::widgets::data_table::{Column, DataTable};

use super::{communities_context, static_table};
use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use microplan_audit::tiers::TierBoundaries;
use microplan_model::money::group_thousands as thousands;
use microplan_model::removal::{put_back, take_where};
use microplan_model::rows::PipelineStatus;
use microplan_plan::activation::ecosystem::{
    community_ecosystem, is_member, Ecosystem, EcosystemTier,
};
use microplan_plan::activation::same_name;
use microplan_workspace::activation_edits::set_membership;

#[component]
pub fn MembersCard(community: String) -> impl IntoView {
    let state = app_state();
    let context = communities_context();
    let pick = RwSignal::new(String::new());
    let name = community.clone();
    let rows = move || {
        let audits = context.audits.get();
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.creators
                        .iter()
                        .filter(|c| is_member(c, &name))
                        .map(|c| {
                            let score = audits
                                .iter()
                                .find(|a| a.handle == c.handle)
                                .and_then(|a| a.score);
                            (c.handle.clone(), c.followers, c.status, score)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let others_of = community.clone();
    let others = move || {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.creators
                        .iter()
                        .filter(|c| !is_member(c, &others_of))
                        .map(|c| c.handle.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let add_to = community.clone();
    let add = move |_| {
        let handle = pick.get_untracked();
        if handle.is_empty() {
            state.notify_error("Choose a creator to add first.");
            return;
        }
        let target = add_to.clone();
        update_workspace(state, |w| set_membership(w, &handle, &target, true));
        pick.set(String::new());
    };
    let remove_from = StoredValue::new(community.clone());
    view! {
        <section class="card" aria-labelledby="members-heading">
            <h2 id="members-heading">{format!("Creators in {community}")}</h2>
            <p class="hint">"A creator can belong to several communities. Dropped creators stay listed but are left out of the ecosystem and rosters."</p>
            <div class="inline-form">
                <label for="member-add">"Add a creator"</label>
                <select id="member-add" on:change=move |ev| pick.set(event_target_value(&ev)) prop:value=move || pick.get()>
                    <option value="">"Choose…"</option>
                    {move || others().into_iter().map(|h| view! { <option value=h.clone()>{format!("@{h}")}</option> }).collect_view()}
                </select>
                <button type="button" on:click=add>"Add to community"</button>
            </div>
            <DataTable scroll_class="members-scroll" columns=vec![
                Column::text("Creator"),
                Column::number("Followers"),
                Column::text("Status"),
                Column::number("Audit score"),
                Column::unseen("Actions"),
            ]>
                        {move || rows().into_iter().map(|(handle, followers, status, score)| {
                            let who = handle.clone();
                            view! {
                                <tr class:dropped=status == PipelineStatus::Dropped>
                                    <td>{format!("@{handle}")}</td>
                                    <td class="numeric">{thousands(followers)}</td>
                                    <td>{status.as_str()}</td>
                                    <td class="numeric">{score.map(|s| format!("{s:.0}")).unwrap_or_else(|| "no score".into())}</td>
                                    <td><button type="button" class="small" aria-label=format!("Remove @{handle} from the community")
                                        on:click=move |_| leave_community(state, who.clone(), remove_from.get_value())>"Remove"</button></td>
                                </tr>
                            }
                        }).collect_view()}
            </DataTable>
        </section>
    }
}

fn tier_label(tier: EcosystemTier, boundaries: &TierBoundaries) -> String {
    let (micro, mid) = (
        thousands(boundaries.micro_from),
        thousands(boundaries.mid_from),
    );
    match tier {
        EcosystemTier::Established => format!("Established ({mid}+ followers)"),
        EcosystemTier::Emerging => format!("Emerging ({micro}-{mid})"),
        EcosystemTier::Nano => format!("Nano (under {micro})"),
    }
}

#[component]
pub fn EcosystemCard(community: String) -> impl IntoView {
    let state = app_state();
    let context = communities_context();
    let ecosystem = Memo::new(move |_| {
        let audits = context.audits.get();
        let boundaries = context.settings.with(|s| s.tiers.clone());
        state.workspace.with(|w| {
            w.as_ref().map(|w| {
                (
                    community_ecosystem(&community, &w.creators, &audits, &boundaries),
                    boundaries,
                )
            })
        })
    });
    let body = move || {
        ecosystem.get().map(|(eco, boundaries): (Ecosystem, TierBoundaries)| view! {
        <p>{format!("{} active creators.", eco.members)}</p>
        {static_table("ecosystem-table", &[("Tier", false), ("Creators", true), ("0-20", true), ("20-40", true), ("40-60", true),
            ("60-80", true), ("80-100", true), ("No score", true), ("Best", true)],
            eco.tiers.into_iter().map(|t| {
                let mut cells = vec![tier_label(t.tier, &boundaries), t.handles.len().to_string()];
                cells.extend(t.score_bins.iter().map(|n| n.to_string()));
                cells.push(t.unscored.to_string());
                cells.push(t.best_score.map(|s| format!("{s:.0}")).unwrap_or_else(|| "-".into()));
                cells
            }).collect(), true)}
        {if eco.gaps.is_empty() {
            view! { <p class="ok-text">"No gaps: every tier has a creator scoring 60 or more."</p> }.into_any()
        } else {
            view! { <h3>"Gaps"</h3><ul class="gaps">{eco.gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul> }.into_any()
        }}
    })
    };
    view! {
        <section class="card" aria-labelledby="ecosystem-heading">
            <h2 id="ecosystem-heading">"Ecosystem"</h2>
            <p class="hint">"Tiers follow the audit's follower boundaries: nano is the audit's nano tier, emerging is micro, established is mid and above. Scores are the creator audit's composite (0-100); 60 or more counts as a strong voice."</p>
            {body}
        </section>
    }
}

/// Takes a creator out of a community and offers to undo it.
fn leave_community(state: crate::app::state::AppState, handle: String, community: String) {
    let mut taken = Vec::new();
    update_workspace(state, |w| {
        if let Some(creator) = w.creators.iter_mut().find(|c| c.handle == handle) {
            taken = take_where(&mut creator.communities, |c| same_name(c, &community));
        }
    });
    if !taken.is_empty() {
        crate::app::undo::offer_undo(
            state,
            format!("Removed @{handle} from “{community}”."),
            move |w| {
                if let Some(creator) = w.creators.iter_mut().find(|c| c.handle == handle) {
                    put_back(&mut creator.communities, taken);
                }
            },
        );
    }
}
