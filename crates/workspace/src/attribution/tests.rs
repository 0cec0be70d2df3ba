//! Each leak check with hand-made orders, and a clean code that is not flagged.

use chrono::{Duration, NaiveDate};

use super::*;
use crate::Workspace;
use microplan_model::audience::AudienceShare;
use microplan_model::money::Money;
use microplan_model::rows::{Creator, DeliverableResult};
use microplan_plan::attribution::*;
use microplan_plan::tracking::TrackingLink;

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

/// Nora posted on 20 April; her code NORA15 sells 1-2 a day over the following weeks.
fn base() -> Workspace {
    let mut w = Workspace::empty("Leaks");
    let mut nora = creator("trail_nora", "Nora Hill");
    nora.audience.countries = vec![
        AudienceShare {
            key: "GB".into(),
            share: 0.6,
        },
        AudienceShare {
            key: "IE".into(),
            share: 0.1,
        },
    ];
    w.creators = vec![nora].into();
    w.programme.tracking.links = vec![link("trail_nora", "trail_nora_reel", Some("NORA15"))];
    w.results = vec![DeliverableResult {
        campaign: "Spring".into(),
        handle: "trail_nora".into(),
        deliverable: "reel".into(),
        date: Some(day(4, 20)),
        ..Default::default()
    }]
    .into();
    let mut orders = Vec::new();
    for offset in 0..20i64 {
        for n in 0..(1 + offset % 2) {
            let id = format!("#{offset}-{n}");
            orders.push(order(
                &id,
                day(4, 20) + Duration::days(offset),
                &["NORA15"],
                30.0,
                "EUR",
            ));
        }
    }
    w.attribution.shop_orders = orders;
    w
}

fn kinds(w: &Workspace) -> Vec<LeakKind> {
    detect_leaks(w).into_iter().map(|f| f.kind).collect()
}

#[test]
fn a_clean_code_is_not_flagged() {
    // 30 orders over 20 days, all to GB, all within the 30-day grace after 20 April.
    assert_eq!(kinds(&base()), vec![]);
}

#[test]
fn median_and_scaled_mad() {
    // Counts 0 0 1 1 9: median 1; deviations 1 1 0 0 8 -> median 1; scaled 1.4826.
    let (centre, spread) = leaks::robust_centre(&[1.0, 0.0, 9.0, 1.0, 0.0]).unwrap();
    assert_eq!(centre, 1.0);
    assert!((spread - 1.4826).abs() < 1e-12);
    assert_eq!(leaks::robust_centre(&[]), None);
}

#[test]
fn a_spike_with_no_post_and_no_clicks_is_flagged() {
    let mut w = base();
    // 7 more orders on 7 May (which had 2): 9. Daily counts over 20 Apr - 9 May alternate
    // 1 and 2 (ten 1s, nine 2s, one 9): median 1.5, MAD 0.5 -> scaled 0.74, floored to 1;
    // threshold 1.5 + 3.5 x 1 = 5; 9 > 5 and 9 >= 5.
    for n in 0..7 {
        w.attribution.shop_orders.push(order(
            &format!("#s{n}"),
            day(5, 7),
            &["NORA15"],
            30.0,
            "EUR",
        ));
    }
    let flags = detect_leaks(&w);
    assert_eq!(flags.len(), 1, "{flags:?}");
    let flag = &flags[0];
    assert_eq!(
        (flag.kind, flag.code.as_str(), flag.orders),
        (LeakKind::SpikeWithoutCause, "NORA15", 9)
    );
    assert!(
        flag.evidence.contains("9 on 7 May 2026"),
        "{}",
        flag.evidence
    );
    assert!(
        flag.evidence.contains("more than 5.0 a day is unusual"),
        "{}",
        flag.evidence
    );
    assert!(
        flag.evidence.contains(
            "(technically: the median plus 3.5 times the median absolute deviation of 1.0)"
        ),
        "{}",
        flag.evidence
    );

    // Visits on her link the day before explain it: no flag.
    let mut explained = w.clone();
    explained.attribution.link_clicks.push(LinkClicks {
        date: day(5, 6),
        utm_campaign: "spring".into(),
        utm_content: "trail_nora_reel".into(),
        utm_source: None,
        sessions: 40,
        conversions: None,
        revenue: None,
    });
    assert_eq!(kinds(&explained), vec![]);
    // So does a post two days before.
    let mut posted = w;
    posted.results.push(DeliverableResult {
        campaign: "Spring".into(),
        handle: "trail_nora".into(),
        deliverable: "story".into(),
        date: Some(day(5, 5)),
        ..Default::default()
    });
    assert_eq!(kinds(&posted), vec![]);
}

#[test]
fn orders_outside_the_audience_are_flagged() {
    let mut w = base();
    // 30 GB orders + 15 to US, CA and AU: 15 of 45 = 33% >= 30%, and 15 >= 5.
    for (n, country) in ["US", "CA", "AU"].iter().cycle().take(15).enumerate() {
        let mut o = order(
            &format!("#x{n}"),
            day(4, 20) + Duration::days(n as i64),
            &["NORA15"],
            30.0,
            "EUR",
        );
        o.shipping_country = Some(country.to_string());
        w.attribution.shop_orders.push(o);
    }
    let flags = detect_leaks(&w);
    assert_eq!(
        flags.iter().map(|f| f.kind).collect::<Vec<_>>(),
        vec![LeakKind::OutsideAudience]
    );
    assert_eq!(flags[0].orders, 15);
    assert!(
        flags[0].evidence.starts_with("15 of 45 orders (33.3%)"),
        "{}",
        flags[0].evidence
    );
    assert!(
        flags[0].evidence.contains("(GB, IE)") && flags[0].evidence.contains("AU 5, CA 5, US 5")
    );
    // A stricter share keeps it quiet.
    w.attribution.leak_settings.outside_share = 0.4;
    assert_eq!(kinds(&w), vec![]);
}

#[test]
fn use_long_after_the_window_is_flagged() {
    let mut w = base();
    // The window ends with her last result on 20 April; grace 30 days -> after 20 May.
    for (n, d) in [(6, 1), (6, 9), (6, 15)].iter().enumerate() {
        w.attribution.shop_orders.push(order(
            &format!("#l{n}"),
            day(d.0, d.1),
            &["NORA15"],
            30.0,
            "EUR",
        ));
    }
    let flags = detect_leaks(&w);
    assert_eq!(
        flags.iter().map(|f| f.kind).collect::<Vec<_>>(),
        vec![LeakKind::LongAfterWindow]
    );
    assert_eq!(flags[0].orders, 3);
    // 1 June is 42 days after 20 April.
    assert!(
        flags[0]
            .evidence
            .contains("from 1 Jun 2026 to 15 Jun 2026, 42 days"),
        "{}",
        flags[0].evidence
    );
    w.attribution.leak_settings.grace_days = 60;
    assert_eq!(kinds(&w), vec![]);
}

#[test]
fn checks_without_data_flag_nothing() {
    let mut w = base();
    w.creators[0].audience.countries.clear();
    w.creators[0].country = None;
    w.results.clear();
    for n in 0..10 {
        let mut o = order(&format!("#u{n}"), day(9, 1), &["NORA15"], 30.0, "EUR");
        o.shipping_country = Some("US".into());
        o.cancelled = n % 2 == 0;
        w.attribution.shop_orders.push(o);
    }
    // No audience, no window; the 5 uncancelled orders on 1 Sep are a spike, though.
    assert_eq!(kinds(&w), vec![LeakKind::SpikeWithoutCause]);
}

#[test]
fn flagged_orders_are_set_apart_from_every_count_once() {
    let mut w = base();
    // Six orders on 1 June: long after the window (grace ends 20 May) and a spike (daily
    // counts 20 Apr - 1 Jun: 22 zeros, ten 1s, ten 2s, one 6 -> median 0, MAD floored to 1,
    // threshold 3.5; 6 > 3.5 and 6 >= 5). Both flags are about the same six orders.
    for n in 0..6 {
        w.attribution.shop_orders.push(order(
            &format!("#j{n}"),
            day(6, 1),
            &["NORA15"],
            30.0,
            "EUR",
        ));
    }
    let flags = detect_leaks(&w);
    assert_eq!(
        flags.iter().map(|f| (f.kind, f.orders)).collect::<Vec<_>>(),
        vec![
            (LeakKind::SpikeWithoutCause, 6),
            (LeakKind::LongAfterWindow, 6)
        ]
    );
    assert_eq!(leaks::leaked_order_ids(&flags).len(), 6);
    let r = reconcile(&w);
    let nora = &r.creators[0];
    // base(): 20 days of 1 or 2 orders (10 x 1 + 10 x 2 = 30) at €30; the six are apart.
    assert_eq!((nora.code_orders, nora.leaked_orders), (30, 6));
    assert_eq!((nora.code_revenue, nora.leaked_revenue), (900.0, 180.0));
    assert_eq!((nora.orders_low, nora.orders_high), (30, 30));
    assert_eq!(
        (
            r.total.code_orders,
            r.total.leaked_orders,
            r.total.leaked_revenue
        ),
        (30, 6, 180.0)
    );
    assert_eq!(r.leaked_codes, vec!["NORA15".to_string()]);
    // A longer grace and a higher spike cut-off: nothing flagged, all 36 count.
    w.attribution.leak_settings.grace_days = 60;
    w.attribution.leak_settings.min_spike_orders = 7;
    let r = reconcile(&w);
    assert_eq!((r.creators[0].code_orders, r.total.leaked_orders), (36, 0));
}
