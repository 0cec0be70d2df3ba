//! The activation planner form with live answers: how many to gift, the chance of the
//! community effect, the distribution of posts, the budget and the mix comparison.

use chrono::Datelike;
use leptos::prelude::*;

use super::answer::PlannerAnswer;
use super::TextField;
use crate::app::persistence::update_workspace;
use crate::app::state::app_state;
use microplan_model::iso_date::parse_iso_date;
use microplan_model::money::Money;
use microplan_plan::activation::history::{
    community_posting_estimate, posting_estimate, PostingEstimate,
};
use microplan_plan::activation::plan::{
    community_too_small, gifted_needed_at, plan_activation, PlannerInput, PlannerResult, UnitCosts,
};
use microplan_plan::activation::{same_name, ActivationPlan, DEFAULT_ARRIVAL_LEAD_DAYS};
use microplan_stats::intervals::ProportionMethod;
use microplan_workspace::activation_edits::{parse_shipping_days, save_plan};

/// The planner's inputs as typed; shared so a saved plan can be loaded back into it.
#[derive(Clone, Copy)]
pub struct PlannerForm {
    pub name: RwSignal<String>,
    pub start: RwSignal<String>,
    pub end: RwSignal<String>,
    pub target: RwSignal<String>,
    pub confidence: RwSignal<String>,
    pub rate: RwSignal<String>,
    pub paid: RwSignal<String>,
    pub gifted: RwSignal<String>,
    pub currency: RwSignal<String>,
    pub product: RwSignal<String>,
    pub shipping: RwSignal<String>,
    pub gifting_fee: RwSignal<String>,
    pub paid_fee: RwSignal<String>,
    pub lead_days: RwSignal<String>,
    pub shipping_days: RwSignal<String>,
}

fn text(value: &str) -> RwSignal<String> {
    RwSignal::new(value.to_string())
}

fn amount_text(money: &Option<Money>) -> String {
    money
        .as_ref()
        .map(|m| m.amount.to_string())
        .unwrap_or_default()
}

impl PlannerForm {
    pub fn new() -> Self {
        // A two-week window opening on the Monday six to seven weeks from today.
        let today = crate::app::clock::today();
        let start = today
            + chrono::Duration::days(
                42 + (7 - i64::from(today.weekday().num_days_from_monday())) % 7,
            );
        let end = start + chrono::Duration::days(13);
        PlannerForm {
            name: text(""),
            start: text(&start.to_string()),
            end: text(&end.to_string()),
            target: text("5"),
            confidence: text("90"),
            rate: text("30"),
            paid: text("0"),
            gifted: text(""),
            currency: text("EUR"),
            product: text("15"),
            shipping: text("6"),
            gifting_fee: text("0"),
            paid_fee: text("200"),
            lead_days: text(&DEFAULT_ARRIVAL_LEAD_DAYS.to_string()),
            shipping_days: text("GB=2; IE=3; DE=4; NL=4; FR=4"),
        }
    }

    /// Puts a saved plan into the form.
    pub fn load(&self, plan: &ActivationPlan) {
        self.name.set(plan.name.clone());
        self.start.set(plan.window_start.to_string());
        self.end.set(plan.window_end.to_string());
        self.target.set(plan.target_posts.to_string());
        self.confidence
            .set(format!("{}", round_percent(plan.confidence)));
        self.rate
            .set(format!("{}", round_percent(plan.posting_rate)));
        self.paid.set(plan.paid_creators.to_string());
        self.gifted.set(plan.gifted_creators.to_string());
        let currency = [
            &plan.product_cost,
            &plan.shipping_cost,
            &plan.gifting_fee,
            &plan.paid_fee,
        ]
        .into_iter()
        .find_map(|m| m.as_ref().map(|m| m.currency.clone()))
        .unwrap_or_else(|| "EUR".into());
        self.currency.set(currency);
        self.product.set(amount_text(&plan.product_cost));
        self.shipping.set(amount_text(&plan.shipping_cost));
        self.gifting_fee.set(amount_text(&plan.gifting_fee));
        self.paid_fee.set(amount_text(&plan.paid_fee));
        self.lead_days.set(plan.arrival_lead_days.to_string());
        self.shipping_days.set(
            plan.shipping_days
                .iter()
                .map(|t| t.to_text())
                .collect::<Vec<_>>()
                .join("; "),
        );
    }
}

/// 0.35 -> 35 without float noise (0.35 * 100 = 35.00000000000001).
fn round_percent(fraction: f64) -> f64 {
    (fraction * 100.0 * 1e6).round() / 1e6
}

fn number(text: &str, what: &str) -> Result<f64, String> {
    let cleaned = text.trim().replace(',', ".");
    let value: f64 = cleaned
        .parse()
        .map_err(|_| format!("{what}: `{}` is not a number", text.trim()))?;
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(format!("{what} must be 0 or more"))
    }
}

fn whole(text: &str, what: &str) -> Result<u64, String> {
    text.trim().parse::<u64>().map_err(|_| {
        format!(
            "{what}: `{}` is not a whole number of 0 or more",
            text.trim()
        )
    })
}

fn money_or_zero(text: &str, currency: &str, what: &str) -> Result<Money, String> {
    if text.trim().is_empty() {
        Ok(Money::new(0.0, currency))
    } else {
        Ok(Money::new(number(text, what)?, currency))
    }
}

impl PlannerForm {
    fn input(&self) -> Result<PlannerInput, String> {
        let currency = self.currency.get().trim().to_ascii_uppercase();
        if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_alphabetic()) {
            return Err("Currency: write a three-letter code such as EUR".into());
        }
        let gifted = self.gifted.get();
        Ok(PlannerInput {
            target_posts: whole(&self.target.get(), "Posts wanted")?,
            confidence: number(&self.confidence.get(), "Confidence")? / 100.0,
            posting_rate: number(&self.rate.get(), "Posting rate")? / 100.0,
            paid: whole(&self.paid.get(), "Paid creators")?,
            chosen_gifted: if gifted.trim().is_empty() {
                None
            } else {
                Some(whole(&gifted, "Gifted creators")?)
            },
            costs: UnitCosts {
                product: money_or_zero(&self.product.get(), &currency, "Product value")?,
                shipping: money_or_zero(&self.shipping.get(), &currency, "Shipping")?,
                gifting_fee: money_or_zero(
                    &self.gifting_fee.get(),
                    &currency,
                    "Fee per gifted creator",
                )?,
                paid_fee: money_or_zero(&self.paid_fee.get(), &currency, "Fee per paid creator")?,
            },
        })
    }

    fn plan(
        &self,
        community: &str,
        result: &PlannerResult,
        input: &PlannerInput,
    ) -> Result<ActivationPlan, String> {
        let date = |value: String, what: &str| {
            parse_iso_date(value.trim()).ok_or_else(|| format!("{what}: choose a date"))
        };
        let lead = self.lead_days.get_untracked();
        Ok(ActivationPlan {
            name: self.name.get_untracked().trim().to_string(),
            community: community.to_string(),
            window_start: date(self.start.get_untracked(), "Window start")?,
            window_end: date(self.end.get_untracked(), "Window end")?,
            target_posts: input.target_posts,
            confidence: input.confidence,
            posting_rate: input.posting_rate,
            paid_creators: input.paid,
            gifted_creators: result.gifted,
            product_cost: Some(input.costs.product.clone()),
            shipping_cost: Some(input.costs.shipping.clone()),
            gifting_fee: Some(input.costs.gifting_fee.clone()),
            paid_fee: Some(input.costs.paid_fee.clone()),
            arrival_lead_days: lead.trim().parse::<u32>().map_err(|_| {
                format!(
                    "Days to use the product: `{}` is not a whole number",
                    lead.trim()
                )
            })?,
            shipping_days: parse_shipping_days(&self.shipping_days.get_untracked())?,
            notes: None,
        })
    }
}

/// 0.9166 -> "91.7%", by the policy of `microplan_model::format`.
pub use microplan_model::format::percent;

/// "6 of 14 gifted creators posted (43%; 90% interval 21% to 67%, Clopper-Pearson)".
pub fn estimate_text(estimate: &PostingEstimate) -> String {
    format!(
        "{} of {} gifted creators posted ({}; {:.0}% interval {} to {}, {})",
        estimate.posted,
        estimate.gifted,
        percent(estimate.interval.estimate),
        estimate.confidence * 100.0,
        percent(estimate.interval.lower),
        percent(estimate.interval.upper),
        match estimate.method {
            ProportionMethod::ClopperPearson => "Clopper-Pearson exact",
            _ => "Wilson",
        }
    )
}

#[component]
pub fn PlannerCard(community: String) -> impl IntoView {
    let state = app_state();
    let form = expect_context::<PlannerForm>();
    let result = Memo::new(move |_| {
        form.input().and_then(|input| {
            plan_activation(&input)
                .map_err(String::from)
                .map(|r| (input, r))
        })
    });
    let of_community = community.clone();
    let estimate = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref().and_then(|w| {
                let own = community_posting_estimate(
                    &of_community,
                    &w.activation_plans,
                    &w.gifting_history,
                    ProportionMethod::ClopperPearson,
                    0.9,
                )
                .ok()
                .flatten();
                own.map(|e| (e, true)).or_else(|| {
                    posting_estimate(&w.gifting_history, ProportionMethod::ClopperPearson, 0.9)
                        .ok()
                        .flatten()
                        .map(|e| (e, false))
                })
            })
        })
    });
    let save_for = community.clone();
    let size_of = community.clone();
    let save = move |_| {
        let Ok((input, planned)) = result.get_untracked() else {
            state.notify_error("Fix the planner's inputs first.");
            return;
        };
        let plan = match form.plan(&save_for, &planned, &input) {
            Ok(plan) => plan,
            Err(error) => return state.notify_error(format!("Not saved: {error}.")),
        };
        let name = plan.name.clone();
        let mut outcome = Ok(false);
        update_workspace(state, |w| outcome = save_plan(w, plan));
        match outcome {
            Ok(replaced) => state.notify(format!(
                "{} the plan “{name}”.",
                if replaced { "Updated" } else { "Saved" }
            )),
            Err(error) => state.notify_error(format!("Not saved: {error}.")),
        }
    };
    let history = move || {
        estimate.get().map(|(e, own)| {
        let rate = round_percent(e.interval.estimate);
        let whose = if own { "From this community's past activations" } else { "From all past activations in this workspace" };
        view! {
            <p class="callout history-estimate">
                {format!("{whose}: {}.", estimate_text(&e))}" "
                <button type="button" on:click=move |_| form.rate.set(format!("{rate}"))>{format!("Use {rate:.0}%")}</button>
            </p>
        }
    })
    };
    view! {
        <section class="card planner" aria-labelledby="planner-heading">
            <h2 id="planner-heading">{format!("Plan an activation for {community}")}</h2>
            <p class="hint">"Gifted creators post independently, each with the same chance; paid creators post for certain. Those who post are assumed to do so inside the window, which the brief asks for."</p>
            <div class="form-grid">
                <TextField id="plan-name" label="Activation name" value=form.name placeholder="January starter challenge" />
                <TextField id="plan-start" label="Window opens" kind="date" value=form.start />
                <TextField id="plan-end" label="Window closes" kind="date" value=form.end hint="2-3 weeks is typical." />
                <TextField id="plan-target" label="Posts wanted in the window (k)" kind="number" value=form.target hint="5-10 for a community effect." />
                <TextField id="plan-confidence" label="Confidence wanted (%)" kind="number" value=form.confidence hint="Chance that at least k post." />
                <TextField id="plan-rate" label="Gifted creators who post (%)" kind="number" value=form.rate hint="Typically 20-40% of gifted creators post." />
                <TextField id="plan-paid" label="Paid creators" kind="number" value=form.paid hint="Contracted: their posts are certain." />
                <TextField id="plan-gifted" label="Gifted creators you will send" kind="number" value=form.gifted hint="Leave empty to use the recommendation." />
                <TextField id="plan-currency" label="Currency" value=form.currency />
                <TextField id="plan-product" label="Product value per parcel" kind="number" value=form.product />
                <TextField id="plan-shipping" label="Shipping per parcel" kind="number" value=form.shipping />
                <TextField id="plan-gifting-fee" label="Fee per gifted creator" kind="number" value=form.gifting_fee hint="Handling or platform fee." />
                <TextField id="plan-paid-fee" label="Fee per paid creator" kind="number" value=form.paid_fee hint="Paid creators get the product too." />
                <TextField id="plan-lead" label="Days to use the product before the window" kind="number" value=form.lead_days />
                <TextField id="plan-shipping-days" label="Shipping days per country" value=form.shipping_days hint="Such as GB=2; DE=4. Unknown countries: 7 days." />
            </div>
            {history}
            {move || {
                let (_, planned) = result.get().ok()?;
                let members = state.workspace.with(|w| {
                    w.as_ref().map_or(0, |w| {
                        w.creators
                            .iter()
                            .filter(|c| c.communities.iter().any(|name| same_name(name, &size_of)))
                            .count()
                    })
                });
                let paid = planned.recommended.paid;
                community_too_small(members, paid, planned.gifted)
                    .map(|text| view! { <p class="callout warning" role="status">{format!("{text}.")}</p> })
            }}
            {move || match result.get() {
                Ok((input, planned)) => view! { <PlannerAnswer input=input result=planned /> }.into_any(),
                Err(error) => view! { <p class="error-text" role="alert">{format!("{error}.")}</p> }.into_any(),
            }}
            {move || estimate.get().and_then(|(e, _)| {
                let input = form.input().ok()?;
                let cautious = gifted_needed_at(input.target_posts, input.paid, e.interval.lower, input.confidence).ok()?;
                Some(view! {
                    <p class="hint">{format!("Cautious plan: if the posting rate were as low as the interval's lower end ({}), you would need {cautious} gifted creators.", percent(e.interval.lower))}</p>
                })
            })}
            <div class="actions">
                <button type="button" class="primary" on:click=save>"Save plan"</button>
                <span class="hint">"Saving with an existing name updates that plan."</span>
            </div>
        </section>
    }
}
