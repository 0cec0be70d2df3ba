//! Each clause family: its text follows the choice, and its source names the choice.

use super::*;

fn doc(c: &ContractChoices) -> crate::doc::Document {
    contract_document(c, "Version 1")
}

#[test]
fn work_clauses_follow_the_deliverables_and_creative_choices() {
    let mut c = uk_defaults();
    let d = doc(&c);
    let deliverables = clause_titled(&d, "Deliverables");
    assert_eq!(
        deliverables.source,
        "Deliverables: 1 item, 1 piece in total"
    );
    assert!(text_of(deliverables).contains("1 × instagram short video (Reel, TikTok, Short), at least 30 s, 9:16, mp4 or mov, first draft within 7 days"));
    let control = clause_titled(&d, "Creative control and final edit");
    assert_eq!(
        control.source,
        "Creative control: the creator has the final edit"
    );
    let review = clause_titled(&d, "Review and revisions");
    assert!(text_of(review)
        .contains("One reasonable revision round is included; the creator makes it within 3 days"));
    assert!(text_of(review)
        .contains("If the brand does not answer within 3 days, the draft counts as approved."));
    assert!(text_of(clause_titled(&d, "Posts stay live")).contains("until 5 May 2027"));

    c.creative.final_edit = FinalEdit::Brand;
    c.creative.silence_is_approval = false;
    c.creative.revision_rounds = 2;
    let d = doc(&c);
    assert_eq!(
        clause_titled(&d, "Creative control and final edit").source,
        "Creative control: the brand has the final edit"
    );
    let review = text_of(clause_titled(&d, "Review and revisions"));
    assert!(review.contains("2 revision rounds are included"));
    assert!(review.contains("the creator does not post before approval"));
}

#[test]
fn hybrid_compensation_and_its_payment() {
    let d = doc(&hybrid_uk_whitelisting());
    let pay = clause_titled(&d, "Compensation");
    assert_eq!(
        pay.source,
        "Compensation model: hybrid, fee £600 plus commission 10%"
    );
    assert!(text_of(pay).contains(
        "a fixed fee of £600 plus a commission of 10% of the net value of attributed sales"
    ));
    assert!(text_of(pay).contains("within 30 days of the click or code use"));
    let payment = text_of(clause_titled(&d, "Payment"));
    assert!(
        payment.contains("The fixed fee is paid once every deliverable is live, within 30 days")
    );
    assert!(payment.contains("Commission is calculated monthly"));
}

#[test]
fn product_only_flat_and_affiliate_read_differently() {
    let mut c = uk_defaults();
    c.compensation.model = CompensationModel::ProductOnly;
    c.compensation.product = "a starter kit".into();
    c.compensation.product_value = Some(45.0);
    c.compensation.kill_fee.enabled = false;
    let d = doc(&c);
    assert!(text_of(clause_titled(&d, "Compensation")).starts_with("The creator receives a starter kit as the only payment (retail value £45). No fee is paid."));
    let c = uk_defaults();
    assert!(text_of(clause_titled(&doc(&c), "Compensation"))
        .starts_with("The brand pays a flat fee of £600"));
}

#[test]
fn kill_fee_lists_each_stage_with_its_amount() {
    // 600 x 25% = 150; x 50% = 300; x 100% = 600
    let d = doc(&uk_defaults());
    let kill = clause_titled(&d, "Kill fee");
    assert_eq!(kill.source, "Kill fee: 25% / 50% / 100%");
    assert_eq!(
        kill.items,
        vec![
            "before any content exists: 25% of the fee (£150)".to_string(),
            "after a draft has been delivered: 50% of the fee (£300)".to_string(),
            "after the content has been posted: 100% of the fee (£600)".to_string(),
        ]
    );
}

#[test]
fn outcome_share_bonus_and_makegood() {
    let mut c = uk_defaults();
    c.compensation.outcome_share = Some(0.2);
    c.reporting.kpis[0].target = "3% or more".into();
    c.compensation.bonus = Some(Bonus {
        metric: "code redemptions".into(),
        threshold: 50.0,
        amount: 75.0,
    });
    c.compensation.makegood = Makegood::CreatorChooses;
    let d = doc(&c);
    // 600 x 20% = 120 tied, 480 guaranteed
    let share = text_of(clause_titled(&d, "Part of the fee tied to outcomes"));
    assert!(share.contains("20% of the fixed fee (£120) is paid when the report shows the agreed target met; the remaining £480"));
    assert!(share.contains(
        "Engagement rate by reach: 3% or more (from Native platform analytics (screenshots))"
    ));
    let bonus = clause_titled(&d, "Bonus");
    assert_eq!(bonus.source, "Bonus: £75 at 50 code redemptions");
    let makegood = clause_titled(&d, "Makegood and remedies");
    assert_eq!(
        makegood.source,
        "Makegood: the creator chooses remedial content or an adjusted fee"
    );
}

#[test]
fn licence_matrix_paid_usage_and_whitelisting() {
    let d = doc(&hybrid_uk_whitelisting());
    let licence = clause_titled(&d, "Usage licence");
    assert_eq!(licence.source, "Usage licence: organic_social × United Kingdom × 6 months; whitelisting × United Kingdom × 3 months");
    assert!(text_of(licence).contains("needs a separate written agreement and fee"));
    let paid = clause_titled(&d, "Paid usage and whitelisting");
    assert_eq!(
        paid.source,
        "Usage licence: paid usage (whitelisting (ads run through the creator's account)) for £300"
    );
    assert!(text_of(paid).contains("never their password"));
    assert_eq!(
        clause_titled(&d, "Ownership").source,
        "Copyright: the creator keeps copyright"
    );
    assert!(!text_of(paid).contains("runs only on the platforms named"));
    // Naming the ad platform puts it in the licence line and the paid-usage clause.
    let mut named = hybrid_uk_whitelisting();
    for grant in named
        .licence
        .grants
        .iter_mut()
        .filter(|g| g.channel == Channel::Whitelisting)
    {
        grant.platforms = "Meta (Instagram, Facebook)".into();
    }
    let d = doc(&named);
    assert!(text_of(clause_titled(&d, "Usage licence")).contains(
        "whitelisting (ads run through the creator's account) on Meta (Instagram, Facebook): United Kingdom, for 3 months from the first post"
    ));
    assert!(text_of(clause_titled(&d, "Paid usage and whitelisting")).contains(
        "The paid usage runs only on the platforms named: whitelisting (ads run through the creator's account) on Meta (Instagram, Facebook)."
    ));
    // Without paid channels there is no paid-usage clause.
    let d = doc(&uk_defaults());
    assert!(d
        .numbered_clauses()
        .iter()
        .all(|(_, c)| c.title != "Paid usage and whitelisting"));
}

#[test]
fn exclusivity_and_first_refusal() {
    let mut c = uk_defaults();
    c.exclusivity.kind = ExclusivityKind::FirstRefusal;
    c.exclusivity.category = "energy bars".into();
    c.exclusivity.days_after = 30;
    let d = doc(&c);
    let clause = clause_titled(&d, "First right of refusal");
    assert_eq!(
        clause.source,
        "Exclusivity: first right of refusal, energy bars, 0 days before / 30 days after"
    );
    assert!(text_of(clause).contains(
        "from 15 Jan 2027 (0 days before the posting window) to 6 Mar 2027 (30 days after it)"
    ));
    c.exclusivity.kind = ExclusivityKind::Exclusive;
    c.exclusivity.competitors = vec!["Crumbly Co".into()];
    let d = doc(&c);
    assert!(text_of(clause_titled(&d, "Exclusivity")).contains("Named competitors: Crumbly Co."));
    assert!(doc(&uk_defaults())
        .numbered_clauses()
        .iter()
        .all(|(_, c)| !c.title.contains("xclusiv") && !c.title.contains("refusal")));
}

#[test]
fn disclosure_follows_the_market() {
    let d = doc(&uk_defaults());
    let uk = clause_titled(&d, "Disclosure");
    assert!(uk
        .source
        .starts_with("Market: United Kingdom (UK Code of Non-broadcast Advertising"));
    assert!(text_of(uk).contains("Use “Ad”, “#ad”"));
    assert!(text_of(uk).contains("“#spon”"));
    assert!(text_of(uk).contains("Gifts, loans and free services count as payment"));
    let mut c = uk_defaults();
    c.market = Market::Us;
    let d = doc(&c);
    assert!(text_of(clause_titled(&d, "Disclosure")).contains("both on screen and spoken"));
    assert!(text_of(clause_titled(&d, "Rules for the United States")).contains("16 CFR Part 465"));
    c.market = Market::France;
    let d = doc(&c);
    assert!(text_of(clause_titled(&d, "Disclosure"))
        .contains("“Publicité”, “Collaboration commerciale”"));
    let rules = text_of(clause_titled(&d, "Rules for France"));
    assert!(rules.contains("jointly liable") && rules.contains("Images virtuelles"));
}

#[test]
fn kpis_list_their_data_sources_and_cadence() {
    let mut c = uk_defaults();
    c.reporting.cadence = ReportingCadence::Weekly;
    c.reporting.kpis.push(Kpi {
        metric: "Code redemptions".into(),
        target: "50".into(),
        data_source: "Shop orders".into(),
    });
    let d = doc(&c);
    let kpis = clause_titled(&d, "KPIs and reporting");
    assert_eq!(
        kpis.source,
        "KPIs: 2 listed; reporting every week during the campaign"
    );
    assert!(kpis
        .items
        .contains(&"Code redemptions, target 50, from Shop orders".to_string()));
}

#[test]
fn always_present_clauses_do_not_depend_on_choices() {
    for market in crate::markets::Market::ALL {
        let mut c = uk_defaults();
        c.market = market;
        let d = doc(&c);
        for title in [
            "Disclosure",
            "Honest claims and genuine audience",
            "The creator's right to decline",
            "Audience concerns",
            "Confidentiality",
            "Content standards",
            "Takedown and retention",
            "Termination",
            "Not legal advice",
        ] {
            let clause = clause_titled(&d, title);
            assert!(!clause.body.is_empty(), "{market:?} {title}");
        }
        assert!(
            text_of(clause_titled(&d, "Honest claims and genuine audience"))
                .contains("fake followers")
        );
        assert_eq!(
            clause_titled(&d, "Not legal advice").body,
            vec![NOT_LEGAL_ADVICE.to_string()]
        );
    }
}
