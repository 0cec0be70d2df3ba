//! The agreement as a shared `Document`: not-legal-advice note, term sheet, then the
//! numbered clauses in groups, then where the market rules come from.

use super::choices::ContractChoices;
use super::clauses::build_clauses;
use super::problem::Severity;
use super::term_sheet::term_sheet;
use super::validate::check_choices;
use super::NOT_LEGAL_ADVICE;
use crate::doc::Document;

/// Builds the whole agreement. `version_line` is shown under the title ("Draft 2").
pub fn contract_document(c: &ContractChoices, version_line: &str) -> Document {
    let mut doc = Document::new(format!("Partnership terms: {}", c.campaign.trim()));
    doc.subtitle = Some(format!("{} and {}", c.brand.name.trim(), c.creator_name()));
    doc.meta = vec![
        version_line.to_string(),
        format!("Market: {}", c.market.name()),
    ];
    doc.note(Some("Not legal advice".into()), NOT_LEGAL_ADVICE);
    let conflicts: Vec<String> = check_choices(c)
        .into_iter()
        .filter(|p| p.severity == Severity::Conflict)
        .map(|p| format!("{}: {}", p.area.label(), p.message))
        .collect();
    if !conflicts.is_empty() {
        doc.note(
            Some("Unresolved conflicts".into()),
            format!(
                "These terms contradict each other and must be fixed before sending:\n{}",
                conflicts.join("\n")
            ),
        );
    }
    doc.heading(2, "Term sheet");
    let rows = term_sheet(c)
        .into_iter()
        .map(|(term, value)| vec![term, value])
        .collect();
    doc.table(vec!["Term".into(), "Agreed".into()], rows);
    for group in build_clauses(c) {
        doc.heading(2, group.title);
        doc.clauses(group.clauses);
    }
    doc.heading(2, "Where the market rules come from");
    let sources = c
        .market
        .rules()
        .sources
        .iter()
        .map(|s| format!("{} ({})", s.name, s.year))
        .collect();
    doc.bullets(sources);
    doc
}

/// Only the term sheet, for a quick review or a message to the creator.
pub fn term_sheet_document(c: &ContractChoices, version_line: &str) -> Document {
    let mut doc = Document::new(format!("Term sheet: {}", c.campaign.trim()));
    doc.subtitle = Some(format!("{} and {}", c.brand.name.trim(), c.creator_name()));
    doc.meta = vec![
        version_line.to_string(),
        format!("Market: {}", c.market.name()),
    ];
    let rows = term_sheet(c)
        .into_iter()
        .map(|(term, value)| vec![term, value])
        .collect();
    doc.table(vec!["Term".into(), "Agreed".into()], rows);
    doc.note(Some("Not legal advice".into()), NOT_LEGAL_ADVICE);
    doc
}
