//! The deliverables of a brief: platform, format, count, length, aspect ratio, file types
//! and turnaround. Platform `any` means each creator's own platform.

use leptos::prelude::*;

use super::{briefs_context, edit_brief};
use crate::app::state::app_state;
use crate::widgets::fields::{NumberField, SelectField, TextField};
use microplan_plan::deliverables::{Deliverable, DeliverableFormat, LengthUnit};

type Edit = Box<dyn FnOnce(&mut Deliverable)>;

#[component]
pub fn DeliverablesEditor() -> impl IntoView {
    let state = app_state();
    let context = briefs_context();
    let count = Memo::new(move |_| {
        context
            .brief
            .with(|b| b.as_ref().map_or(0, |b| b.deliverables.len()))
    });
    let add = move |_| {
        if let Some(id) = context.selected.get_untracked() {
            edit_brief(state, &id, |b| {
                b.deliverables
                    .push(Deliverable::new("any", DeliverableFormat::ShortVideo, 1))
            });
        }
    };
    view! {
        <fieldset class="pg-deliverables">
            <legend>"Deliverables"</legend>
            <p class="hint">"Platform “any” means each creator's own platform; a platform name (instagram, tiktok) gives the line only to creators there. Each piece gets its own tracked link."</p>
            <ol>{move || (0..count.get()).map(|index| view! { <DeliverableRow index=index /> }).collect_view()}</ol>
            <button on:click=add>"Add a deliverable"</button>
        </fieldset>
    }
}

#[component]
fn DeliverableRow(index: usize) -> impl IntoView {
    let state = app_state();
    let context = briefs_context();
    let item = Memo::new(move |_| {
        context
            .brief
            .with(|b| b.as_ref().and_then(|b| b.deliverables.get(index).cloned()))
    });
    let edit = move |f: Edit| {
        if let Some(id) = context.selected.get_untracked() {
            edit_brief(state, &id, move |b| {
                if let Some(d) = b.deliverables.get_mut(index) {
                    f(d)
                }
            });
        }
    };
    let read = move |f: fn(&Deliverable) -> String| {
        Signal::derive(move || item.with(|d| d.as_ref().map(f).unwrap_or_default()))
    };
    let number = move |f: fn(&Deliverable) -> Option<u32>| {
        Signal::derive(move || item.with(|d| d.as_ref().and_then(f).map(f64::from)))
    };
    let whole = |v: Option<f64>| v.map(|v| v.round().clamp(0.0, 10_000.0) as u32);
    let unit = Memo::new(move |_| item.with(|d| d.as_ref().and_then(|d| d.format.length_unit())));
    let formats: Vec<(String, String)> = DeliverableFormat::ALL
        .iter()
        .map(|f| (f.code().to_string(), f.label().to_string()))
        .collect();
    let id = move |name: &str| format!("deliverable-{index}-{name}");
    let problems = move || item.with(|d| d.as_ref().map(Deliverable::problems).unwrap_or_default());
    view! {
        <li class="pg-deliverable">
            <div class="pg-row">
                <TextField id=id("platform") label="Platform" value=read(|d| d.platform.clone())
                    on_set=Callback::new(move |v: String| edit(Box::new(move |d| d.platform = v.trim().to_lowercase()))) />
                <SelectField id=id("format") label="Format" options=formats value=read(|d| d.format.code().to_string())
                    on_set=Callback::new(move |v: String| if let Some(f) = DeliverableFormat::parse(&v) {
                        edit(Box::new(move |d| { d.format = f; if f.length_unit().is_none() { d.min_length = None } }))
                    }) />
                <NumberField id=id("count") label="How many" value=Signal::derive(move || item.with(|d| d.as_ref().map(|d| f64::from(d.count))))
                    on_set=Callback::new(move |v: Option<f64>| edit(Box::new(move |d| d.count = whole(v).unwrap_or(1)))) />
                {move || unit.get().map(|u| view! {
                    <NumberField id=id("length") label=if u == LengthUnit::Seconds { "At least (seconds)" } else { "At least (words)" }
                        value=number(|d| d.min_length)
                        on_set=Callback::new(move |v: Option<f64>| edit(Box::new(move |d| d.min_length = whole(v).filter(|l| *l > 0)))) />
                })}
                <TextField id=id("ratio") label="Aspect ratio" placeholder="9:16" value=read(|d| d.aspect_ratio.clone().unwrap_or_default())
                    on_set=Callback::new(move |v: String| edit(Box::new(move |d| d.aspect_ratio = Some(v.trim().to_string()).filter(|r| !r.is_empty())))) />
                <TextField id=id("files") label="File types" placeholder="mp4, mov" value=read(|d| d.file_types.join(", "))
                    on_set=Callback::new(move |v: String| edit(Box::new(move |d| {
                        d.file_types = v.split([',', ' ']).map(|t| t.trim().trim_start_matches('.').to_lowercase()).filter(|t| !t.is_empty()).collect()
                    }))) />
                <NumberField id=id("turnaround") label="First draft within (days)" value=number(|d| d.turnaround_days)
                    on_set=Callback::new(move |v: Option<f64>| edit(Box::new(move |d| d.turnaround_days = whole(v)))) />
                <button class="danger small" aria-label=format!("Remove deliverable {}", index + 1)
                    on:click=move |_| if let Some(brief_id) = context.selected.get_untracked() {
                        edit_brief(state, &brief_id, move |b| { if index < b.deliverables.len() { b.deliverables.remove(index); } })
                    }>
                    "Remove"
                </button>
            </div>
            <p class="hint">{move || item.with(|d| d.as_ref().map(Deliverable::describe).unwrap_or_default())}</p>
            {move || problems().into_iter().map(|p| view! { <p class="error-text">{p}</p> }).collect_view()}
        </li>
    }
}
