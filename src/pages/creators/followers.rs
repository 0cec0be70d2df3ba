//! Follower-sample import: one row per sampled follower account, counted per creator into the
//! likely-fake share shown in the audit. Handles of the sampled accounts are never stored.

use leptos::prelude::*;

use crate::widgets::data_table::{Column, DataTable};

use crate::app::files::read_file_bytes;
use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use microplan_audit::follower_sample::{fake_follower_estimate, FAKE_SIGNALS, MIN_SAMPLE};

fn share_text(sample: &microplan_audit::follower_sample::FollowerSample) -> String {
    match fake_follower_estimate(sample) {
        Some(e) => format!(
            "{} ({}–{})",
            microplan_model::format::percent(e.share),
            microplan_model::format::percent(e.low),
            microplan_model::format::percent(e.high)
        ),
        None => format!("not enough data (fewer than {MIN_SAMPLE} accounts)"),
    }
}

#[component]
pub fn FollowerSampleImport() -> impl IntoView {
    let state = app_state();
    let samples = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.follower_samples.clone())
                .unwrap_or_default()
        })
    });
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
        leptos::task::spawn_local(async move {
            let read = match read_file_bytes(&file).await {
                Ok(bytes) => microplan_workspace::io::follower_sample::read_follower_sample(&bytes)
                    .map_err(String::from),
                Err(e) => Err(e),
            };
            match read {
                Ok(imported) => {
                    let count = imported.len();
                    let accounts: u64 = imported.iter().map(|s| s.sampled).sum();
                    // A creator's new sample replaces the old one; other creators keep theirs.
                    update_workspace(state, move |w| {
                        w.follower_samples.retain(|old| {
                            !imported
                                .iter()
                                .any(|new| new.handle.eq_ignore_ascii_case(&old.handle))
                        });
                        w.follower_samples.extend(imported);
                    });
                    state.notify(format!(
                        "Follower sample imported: {accounts} accounts of {count} creator(s)."
                    ));
                }
                Err(e) => state.notify_error(format!(
                    "The follower sample could not be imported: {e}. Nothing was changed."
                )),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="follower-sample-heading">
            <h2 id="follower-sample-heading">"Follower samples: likely fake followers"</h2>
            <p class="hint">
                {format!(
                    "A CSV with one row per sampled follower account: the creator, and whatever is known of \
                     the account (handle, followers, following, posts, profile picture, bio). An account \
                     showing {FAKE_SIGNALS} or more of five signals (no profile picture, no posts, mass \
                     following, no bio, a handle ending in 4+ digits) counts as likely fake. The share comes \
                     with its 95% interval; a creator is flagged when even the interval's low end is 15% or \
                     more. Only the counts are stored, never the sampled accounts' handles."
                )}
            </p>
            <label for="follower-sample-file">"Follower sample (CSV)"</label>
            <input id="follower-sample-file" type="file" accept=".csv,text/csv,.tsv,.txt" on:change=on_file />
            <Show when=move || samples.with(|s| !s.is_empty())>
                <DataTable testid="follower-samples" columns=vec![
                    Column::text("Creator"),
                    Column::number("Accounts sampled"),
                    Column::number("Likely fake"),
                    Column::number("Share (95% interval)"),
                ]>
                            {move || samples.get().into_iter().map(|s| view! {
                                <tr>
                                    <td>{format!("@{}", s.handle)}</td>
                                    <td class="numeric">{s.sampled}</td>
                                    <td class="numeric">{s.likely_fake}</td>
                                    <td class="numeric">{share_text(s)}</td>
                                </tr>
                            }).collect_view()}
                </DataTable>
            </Show>
        </section>
    }
}
