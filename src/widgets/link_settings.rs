//! The saved tracked-link settings (landing page, placement, code pattern, discount) and the
//! form that edits them, shared by the Briefs and Tracking pages.

use leptos::prelude::*;

use crate::app::persistence::update_workspace;
use crate::app::state::{app_state, AppState};
use crate::widgets::fields::{NumberField, SelectField, TextField};
use microplan_plan::tracking::{parse_landing_page, LinkPlan, Placement};

/// Changes the saved link settings (landing page, code pattern, discount, placement).
pub fn edit_link_plan(state: AppState, change: impl FnOnce(&mut LinkPlan)) {
    update_workspace(state, move |w| {
        change(
            w.programme
                .tracking
                .last_plan
                .get_or_insert_with(LinkPlan::default),
        )
    });
}

/// The saved link settings as a signal.
pub fn link_plan_memo(state: AppState) -> Memo<LinkPlan> {
    Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .and_then(|w| w.programme.tracking.last_plan.clone())
                .unwrap_or_default()
        })
    })
}

/// The landing-page check in words: the error, the warnings, or that it is fine.
pub fn landing_page_note(address: &str) -> (bool, String) {
    if address.trim().is_empty() {
        return (false, "Enter the page the links lead to.".to_string());
    }
    match parse_landing_page(address) {
        Ok(page) if page.warnings.is_empty() => (
            true,
            "The address is fine; its own parameters and #section are kept.".to_string(),
        ),
        Ok(page) => (true, page.warnings.join(" ")),
        Err(why) => (false, why.to_string()),
    }
}

/// Landing page, placement, code pattern and discount: shared by Briefs and Tracking.
#[component]
pub fn LinkSettings(prefix: &'static str) -> impl IntoView {
    let state = app_state();
    let plan = link_plan_memo(state);
    let read = move |f: fn(&LinkPlan) -> String| Signal::derive(move || plan.with(f));
    let note = move || plan.with(|p| landing_page_note(&p.landing_page));
    view! {
        <div class="pg-row">
            <TextField id=format!("{prefix}-landing") label="Landing page" wide=true placeholder="https://shop.example/page"
                value=read(|p| p.landing_page.clone())
                on_set=Callback::new(move |v: String| edit_link_plan(state, move |p| p.landing_page = v.trim().to_string())) />
            <SelectField id=format!("{prefix}-placement") label="Placement"
                hint="Sets utm_medium: social lands in GA4's Organic Social, paid_social in Paid Social."
                options=Placement::ALL.iter().map(|p| (p.key().to_string(), p.label().to_string())).collect()
                value=read(|p| p.placement.key().to_string())
                on_set=Callback::new(move |v: String| if let Some(placement) = Placement::parse(&v) { edit_link_plan(state, move |p| p.placement = placement) }) />
        </div>
        <p class=move || { if note().0 { "hint" } else { "error-text" } } aria-live="polite">{move || note().1}</p>
        <div class="pg-row">
            <TextField id=format!("{prefix}-pattern") label="Promo code pattern" placeholder="{HANDLE}{PCT}"
                hint="{HANDLE}, {PCT} and {CAMPAIGN}; empty for links without codes. No 0, O, 1, I or L from words."
                value=read(|p| p.code_pattern.clone().unwrap_or_default())
                on_set=Callback::new(move |v: String| edit_link_plan(state, move |p| p.code_pattern = Some(v.trim().to_string()).filter(|v| !v.is_empty()))) />
            <NumberField id=format!("{prefix}-discount") label="Discount (%)" hint="What the code gives; used by {PCT}."
                scale=100.0 value=Signal::derive(move || plan.with(|p| p.discount))
                on_set=Callback::new(move |v: Option<f64>| edit_link_plan(state, move |p| p.discount = v.filter(|d| *d > 0.0))) />
        </div>
    }
}
