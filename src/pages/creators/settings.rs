//! Audit settings, saved with the workspace: weights per objective (editable, reset to the
//! preset), recent posts, tier boundaries, the tier benchmark table with its source, the
//! target categories and the target persona for audience fit.

use leptos::prelude::*;

use super::{edit_settings, CreatorsContext};
use crate::app::state::app_state;
use microplan_audit::tiers::{BenchmarkTable, TierBenchmark, TierBoundaries};
use microplan_audit::{AuditSettings, ComponentKind, Objective, Tier, Weights};

fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// A labelled number input; an unreadable or negative entry is refused with a message.
#[component]
fn NumberField(
    id: String,
    label: String,
    value: Signal<f64>,
    on_set: Callback<f64>,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let state = app_state();
    let name = label.clone();
    let change = move |ev: leptos::ev::Event| match event_target_value(&ev)
        .trim()
        .replace(',', ".")
        .parse::<f64>()
    {
        Ok(v) if v.is_finite() && v >= 0.0 => on_set.run(v),
        _ => state.notify_error(format!("{name}: write a number of 0 or more.")),
    };
    view! {
        <span class="field">
            <label for=id.clone()>{label}</label>
            <input id=id type="number" min="0" step="any" prop:value=move || format!("{}", value.get()) on:change=change />
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
        </span>
    }
}

/// A labelled text input for a list separated by commas or semicolons.
#[component]
fn ListField(
    id: &'static str,
    label: &'static str,
    value: Signal<String>,
    on_set: Callback<Vec<String>>,
    placeholder: &'static str,
) -> impl IntoView {
    view! {
        <span class="field wide">
            <label for=id>{label}</label>
            <input id=id type="text" placeholder=placeholder prop:value=value
                on:change=move |ev| on_set.run(split_list(&event_target_value(&ev))) />
        </span>
    }
}

#[component]
pub fn AuditSettingsCard() -> impl IntoView {
    let state = app_state();
    let settings = expect_context::<CreatorsContext>().settings;
    let read = move |f: fn(&AuditSettings) -> f64| Signal::derive(move || settings.with(f));
    let list = move |f: fn(&AuditSettings) -> &Vec<String>| {
        Signal::derive(move || settings.with(|s| f(s).join(", ")))
    };
    let objective = move |ev| {
        let picked = event_target_value(&ev);
        if let Some(found) = Objective::ALL.into_iter().find(|o| o.as_str() == picked) {
            edit_settings(state, move |s| {
                s.objective = found;
                s.weights = Weights::preset(found);
            });
        }
    };
    let weight_fields = ComponentKind::ALL.into_iter().map(|kind| view! {
        <NumberField
            id=format!("weight-{}", kind.as_str())
            label=kind.label().to_string()
            value=Signal::derive(move || settings.with(|s| s.weights.get(kind)))
            on_set=Callback::new(move |v| edit_settings(state, move |s| s.weights.set(kind, v)))
        />
    }).collect_view();
    let tier_field = |id: &str,
                      label: &str,
                      get: fn(&TierBoundaries) -> u64,
                      set: fn(&mut TierBoundaries, u64)| {
        view! {
            <NumberField id=id.to_string() label=label.to_string()
                value=Signal::derive(move || settings.with(|s| get(&s.tiers) as f64))
                on_set=Callback::new(move |v: f64| edit_settings(state, move |s| set(&mut s.tiers, v.round().min(1e15) as u64))) />
        }
    };
    let benchmark_fields = Tier::ALL.into_iter().map(|tier| view! {
        <NumberField
            id=format!("benchmark-{}", tier.as_str())
            label=format!("{} rate (%)", tier.as_str())
            value=Signal::derive(move || settings.with(|s| s.benchmarks.typical_rate(tier).map_or(0.0, |r| (r * 1e6).round() / 1e4)))
            on_set=Callback::new(move |v: f64| edit_settings(state, move |s| {
                s.benchmarks.rows.retain(|r| r.tier != tier);
                if v > 0.0 {
                    s.benchmarks.rows.push(TierBenchmark { tier, typical_rate: v / 100.0 });
                }
            }))
        />
    }).collect_view();
    let edited = move || settings.with(|s| s.weights != Weights::preset(s.objective));
    view! {
        <section class="card" aria-labelledby="settings-heading">
            <details>
                <summary><h2 id="settings-heading" class="inline">"Audit settings"</h2>
                    <span class="hint">" weights, recent posts, tiers, benchmarks, targets — saved with this workspace"</span></summary>
                <h3>"Weights"</h3>
                <p class="hint">
                    "Relative weights: each component counts its weight over the total of the components \
                     that have data. Pick an objective for its preset, then adjust."
                    {move || edited().then_some(" These weights are edited.")}
                </p>
                <div class="filters">
                    <span class="field">
                        <label for="audit-objective">"Weights for objective"</label>
                        <select id="audit-objective" on:change=objective>
                            {Objective::ALL.into_iter().map(|o| view! {
                                <option value=o.as_str() selected=move || settings.with(|s| s.objective == o)>{o.as_str()}</option>
                            }).collect_view()}
                        </select>
                    </span>
                    <button on:click=move |_| edit_settings(state, |s| s.weights = Weights::preset(s.objective))>"Reset weights to preset"</button>
                </div>
                <p class="hint" id="objective-reasoning">{move || settings.with(|s| s.objective.reasoning())}</p>
                <div class="settings-grid">{weight_fields}</div>
                <h3>"Posts and tiers"</h3>
                <div class="settings-grid">
                    <NumberField id="recent-posts".to_string() label="Recent posts used (N)".to_string()
                        value=read(|s| s.recent_posts as f64)
                        on_set=Callback::new(move |v: f64| edit_settings(state, move |s| s.recent_posts = (v.round() as usize).clamp(1, 1000)))
                        hint="Rates use the N most recent posts." />
                    {tier_field("tier-micro", "Micro from (followers)", |t| t.micro_from, |t, v| t.micro_from = v)}
                    {tier_field("tier-mid", "Mid from", |t| t.mid_from, |t, v| t.mid_from = v)}
                    {tier_field("tier-macro", "Macro from", |t| t.macro_from, |t, v| t.macro_from = v)}
                    {tier_field("tier-mega", "Mega from", |t| t.mega_from, |t, v| t.mega_from = v)}
                </div>
                <div class="filters">
                    <span class="field wide">
                        <label for="tier-source">"Tier boundaries source"</label>
                        <input id="tier-source" type="text" prop:value=move || settings.with(|s| s.tiers.source.clone())
                            on:change=move |ev| { let v = event_target_value(&ev); edit_settings(state, move |s| s.tiers.source = v) } />
                    </span>
                    <NumberField id="tier-year".to_string() label="Tier boundaries year".to_string()
                        value=read(|s| f64::from(s.tiers.year))
                        on_set=Callback::new(move |v: f64| edit_settings(state, move |s| s.tiers.year = v.round().clamp(0.0, 9999.0) as u16)) />
                    <button on:click=move |_| edit_settings(state, |s| s.tiers = TierBoundaries::default())>"Reset tiers"</button>
                </div>
                <p class="hint">"A creator's tier is the highest tier whose lower bound their followers reach. \
                    If you change the boundaries, say where the new ones come from."</p>
                <h3>"Tier benchmark: typical engagement rate by followers"</h3>
                <div class="settings-grid">{benchmark_fields}</div>
                <div class="filters">
                    <span class="field wide">
                        <label for="benchmark-source">"Benchmark source"</label>
                        <input id="benchmark-source" type="text" prop:value=move || settings.with(|s| s.benchmarks.source.clone())
                            on:change=move |ev| { let v = event_target_value(&ev); edit_settings(state, move |s| s.benchmarks.source = v) } />
                    </span>
                    <NumberField id="benchmark-year".to_string() label="Benchmark year".to_string()
                        value=read(|s| f64::from(s.benchmarks.year))
                        on_set=Callback::new(move |v: f64| edit_settings(state, move |s| s.benchmarks.year = v.round().clamp(0.0, 9999.0) as u16)) />
                </div>
                <p class="hint">{move || settings.with(|s| s.benchmarks.note.clone())}</p>
                <div class="filters">
                    <button on:click=move |_| edit_settings(state, |s| s.benchmarks = BenchmarkTable::default())>"Use the default table"</button>
                    <button on:click=move |_| edit_settings(state, |s| s.benchmarks = BenchmarkTable::hypeauditor_2026_instagram())>"Use HypeAuditor 2026 (Instagram)"</button>
                </div>
                <h3>"Targets"</h3>
                <p class="hint">"Category fit and audience fit drop out of the score until targets are set."</p>
                <div class="filters">
                    <ListField id="target-categories" label="Target categories" value=list(|s| &s.target_categories)
                        placeholder="sourdough, baking"
                        on_set=Callback::new(move |v| edit_settings(state, move |s| s.target_categories = v)) />
                    <ListField id="persona-themes" label="Persona themes" value=list(|s| &s.persona.themes)
                        placeholder="trail running, outdoor"
                        on_set=Callback::new(move |v| edit_settings(state, move |s| s.persona.themes = v)) />
                    <ListField id="persona-countries" label="Persona countries" value=list(|s| &s.persona.countries)
                        placeholder="GB, IE"
                        on_set=Callback::new(move |v| edit_settings(state, move |s| s.persona.countries = v)) />
                    <ListField id="persona-ages" label="Persona age bands" value=list(|s| &s.persona.age_bands)
                        placeholder="25-34, 35-44"
                        on_set=Callback::new(move |v| edit_settings(state, move |s| s.persona.age_bands = v)) />
                </div>
                <button on:click=move |_| {
                    update_all_defaults(state);
                }>"Reset all audit settings"</button>
            </details>
        </section>
    }
}

fn update_all_defaults(state: crate::app::state::AppState) {
    crate::app::persistence::update_workspace(state, |w| w.audit_settings = None.into());
}

/// The audit weights that match a programme objective.
fn audit_objective_for(programme: microplan_plan::objectives::Objective) -> Objective {
    use microplan_plan::objectives::Objective as Programme;
    match programme {
        Programme::Awareness => Objective::Awareness,
        Programme::Engagement => Objective::Engagement,
        Programme::Conversion => Objective::Conversion,
        Programme::Ugc => Objective::Ugc,
        Programme::CommunityAdvocacy => Objective::Community,
    }
}

fn capitalised(word: &str) -> String {
    let mut letters = word.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

/// Which weight preset ranks the creators, and a one-click switch when the programme's
/// objective asks for another one.
#[component]
pub fn AuditPresetNotice() -> impl IntoView {
    let state = app_state();
    let settings = expect_context::<CreatorsContext>().settings;
    let programme = move || {
        state.workspace.with(|w| {
            w.as_ref().and_then(|w| {
                w.programme
                    .objectives
                    .as_ref()
                    .map(|o| audit_objective_for(o.objective))
            })
        })
    };
    move || {
        let (used, edited) =
            settings.with(|s| (s.objective, s.weights != Weights::preset(s.objective)));
        let how = if edited {
            "edited weights, starting from the"
        } else {
            "the"
        };
        let stated = format!(
            "Scores use {how} {} preset of the audit settings.",
            capitalised(used.as_str())
        );
        let mismatch = programme().filter(|wanted| *wanted != used);
        view! {
            <p class="hint" data-testid="audit-preset">
                {stated}
                {mismatch.map(|wanted| view! {
                    <strong>{format!(" The programme's objective is {}, but the audit weighs creators for {}. ", capitalised(wanted.as_str()), capitalised(used.as_str()))}</strong>
                    <button type="button" on:click=move |_| edit_settings(state, move |s| {
                        s.objective = wanted;
                        s.weights = Weights::preset(wanted);
                    })>{format!("Use the {} preset", capitalised(wanted.as_str()))}</button>
                })}
            </p>
        }
    }
}
