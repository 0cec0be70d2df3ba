//! Native tests of the contract generator: each clause family, each conflict, the term
//! sheet, the document and saved versions.

mod clauses;
mod conflicts;
mod drafts;
mod versions;

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::markets::Market;

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// Defaults for a UK creator, term from 2027-01-01: posting 01-15..02-04, term end
/// 02-04 + 90 days = 2027-05-05.
pub(super) fn uk_defaults() -> ContractChoices {
    let creator = CreatorParty {
        handle: "levain_lotte".into(),
        platform: "instagram".into(),
        legal_name: "Lotte Levain".into(),
        address: String::new(),
    };
    let mut c = ContractChoices::new(
        "January challenge",
        "Hearth & Trail Ltd",
        creator,
        Market::Uk,
        date(2027, 1, 1),
    );
    c.compensation.fee = Some(600.0);
    c
}

/// The case: hybrid compensation for a UK creator with whitelisting.
pub(super) fn hybrid_uk_whitelisting() -> ContractChoices {
    let mut c = uk_defaults();
    c.compensation.model = CompensationModel::Hybrid;
    c.compensation.commission_rate = Some(0.1);
    c.licence.grants.push(UsageGrant {
        channel: Channel::Whitelisting,
        territory: "United Kingdom".into(),
        months: 3,
        platforms: String::new(),
    });
    c.licence.paid_usage_fee = Some(300.0);
    c
}

pub(super) fn clause_titled<'a>(
    doc: &'a crate::doc::Document,
    title: &str,
) -> &'a crate::doc::Clause {
    doc.numbered_clauses()
        .into_iter()
        .map(|(_, c)| c)
        .find(|c| c.title == title)
        .unwrap_or_else(|| panic!("no clause “{title}”"))
}

pub(super) fn text_of(clause: &crate::doc::Clause) -> String {
    let mut parts = clause.body.clone();
    parts.extend(clause.items.iter().cloned());
    parts.extend(clause.closing.iter().cloned());
    parts.join("\n")
}

#[test]
fn defaults_are_free_of_problems() {
    let c = uk_defaults();
    assert_eq!(check_choices(&c), Vec::new());
    assert_eq!(c.schedule.posting_start, date(2027, 1, 15));
    assert_eq!(c.schedule.posting_end, date(2027, 2, 4));
    assert_eq!(c.schedule.term_end, date(2027, 5, 5));
    assert_eq!(c.compensation.currency, "GBP");
    assert_eq!(c.governing_law, "England and Wales");
    assert_eq!(c.creative.revision_rounds, 1);
}

#[test]
fn the_hybrid_uk_whitelisting_case_is_consistent() {
    assert_eq!(check_choices(&hybrid_uk_whitelisting()), Vec::new());
}

#[test]
fn term_sheet_lists_the_key_terms() {
    let sheet = term_sheet(&hybrid_uk_whitelisting());
    let get = |k: &str| {
        sheet
            .iter()
            .find(|(t, _)| t == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(get("Compensation"), "Fee £600 + commission 10%");
    assert_eq!(
        get("Kill fee"),
        "25% before content, 50% after a draft, 100% after posting"
    );
    assert_eq!(get("Paid usage fee"), "£300");
    assert_eq!(get("Disclosure"), "Ad (United Kingdom)");
    assert_eq!(get("Posting window"), "15 Jan 2027 to 4 Feb 2027");
    assert!(get("Usage licence").contains("whitelisting (ads run through the creator's account): United Kingdom, for 3 months from the first post"));
    assert_eq!(sheet.len(), 22);
}

#[test]
fn the_document_has_the_note_the_sheet_and_every_clause_numbered() {
    let doc = contract_document(&hybrid_uk_whitelisting(), "Version 1 · draft");
    assert_eq!(doc.title, "Partnership terms: January challenge");
    assert_eq!(
        doc.subtitle.as_deref(),
        Some("Hearth & Trail Ltd and Lotte Levain")
    );
    let markdown = crate::doc::render_markdown(&doc);
    assert!(markdown.contains("It is not legal advice"));
    assert!(markdown.contains("## Term sheet"));
    let numbered = doc.numbered_clauses();
    let titles: Vec<&str> = numbered.iter().map(|(_, c)| c.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "Parties and campaign",
            "Term and posting window",
            "Deliverables",
            "Posts stay live",
            "Creative control and final edit",
            "Review and revisions",
            "Compensation",
            "Payment",
            "Makegood and remedies",
            "Kill fee",
            "Usage licence",
            "Paid usage and whitelisting",
            "Ownership",
            "Disclosure",
            "Honest claims and genuine audience",
            "Rules for the United Kingdom",
            "KPIs and reporting",
            "The creator's right to decline",
            "Audience concerns",
            "Confidentiality",
            "Content standards",
            "Takedown and retention",
            "Termination",
            "Governing law",
            "Not legal advice",
        ]
    );
    // Every clause says where it comes from and what it means for the creator.
    for (number, clause) in &numbered {
        assert!(!clause.source.is_empty(), "clause {number} has no source");
        assert!(
            clause.side_note.as_deref().is_some_and(|n| !n.is_empty()),
            "clause {number} has no side note"
        );
    }
    // A consistent draft carries no conflict note.
    assert!(!markdown.contains("Unresolved conflicts"));
}

#[test]
fn a_conflicting_draft_says_so_in_the_document() {
    let mut c = hybrid_uk_whitelisting();
    c.licence.paid_usage_fee = None;
    let markdown = crate::doc::render_markdown(&contract_document(&c, "Version 1"));
    assert!(markdown.contains("Unresolved conflicts"));
    assert!(markdown.contains("Usage licence: Paid usage"));
}

#[test]
fn changing_the_market_moves_its_defaults_but_keeps_own_entries() {
    let mut c = uk_defaults();
    c.set_market(Market::France);
    assert_eq!(c.governing_law, "France");
    assert_eq!(c.compensation.currency, "EUR");
    assert_eq!(c.licence.grants[0].territory, "France");
    c.governing_law = "France (Paris courts)".into();
    c.licence.grants[0].territory = "France and Belgium".into();
    c.set_market(Market::Us);
    assert_eq!(c.governing_law, "France (Paris courts)");
    assert_eq!(c.compensation.currency, "USD");
    assert_eq!(c.licence.grants[0].territory, "France and Belgium");
}

#[test]
fn the_term_sheet_document_holds_the_table_and_the_note() {
    let doc = term_sheet_document(&hybrid_uk_whitelisting(), "Version 1");
    let text = crate::doc::render_plain_text(&doc);
    assert!(text.starts_with("Term sheet: January challenge\n"));
    assert!(
        text.contains("Compensation     | Fee £600 + commission 10%"),
        "{text}"
    );
    assert!(text.contains("Not legal advice: This draft was generated"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..proptest::prelude::ProptestConfig::default() })]

    /// Whatever the numbers and dates (every value the form or a workspace file can carry,
    /// to the calendar's limits), drafting never panics and never prints NaN or infinity.
    #[test]
    fn any_numbers_draft_without_panics_or_nan(
        fee in proptest::option::of(proptest::num::f64::ANY),
        rate in proptest::option::of(proptest::num::f64::ANY),
        share in proptest::option::of(proptest::num::f64::ANY),
        kill in proptest::num::f64::ANY,
        live in proptest::num::u32::ANY,
        after in proptest::num::u32::ANY,
        near_offset in -400i64..400,
        far_day in chrono::NaiveDate::MIN.num_days_from_ce()..=chrono::NaiveDate::MAX.num_days_from_ce(),
        far in proptest::bool::ANY,
        model in 0usize..4,
    ) {
        let mut c = hybrid_uk_whitelisting();
        c.compensation.model = CompensationModel::ALL[model];
        c.compensation.fee = fee;
        c.compensation.commission_rate = rate;
        c.compensation.outcome_share = share;
        c.compensation.kill_fee.after_draft = kill;
        c.schedule.live_days = live;
        c.schedule.posting_end = if far {
            NaiveDate::from_num_days_from_ce_opt(far_day).expect("in the calendar")
        } else {
            c.schedule.posting_start + chrono::Duration::days(near_offset)
        };
        c.exclusivity.kind = ExclusivityKind::Exclusive;
        c.exclusivity.days_after = after;
        c.compensation.bonus = Some(Bonus { metric: "clicks".into(), threshold: kill, amount: kill });
        let _ = check_choices(&c);
        let text = crate::doc::render_plain_text(&contract_document(&c, "v1"));
        let bad = text.split(|ch: char| !ch.is_alphanumeric()).any(|word| word == "NaN" || word == "inf");
        proptest::prop_assert!(!bad, "{}", text);
        let _ = crate::contract::drafts::key_terms(&[ContractDraft { version: 1, status: DraftStatus::Draft, saved_on: c.schedule.term_start, choices: c, edit_stamp: 0 }]);
    }
}
