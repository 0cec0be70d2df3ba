//! Conflicting or incomplete choices, each with a message that says what to change.
//! A conflict means the draft would contradict itself or the market's law; a warning means
//! the terms are valid but unusual or unfair to one side.

use super::choices::{
    CompensationModel, ContractChoices, Copyright, ExclusivityKind, Makegood, PaymentTrigger,
};
use super::labels::{days, percent};
pub use super::problem::{ChoiceArea, Problem, Severity};
use crate::deliverables::checklist_problems;
use crate::markets::Market;
use microplan_model::limits::{add_days, days_between};

struct Found(Vec<Problem>);

impl Found {
    fn conflict(&mut self, area: ChoiceArea, message: impl Into<String>) {
        self.0.push(Problem {
            severity: Severity::Conflict,
            area,
            message: message.into(),
        });
    }
    fn warning(&mut self, area: ChoiceArea, message: impl Into<String>) {
        self.0.push(Problem {
            severity: Severity::Warning,
            area,
            message: message.into(),
        });
    }
}

/// Every problem with the choices, conflicts first.
pub fn check_choices(choices: &ContractChoices) -> Vec<Problem> {
    let mut found = Found(Vec::new());
    parties(choices, &mut found);
    dates(choices, &mut found);
    deliverables(choices, &mut found);
    creative(choices, &mut found);
    compensation(choices, &mut found);
    kill_fee(choices, &mut found);
    licence(choices, &mut found);
    exclusivity(choices, &mut found);
    market(choices, &mut found);
    reporting(choices, &mut found);
    found.0.extend(super::ranges::range_problems(choices));
    let mut problems = found.0;
    problems.sort_by_key(|p| p.severity == Severity::Warning);
    problems
}

/// Whether the draft is free of conflicts (warnings allowed).
pub fn has_conflicts(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Conflict)
}

fn positive(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite() && *v > 0.0)
}

fn parties(c: &ContractChoices, found: &mut Found) {
    if c.brand.name.trim().is_empty() {
        found.conflict(
            ChoiceArea::Parties,
            "Name the brand: its legal name goes into the agreement.",
        );
    }
    if c.creator.handle.trim().is_empty() {
        found.conflict(
            ChoiceArea::Parties,
            "Pick the creator the agreement is with.",
        );
    }
    if c.campaign.trim().is_empty() {
        found.conflict(
            ChoiceArea::Parties,
            "Name the campaign, so both sides know which work the terms cover.",
        );
    }
}

fn dates(c: &ContractChoices, found: &mut Found) {
    let s = &c.schedule;
    if s.term_end < s.term_start {
        found.conflict(
            ChoiceArea::Dates,
            format!(
                "The term ends on {} before it starts on {}: swap or correct the dates.",
                microplan_model::format::date(s.term_end),
                microplan_model::format::date(s.term_start)
            ),
        );
    }
    if s.posting_end < s.posting_start {
        found.conflict(
            ChoiceArea::Dates,
            format!(
                "The posting window closes on {} before it opens on {}.",
                microplan_model::format::date(s.posting_end),
                microplan_model::format::date(s.posting_start)
            ),
        );
    }
    if s.posting_start < s.term_start || s.posting_end > s.term_end {
        found.conflict(
            ChoiceArea::Dates,
            format!(
                "The posting window ({} to {}) must fall inside the term ({} to {}).",
                microplan_model::format::date(s.posting_start),
                microplan_model::format::date(s.posting_end),
                microplan_model::format::date(s.term_start),
                microplan_model::format::date(s.term_end)
            ),
        );
    }
    // Beyond the calendar's end the live duration is refused by the range check instead.
    let live_until = add_days(s.posting_end, i64::from(s.live_days));
    if let Some(until) = live_until
        .filter(|until| s.live_days > 0 && *until > s.term_end && s.posting_end <= s.term_end)
    {
        let live_until = microplan_model::format::date(until);
        let fits = days_between(s.posting_end, s.term_end);
        found.conflict(
            ChoiceArea::Dates,
            format!(
                "Posts must stay up {} after the last post, until {live_until}, but the term ends on {}. Extend the term to {live_until} or shorten the live duration to {}.",
                days(s.live_days),
                microplan_model::format::date(s.term_end),
                days(u32::try_from(fits).unwrap_or(0))
            ),
        );
    }
    if s.live_days == 0 {
        found.warning(ChoiceArea::Dates, "With a live duration of 0 days the creator may delete posts at once; 30 to 90 days is usual.");
    }
}

fn deliverables(c: &ContractChoices, found: &mut Found) {
    if c.deliverables.is_empty() {
        found.conflict(
            ChoiceArea::Deliverables,
            "Add at least one deliverable: the agreement has to say what the creator makes.",
        );
    }
    for problem in checklist_problems(&c.deliverables) {
        found.conflict(ChoiceArea::Deliverables, problem);
    }
}

fn creative(c: &ContractChoices, found: &mut Found) {
    let cc = &c.creative;
    if cc.revision_rounds > 0 && cc.revision_days == 0 {
        found.conflict(
            ChoiceArea::Creative,
            "Give the creator at least 1 day for each revision round.",
        );
    }
    if cc.review_days == 0 {
        found.conflict(
            ChoiceArea::Creative,
            "Give the brand at least 1 day to review a draft.",
        );
    }
    if cc.revision_rounds > 2 {
        found.warning(
            ChoiceArea::Creative,
            format!("{} revision rounds is a lot: one reasonable revision keeps the creator's voice and the schedule.", cc.revision_rounds),
        );
    }
}

fn compensation(c: &ContractChoices, found: &mut Found) {
    let pay = &c.compensation;
    let currency = pay.currency.trim();
    if currency.len() != 3 || !currency.chars().all(|ch| ch.is_ascii_alphabetic()) {
        found.conflict(
            ChoiceArea::Compensation,
            format!("Currency “{currency}” should be a three-letter code such as GBP, EUR or USD."),
        );
    }
    let has_fee = c.has_fee();
    if has_fee && positive(pay.fee).is_none() {
        found.conflict(
            ChoiceArea::Compensation,
            format!("A {} needs a fee above 0.", pay.model.label()),
        );
    }
    if pay.model == CompensationModel::ProductOnly && pay.product.trim().is_empty() {
        found.conflict(ChoiceArea::Compensation, "Describe the product the creator receives: it is the whole payment in a product-only deal.");
    }
    if matches!(
        pay.model,
        CompensationModel::Affiliate | CompensationModel::Hybrid
    ) {
        match pay.commission_rate.filter(|r| r.is_finite()) {
            Some(rate) if rate > 0.0 && rate <= 1.0 => {}
            Some(rate) => found.conflict(
                ChoiceArea::Compensation,
                format!(
                    "A commission of {} is not between 0% and 100%.",
                    percent(rate)
                ),
            ),
            None => found.conflict(
                ChoiceArea::Compensation,
                format!("An {} model needs a commission rate.", pay.model.label()),
            ),
        }
        if pay.attribution_days == 0 {
            found.conflict(
                ChoiceArea::Compensation,
                "Set how many days after a click or code use a sale still counts (30 is common).",
            );
        }
    }
    if matches!(
        pay.makegood,
        Makegood::AdjustedFee | Makegood::CreatorChooses
    ) && !has_fee
    {
        found.conflict(
            ChoiceArea::Compensation,
            format!("An adjusted-fee makegood needs a fee, and a {} deal has none: choose remedial content instead.", pay.model.label()),
        );
    }
    if let Some(share) = pay.outcome_share {
        if !has_fee {
            found.conflict(ChoiceArea::Compensation, "A share of the fee tied to outcomes needs a fee: clear it, or choose a flat fee or hybrid model.");
        } else if !(share.is_finite() && share > 0.0 && share < 1.0) {
            found.conflict(
                ChoiceArea::Compensation,
                format!(
                    "The share tied to outcomes ({}) must be above 0% and below 100%.",
                    percent(share)
                ),
            );
        }
        if !c.reporting.kpis.iter().any(|k| !k.target.trim().is_empty()) {
            found.conflict(ChoiceArea::Reporting, "The part of the fee tied to outcomes needs a KPI with a target: add a target to a KPI.");
        }
    }
    if pay.trigger == PaymentTrigger::OnReport && c.reporting.kpis.is_empty() {
        found.conflict(
            ChoiceArea::Compensation,
            "Payment is released by the performance report, but no KPI is listed to report on.",
        );
    }
    if let Some(bonus) = &pay.bonus {
        if bonus.metric.trim().is_empty()
            || !(bonus.threshold.is_finite() && bonus.threshold > 0.0)
            || positive(Some(bonus.amount)).is_none()
        {
            found.conflict(
                ChoiceArea::Compensation,
                "A bonus needs what is counted, a threshold above 0 and an amount above 0.",
            );
        }
    }
    if pay.payment_days > 60 {
        found.warning(ChoiceArea::Compensation, format!("Payment {} after the trigger is slow for an independent creator; 30 days is usual.", days(pay.payment_days)));
    }
}

fn kill_fee(c: &ContractChoices, found: &mut Found) {
    let kill = &c.compensation.kill_fee;
    if !kill.enabled {
        if c.has_fee() {
            found.warning(
                ChoiceArea::KillFee,
                "Without a kill fee the creator carries the whole risk of a cancellation.",
            );
        }
        return;
    }
    if !c.has_fee() {
        found.conflict(
            ChoiceArea::KillFee,
            format!(
                "A kill fee is a share of the fee ({} before content exists), but a {} deal has no fee. Turn the kill fee off, or choose a flat fee or hybrid model.",
                percent(kill.before_content),
                c.compensation.model.label()
            ),
        );
        return;
    }
    let shares = [kill.before_content, kill.after_draft, kill.after_posting];
    if shares
        .iter()
        .any(|s| !(s.is_finite() && (0.0..=1.0).contains(s)))
    {
        found.conflict(
            ChoiceArea::KillFee,
            "Kill fee shares must each be between 0% and 100% of the fee.",
        );
    } else if !(kill.before_content <= kill.after_draft && kill.after_draft <= kill.after_posting) {
        found.conflict(
            ChoiceArea::KillFee,
            format!(
                "The kill fee should grow as work is done: {} before content, {} after a draft, {} after posting.",
                percent(kill.before_content),
                percent(kill.after_draft),
                percent(kill.after_posting)
            ),
        );
    }
}

fn licence(c: &ContractChoices, found: &mut Found) {
    let licence = &c.licence;
    for (index, grant) in licence.grants.iter().enumerate() {
        if grant.territory.trim().is_empty() {
            found.conflict(
                ChoiceArea::Licence,
                format!("Usage on {}: name the territory.", grant.channel.label()),
            );
        }
        if grant.months == 0 {
            found.conflict(
                ChoiceArea::Licence,
                format!(
                    "Usage on {}: the licence needs a term of at least 1 month.",
                    grant.channel.label()
                ),
            );
        }
        if licence
            .grants
            .iter()
            .take(index)
            .any(|g| g.channel == grant.channel)
        {
            found.conflict(
                ChoiceArea::Licence,
                format!(
                    "{} is listed twice: keep one row per channel.",
                    grant.channel.label()
                ),
            );
        }
    }
    let paid_fee = positive(licence.paid_usage_fee);
    if c.has_paid_usage() && paid_fee.is_none() {
        let channels: Vec<&str> = licence
            .grants
            .iter()
            .filter(|g| g.channel.is_paid())
            .map(|g| g.channel.label())
            .collect();
        found.conflict(
            ChoiceArea::Licence,
            format!("Paid usage ({}) is priced separately from the content: enter a paid-usage fee, or remove the paid channels.", channels.join(", ")),
        );
    }
    if paid_fee.is_some() && !c.has_paid_usage() {
        found.warning(ChoiceArea::Licence, "A paid-usage fee is set but no paid channel is licensed: add the channel or clear the fee.");
    }
    if licence.copyright == Copyright::AssignedToBrand {
        found.warning(
            ChoiceArea::Licence,
            "Assigning copyright stops the creator reusing their own work; a licence limited by channel, territory and term is usually enough.",
        );
    }
}

fn exclusivity(c: &ContractChoices, found: &mut Found) {
    let ex = &c.exclusivity;
    if ex.kind == ExclusivityKind::None {
        return;
    }
    if ex.category.trim().is_empty() {
        found.conflict(
            ChoiceArea::Exclusivity,
            format!("Name the product category the {} covers.", ex.kind.label()),
        );
    }
    let s = &c.schedule;
    // A period past the calendar's limits is refused by the range check instead.
    let starts = add_days(s.posting_start, -i64::from(ex.days_before));
    let ends = add_days(s.posting_end, i64::from(ex.days_after));
    if let Some(starts) = starts.filter(|starts| *starts < s.term_start) {
        let fits = days_between(s.term_start, s.posting_start).max(0);
        found.conflict(
            ChoiceArea::Exclusivity,
            format!(
                "The {} would start on {}, before the term starts on {}. Shorten the period before posting to at most {} or start the term earlier.",
                ex.kind.label(),
                microplan_model::format::date(starts),
                microplan_model::format::date(s.term_start),
                days(u32::try_from(fits).unwrap_or(0))
            ),
        );
    }
    if let Some(ends) = ends.filter(|ends| *ends > s.term_end) {
        let fits = days_between(s.posting_end, s.term_end).max(0);
        found.conflict(
            ChoiceArea::Exclusivity,
            format!(
                "The {} runs until {}, {} after the term ends on {}. Shorten the period after posting to at most {} or extend the term.",
                ex.kind.label(),
                microplan_model::format::date(ends),
                days(u32::try_from(days_between(s.term_end, ends)).unwrap_or(0)),
                microplan_model::format::date(s.term_end),
                days(u32::try_from(fits).unwrap_or(0))
            ),
        );
    }
    if ex.kind == ExclusivityKind::Exclusive && !c.has_fee() {
        found.warning(
            ChoiceArea::Exclusivity,
            format!("Category exclusivity in a {} deal asks the creator to turn paid work down for nothing; consider first right of refusal.", c.compensation.model.label()),
        );
    }
}

fn market(c: &ContractChoices, found: &mut Found) {
    if c.governing_law.trim().is_empty() {
        found.conflict(
            ChoiceArea::Market,
            "Name the law that governs the agreement (for example England and Wales).",
        );
    }
    if c.market != Market::France {
        return;
    }
    let law = "France (loi n° 2023-451): the written contract must state";
    let rules = Market::France.rules();
    for clause in rules.mandatory_contract_clauses {
        let missing = match clause.key {
            "parties" => {
                let mut gaps = Vec::new();
                if c.brand.address.trim().is_empty() {
                    gaps.push("the brand's address");
                }
                if c.creator.legal_name.trim().is_empty() {
                    gaps.push("the creator's legal name");
                }
                if c.creator.address.trim().is_empty() {
                    gaps.push("the creator's address");
                }
                (!gaps.is_empty()).then(|| format!("Add {}.", gaps.join(", ")))
            }
            "missions" => c
                .deliverables
                .is_empty()
                .then(|| "Add the deliverables.".to_string()),
            "remuneration" => (c.compensation.model == CompensationModel::ProductOnly
                && positive(c.compensation.product_value).is_none())
            .then(|| "Enter the value of the product given.".to_string()),
            "french_law" => {
                let named = c.governing_law.to_lowercase();
                (!(named.contains("france") || named.contains("french"))).then(|| {
                    format!(
                        "Set the governing law to France (it is “{}”).",
                        c.governing_law.trim()
                    )
                })
            }
            _ => None,
        };
        if let Some(fix) = missing {
            found.conflict(
                ChoiceArea::Market,
                format!("{law} {}. {fix}", clause.description),
            );
        }
    }
}

fn reporting(c: &ContractChoices, found: &mut Found) {
    let r = &c.reporting;
    for (index, kpi) in r.kpis.iter().enumerate() {
        if kpi.metric.trim().is_empty() {
            found.conflict(
                ChoiceArea::Reporting,
                format!("KPI {}: name the metric.", index + 1),
            );
        }
        if kpi.data_source.trim().is_empty() {
            found.conflict(
                ChoiceArea::Reporting,
                format!("KPI {}: name its data source (native analytics screenshots, UTM links in GA4, promo code redemptions ...).", index + 1),
            );
        }
    }
    if r.kpis.is_empty() {
        found.warning(
            ChoiceArea::Reporting,
            "No KPIs: the agreement will not say what success looks like or how it is measured.",
        );
    }
    if r.due_days == 0 {
        found.conflict(
            ChoiceArea::Reporting,
            "Give the creator at least 1 day to send each report.",
        );
    }
}
