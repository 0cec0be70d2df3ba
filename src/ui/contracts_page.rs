//! Contracts: draft fair partnership terms for a creator and campaign from a few choices,
//! see conflicts as they arise, read the agreement with a plain-words note per clause, and
//! keep every sent version.

use leptos::prelude::*;

use super::contracts_form::{CompensationFields, CreativeFields, DatesFields, KillFeeFields, PartiesFields};
use super::contracts_lists::{DeliverablesFields, ExclusivityFields, LicenceFields, ReportingFields};
use super::document_view::DocumentView;
use super::files::download_text;
use super::persistence::update_workspace;
use super::state::app_state;
use crate::domain::contract::drafts::{
    add_new_drafts, campaign_handles, campaign_template, campaign_names, choices_for_creator, drafts_for_campaign, latest_index, mark_sent, mark_signed, money_summary,
};
use crate::domain::contract::{
    check_choices, contract_document, save_draft, term_sheet_document, ContractChoices, CreatorParty, DraftStatus, Saved, Severity,
};
use crate::domain::markets::Market;
use crate::io::export_contract_terms;

fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date()).unwrap_or_default()
}

#[component]
pub fn ContractsPage() -> impl IntoView {
    // Setting it always re-creates the editor, so opening an agreement starts the form afresh.
    let open = RwSignal::new(None::<ContractChoices>);
    let start = Callback::new(move |choices: ContractChoices| open.set(Some(choices)));
    view! {
        <h1 id="section-heading" tabindex="-1">"Contracts"</h1>
        <p class="lead">
            "Draft fair partnership terms a creator can read in five minutes: deliverables, creative control, \
             compensation with kill fee and makegood, a usage licence limited by channel, territory and term, \
             exclusivity, disclosure for the market and how results are reported. Every clause shows the choice \
             that produced it and what it means in plain words. It is a starting point, not legal advice."
        </p>
        <SavedDrafts on_open=start />
        <StartDraft on_start=start />
        {move || open.get().map(|choices| view! { <ContractEditor initial=choices on_close=Callback::new(move |_| open.set(None)) /> })}
    }
}

#[component]
fn SavedDrafts(on_open: Callback<ContractChoices>) -> impl IntoView {
    let state = app_state();
    let rows = Memo::new(move |_| {
        state.workspace.with(|w| {
            let Some(w) = w else { return Vec::new() };
            let mut rows: Vec<(usize, String, String, String, usize, bool)> = w
                .contracts
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let conflicts = check_choices(&d.choices).iter().filter(|p| p.severity == Severity::Conflict).count();
                    (i, d.title(), money_summary(&d.choices), d.choices.market.name().to_string(), conflicts, d.status == DraftStatus::Sent)
                })
                .collect();
            rows.sort_by(|a, b| a.1.cmp(&b.1));
            rows
        })
    });
    let export = move |_| {
        let csv = state.workspace.with_untracked(|w| w.as_ref().map(|w| export_contract_terms(&w.contracts)).unwrap_or_default());
        match download_text("contract-key-terms.csv", &csv, "text/csv;charset=utf-8") {
            Ok(()) => state.notify("Downloaded contract-key-terms.csv."),
            Err(error) => state.notify_error(format!("Could not download the key terms: {error}.")),
        }
    };
    let open_row = move |index: usize| {
        let choices = state.workspace.with_untracked(|w| w.as_ref().and_then(|w| w.contracts.get(index)).map(|d| d.choices.clone()));
        if let Some(choices) = choices {
            on_open.run(choices);
        }
    };
    let sign_row = move |index: usize| {
        let mut result = Err("No workspace is open.".to_string());
        update_workspace(state, |w| result = mark_signed(&mut w.contracts, index));
        match result {
            Ok(()) => state.notify("Marked as signed."),
            Err(error) => state.notify_error(error),
        }
    };
    view! {
        <section class="card" aria-labelledby="saved-contracts-heading">
            <div class="table-head">
                <h2 id="saved-contracts-heading">"Saved agreements"</h2>
                <div class="actions">
                    <button type="button" on:click=export disabled=move || rows.with(|r| r.is_empty())>"Download key terms (CSV)"</button>
                </div>
            </div>
            <p class="hint">"Every saved version. A sent version is never overwritten: saving it again starts a new version."</p>
            <Show when=move || !rows.with(|r| r.is_empty()) fallback=|| view! { <p class="empty">"No agreements saved yet."</p> }>
                <div class="table-scroll">
                    <table data-testid="saved-contracts">
                        <thead><tr>
                            <th scope="col">"Agreement"</th><th scope="col">"Money"</th><th scope="col">"Market"</th>
                            <th scope="col">"Conflicts"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr></thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|(index, title, money, market, conflicts, sent)| view! {
                                <tr>
                                    <td>{title.clone()}</td>
                                    <td>{money}</td>
                                    <td>{market}</td>
                                    <td class="numeric">{if conflicts == 0 { "none".to_string() } else { conflicts.to_string() }}</td>
                                    <td class="actions">
                                        <button type="button" class="small" aria-label=format!("Open {title}") on:click=move |_| open_row(index)>"Open"</button>
                                        {sent.then(|| view! {
                                            <button type="button" class="small" aria-label=format!("Mark {title} as signed") on:click=move |_| sign_row(index)>"Mark signed"</button>
                                        })}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn StartDraft(on_start: Callback<ContractChoices>) -> impl IntoView {
    let state = app_state();
    let campaigns = Memo::new(move |_| state.workspace.with(|w| w.as_ref().map(campaign_names).unwrap_or_default()));
    let creators = Memo::new(move |_| {
        state.workspace.with(|w| {
            let mut list: Vec<(String, String)> = w
                .as_ref()
                .map(|w| w.creators.iter().map(|c| (c.handle.clone(), format!("@{} ({}, {})", c.handle, c.platform, c.country.as_deref().unwrap_or("country unknown")))).collect())
                .unwrap_or_default();
            list.sort();
            list
        })
    });
    let brand = RwSignal::new(state.workspace.with_untracked(|w| {
        w.as_ref()
            .map(|w| w.contracts.last().map(|d| d.choices.brand.name.clone()).unwrap_or_else(|| w.name.trim_start_matches("Demo: ").to_string()))
            .unwrap_or_default()
    }));
    let campaign = RwSignal::new(campaigns.get_untracked().first().cloned().unwrap_or_default());
    let handle = RwSignal::new(String::new());
    let in_campaign = Memo::new(move |_| state.workspace.with(|w| w.as_ref().map(|w| campaign_handles(w, &campaign.get()).len()).unwrap_or(0)));
    let template = move || state.workspace.with_untracked(|w| w.as_ref().map(|w| campaign_template(w, &campaign.get_untracked(), &brand.get_untracked(), today())).unwrap_or_else(|| ContractChoices::new(&campaign.get_untracked(), &brand.get_untracked(), CreatorParty::default(), Market::Uk, today())));
    let start_one = move |_| {
        let picked = handle.get_untracked();
        if picked.is_empty() {
            state.notify_error("Pick a creator first.");
            return;
        }
        let choices = state.workspace.with_untracked(|w| w.as_ref().and_then(|w| choices_for_creator(w, &picked, &template())));
        match choices {
            Some(choices) => on_start.run(choices),
            None => state.notify_error(format!("@{picked} is not in this workspace any more.")),
        }
    };
    let start_all = move |_| {
        let name = campaign.get_untracked();
        let drafted = state.workspace.with_untracked(|w| w.as_ref().map(|w| drafts_for_campaign(w, &name, &template())).unwrap_or_default());
        if drafted.is_empty() {
            state.notify_error(format!("No creator takes part in “{name}” yet: add them to its results or gifting list first."));
            return;
        }
        let mut outcome = (0, 0);
        update_workspace(state, |w| outcome = add_new_drafts(&mut w.contracts, drafted, today()));
        state.notify(format!("Drafted {} agreement(s) for “{name}”; {} creator(s) already had one, kept as it was.", outcome.0, outcome.1));
    };
    view! {
        <section class="card" aria-labelledby="start-contract-heading">
            <h2 id="start-contract-heading">"Draft new terms"</h2>
            <p class="hint">"Start from fair defaults: the creator keeps the final edit, one revision, net 30, a 25/50/100% kill fee, organic reuse for 6 months, no exclusivity. The market follows the creator's country."</p>
            <datalist id="contract-campaigns">
                {move || campaigns.get().into_iter().map(|c| view! { <option value=c></option> }).collect_view()}
            </datalist>
            <div class="field-grid contract-start">
                <div class="field">
                    <label for="start-brand">"Brand (legal name)"</label>
                    <input id="start-brand" type="text" prop:value=move || brand.get() on:input=move |ev| brand.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="start-campaign">"Campaign"</label>
                    <input id="start-campaign" type="text" list="contract-campaigns" prop:value=move || campaign.get()
                        on:input=move |ev| campaign.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="start-creator">"Creator"</label>
                    <select id="start-creator" on:change=move |ev| handle.set(event_target_value(&ev))>
                        <option value="">"Choose a creator"</option>
                        {move || creators.get().into_iter().map(|(h, text)| view! { <option value=h>{text}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <Show when=move || creators.with(|c| c.is_empty())>
                <p class="hint">"This workspace has no creators yet: import them on the Data page, or load the demo workspace from the Overview."</p>
            </Show>
            <div class="actions">
                <button type="button" class="primary" on:click=start_one>"Start a draft"</button>
                <button type="button" on:click=start_all disabled=move || in_campaign.get() == 0>
                    {move || format!("Draft for every creator in this campaign ({})", in_campaign.get())}
                </button>
            </div>
        </section>
    }
}

#[component]
fn ContractEditor(initial: ContractChoices, on_close: Callback<()>) -> impl IntoView {
    let state = app_state();
    let draft = RwSignal::new(initial);
    let problems = Memo::new(move |_| draft.with(check_choices));
    let saved = Memo::new(move |_| {
        draft.with(|c| state.workspace.with(|w| w.as_ref().and_then(|w| latest_index(&w.contracts, c).and_then(|i| w.contracts.get(i).cloned()))))
    });
    let version_line = move || saved.get().map(|d| d.version_line()).unwrap_or_else(|| "Not saved yet".to_string());
    let unsaved = move || saved.with(|s| s.as_ref().map(|d| draft.with(|c| &d.choices != c)).unwrap_or(true));
    let term_sheet_only = RwSignal::new(false);
    let document = Signal::derive(move || {
        let line = version_line();
        draft.with(|c| if term_sheet_only.get() { term_sheet_document(c, &line) } else { contract_document(c, &line) })
    });
    let file_stem = Signal::derive(move || {
        draft.with(|c| format!("{} {} {}", if term_sheet_only.get() { "term sheet" } else { "terms" }, c.creator.handle, c.campaign))
    });
    let save = move |_| {
        let choices = draft.get_untracked();
        let mut outcome = None;
        update_workspace(state, |w| outcome = Some(save_draft(&mut w.contracts, choices, today())));
        match outcome {
            Some(Saved::Updated { version }) => state.notify(format!("Saved draft version {version}.")),
            Some(Saved::NewVersion { version: 1 }) => state.notify("Saved as version 1."),
            Some(Saved::NewVersion { version }) => state.notify(format!("Saved as new draft version {version}; the sent version is kept as it was.")),
            None => state.notify_error("No workspace is open, so nothing was saved."),
        }
    };
    let send = move |_| {
        let choices = draft.get_untracked();
        let mut result = Err("No workspace is open.".to_string());
        update_workspace(state, |w| {
            save_draft(&mut w.contracts, choices.clone(), today());
            result = match latest_index(&w.contracts, &choices) {
                Some(index) => mark_sent(&mut w.contracts, index),
                None => Err("The draft could not be found after saving.".into()),
            };
        });
        match result {
            Ok(()) => state.notify("Marked as sent. Further changes are saved as a new version."),
            Err(error) => state.notify_error(error),
        }
    };
    let counts = move || problems.with(|p| {
        let conflicts = p.iter().filter(|x| x.severity == Severity::Conflict).count();
        (conflicts, p.len() - conflicts)
    });
    view! {
        <section class="card contract-editor" aria-labelledby="contract-editor-heading">
            <div class="table-head">
                <h2 id="contract-editor-heading">{move || draft.with(|c| format!("Terms with @{} for {}", c.creator.handle, c.campaign))}</h2>
                <div class="actions">
                    <button type="button" class="primary" on:click=save>"Save draft"</button>
                    <button type="button" on:click=send disabled=move || { counts().0 > 0 }>"Mark as sent"</button>
                    <button type="button" on:click=move |_| on_close.run(())>"Close"</button>
                </div>
            </div>
            <p class="hint">{version_line}{move || if unsaved() { " · unsaved changes" } else { "" }}</p>
            <p class=move || { if counts().0 > 0 { "contract-summary conflict" } else { "contract-summary ok" } } role="status" aria-live="polite">
                {move || match counts() {
                    (0, 0) => "No conflicts: the choices agree with each other and with the market's rules.".to_string(),
                    (0, w) => format!("No conflicts; {w} point(s) to check, shown beside the choices."),
                    (c, w) => format!("{c} conflict(s) to fix before sending{}; each is shown beside its choice.", if w > 0 { format!(", {w} point(s) to check") } else { String::new() }),
                }}
            </p>
            <div class="contract-layout">
                <form class="contract-form" on:submit=|ev| ev.prevent_default() aria-label="Contract choices">
                    <PartiesFields draft=draft problems=problems />
                    <DatesFields draft=draft problems=problems />
                    <DeliverablesFields draft=draft problems=problems />
                    <CreativeFields draft=draft problems=problems />
                    <CompensationFields draft=draft problems=problems />
                    <KillFeeFields draft=draft problems=problems />
                    <LicenceFields draft=draft problems=problems />
                    <ExclusivityFields draft=draft problems=problems />
                    <ReportingFields draft=draft problems=problems />
                </form>
                <div class="contract-preview">
                    <div class="table-tabs" role="group" aria-label="Show">
                        <button type="button" aria-pressed=move || (!term_sheet_only.get()).to_string() on:click=move |_| term_sheet_only.set(false)>"Full agreement"</button>
                        <button type="button" aria-pressed=move || term_sheet_only.get().to_string() on:click=move |_| term_sheet_only.set(true)>"Term sheet only"</button>
                    </div>
                    <DocumentView document=document file_stem=file_stem />
                </div>
            </div>
        </section>
    }
}
