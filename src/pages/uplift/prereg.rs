//! Pre-registration records: write the plan before launch, freeze it when the test starts;
//! after that it is read-only and a change is an amendment saved as a new version.

use leptos::prelude::*;

use crate::widgets::data_table::{columns, DataTable};

use super::{edit_plan, now_ms};
use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use crate::app::undo::offer_undo;
use microplan_model::removal::{put_back, take_where};
use microplan_uplift::prereg::{format_timestamp, PreRegistration, PreregField};

#[component]
pub fn PreRegistrations() -> impl IntoView {
    let state = app_state();
    let tests = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.test_plans
                        .iter()
                        .map(|p| p.test.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let new_name = RwSignal::new(String::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get().trim().to_string();
        if name.is_empty() {
            state.notify_error("Name the test first, e.g. Summer gifting holdout.");
            return;
        }
        let mut exists = false;
        update_workspace(state, |w| {
            exists = w
                .test_plans
                .iter()
                .any(|p| p.test.eq_ignore_ascii_case(&name));
            if !exists {
                w.test_plans.push(PreRegistration::draft(&name, now_ms()));
            }
        });
        if exists {
            state.notify_error(format!("“{name}” already has a pre-registration."));
        } else {
            new_name.set(String::new());
            state.notify(format!("Drafted the pre-registration of “{name}”."));
        }
    };
    view! {
        <section class="card" aria-labelledby="prereg-heading">
            <h2 id="prereg-heading">"Pre-registrations"</h2>
            <p class="hint">
                "Write down the hypothesis, metric, split, sample size, analysis and decision rule before \
                 the test starts. Starting the test freezes the record with a timestamp and makes it \
                 read-only. A change after launch is an amendment with a reason, saved as a new version \
                 beside the frozen one, and the analysis says which version it used. The analysis uses the \
                 pre-registered split, alpha and smallest worthwhile lift."
            </p>
            <form class="inline-form" on:submit=create>
                <label for="prereg-new">"Test name (as in the test arms)"</label>
                <input id="prereg-new" type="text" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev)) />
                <button type="submit">"Draft a pre-registration"</button>
            </form>
            <For each=move || tests.get() key=|name| name.clone() let:name>
                <PreRegistrationCard test=name />
            </For>
        </section>
    }
}

#[component]
fn PreRegistrationCard(test: String) -> impl IntoView {
    let state = app_state();
    let name = test.clone();
    let plan = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .and_then(|w| w.test_plans.iter().find(|p| p.test == name).cloned())
        })
    });
    let frozen = move || plan.get().and_then(|p| p.frozen_ms);
    let is_frozen = move || frozen().is_some();
    let amending = RwSignal::new(false);
    let amend_test = test.clone();
    let start_test = test.clone();
    let start = move |_| {
        edit_plan(&start_test, |p| p.freeze(now_ms()).map_err(String::from));
    };
    let delete_test = test.clone();
    let delete = move |_| {
        let name = delete_test.clone();
        // Only drafts can be deleted: a frozen record is the evidence of what was planned.
        let mut taken = Vec::new();
        update_workspace(state, |w| {
            taken = take_where(&mut w.test_plans, |p| p.test == name && !p.is_frozen())
        });
        if !taken.is_empty() {
            offer_undo(
                state,
                format!("Deleted the draft of “{name}”."),
                move |w| put_back(&mut w.test_plans, taken),
            );
        }
    };
    let fields = PreregField::ALL.iter().map(|field| {
        let field = *field;
        let id = format!("prereg-{}-{:?}", crate::app::files::safe_file_stem(&test), field).to_lowercase();
        let t = test.clone();
        let current = move || plan.get().map(|p| p.get(field)).unwrap_or_default();
        let on_change = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            edit_plan(&t, |p| p.set(field, &text, now_ms()).map_err(String::from));
        };
        let input = if field.multiline() {
            view! { <textarea id=id.clone() rows="3" prop:value=current prop:readOnly=is_frozen on:change=on_change></textarea> }.into_any()
        } else {
            view! { <input id=id.clone() type="text" prop:value=current prop:readOnly=is_frozen on:change=on_change /> }.into_any()
        };
        view! {
            <span class="field prereg-field">
                <label for=id>{field.label()}</label>
                {input}
                {(!field.hint().is_empty()).then(|| view! { <span class="hint">{field.hint()}</span> })}
            </span>
        }
    }).collect_view();
    view! {
        <article class="prereg" aria-label=format!("Pre-registration of {test}") data-testid="prereg">
            <h3>{test.clone()}</h3>
            {move || match frozen() {
                Some(ms) => {
                    let amended = plan.get().and_then(|p| p.versions.last().filter(|v| v.number > 1).map(|v| (v.number, v.at_ms)));
                    let in_force = match amended {
                        Some((number, at)) => format!(" Version {number} is in force: amended after launch on {}.", format_timestamp(at)),
                        None => " Version 1 is in force.".to_string(),
                    };
                    view! {
                        <p class="prereg-status frozen" role="status">
                            <strong>{format!("Frozen on {} (version 1)", format_timestamp(ms))}</strong>
                            " — the test has started and the plan is read-only."{in_force}" "
                            {move || (!amending.get()).then(|| view! {
                                <button type="button" on:click=move |_| amending.set(true)>"Amend as new version"</button>
                            })}
                        </p>
                    }.into_any()
                }
                None => view! {
                    <p class="prereg-status draft">
                        <strong>"Draft"</strong>" — edit freely until the test starts. "
                        <button type="button" on:click=start.clone()>"Start the test and freeze"</button>
                        <button type="button" on:click=delete.clone()>"Delete draft"</button>
                    </p>
                }.into_any(),
            }}
            <div class="prereg-fields">{fields}</div>
            {move || amending.get().then(|| view! { <super::prereg_amend::AmendForm test=amend_test.clone() plan=plan open=amending /> })}
            {move || {
                let versions = plan.get().map(|p| p.versions).unwrap_or_default();
                (versions.len() > 1).then(|| view! { <super::prereg_amend::VersionList versions=versions /> })
            }}
            {move || {
                let history = plan.get().map(|p| p.history).unwrap_or_default();
                (!history.is_empty()).then(|| view! {
                    <DataTable label="Edits after freezing" testid="prereg-history"
                        caption="Edits after the test started, made before amendments were kept as versions"
                        columns=columns(&[("When", false), ("Field", false), ("Before", false), ("After", false)])>
                            {history.into_iter().rev().map(|r| view! {
                                <tr><td>{format_timestamp(r.at_ms)}</td><td>{r.field}</td><td>{r.before}</td><td>{r.after}</td></tr>
                            }).collect_view()}
                    </DataTable>
                })
            }}
        </article>
    }
}
