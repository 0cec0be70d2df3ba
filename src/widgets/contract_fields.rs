//! Labelled form fields bound to the contract being edited, and the problems of one part
//! of the form. Percentages are shown as percent here and stored as fractions.

use chrono::NaiveDate;
use leptos::prelude::*;

use microplan_model::iso_date::parse_iso_date;
use microplan_model::limits::{first_date, last_date, MAX_PERIOD_DAYS};
use microplan_plan::contract::{ChoiceArea, ContractChoices, Problem, Severity};

/// A read signal and a setter for one part of the draft.
pub fn bind<T: Clone + Send + Sync + 'static>(
    draft: RwSignal<ContractChoices>,
    get: fn(&ContractChoices) -> T,
    set: fn(&mut ContractChoices, T),
) -> (Signal<T>, Callback<T>) {
    (
        Signal::derive(move || draft.with(get)),
        Callback::new(move |value: T| draft.update(|c| set(c, value))),
    )
}

fn hint_view(id: &str, hint: &'static str) -> Option<impl IntoView> {
    (!hint.is_empty()).then(|| view! { <span class="hint" id=format!("{id}-hint")>{hint}</span> })
}

#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: Signal<String>,
    on_set: Callback<String>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] list: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id.clone() type="text" list=(!list.is_empty()).then_some(list)
                aria-describedby=(!hint.is_empty()).then(|| format!("{id}-hint"))
                prop:value=move || value.get() on:input=move |ev| on_set.run(event_target_value(&ev)) />
            {hint_view(&id, hint)}
        </div>
    }
}

/// A number; empty means "not set". With `percent`, the user types 25 for a stored 0.25.
#[component]
pub fn NumberInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: Signal<Option<f64>>,
    on_set: Callback<Option<f64>>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] percent: bool,
) -> impl IntoView {
    let scale = if percent { 100.0 } else { 1.0 };
    // Written once: re-writing while the user types would move the cursor.
    let initial = value
        .get_untracked()
        .filter(|v| v.is_finite())
        .map(|v| format!("{}", (v * scale * 1e6).round() / 1e6))
        .unwrap_or_default();
    let input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let text = text.trim().replace(',', ".");
        if text.is_empty() {
            on_set.run(None);
        } else if let Ok(number) = text.parse::<f64>() {
            if number.is_finite() {
                on_set.run(Some(number / scale));
            }
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <span class="input-unit">
                <input id=id.clone() type="number" step="any" inputmode="decimal" prop:value=initial
                    aria-describedby=(!hint.is_empty()).then(|| format!("{id}-hint")) on:input=input />
                {percent.then(|| view! { <span aria-hidden="true">"%"</span> })}
            </span>
            {hint_view(&id, hint)}
        </div>
    }
}

/// A whole number of days, rounds or months.
#[component]
pub fn CountInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: Signal<u32>,
    on_set: Callback<u32>,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let initial = value.get_untracked().to_string();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            // The browser marks a value above ten years; the domain reports it as a conflict.
            <input id=id.clone() type="number" min="0" max=MAX_PERIOD_DAYS.to_string() step="1" inputmode="numeric" prop:value=initial
                aria-describedby=(!hint.is_empty()).then(|| format!("{id}-hint"))
                on:input=move |ev| {
                    if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                        on_set.run(n);
                    }
                } />
            {hint_view(&id, hint)}
        </div>
    }
}

#[component]
pub fn DateInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: Signal<NaiveDate>,
    on_set: Callback<NaiveDate>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="date" min=first_date().to_string() max=last_date().to_string() prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Some(date) = parse_iso_date(&event_target_value(&ev)) {
                        on_set.run(date);
                    }
                } />
        </div>
    }
}

#[component]
pub fn CheckInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: Signal<bool>,
    on_set: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="field check">
            <input id=id.clone() type="checkbox" prop:checked=move || value.get()
                on:change=move |ev| on_set.run(event_target_checked(&ev)) />
            <label for=id>{label}</label>
        </div>
    }
}

/// A choice among `(code, label)` options.
#[component]
pub fn SelectInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    options: Vec<(&'static str, &'static str)>,
    value: Signal<String>,
    on_set: Callback<String>,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id.clone() aria-describedby=(!hint.is_empty()).then(|| format!("{id}-hint"))
                on:change=move |ev| on_set.run(event_target_value(&ev))>
                {options.into_iter().map(|(code, text)| view! {
                    <option value=code selected=move || value.get() == code>{text}</option>
                }).collect_view()}
            </select>
            {hint_view(&id, hint)}
        </div>
    }
}

/// The problems of one part of the form, beside the fields they are about.
#[component]
pub fn AreaProblems(area: ChoiceArea, problems: Memo<Vec<Problem>>) -> impl IntoView {
    let mine = move || {
        problems.with(|all| {
            all.iter()
                .filter(|p| p.area == area)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !mine().is_empty()>
            <ul class="contract-problems">
                {move || mine().into_iter().map(|p| {
                    let class = if p.severity == Severity::Conflict { "problem conflict" } else { "problem warning" };
                    let label = if p.severity == Severity::Conflict { "Conflict: " } else { "Check: " };
                    view! { <li class=class><strong>{label}</strong>{p.message}</li> }
                }).collect_view()}
            </ul>
        </Show>
    }
}

/// A list typed as text separated by commas (file types, competitors). The text is written
/// once, so a trailing comma being typed is not tidied away under the cursor.
#[component]
pub fn ListInput(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: Signal<Vec<String>>,
    on_set: Callback<Vec<String>>,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let initial = value.get_untracked().join(", ");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id.clone() type="text" prop:value=initial
                aria-describedby=(!hint.is_empty()).then(|| format!("{id}-hint"))
                on:input=move |ev| {
                    let items = event_target_value(&ev).split([',', ';']).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
                    on_set.run(items);
                } />
            {hint_view(&id, hint)}
        </div>
    }
}

/// Read and write one item of a list in the draft, by position.
pub fn bind_item<Item: 'static, T: Clone + Default + Send + Sync + 'static>(
    draft: RwSignal<ContractChoices>,
    read: fn(&ContractChoices) -> &Vec<Item>,
    write: fn(&mut ContractChoices) -> &mut Vec<Item>,
    index: usize,
    get: fn(&Item) -> T,
    set: fn(&mut Item, T),
) -> (Signal<T>, Callback<T>) {
    let value =
        Signal::derive(move || draft.with(|c| read(c).get(index).map(get).unwrap_or_default()));
    let setter = Callback::new(move |v: T| {
        draft.update(|c| {
            if let Some(item) = write(c).get_mut(index) {
                set(item, v);
            }
        })
    });
    (value, setter)
}
