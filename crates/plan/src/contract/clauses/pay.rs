//! Money: the compensation model, what releases payment, bonus, makegood and kill fee.

use super::super::choices::{CompensationModel, ContractChoices, Makegood, PaymentTrigger};
use super::super::labels::{days, money, percent, quantity};
use crate::doc::Clause;

fn amount(c: &ContractChoices, value: Option<f64>) -> String {
    value
        .filter(|v| v.is_finite())
        .map(|v| money(v, c.compensation.currency.trim()))
        .unwrap_or_else(|| "an amount to agree".into())
}

fn commission(c: &ContractChoices) -> String {
    c.compensation
        .commission_rate
        .filter(|r| r.is_finite())
        .map(percent)
        .unwrap_or_else(|| "a rate to agree".into())
}

pub fn compensation(c: &ContractChoices) -> Clause {
    let pay = &c.compensation;
    let product = if pay.product.trim().is_empty() {
        String::new()
    } else {
        let value = pay
            .product_value
            .filter(|v| v.is_finite() && *v > 0.0)
            .map(|v| format!(" (retail value {})", money(v, pay.currency.trim())))
            .unwrap_or_default();
        format!(
            " The creator also receives {}{value}, theirs to keep.",
            pay.product.trim()
        )
    };
    let attribution = format!(
        "Sales count when they come through the creator's own tracking link or code within {} of the click or code use, as shown in the brand's order records, which the brand shares with the creator.",
        days(pay.attribution_days)
    );
    let (source, text, note) = match pay.model {
        CompensationModel::FlatFee => (
            format!("Compensation model: flat fee {}", amount(c, pay.fee)),
            format!("The brand pays a flat fee of {} for the deliverables.{product}", amount(c, pay.fee)),
            format!("You are paid {} for the work listed.", amount(c, pay.fee)),
        ),
        CompensationModel::ProductOnly => (
            "Compensation model: product only".to_string(),
            format!(
                "The creator receives {} as the only payment{}. No fee is paid. The product is the creator's to keep whatever they post, and their opinion of it stays their own.",
                if pay.product.trim().is_empty() { "the product" } else { pay.product.trim() },
                pay.product_value.filter(|v| v.is_finite() && *v > 0.0).map(|v| format!(" (retail value {})", money(v, pay.currency.trim()))).unwrap_or_default()
            ),
            "You keep the product; there is no fee.".to_string(),
        ),
        CompensationModel::Affiliate => (
            format!("Compensation model: affiliate commission {}", commission(c)),
            format!("The brand pays a commission of {} of the net value of attributed sales.{product} {attribution}", commission(c)),
            format!("You earn {} of sales that come through your link or code.", commission(c)),
        ),
        CompensationModel::Hybrid => (
            format!("Compensation model: hybrid, fee {} plus commission {}", amount(c, pay.fee), commission(c)),
            format!(
                "The brand pays a fixed fee of {} plus a commission of {} of the net value of attributed sales.{product} {attribution}",
                amount(c, pay.fee),
                commission(c)
            ),
            format!("A guaranteed {} plus {} of the sales you drive.", amount(c, pay.fee), commission(c)),
        ),
    };
    Clause::new("Compensation", source)
        .with_paragraph(text)
        .with_side_note(note)
}

pub fn payment(c: &ContractChoices) -> Clause {
    let pay = &c.compensation;
    let trigger = match pay.trigger {
        PaymentTrigger::OnPosting => "once every deliverable is live".to_string(),
        PaymentTrigger::HalfUpfront => {
            "half on signature and half once every deliverable is live".to_string()
        }
        PaymentTrigger::OnReport => {
            "once the creator has delivered the performance report described below".to_string()
        }
    };
    let mut clause = Clause::new(
        "Payment",
        format!(
            "Payment trigger: {}; payment terms: {} after the trigger",
            pay.trigger.label(),
            days(pay.payment_days)
        ),
    );
    if c.has_fee() {
        clause = clause.with_paragraph(format!(
            "The fixed fee is paid {trigger}, within {} of the creator's invoice.",
            days(pay.payment_days)
        ));
    }
    if matches!(
        pay.model,
        CompensationModel::Affiliate | CompensationModel::Hybrid
    ) {
        clause = clause.with_paragraph(format!(
            "Commission is calculated monthly from the brand's order records and paid within {} of each month's end, with the list of attributed orders.",
            days(pay.payment_days)
        ));
    }
    if pay.model == CompensationModel::ProductOnly {
        clause = clause.with_paragraph("The brand ships the product at its own cost before the posting window opens; no money changes hands.");
    }
    clause.with_side_note(if c.has_fee() {
        format!(
            "Invoice after the trigger; you are paid within {}.",
            days(pay.payment_days)
        )
    } else if pay.model == CompensationModel::Affiliate {
        "Commission is paid monthly with a list of the orders it comes from.".to_string()
    } else {
        "The product arrives before the posting window; there is nothing to invoice.".to_string()
    })
}

pub fn outcome_share(c: &ContractChoices) -> Option<Clause> {
    let share = c.compensation.outcome_share.filter(|s| s.is_finite())?;
    let fee = c.compensation.fee.filter(|f| f.is_finite())?;
    let tied = fee * share;
    let targets: Vec<String> = c
        .reporting
        .kpis
        .iter()
        .filter(|k| !k.target.trim().is_empty())
        .map(|k| {
            format!(
                "{}: {} (from {})",
                k.metric.trim(),
                k.target.trim(),
                k.data_source.trim()
            )
        })
        .collect();
    let mut clause = Clause::new("Part of the fee tied to outcomes", format!("Share tied to outcomes: {}", percent(share)))
        .with_paragraph(format!(
            "{} of the fixed fee ({}) is paid when the report shows the agreed target met; the remaining {} is paid as set out under Payment whatever the results.",
            percent(share),
            money(tied, c.compensation.currency.trim()),
            money(fee - tied, c.compensation.currency.trim())
        ));
    for target in targets {
        clause = clause.with_item(target);
    }
    Some(clause.with_side_note(format!(
        "Most of the fee is guaranteed; {} depends on the targets listed.",
        percent(share)
    )))
}

pub fn bonus(c: &ContractChoices) -> Option<Clause> {
    let bonus = c.compensation.bonus.as_ref()?;
    let threshold = quantity(bonus.threshold);
    Some(
        Clause::new("Bonus", format!("Bonus: {} at {threshold} {}", money(bonus.amount, c.compensation.currency.trim()), bonus.metric.trim()))
            .with_paragraph(format!(
                "If the deliverables reach {threshold} {} within the reporting period, as shown in the agreed data source, the brand pays a bonus of {} with the next payment.",
                bonus.metric.trim(),
                money(bonus.amount, c.compensation.currency.trim())
            ))
            .with_side_note(format!("Reach {threshold} {} and you earn an extra {}.", bonus.metric.trim(), money(bonus.amount, c.compensation.currency.trim()))),
    )
}

pub fn makegood(c: &ContractChoices) -> Clause {
    let kind = c.compensation.makegood;
    let remedy = match kind {
        Makegood::RemedialContent => "the creator makes one remedial post of the same format within the term, at no extra cost.",
        Makegood::AdjustedFee => "the fee is reduced in proportion to the deliverables not delivered, and nothing more is owed for them.",
        Makegood::CreatorChooses => "the creator chooses between one remedial post of the same format within the term and a fee reduced in proportion to what was not delivered.",
        Makegood::None => "the parties agree a fair remedy in good faith; nothing is deducted automatically.",
    };
    Clause::new("Makegood and remedies", format!("Makegood: {}", kind.label()))
        .with_paragraph(format!(
            "If a deliverable is not posted in the window, breaks the agreed specification, or misses a KPI the creator controls (such as posting on time with the tracking link), {remedy}"
        ))
        .with_paragraph("Results the creator does not control (reach, sales) do not trigger a makegood unless the target is tied to the fee above. Delays caused by the brand move the window instead.")
        .with_side_note("If something you agreed to make goes wrong, this is the fix, and nothing beyond it.")
}

pub fn kill_fee(c: &ContractChoices) -> Option<Clause> {
    let kill = &c.compensation.kill_fee;
    if !kill.enabled || !c.has_fee() {
        return None;
    }
    let fee = c.compensation.fee.filter(|f| f.is_finite()).unwrap_or(0.0);
    let currency = c.compensation.currency.trim();
    let line = |label: &str, share: f64| {
        format!(
            "{label}: {} of the fee ({})",
            percent(share),
            money(fee * share, currency)
        )
    };
    Some(
        Clause::new(
            "Kill fee",
            format!("Kill fee: {} / {} / {}", percent(kill.before_content), percent(kill.after_draft), percent(kill.after_posting)),
        )
        .with_paragraph("If the brand cancels the work for reasons other than the creator's breach, it pays:")
        .with_item(line("before any content exists", kill.before_content))
        .with_item(line("after a draft has been delivered", kill.after_draft))
        .with_item(line("after the content has been posted", kill.after_posting))
        .with_paragraph("Products already received stay with the creator. A cancelled post is not published, and the licence for it lapses.")
        .with_side_note("If the brand pulls out, you are still paid for the work already done."),
    )
}
