//! Rights: the usage licence matrix, paid usage, copyright and exclusivity.

use microplan_model::limits::add_days_saturating;

use super::super::choices::{ContractChoices, Copyright, ExclusivityKind};
use super::super::labels::{days, money, months};
use crate::doc::Clause;

/// `organic repost ... in United Kingdom for 6 months`
pub fn grant_line(grant: &super::super::choices::UsageGrant) -> String {
    let platforms = grant.platforms.trim();
    let on = if grant.channel.is_paid() && !platforms.is_empty() {
        format!(" on {platforms}")
    } else {
        String::new()
    };
    format!(
        "{}{on}: {}, for {} from the first post",
        grant.channel.label(),
        grant.territory.trim(),
        months(grant.months)
    )
}

pub fn licence(c: &ContractChoices) -> Clause {
    let grants = &c.licence.grants;
    let source = if grants.is_empty() {
        "Usage licence: none beyond the creator's own posts".to_string()
    } else {
        let cells: Vec<String> = grants
            .iter()
            .map(|g| {
                format!(
                    "{} × {} × {}",
                    g.channel.code(),
                    g.territory.trim(),
                    months(g.months)
                )
            })
            .collect();
        format!("Usage licence: {}", cells.join("; "))
    };
    let mut clause = Clause::new("Usage licence", source);
    if grants.is_empty() {
        clause = clause.with_paragraph("The brand may share the creator's posts through the platforms' own share and repost features only. Any other use needs a separate written agreement.");
    } else {
        clause = clause.with_paragraph("The creator grants the brand a non-exclusive licence to use the deliverables only as follows:");
        for grant in grants {
            clause = clause.with_item(grant_line(grant));
        }
        clause = clause.with_paragraph(
            "Each use credits the creator. The brand may crop and caption the content but does not change its meaning. Use on any other channel, in any other territory or after these terms needs a separate written agreement and fee. When a term ends, the brand stops new uses; it need not delete posts already published on its own organic channels.",
        );
    }
    clause.with_side_note("The brand can reuse your content only where, for how long and in the places listed. Anything else is a new deal.")
}

pub fn paid_usage(c: &ContractChoices) -> Option<Clause> {
    if !c.has_paid_usage() {
        return None;
    }
    let paid: Vec<&str> = c
        .licence
        .grants
        .iter()
        .filter(|g| g.channel.is_paid())
        .map(|g| g.channel.label())
        .collect();
    let fee = c
        .licence
        .paid_usage_fee
        .filter(|f| f.is_finite())
        .map(|f| money(f, c.compensation.currency.trim()))
        .unwrap_or_else(|| "a fee to agree".into());
    let mut clause = Clause::new("Paid usage and whitelisting", format!("Usage licence: paid usage ({}) for {fee}", paid.join(", ")))
        .with_paragraph(format!(
            "Paid usage is priced separately from the content: the brand pays {fee} for it, on top of the compensation above, with the first payment."
        ));
    let named: Vec<String> = c
        .licence
        .grants
        .iter()
        .filter(|g| g.channel.is_paid() && !g.platforms.trim().is_empty())
        .map(|g| format!("{} on {}", g.channel.label(), g.platforms.trim()))
        .collect();
    if !named.is_empty() {
        clause = clause.with_paragraph(format!(
            "The paid usage runs only on the platforms named: {}. Any other platform needs a separate written agreement.",
            named.join("; ")
        ));
    }
    if c.licence
        .grants
        .iter()
        .any(|g| g.channel == super::super::choices::Channel::Whitelisting)
    {
        clause = clause.with_paragraph(
            "For whitelisting the creator gives the brand advertiser access through the platform's own partnership tools, never their password. The brand shows the creator each ad before it runs, keeps the disclosure label on it, and may not reply to comments as the creator. The creator can end the access at the end of the licence term or if the brand breaks this clause.",
        );
    }
    Some(clause.with_side_note("Ads with your content are paid for on their own; with whitelisting you see every ad first and keep control of your account."))
}

pub fn copyright(c: &ContractChoices) -> Clause {
    let ownership = c.licence.copyright;
    Clause::new("Ownership", format!("Copyright: {}", ownership.label()))
        .with_paragraph(match ownership {
            Copyright::CreatorKeeps => "The creator owns the content they make, including unused footage. The brand owns its trademarks and product images it supplies. The creator may keep the content on their own channels and portfolio after the term.",
            Copyright::AssignedToBrand => "The creator assigns copyright in the final deliverables to the brand on full payment. The creator may still show the content in their portfolio, and keeps unused footage.",
        })
        .with_side_note(match ownership {
            Copyright::CreatorKeeps => "You own what you make; the brand only gets the licence above.",
            Copyright::AssignedToBrand => "After payment the brand owns the final deliverables; you can still show them in your portfolio.",
        })
}

pub fn exclusivity(c: &ContractChoices) -> Option<Clause> {
    let ex = &c.exclusivity;
    if ex.kind == ExclusivityKind::None {
        return None;
    }
    let starts = add_days_saturating(c.schedule.posting_start, -i64::from(ex.days_before));
    let ends = add_days_saturating(c.schedule.posting_end, i64::from(ex.days_after));
    let competitors = if ex.competitors.is_empty() {
        String::new()
    } else {
        format!(
            " Named competitors: {}.",
            ex.competitors
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let period = format!(
        "from {} ({} before the posting window) to {} ({} after it)",
        microplan_model::format::date(starts),
        days(ex.days_before),
        microplan_model::format::date(ends),
        days(ex.days_after)
    );
    let (title, text, note) = match ex.kind {
        ExclusivityKind::Exclusive => (
            "Exclusivity",
            format!("The creator does not promote competing products in the category “{}” {period}.{competitors} Organic, unpaid mentions of products the creator already uses are not affected.", ex.category.trim()),
            format!("No paid work for competing {} brands {period}.", ex.category.trim()),
        ),
        _ => (
            "First right of refusal",
            format!("Before accepting a paid offer in the category “{}” {period}, the creator tells the brand the kind of work offered (not the other brand's confidential terms). The brand has 5 days to offer the same work on equal terms; if it does not, the creator is free to accept.{competitors}", ex.category.trim()),
            format!("You can still work with competing {} brands; the brand just gets the first chance to match the offer.", ex.category.trim()),
        ),
    };
    Some(
        Clause::new(
            title,
            format!(
                "Exclusivity: {}, {}, {} before / {} after",
                ex.kind.label(),
                ex.category.trim(),
                days(ex.days_before),
                days(ex.days_after)
            ),
        )
        .with_paragraph(text)
        .with_side_note(note),
    )
}
