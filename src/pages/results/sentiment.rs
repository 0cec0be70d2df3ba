//! Sentiment of campaign comments: a comments file is classified in the page with a written
//! lexicon, examples are shown with the words that decided them, and only the counts per
//! creator are stored. The totals can fill the programme's positive-sentiment signal.

use leptos::prelude::*;

use crate::widgets::data_table::{Column, DataTable};
use leptos::task::spawn_local;

use crate::app::files::read_file_bytes;
use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use microplan_plan::results::display::percent;
use microplan_plan::results::{
    apply_sentiment, sentiment_totals, tally_sentiment, use_as_sentiment_signal, SentimentExamples,
    NEGATIVE_WORDS, POSITIVE_WORDS,
};
use microplan_workspace::io::raw_comments::CommentFile;

/// Reads and classifies a comments file; nothing is stored here.
fn classify_file(
    bytes: &[u8],
) -> Result<
    (
        Vec<microplan_plan::results::SentimentTally>,
        SentimentExamples,
        usize,
    ),
    String,
> {
    let mut file = CommentFile::open(bytes)?;
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    while !file.is_done() {
        file.read_chunk(100_000, &mut rows, &mut errors);
    }
    let (tallies, examples) = tally_sentiment(&rows);
    Ok((tallies, examples, errors.len()))
}

fn example_list(title: &'static str, items: Vec<(String, Vec<String>)>) -> impl IntoView {
    (!items.is_empty()).then(|| view! {
        <div>
            <h4>{title}</h4>
            <ul>{items.into_iter().map(|(text, words)| view! {
                <li><q>{text}</q>" "<span class="hint">{if words.is_empty() { "(no lexicon word)".to_string() } else { format!("({})", words.join(", ")) }}</span></li>
            }).collect_view()}</ul>
        </div>
    })
}

#[component]
pub fn SentimentPanel() -> impl IntoView {
    let state = app_state();
    let examples = RwSignal::new(None::<(SentimentExamples, usize)>);
    let tallies = Memo::new(move |_| {
        state
            .workspace
            .with(|w| w.as_ref().map(|w| w.sentiment.clone()).unwrap_or_default())
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
        spawn_local(async move {
            let outcome = read_file_bytes(&file)
                .await
                .and_then(|bytes| classify_file(&bytes));
            match outcome {
                Ok((counts, shown, skipped)) => {
                    let creators = counts.len();
                    update_workspace(state, |w| apply_sentiment(&mut w.sentiment, counts));
                    let _ = examples.try_set(Some((shown, skipped)));
                    state.notify(format!(
                        "Sentiment of the comments of {creators} creators counted."
                    ));
                }
                Err(error) => state.notify_error(format!(
                    "The comments could not be read: {error} Nothing was changed."
                )),
            }
        });
    };
    let use_signal = move |_| {
        let mut done = false;
        update_workspace(state, |w| {
            done = use_as_sentiment_signal(&w.sentiment, &mut w.programme)
        });
        if done {
            state.notify("The programme's positive sentiment share now uses these counts.");
        } else {
            state.notify_error("Pick an objective on the Programme page first: its signals hold the sentiment share.");
        }
    };
    view! {
        <section class="card results-sentiment" aria-labelledby="sentiment-heading">
            <h2 id="sentiment-heading">"Sentiment of campaign comments"</h2>
            <p class="hint">
                "A comments file of the campaign posts (creator handle, post id, commenter, comment text) is read \
                 here, in this page. Each comment is positive when it has more positive than negative lexicon words \
                 or emoji, negative when it has more negative ones, neutral otherwise; a word after \"not\" counts \
                 for the other side. Creator replies are not counted. Only the counts per creator are stored, never \
                 the text."
            </p>
            <details class="explain">
                <summary>"The lexicon"</summary>
                <p><strong>"Positive: "</strong>{POSITIVE_WORDS.join(", ")}", ❤ 😍 🔥 👏 😋 🤤 💪 🙌 👍 🥰 💯"</p>
                <p><strong>"Negative: "</strong>{NEGATIVE_WORDS.join(", ")}", 👎 😡 🤢 🤮 😞 😒 💩 😠"</p>
            </details>
            <label for="sentiment-file">"Campaign comments (CSV)"</label>
            <input id="sentiment-file" type="file" accept=".csv,text/csv,.tsv,.txt" on:change=on_file />
            {move || examples.get().map(|(shown, skipped)| view! {
                <div class="comment-report" role="status" data-testid="sentiment-examples">
                    {(skipped > 0).then(|| view! { <p>{format!("{skipped} rows without a handle, post or commenter were skipped.")}</p> })}
                    <p class="hint">"Examples as classified, with the words that decided them (shown now, not stored):"</p>
                    <div class="examples">
                        {example_list("Positive", shown.positive)}
                        {example_list("Neutral", shown.neutral)}
                        {example_list("Negative", shown.negative)}
                    </div>
                </div>
            })}
            {move || {
                let rows = tallies.get();
                if rows.is_empty() {
                    return view! { <p class="hint">"No campaign comments counted yet."</p> }.into_any();
                }
                let (positive, classified) = sentiment_totals(&rows);
                let share = if classified > 0 { percent(positive as f64 / classified as f64) } else { "—".into() };
                view! {
                    <DataTable testid="sentiment-table" columns=vec![
                        Column::text("Creator"),
                        Column::number("Positive"),
                        Column::number("Neutral"),
                        Column::number("Negative"),
                        Column::number("Positive share"),
                    ]
                    footer=view! { <tfoot><tr>
                                <th scope="row">"All creators"</th>
                                <td class="numeric" colspan="3">{format!("{positive} positive of {classified} classified")}</td>
                                <td class="numeric">{share}</td>
                            </tr></tfoot> }.into_any()>
                                {rows.into_iter().map(|t| view! {
                                    <tr>
                                        <th scope="row">{t.handle.clone()}</th>
                                        <td class="numeric">{microplan_model::format::group_thousands(t.positive)}</td><td class="numeric">{microplan_model::format::group_thousands(t.neutral)}</td><td class="numeric">{microplan_model::format::group_thousands(t.negative)}</td>
                                        <td class="numeric">{t.positive_share().map(percent).unwrap_or_else(|| "—".into())}</td>
                                    </tr>
                                }).collect_view()}
                    </DataTable>
                    <button type="button" on:click=use_signal>"Use as the programme's positive sentiment share"</button>
                }.into_any()
            }}
        </section>
    }
}
