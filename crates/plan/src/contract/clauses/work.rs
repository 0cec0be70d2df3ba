//! The work: who, when, what is made, how long it stays up, and who decides the final cut.

use microplan_model::limits::add_days_saturating;

use super::super::choices::{ContractChoices, FinalEdit};
use super::super::labels::days;
use crate::deliverables::total_pieces;
use crate::doc::Clause;

pub fn parties(c: &ContractChoices) -> Clause {
    let brand_address = if c.brand.address.trim().is_empty() {
        String::new()
    } else {
        format!(", {}", c.brand.address.trim())
    };
    let creator_address = if c.creator.address.trim().is_empty() {
        String::new()
    } else {
        format!(", {}", c.creator.address.trim())
    };
    Clause::new("Parties and campaign", "Parties: brand, creator and campaign")
        .with_paragraph(format!(
            "This agreement is between {}{brand_address} (“the brand”) and {}{creator_address}, @{} on {} (“the creator”), for the campaign “{}”.",
            c.brand.name.trim(),
            c.creator_name(),
            c.creator.handle.trim().trim_start_matches('@'),
            c.creator.platform.trim(),
            c.campaign.trim()
        ))
        .with_side_note("Who is agreeing to what, and for which campaign.")
}

pub fn term(c: &ContractChoices) -> Clause {
    let s = &c.schedule;
    Clause::new("Term and posting window", format!("Dates: term {} to {}, posting window {} to {}", microplan_model::format::date(s.term_start), microplan_model::format::date(s.term_end), microplan_model::format::date(s.posting_start), microplan_model::format::date(s.posting_end)))
        .with_paragraph(format!(
            "The agreement runs from {} to {}. The creator publishes the deliverables between {} and {}.",
            microplan_model::format::date(s.term_start), microplan_model::format::date(s.term_end), microplan_model::format::date(s.posting_start), microplan_model::format::date(s.posting_end)
        ))
        .with_side_note("Post inside these dates. The agreement ends on its own at the end of the term.")
}

pub fn deliverables(c: &ContractChoices) -> Clause {
    let mut clause = Clause::new(
        "Deliverables",
        format!(
            "Deliverables: {}, {} in total",
            microplan_model::format::plural(c.deliverables.len() as u64, "item", "items"),
            microplan_model::format::plural(
                u64::from(total_pieces(&c.deliverables)),
                "piece",
                "pieces"
            )
        ),
    )
    .with_paragraph("The creator makes and delivers:");
    for deliverable in &c.deliverables {
        clause = clause.with_item(deliverable.describe());
    }
    clause
        .with_paragraph("Drafts are shared with the brand before posting, in the file types and shapes listed, within the turnaround given.")
        .with_side_note("This is the complete list of what you make. Anything more is a new request you may price or decline.")
}

pub fn live_duration(c: &ContractChoices) -> Clause {
    let live = c.schedule.live_days;
    let until = add_days_saturating(c.schedule.posting_end, i64::from(live));
    Clause::new("Posts stay live", format!("Live duration: {}", days(live)))
        .with_paragraph(format!(
            "Each post stays published for at least {} after it goes live (for the last post, until {}). Archiving or deleting a post earlier needs the brand's agreement, except under the takedown clause.",
            days(live),
            microplan_model::format::date(until)
        ))
        .with_side_note(format!("Keep the posts up for {}; after that they are yours to keep or remove.", days(live)))
}

pub fn creative_control(c: &ContractChoices) -> Clause {
    let edit = c.creative.final_edit;
    let text = match edit {
        FinalEdit::Creator => "The creator has primary creative control and the final edit: voice, format, script and local references are theirs. The brand supplies the brief's mandatory facts and messages to avoid.",
        FinalEdit::Joint => "The creator leads the creative work; the final cut needs both parties' agreement, which neither withholds unreasonably.",
        FinalEdit::Brand => "The creator leads the creative work; the brand approves the final cut. The brand does not rewrite the creator's words into a script.",
    };
    Clause::new(
        "Creative control and final edit",
        format!("Creative control: {}", edit.label()),
    )
    .with_paragraph(text)
    .with_side_note(match edit {
        FinalEdit::Creator => {
            "It is your content in your voice; the brand checks facts, not style."
        }
        FinalEdit::Joint => "You make it; you and the brand agree the final version together.",
        FinalEdit::Brand => "You make it, but the brand signs off the final version.",
    })
}

pub fn review_and_revisions(c: &ContractChoices) -> Clause {
    let cc = &c.creative;
    let silence = if cc.silence_is_approval {
        format!(
            "If the brand does not answer within {}, the draft counts as approved.",
            days(cc.review_days)
        )
    } else {
        format!(
            "The brand answers within {}; the creator does not post before approval.",
            days(cc.review_days)
        )
    };
    let rounds = match cc.revision_rounds {
        0 => "No revision rounds are included: the brand approves or declines the draft as it is.".to_string(),
        1 => format!("One reasonable revision round is included; the creator makes it within {} of the brand's comments.", days(cc.revision_days)),
        n => format!("{n} revision rounds are included; the creator makes each within {} of the brand's comments.", days(cc.revision_days)),
    };
    Clause::new(
        "Review and revisions",
        format!(
            "Revisions: {}, {} each; brand review {}{}",
            match cc.revision_rounds { 1 => "1 round".to_string(), n => format!("{n} rounds") },
            days(cc.revision_days),
            days(cc.review_days),
            if cc.silence_is_approval { ", silence counts as approval" } else { "" }
        ),
    )
    .with_paragraph(format!("The brand reviews each draft within {}. {silence}", days(cc.review_days)))
    .with_paragraph(format!("{rounds} Further changes are a new request the creator may price or decline. Factual corrections and missing disclosures are always fixed."))
    .with_side_note(format!(
        "Expect feedback within {}; {}.",
        days(cc.review_days),
        match cc.revision_rounds {
            0 => "no changes are included".to_string(),
            1 => "one round of changes is included".to_string(),
            n => format!("{n} rounds of changes are included"),
        }
    ))
}
