//! Step 2 of the import: which file column feeds each of the table's columns. Every file
//! column left out is named, so no data is dropped without a word.

use leptos::prelude::*;

use super::fill::FillMissing;
use super::{grouped, Wizard};
use crate::app::state::app_state;
use microplan_workspace::io::mapping::{is_raw_comments_file, normalise_header, unmapped_headers};
use microplan_workspace::io::table::TableKind;

/// Up to this many file columns each field gets a select listing them all; a wider file
/// shares one datalist among text fields, so the page holds one option per column instead
/// of one per column per field.
const SELECT_COLUMNS: usize = 40;

#[component]
pub fn MappingStep(wizard: Wizard) -> impl IntoView {
    let state = app_state();
    let headers = move || {
        wizard
            .raw
            .with(|raw| raw.as_ref().map(|t| t.headers.clone()).unwrap_or_default())
    };
    let wide = move || {
        wizard.raw.with(|raw| {
            raw.as_ref()
                .is_some_and(|t| t.headers.len() > SELECT_COLUMNS)
        })
    };
    let list_id = format!("import-headers-{}", wizard.kind.file_stem());
    let raw_comments = move || {
        wizard.kind == TableKind::CommentSummaries
            && wizard.raw.with(|raw| {
                raw.as_ref()
                    .is_some_and(|t| is_raw_comments_file(&t.headers))
            })
    };
    let pick = move |position: usize, picked: Option<usize>| {
        wizard.mapping.update(|m| {
            if let Some(slot) = m.get_mut(position) {
                *slot = picked;
            }
        });
        wizard.validate(state);
    };
    let shared_list = {
        let list_id = list_id.clone();
        move || {
            wide().then(|| {
                let options = headers()
                    .into_iter()
                    .map(|header| view! { <option value=header></option> })
                    .collect_view();
                view! { <datalist id=list_id.clone()>{options}</datalist> }
            })
        }
    };
    view! {
        <h3>"2. Match your columns"</h3>
        <p class="hint">
            "We proposed matches from the column names. Fix any that are wrong; columns marked * \
             are required."
        </p>
        {shared_list}
        <div class="mapping-grid">
            {wizard
                .kind
                .columns()
                .iter()
                .enumerate()
                .map(|(position, column)| {
                    let field_id = format!("map-{}-{}", wizard.kind.file_stem(), column.key);
                    let chosen = move || wizard.mapping.with(|m| m.get(position).copied().flatten());
                    let list_id = list_id.clone();
                    let field = {
                        let field_id = field_id.clone();
                        move || {
                            if wide() {
                                header_field(field_id.clone(), list_id.clone(), chosen, headers, move |picked| pick(position, picked)).into_any()
                            } else {
                                header_select(field_id.clone(), chosen, headers, move |picked| pick(position, picked)).into_any()
                            }
                        }
                    };
                    view! {
                        <label for=field_id title=column.help>
                            {column.label}
                            {column.required.then_some(" *")}
                        </label>
                        {field}
                    }
                })
                .collect_view()}
        </div>
        <UnusedColumns wizard=wizard />
        {move || if raw_comments() {
            view! {
                <p class="error-text" role="alert" data-testid="raw-comments-pointer">
                    "This is a raw comments file: one comment per row, with the comment text and \
                     the commenter. The Comment summaries table holds one digest per post, so \
                     import this file with "<strong>"Import raw comments"</strong>" on the "
                    <a href="#/creators">"Creators page"</a>
                    ": it analyses the comments and stores only the per-post summaries."
                </p>
            }
            .into_any()
        } else {
            view! {
                <FillMissing kind=wizard.kind raw=wizard.raw mapping=wizard.mapping on_change=Callback::new(move |_| wizard.validate(state)) />
            }
            .into_any()
        }}
        {wizard.kind.columns().iter().any(|c| c.key == "currency").then(|| view! {
            <p class="inline-form">
                <label for="import-currency">"Currency when the file names none"</label>
                <input
                    id="import-currency"
                    type="text"
                    maxlength="3"
                    size="4"
                    bind:value=wizard.currency
                    on:change=move |_| wizard.validate(state)
                />
            </p>
        })}
    }
}

/// One select listing every file column: for files of up to [`SELECT_COLUMNS`] columns.
fn header_select(
    id: String,
    chosen: impl Fn() -> Option<usize> + Copy + Send + Sync + 'static,
    headers: impl Fn() -> Vec<String>,
    on_pick: impl Fn(Option<usize>) + 'static,
) -> impl IntoView {
    let options = headers()
        .into_iter()
        .enumerate()
        .map(|(index, header)| {
            view! { <option value=index.to_string() selected=move || chosen() == Some(index)>{header}</option> }
        })
        .collect_view();
    view! {
        <select id=id on:change=move |ev| on_pick(event_target_value(&ev).parse::<usize>().ok())>
            <option value="" selected=move || chosen().is_none()>"— not in this file —"</option>
            {options}
        </select>
    }
}

/// A text field suggesting the file's columns from the shared datalist: for wide files.
/// A name that is no column of the file is refused in place; an empty field unmaps.
fn header_field(
    id: String,
    list_id: String,
    chosen: impl Fn() -> Option<usize> + Copy + Send + Sync + 'static,
    headers: impl Fn() -> Vec<String> + Copy + Send + Sync + 'static,
    on_pick: impl Fn(Option<usize>) + 'static,
) -> impl IntoView {
    let unknown = RwSignal::new(None::<String>);
    let current = move || {
        chosen()
            .and_then(|index| headers().get(index).cloned())
            .unwrap_or_default()
    };
    view! {
        <span class="header-field">
            <input
                id=id
                type="text"
                list=list_id
                placeholder="— not in this file —"
                prop:value=current
                on:change=move |ev| {
                    let typed = event_target_value(&ev);
                    let typed = typed.trim();
                    if typed.is_empty() {
                        unknown.set(None);
                        on_pick(None);
                        return;
                    }
                    let names = headers();
                    let exact = names.iter().position(|h| h == typed);
                    let found = exact.or_else(|| {
                        let wanted = normalise_header(typed);
                        names.iter().position(|h| normalise_header(h) == wanted)
                    });
                    match found {
                        Some(index) => {
                            unknown.set(None);
                            on_pick(Some(index));
                        }
                        None => unknown.set(Some(typed.to_string())),
                    }
                }
            />
            {move || unknown.get().map(|name| view! {
                <span class="error-text" role="alert">{format!("The file has no column “{name}”; pick one from the list.")}</span>
            })}
        </span>
    }
}

/// File columns that feed no field: named before anything is stored.
#[component]
fn UnusedColumns(wizard: Wizard) -> impl IntoView {
    let unused = move || {
        let mapping = wizard.mapping.get();
        wizard.raw.with(|raw| {
            raw.as_ref()
                .map(|t| unmapped_headers(&t.headers, &mapping))
                .unwrap_or_default()
        })
    };
    move || {
        let unused = unused();
        (!unused.is_empty()).then(|| {
            view! {
                <p class="unused-columns" data-testid="mapping-unused">
                    <strong>"Not imported: "</strong>
                    {unused_sentence(&unused)}
                </p>
            }
        })
    }
}

/// "2 file columns match none of ours and will not be imported: Has #ad, Tags."
pub fn unused_sentence(unused: &[String]) -> String {
    let (count, them) = match unused.len() {
        1 => ("1 file column matches".to_string(), "it belongs"),
        n => (format!("{} file columns match", grouped(n)), "one belongs"),
    };
    format!(
        "{count} none of ours and will not be imported: {}. If {them} to a column above, choose it there.",
        unused.join(", ")
    )
}
