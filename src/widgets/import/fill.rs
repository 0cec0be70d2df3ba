//! "Same value for every row": a platform export without a required column (Instagram and
//! TikTok exports have no campaign; TikTok and YouTube none with the handle) can still be
//! imported by typing the one value all its rows share. A missing platform is chosen from
//! the platforms the app knows (and proposed from the file's links, see `microplan_workspace::io::platforms`).

use leptos::prelude::*;

use microplan_csv::platform_exports::{fill_column, filled_header};
use microplan_csv::read::RawTable;
use microplan_workspace::io::mapping::ColumnMapping;
use microplan_workspace::io::platforms::KNOWN_PLATFORMS;
use microplan_workspace::io::table::TableKind;

/// Puts `value` in every row under the column's filled header and maps the column to it.
fn fill(
    raw: RwSignal<Option<RawTable>>,
    mapping: RwSignal<ColumnMapping>,
    position: usize,
    label: &str,
    value: &str,
) {
    let mut index = None;
    raw.update(|r| {
        if let Some(table) = r.as_mut() {
            index = Some(fill_column(table, &filled_header(label), value));
        }
    });
    mapping.update(|m| {
        if let Some(slot) = m.get_mut(position) {
            *slot = index;
        }
    });
}

#[component]
pub fn FillMissing(
    kind: TableKind,
    raw: RwSignal<Option<RawTable>>,
    mapping: RwSignal<ColumnMapping>,
    on_change: Callback<()>,
) -> impl IntoView {
    // Required columns with no header of the file, or filled here before.
    let open = move || {
        let headers = raw.with(|r| r.as_ref().map(|t| t.headers.clone()).unwrap_or_default());
        let chosen = mapping.get();
        kind.columns()
            .iter()
            .enumerate()
            .filter(|(_, column)| column.required)
            .filter(|(position, column)| {
                match chosen
                    .get(*position)
                    .copied()
                    .flatten()
                    .and_then(|h| headers.get(h))
                {
                    None => true,
                    Some(header) => *header == filled_header(column.label),
                }
            })
            .map(|(position, column)| {
                let filled = headers
                    .iter()
                    .position(|h| *h == filled_header(column.label));
                let value = raw.with(|r| {
                    let first = r.as_ref().and_then(|t| t.rows.first());
                    filled
                        .and_then(|at| first.and_then(|row| row.cells.get(at).cloned()))
                        .unwrap_or_default()
                });
                (position, column.label, column.key, value)
            })
            .collect::<Vec<_>>()
    };
    move || {
        let columns = open();
        (!columns.is_empty()).then(|| {
            view! {
                <fieldset class="fill-missing">
                    <legend>"Columns this file does not have"</legend>
                    <p class="hint">"Give the value every row shares, such as the campaign of an Instagram export."</p>
                    {columns
                        .into_iter()
                        .map(|(position, label, key, current)| {
                            let id = format!("fill-{}-{key}", kind.file_stem());
                            let on_value = move |ev: leptos::ev::Event| {
                                let value = event_target_value(&ev);
                                if value.trim().is_empty() {
                                    return;
                                }
                                fill(raw, mapping, position, label, &value);
                                on_change.run(());
                            };
                            let field = if key == "platform" {
                                let options = KNOWN_PLATFORMS
                                    .iter()
                                    .map(|p| view! { <option value=p.name selected=current == p.name>{p.label}</option> })
                                    .collect_view();
                                view! {
                                    <select id=id.clone() on:change=on_value>
                                        <option value="" selected=current.is_empty()>"— choose the platform —"</option>
                                        {options}
                                    </select>
                                }
                                .into_any()
                            } else {
                                view! { <input id=id.clone() type="text" prop:value=current on:change=on_value /> }.into_any()
                            };
                            view! {
                                <p class="inline-form">
                                    <label for=id>{format!("{label} for every row")}</label>
                                    {field}
                                </p>
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
        })
    }
}
