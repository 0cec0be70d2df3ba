//! CSV import in four visible steps: choose a file, map its columns, read the validation
//! report, commit. Nothing is stored before the last step, and committing is all-or-nothing
//! unless the user explicitly chooses to import only the valid rows.

mod commit;
mod fill;
mod mapping;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::app::files::read_file_bytes;
use crate::app::state::{app_state, AppState};
use mapping::{unused_sentence, MappingStep};
use microplan_csv::read::{read_csv, RawTable};
use microplan_model::money::group_thousands;
use microplan_workspace::io::apply::ImportMode;
use microplan_workspace::io::mapping::{propose_mapping_for_table, ColumnMapping};
use microplan_workspace::io::platforms::propose_platform;
use microplan_workspace::io::table::TableKind;
use microplan_workspace::io::validate::{ImportOptions, ImportPreview, Validation};

/// Rows validated between two repaints, so a 150,000-row file keeps the page responsive.
const ROWS_PER_CHUNK: usize = 5_000;
/// Errors listed on screen; the rest are counted.
const ERRORS_SHOWN: usize = 200;

/// A count as the import shows it: 18525 -> "18,525".
pub fn grouped(count: usize) -> String {
    group_thousands(count as u64)
}

#[derive(Clone, Copy)]
pub struct Wizard {
    pub kind: TableKind,
    file_name: RwSignal<String>,
    pub raw: RwSignal<Option<RawTable>>,
    read_error: RwSignal<Option<String>>,
    pub mapping: RwSignal<ColumnMapping>,
    preview: RwSignal<Option<ImportPreview>>,
    pub currency: RwSignal<String>,
    replace: RwSignal<bool>,
    valid_only: RwSignal<bool>,
    run: StoredValue<u64>,
}

/// Lets the browser paint between chunks of work.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}

impl Wizard {
    fn load_bytes(self, state: AppState, name: String, bytes: Vec<u8>) {
        // The file may arrive after the wizard was closed; then there is nothing to fill.
        if self.file_name.try_set(name).is_some() {
            return;
        }
        self.preview.set(None);
        self.valid_only.set(false);
        match read_csv(&bytes) {
            Ok(mut table) => {
                let mut mapping = propose_mapping_for_table(self.kind, &table);
                propose_platform(self.kind, &mut table, &mut mapping);
                self.mapping.set(mapping);
                self.read_error.set(None);
                self.raw.set(Some(table));
                self.validate(state);
            }
            Err(error) => {
                self.raw.set(None);
                self.read_error.set(Some(error.to_string()));
            }
        }
    }

    /// Validates in chunks with a progress bar; a newer run cancels an older one.
    pub fn validate(self, state: AppState) {
        let run = self.run.get_value() + 1;
        self.run.set_value(run);
        self.preview.set(None);
        spawn_local(async move {
            let options = ImportOptions {
                default_currency: self.currency.get_untracked(),
            };
            let mapping = self.mapping.get_untracked();
            let Some((mut validation, total)) = self.raw.with_untracked(|raw| {
                raw.as_ref().map(|t| {
                    let validation =
                        Validation::new(self.kind, &t.headers, &mapping, t.decimal_comma, &options);
                    (validation, t.rows.len())
                })
            }) else {
                return;
            };
            let mut done = 0;
            while done < total {
                let end = (done + ROWS_PER_CHUNK).min(total);
                let _ = self.raw.try_with_untracked(|raw| {
                    if let Some(rows) = raw.as_ref().and_then(|t| t.rows.get(done..end)) {
                        validation.push_rows(rows);
                    }
                });
                done = end;
                state.busy.set(Some((
                    format!("Checking {} rows…", grouped(total)),
                    done as f64 / total.max(1) as f64,
                )));
                next_frame().await;
                // A newer run, or a closed wizard (its signals are gone), ends this one.
                if self.run.try_get_value() != Some(run) {
                    state.busy.set(None);
                    return;
                }
            }
            state.busy.set(None);
            let _ = self.preview.try_set(Some(validation.finish()));
        });
    }

    fn commit(self, state: AppState, on_close: Callback<()>) {
        let replace = self.replace.get_untracked();
        let Some((count, label)) = self
            .preview
            .with_untracked(|p| p.as_ref().map(|p| (p.valid_count(), p.kind.label())))
        else {
            return;
        };
        if replace {
            let question = format!(
                "Replace every row of {label} with the {} imported rows? Rows not in the file \
                 will be removed.",
                grouped(count)
            );
            if !window().confirm_with_message(&question).unwrap_or(false) {
                return;
            }
        }
        let mut taken = None;
        self.preview.update(|preview| taken = preview.take());
        let Some(preview) = taken else { return };
        let mode = if replace {
            ImportMode::Replace
        } else {
            ImportMode::Merge
        };
        // Merge keeps stored values of columns the file does not have.
        let undo_text = replace.then(|| format!("Replaced every row of {label} with the file."));
        spawn_local(commit::commit_import(state, preview, mode, undo_text));
        // The file's cells, freed a slice at a time rather than all at once with the wizard.
        let mut raw = None;
        self.raw.update(|table| raw = table.take());
        if let Some(raw) = raw {
            spawn_local(commit::free_in_slices(raw.rows));
        }
        on_close.run(());
    }
}

fn file_from_event(ev: &leptos::ev::Event) -> Option<(web_sys::File, web_sys::HtmlInputElement)> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    Some((file, input))
}

fn read_and_load(wizard: Wizard, state: AppState, file: web_sys::File) {
    spawn_local(async move {
        match read_file_bytes(&file).await {
            Ok(bytes) => wizard.load_bytes(state, file.name(), bytes),
            Err(error) => {
                let _ = wizard.read_error.try_set(Some(error));
            }
        }
    });
}

#[component]
pub fn ImportWizard(kind: TableKind, on_close: Callback<()>) -> impl IntoView {
    let state = app_state();
    let wizard = Wizard {
        kind,
        file_name: RwSignal::new(String::new()),
        raw: RwSignal::new(None),
        read_error: RwSignal::new(None),
        mapping: RwSignal::new(Vec::new()),
        preview: RwSignal::new(None),
        currency: RwSignal::new("EUR".to_string()),
        replace: RwSignal::new(false),
        valid_only: RwSignal::new(false),
        run: StoredValue::new(0),
    };
    let input_id = format!("import-file-{}", kind.file_stem());
    let dragging = RwSignal::new(false);
    view! {
        <div class="wizard" role="group" aria-label=format!("Import {}", kind.label())>
            <h3>"1. Choose a CSV file"</h3>
            <div
                class=move || if dragging.get() { "drop-zone dragging" } else { "drop-zone" }
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                        read_and_load(wizard, state, file);
                    }
                }
            >
                <label for=input_id.clone()>
                    "Drop a file here or choose one. UTF-8 or UTF-16, comma, semicolon or tab \
                     separated; your column names are matched to ours in the next step."
                </label>
                <input
                    id=input_id.clone()
                    type="file"
                    accept=".csv,.tsv,.txt,text/csv"
                    on:change=move |ev| {
                        if let Some((file, input)) = file_from_event(&ev) {
                            input.set_value("");
                            read_and_load(wizard, state, file);
                        }
                    }
                />
            </div>
            {move || wizard.read_error.get().map(|error| view! {
                <p class="error-text" role="alert">{error}</p>
            })}
            {move || wizard.raw.with(|raw| raw.as_ref().map(|t| view! {
                <p class="hint" data-testid="file-summary">
                    {format!(
                        "{}: {} rows, {} columns, {}, separated by {}{}.",
                        wizard.file_name.get_untracked(),
                        grouped(t.rows.len()),
                        grouped(t.headers.len()),
                        t.encoding,
                        delimiter_name(t.delimiter),
                        if t.decimal_comma { ", numbers with decimal commas" } else { "" },
                    )}
                </p>
                <Notes notes=t.notes.clone() />
            }))}
            <Show when=move || wizard.raw.with(Option::is_some)>
                <MappingStep wizard=wizard />
                <ReportStep wizard=wizard on_close=on_close />
            </Show>
            <div class="actions">
                <button on:click=move |_| on_close.run(())>"Close import"</button>
            </div>
        </div>
    }
}

fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b',' => "commas",
        b';' => "semicolons",
        b'\t' => "tabs",
        b'|' => "pipes",
        _ => "an unusual character",
    }
}

#[component]
fn ReportStep(wizard: Wizard, on_close: Callback<()>) -> impl IntoView {
    let state = app_state();
    let report = move || {
        wizard.preview.with(|preview| {
            let Some(p) = preview.as_ref() else {
                return view! { <p class="hint">"Checking rows…"</p> }.into_any();
            };
            let errors_hidden = p.error_count().saturating_sub(ERRORS_SHOWN);
            view! {
                <p class="report-summary" data-testid="import-summary">
                    {format!(
                        "{} rows read: {} ready to import, {} with problems.",
                        grouped(p.total_rows),
                        grouped(p.valid_count()),
                        grouped(p.rows_with_errors)
                    )}
                </p>
                {(!p.unmapped_columns.is_empty()).then(|| view! {
                    <p class="unused-columns" data-testid="report-unused">
                        <strong>"Not imported: "</strong>
                        {unused_sentence(&p.unmapped_columns)}
                    </p>
                })}
                {(!p.missing_required.is_empty()).then(|| view! {
                    <p class="error-text" role="alert">
                        {format!(
                            "Required columns not matched: {}. Match them above or add them to the file.",
                            p.missing_required.join(", ")
                        )}
                    </p>
                })}
                {(!p.errors.is_empty()).then(|| view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Problems found">
                        <table class="errors" data-testid="import-errors">
                            <thead>
                                <tr>
                                    <th scope="col">"Row"</th>
                                    <th scope="col">"Line"</th>
                                    <th scope="col">"Column"</th>
                                    <th scope="col">"Value"</th>
                                    <th scope="col">"Problem"</th>
                                    <th scope="col">"Fix"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {p.errors.iter().take(ERRORS_SHOWN).map(|e| view! {
                                    <tr>
                                        <td>{e.row}</td>
                                        <td>{e.line}</td>
                                        <td>{e.column.clone()}</td>
                                        <td><code>{e.value.clone()}</code></td>
                                        <td>{e.problem.clone()}</td>
                                        <td>{e.fix.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                })}
                {(errors_hidden > 0).then(|| view! {
                    <p class="hint">{format!("…and {} more problems not listed.", grouped(errors_hidden))}</p>
                })}
                <Notes notes=p.notes.clone() />
                <PreviewTable preview_cells=p.preview_cells(8) kind=wizard.kind />
            }
            .into_any()
        })
    };
    let can_commit = move || {
        wizard.preview.with(|p| {
            p.as_ref().is_some_and(|p| {
                p.can_commit_all()
                    || (wizard.valid_only.get()
                        && p.missing_required.is_empty()
                        && p.valid_count() > 0)
            })
        })
    };
    let has_errors = move || {
        wizard
            .preview
            .with(|p| p.as_ref().is_some_and(|p| p.rows_with_errors > 0))
    };
    let button_text = move || {
        wizard
            .preview
            .with(|p| {
                p.as_ref()
                    .map(|p| format!("Import {} rows", grouped(p.valid_count())))
            })
            .unwrap_or_else(|| "Import".into())
    };
    let mode_name = format!("import-mode-{}", wizard.kind.file_stem());
    view! {
        <h3>"3. Check the report"</h3>
        {report}
        <h3>"4. Import"</h3>
        <fieldset class="choices">
            <legend>"Existing rows"</legend>
            <label>
                <input type="radio" name=mode_name.clone() checked=true on:change=move |_| wizard.replace.set(false) />
                " Merge: update rows with the same key, add new ones, keep the rest"
            </label>
            <label>
                <input type="radio" name=mode_name on:change=move |_| wizard.replace.set(true) />
                " Replace the whole table with this file"
            </label>
        </fieldset>
        <Show when=has_errors>
            <label class="valid-only">
                <input type="checkbox" bind:checked=wizard.valid_only />
                " Import only the valid rows and skip the rows with problems"
            </label>
        </Show>
        <div class="actions">
            <button
                class="primary"
                disabled=move || { !can_commit() }
                on:click=move |_| wizard.commit(state, on_close)
            >
                {button_text}
            </button>
        </div>
    }
}

/// How the reader interpreted something ambiguous (date order, repaired characters).
#[component]
fn Notes(notes: Vec<String>) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <ul class="read-notes">
                {notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn PreviewTable(preview_cells: Vec<Vec<String>>, kind: TableKind) -> impl IntoView {
    if preview_cells.is_empty() {
        return view! { <span></span> }.into_any();
    }
    view! {
        <p class="hint">"The first valid rows as they will be stored:"</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Import preview">
            <table data-testid="import-preview">
                <thead>
                    <tr>{kind.columns().iter().map(|c| view! { <th scope="col">{c.label}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {preview_cells.into_iter().map(|row| view! {
                        <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
