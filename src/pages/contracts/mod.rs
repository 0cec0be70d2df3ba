//! Contracts: draft fair partnership terms for a creator and campaign from a few choices,
//! see conflicts as they arise, read the agreement with a plain-words note per clause, and
//! keep every sent version.

mod editor;
mod form;
mod lists;
mod stale;

use leptos::prelude::*;

use crate::widgets::data_table::{Column, DataTable};

use crate::app::clock::today;
use crate::app::files::download_text;
use crate::app::persistence::update_workspace;
use crate::app::sections::{MissingItemNote, Section, UrlSelection};
use crate::app::state::app_state;
use crate::app::undo::offer_undo;
use editor::{remember_open, remembered_open, save_pending_draft, ContractEditor, Opened};
use microplan_model::removal::{put_back, take_where};
use microplan_plan::contract::drafts::ContractDraft;
use microplan_plan::contract::drafts::{add_new_drafts, mark_signed, money_summary};
use microplan_plan::contract::versions::{find_version, VersionRef};
use microplan_plan::contract::{
    check_choices, ContractChoices, CreatorParty, DraftStatus, Severity,
};
use microplan_plan::markets::Market;
use microplan_workspace::contract_drafts::{
    campaign_handles, campaign_names, campaign_template, choices_for_creator, drafts_for_campaign,
};
use microplan_workspace::io::contract_export::export_contract_terms;

/// Writes `choices` into the version `at` (a new one when `None`). Returns where it went.
fn write_draft(
    state: crate::app::state::AppState,
    at: Option<VersionRef>,
    choices: ContractChoices,
) -> Result<(VersionRef, microplan_plan::contract::Saved), String> {
    let mut outcome = Err("No workspace is open, so nothing was saved.".to_string());
    update_workspace(state, |w| {
        outcome = microplan_plan::contract::versions::save_into(
            &mut w.contracts,
            at.as_ref(),
            choices,
            today(),
        )
        .map_err(String::from)
    });
    if let Ok((saved, _)) = &outcome {
        editor::remember_open(state, Some(saved));
    }
    outcome
}

#[component]
pub fn ContractsPage() -> impl IntoView {
    let state = app_state();
    // Setting it always re-creates the editor, so opening an agreement starts the form afresh.
    let open = RwSignal::new(None::<Opened>);
    let start =
        Callback::new(move |choices: ContractChoices| open.set(Some(Opened { choices, at: None })));
    let open_version = Callback::new(move |opened: Opened| open.set(Some(opened)));
    let selection = UrlSelection::new(Section::Contracts);
    let id_of_open = move || {
        let at = open.with_untracked(|o| o.as_ref().and_then(|o| o.at.clone()))?;
        state.workspace.with_untracked(|w| {
            let w = w.as_ref()?;
            find_version(&w.contracts, &at)
                .and_then(|i| w.contracts.get(i))
                .map(contract_item_id)
        })
    };
    // The URL names a saved version (a reload, back, forward): open it, or close the editor.
    Effect::new(move |_| {
        let wanted = selection.selected.get();
        if wanted == id_of_open() {
            return;
        }
        match wanted {
            Some(id) => {
                let found = state.workspace.with_untracked(|w| {
                    w.as_ref()?
                        .contracts
                        .iter()
                        .find(|d| contract_item_id(d) == id)
                        .map(|d| Opened {
                            choices: d.choices.clone(),
                            at: Some(VersionRef::of(d)),
                        })
                });
                if let Some(opened) = found {
                    save_pending_draft(state);
                    remember_open(state, opened.at.as_ref());
                    open.set(Some(opened));
                }
            }
            None => {
                if open.with_untracked(|o| o.as_ref().is_some_and(|o| o.at.is_some())) {
                    save_pending_draft(state);
                    remember_open(state, None);
                    open.set(None);
                }
            }
        }
    });
    // The user opened a saved version, started a new draft or closed the editor.
    Effect::new(move |_| {
        open.track();
        let id = id_of_open();
        if id != selection.selected.get_untracked() {
            selection.selected.set(id);
        }
    });
    selection.drop_missing(move |id| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.contracts.iter().any(|d| contract_item_id(d) == id))
        })
    });
    // Comes back to the version that was being edited, once the workspace is loaded; a
    // version named in the URL wins.
    let restored = StoredValue::new(false);
    Effect::new(move |_| {
        if restored.get_value() || state.workspace.with(Option::is_none) {
            return;
        }
        restored.set_value(true);
        if open.get_untracked().is_none() && selection.selected.get_untracked().is_none() {
            if let Some(opened) = remembered_open(state) {
                open.set(Some(opened));
            }
        }
    });
    view! {
        <h1 id="section-heading" tabindex="-1">"Contracts"</h1>
        <p class="lead">
            "Draft fair partnership terms a creator can read in five minutes: deliverables, creative control, \
             compensation with kill fee and makegood, a usage licence limited by channel, territory and term, \
             exclusivity, disclosure for the market and how results are reported. Every clause shows the choice \
             that produced it and what it means in plain words. It is a starting point, not legal advice."
        </p>
        <MissingItemNote selection=selection noun="agreement" />
        <SavedDrafts on_open=open_version open=open />
        <StartDraft on_start=start />
        {move || open.get().map(|opened| view! { <ContractEditor opened=opened on_close=Callback::new(move |_| open.set(None)) /> })}
    }
}

/// The id of one saved version in the URL: creator, platform, campaign (compared without case,
/// as versions are) and version number.
fn contract_item_id(draft: &ContractDraft) -> String {
    let norm = |text: &str| text.trim().trim_start_matches('@').to_lowercase();
    let choices = &draft.choices;
    format!(
        "{}~{}~{}~v{}",
        norm(&choices.creator.handle),
        norm(&choices.creator.platform),
        norm(&choices.campaign),
        draft.version
    )
}

#[component]
fn SavedDrafts(on_open: Callback<Opened>, open: RwSignal<Option<Opened>>) -> impl IntoView {
    let state = app_state();
    let rows = Memo::new(move |_| {
        state.workspace.with(|w| {
            let Some(w) = w else { return Vec::new() };
            let mut rows: Vec<(usize, String, String, String, usize, DraftStatus)> = w
                .contracts
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let conflicts = check_choices(&d.choices)
                        .iter()
                        .filter(|p| p.severity == Severity::Conflict)
                        .count();
                    (
                        i,
                        d.title(),
                        money_summary(&d.choices),
                        d.choices.market.name().to_string(),
                        conflicts,
                        d.status,
                    )
                })
                .collect();
            rows.sort_by(|a, b| a.1.cmp(&b.1));
            rows
        })
    });
    let export = move |_| {
        let csv = state.workspace.with_untracked(|w| {
            w.as_ref()
                .map(|w| export_contract_terms(&w.contracts))
                .unwrap_or_default()
        });
        match download_text("contract-key-terms.csv", &csv, "text/csv;charset=utf-8") {
            Ok(()) => state.notify("Downloaded contract-key-terms.csv."),
            Err(error) => state.notify_error(format!("Could not download the key terms: {error}.")),
        }
    };
    let open_row = move |index: usize| {
        save_pending_draft(state);
        let opened = state.workspace.with_untracked(|w| {
            w.as_ref()
                .and_then(|w| w.contracts.get(index))
                .map(|d| Opened {
                    choices: d.choices.clone(),
                    at: Some(VersionRef::of(d)),
                })
        });
        if let Some(opened) = opened {
            on_open.run(opened);
        }
    };
    // Only drafts can be deleted: a sent or signed version is the record of what was offered.
    let delete_row = move |index: usize| {
        let Some((version, title)) = state.workspace.with_untracked(|w| {
            w.as_ref()
                .and_then(|w| w.contracts.get(index))
                .filter(|d| d.status == DraftStatus::Draft)
                .map(|d| (VersionRef::of(d), d.title()))
        }) else {
            return;
        };
        if open.with_untracked(|o| o.as_ref().and_then(|o| o.at.as_ref()) == Some(&version)) {
            open.set(None);
            remember_open(state, None);
        }
        let mut taken = Vec::new();
        update_workspace(state, |w| {
            taken = take_where(&mut w.contracts, |d| version.is(d));
        });
        if !taken.is_empty() {
            offer_undo(state, format!("Deleted the draft {title}."), move |w| {
                put_back(&mut w.contracts, taken)
            });
        }
    };
    let sign_row = move |index: usize| {
        let mut result = Err("No workspace is open.".to_string());
        update_workspace(state, |w| {
            result = mark_signed(&mut w.contracts, index).map_err(String::from)
        });
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
            <p class="hint">"Every saved version. A sent or signed version never changes: open it to read it, and “Edit as new draft” to change a copy."</p>
            <Show when=move || !rows.with(|r| r.is_empty()) fallback=|| view! { <p class="empty">"No agreements saved yet."</p> }>
                <DataTable testid="saved-contracts" columns=vec![
                    Column::text("Agreement"),
                    Column::text("Money"),
                    Column::text("Market"),
                    Column::text("Conflicts"),
                    Column::unseen("Actions"),
                ]>
                            {move || rows.get().into_iter().map(|(index, title, money, market, conflicts, status)| view! {
                                <tr>
                                    <td>{title.clone()}</td>
                                    <td>{money}</td>
                                    <td>{market}</td>
                                    <td class="numeric">{if conflicts == 0 { "none".to_string() } else { conflicts.to_string() }}</td>
                                    <td class="actions">
                                        <button type="button" class="small" aria-label=format!("Open {title}") on:click=move |_| open_row(index)>"Open"</button>
                                        {(status == DraftStatus::Sent).then(|| view! {
                                            <button type="button" class="small" aria-label=format!("Mark {title} as signed") on:click=move |_| sign_row(index)>"Mark signed"</button>
                                        })}
                                        {(status == DraftStatus::Draft).then(|| view! {
                                            <button type="button" class="small danger" aria-label=format!("Delete {title}") on:click=move |_| delete_row(index)>"Delete"</button>
                                        })}
                                    </td>
                                </tr>
                            }).collect_view()}
                </DataTable>
            </Show>
        </section>
    }
}

#[component]
fn StartDraft(on_start: Callback<ContractChoices>) -> impl IntoView {
    let state = app_state();
    let campaigns = Memo::new(move |_| {
        state
            .workspace
            .with(|w| w.as_ref().map(campaign_names).unwrap_or_default())
    });
    let creators = Memo::new(move |_| {
        state.workspace.with(|w| {
            let mut list: Vec<(String, String)> = w
                .as_ref()
                .map(|w| {
                    w.creators
                        .iter()
                        .map(|c| {
                            (
                                c.handle.clone(),
                                format!(
                                    "@{} ({}, {})",
                                    c.handle,
                                    c.platform,
                                    c.country.as_deref().unwrap_or("country unknown")
                                ),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            list.sort();
            list
        })
    });
    let handle = RwSignal::new(String::new());
    // A few suggestions that match what is typed: thousands of options would take the page
    // tens of milliseconds to build and nobody scrolls them.
    let suggestions = Memo::new(move |_| {
        handle.with(|typed| creators.with(|list| matching_creators(list, typed)))
    });
    let brand = RwSignal::new(state.workspace.with_untracked(|w| {
        w.as_ref()
            .map(|w| {
                w.contracts
                    .last()
                    .map(|d| d.choices.brand.name.clone())
                    .unwrap_or_else(|| w.name.trim_start_matches("Demo: ").to_string())
            })
            .unwrap_or_default()
    }));
    let campaign = RwSignal::new(
        campaigns
            .get_untracked()
            .first()
            .cloned()
            .unwrap_or_default(),
    );
    let in_campaign = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| campaign_handles(w, &campaign.get()).len())
                .unwrap_or(0)
        })
    });
    let template = move || {
        state.workspace.with_untracked(|w| {
            w.as_ref()
                .map(|w| {
                    campaign_template(
                        w,
                        &campaign.get_untracked(),
                        &brand.get_untracked(),
                        today(),
                    )
                })
                .unwrap_or_else(|| {
                    ContractChoices::new(
                        &campaign.get_untracked(),
                        &brand.get_untracked(),
                        CreatorParty::default(),
                        Market::Uk,
                        today(),
                    )
                })
        })
    };
    let start_one = move |_| {
        let picked = handle.get_untracked();
        if picked.is_empty() {
            state.notify_error("Pick a creator first.");
            return;
        }
        let choices = state.workspace.with_untracked(|w| {
            w.as_ref()
                .and_then(|w| choices_for_creator(w, &picked, &template()))
        });
        match choices {
            Some(choices) => on_start.run(choices),
            None => state.notify_error(format!("@{picked} is not in this workspace any more.")),
        }
    };
    let start_all = move |_| {
        let name = campaign.get_untracked();
        let drafted = state.workspace.with_untracked(|w| {
            w.as_ref()
                .map(|w| drafts_for_campaign(w, &name, &template()))
                .unwrap_or_default()
        });
        if drafted.is_empty() {
            state.notify_error(format!("No creator takes part in “{name}” yet: add them to its results or gifting list first."));
            return;
        }
        let mut outcome = (0, 0);
        update_workspace(state, |w| {
            outcome = add_new_drafts(&mut w.contracts, drafted, today())
        });
        state.notify(format!(
            "Drafted {} agreement(s) for “{name}”; {} creator(s) already had one, kept as it was.",
            outcome.0, outcome.1
        ));
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
                    // A searchable field: a list of thousands of creators is unusable as a dropdown.
                    <input id="start-creator" type="text" list="contract-creators" autocomplete="off"
                        placeholder="Type a handle or pick one" aria-describedby="start-creator-hint"
                        on:input=move |ev| handle.set(event_target_value(&ev).trim().trim_start_matches('@').to_string()) />
                    <datalist id="contract-creators">
                        {move || suggestions.get().into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
                    </datalist>
                    <span class="hint" id="start-creator-hint">{format!("Suggestions narrow as you type (the first {SUGGESTIONS} matches of handle, platform or country).")}</span>
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

/// How many creators the picker suggests at once.
const SUGGESTIONS: usize = 50;

/// The first [`SUGGESTIONS`] creators whose handle or description contains `typed`
/// (ignoring case and a leading `@`), in the list's order.
fn matching_creators(creators: &[(String, String)], typed: &str) -> Vec<(String, String)> {
    let needle = typed.trim().trim_start_matches('@').to_lowercase();
    creators
        .iter()
        .filter(|(_, text)| needle.is_empty() || text.to_lowercase().contains(&needle))
        .take(SUGGESTIONS)
        .cloned()
        .collect()
}
