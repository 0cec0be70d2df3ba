//! Per-user conversion rows (one row per person: arm, converted yes/no) turned into the arm
//! totals of a test, which the analysis above then picks up like any other test.

use leptos::prelude::*;

use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use crate::widgets::live_fields::Field;

#[component]
pub fn PerUserConversionsCard() -> impl IntoView {
    let state = app_state();
    let test_name = RwSignal::new(String::new());
    let on_file = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let test = test_name.get_untracked().trim().to_string();
        leptos::task::spawn_local(async move {
            let read = match crate::app::files::read_file_bytes(&file).await {
                Ok(bytes) => {
                    microplan_workspace::io::columns_uplift::per_user_conversions(&bytes, &test)
                        .map_err(String::from)
                }
                Err(e) => Err(e),
            };
            match read {
                Ok(arms) => {
                    let summary = arms
                        .iter()
                        .map(|a| format!("{} {} of {}", a.arm, a.conversions, a.units))
                        .collect::<Vec<_>>()
                        .join(", ");
                    // Replaces the test's earlier totals: the file holds every user of the test.
                    let mut replaced = Vec::new();
                    let name = test.clone();
                    update_workspace(state, |w| {
                        replaced = microplan_model::removal::take_where(&mut w.test_arms, |a| {
                            a.test == test
                        });
                        w.test_arms.extend(arms);
                    });
                    state.notify(format!("Imported the per-user rows: {summary}."));
                    if !replaced.is_empty() {
                        crate::app::undo::offer_undo(
                            state,
                            format!("Replaced the earlier totals of “{name}”."),
                            move |w| {
                                // Positions count the other tests' rows too, so they stay right.
                                w.test_arms.retain(|a| a.test != name);
                                microplan_model::removal::put_back(&mut w.test_arms, replaced);
                            },
                        );
                    }
                }
                Err(e) => state.notify_error(format!(
                    "The per-user file could not be imported: {e}. Nothing was changed."
                )),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="per-user-heading">
            <h2 id="per-user-heading">"Per-user conversion rows"</h2>
            <p class="hint">
                "A CSV with one row per person: their arm and whether they converted (yes/no or 1/0). \
                 The rows are counted into arm totals for the test named here (replacing its earlier \
                 totals), and the test is analysed above. The arm named control or holdout is the control."
            </p>
            <div class="field-grid">
                <Field id="per-user-test" label="Test name" value=test_name text=true />
                <span class="field">
                    <label for="per-user-file">"Per-user CSV"</label>
                    <input id="per-user-file" type="file" accept=".csv,text/csv,text/plain"
                        disabled=move || test_name.get().trim().is_empty() on:change=on_file />
                </span>
            </div>
        </section>
    }
}
