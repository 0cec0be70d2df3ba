//! Clauses present in every agreement, whatever the choices.

use super::super::choices::ContractChoices;
use crate::doc::Clause;

pub const ALWAYS: &str = "Always included";

pub fn right_to_decline(_c: &ContractChoices) -> Clause {
    Clause::new("The creator's right to decline", ALWAYS)
        .with_paragraph("The creator may decline any request (a message, a claim, a format, a reply to followers) that they reasonably believe would mislead or harm the trust of their community. Declining such a request is not a breach; the parties look for an alternative together.")
        .with_side_note("You can always say no to something that would hurt your audience's trust.")
}

pub fn audience_concerns(_c: &ContractChoices) -> Clause {
    Clause::new("Audience concerns", ALWAYS)
        .with_paragraph("If followers raise concerns about the product or the partnership (quality, safety, disclosure, values), the creator tells the brand within 2 days. The parties agree a reply together within 2 more days; the creator answers in their own voice and the brand answers product questions through its own channels. Neither side deletes honest criticism to hide it.")
        .with_side_note("If your audience is unhappy, you and the brand decide the answer together.")
}

pub fn confidentiality(_c: &ContractChoices) -> Clause {
    Clause::new("Confidentiality", ALWAYS)
        .with_paragraph("Both parties keep the fee, unreleased product details and each other's non-public information confidential for 12 months after the term, except where the law or a regulator requires disclosure. The fact of the partnership is not confidential: it is disclosed in every post.")
        .with_side_note("Keep the fee and unreleased news private; the partnership itself is public.")
}

pub fn content_standards(_c: &ContractChoices) -> Clause {
    Clause::new("Content standards", ALWAYS)
        .with_paragraph("Content follows the law and the platform's rules: no hate, harassment or dangerous acts, no unsafe use of the product, and no use of music, people or places without the right to use them. People who appear in the content have agreed to appear.")
        .with_side_note("Normal good practice: legal, safe, and with permission for music and people.")
}

pub fn takedown_and_retention(_c: &ContractChoices) -> Clause {
    Clause::new("Takedown and retention", ALWAYS)
        .with_paragraph("Either party may ask for a post to be taken down when it breaks the law, a platform rule or this agreement, or when a product recall or safety issue makes it misleading; the creator does so within 24 hours. After the live duration the creator may keep or remove the posts. The brand keeps drafts, reports and contact details only as long as it needs them for this agreement and its legal obligations, then deletes them.")
        .with_side_note("Posts come down quickly if something is wrong; your data is not kept for longer than needed.")
}

pub fn termination(_c: &ContractChoices) -> Clause {
    Clause::new("Termination", ALWAYS)
        .with_paragraph("Either party may end the agreement by written notice if the other seriously breaks it and does not fix the breach within 7 days of being asked. The brand pays for work done up to that date (see the kill fee where one applies). The clauses on disclosure, confidentiality, ownership and the licence already paid for survive the end of the agreement.")
        .with_side_note("Either side can end it after a serious problem that is not fixed within a week; finished work is still paid.")
}

pub fn governing_law(c: &ContractChoices) -> Clause {
    Clause::new("Governing law", format!("Governing law: {}", c.governing_law.trim()))
        .with_paragraph(format!(
            "The law of {} governs this agreement. The parties first try to settle any disagreement by talking in good faith for 14 days.",
            c.governing_law.trim()
        ))
        .with_side_note("Which country's law applies, and that you talk first if there is a dispute.")
}

pub fn not_legal_advice(_c: &ContractChoices) -> Clause {
    Clause::new("Not legal advice", ALWAYS)
        .with_paragraph(super::super::NOT_LEGAL_ADVICE)
        .with_side_note("Both sides should read it carefully and may want a lawyer to check it.")
}
