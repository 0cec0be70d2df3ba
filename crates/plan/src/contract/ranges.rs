//! The ranges of every date, period and amount of a contract: beyond them a value is a
//! typing mistake (a live duration of 100,000,000 days, a posting window closing in the year
//! 262142), refused as a conflict that names the field and the range.

use super::choices::ContractChoices;
use super::problem::{ChoiceArea, Problem, Severity};
use microplan_model::limits::{amount_problem, date_problem, days_problem, MAX_LICENCE_MONTHS};

fn conflict(area: ChoiceArea, message: String) -> Problem {
    Problem {
        severity: Severity::Conflict,
        area,
        message,
    }
}

/// A conflict for each date, period or amount outside its range.
pub fn range_problems(c: &ContractChoices) -> Vec<Problem> {
    let s = &c.schedule;
    let dates = [
        ("The term's start", s.term_start),
        ("The term's end", s.term_end),
        ("The posting window's opening", s.posting_start),
        ("The posting window's close", s.posting_end),
    ];
    let periods = [
        (ChoiceArea::Dates, "Posts stay live", s.live_days),
        (
            ChoiceArea::Creative,
            "Days per revision",
            c.creative.revision_days,
        ),
        (
            ChoiceArea::Creative,
            "The brand's review time",
            c.creative.review_days,
        ),
        (
            ChoiceArea::Compensation,
            "The attribution window",
            c.compensation.attribution_days,
        ),
        (
            ChoiceArea::Compensation,
            "The payment term",
            c.compensation.payment_days,
        ),
        (
            ChoiceArea::Exclusivity,
            "The exclusivity before the posting window",
            c.exclusivity.days_before,
        ),
        (
            ChoiceArea::Exclusivity,
            "The exclusivity after the posting window",
            c.exclusivity.days_after,
        ),
        (
            ChoiceArea::Reporting,
            "The time to send a report",
            c.reporting.due_days,
        ),
    ];
    let pay = &c.compensation;
    let amounts = [
        (ChoiceArea::Compensation, "The fee", pay.fee),
        (
            ChoiceArea::Compensation,
            "The product's value",
            pay.product_value,
        ),
        (
            ChoiceArea::Compensation,
            "The bonus amount",
            pay.bonus.as_ref().map(|b| b.amount),
        ),
        (
            ChoiceArea::Compensation,
            "The bonus threshold",
            pay.bonus.as_ref().map(|b| b.threshold),
        ),
        (
            ChoiceArea::Licence,
            "The paid-usage fee",
            c.licence.paid_usage_fee,
        ),
    ];
    let mut found: Vec<Problem> = dates
        .iter()
        .filter_map(|(what, date)| date_problem(what, *date))
        .map(|message| conflict(ChoiceArea::Dates, message))
        .collect();
    for (area, what, days) in periods {
        if let Some(message) = days_problem(what, u64::from(days)) {
            found.push(conflict(area, message));
        }
    }
    for (area, what, amount) in amounts {
        if let Some(message) = amount.and_then(|a| amount_problem(what, a)) {
            found.push(conflict(area, message));
        }
    }
    if c.creative.revision_rounds > 10 {
        found.push(conflict(
            ChoiceArea::Creative,
            format!(
                "{} revision rounds is a typing mistake: enter at most 10.",
                c.creative.revision_rounds
            ),
        ));
    }
    for grant in c
        .licence
        .grants
        .iter()
        .filter(|g| g.months > MAX_LICENCE_MONTHS)
    {
        found.push(conflict(
            ChoiceArea::Licence,
            format!(
                "Usage on {} for {} months is more than ten years, a typing mistake: enter at most {MAX_LICENCE_MONTHS} months.",
                grant.channel.label(),
                grant.months
            ),
        ));
    }
    found
}
