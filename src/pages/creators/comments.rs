//! Raw comments import: the file is analysed in background workers into per-post summaries and
//! repeat-commenter patterns, a few example comments are shown as evidence, and the raw text
//! and commenter handles are dropped: they are never stored.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::persistence::update_workspace;
use crate::app::state::{app_state, AppState};
use crate::app::worker_pool::{run_jobs, worker_count};
use microplan_audit::comment_import::new_salt;
use microplan_audit::comments::{CommentExamples, CommentSettings};
use microplan_worker::merge_shares;
use microplan_worker::protocol::{CommentShareResult, Job, Reply, Split};
use microplan_workspace::audits::apply_analysed;

/// What the last import did, for the evidence panel.
#[derive(Clone, Default)]
struct ImportReport {
    comments: usize,
    creators: usize,
    summaries: usize,
    problems: Vec<String>,
    problem_count: usize,
    seconds: f64,
    /// Reading and checking the file, then the analysis (seconds, the slowest worker's).
    read_seconds: f64,
    analyse_seconds: f64,
    examples: CommentExamples,
}

/// The file is read and analysed in background workers, each taking a share of it, so the
/// page stays responsive; only the small per-creator results come back. Times are counted
/// from the choice of the file.
async fn import_comments(state: AppState, file: web_sys::File) -> Result<ImportReport, String> {
    let started = js_sys::Date::now();
    state
        .busy
        .set(Some(("Reading and analysing the comments…".into(), 0.0)));
    let seed = (js_sys::Math::random() * 9.0e15) as u64 ^ (started as u64);
    let settings = CommentSettings {
        salt: new_salt(seed),
        ..CommentSettings::default()
    };
    let shares = worker_count();
    // A large file is read by byte range; when its parts do not meet (see
    // `microplan_worker::comment_ranges`), it is read again by creator, which always merges.
    let by_range = shares > 1 && file.size() >= SPLIT_BY_RANGE_FROM;
    let mut merged = None;
    if by_range {
        merged = merge_shares(analyse_shares(state, &file, &settings, Split::ByRange).await?);
    }
    let merged = match merged {
        Some(merged) => merged,
        None => merge_shares(analyse_shares(state, &file, &settings, Split::ByCreator).await?)
            .ok_or("the background workers' results did not fit together")?,
    };
    // Storing re-scores every creator with comments: a task of its own after the merge.
    crate::app::browser::yield_to_page().await;
    let creators = merged.analysed.len();
    let mut summaries = 0;
    update_workspace(state, |w| summaries = apply_analysed(w, merged.analysed));
    Ok(ImportReport {
        comments: merged.comments,
        creators,
        summaries,
        problem_count: merged.problem_count,
        problems: merged.problems,
        seconds: (js_sys::Date::now() - started) / 1000.0,
        read_seconds: merged.read_seconds,
        analyse_seconds: merged.analyse_seconds,
        examples: merged.examples,
    })
}

/// Files from this size (bytes) are shared out by byte range.
const SPLIT_BY_RANGE_FROM: f64 = 1_000_000.0;

/// Runs one comment-share job per worker on `file` and returns their results.
async fn analyse_shares(
    state: AppState,
    file: &web_sys::File,
    settings: &CommentSettings,
    split: Split,
) -> Result<Vec<CommentShareResult>, String> {
    let label = match split {
        Split::ByRange => "Reading and analysing the comments…",
        Split::ByCreator => "Reading and analysing the comments, creator by creator…",
    };
    let shares = worker_count();
    let jobs = (0..shares)
        .map(|share| Job::CommentShare {
            share,
            shares,
            settings: settings.clone(),
            split,
        })
        .collect();
    let replies = run_jobs(jobs, Some(file), move |fraction| {
        let _ = state.busy.try_set(Some((label.to_string(), fraction)));
    })
    .await?;
    replies
        .into_iter()
        .map(|reply| match reply {
            Reply::CommentShare(result) => Ok(result),
            _ => Err("a background worker answered another question".to_string()),
        })
        .collect()
}

/// "1 creator", "12 creators".
fn creators_text(count: usize) -> String {
    microplan_model::format::plural(count as u64, "creator", "creators")
}

#[component]
pub fn CommentImport() -> impl IntoView {
    let state = app_state();
    let report = RwSignal::new(None::<ImportReport>);
    let running = RwSignal::new(false);
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
        running.set(true);
        spawn_local(async move {
            let outcome = import_comments(state, file).await;
            state.busy.set(None);
            let _ = running.try_set(false);
            match outcome {
                Ok(done) => {
                    state.notify(format!(
                        "{} of {} analysed.",
                        microplan_model::format::plural(
                            done.comments as u64,
                            "comment",
                            "comments"
                        ),
                        creators_text(done.creators)
                    ));
                    let _ = report.try_set(Some(done));
                }
                Err(error) => {
                    state.notify_error(format!("The comments could not be imported: {error}"))
                }
            }
        });
    };
    let example_list = |title: &'static str, items: Vec<String>| {
        (!items.is_empty()).then(|| view! {
            <div><h4>{title}</h4><ul>{items.into_iter().map(|t| view! { <li><q>{t}</q></li> }).collect_view()}</ul></div>
        })
    };
    view! {
        <section class="card" aria-labelledby="comments-heading">
            <h2 id="comments-heading">"Import raw comments"</h2>
            <p class="hint">
                "A CSV with one comment per row: creator handle, post id, commenter, comment text, and \
                 optionally comment id, whether the creator wrote it and the parent comment. It is \
                 analysed here, in your browser: only per-post summaries and counts of pod accounts and \
                 repeat advocates are kept. The comment text and the commenters' handles are never \
                 stored. A creator's earlier comment summaries are replaced."
            </p>
            <label for="comments-file">"Comments file (CSV)"</label>
            <input id="comments-file" type="file" accept=".csv,text/csv,.tsv,.txt" on:change=on_file disabled=move || running.get() />
            {move || report.get().map(|r| view! {
                <div class="comment-report" data-testid="comment-report" role="status">
                    <p>
                        {format!(
                            "{} of {} became {} in {:.1} s (reading the file {:.1} s, analysis {:.1} s).",
                            microplan_model::format::plural(r.comments as u64, "comment", "comments"), creators_text(r.creators),
                            microplan_model::format::plural(r.summaries as u64, "post summary", "post summaries"), r.seconds, r.read_seconds, r.analyse_seconds
                        )}
                        {(r.problem_count > 0).then(|| format!(" {} skipped:", microplan_model::format::plural(r.problem_count as u64, "row was", "rows were")))}
                    </p>
                    {(!r.problems.is_empty()).then(|| view! { <ul class="read-notes">{r.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul> })}
                    <p class="hint">"Examples as classified (shown now, not stored):"</p>
                    <div class="examples">
                        {example_list("Specific", r.examples.specific)}
                        {example_list("Generic praise", r.examples.generic)}
                        {example_list("Emoji only", r.examples.emoji_only)}
                        {example_list("Duplicated", r.examples.duplicated)}
                    </div>
                </div>
            })}
        </section>
    }
}
