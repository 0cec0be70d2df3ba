//! Saved activations of a community: roster and outcomes, the logistics timeline with CSV and
//! calendar downloads, and the review of what happened against the plan.

use leptos::prelude::*;

use super::planner::{estimate_text, percent, PlannerForm};
use super::{communities_context, static_table};
use crate::app::clock::today;
use crate::app::files::{download_text, safe_file_stem};
use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use crate::app::undo::offer_undo;
use microplan_model::iso_date::parse_iso_date;
use microplan_model::removal::{put_back, take_where};
use microplan_plan::activation::history::{review_activation, ActivationReview};
use microplan_plan::activation::ics::activation_calendar;
use microplan_plan::activation::logistics::{activation_timeline, recipients, TimelineEvent};
use microplan_plan::activation::roster::roster_chance;
use microplan_plan::activation::{records_of, same_name, ActivationPlan, GiftingRecord};
use microplan_workspace::activation_edits::{fill_roster, set_outcome};

/// The current time in UTC, for the calendar's DTSTAMP.
fn now_utc() -> chrono::NaiveDateTime {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    .and_then(|d| {
        d.and_hms_opt(
            now.get_utc_hours(),
            now.get_utc_minutes(),
            now.get_utc_seconds(),
        )
    })
    .unwrap_or_default()
}

#[component]
pub fn ActivationList(community: String) -> impl IntoView {
    let state = app_state();
    let of = community.clone();
    let names = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|w| {
                    let mut plans: Vec<&ActivationPlan> = w
                        .activation_plans
                        .iter()
                        .filter(|p| same_name(&p.community, &of))
                        .collect();
                    plans.sort_by_key(|p| std::cmp::Reverse(p.window_start));
                    plans
                        .into_iter()
                        .map(|p| p.name.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section aria-labelledby="activations-heading">
            <h2 id="activations-heading">{format!("Activations of {community}")}</h2>
            {move || if names.get().is_empty() {
                view! { <p class="card empty">"No saved activations yet: plan one above and save it."</p> }.into_any()
            } else {
                names.get().into_iter().map(|name| view! { <ActivationCard name=name /> }).collect_view().into_any()
            }}
        </section>
    }
}

#[component]
fn ActivationCard(name: String) -> impl IntoView {
    let state = app_state();
    let context = communities_context();
    let form = expect_context::<PlannerForm>();
    let key = name.clone();
    let data = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref().and_then(|w| {
                let plan = w.activation_plans.iter().find(|p| p.name == key)?.clone();
                let roster: Vec<GiftingRecord> = records_of(&w.gifting_history, &plan.name)
                    .cloned()
                    .collect();
                let people = recipients(&plan, &w.gifting_history, &w.creators);
                let timeline = activation_timeline(&plan, &people);
                let review = review_activation(&plan, &w.gifting_history, 0.9);
                let countries: Vec<Option<String>> =
                    people.iter().map(|p| p.country.clone()).collect();
                let chance = roster_chance(&plan, &w.gifting_history)
                    .ok()
                    .filter(|c| !c.members.is_empty());
                Some((plan, roster, countries, timeline, review, chance))
            })
        })
    });
    let stem = StoredValue::new(safe_file_stem(&name));
    let download = move |calendar: bool| {
        let Some((plan, _, _, Ok(events), _, _)) = data.get_untracked() else {
            return state.notify_error("This plan has no timeline: check its window dates.");
        };
        let (file, text, mime) = if calendar {
            (
                format!("{}.ics", stem.get_value()),
                activation_calendar(&plan, &events, now_utc()),
                "text/calendar;charset=utf-8",
            )
        } else {
            (
                format!("{}-timeline.csv", stem.get_value()),
                microplan_workspace::io::activation_export::timeline_csv(&events),
                "text/csv;charset=utf-8",
            )
        };
        match download_text(&file, &text, mime) {
            Ok(()) => state.notify(format!("Downloaded {file}.")),
            Err(error) => state.notify_error(error),
        }
    };
    let plan_name = StoredValue::new(name.clone());
    let fill = move |_| {
        let audits = context.audits.get_untracked();
        let mut added = 0;
        update_workspace(state, |w| {
            added = fill_roster(w, &plan_name.get_value(), &audits)
        });
        state.notify(if added == 0 {
            "The roster is full already (or the community has no one left to add).".to_string()
        } else {
            format!("Added {added} creators to the roster.")
        });
    };
    let delete = move |_| {
        let name = plan_name.get_value();
        let mut plans = Vec::new();
        let mut roster = Vec::new();
        update_workspace(state, |w| {
            plans = take_where(&mut w.activation_plans, |p| same_name(&p.name, &name));
            roster = take_where(&mut w.gifting_history, |r| same_name(&r.activation, &name));
        });
        let text = match roster.len() {
            0 => format!("Deleted the plan “{name}”; it had no roster."),
            1 => format!("Deleted the plan “{name}” and its roster of 1 creator (with the posting history behind the learnt posting rate)."),
            n => format!("Deleted the plan “{name}” and its roster of {} creators (with the posting history behind the learnt posting rate).", microplan_model::money::group_thousands(n as u64)),
        };
        offer_undo(state, text, move |w| {
            put_back(&mut w.activation_plans, plans);
            put_back(&mut w.gifting_history, roster);
        });
    };
    move || {
        data.get().map(|(plan, roster, countries, timeline, review, chance)| {
        let past = plan.is_past(today());
        let loaded = plan.clone();
        let heading_id = format!("activation-{}", stem.get_value());
        let labelled_by = heading_id.clone();
        view! {
            <article class="card activation" aria-labelledby=labelled_by>
                <div class="table-head">
                    <h3 id=heading_id>{plan.name.clone()}</h3>
                    <span class=if past { "badge" } else { "badge soon" }>{if past { "past" } else { "planned" }}</span>
                    <div class="actions">
                        <button type="button" on:click=move |_| form.load(&loaded)>"Open in planner"</button>
                        <button type="button" on:click=delete>"Delete plan"</button>
                    </div>
                </div>
                <p>{format!("Window {} to {} ({} days); goal {} posts with {} paid and {} gifted (posting rate {}, confidence {}).",
                    microplan_model::format::date(plan.window_start), microplan_model::format::date(plan.window_end), plan.window_days(), plan.target_posts, plan.paid_creators, plan.gifted_creators,
                    percent(plan.posting_rate), percent(plan.confidence))}</p>
                {match review {
                    Ok(review) if review.outcome_unknown < review.gifted_sent + review.paid || past => view! { <ReviewPanel review=review /> }.into_any(),
                    Ok(_) => ().into_any(),
                    Err(error) => view! { <p class="error-text">{error.to_string()}</p> }.into_any(),
                }}
                <details class="roster" open=!past>
                    <summary>{format!("Roster: {}", microplan_model::format::plural(roster.len() as u64, "creator", "creators"))}</summary>
                    <div class="actions">
                        <button type="button" on:click=fill>"Fill the roster from the community"</button>
                        <span class="hint">"Adds active members not yet on it, best audit score first; the best become the paid creators."</span>
                    </div>
                    {(!past).then(|| chance.as_ref().map(|c| view! {
                        <p class="callout plan-note roster-chance">{format!(
                            "With this roster: {} chance of at least {} posts, {:.1} posts expected. Each gifted creator's chance is their own \
                             record in other activations, shrunk towards the plan's {} (two gifts move it halfway); paid creators count as certain.",
                            percent(c.chance), plan.target_posts, c.expected_posts, percent(plan.posting_rate))}</p>
                    }))}
                    <RosterTable plan=plan.name.clone() roster=roster countries=countries
                        chances=chance.map(|c| c.members.into_iter().map(|m| m.probability).collect()).unwrap_or_default() />
                </details>
                {match timeline {
                    Ok(events) => view! { <TimelineTable events=events /> }.into_any(),
                    Err(error) => view! { <p class="error-text">{error.to_string()}</p> }.into_any(),
                }}
                <div class="actions">
                    <button type="button" on:click=move |_| download(false)>"Download timeline (CSV)"</button>
                    <button type="button" on:click=move |_| download(true)>"Download calendar (.ics)"</button>
                    <span class="hint">"The calendar file opens in Google Calendar, Outlook or Apple Calendar; each step is an all-day event."</span>
                </div>
            </article>
        }
    })
    }
}

fn posts(n: u64) -> String {
    if n == 1 {
        "1 post".into()
    } else {
        format!("{n} posts")
    }
}

#[component]
fn ReviewPanel(review: ActivationReview) -> impl IntoView {
    let verdict = if review.cluster_happened {
        format!(
            "The community effect happened: {} posts inside the window, goal {}.",
            review.posts_in_window, review.target_posts
        )
    } else {
        format!(
            "The window cluster did not happen: {} posts inside the window, goal {}.",
            review.posts_in_window, review.target_posts
        )
    };
    view! {
        <div class="review">
            <p class=if review.cluster_happened { "verdict scale" } else { "verdict keep" }>{verdict}</p>
            <dl class="review-grid">
                <dt>"Inside the window"</dt><dd>{format!("{} ({} gifted, {} paid)", posts(review.posts_in_window), review.gifted_in_window, review.posts_in_window - review.gifted_in_window)}</dd>
                <dt>"Outside the window"</dt><dd>{format!("{} (before, after or undated)", posts(review.posts_outside_window))}</dd>
                <dt>"No post"</dt><dd>{format!("{}; {} not known yet", microplan_model::format::plural(review.no_post, "creator", "creators"), review.outcome_unknown)}</dd>
                <dt>"The plan said"</dt><dd>{format!("{:.1} posts expected, {} chance of the goal with the {} sent", review.planned_expected_posts, percent(review.planned_probability), review.gifted_sent + review.paid)}</dd>
                <dt>"Posting rate learnt"</dt><dd>{review.estimate.as_ref().map(estimate_text).unwrap_or_else(|| "no gifted outcome recorded yet".into())}</dd>
            </dl>
        </div>
    }
}

#[component]
fn RosterTable(
    plan: String,
    roster: Vec<GiftingRecord>,
    countries: Vec<Option<String>>,
    chances: Vec<f64>,
) -> impl IntoView {
    let state = app_state();
    let plan = StoredValue::new(plan);
    view! {
        <div class="table-scroll">
            <table>
                <thead><tr><th>"Creator"</th><th>"Deal"</th><th>"Country"</th><th class="numeric">"Chance of posting"</th><th>"Posted?"</th><th>"Posted on"</th><th><span class="visually-hidden">"Actions"</span></th></tr></thead>
                <tbody>
                    {roster.into_iter().zip(countries).enumerate().map(|(index, (record, country))| {
                        let chance = chances.get(index).map(|p| percent(*p)).unwrap_or_else(|| "-".into());
                        let handle = StoredValue::new(record.handle.clone());
                        let posted_id = format!("posted-{}-{}", safe_file_stem(&plan.get_value()), record.handle);
                        let date_id = format!("{posted_id}-on");
                        let posted_on = record.posted_on;
                        let choose = move |ev: leptos::ev::Event| {
                            let posted = match event_target_value(&ev).as_str() { "yes" => Some(true), "no" => Some(false), _ => None };
                            update_workspace(state, |w| set_outcome(w, &plan.get_value(), &handle.get_value(), posted, posted_on));
                        };
                        let posted = record.posted;
                        let set_date = move |ev: leptos::ev::Event| {
                            let date = parse_iso_date(event_target_value(&ev).trim());
                            update_workspace(state, |w| set_outcome(w, &plan.get_value(), &handle.get_value(), posted.or(Some(true)), date));
                        };
                        view! {
                            <tr>
                                <td>{format!("@{}", record.handle)}</td>
                                <td>{record.arrangement.as_str()}</td>
                                <td>{country.unwrap_or_else(|| "-".into())}</td>
                                <td class="numeric">{chance}</td>
                                <td>
                                    <label class="visually-hidden" for=posted_id.clone()>{format!("Did @{} post?", record.handle)}</label>
                                    <select id=posted_id on:change=choose>
                                        <option value="" selected=record.posted.is_none()>"not known"</option>
                                        <option value="yes" selected=record.posted == Some(true)>"yes"</option>
                                        <option value="no" selected=record.posted == Some(false)>"no"</option>
                                    </select>
                                </td>
                                <td>
                                    <label class="visually-hidden" for=date_id.clone()>{format!("When @{} posted", record.handle)}</label>
                                    <input id=date_id type="date" value=record.posted_on.map(|d| d.to_string()).unwrap_or_default() on:change=set_date />
                                </td>
                                <td><button type="button" class="small" aria-label=format!("Take @{} off the roster", record.handle)
                                    on:click=move |_| take_off_roster(state, plan.get_value(), handle.get_value())>"Remove"</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn TimelineTable(events: Vec<TimelineEvent>) -> impl IntoView {
    view! {
        <details class="timeline">
            <summary>{format!("Logistics timeline: {} steps", events.len())}</summary>
            <p class="hint">"Parcels leave so that all arrive on the same day; the brief goes out a week before the first parcel; reminders fall two days before the window, halfway and two days before it closes."</p>
            {static_table("timeline-table", &[("Date", false), ("Step", false), ("Details", false)],
                events.into_iter().map(|e| vec![e.date.to_string(), e.title, e.details]).collect(), false)}
        </details>
    }
}

/// Takes a creator off a plan's roster, with their posting record, and offers to undo it.
fn take_off_roster(state: crate::app::state::AppState, plan: String, handle: String) {
    let mut taken = Vec::new();
    update_workspace(state, |w| {
        taken = take_where(&mut w.gifting_history, |r| {
            same_name(&r.activation, &plan) && same_name(&r.handle, &handle)
        });
    });
    if !taken.is_empty() {
        offer_undo(
            state,
            format!("Took @{handle} off the roster of “{plan}”."),
            move |w| put_back(&mut w.gifting_history, taken),
        );
    }
}
