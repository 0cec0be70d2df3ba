//! Uplift tests: the analysis of each test (with its daily monitoring and difference in
//! differences), the planner, the gifted-seeding planner, pre-registrations, averages and
//! brand-lift surveys, and the two tables the section reads.

mod analysis;
mod compare;
mod daily;
mod format;
mod geo;
mod geo_background;
mod geo_planning;
mod geo_results;
mod per_user;
mod planner;
mod prereg;
mod prereg_amend;

use leptos::prelude::*;

use crate::app::sections::{MissingItemNote, Section, UrlSelection};
use crate::app::state::app_state;
use crate::widgets::live_fields::Field;
use crate::widgets::table_view::TableView;
use analysis::AnalysisCard;
use compare::{BrandLiftCard, MeansCard};
use daily::DailyCards;
use microplan_stats::bayes::BetaParams;
use microplan_uplift::arms::{analyse_test, test_names, AnalysisOptions, TestAnalysis};
use microplan_uplift::daily::{arms_from_days, daily_arms, daily_only_tests, TestDay};
use microplan_uplift::prereg::PreRegistration;
use microplan_workspace::io::table::TableKind;
use planner::{PlannerCard, SeedingCard};
use prereg::PreRegistrations;

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Applies `change` to the pre-registration of `test`, reporting a refused edit.
fn edit_plan(test: &str, change: impl FnOnce(&mut PreRegistration) -> Result<(), String>) {
    let state = app_state();
    let mut outcome = Ok(());
    crate::app::persistence::update_workspace(state, |w| {
        if let Some(plan) = w.test_plans.iter_mut().find(|p| p.test == test) {
            outcome = change(plan);
        }
    });
    if let Err(e) = outcome {
        state.notify_error(format!("Not saved: {e}."));
    }
}

/// One test's analysis with what its daily cards need.
#[derive(Clone, PartialEq)]
struct TestView {
    name: String,
    analysis: Result<TestAnalysis, String>,
    days: Vec<TestDay>,
    plan: Option<PreRegistration>,
}

#[component]
pub fn UpliftPage() -> impl IntoView {
    let state = app_state();
    let prior_a = RwSignal::new("1".to_string());
    let prior_b = RwSignal::new("1".to_string());
    let prior = Memo::new(move |_| {
        let a = prior_a.get().trim().replace(',', ".").parse::<f64>();
        let b = prior_b.get().trim().replace(',', ".").parse::<f64>();
        match (a, b) {
            (Ok(alpha), Ok(beta)) => BetaParams { alpha, beta },
            _ => BetaParams {
                alpha: f64::NAN,
                beta: f64::NAN,
            },
        }
    });
    let views = Memo::new(move |_| {
        let options = AnalysisOptions {
            alpha: 0.05,
            prior: prior.get(),
        };
        state.workspace.with(|workspace| {
            let Some(w) = workspace.as_ref() else {
                return Vec::new();
            };
            let daily_only = daily_only_tests(&w.test_days, &w.test_arms);
            test_names(&w.test_arms)
                .into_iter()
                .chain(daily_only.iter().cloned())
                .map(|name| {
                    let plan = w.test_plans.iter().find(|p| p.test == name).cloned();
                    let analysis = if daily_only.contains(&name) {
                        let control = plan
                            .as_ref()
                            .and_then(|p| p.arms.iter().find(|a| a.is_control))
                            .map(|a| a.name.as_str());
                        let arms = arms_from_days(
                            &w.test_days,
                            &name,
                            plan.as_ref().and_then(|p| p.launch_date),
                            control,
                        );
                        analyse_test(&arms, &name, &options, plan.as_ref())
                    } else {
                        analyse_test(&w.test_arms, &name, &options, plan.as_ref())
                    };
                    let days: Vec<TestDay> = w
                        .test_days
                        .iter()
                        .filter(|d| d.test == name)
                        .cloned()
                        .collect();
                    TestView {
                        name,
                        analysis: analysis.map_err(String::from),
                        days,
                        plan,
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let selection = UrlSelection::new(Section::UpliftTests);
    let selected = selection.selected;
    selection.drop_missing(move |name| {
        state
            .workspace
            .with(Option::is_some)
            .then(|| views.with(|list| list.iter().any(|v| v.name == name)))
    });
    view! {
        <h1 id="section-heading" tabindex="-1">"Uplift tests"</h1>
        <p class="lead">
            "Did the creators cause the extra sales, or would they have happened anyway? Plan a test \
             before launch, pre-register it, and get an honest verdict after: each test compares people \
             or regions that saw the campaign with a control group that did not."
        </p>
        <details class="card explain prior-editor">
            <summary>"What you expected before the test (optional)"</summary>
            <p class="hint">"Used only for the \"Chance to win\" column. Leave it as it is unless you know your usual conversion rate. "</p>
            <p class="hint">"Technically: the Bayesian prior on both conversion rates before the data, Beta(1, 1) unless you change it; Beta(1, 1) is flat. A sceptical prior centred on your usual rate, e.g. Beta(13, 987) for about 1.3%, pulls both arms towards it and shrinks the chance to beat control for small tests."</p>
            <div class="field-grid">
                <Field id="prior-alpha" label="Prior alpha (prior conversions + 1)" value=prior_a />
                <Field id="prior-beta" label="Prior beta (prior non-conversions + 1)" value=prior_b />
            </div>
        </details>
        <MissingItemNote selection=selection noun="test" />
        {move || {
            let list = views.get();
            if list.is_empty() {
                view! {
                    <p class="card empty">
                        "No test results yet. Import test arms (one row per arm: units, conversions, \
                         which arm is the control) below, or load the demo workspace. Plan a new test first \
                         with the planner."
                    </p>
                }
                .into_any()
            } else {
                let names: Vec<String> = list.iter().map(|v| v.name.clone()).collect();
                let chosen = selected.get();
                let shown = list.into_iter().filter(|v| chosen.as_ref().is_none_or(|c| *c == v.name));
                view! {
                    <nav class="card test-chooser" aria-label="Tests">
                        <ul class="pg-list">
                            {names.into_iter().map(|name| {
                                let pressed = chosen.as_deref() == Some(name.as_str());
                                let pick = name.clone();
                                view! { <li><button aria-pressed=pressed.to_string() on:click=move |_| selected.set(Some(pick.clone()))>{name}</button></li> }
                            }).collect_view()}
                            <li><button aria-pressed=chosen.is_none().to_string() on:click=move |_| selected.set(None)>"All tests"</button></li>
                        </ul>
                    </nav>
                    {shown.map(test_view).collect_view()}
                }.into_any()
            }
        }}
        <PlannerCard />
        <SeedingCard />
        <PreRegistrations />
        <per_user::PerUserConversionsCard />
        <geo::GeoTestsCard />
        <MeansCard />
        <BrandLiftCard />
        <TableView kind=TableKind::TestArms />
        <TableView kind=TableKind::TestDays />
    }
}

fn test_view(view: TestView) -> AnyView {
    let analysis = match view.analysis {
        Ok(a) => a,
        Err(reason) => {
            return view! {
                <section class="card">
                    <h2>{view.name}</h2>
                    <p class="error-text">{format!("Cannot analyse this test: {reason}.")}</p>
                </section>
            }
            .into_any()
        }
    };
    let control = analysis
        .arms
        .iter()
        .find(|a| a.is_control)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let with_days = daily_arms(&view.days, &view.name);
    let daily = analysis
        .comparisons
        .iter()
        .filter(|c| with_days.contains(&c.arm) && with_days.contains(&control))
        .map(|c| {
            view! {
                <DailyCards days=view.days.clone() test=view.name.clone() control=control.clone()
                    treatment=c.arm.clone() plan=view.plan.clone() alpha=analysis.alpha />
            }
        })
        .collect_view();
    view! { <AnalysisCard analysis=analysis /> {daily} }.into_any()
}
