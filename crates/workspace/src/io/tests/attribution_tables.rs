//! Generators of the attribution tables for the round-trip property, and their own checks.

use proptest::prelude::*;

use super::preview_of;
use super::round_trip::{count, date, finite, handle, optional_text, text, unique};
use crate::io::export::export_csv;
use crate::io::mapping::propose_mapping;
use crate::io::table::TableKind;
use crate::io::tables::{
    creator_codes::CreatorCodes, link_clicks::LinkVisits, shop_orders::ShopOrders,
    survey_answers::SurveyAnswers, ImportTable,
};
use crate::io::typed_rows::TypedRows;
use crate::io::validate::{validate, ImportOptions};
use microplan_csv::read::read_csv;
use microplan_csv::text::is_missing;
use microplan_model::money::Money;
use microplan_plan::attribution::{
    AttributionBook, CreatorCode, LinkClicks, ShopOrder, SurveyAnswer,
};

fn codes() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec("[A-Z0-9]{1,8}", 0..3).prop_map(|codes| {
        let mut kept: Vec<String> = Vec::new();
        for code in codes.into_iter().filter(|c| !is_missing(c)) {
            if !kept.contains(&code) {
                kept.push(code);
            }
        }
        kept
    })
}

fn shop_order() -> impl Strategy<Value = ShopOrder> {
    let amounts = (
        prop::option::of(finite()),
        prop::option::of(finite()),
        prop::option::of(finite()),
        "[A-Z]{3}",
    );
    let counts = (count(), count(), any::<bool>(), any::<bool>());
    (
        text(),
        date(),
        codes(),
        amounts,
        prop::option::of("[A-Z]{2}"),
        counts,
    )
        .prop_map(
            |(
                order_id,
                date,
                codes,
                (subtotal, discount, total, currency),
                country,
                (line_items, quantity, cancelled, refunded),
            )| {
                let money = |amount: Option<f64>| amount.map(|a| Money::new(a, &currency));
                ShopOrder {
                    order_id,
                    date,
                    codes,
                    subtotal: money(subtotal),
                    discount: money(discount),
                    total: money(total),
                    shipping_country: country.filter(|c| !is_missing(c)),
                    line_items,
                    quantity,
                    cancelled,
                    refunded,
                }
            },
        )
}

fn link_clicks() -> impl Strategy<Value = LinkClicks> {
    (
        date(),
        text(),
        text(),
        optional_text(),
        count(),
        prop::option::of(count()),
        super::round_trip::money(),
    )
        .prop_map(
            |(date, utm_campaign, utm_content, utm_source, sessions, conversions, revenue)| {
                LinkClicks {
                    date,
                    utm_campaign,
                    utm_content,
                    utm_source,
                    sessions,
                    conversions,
                    revenue,
                }
            },
        )
}

fn survey_answer() -> impl Strategy<Value = SurveyAnswer> {
    (text(), text()).prop_map(|(order_id, answer)| SurveyAnswer { order_id, answer })
}

fn creator_code() -> impl Strategy<Value = CreatorCode> {
    let code = text()
        .prop_map(|c| c.to_uppercase())
        .prop_filter("stored codes are clean", |c| {
            c.trim() == c && !is_missing(c)
        });
    (code, handle(), optional_text()).prop_map(|(code, handle, campaign)| CreatorCode {
        code,
        handle,
        campaign,
    })
}

pub(super) fn attribution_book() -> impl Strategy<Value = AttributionBook> {
    let rows = 0..5usize;
    (
        prop::collection::vec(shop_order(), rows.clone()),
        prop::collection::vec(link_clicks(), rows.clone()),
        prop::collection::vec(survey_answer(), rows.clone()),
        prop::collection::vec(creator_code(), rows),
    )
        .prop_map(|(orders, clicks, answers, codes)| AttributionBook {
            shop_orders: unique(orders, ShopOrders::key),
            link_clicks: unique(clicks, LinkVisits::key),
            survey_answers: unique(answers, SurveyAnswers::key),
            creator_codes: unique(codes, CreatorCodes::key),
            ..AttributionBook::default()
        })
}

#[test]
fn ga4_visits_export_maps_by_its_own_names() {
    let csv =
        "Date,Session campaign,Session manual ad content,Sessions,Key events,Purchase revenue\n\
               20260415,spring_pilot_2026,trail_nora_reel,120,3,74.50\n\
               20260416,spring_pilot_2026,trail_nora_reel,64,1,24.50\n";
    let preview = preview_of(TableKind::LinkClicks, csv);
    assert!(preview.can_commit_all(), "{:?}", preview.errors);
    let TypedRows::LinkClicks(rows) = preview.valid else {
        panic!()
    };
    assert_eq!(
        rows[0].date,
        chrono::NaiveDate::from_ymd_opt(2026, 4, 15).unwrap()
    );
    assert_eq!(
        (
            rows[0].utm_content.as_str(),
            rows[0].sessions,
            rows[0].conversions
        ),
        ("trail_nora_reel", 120, Some(3))
    );
    assert_eq!(rows[1].revenue, Some(Money::new(24.5, "EUR")));
}

#[test]
fn survey_and_codes_tables_read_their_usual_headers() {
    let preview = preview_of(
        TableKind::SurveyAnswers,
        "Order,How did you hear about us?\n#1001,@trail_nora on Instagram\n",
    );
    let TypedRows::SurveyAnswers(rows) = preview.valid else {
        panic!()
    };
    assert_eq!(
        rows,
        vec![SurveyAnswer {
            order_id: "#1001".into(),
            answer: "@trail_nora on Instagram".into()
        }]
    );
    let preview = preview_of(
        TableKind::CreatorCodes,
        "Discount code,Creator\nnora15,@trail_nora\n",
    );
    let TypedRows::CreatorCodes(rows) = preview.valid else {
        panic!()
    };
    assert_eq!(
        rows,
        vec![CreatorCode {
            code: "NORA15".into(),
            handle: "trail_nora".into(),
            campaign: None
        }]
    );
}

#[test]
fn stored_orders_export_one_row_per_order() {
    let mut workspace = crate::Workspace::empty("W");
    workspace.attribution.shop_orders = vec![ShopOrder {
        order_id: "#1001".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 4, 15).unwrap(),
        codes: vec!["NORA15".into(), "WELCOME10".into()],
        subtotal: Some(Money::new(40.0, "EUR")),
        discount: Some(Money::new(7.06, "EUR")),
        total: Some(Money::new(44.5, "EUR")),
        shipping_country: Some("GB".into()),
        line_items: 2,
        quantity: 3,
        cancelled: false,
        refunded: true,
    }];
    let csv = export_csv(TableKind::ShopOrders, &workspace);
    assert_eq!(
        csv,
        "order_id,date,codes,currency,subtotal,discount,total,shipping_country,line_items,quantity,cancelled,refunded\r\n\
         #1001,2026-04-15,NORA15; WELCOME10,EUR,40,7.06,44.5,GB,2,3,false,true\r\n"
    );
}

#[test]
fn a_ga4_export_with_its_comment_preamble_reads_from_its_header() {
    let bytes = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/ga4_link_visits.csv"
    ));
    let table = read_csv(bytes).unwrap();
    assert_eq!(table.headers[0], "Session manual ad content");
    // Ten lines of `#` notes and a blank line: the header is line 12, the first row 13.
    assert_eq!(table.rows[0].line, 13);
    assert!(
        table.notes.iter().any(|n| n.contains("first 11 lines")),
        "{:?}",
        table.notes
    );
    let mapping = propose_mapping(TableKind::LinkClicks, &table.headers);
    let preview = validate(
        TableKind::LinkClicks,
        &table,
        &mapping,
        &ImportOptions {
            default_currency: "EUR".into(),
        },
    );
    assert!(preview.can_commit_all(), "{:?}", preview.errors);
    let TypedRows::LinkClicks(rows) = preview.valid else {
        panic!()
    };
    assert_eq!(rows.len(), 5);
    assert_eq!(
        (
            rows[0].utm_content.as_str(),
            rows[0].sessions,
            rows[0].conversions
        ),
        ("trail_nora_reel_1", 312, Some(6))
    );
    assert_eq!(rows[0].revenue, Some(Money::new(147.0, "EUR")));
    // A row-number header is not a comment.
    assert_eq!(
        read_csv(b"#,handle\n1,nora\n").unwrap().headers,
        ["#", "handle"]
    );
}
