//! The brief as a document (Markdown, HTML, plain text and print come from `doc`). The
//! order follows what a creator needs first: why, what must be true, how to disclose, then
//! the freedom, the dates, the pieces, the link and the way back.

use chrono::NaiveDate;

use super::per_creator::CreatorBrief;
use super::{CampaignBrief, PostingWindow};
use crate::doc::Document;
use crate::markets::Market;

/// `12 Oct 2026`: the one date format of `microplan_model::format`.
pub fn long_date(date: NaiveDate) -> String {
    microplan_model::format::date(date)
}

fn window_sentence(window: &PostingWindow) -> String {
    format!(
        "Please post between {} and {}, so the community sees the posts together.",
        long_date(window.start),
        long_date(window.end)
    )
}

fn items(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|item| item.trim().to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

fn section_list(doc: &mut Document, title: &str, list: &[String]) {
    let kept = items(list);
    if !kept.is_empty() {
        doc.heading(2, title);
        doc.bullets(kept);
    }
}

fn section_text(doc: &mut Document, title: &str, text: &str) {
    if !text.trim().is_empty() {
        doc.heading(2, title);
        doc.paragraph(text.trim());
    }
}

fn disclosure(doc: &mut Document, market: Market) {
    let rules = market.rules();
    doc.heading(2, "Disclosure");
    let others: Vec<String> = rules
        .accepted_labels
        .iter()
        .skip(1)
        .map(|l| format!("“{l}”"))
        .collect();
    let also = if others.is_empty() {
        String::new()
    } else {
        format!(" (also accepted: {})", others.join(", "))
    };
    doc.paragraph(format!(
        "This is a paid or gifted partnership, so every post must say so clearly. Rules for {}: label it \
         “{}”{also}.",
        market.name(),
        rules.preferred_label(),
    ));
    let mut points: Vec<String> = rules.placement.iter().map(|p| p.to_string()).collect();
    points.extend(rules.video.iter().map(|p| p.to_string()));
    points.push(rules.gifted_products.to_string());
    // Where the law requires a written contract (France), the creator hears it in the brief.
    if !rules.mandatory_contract_clauses.is_empty() {
        let clauses: Vec<&str> = rules
            .mandatory_contract_clauses
            .iter()
            .map(|c| c.description)
            .collect();
        points.push(format!(
            "A written contract between the brand and you is mandatory above the threshold set by decree, signed before you post: it states {}.",
            clauses.join("; ")
        ));
    }
    if !rules.labels_to_avoid.is_empty() {
        points.push(format!(
            "Do not rely on unclear labels: {}.",
            rules
                .labels_to_avoid
                .iter()
                .map(|l| format!("“{l}”"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    doc.bullets(points);
    doc.note(Some("Source".to_string()), rules.sources_line());
}

fn deliverables_section(doc: &mut Document, brief: &CampaignBrief, creator: Option<&CreatorBrief>) {
    let mut list = creator
        .map(|c| c.deliverables.clone())
        .unwrap_or_else(|| brief.deliverables.clone());
    for deliverable in list.iter_mut().filter(|d| d.platform == "any") {
        deliverable.platform = "own-platform".to_string();
    }
    if list.is_empty() {
        return;
    }
    doc.heading(2, "Deliverables");
    doc.bullets(list.iter().map(|d| d.describe()).collect());
    if let Some(creator) = creator {
        doc.heading(2, "Your link and code");
        if creator.pieces.iter().any(|p| p.link.is_some()) {
            doc.paragraph(
                "Use the link of each piece, so we can thank you with numbers, not guesses.",
            );
            let rows = creator
                .pieces
                .iter()
                .map(|p| {
                    vec![
                        p.name.clone(),
                        p.link.clone().unwrap_or_else(|| "(to follow)".to_string()),
                    ]
                })
                .collect();
            doc.table(vec!["Piece".to_string(), "Link".to_string()], rows);
        } else {
            doc.paragraph("Your tracked link follows before the window opens.");
        }
        // A discount outside 0-100% (from a hand-edited file) is left unsaid, not printed.
        match (&creator.code, creator.discount.filter(|d| (0.0..=1.0).contains(d))) {
            (Some(code), Some(discount)) => doc.paragraph(format!(
                "Your code: {code} gives your followers {} off. It is yours alone: redemptions count towards your results.",
                microplan_model::format::percent(discount)
            )),
            (Some(code), None) => doc.paragraph(format!("Your code: {code}. It is yours alone.")),
            (None, _) => doc,
        };
    } else {
        doc.paragraph("Each creator's own brief carries their tracked links and promo code.");
    }
}

/// The brief as a document: the campaign brief, or one creator's brief when `creator` is set.
pub fn render_brief(brief: &CampaignBrief, creator: Option<&CreatorBrief>) -> Document {
    let name = if brief.name.trim().is_empty() {
        "Campaign"
    } else {
        brief.name.trim()
    };
    let mut doc = Document::new(format!("{name}: creator brief"));
    doc.subtitle = Some(
        match (
            creator,
            brief.community.as_deref().filter(|c| !c.trim().is_empty()),
        ) {
            (Some(creator), _) => format!("For {}", creator.addressee()),
            (None, Some(community)) => {
                format!("Campaign brief for the {} community", community.trim())
            }
            (None, None) => "Campaign brief".to_string(),
        },
    );
    if let Some(market) = brief.market {
        doc.meta.push(format!("Market: {}", market.name()));
    }
    if let Some(window) = &brief.posting_window {
        doc.meta.push(format!(
            "Posting window: {} to {}",
            long_date(window.start),
            long_date(window.end)
        ));
    }
    section_text(&mut doc, "Why we are doing this", &brief.mission);
    section_text(&mut doc, "The one objective", &brief.objective);
    section_list(&mut doc, "Who it is for", &brief.audience_segments);
    section_list(
        &mut doc,
        "What your audience needs to know",
        &brief.mandatory_facts,
    );
    section_list(&mut doc, "Non-negotiables", &brief.non_negotiables);
    section_list(&mut doc, "Please avoid", &brief.avoid);
    if let Some(market) = brief.market {
        disclosure(&mut doc, market);
    }
    section_text(&mut doc, "Your voice", &brief.creative_freedom);
    section_list(
        &mut doc,
        "Content that resonated before",
        &brief.past_examples,
    );
    if !brief.formats.is_empty() {
        doc.heading(2, "Formats that invite your followers in");
        doc.bullets(
            brief
                .formats
                .iter()
                .map(|f| format!("{}: {}", f.label(), f.prompt()))
                .collect(),
        );
    }
    section_list(&mut doc, "Ideas, if you want them", &brief.creative_prompts);
    if let Some(window) = &brief.posting_window {
        doc.heading(2, "When to post");
        doc.paragraph(window_sentence(window));
    }
    deliverables_section(&mut doc, brief, creator);
    section_text(&mut doc, "Call to action", &brief.call_to_action);
    section_list(&mut doc, "What to send us afterwards", &brief.reporting);
    section_text(&mut doc, "What happens next", &brief.feedback_loop);
    if let Some(days) = brief.approval_days {
        doc.heading(2, "Approval");
        doc.paragraph(format!(
            "Send us your draft before posting; we reply within {days} working day{}. We check facts \
             and disclosure, not your style.",
            if days == 1 { "" } else { "s" }
        ));
    }
    doc
}
