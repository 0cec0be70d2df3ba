//! The choices form, part two: the lists (deliverables, KPIs), the usage licence matrix and
//! exclusivity.

use leptos::prelude::*;

use crate::app::state::app_state;
use crate::widgets::contract_fields::{
    bind, bind_item, AreaProblems, CountInput, ListInput, NumberInput, SelectInput, TextInput,
};
use microplan_plan::contract::{
    Channel, ChoiceArea, ContractChoices, Copyright, ExclusivityKind, Kpi, Problem,
    ReportingCadence, UsageGrant,
};
use microplan_plan::deliverables::{Deliverable, DeliverableFormat};

fn deliverables(c: &ContractChoices) -> &Vec<Deliverable> {
    &c.deliverables
}
fn deliverables_mut(c: &mut ContractChoices) -> &mut Vec<Deliverable> {
    &mut c.deliverables
}
fn kpis(c: &ContractChoices) -> &Vec<Kpi> {
    &c.reporting.kpis
}
fn kpis_mut(c: &mut ContractChoices) -> &mut Vec<Kpi> {
    &mut c.reporting.kpis
}

#[component]
fn DeliverableRow(draft: RwSignal<ContractChoices>, index: usize) -> impl IntoView {
    let id = |part: &str| format!("deliverable-{index}-{part}");
    let (platform, set_platform) = bind_item(
        draft,
        deliverables,
        deliverables_mut,
        index,
        |d| d.platform.clone(),
        |d, v: String| d.platform = v.trim().to_lowercase(),
    );
    let (format, set_format) = bind_item(
        draft,
        deliverables,
        deliverables_mut,
        index,
        |d| d.format.code().to_string(),
        |d, v: String| {
            if let Some(f) = DeliverableFormat::parse(&v) {
                d.format = f;
            }
        },
    );
    let (count, set_count) = bind_item(
        draft,
        deliverables,
        deliverables_mut,
        index,
        |d| d.count,
        |d, v| d.count = v,
    );
    let (length, set_length) = bind_item(
        draft,
        deliverables,
        deliverables_mut,
        index,
        |d| d.min_length.map(f64::from),
        |d, v: Option<f64>| d.min_length = v.map(|x| x.clamp(0.0, 1e6).round() as u32),
    );
    let (types, set_types) = bind_item(
        draft,
        deliverables,
        deliverables_mut,
        index,
        |d| d.file_types.clone(),
        |d, v| d.file_types = v,
    );
    let (ratio, set_ratio) = bind_item(
        draft,
        deliverables,
        deliverables_mut,
        index,
        |d| d.aspect_ratio.clone().unwrap_or_default(),
        |d, v: String| d.aspect_ratio = (!v.trim().is_empty()).then(|| v.trim().to_string()),
    );
    let (turnaround, set_turnaround) = bind_item(
        draft,
        deliverables,
        deliverables_mut,
        index,
        |d| d.turnaround_days.map(f64::from),
        |d, v: Option<f64>| d.turnaround_days = v.map(|x| x.clamp(0.0, 1e6).round() as u32),
    );
    let formats: Vec<(&'static str, &'static str)> = DeliverableFormat::ALL
        .iter()
        .map(|f| (f.code(), f.label()))
        .collect();
    let remove = move |_| {
        draft.update(|c| {
            if index < c.deliverables.len() {
                c.deliverables.remove(index);
            }
        })
    };
    view! {
        <li class="list-row">
            <div class="field-grid">
                <TextInput id=id("platform") label=format!("Deliverable {}: platform", index + 1) value=platform on_set=set_platform />
                <SelectInput id=id("format") label="Format" options=formats value=format on_set=set_format />
                <CountInput id=id("count") label="How many" value=count on_set=set_count />
                <NumberInput id=id("length") label="Minimum length (seconds or words)" value=length on_set=set_length
                    hint="Seconds for video, words for text; empty for photos." />
                <ListInput id=id("types") label="File types" value=types on_set=set_types hint="Comma-separated: mp4, mov" />
                <TextInput id=id("ratio") label="Aspect ratio" value=ratio on_set=set_ratio hint="9:16, 4:5, 1:1 or 16:9" />
                <NumberInput id=id("turnaround") label="First draft within (days)" value=turnaround on_set=set_turnaround />
            </div>
            <button type="button" class="small danger" on:click=remove>{format!("Remove deliverable {}", index + 1)}</button>
        </li>
    }
}

#[component]
pub fn DeliverablesFields(
    draft: RwSignal<ContractChoices>,
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|c| c.deliverables.len()));
    let add = move |_| {
        draft.update(|c| {
            let platform = if c.creator.platform.trim().is_empty() {
                "instagram".to_string()
            } else {
                c.creator.platform.clone()
            };
            c.deliverables
                .push(Deliverable::new(&platform, DeliverableFormat::FeedPost, 1));
        })
    };
    view! {
        <fieldset class="contract-part">
            <legend>"Deliverables"</legend>
            <p class="hint">"The complete checklist of what the creator makes. Anything else is a new request."</p>
            <BriefDeliverablesPicker draft=draft />
            <ol class="list-rows">
                {move || (0..count.get()).map(|index| view! { <DeliverableRow draft=draft index=index /> }).collect_view()}
            </ol>
            <button type="button" on:click=add>"Add a deliverable"</button>
            <AreaProblems area=ChoiceArea::Deliverables problems=problems />
        </fieldset>
    }
}

/// Replaces the deliverables with those a saved brief sets for this creator's platform.
#[component]
fn BriefDeliverablesPicker(draft: RwSignal<ContractChoices>) -> impl IntoView {
    let state = app_state();
    let briefs = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.programme
                        .briefs
                        .briefs
                        .iter()
                        .map(|b| (b.id.clone(), b.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let picked = RwSignal::new(String::new());
    let apply = move |_| {
        let id = picked.get_untracked();
        let found = state.workspace.with_untracked(|w| {
            w.as_ref().and_then(|w| {
                w.programme
                    .briefs
                    .briefs
                    .iter()
                    .find(|b| b.id == id)
                    .cloned()
            })
        });
        let Some(brief) = found else { return };
        let mut taken = 0;
        draft.update(|c| {
            c.deliverables = brief.deliverables_for(&c.creator.platform);
            taken = c.deliverables.len();
        });
        if taken == 0 {
            state.notify_error(format!(
                "The brief “{}” sets no deliverables for this creator's platform.",
                brief.name
            ));
        } else {
            state.notify(format!(
                "Took {taken} deliverable(s) from the brief “{}”.",
                brief.name
            ));
        }
    };
    view! {
        <Show when=move || briefs.with(|b| !b.is_empty())>
            <div class="inline-form">
                <label for="contract-brief-deliverables">"Take deliverables from a brief"</label>
                <select id="contract-brief-deliverables" on:change=move |ev| picked.set(event_target_value(&ev))>
                    <option value="" selected=move || picked.get().is_empty()>"Choose a brief…"</option>
                    {move || briefs.get().into_iter().map(|(id, name)| {
                        let selected = id.clone();
                        view! { <option value=id selected=move || picked.get() == selected>{name}</option> }
                    }).collect_view()}
                </select>
                <button type="button" disabled=move || picked.get().is_empty() on:click=apply>"Use these deliverables"</button>
            </div>
        </Show>
    }
}

/// One row of the licence matrix: whether the channel is licensed, where and how long.
#[component]
fn LicenceRow(draft: RwSignal<ContractChoices>, channel: Channel) -> impl IntoView {
    let licensed =
        Memo::new(move |_| draft.with(|c| c.licence.grants.iter().any(|g| g.channel == channel)));
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        draft.update(|c| {
            c.licence.grants.retain(|g| g.channel != channel);
            if on {
                let territory = c.market.name().to_string();
                c.licence.grants.push(UsageGrant {
                    channel,
                    territory,
                    months: if channel.is_paid() { 3 } else { 6 },
                    platforms: String::new(),
                });
            }
        });
    };
    let territory = move || {
        draft.with(|c| {
            c.licence
                .grants
                .iter()
                .find(|g| g.channel == channel)
                .map(|g| g.territory.clone())
                .unwrap_or_default()
        })
    };
    let months = move || {
        draft.with(|c| {
            c.licence
                .grants
                .iter()
                .find(|g| g.channel == channel)
                .map(|g| g.months)
                .unwrap_or(0)
        })
    };
    let set_territory = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        draft.update(|c| {
            c.licence
                .grants
                .iter_mut()
                .filter(|g| g.channel == channel)
                .for_each(|g| g.territory = text.clone())
        });
    };
    let platforms = move || {
        draft.with(|c| {
            c.licence
                .grants
                .iter()
                .find(|g| g.channel == channel)
                .map(|g| g.platforms.clone())
                .unwrap_or_default()
        })
    };
    let set_platforms = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        draft.update(|c| {
            c.licence
                .grants
                .iter_mut()
                .filter(|g| g.channel == channel)
                .for_each(|g| g.platforms = text.clone())
        });
    };
    let set_months = move |ev: leptos::ev::Event| {
        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
            draft.update(|c| {
                c.licence
                    .grants
                    .iter_mut()
                    .filter(|g| g.channel == channel)
                    .for_each(|g| g.months = n)
            });
        }
    };
    let id = format!("licence-{}", channel.code());
    view! {
        <tr>
            <td>
                <input id=id.clone() type="checkbox" prop:checked=move || licensed.get() on:change=toggle />
                <label for=id.clone()>{channel.label()}</label>
                {channel.is_paid().then(|| view! { <span class="badge">"paid usage"</span> })}
            </td>
            <td>
                <label class="visually-hidden" for=format!("{id}-territory")>{format!("Territory for {}", channel.label())}</label>
                <input id=format!("{id}-territory") type="text" disabled=move || !licensed.get() prop:value=territory on:input=set_territory />
            </td>
            <td>
                <label class="visually-hidden" for=format!("{id}-months")>{format!("Months for {}", channel.label())}</label>
                <input id=format!("{id}-months") type="number" min="1" step="1" disabled=move || !licensed.get()
                    prop:value=move || { let m = months(); if m == 0 { String::new() } else { m.to_string() } } on:change=set_months />
            </td>
            <td>
                {channel.is_paid().then(|| view! {
                    <label class="visually-hidden" for=format!("{id}-platforms")>{format!("Ad platforms for {}", channel.label())}</label>
                    <input id=format!("{id}-platforms") type="text" placeholder="Meta, TikTok" disabled=move || !licensed.get() prop:value=platforms on:input=set_platforms />
                })}
            </td>
        </tr>
    }
}

#[component]
pub fn LicenceFields(
    draft: RwSignal<ContractChoices>,
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    let (fee, set_fee) = bind(
        draft,
        |c| c.licence.paid_usage_fee,
        |c, v| c.licence.paid_usage_fee = v,
    );
    let (copyright, set_copyright) = bind(
        draft,
        |c| c.licence.copyright.code().to_string(),
        |c, v: String| {
            if let Some(k) = Copyright::parse(&v) {
                c.licence.copyright = k;
            }
        },
    );
    let ownership: Vec<(&'static str, &'static str)> = Copyright::ALL
        .iter()
        .map(|k| (k.code(), k.label()))
        .collect();
    view! {
        <fieldset class="contract-part">
            <legend>"Usage licence"</legend>
            <p class="hint">"Tick each channel the brand may use the content on, then where and for how long (months from the first post). Anything not ticked needs a separate agreement."</p>
            <div class="table-scroll">
                <table class="licence-matrix">
                    <thead><tr><th scope="col">"Channel"</th><th scope="col">"Territory"</th><th scope="col">"Months"</th><th scope="col">"Ad platforms (paid usage)"</th></tr></thead>
                    <tbody>{Channel::ALL.into_iter().map(|channel| view! { <LicenceRow draft=draft channel=channel /> }).collect_view()}</tbody>
                </table>
            </div>
            <div class="field-grid">
                <NumberInput id="contract-paid-usage-fee" label="Paid-usage fee" value=fee on_set=set_fee
                    hint="Paid social, whitelisting and out-of-home are priced on top of the content fee." />
                <SelectInput id="contract-copyright" label="Copyright" options=ownership value=copyright on_set=set_copyright />
            </div>
            <AreaProblems area=ChoiceArea::Licence problems=problems />
        </fieldset>
    }
}

#[component]
pub fn ExclusivityFields(
    draft: RwSignal<ContractChoices>,
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    let (kind, set_kind) = bind(
        draft,
        |c| c.exclusivity.kind.code().to_string(),
        |c, v: String| {
            if let Some(k) = ExclusivityKind::parse(&v) {
                c.exclusivity.kind = k;
            }
        },
    );
    let (category, set_category) = bind(
        draft,
        |c| c.exclusivity.category.clone(),
        |c, v| c.exclusivity.category = v,
    );
    let (competitors, set_competitors) = bind(
        draft,
        |c| c.exclusivity.competitors.clone(),
        |c, v| c.exclusivity.competitors = v,
    );
    let (before, set_before) = bind(
        draft,
        |c| c.exclusivity.days_before,
        |c, v| c.exclusivity.days_before = v,
    );
    let (after, set_after) = bind(
        draft,
        |c| c.exclusivity.days_after,
        |c, v| c.exclusivity.days_after = v,
    );
    let kinds: Vec<(&'static str, &'static str)> = ExclusivityKind::ALL
        .iter()
        .map(|k| (k.code(), k.label()))
        .collect();
    let active = move || draft.with(|c| c.exclusivity.kind != ExclusivityKind::None);
    view! {
        <fieldset class="contract-part">
            <legend>"Exclusivity"</legend>
            <div class="field-grid">
                <SelectInput id="contract-exclusivity" label="Exclusivity" options=kinds value=kind on_set=set_kind
                    hint="First right of refusal lets the creator keep working while the brand gets the first chance." />
                <Show when=active>
                    <TextInput id="contract-exclusivity-category" label="Category" value=category on_set=set_category />
                    <ListInput id="contract-competitors" label="Named competitors" value=competitors on_set=set_competitors hint="Comma-separated; optional." />
                    <CountInput id="contract-exclusivity-before" label="Days before the posting window" value=before on_set=set_before />
                    <CountInput id="contract-exclusivity-after" label="Days after the posting window" value=after on_set=set_after />
                </Show>
            </div>
            <AreaProblems area=ChoiceArea::Exclusivity problems=problems />
        </fieldset>
    }
}

#[component]
fn KpiRow(draft: RwSignal<ContractChoices>, index: usize) -> impl IntoView {
    let (metric, set_metric) = bind_item(
        draft,
        kpis,
        kpis_mut,
        index,
        |k| k.metric.clone(),
        |k, v| k.metric = v,
    );
    let (target, set_target) = bind_item(
        draft,
        kpis,
        kpis_mut,
        index,
        |k| k.target.clone(),
        |k, v| k.target = v,
    );
    let (source, set_source) = bind_item(
        draft,
        kpis,
        kpis_mut,
        index,
        |k| k.data_source.clone(),
        |k, v| k.data_source = v,
    );
    let remove = move |_| {
        draft.update(|c| {
            if index < c.reporting.kpis.len() {
                c.reporting.kpis.remove(index);
            }
        })
    };
    view! {
        <li class="list-row">
            <div class="field-grid">
                <TextInput id=format!("kpi-{index}-metric") label=format!("KPI {}", index + 1) value=metric on_set=set_metric />
                <TextInput id=format!("kpi-{index}-target") label="Target" value=target on_set=set_target hint="As uplift over a baseline, e.g. +20% over last quarter." />
                <TextInput id=format!("kpi-{index}-source") label="Data source" value=source on_set=set_source />
            </div>
            <button type="button" class="small danger" on:click=remove>{format!("Remove KPI {}", index + 1)}</button>
        </li>
    }
}

#[component]
pub fn ReportingFields(
    draft: RwSignal<ContractChoices>,
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|c| c.reporting.kpis.len()));
    let (cadence, set_cadence) = bind(
        draft,
        |c| c.reporting.cadence.code().to_string(),
        |c, v: String| {
            if let Some(found) = ReportingCadence::parse(&v) {
                c.reporting.cadence = found;
            }
        },
    );
    let (due, set_due) = bind(
        draft,
        |c| c.reporting.due_days,
        |c, v| c.reporting.due_days = v,
    );
    let cadences: Vec<(&'static str, &'static str)> = ReportingCadence::ALL
        .iter()
        .map(|r| (r.code(), r.label()))
        .collect();
    let add = move |_| {
        draft.update(|c| {
            c.reporting.kpis.push(Kpi {
                metric: String::new(),
                target: String::new(),
                data_source: String::new(),
            })
        })
    };
    view! {
        <fieldset class="contract-part">
            <legend>"KPIs and reporting"</legend>
            <ol class="list-rows">
                {move || (0..count.get()).map(|index| view! { <KpiRow draft=draft index=index /> }).collect_view()}
            </ol>
            <button type="button" on:click=add>"Add a KPI"</button>
            <div class="field-grid">
                <SelectInput id="contract-cadence" label="Reports" options=cadences value=cadence on_set=set_cadence />
                <CountInput id="contract-report-days" label="Report due within (days)" value=due on_set=set_due />
            </div>
            <AreaProblems area=ChoiceArea::Reporting problems=problems />
        </fieldset>
    }
}
