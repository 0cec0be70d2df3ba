//! The choices form, part one: parties and market, dates, creative control, compensation
//! and kill fee. Every field writes straight into the draft; validation runs on each change.

use leptos::prelude::*;

use crate::widgets::contract_fields::{
    bind, AreaProblems, CheckInput, CountInput, DateInput, NumberInput, SelectInput, TextInput,
};
use microplan_plan::contract::{
    Bonus, ChoiceArea, CompensationModel, ContractChoices, FinalEdit, Makegood, PaymentTrigger,
    Problem,
};
use microplan_plan::markets::Market;

fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|v| (code(*v), label(*v))).collect()
}

#[component]
pub fn PartiesFields(
    draft: RwSignal<ContractChoices>,
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    let (brand, set_brand) = bind(draft, |c| c.brand.name.clone(), |c, v| c.brand.name = v);
    let (brand_address, set_brand_address) = bind(
        draft,
        |c| c.brand.address.clone(),
        |c, v| c.brand.address = v,
    );
    let (legal, set_legal) = bind(
        draft,
        |c| c.creator.legal_name.clone(),
        |c, v| c.creator.legal_name = v,
    );
    let (address, set_address) = bind(
        draft,
        |c| c.creator.address.clone(),
        |c, v| c.creator.address = v,
    );
    let (campaign, set_campaign) = bind(draft, |c| c.campaign.clone(), |c, v| c.campaign = v);
    let (market, set_market) = bind(
        draft,
        |c| c.market.code().to_string(),
        |c, v: String| {
            if let Some(m) = Market::parse(&v) {
                c.set_market(m);
            }
        },
    );
    let (law, set_law) = bind(
        draft,
        |c| c.governing_law.clone(),
        |c, v| c.governing_law = v,
    );
    let markets: Vec<(&'static str, &'static str)> =
        Market::ALL.iter().map(|m| (m.code(), m.name())).collect();
    view! {
        <fieldset class="contract-part">
            <legend>"Parties and market"</legend>
            <div class="field-grid">
                <TextInput id="contract-brand" label="Brand (legal name)" value=brand on_set=set_brand />
                <TextInput id="contract-brand-address" label="Brand address" value=brand_address on_set=set_brand_address hint="Required in France." />
                <TextInput id="contract-creator-name" label="Creator's legal name" value=legal on_set=set_legal />
                <TextInput id="contract-creator-address" label="Creator's address" value=address on_set=set_address hint="Required in France." />
                <TextInput id="contract-campaign" label="Campaign" value=campaign on_set=set_campaign list="contract-campaigns" />
                <SelectInput id="contract-market" label="Market" options=markets value=market on_set=set_market
                    hint="Sets the disclosure wording and legal notes; the governing law and currency follow it." />
                <TextInput id="contract-law" label="Governing law" value=law on_set=set_law />
            </div>
            <AreaProblems area=ChoiceArea::Parties problems=problems />
            <AreaProblems area=ChoiceArea::Market problems=problems />
        </fieldset>
    }
}

#[component]
pub fn DatesFields(
    draft: RwSignal<ContractChoices>,
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    let (term_start, set_term_start) = bind(
        draft,
        |c| c.schedule.term_start,
        |c, v| c.schedule.term_start = v,
    );
    let (term_end, set_term_end) = bind(
        draft,
        |c| c.schedule.term_end,
        |c, v| c.schedule.term_end = v,
    );
    let (posting_start, set_posting_start) = bind(
        draft,
        |c| c.schedule.posting_start,
        |c, v| c.schedule.posting_start = v,
    );
    let (posting_end, set_posting_end) = bind(
        draft,
        |c| c.schedule.posting_end,
        |c, v| c.schedule.posting_end = v,
    );
    let (live, set_live) = bind(
        draft,
        |c| c.schedule.live_days,
        |c, v| c.schedule.live_days = v,
    );
    view! {
        <fieldset class="contract-part">
            <legend>"Dates"</legend>
            <div class="field-grid">
                <DateInput id="contract-term-start" label="Term starts" value=term_start on_set=set_term_start />
                <DateInput id="contract-term-end" label="Term ends" value=term_end on_set=set_term_end />
                <DateInput id="contract-posting-start" label="Posting window opens" value=posting_start on_set=set_posting_start />
                <DateInput id="contract-posting-end" label="Posting window closes" value=posting_end on_set=set_posting_end />
                <CountInput id="contract-live-days" label="Posts stay live (days)" value=live on_set=set_live
                    hint="Days each post stays up after it is published." />
            </div>
            <AreaProblems area=ChoiceArea::Dates problems=problems />
        </fieldset>
    }
}

#[component]
pub fn CreativeFields(
    draft: RwSignal<ContractChoices>,
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    let (edit, set_edit) = bind(
        draft,
        |c| c.creative.final_edit.code().to_string(),
        |c, v: String| {
            if let Some(e) = FinalEdit::parse(&v) {
                c.creative.final_edit = e;
            }
        },
    );
    let (rounds, set_rounds) = bind(
        draft,
        |c| c.creative.revision_rounds,
        |c, v| c.creative.revision_rounds = v,
    );
    let (revision_days, set_revision_days) = bind(
        draft,
        |c| c.creative.revision_days,
        |c, v| c.creative.revision_days = v,
    );
    let (review_days, set_review_days) = bind(
        draft,
        |c| c.creative.review_days,
        |c, v| c.creative.review_days = v,
    );
    let (silence, set_silence) = bind(
        draft,
        |c| c.creative.silence_is_approval,
        |c, v| c.creative.silence_is_approval = v,
    );
    view! {
        <fieldset class="contract-part">
            <legend>"Creative control and revisions"</legend>
            <div class="field-grid">
                <SelectInput id="contract-final-edit" label="Final edit" options=options(FinalEdit::ALL, FinalEdit::code, FinalEdit::label)
                    value=edit on_set=set_edit hint="Creators who keep their own voice get better results." />
                <CountInput id="contract-revisions" label="Revision rounds" value=rounds on_set=set_rounds hint="One reasonable revision is the default." />
                <CountInput id="contract-revision-days" label="Days per revision" value=revision_days on_set=set_revision_days />
                <CountInput id="contract-review-days" label="Brand review (days)" value=review_days on_set=set_review_days />
                <CheckInput id="contract-silence" label="Silence after the review window counts as approval" value=silence on_set=set_silence />
            </div>
            <AreaProblems area=ChoiceArea::Creative problems=problems />
        </fieldset>
    }
}

#[component]
pub fn CompensationFields(
    draft: RwSignal<ContractChoices>,
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    let (model, set_model) = bind(
        draft,
        |c| c.compensation.model.code().to_string(),
        |c, v: String| {
            if let Some(m) = CompensationModel::parse(&v) {
                c.compensation.model = m;
            }
        },
    );
    let (currency, set_currency) = bind(
        draft,
        |c| c.compensation.currency.clone(),
        |c, v: String| c.compensation.currency = v.trim().to_uppercase(),
    );
    let (fee, set_fee) = bind(draft, |c| c.compensation.fee, |c, v| c.compensation.fee = v);
    let (product, set_product) = bind(
        draft,
        |c| c.compensation.product.clone(),
        |c, v| c.compensation.product = v,
    );
    let (value, set_value) = bind(
        draft,
        |c| c.compensation.product_value,
        |c, v| c.compensation.product_value = v,
    );
    let (rate, set_rate) = bind(
        draft,
        |c| c.compensation.commission_rate,
        |c, v| c.compensation.commission_rate = v,
    );
    let (window, set_window) = bind(
        draft,
        |c| c.compensation.attribution_days,
        |c, v| c.compensation.attribution_days = v,
    );
    let (share, set_share) = bind(
        draft,
        |c| c.compensation.outcome_share,
        |c, v| c.compensation.outcome_share = v,
    );
    let (trigger, set_trigger) = bind(
        draft,
        |c| c.compensation.trigger.code().to_string(),
        |c, v: String| {
            if let Some(t) = PaymentTrigger::parse(&v) {
                c.compensation.trigger = t;
            }
        },
    );
    let (pay_days, set_pay_days) = bind(
        draft,
        |c| c.compensation.payment_days,
        |c, v| c.compensation.payment_days = v,
    );
    let (makegood, set_makegood) = bind(
        draft,
        |c| c.compensation.makegood.code().to_string(),
        |c, v: String| {
            if let Some(m) = Makegood::parse(&v) {
                c.compensation.makegood = m;
            }
        },
    );
    let (has_bonus, set_has_bonus) = bind(
        draft,
        |c| c.compensation.bonus.is_some(),
        |c, on| {
            c.compensation.bonus = on.then(|| Bonus {
                metric: "code redemptions".into(),
                threshold: 50.0,
                amount: 0.0,
            });
        },
    );
    let (bonus_metric, set_bonus_metric) = bind(
        draft,
        |c| {
            c.compensation
                .bonus
                .as_ref()
                .map(|b| b.metric.clone())
                .unwrap_or_default()
        },
        |c, v| {
            if let Some(b) = c.compensation.bonus.as_mut() {
                b.metric = v;
            }
        },
    );
    let (bonus_threshold, set_bonus_threshold) = bind(
        draft,
        |c| c.compensation.bonus.as_ref().map(|b| b.threshold),
        |c, v| {
            if let Some(b) = c.compensation.bonus.as_mut() {
                b.threshold = v.unwrap_or(0.0);
            }
        },
    );
    let (bonus_amount, set_bonus_amount) = bind(
        draft,
        |c| c.compensation.bonus.as_ref().map(|b| b.amount),
        |c, v| {
            if let Some(b) = c.compensation.bonus.as_mut() {
                b.amount = v.unwrap_or(0.0);
            }
        },
    );
    let has_fee = move || draft.with(|c| c.has_fee());
    let has_commission = move || {
        draft.with(|c| {
            matches!(
                c.compensation.model,
                CompensationModel::Affiliate | CompensationModel::Hybrid
            )
        })
    };
    view! {
        <fieldset class="contract-part">
            <legend>"Compensation"</legend>
            <div class="field-grid">
                <SelectInput id="contract-model" label="Compensation model"
                    options=options(CompensationModel::ALL, CompensationModel::code, CompensationModel::label)
                    value=model on_set=set_model hint="Hybrid: a guaranteed fee plus commission on the sales the creator drives." />
                <TextInput id="contract-currency" label="Currency" value=currency on_set=set_currency hint="Three letters: GBP, EUR, USD." />
                <Show when=has_fee>
                    <NumberInput id="contract-fee" label="Fixed fee" value=fee on_set=set_fee hint="For all deliverables together." />
                    <NumberInput id="contract-outcome-share" label="Part of the fee tied to outcomes" percent=true value=share on_set=set_share
                        hint="Paid only when a KPI target is met; leave empty for none." />
                </Show>
                <Show when=has_commission>
                    <NumberInput id="contract-commission" label="Commission on sales" percent=true value=rate on_set=set_rate
                        hint="Of the net value of sales through the creator's link or code." />
                    <CountInput id="contract-attribution" label="Attribution window (days)" value=window on_set=set_window
                        hint="A sale counts this many days after the click or code use." />
                </Show>
                <TextInput id="contract-product" label="Product given" value=product on_set=set_product />
                <NumberInput id="contract-product-value" label="Product value" value=value on_set=set_value hint="Retail value; required for gifted products in France." />
                <SelectInput id="contract-trigger" label="Payment released"
                    options=options(PaymentTrigger::ALL, PaymentTrigger::code, PaymentTrigger::label) value=trigger on_set=set_trigger />
                <CountInput id="contract-payment-days" label="Payment within (days)" value=pay_days on_set=set_pay_days hint="Net 30 is usual." />
                <SelectInput id="contract-makegood" label="Makegood" options=options(Makegood::ALL, Makegood::code, Makegood::label)
                    value=makegood on_set=set_makegood hint="What happens when a deliverable is missed or falls short." />
                <CheckInput id="contract-bonus" label="Pay a bonus when an outcome reaches a threshold" value=has_bonus on_set=set_has_bonus />
                <Show when=move || has_bonus.get()>
                    <TextInput id="contract-bonus-metric" label="Bonus counts" value=bonus_metric on_set=set_bonus_metric />
                    <NumberInput id="contract-bonus-threshold" label="Bonus threshold" value=bonus_threshold on_set=set_bonus_threshold />
                    <NumberInput id="contract-bonus-amount" label="Bonus amount" value=bonus_amount on_set=set_bonus_amount />
                </Show>
            </div>
            <AreaProblems area=ChoiceArea::Compensation problems=problems />
        </fieldset>
    }
}

#[component]
pub fn KillFeeFields(
    draft: RwSignal<ContractChoices>,
    problems: Memo<Vec<Problem>>,
) -> impl IntoView {
    let (enabled, set_enabled) = bind(
        draft,
        |c| c.compensation.kill_fee.enabled,
        |c, v| c.compensation.kill_fee.enabled = v,
    );
    let (before, set_before) = bind(
        draft,
        |c| Some(c.compensation.kill_fee.before_content),
        |c, v| c.compensation.kill_fee.before_content = v.unwrap_or(0.0),
    );
    let (draft_share, set_draft_share) = bind(
        draft,
        |c| Some(c.compensation.kill_fee.after_draft),
        |c, v| c.compensation.kill_fee.after_draft = v.unwrap_or(0.0),
    );
    let (posted, set_posted) = bind(
        draft,
        |c| Some(c.compensation.kill_fee.after_posting),
        |c, v| c.compensation.kill_fee.after_posting = v.unwrap_or(0.0),
    );
    view! {
        <fieldset class="contract-part">
            <legend>"Kill fee"</legend>
            <p class="hint">"What the brand pays if it cancels: a share of the fee that grows as work is done."</p>
            <div class="field-grid">
                <CheckInput id="contract-kill-fee" label="Include a kill fee" value=enabled on_set=set_enabled />
                <Show when=move || enabled.get()>
                    <NumberInput id="contract-kill-before" label="Before content exists" percent=true value=before on_set=set_before />
                    <NumberInput id="contract-kill-draft" label="After a draft" percent=true value=draft_share on_set=set_draft_share />
                    <NumberInput id="contract-kill-posted" label="After posting" percent=true value=posted on_set=set_posted />
                </Show>
            </div>
            <AreaProblems area=ChoiceArea::KillFee problems=problems />
        </fieldset>
    }
}
