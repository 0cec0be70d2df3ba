//! Raw comments import: the file is analysed in the page into per-post summaries and
//! repeat-commenter patterns, a few example comments are shown as evidence, and the raw text
//! and commenter handles are dropped: they are never stored.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use crate::app::files::read_file_bytes;
use crate::app::persistence::update_workspace;
use crate::app::state::{app_state, AppState};
use microplan_audit::comment_import::{analyse_creator, merge_examples, new_salt, CreatorGrouping};
use microplan_audit::comments::{CommentExamples, CommentSettings};
use microplan_workspace::audits::apply_analysed;
use microplan_workspace::io::raw_comments::CommentFile;

const ROWS_PER_CHUNK: usize = 50_000;
const CREATORS_PER_CHUNK: usize = 50;

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// What the last import did, for the evidence panel.
#[derive(Clone, Default)]
struct ImportReport {
    comments: usize,
    creators: usize,
    summaries: usize,
    problems: Vec<String>,
    problem_count: usize,
    seconds: f64,
    /// Reading and checking the file, then the analysis (seconds).
    read_seconds: f64,
    analyse_seconds: f64,
    examples: CommentExamples,
}

/// Times are counted from the choice of the file, so loading it from disk is part of reading.
async fn import_comments(state: AppState, file: web_sys::File) -> Result<ImportReport, String> {
    let started = js_sys::Date::now();
    state
        .busy
        .set(Some(("Reading the comments file…".into(), 0.0)));
    next_frame().await;
    let mut file = CommentFile::open_owned(read_file_bytes(&file).await?)?;
    // Parsed and grouped by creator a chunk per frame: the page stays responsive and the bar
    // moves while reading.
    let mut rows = Vec::new();
    let mut grouping = CreatorGrouping::default();
    let mut comments = 0;
    let mut errors = Vec::new();
    while !file.is_done() {
        file.read_chunk(ROWS_PER_CHUNK, &mut rows, &mut errors);
        comments += rows.len();
        grouping.add(rows.drain(..));
        state.busy.set(Some((
            format!("Reading comments: {} so far…", file.rows_read()),
            0.3 * file.progress(),
        )));
        next_frame().await;
    }
    let read_done = js_sys::Date::now();
    let groups = grouping.finish();
    let seed = (js_sys::Math::random() * 9.0e15) as u64 ^ (started as u64);
    let settings = CommentSettings {
        salt: new_salt(seed),
        ..CommentSettings::default()
    };
    let creator_count = groups.len();
    let mut analysed = Vec::with_capacity(creator_count);
    let mut examples = CommentExamples::default();
    // Each chunk's raw rows are freed as soon as they are analysed: freeing all 900,000 at
    // the end would freeze the page for a moment.
    let mut pending = groups.into_iter();
    loop {
        let chunk: Vec<_> = pending.by_ref().take(CREATORS_PER_CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        for group in chunk {
            let result = analyse_creator(&group, &settings);
            merge_examples(&mut examples, &result.examples);
            analysed.push(result);
        }
        state.busy.set(Some((
            format!(
                "Analysing the comments of {}…",
                creators_text(creator_count)
            ),
            0.3 + 0.7 * analysed.len() as f64 / creator_count.max(1) as f64,
        )));
        next_frame().await;
    }
    let creators = analysed.len();
    let mut summaries = 0;
    update_workspace(state, |w| summaries = apply_analysed(w, analysed));
    Ok(ImportReport {
        comments,
        creators,
        summaries,
        problem_count: errors.len(),
        problems: errors.iter().take(5).map(|e| e.to_string()).collect(),
        seconds: (js_sys::Date::now() - started) / 1000.0,
        read_seconds: (read_done - started) / 1000.0,
        analyse_seconds: (js_sys::Date::now() - read_done) / 1000.0,
        examples,
    })
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
                 analysed here, in this page: only per-post summaries and counts of pod accounts and \
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
