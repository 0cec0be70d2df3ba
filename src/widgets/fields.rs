//! Labelled form fields shared by the Programme, Briefs, Tracking and Results pages. Each
//! field saves on `change` (not on every key), shows its hint under the label, and refuses unreadable
//! numbers with a message instead of storing them.

use leptos::prelude::*;

use crate::app::state::app_state;

/// A field's label, control and hint, laid out the same everywhere.
#[component]
fn FieldShell(
    id: String,
    label: String,
    hint: String,
    wide: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=if wide { "pg-field wide" } else { "pg-field" }>
            <label for=id.clone()>{label}</label>
            {children()}
            {(!hint.is_empty()).then(|| view! { <span class="hint" id=format!("{id}-hint")>{hint}</span> })}
        </div>
    }
}

/// One line of text.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: String,
    #[prop(optional)] wide: bool,
    #[prop(optional, into)] placeholder: String,
    #[prop(into)] value: Signal<String>,
    on_set: Callback<String>,
) -> impl IntoView {
    let described = format!("{id}-hint");
    view! {
        <FieldShell id=id.clone() label=label hint=hint wide=wide>
            <input id=id type="text" placeholder=placeholder aria-describedby=described prop:value=value
                on:change=move |ev| on_set.run(event_target_value(&ev)) />
        </FieldShell>
    }
}

/// Several lines of text; with `lines`, one list item per line.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: String,
    #[prop(optional, into)] placeholder: String,
    #[prop(into)] value: Signal<String>,
    on_set: Callback<String>,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let described = format!("{id}-hint");
    view! {
        <FieldShell id=id.clone() label=label hint=hint wide=true>
            <textarea id=id rows=rows placeholder=placeholder aria-describedby=described prop:value=value
                on:change=move |ev| on_set.run(event_target_value(&ev))></textarea>
        </FieldShell>
    }
}

/// The lines of a text area as list items, blank lines dropped.
pub fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// A number that may be empty. `scale` converts for display: 100 shows a fraction as percent.
#[component]
pub fn NumberField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: String,
    #[prop(into)] value: Signal<Option<f64>>,
    on_set: Callback<Option<f64>>,
    #[prop(default = 1.0)] scale: f64,
    #[prop(default = 0.0)] min: f64,
) -> impl IntoView {
    let state = app_state();
    let name = label.clone();
    let described = format!("{id}-hint");
    let shown = move || {
        value
            .get()
            .map(|v| format!("{}", (v * scale * 1e6).round() / 1e6))
            .unwrap_or_default()
    };
    let change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev).trim().replace(',', ".");
        if text.is_empty() {
            on_set.run(None);
            return;
        }
        match text.trim_end_matches('%').parse::<f64>() {
            Ok(v) if v.is_finite() && v >= min => on_set.run(Some(v / scale)),
            _ => state.notify_error(format!(
                "{name}: write a number of {min} or more, or leave it empty."
            )),
        }
    };
    view! {
        <FieldShell id=id.clone() label=label hint=hint wide=false>
            <input id=id type="text" inputmode="decimal" aria-describedby=described prop:value=shown on:change=change />
        </FieldShell>
    }
}

/// A choice from a fixed list of `(key, label)`.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: String,
    options: Vec<(String, String)>,
    #[prop(into)] value: Signal<String>,
    on_set: Callback<String>,
) -> impl IntoView {
    let described = format!("{id}-hint");
    view! {
        <FieldShell id=id.clone() label=label hint=hint wide=false>
            <select id=id aria-describedby=described on:change=move |ev| on_set.run(event_target_value(&ev))>
                {options.into_iter().map(|(key, text)| {
                    let selected_key = key.clone();
                    view! { <option value=key selected=move || value.get() == selected_key>{text}</option> }
                }).collect_view()}
            </select>
        </FieldShell>
    }
}

/// Plain-words list of warnings, or a reassuring line when there are none.
#[component]
pub fn WarningList(
    #[prop(into)] warnings: Signal<Vec<String>>,
    #[prop(into)] all_clear: String,
) -> impl IntoView {
    view! {
        <div class="pg-warnings" role="status" aria-live="polite">
            {move || {
                let list = warnings.get();
                if list.is_empty() {
                    view! { <p class="pg-ok">{all_clear.clone()}</p> }.into_any()
                } else {
                    view! { <ul>{list.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul> }.into_any()
                }
            }}
        </div>
    }
}

/// A number for display: percentages for fractions, thousands separators for counts.
pub fn show_value(value: f64, is_fraction: bool) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    if is_fraction {
        return microplan_model::format::percent(value);
    }
    if (value - value.round()).abs() < 1e-9 {
        microplan_model::format::count_text(value)
    } else {
        microplan_model::format::number_text(value, 2)
    }
}
