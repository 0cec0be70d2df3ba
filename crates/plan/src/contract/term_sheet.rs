//! The term sheet: every key term on one line, for a quick review before the full text.

use super::choices::{CompensationModel, ContractChoices, ExclusivityKind};
use super::clauses::rights::grant_line;
use super::labels::{days, money, percent, quantity};

/// `(term, what was agreed)` rows.
pub fn term_sheet(c: &ContractChoices) -> Vec<(String, String)> {
    let pay = &c.compensation;
    let currency = pay.currency.trim();
    let amount = |v: Option<f64>| {
        v.filter(|x| x.is_finite())
            .map(|x| money(x, currency))
            .unwrap_or_else(|| "to agree".into())
    };
    let s = &c.schedule;
    let compensation = match pay.model {
        CompensationModel::FlatFee => format!("Flat fee {}", amount(pay.fee)),
        CompensationModel::ProductOnly => format!(
            "Product only: {}",
            if pay.product.trim().is_empty() {
                "product to name"
            } else {
                pay.product.trim()
            }
        ),
        CompensationModel::Affiliate => format!(
            "Commission {}",
            pay.commission_rate
                .map(percent)
                .unwrap_or_else(|| "to agree".into())
        ),
        CompensationModel::Hybrid => format!(
            "Fee {} + commission {}",
            amount(pay.fee),
            pay.commission_rate
                .map(percent)
                .unwrap_or_else(|| "to agree".into())
        ),
    };
    let outcome = match pay.outcome_share {
        Some(share) if c.has_fee() => {
            format!("{} of the fee on reaching the target", percent(share))
        }
        _ if matches!(
            pay.model,
            CompensationModel::Affiliate | CompensationModel::Hybrid
        ) =>
        {
            "Commission on attributed sales".into()
        }
        _ => "None".into(),
    };
    let kill = if pay.kill_fee.enabled && c.has_fee() {
        format!(
            "{} before content, {} after a draft, {} after posting",
            percent(pay.kill_fee.before_content),
            percent(pay.kill_fee.after_draft),
            percent(pay.kill_fee.after_posting)
        )
    } else {
        "None".into()
    };
    let licence = if c.licence.grants.is_empty() {
        "Platform sharing only".to_string()
    } else {
        c.licence
            .grants
            .iter()
            .map(grant_line)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let exclusivity = match c.exclusivity.kind {
        ExclusivityKind::None => "None".to_string(),
        kind => format!(
            "{}: {} ({} before, {} after the window)",
            kind.label(),
            c.exclusivity.category.trim(),
            days(c.exclusivity.days_before),
            days(c.exclusivity.days_after)
        ),
    };
    let kpis = if c.reporting.kpis.is_empty() {
        "None agreed".to_string()
    } else {
        c.reporting
            .kpis
            .iter()
            .map(|k| format!("{} ({})", k.metric.trim(), k.data_source.trim()))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let rows = [
        (
            "Parties",
            format!(
                "{} and {} (@{})",
                c.brand.name.trim(),
                c.creator_name(),
                c.creator.handle.trim().trim_start_matches('@')
            ),
        ),
        ("Campaign", c.campaign.trim().to_string()),
        (
            "Term",
            format!(
                "{} to {}",
                microplan_model::format::date(s.term_start),
                microplan_model::format::date(s.term_end)
            ),
        ),
        (
            "Posting window",
            format!(
                "{} to {}",
                microplan_model::format::date(s.posting_start),
                microplan_model::format::date(s.posting_end)
            ),
        ),
        (
            "Deliverables",
            c.deliverables
                .iter()
                .map(|d| d.short_name())
                .collect::<Vec<_>>()
                .join("; "),
        ),
        ("Posts stay live", days(s.live_days)),
        ("Final edit", c.creative.final_edit.label().to_string()),
        (
            "Revisions",
            format!(
                "{}, {} each; brand review {}",
                match c.creative.revision_rounds {
                    1 => "1 round".to_string(),
                    n => format!("{n} rounds"),
                },
                days(c.creative.revision_days),
                days(c.creative.review_days)
            ),
        ),
        ("Compensation", compensation),
        ("Tied to outcomes", outcome),
        (
            "Payment",
            format!("{}, within {}", pay.trigger.label(), days(pay.payment_days)),
        ),
        (
            "Bonus",
            pay.bonus
                .as_ref()
                .map(|b| {
                    format!(
                        "{} at {} {}",
                        money(b.amount, currency),
                        quantity(b.threshold),
                        b.metric.trim()
                    )
                })
                .unwrap_or_else(|| "None".into()),
        ),
        ("Makegood", pay.makegood.label().to_string()),
        ("Kill fee", kill),
        ("Usage licence", licence),
        (
            "Paid usage fee",
            if c.has_paid_usage() {
                amount(c.licence.paid_usage_fee)
            } else {
                "No paid usage".into()
            },
        ),
        ("Copyright", c.licence.copyright.label().to_string()),
        ("Exclusivity", exclusivity),
        (
            "Disclosure",
            format!(
                "{} ({})",
                c.market.rules().preferred_label(),
                c.market.name()
            ),
        ),
        ("KPIs", kpis),
        ("Reporting", c.reporting.cadence.label().to_string()),
        ("Governing law", c.governing_law.trim().to_string()),
    ];
    rows.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}
