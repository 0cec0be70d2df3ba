//! Regional holdout (geo) tests read with a synthetic control: import a regional series,
//! pick the treated regions and the launch date, and see the result below (see
//! `geo_results`). The method in plain words sits in the card's explanation.

use leptos::prelude::*;

use super::geo_results::GeoResults;
use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use crate::widgets::live_fields::Field;
use microplan_model::iso_date::parse_iso_date;
use microplan_uplift::geo::{GeoEstimator, GeoTest};

#[component]
pub fn GeoTestsCard() -> impl IntoView {
    let state = app_state();
    let test_name = RwSignal::new(String::new());
    let names = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.geo_tests
                        .iter()
                        .map(|t| t.name.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
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
        let name = test_name.get_untracked().trim().to_string();
        leptos::task::spawn_local(async move {
            let read = match crate::app::files::read_file_bytes(&file).await {
                Ok(bytes) => microplan_workspace::io::columns_geo::read_geo_series(&bytes)
                    .map_err(String::from),
                Err(e) => Err(e),
            };
            match read {
                Ok(import) => {
                    let summary = format!(
                        "Imported “{name}”: {} regions over {} dates ({}){}.",
                        microplan_model::money::group_thousands(import.regions as u64),
                        microplan_model::money::group_thousands(import.dates as u64),
                        import.metric,
                        if import.notes.is_empty() {
                            String::new()
                        } else {
                            format!("; {}", import.notes.join("; "))
                        }
                    );
                    update_workspace(state, |w| {
                        let regions_of = |t: &GeoTest| t.regions();
                        match w.geo_tests.iter_mut().find(|t| t.name == name) {
                            // A new file for the same test keeps the treated regions it still has.
                            Some(test) => {
                                test.points = import.points;
                                test.metric = import.metric;
                                let regions = regions_of(test);
                                test.treated_regions.retain(|r| regions.contains(r));
                            }
                            None => w.geo_tests.push(GeoTest {
                                name: name.clone(),
                                metric: import.metric,
                                launch_date: None,
                                treated_regions: Vec::new(),
                                points: import.points,
                                ..GeoTest::default()
                            }),
                        }
                    });
                    state.notify(summary);
                }
                Err(e) => state.notify_error(format!(
                    "The regional series could not be imported: {e}. Nothing was changed."
                )),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="geo-heading" data-testid="geo-tests">
            <h2 id="geo-heading">"Regional holdout tests (synthetic control)"</h2>
            <p class="hint">
                "Creators ran in some regions and others were held back? Import one series per region \
                 (orders, revenue or sign-ups by date), pick the regions that got the creators and the \
                 launch date, and the held-back regions are weighted into a synthetic version of the \
                 treated ones. The gap after launch is the lift."
            </p>
            <GeoMethodNote />
            <div class="field-grid">
                <Field id="geo-test-name" label="Test name" value=test_name text=true />
                <span class="field">
                    <label for="geo-file">"Regional series CSV"</label>
                    <input id="geo-file" type="file" accept=".csv,text/csv,text/plain"
                        disabled=move || test_name.get().trim().is_empty() on:change=on_file />
                    <span class="hint">"Long (Region, Date, Orders) or wide (Date, one column per region)."</span>
                </span>
            </div>
        </section>
        {move || names.get().into_iter().map(|name| view! { <GeoTestView name=name /> }).collect_view()}
    }
}

/// The method, its assumptions and when to prefer it, in plain words.
#[component]
fn GeoMethodNote() -> impl IntoView {
    view! {
        <details class="explain">
            <summary>"How the synthetic control works, and when to use it"</summary>
            <p>"Before launch, Microplan finds weights for the held-back regions (each 0 or more, adding up to 100%) so that their weighted mix follows the treated regions as closely as possible, date by date (least squares on the outcome itself; several treated regions are averaged first). After launch the same mix is what the treated regions would most likely have done without the creators; the gap between the two is the lift (Abadie, Diamond & Hainmueller 2010)."</p>
            <p>"Is the gap more than noise? Each held-back region in turn is treated as if it had got the creators and fitted from the others. If the treated regions' gap after launch, relative to their fit before (post/pre RMSPE), is larger than almost every placebo's, the lift is unlikely to be chance: the p-value is their rank among all regions. With 19 held-back regions the smallest possible p-value is 1/20 = 0.05, so hold back 20 or more when you can."</p>
            <p>"It assumes that the held-back regions were not touched by the campaign (no spill-over from creators whose followers live there), that nothing else changed only in the treated regions at launch, and that the treated regions sit inside the range of the held-back ones (a mix cannot exceed its largest region). If the pre-period fit is poor, the gap means little and the app says so."</p>
            <p>"When no mix of held-back regions can follow the treated ones closely (they sit at the edge of the range), choose “Augmented (ridge)” (Ben-Michael, Feller & Rothstein 2021): a ridge regression on the pre-period corrects what the mix still misses, so single weights may turn negative. Its penalty is chosen by leaving one pre-period date out at a time, unless you set it. The placebo test then uses the same estimator for every held-back region."</p>
            <p>"Prefer it to difference in differences when only a few regions are treated and the regions do not move in parallel: difference in differences compares against the plain average of the controls and needs parallel trends; the synthetic control picks the controls that actually tracked the treated regions. Use difference in differences when you have many treated and control units and the trends are parallel."</p>
        </details>
    }
}

/// One geo test: its setup (treated regions, launch date) and its result.
#[component]
fn GeoTestView(name: String) -> impl IntoView {
    let state = app_state();
    let name = StoredValue::new(name);
    let test = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref().and_then(|w| {
                w.geo_tests
                    .iter()
                    .find(|t| t.name == name.get_value())
                    .cloned()
            })
        })
    });
    let regions =
        Memo::new(move |_| test.with(|t| t.as_ref().map(GeoTest::regions).unwrap_or_default()));
    let change = move |edit: Box<dyn FnOnce(&mut GeoTest)>| {
        update_workspace(state, |w| {
            if let Some(t) = w.geo_tests.iter_mut().find(|t| t.name == name.get_value()) {
                edit(t);
            }
        });
    };
    let stem = crate::app::files::safe_file_stem(&name.get_value());
    let launch_id = format!("geo-launch-{stem}");
    let estimator_id = format!("geo-estimator-{stem}");
    let penalty_id = format!("geo-penalty-{stem}");
    let remove = move |_| {
        let mut removed = Vec::new();
        update_workspace(state, |w| {
            removed = microplan_model::removal::take_where(&mut w.geo_tests, |t| {
                t.name == name.get_value()
            })
        });
        crate::app::undo::offer_undo(
            state,
            format!("Deleted the regional test “{}”.", name.get_value()),
            move |w| {
                microplan_model::removal::put_back(&mut w.geo_tests, removed);
            },
        );
    };
    view! {
        <section class="card" aria-label=format!("Regional test {}", name.get_value()) data-testid="geo-test">
            <h2>{format!("{} (regional test)", name.get_value())}</h2>
            <fieldset class="geo-regions">
                <legend>"Treated regions (where the creators ran)"</legend>
                {move || regions.get().into_iter().enumerate().map(|(index, region)| {
                    let id = format!("geo-treated-{stem}-{index}");
                    let checked_region = region.clone();
                    let toggled = region.clone();
                    view! {
                        <span class="geo-region">
                            <input id=id.clone() type="checkbox"
                                prop:checked=move || test.with(|t| t.as_ref().is_some_and(|t| t.treated_regions.contains(&checked_region)))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let region = toggled.clone();
                                    change(Box::new(move |t| {
                                        t.treated_regions.retain(|r| *r != region);
                                        if on {
                                            t.treated_regions.push(region);
                                        }
                                    }));
                                } />
                            <label for=id>{region}</label>
                        </span>
                    }
                }).collect_view()}
            </fieldset>
            <div class="field-grid">
                <span class="field">
                    <label for=launch_id.clone()>"Launch date (first date of the campaign)"</label>
                    <input id=launch_id type="date"
                        prop:value=move || test.with(|t| t.as_ref().and_then(|t| t.launch_date).map(|d| d.to_string()).unwrap_or_default())
                        on:change=move |ev| {
                            let date = parse_iso_date(&event_target_value(&ev));
                            change(Box::new(move |t| t.launch_date = date));
                        } />
                </span>
                <span class="field">
                    <label for=estimator_id.clone()>"Estimator"</label>
                    <select id=estimator_id on:change=move |ev| {
                        let estimator = if event_target_value(&ev) == "augmented" { GeoEstimator::AugmentedRidge } else { GeoEstimator::SyntheticControl };
                        change(Box::new(move |t| t.estimator = estimator));
                    }>
                        <option value="synthetic" prop:selected=move || test.with(|t| t.as_ref().is_some_and(|t| t.estimator == GeoEstimator::SyntheticControl))>{GeoEstimator::SyntheticControl.label()}</option>
                        <option value="augmented" prop:selected=move || test.with(|t| t.as_ref().is_some_and(|t| t.estimator == GeoEstimator::AugmentedRidge))>{GeoEstimator::AugmentedRidge.label()}</option>
                    </select>
                </span>
                <span class="field">
                    <label for=penalty_id.clone()>"Ridge penalty (share of λmax; blank: cross-validated)"</label>
                    <input id=penalty_id type="text" inputmode="decimal"
                        prop:value=move || test.with(|t| t.as_ref().and_then(|t| t.ridge_penalty).map(|p| p.to_string()).unwrap_or_default())
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            let text = text.trim();
                            if text.is_empty() {
                                change(Box::new(|t| t.ridge_penalty = None));
                            } else {
                                match text.replace(',', ".").parse::<f64>() {
                                    Ok(p) if p > 0.0 && p.is_finite() => change(Box::new(move |t| t.ridge_penalty = Some(p))),
                                    _ => state.notify_error(format!("Ridge penalty: `{text}` is not a number above 0; leave it blank to choose it by cross-validation.")),
                                }
                            }
                        } />
                </span>
            </div>
            {move || test.get().map(|t| view! { <GeoResults test=t /> })}
            <p><button type="button" class="small" on:click=remove>"Delete this regional test"</button></p>
        </section>
    }
}
