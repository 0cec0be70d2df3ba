//! The Shopify orders export joined into orders, checked by hand against the fixture.

use proptest::prelude::*;

use crate::io::shop_orders::{read_shop_orders, shop_orders_from_table};
use microplan_csv::read::{RawRow, RawTable};
use microplan_model::money::Money;

const EXPORT: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/shopify_orders_export.csv"
));

#[test]
fn line_items_join_into_orders() {
    let import = read_shop_orders(EXPORT).unwrap();
    assert!(import.errors.is_empty(), "{:?}", import.errors);
    assert_eq!((import.rows, import.orders.len()), (35, 30));
    let first = &import.orders[0];
    // #1001: box 29.00 x 1 + sampler 9.50 x 2 = 48.00; NORA15 takes 15% = 7.20; subtotal
    // 40.80; total 40.80 + 4.50 shipping = 45.30.
    assert_eq!(first.order_id, "#1001");
    assert_eq!(
        first.date,
        chrono::NaiveDate::from_ymd_opt(2026, 4, 15).unwrap()
    );
    assert_eq!((first.line_items, first.quantity), (2, 3));
    assert_eq!(first.codes, vec!["NORA15"]);
    assert_eq!(first.subtotal, Some(Money::new(40.8, "EUR")));
    assert_eq!(first.discount, Some(Money::new(7.2, "EUR")));
    assert_eq!(first.total, Some(Money::new(45.3, "EUR")));
    assert_eq!(first.shipping_country.as_deref(), Some("GB"));
    assert!(!first.cancelled && !first.refunded);

    let find = |id: &str| import.orders.iter().find(|o| o.order_id == id).unwrap();
    // #1007: three items, two codes: 29 + 9.5 + 14 = 52.50, less 25% = 13.13 -> 39.37.
    let two_codes = find("#1007");
    assert_eq!(two_codes.codes, vec!["NORA15", "WELCOME10"]);
    assert_eq!((two_codes.line_items, two_codes.quantity), (3, 3));
    assert_eq!(two_codes.subtotal, Some(Money::new(39.37, "EUR")));
    assert!(find("#1008").cancelled);
    assert!(find("#1012").refunded);
    let pounds = find("#1009");
    assert_eq!(
        (pounds.currency(), pounds.subtotal.clone()),
        (Some("GBP"), Some(Money::new(21.25, "GBP")))
    );
    assert!(find("#1004").codes.is_empty());
    // The leaked burst: seven AVA15 orders on 14 September.
    let burst = import
        .orders
        .iter()
        .filter(|o| o.has_code("ava15") && o.date.to_string() == "2026-09-14")
        .count();
    assert_eq!(burst, 7);
    assert!(import
        .notes
        .iter()
        .any(|n| n.contains("35 line-item rows joined into 30 orders")));
    assert!(import.notes.iter().any(|n| n.contains("EUR, GBP")));
}

#[test]
fn nothing_personal_is_kept() {
    let import = read_shop_orders(EXPORT).unwrap();
    let stored = format!("{:?}", import.orders);
    for personal in [
        "@example.com",
        "Customer 10",
        "High Street",
        "Keswick",
        "+44",
        "CA12",
    ] {
        assert!(!stored.contains(personal), "{personal} was kept");
    }
}

#[test]
fn problems_name_row_line_column_and_fix() {
    let csv = "Name,Created at,Currency,Subtotal,Lineitem quantity\n\
               #1,2026-04-15 10:00:00 +0100,EUR,12.50,1\n\
               #1,,,,two\n\
               ,2026-04-16 10:00:00 +0100,EUR,3,1\n\
               #2,,,,1\n";
    let import = read_shop_orders(csv.as_bytes()).unwrap();
    let found: Vec<(usize, usize, &str)> = import
        .errors
        .iter()
        .map(|e| (e.row, e.line, e.column.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (2, 3, "Lineitem quantity"),
            (3, 4, "Name"),
            (4, 5, "Created at")
        ]
    );
    assert!(import.errors.iter().all(|e| !e.fix.is_empty()));
    assert!(read_shop_orders(b"Order total,Email\n12,a@b.c\n")
        .unwrap_err()
        .to_string()
        .contains("no `Name` column"));
    assert!(read_shop_orders(b"Name,Email\n#1,a@b.c\n")
        .unwrap_err()
        .to_string()
        .contains("Created at"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_join_never_panics(rows in prop::collection::vec(prop::collection::vec("[#0-9A-Za-z ,.:+-]{0,12}", 0..9), 0..12)) {
        let headers: Vec<String> = ["Name", "Created at", "Currency", "Subtotal", "Total", "Discount Code",
            "Lineitem quantity", "Shipping Country", "Cancelled at"].iter().map(|h| h.to_string()).collect();
        let table = RawTable {
            headers,
            rows: rows.into_iter().enumerate().map(|(i, cells)| RawRow { line: i + 2, cells }).collect(),
            delimiter: b',',
            encoding: "UTF-8",
            decimal_comma: false,
            notes: Vec::new(),
        };
        let import = shop_orders_from_table(&table).unwrap();
        prop_assert!(import.orders.len() <= table.rows.len());
    }

    #[test]
    fn any_bytes_read_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = read_shop_orders(&bytes);
    }
}

#[test]
fn the_fixture_reconciles_and_exports_per_creator() {
    use crate::attribution::reconcile::reconcile;
    use microplan_plan::attribution::CreatorCode;
    let mut workspace = crate::Workspace::empty("Shop");
    workspace.attribution.shop_orders = read_shop_orders(EXPORT).unwrap().orders;
    workspace.attribution.creator_codes = vec![CreatorCode {
        code: "NORA15".into(),
        handle: "trail_nora".into(),
        campaign: None,
    }];
    let r = reconcile(&workspace);
    let nora = &r.creators[0];
    // NORA15 in EUR: #1001 40.80, #1002 24.65 (29.00 less 4.35), #1007 39.37, #1012 23.80
    // (28.00 less 4.20), #1015 24.65, #1017 8.07 (9.50 less 1.425 rounded to 1.43),
    // #1021 24.65: 7 orders.
    assert_eq!(nora.code_orders, 7);
    // 40.80 + 24.65 + 39.37 + 23.80 + 24.65 + 8.07 + 24.65 = 185.99
    assert!(
        (nora.code_revenue - 185.99).abs() < 1e-9,
        "{}",
        nora.code_revenue
    );
    assert_eq!(nora.other_currency, vec![("GBP".to_string(), 1, 21.25)]);
    assert_eq!((nora.refunded, nora.shared), (1, 0));
    let csv = crate::io::attribution_export::reconciliation_csv(&r);
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("creator,codes,code_orders,code_revenue,"));
    assert_eq!(
        lines.next().unwrap(),
        "trail_nora,NORA15,7,185.99,0,1,0,GBP 1 21.25,0,,,0,7,7,185.99,185.99,EUR"
    );
    assert!(lines.next().unwrap().starts_with("Total,,7,185.99,"));
}
