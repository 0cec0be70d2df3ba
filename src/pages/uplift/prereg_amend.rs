//! Amending a frozen pre-registration as a new version, and the list of its versions.

use leptos::prelude::*;

use crate::widgets::data_table::{columns, DataTable};

use super::{edit_plan, now_ms};
use microplan_uplift::prereg::{format_timestamp, PlanVersion, PreRegistration, PreregField};

/// The "Amend as new version" form: every field prefilled from the version in force, and a
/// required reason. Saving keeps the edits as the next version; the earlier ones stay.
#[component]
pub fn AmendForm(
    test: String,
    plan: Memo<Option<PreRegistration>>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let current = plan.get_untracked();
    let next = current
        .as_ref()
        .map_or(2, |p| p.version_in_force().saturating_add(1));
    let values: Vec<(PreregField, RwSignal<String>)> = PreregField::ALL
        .iter()
        .map(|f| {
            (
                *f,
                RwSignal::new(current.as_ref().map(|p| p.get(*f)).unwrap_or_default()),
            )
        })
        .collect();
    let reason = RwSignal::new(String::new());
    let stem = crate::app::files::safe_file_stem(&test).to_lowercase();
    let inputs = values
        .iter()
        .map(|(field, value)| {
            let (field, value) = (*field, *value);
            let id = format!("prereg-amend-{stem}-{field:?}").to_lowercase();
            let on_input = move |ev: leptos::ev::Event| value.set(event_target_value(&ev));
            let input = if field.multiline() {
                view! { <textarea id=id.clone() rows="3" prop:value=move || value.get() on:input=on_input></textarea> }.into_any()
            } else {
                view! { <input id=id.clone() type="text" prop:value=move || value.get() on:input=on_input /> }.into_any()
            };
            view! { <span class="field prereg-field"><label for=id>{field.label()}</label>{input}</span> }
        })
        .collect_view();
    let reason_id = format!("prereg-amend-{stem}-reason");
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let edits: Vec<(PreregField, String)> = values
            .iter()
            .map(|(f, v)| (*f, v.get_untracked()))
            .collect();
        let why = reason.get_untracked();
        let mut saved = None;
        edit_plan(&test, |p| {
            let number = p.amend(&edits, &why, now_ms())?;
            saved = Some(number);
            Ok(())
        });
        if let Some(number) = saved {
            open.set(false);
            crate::app::state::app_state().notify(format!(
                "Saved the amendment as version {number}; the version frozen at launch is kept."
            ));
        }
    };
    view! {
        <form class="prereg-amend" data-testid="prereg-amend" on:submit=save aria-label=format!("Amendment: version {next}")>
            <h4>{format!("Amendment: version {next}")}</h4>
            <p class="hint">"Change what the plan must change. The frozen version stays as it was; the analysis will say it uses an amendment made after launch."</p>
            <span class="field">
                <label for=reason_id.clone()>"Reason for the amendment (required)"</label>
                <textarea id=reason_id rows="2" required prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            </span>
            <div class="prereg-fields">{inputs}</div>
            <button type="submit">{format!("Save as version {next}")}</button>
            <button type="button" on:click=move |_| open.set(false)>"Cancel"</button>
        </form>
    }
}

/// Every version: the one frozen at launch, then each amendment with its reason and changes.
#[component]
pub fn VersionList(versions: Vec<PlanVersion>) -> impl IntoView {
    view! {
        <DataTable label="Versions" testid="prereg-versions" caption="Versions"
            columns=columns(&[("Version", false), ("When", false), ("Reason", false), ("Changes", false)])>
                {versions.into_iter().map(|v| {
                    let changes = if v.number <= 1 {
                        "Frozen at launch".to_string()
                    } else {
                        v.changes.iter().map(|c| format!("{}: {} → {}", c.field, c.before, c.after)).collect::<Vec<_>>().join("; ")
                    };
                    view! {
                        <tr><td>{v.number}</td><td>{format_timestamp(v.at_ms)}</td><td>{v.reason}</td><td>{changes}</td></tr>
                    }
                }).collect_view()}
        </DataTable>
    }
}
