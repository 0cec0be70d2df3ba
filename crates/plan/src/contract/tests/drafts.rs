//! Saved versions, campaign drafting and the key-terms rows.

use super::*;
use crate::contract::drafts::{key_terms, mark_sent, mark_signed};
use microplan_workspace::contract_drafts::{campaign_handles, drafts_for_campaign};

#[test]
fn saving_updates_a_draft_but_never_a_sent_version() {
    let mut drafts = Vec::new();
    let today = date(2026, 12, 1);
    assert_eq!(save_draft(&mut drafts, uk_defaults(), today), Saved::NewVersion { version: 1 });
    let mut changed = uk_defaults();
    changed.compensation.fee = Some(650.0);
    assert_eq!(save_draft(&mut drafts, changed.clone(), today), Saved::Updated { version: 1 });
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].choices.compensation.fee, Some(650.0));
    mark_sent(&mut drafts, 0).expect("consistent draft can be sent");
    changed.compensation.fee = Some(700.0);
    assert_eq!(save_draft(&mut drafts, changed, today), Saved::NewVersion { version: 2 });
    assert_eq!(drafts.len(), 2);
    assert_eq!(drafts[0].status, DraftStatus::Sent);
    assert_eq!(drafts[0].choices.compensation.fee, Some(650.0), "the sent version is untouched");
    assert_eq!(drafts[1].version, 2);
    // Another creator starts their own line of versions.
    let mut other = uk_defaults();
    other.creator.handle = "crumb_theory".into();
    assert_eq!(save_draft(&mut drafts, other, today), Saved::NewVersion { version: 1 });
}

#[test]
fn a_draft_with_conflicts_cannot_be_marked_sent() {
    let mut c = hybrid_uk_whitelisting();
    c.licence.paid_usage_fee = None;
    let mut drafts = Vec::new();
    save_draft(&mut drafts, c, date(2026, 12, 1));
    let error = mark_sent(&mut drafts, 0).expect_err("conflict blocks sending");
    assert!(error.starts_with("Fix the 1 conflict(s) in @levain_lotte · January challenge · v1 (draft)"));
    assert!(mark_sent(&mut drafts, 5).is_err());
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
        let creator = demo.creators.iter().find(|c| c.handle == choices.creator.handle).expect("creator exists");
        assert_eq!(choices.creator.platform, creator.platform);
        let expected = creator.country.as_deref().and_then(crate::markets::Market::for_country).unwrap_or(template.market);
        assert_eq!(choices.market, expected, "{}", creator.handle);
    }
    // A German creator gets the EU default and a governing law to fill in.
    if let Some(german) = drafted.iter().find(|c| c.market == crate::markets::Market::EuDefault) {
        assert_eq!(german.governing_law, "the country of the brand's registered office");
    }
}

#[test]
fn the_template_fee_is_kept_and_a_missing_one_comes_from_the_creator_quote() {
    let demo = microplan_demo::demo_workspace();
    let mut template = uk_defaults();
    template.compensation.fee = None;
    template.compensation.currency = "EUR".into();
    let choices = microplan_workspace::contract_drafts::choices_for_creator(&demo, "levain_lotte", &template).expect("demo creator");
    // levain_lotte quotes €80 per deliverable; 1 deliverable -> €80
    assert_eq!(choices.compensation.fee, Some(80.0));
    assert!(microplan_workspace::contract_drafts::choices_for_creator(&demo, "nobody", &template).is_none());
}

#[test]
fn key_terms_have_one_row_per_version() {
    let mut drafts = Vec::new();
    save_draft(&mut drafts, hybrid_uk_whitelisting(), date(2026, 12, 1));
    let (header, rows) = key_terms(&drafts);
    assert_eq!(rows.len(), 1);
    assert_eq!(header.len(), rows[0].len());
    let cell = |name: &str| rows[0][header.iter().position(|h| *h == name).expect("column")].clone();
    assert_eq!(cell("model"), "hybrid");
    assert_eq!(cell("fee"), "600");
    assert_eq!(cell("commission_rate"), "0.1");
    assert_eq!(cell("paid_usage_fee"), "300");
    assert_eq!(cell("kill_fee_before_content"), "0.25");
    assert_eq!(cell("licence"), "organic_social/United Kingdom/6m; whitelisting/United Kingdom/3m");
    assert_eq!(cell("conflicts"), "0");
}

#[test]
fn drafts_round_trip_in_the_workspace_and_old_workspaces_load() {
    let mut workspace = microplan_workspace::Workspace::empty("W");
    save_draft(&mut workspace.contracts, hybrid_uk_whitelisting(), date(2026, 12, 1));
    let text = serde_json::to_string(&workspace).expect("serialises");
    let back: microplan_workspace::Workspace = serde_json::from_str(&text).expect("deserialises");
    assert_eq!(back, workspace);
    let old: microplan_workspace::Workspace = serde_json::from_str(r#"{"name":"Old"}"#).expect("old loads");
    assert!(old.contracts.is_empty());
}

#[test]
fn drafting_a_campaign_keeps_existing_agreements() {
    let mut demo = microplan_demo::demo_workspace();
    let campaign = microplan_demo::activation::PLANNED_ACTIVATION;
    let before = demo.contracts[0].clone();
    let drafted = drafts_for_campaign(&demo, campaign, &uk_defaults());
    let total = drafted.len();
    let (added, kept) = crate::contract::drafts::add_new_drafts(&mut demo.contracts, drafted, date(2026, 12, 1));
    assert_eq!((added, kept), (total - 1, 1), "levain_lotte already has a draft");
    assert_eq!(demo.contracts[0], before);
    assert_eq!(demo.contracts.len(), total);
}

#[test]
fn a_planned_activation_sets_the_posting_window_and_the_term_holds_it() {
    let demo = microplan_demo::demo_workspace();
    let campaign = microplan_demo::activation::PLANNED_ACTIVATION;
    let c = microplan_workspace::contract_drafts::campaign_template(&demo, campaign, "Hearth & Trail Ltd", date(2026, 12, 1));
    // Window 2027-01-11..24; term from today (earlier than 14 days before) to 24 Jan + 90 days = 2027-04-24.
    assert_eq!((c.schedule.posting_start, c.schedule.posting_end), (date(2027, 1, 11), date(2027, 1, 24)));
    assert_eq!((c.schedule.term_start, c.schedule.term_end), (date(2026, 12, 1), date(2027, 4, 24)));
    assert!(check_choices(&c).iter().all(|p| p.area != ChoiceArea::Dates), "{:#?}", check_choices(&c));
    // A campaign that is not an activation keeps the defaults.
    let other = microplan_workspace::contract_drafts::campaign_template(&demo, "Spring pilot 2026", "B", date(2026, 12, 1));
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
    assert!(kpis.iter().any(|k| k.target.ends_with("over the baseline") || k.target.ends_with("× the baseline")), "{kpis:#?}");
    let c = microplan_workspace::contract_drafts::campaign_template(&demo, "X", "B", date(2026, 12, 1));
    assert_eq!(c.reporting.kpis, kpis);
    let mut empty = microplan_workspace::Workspace::empty("W");
    empty.programme.objectives = None;
    assert!(microplan_workspace::contract_drafts::programme_kpis(&empty).is_empty());
    let c = microplan_workspace::contract_drafts::campaign_template(&empty, "X", "B", date(2026, 12, 1));
    assert_eq!(c.reporting.kpis.len(), 1, "the default KPI stays");
}

#[test]
fn only_a_sent_version_can_be_signed() {
    let mut drafts = Vec::new();
    save_draft(&mut drafts, uk_defaults(), date(2026, 12, 1));
    assert!(mark_signed(&mut drafts, 0).expect_err("a draft is not signed").starts_with("Send @levain_lotte"));
    mark_sent(&mut drafts, 0).expect("sent");
    mark_signed(&mut drafts, 0).expect("signed");
    assert_eq!(drafts[0].status, DraftStatus::Signed);
    assert!(mark_signed(&mut drafts, 0).is_err());
    // Saving after signing starts version 2.
    assert_eq!(save_draft(&mut drafts, uk_defaults(), date(2026, 12, 2)), Saved::NewVersion { version: 2 });
}
