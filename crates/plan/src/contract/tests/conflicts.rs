//! One test per conflict the validation must catch, and its message.

use super::*;

fn conflicts(c: &ContractChoices) -> Vec<String> {
    check_choices(c)
        .into_iter()
        .filter(|p| p.severity == Severity::Conflict)
        .map(|p| p.message)
        .collect()
}

fn only_conflict(c: &ContractChoices) -> String {
    let found = conflicts(c);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().unwrap_or_default()
}

#[test]
fn product_only_with_a_kill_fee() {
    let mut c = uk_defaults();
    c.compensation.model = CompensationModel::ProductOnly;
    c.compensation.fee = None;
    c.compensation.product = "a starter kit".into();
    let message = only_conflict(&c);
    assert_eq!(
        message,
        "A kill fee is a share of the fee (25% before content exists), but a product only (gifted) deal has no fee. Turn the kill fee off, or choose a flat fee or hybrid model."
    );
    c.compensation.kill_fee.enabled = false;
    assert!(conflicts(&c).is_empty());
    // And no kill fee clause is drafted for it.
    let doc = contract_document(&c, "v1");
    assert!(doc
        .numbered_clauses()
        .iter()
        .all(|(_, cl)| cl.title != "Kill fee"));
}

#[test]
fn exclusivity_longer_than_the_term() {
    let mut c = uk_defaults();
    c.exclusivity.kind = ExclusivityKind::Exclusive;
    c.exclusivity.category = "energy bars".into();
    // Posting ends 2027-02-04; term ends 2027-05-05 (90 days later). 120 days after posting
    // reaches 2027-06-04, 30 days past the term.
    c.exclusivity.days_after = 120;
    assert_eq!(
        only_conflict(&c),
        "The category exclusivity runs until 4 Jun 2027, 30 days after the term ends on 5 May 2027. Shorten the period after posting to at most 90 days or extend the term."
    );
    c.exclusivity.days_after = 90;
    assert!(conflicts(&c).is_empty());
    // Starting before the term: posting starts 2027-01-15, term 2027-01-01, so 14 days fit.
    c.exclusivity.days_before = 20;
    assert!(only_conflict(&c).contains("would start on 26 Dec 2026, before the term starts on 1 Jan 2027. Shorten the period before posting to at most 14 days"));
}

#[test]
fn paid_usage_without_a_paid_usage_fee() {
    let mut c = hybrid_uk_whitelisting();
    c.licence.paid_usage_fee = None;
    assert_eq!(
        only_conflict(&c),
        "Paid usage (whitelisting (ads run through the creator's account)) is priced separately from the content: enter a paid-usage fee, or remove the paid channels."
    );
    c.licence.paid_usage_fee = Some(0.0);
    assert_eq!(conflicts(&c).len(), 1);
}

#[test]
fn french_market_without_the_mandatory_clauses() {
    let mut c = uk_defaults();
    c.market = Market::France;
    let found = conflicts(&c);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(
        found[0],
        "France (loi n° 2023-451): the written contract must state names, addresses and (where relevant) registration details of the parties. Add the brand's address, the creator's address."
    );
    assert_eq!(
        found[1],
        "France (loi n° 2023-451): the written contract must state that French law applies to the promotion aimed at an audience in France. Set the governing law to France (it is “England and Wales”)."
    );
    c.brand.address = "1 rue de la Paix, 75002 Paris".into();
    c.creator.address = "5 quai des Bateliers, 67000 Strasbourg".into();
    c.governing_law = "France".into();
    assert!(conflicts(&c).is_empty());
    // Gifted product in France: its value is part of the remuneration the contract states.
    c.compensation.model = CompensationModel::ProductOnly;
    c.compensation.product = "un kit".into();
    c.compensation.kill_fee.enabled = false;
    assert!(only_conflict(&c).contains("the remuneration, in money or in kind, for those tasks. Enter the value of the product given."));
    c.compensation.product_value = Some(45.0);
    assert!(conflicts(&c).is_empty());
}

#[test]
fn money_models_need_their_numbers() {
    let mut c = uk_defaults();
    c.compensation.fee = None;
    assert_eq!(only_conflict(&c), "A flat fee needs a fee above 0.");
    let mut c = uk_defaults();
    c.compensation.model = CompensationModel::Affiliate;
    c.compensation.kill_fee.enabled = false;
    assert_eq!(
        only_conflict(&c),
        "An affiliate commission model needs a commission rate."
    );
    c.compensation.commission_rate = Some(1.5);
    assert_eq!(
        only_conflict(&c),
        "A commission of 150% is not between 0% and 100%."
    );
    c.compensation.commission_rate = Some(0.12);
    c.compensation.makegood = Makegood::AdjustedFee;
    assert!(only_conflict(&c).starts_with("An adjusted-fee makegood needs a fee"));
    let mut c = uk_defaults();
    c.compensation.currency = "pounds".into();
    assert!(only_conflict(&c).contains("three-letter code"));
}

#[test]
fn kill_fee_shares_must_grow_and_stay_within_the_fee() {
    let mut c = uk_defaults();
    c.compensation.kill_fee.after_draft = 0.1;
    assert_eq!(only_conflict(&c), "The kill fee should grow as work is done: 25% before content, 10% after a draft, 100% after posting.");
    c.compensation.kill_fee.after_draft = 0.5;
    c.compensation.kill_fee.after_posting = 1.2;
    assert_eq!(
        only_conflict(&c),
        "Kill fee shares must each be between 0% and 100% of the fee."
    );
    c.compensation.kill_fee.after_posting = f64::NAN;
    assert_eq!(conflicts(&c).len(), 1);
}

#[test]
fn outcome_share_needs_a_fee_and_a_target() {
    let mut c = uk_defaults();
    c.compensation.outcome_share = Some(0.2);
    assert_eq!(
        only_conflict(&c),
        "The part of the fee tied to outcomes needs a KPI with a target: add a target to a KPI."
    );
    c.reporting.kpis[0].target = "3% or more".into();
    assert!(conflicts(&c).is_empty());
    c.compensation.outcome_share = Some(1.0);
    assert!(only_conflict(&c).contains("must be above 0% and below 100%"));
}

#[test]
fn dates_must_hold_together() {
    let mut c = uk_defaults();
    c.schedule.term_end = date(2027, 3, 1);
    // Posts stay up 90 days after 2027-02-04, until 2027-05-05; 25 days fit before 03-01.
    assert_eq!(
        only_conflict(&c),
        "Posts must stay up 90 days after the last post, until 5 May 2027, but the term ends on 1 Mar 2027. Extend the term to 5 May 2027 or shorten the live duration to 25 days."
    );
    let mut c = uk_defaults();
    c.schedule.posting_start = date(2026, 12, 1);
    assert!(only_conflict(&c).contains("must fall inside the term"));
}

#[test]
fn licence_rows_are_complete_and_unique() {
    let mut c = uk_defaults();
    c.licence.grants.push(UsageGrant {
        channel: Channel::OrganicSocial,
        territory: String::new(),
        months: 0,
        platforms: String::new(),
    });
    let found = conflicts(&c);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found.iter().any(|m| m.contains("listed twice")));
}

#[test]
fn reporting_and_parties_need_names() {
    let mut c = uk_defaults();
    c.reporting.kpis[0].data_source = " ".into();
    c.brand.name = String::new();
    let found = conflicts(&c);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("Name the brand"));
    assert!(found[1].starts_with("KPI 1: name its data source"));
}

#[test]
fn unfair_but_valid_terms_are_warnings() {
    let mut c = uk_defaults();
    c.compensation.kill_fee.enabled = false;
    c.creative.revision_rounds = 4;
    c.licence.copyright = Copyright::AssignedToBrand;
    let problems = check_choices(&c);
    assert!(
        problems.iter().all(|p| p.severity == Severity::Warning),
        "{problems:#?}"
    );
    assert_eq!(problems.len(), 3);
    assert!(!has_conflicts(&problems));
}
