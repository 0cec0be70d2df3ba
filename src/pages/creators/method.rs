//! The method page in the app: every formula, threshold and benchmark source, from the same
//! text as docs/method.md.

use leptos::prelude::*;

use microplan_audit::method_doc::{parse_method, Block, Inline, METHOD_MARKDOWN};

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

#[component]
pub fn MethodPage() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <section class="card method" aria-labelledby="method-heading">
            <details on:toggle=move |ev| {
                use wasm_bindgen::JsCast;
                if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                    open.set(d.open());
                }
            }>
                <summary><h2 id="method-heading" class="inline">"Method"</h2>
                    <span class="hint">" every formula, threshold and benchmark source, to reproduce a score by hand"</span></summary>
                {move || open.get().then(|| parse_method(METHOD_MARKDOWN).into_iter().skip(1).map(|block| match block {
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
                }).collect_view())}
            </details>
        </section>
    }
}
