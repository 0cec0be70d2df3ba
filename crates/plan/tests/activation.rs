//! The edits the Communities section makes to a workspace, commitments from the demo
//! contracts, and timelines, calendars and the timeline CSV on any input.

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;

use microplan_audit::{audit_creator, AuditSettings};
use microplan_model::money::Money;
use microplan_model::rows::Creator;
use microplan_plan::activation::ics::activation_calendar;
use microplan_plan::activation::logistics::{activation_timeline, Recipient};
use microplan_plan::activation::{ActivationPlan, Arrangement, ShippingTime};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn eur(amount: f64) -> Money {
    Money::new(amount, "EUR")
}

fn plan(name: &str, community: &str, start: NaiveDate, end: NaiveDate) -> ActivationPlan {
    ActivationPlan {
        name: name.into(),
        community: community.into(),
        window_start: start,
        window_end: end,
        target_posts: 5,
        confidence: 0.9,
        posting_rate: 0.4,
        paid_creators: 2,
        gifted_creators: 12,
        product_cost: Some(eur(12.0)),
        shipping_cost: Some(eur(5.0)),
        gifting_fee: Some(eur(3.0)),
        paid_fee: Some(eur(150.0)),
        arrival_lead_days: 7,
        shipping_days: vec![
            ShippingTime {
                country: "GB".into(),
                days: 2,
            },
            ShippingTime {
                country: "DE".into(),
                days: 4,
            },
        ],
        notes: None,
    }
}

/// Built from JSON so fields added to `Creator` later (all defaulted) need no change here.
fn creator(handle: &str, followers: u64, community: &str) -> Creator {
    serde_json::from_value(serde_json::json!({
        "handle": handle, "platform": "instagram", "display_name": null, "followers": followers,
        "following": null, "communities": [community], "country": "GB", "fee": null,
        "contact": null, "status": "vetted"
    }))
    .unwrap()
}

#[test]
fn hashtags_and_shipping_days_read_what_people_type() {
    use microplan_workspace::activation_edits::{parse_hashtags, parse_shipping_days};
    assert_eq!(
        parse_hashtags("trailrunning, #ukrunchat  fell;#TrailRunning"),
        ["#trailrunning", "#ukrunchat", "#fell"]
    );
    assert_eq!(
        parse_shipping_days("GB=2; de=4\nGB=3").unwrap(),
        [
            ShippingTime {
                country: "DE".into(),
                days: 4
            },
            ShippingTime {
                country: "GB".into(),
                days: 3
            }
        ]
    );
    assert!(parse_shipping_days("GB=2; Germany")
        .unwrap_err()
        .to_string()
        .contains("`Germany`"));
}

#[test]
fn communities_rename_into_memberships_and_plans_and_refuse_duplicates() {
    use microplan_model::rows::Community;
    use microplan_workspace::activation_edits::{remove_community, save_community, set_membership};
    use microplan_workspace::Workspace;
    let community = |name: &str| Community {
        name: name.into(),
        description: String::new(),
        hashtags: vec![],
        where_online: None,
    };
    let mut w = Workspace::empty("t");
    w.creators.push(creator("ana", 5_000, "Trail"));
    w.activation_plans
        .push(plan("Autumn", "Trail", day(2026, 9, 14), day(2026, 9, 27)));
    save_community(&mut w, None, community("Trail")).unwrap();
    save_community(&mut w, None, community("Baking")).unwrap();
    assert!(save_community(&mut w, None, community(" trail "))
        .unwrap_err()
        .to_string()
        .contains("exists already"));
    assert!(save_community(&mut w, None, community("  ")).is_err());
    save_community(&mut w, Some("Trail"), community("Trail running")).unwrap();
    assert_eq!(w.creators[0].communities, ["Trail running"]);
    assert_eq!(w.activation_plans[0].community, "Trail running");
    set_membership(&mut w, "@ANA", "Baking", true);
    assert_eq!(w.creators[0].communities, ["Trail running", "Baking"]);
    remove_community(&mut w, "baking");
    assert_eq!(w.creators[0].communities, ["Trail running"]);
    assert_eq!(w.communities.len(), 1);
}

#[test]
fn roster_fills_paid_with_the_best_scores_then_gifted_and_records_outcomes() {
    use microplan_workspace::activation_edits::{fill_roster, save_plan, set_outcome};
    use microplan_workspace::Workspace;
    let settings = AuditSettings {
        bootstrap_resamples: 0,
        ..AuditSettings::default()
    };
    let mut w = Workspace::empty("t");
    for (handle, _) in [("a", 0), ("b", 1), ("c", 2), ("d", 3)] {
        w.creators.push(creator(handle, 5_000, "Trail"));
    }
    let audits: Vec<_> = w
        .creators
        .iter()
        .zip([Some(50.0), Some(90.0), None, Some(70.0)])
        .map(|(c, s)| {
            let mut audit = audit_creator(c, &[], &[], &[], &settings);
            audit.score = s;
            audit
        })
        .collect();
    let mut p = plan("Autumn", "Trail", day(2026, 9, 14), day(2026, 9, 27));
    (p.paid_creators, p.gifted_creators) = (1, 2);
    assert!(!save_plan(&mut w, p.clone()).unwrap());
    assert!(save_plan(&mut w, p.clone()).unwrap()); // same name: replaced
    assert_eq!(fill_roster(&mut w, "Autumn", &audits), 3);
    let roster: Vec<(&str, Arrangement)> = w
        .gifting_history
        .iter()
        .map(|r| (r.handle.as_str(), r.arrangement))
        .collect();
    assert_eq!(
        roster,
        [
            ("b", Arrangement::Paid),
            ("d", Arrangement::Gifted),
            ("a", Arrangement::Gifted)
        ]
    );
    assert_eq!(fill_roster(&mut w, "Autumn", &audits), 0); // already full
    set_outcome(&mut w, "autumn", "d", Some(true), Some(day(2026, 9, 20)));
    set_outcome(&mut w, "Autumn", "a", Some(false), Some(day(2026, 9, 20)));
    assert_eq!(
        (w.gifting_history[1].posted, w.gifting_history[1].posted_on),
        (Some(true), Some(day(2026, 9, 20)))
    );
    assert_eq!(
        (w.gifting_history[2].posted, w.gifting_history[2].posted_on),
        (Some(false), None)
    );
    let mut bad = p;
    bad.window_end = day(2026, 9, 1);
    assert!(save_plan(&mut w, bad)
        .unwrap_err()
        .to_string()
        .contains("ends before it starts"));
}

#[test]
fn commitments_come_from_the_latest_contract_version() {
    use microplan_plan::activation::commitments::commitments_of;
    use microplan_plan::contract::{DraftStatus, ExclusivityKind};
    let mut contracts = microplan_demo::contract::contracts();
    // The demo draft: first refusal from the window's start (11 Jan) to 30 days after its
    // end (24 Jan + 30 = 23 Feb).
    let found = commitments_of(&contracts, "@Levain_Lotte");
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].from, found[0].to),
        (day(2027, 1, 11), day(2027, 2, 23))
    );
    assert_eq!(found[0].kind, "first right of refusal");
    assert!(found[0]
        .describe()
        .ends_with(", 2027-01-11 to 2027-02-23 (draft)"));
    let mut signed = contracts[0].clone();
    (signed.version, signed.status) = (2, DraftStatus::Signed);
    signed.choices.exclusivity.kind = ExclusivityKind::Exclusive;
    signed.choices.exclusivity.days_before = 14; // 11 Jan - 14 = 28 Dec
    contracts.push(signed);
    let found = commitments_of(&contracts, "levain_lotte");
    assert_eq!(found.len(), 1);
    assert_eq!(
        (
            found[0].kind.as_str(),
            found[0].from,
            found[0].status.as_str()
        ),
        ("exclusivity", day(2026, 12, 28), "signed")
    );
    contracts[1].choices.exclusivity.kind = ExclusivityKind::None;
    assert!(commitments_of(&contracts, "levain_lotte").is_empty());
    assert!(commitments_of(&contracts, "someone_else").is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn timelines_and_calendars_never_panic_and_keep_lines_short(
        start in -100_000i32..100_000, length in -30i64..400, lead in 0u32..1_000,
        name in "\\PC{0,90}", countries in proptest::collection::vec(("[A-Z]{2}", 0u32..400), 0..4),
    ) {
        let start = NaiveDate::from_num_days_from_ce_opt(730_000 + start).unwrap();
        let end = start + chrono::Duration::days(length);
        let mut p = plan(&name, "Community, with; specials\\", start, end);
        p.arrival_lead_days = lead;
        p.shipping_days = countries.into_iter().map(|(country, days)| ShippingTime { country, days }).collect();
        let people = [Recipient { handle: name.clone(), arrangement: Arrangement::Gifted, country: None }];
        if let Ok(events) = activation_timeline(&p, &people) {
            let ics = activation_calendar(&p, &events, NaiveDateTime::default());
            prop_assert!(ics.split("\r\n").all(|line| line.len() <= 75 && !line.contains('\n')));
            let _ = microplan_workspace::io::activation_export::timeline_csv(&events);
        }
    }
}
