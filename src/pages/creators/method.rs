//! The method page in the app: every formula, threshold and benchmark source. Its text is
//! docs/method.md itself, shipped beside the page and fetched when the section is opened, so
//! the long text is not part of the first download.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::static_files::fetch_build_file;
use microplan_audit::method_doc::{parse_method, Block, Inline};

/// The file the build copies from docs/method.md (see index.html).
const METHOD_FILE: &str = "method.md";

#[derive(Clone, PartialEq)]
enum MethodText {
    NotAsked,
    Loading,
    Loaded(String),
    Failed(String),
}

fn runs(parts: Vec<Inline>) -> impl IntoView {
    parts
        .into_iter()
        .map(|part| match part {
            Inline::Text(t) => t.into_any(),
            Inline::Code(t) => view! { <code>{t}</code> }.into_any(),
            Inline::Bold(t) => view! { <strong>{t}</strong> }.into_any(),
            Inline::Italic(t) => view! { <em>{t}</em> }.into_any(),
        })
        .collect_view()
}

fn method_blocks(markdown: &str) -> impl IntoView {
    parse_method(markdown).into_iter().skip(1).map(|block| match block {
        Block::Heading(_, text) => view! { <h3>{text}</h3> }.into_any(),
        Block::Paragraph(parts) => view! { <p>{runs(parts)}</p> }.into_any(),
        Block::List(items) => view! { <ul>{items.into_iter().map(|i| view! { <li>{runs(i)}</li> }).collect_view()}</ul> }.into_any(),
        Block::Table(rows) => {
            let mut rows = rows.into_iter();
            let head = rows.next().unwrap_or_default();
            view! {
                <div class="table-scroll"><table>
                    <thead><tr>{head.into_iter().map(|c| view! { <th scope="col">{runs(c)}</th> }).collect_view()}</tr></thead>
                    <tbody>{rows.map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{runs(c)}</td> }).collect_view()}</tr> }).collect_view()}</tbody>
                </table></div>
            }.into_any()
        }
    }).collect_view()
}

/// Downloads the method text once; a failed download is tried again at the next opening.
fn fetch_method(text: RwSignal<MethodText>) {
    let asked = text.with_untracked(|t| matches!(t, MethodText::NotAsked | MethodText::Failed(_)));
    if !asked {
        return;
    }
    text.set(MethodText::Loading);
    spawn_local(async move {
        let loaded = fetch_build_file(METHOD_FILE).await.and_then(|bytes| {
            String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_string())
        });
        text.try_set(match loaded {
            Ok(markdown) => MethodText::Loaded(markdown),
            Err(error) => MethodText::Failed(error),
        });
    });
}

#[component]
pub fn MethodPage() -> impl IntoView {
    let open = RwSignal::new(false);
    let text = RwSignal::new(MethodText::NotAsked);
    view! {
        <section class="card method" aria-labelledby="method-heading">
            <details on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                    open.set(d.open());
                    if d.open() {
                        fetch_method(text);
                    }
                }
            }>
                <summary><h2 id="method-heading" class="inline">"Method"</h2>
                    <span class="hint">" every formula, threshold and benchmark source, to reproduce a score by hand"</span></summary>
                {move || open.get().then(|| text.with(|t| match t {
                    MethodText::NotAsked | MethodText::Loading => view! { <p class="hint" role="status">"Loading the method…"</p> }.into_any(),
                    MethodText::Failed(error) => view! {
                        <p class="error-text" role="alert">{format!("The method could not be loaded: {error}. Close and open this section to try again.")}</p>
                    }.into_any(),
                    MethodText::Loaded(markdown) => method_blocks(markdown).into_any(),
                }))}
            </details>
        </section>
    }
}
