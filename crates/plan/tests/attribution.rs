//! Reconciliation, matching and code leaks over a workspace, with hand-checked numbers.

use chrono::NaiveDate;
use proptest::prelude::*;

use microplan_model::money::Money;
use microplan_model::rows::Creator;
use microplan_plan::attribution::{
    code_owners, creator_for_click, CreatorCode, LinkClicks, ShopOrder, SurveyAnswer,
};
use microplan_plan::tracking::TrackingLink;
use microplan_workspace::attribution::{detect_leaks, reconcile};
use microplan_workspace::Workspace;

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

fn creator(handle: &str, name: &str) -> Creator {
    Creator {
        handle: handle.into(),
        platform: "instagram".into(),
        display_name: Some(name.into()),
        followers: 10_000,
        following: None,
        categories: vec![],
        communities: vec![],
        country: Some("GB".into()),
        fee: None,
        contact: None,
        status: Default::default(),
        account_created: None,
        audience: Default::default(),
    }
}

fn link(handle: &str, content: &str, code: Option<&str>) -> TrackingLink {
    TrackingLink {
        campaign: "Spring".into(),
        handle: handle.into(),
        platform: "instagram".into(),
        deliverable: "reel".into(),
        landing_page: String::new(),
        utm_source: "instagram".into(),
        utm_medium: "social".into(),
        utm_campaign: "spring".into(),
        utm_content: content.into(),
        utm_term: None,
        utm_id: None,
        url: "https://shop.example/".into(),
        promo_code: code.map(str::to_string),
        discount: None,
    }
}

fn order(id: &str, date: NaiveDate, codes: &[&str], subtotal: f64, currency: &str) -> ShopOrder {
    ShopOrder {
        order_id: id.into(),
        date,
        codes: codes.iter().map(|c| c.to_string()).collect(),
        subtotal: Some(Money::new(subtotal, currency)),
        discount: None,
        total: Some(Money::new(subtotal + 4.5, currency)),
        shipping_country: Some("GB".into()),
        line_items: 1,
        quantity: 1,
        cancelled: false,
        refunded: false,
    }
}

fn clicks(
    content: &str,
    sessions: u64,
    conversions: Option<u64>,
    revenue: Option<f64>,
) -> LinkClicks {
    LinkClicks {
        date: day(4, 20),
        utm_campaign: "spring".into(),
        utm_content: content.into(),
        utm_source: None,
        sessions,
        conversions,
        revenue: revenue.map(|r| Money::new(r, "EUR")),
    }
}

/// Nora (code NORA15) and Tom (code TOM15); orders, clicks and answers checked by hand.
fn workspace() -> Workspace {
    let mut w = Workspace::empty("Test");
    w.creators = vec![
        creator("trail_nora", "Nora Hill"),
        creator("muddy_tom", "Tom Reed"),
    ]
    .into();
    w.programme.tracking.links = vec![
        link("trail_nora", "trail_nora_reel", Some("NORA15")),
        link("muddy_tom", "muddy_tom_reel", Some("tom15")),
    ];
    let mut cancelled = order("#1004", day(4, 21), &["NORA15"], 99.0, "EUR");
    cancelled.cancelled = true;
    let mut refunded = order("#1005", day(4, 22), &["TOM15"], 30.0, "EUR");
    refunded.refunded = true;
    w.attribution.shop_orders = vec![
        order("#1001", day(4, 20), &["NORA15"], 40.0, "EUR"),
        order("#1002", day(4, 20), &["NORA15"], 25.5, "EUR"),
        order("#1003", day(4, 21), &["NORA15", "TOM15"], 60.0, "EUR"),
        cancelled,
        refunded,
        order("#1006", day(4, 23), &["NORA15"], 35.0, "GBP"),
        order("#1007", day(4, 23), &["WELCOME10"], 20.0, "EUR"),
        order("#1008", day(4, 23), &[], 20.0, "EUR"),
    ];
    w.attribution.link_clicks = vec![
        clicks("trail_nora_reel", 120, Some(2), Some(50.0)),
        clicks("TRAIL_NORA_story", 30, Some(1), Some(20.0)),
        clicks("muddy_tom_reel", 80, None, None),
        clicks("someone_else", 9, Some(1), None),
    ];
    w.attribution.survey_answers = vec![
        SurveyAnswer {
            order_id: "#1001".into(),
            answer: "Instagram, @Trail_Nora's reel".into(),
        },
        SurveyAnswer {
            order_id: "#1002".into(),
            answer: "nora hill on insta".into(),
        },
        SurveyAnswer {
            order_id: "#1003".into(),
            answer: "A friend".into(),
        },
        SurveyAnswer {
            order_id: "#1005".into(),
            answer: "muddy_tomato blog".into(),
        },
    ];
    w
}

#[test]
fn reconciles_codes_links_and_survey_per_creator() {
    let r = reconcile(&workspace());
    assert_eq!(
        r.currency.as_deref(),
        Some("EUR"),
        "4 EUR code orders against 1 GBP"
    );
    let nora = &r.creators[0];
    assert_eq!(nora.handle, "trail_nora");
    // #1001 40 + #1002 25.5 + #1003 60 = 125.5 EUR; #1004 cancelled; #1006 is GBP.
    assert_eq!((nora.code_orders, nora.cancelled, nora.shared), (3, 1, 1));
    assert!((nora.code_revenue - 125.5).abs() < 1e-9);
    assert_eq!(nora.other_currency, vec![("GBP".to_string(), 1, 35.0)]);
    // Visits: 120 + 30 (the story row matches by handle prefix); conversions 2 + 1; revenue 50 + 20.
    assert_eq!(
        (nora.sessions, nora.link_conversions, nora.link_revenue),
        (150, Some(3), Some(70.0))
    );
    assert_eq!(nora.survey_mentions, 2, "handle with @ and display name");
    // Low = max(3, 3) = 3, high = 3 + 3 = 6; revenue low max(125.5, 70), high 195.5.
    assert_eq!((nora.orders_low, nora.orders_high), (3, 6));
    assert!((nora.revenue_low - 125.5).abs() < 1e-9 && (nora.revenue_high - 195.5).abs() < 1e-9);

    let tom = &r.creators[1];
    // #1003 60 + #1005 30 (refunded, still counted) = 90; no conversions in the visits export.
    assert_eq!((tom.code_orders, tom.refunded, tom.shared), (2, 1, 1));
    assert!((tom.code_revenue - 90.0).abs() < 1e-9);
    assert_eq!((tom.sessions, tom.link_conversions), (80, None));
    assert_eq!((tom.orders_low, tom.orders_high), (2, 2));
    assert_eq!(tom.survey_mentions, 0, "muddy_tomato is another word");
    assert!(tom.notes.iter().any(|n| n.contains("no conversions")));

    // Totals: #1003 counted once: 3 + 2 - 1 = 4 orders, 125.5 + 90 - 60 = 155.5 EUR.
    let total = &r.total;
    assert_eq!(total.code_orders, 4);
    assert!((total.code_revenue - 155.5).abs() < 1e-9);
    assert_eq!(total.link_conversions, Some(3));
    // Low: creator lows 3 + 2 = 5, minus the shared order = 4; high 4 + 3 = 7.
    assert_eq!((total.orders_low, total.orders_high), (4, 7));
    // Revenue low: 125.5 + 90 - 60 = 155.5; high 155.5 + 70 = 225.5.
    assert!((total.revenue_low - 155.5).abs() < 1e-9 && (total.revenue_high - 225.5).abs() < 1e-9);
    assert_eq!(
        (r.other_code_orders, r.other_codes.clone()),
        (1, vec!["WELCOME10".to_string()])
    );
    assert_eq!(r.orders_without_code, 1);
    assert_eq!(r.unmatched_sessions, 9);
    assert_eq!((r.survey_answers, r.survey_unmatched), (4, 2));
}

#[test]
fn empty_workspace_reconciles_to_nothing() {
    let r = reconcile(&Workspace::empty("Empty"));
    assert!(r.creators.is_empty());
    assert_eq!(
        (r.total.orders_low, r.total.orders_high, r.currency),
        (0, 0, None)
    );
}

#[test]
fn codes_made_elsewhere_count_and_the_first_owner_keeps_a_code() {
    let mut w = workspace();
    w.attribution.creator_codes = vec![
        CreatorCode {
            code: "nora15".into(),
            handle: "muddy_tom".into(),
            campaign: None,
        },
        CreatorCode {
            code: "TOMSPRING".into(),
            handle: "@muddy_tom".into(),
            campaign: None,
        },
    ];
    w.attribution
        .shop_orders
        .push(order("#1009", day(4, 24), &["TOMSPRING"], 10.0, "EUR"));
    let owners = code_owners(&w.programme.tracking, &w.attribution.creator_codes);
    let pairs: Vec<(&str, &str)> = owners
        .iter()
        .map(|o| (o.code.as_str(), o.handle.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("NORA15", "trail_nora"),
            ("TOM15", "muddy_tom"),
            ("TOMSPRING", "muddy_tom")
        ]
    );
    let r = reconcile(&w);
    assert_eq!(r.creators[1].code_orders, 3);
}

#[test]
fn link_rows_match_tracked_links_then_handle_prefixes() {
    let w = workspace();
    let handles = ["trail_nora", "muddy_tom", "muddy"];
    let who = |content: &str, campaign: &str| {
        let mut row = clicks(content, 1, None, None);
        row.utm_campaign = campaign.into();
        creator_for_click(&row, &w.programme.tracking, &handles).map(str::to_string)
    };
    assert_eq!(
        who("trail_nora_reel", "spring").as_deref(),
        Some("trail_nora")
    );
    assert_eq!(who("trail_nora_reel", "").as_deref(), Some("trail_nora"));
    // Another campaign is not the tracked link, but the handle prefix still names Nora.
    assert_eq!(
        who("trail_nora_reel", "autumn").as_deref(),
        Some("trail_nora")
    );
    // The longest handle wins: muddy_tom, not muddy.
    assert_eq!(who("muddy_tom_story_2", "x").as_deref(), Some("muddy_tom"));
    assert_eq!(who("muddy", "x").as_deref(), Some("muddy"));
    assert_eq!(who("trail_noraX", "x"), None);
    assert_eq!(who("  ", "spring"), None);
}

fn any_order() -> impl Strategy<Value = ShopOrder> {
    let codes = prop::collection::vec(
        prop_oneof![
            Just("NORA15".to_string()),
            Just("TOM15".to_string()),
            "[A-Za-z0-9]{0,6}"
        ],
        0..3,
    );
    let money = prop::option::of(
        (
            any::<f64>(),
            prop_oneof![Just("EUR"), Just("GBP"), Just("")],
        )
            .prop_map(|(a, c)| Money::new(a, c)),
    );
    (
        0i64..4000,
        codes,
        money.clone(),
        money,
        prop::option::of("[A-Z]{2}"),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(offset, codes, subtotal, total, country, cancelled, refunded)| ShopOrder {
                order_id: format!("#{offset}"),
                date: day(1, 1) + chrono::Duration::days(offset % 400),
                codes,
                subtotal,
                discount: None,
                total,
                shipping_country: country,
                line_items: 1,
                quantity: 1,
                cancelled,
                refunded,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn reconciliation_and_leaks_never_panic(orders in prop::collection::vec(any_order(), 0..40),
                                             sessions in prop::collection::vec((any::<u64>(), prop::option::of(any::<u64>())), 0..5)) {
        let mut w = workspace();
        w.attribution.shop_orders = orders;
        w.attribution.link_clicks = sessions
            .into_iter()
            .map(|(s, c)| clicks("trail_nora_reel", s / 4, c.map(|c| c / 4), Some(f64::NAN)))
            .collect();
        let r = reconcile(&w);
        prop_assert!(r.total.orders_low <= r.total.orders_high);
        for row in &r.creators {
            prop_assert!(row.orders_low <= row.orders_high);
        }
        let _ = detect_leaks(&w);
    }
}

#[test]
fn a_creator_with_a_code_but_nothing_else_has_no_activity() {
    let mut w = workspace();
    w.programme
        .tracking
        .links
        .push(link("quiet_one", "quiet_one_reel", Some("QUIET15")));
    let r = reconcile(&w);
    let quiet = r
        .creators
        .iter()
        .find(|row| row.handle == "quiet_one")
        .unwrap();
    assert!(!quiet.has_activity());
    assert!(r
        .creators
        .iter()
        .filter(|row| row.handle != "quiet_one")
        .all(|row| row.has_activity()));
}
