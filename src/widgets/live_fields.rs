//! Small form pieces for cards that compute as the user types (the Uplift tests cards): a
//! labelled input bound to a text signal, a labelled select, number reading with an error
//! that names the field, and the error line of a card that cannot compute.

use leptos::prelude::*;

/// A labelled input; the text is kept as typed and read by the card's live computation.
#[component]
pub fn Field(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] text: bool,
) -> impl IntoView {
    view! {
        <span class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type=if text { "text" } else { "number" }
                step="any"
                inputmode=if text { "text" } else { "decimal" }
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
        </span>
    }
}

/// A labelled select over `(value, label)` options.
#[component]
pub fn Choice(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<String>,
    options: &'static [(&'static str, &'static str)],
) -> impl IntoView {
    view! {
        <span class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev)) prop:value=move || value.get()>
                {options.iter().map(|(v, l)| view! { <option value=*v selected=move || value.get() == *v>{*l}</option> }).collect_view()}
            </select>
        </span>
    }
}

/// A number from a field: decimal comma accepted; the error names the field.
pub fn read(value: RwSignal<String>, label: &str) -> Result<f64, String> {
    let text = value.get().trim().replace(',', ".");
    if text.is_empty() {
        return Err(format!("{label}: enter a number"));
    }
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("{label}: “{text}” is not a number"))
}

/// A percentage field as a fraction (5 -> 0.05).
pub fn read_percent(value: RwSignal<String>, label: &str) -> Result<f64, String> {
    read(value, label).map(|v| v / 100.0)
}

/// A whole count from a field.
pub fn read_count(value: RwSignal<String>, label: &str) -> Result<u64, String> {
    let v = read(value, label)?;
    if v < 0.0 || v.fract() != 0.0 || v > 9.0e15 {
        return Err(format!("{label}: enter a whole number of 0 or more"));
    }
    Ok(v as u64)
}

/// An error line for a card whose inputs cannot be computed.
pub fn problem(text: String) -> AnyView {
    view! { <p class="error-text" role="alert">{text}</p> }.into_any()
}
