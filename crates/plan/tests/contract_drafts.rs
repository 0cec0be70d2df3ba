//! Campaign drafting from the demo workspace: one draft per creator, fees from quotes,
//! posting windows from planned activations, KPIs from the programme.

use chrono::NaiveDate;

use microplan_plan::contract::{
    check_choices, save_draft, Channel, ChoiceArea, CompensationModel, ContractChoices,
    CreatorParty, UsageGrant,
};
use microplan_plan::markets::Market;
use microplan_workspace::contract_drafts::{campaign_handles, drafts_for_campaign};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// Defaults for a UK creator, term from 2027-01-01: posting 01-15..02-04, term end
/// 02-04 + 90 days = 2027-05-05.
fn uk_defaults() -> ContractChoices {
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

/// Hybrid compensation for a UK creator with whitelisting.
fn hybrid_uk_whitelisting() -> ContractChoices {
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

#[test]
fn one_draft_per_creator_of_a_campaign() {
    let demo = microplan_demo::demo_workspace();
    let campaign = microplan_demo::activation::PLANNED_ACTIVATION;
    let handles = campaign_handles(&demo, campaign);
    let template = uk_defaults();
    let drafted = drafts_for_campaign(&demo, campaign, &template);
    assert_eq!(drafted.len(), handles.len());
    assert!(drafted.len() >= 10);
    for choices in &drafted {
        assert_eq!(choices.campaign, campaign);
        let creator = demo
            .creators
            .iter()
            .find(|c| c.handle == choices.creator.handle)
            .expect("creator exists");
        assert_eq!(choices.creator.platform, creator.platform);
        let expected = creator
            .country
            .as_deref()
            .and_then(microplan_plan::markets::Market::for_country)
            .unwrap_or(template.market);
        assert_eq!(choices.market, expected, "{}", creator.handle);
    }
    // A German creator gets the EU default and a governing law to fill in.
    if let Some(german) = drafted
        .iter()
        .find(|c| c.market == microplan_plan::markets::Market::EuDefault)
    {
        assert_eq!(
            german.governing_law,
            "the country of the brand's registered office"
        );
    }
}

#[test]
fn the_template_fee_is_kept_and_a_missing_one_comes_from_the_creator_quote() {
    let demo = microplan_demo::demo_workspace();
    let mut template = uk_defaults();
    template.compensation.fee = None;
    template.compensation.currency = "EUR".into();
    let choices =
        microplan_workspace::contract_drafts::choices_for_creator(&demo, "levain_lotte", &template)
            .expect("demo creator");
    // levain_lotte quotes €80 per deliverable; 1 deliverable -> €80
    assert_eq!(choices.compensation.fee, Some(80.0));
    assert!(
        microplan_workspace::contract_drafts::choices_for_creator(&demo, "nobody", &template)
            .is_none()
    );
}

#[test]
fn drafts_round_trip_in_the_workspace_and_old_workspaces_load() {
    let mut workspace = microplan_workspace::Workspace::empty("W");
    save_draft(
        &mut workspace.contracts,
        hybrid_uk_whitelisting(),
        date(2026, 12, 1),
    );
    let text = serde_json::to_string(&workspace).expect("serialises");
    let back: microplan_workspace::Workspace = serde_json::from_str(&text).expect("deserialises");
    assert_eq!(back, workspace);
    let old: microplan_workspace::Workspace =
        serde_json::from_str(r#"{"name":"Old"}"#).expect("old loads");
    assert!(old.contracts.is_empty());
}

#[test]
fn drafting_a_campaign_keeps_existing_agreements() {
    let mut demo = microplan_demo::demo_workspace();
    let campaign = microplan_demo::activation::PLANNED_ACTIVATION;
    let before = demo.contracts[0].clone();
    let drafted = drafts_for_campaign(&demo, campaign, &uk_defaults());
    let total = drafted.len();
    let (added, kept) = microplan_plan::contract::drafts::add_new_drafts(
        &mut demo.contracts,
        drafted,
        date(2026, 12, 1),
    );
    assert_eq!(
        (added, kept),
        (total - 1, 1),
        "levain_lotte already has a draft"
    );
    assert_eq!(demo.contracts[0], before);
    assert_eq!(demo.contracts.len(), total);
}

#[test]
fn a_planned_activation_sets_the_posting_window_and_the_term_holds_it() {
    let demo = microplan_demo::demo_workspace();
    let campaign = microplan_demo::activation::PLANNED_ACTIVATION;
    let c = microplan_workspace::contract_drafts::campaign_template(
        &demo,
        campaign,
        "Hearth & Trail Ltd",
        date(2026, 12, 1),
    );
    // Window 2027-01-11..24; term from today (earlier than 14 days before) to 24 Jan + 90 days = 2027-04-24.
    assert_eq!(
        (c.schedule.posting_start, c.schedule.posting_end),
        (date(2027, 1, 11), date(2027, 1, 24))
    );
    assert_eq!(
        (c.schedule.term_start, c.schedule.term_end),
        (date(2026, 12, 1), date(2027, 4, 24))
    );
    assert!(
        check_choices(&c)
            .iter()
            .all(|p| p.area != ChoiceArea::Dates),
        "{:#?}",
        check_choices(&c)
    );
    // A campaign that is not an activation keeps the defaults.
    let other = microplan_workspace::contract_drafts::campaign_template(
        &demo,
        "Spring pilot 2026",
        "B",
        date(2026, 12, 1),
    );
    assert_eq!(other.schedule.posting_start, date(2026, 12, 15));
}

#[test]
fn kpis_come_from_the_programme_when_it_has_objectives() {
    let demo = microplan_demo::demo_workspace();
    let kpis = microplan_workspace::contract_drafts::programme_kpis(&demo);
    let plan = demo.programme.objectives.as_ref();
    let plan = plan.expect("the demo programme has objectives");
    assert_eq!(kpis.len(), plan.metrics().len());
    assert!(kpis.len() >= 2);
    assert_eq!(kpis[0].metric, plan.primary.name.trim());
    assert_eq!(kpis[0].data_source, plan.primary.method.label());
    assert!(
        kpis.iter().any(
            |k| k.target.ends_with("over the baseline") || k.target.ends_with("× the baseline")
        ),
        "{kpis:#?}"
    );
    let c =
        microplan_workspace::contract_drafts::campaign_template(&demo, "X", "B", date(2026, 12, 1));
    assert_eq!(c.reporting.kpis, kpis);
    let mut empty = microplan_workspace::Workspace::empty("W");
    empty.programme.objectives = None;
    assert!(microplan_workspace::contract_drafts::programme_kpis(&empty).is_empty());
    let c = microplan_workspace::contract_drafts::campaign_template(
        &empty,
        "X",
        "B",
        date(2026, 12, 1),
    );
    assert_eq!(c.reporting.kpis.len(), 1, "the default KPI stays");
}
