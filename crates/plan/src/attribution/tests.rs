//! Order merging and deliverable cost with hand-checked numbers. Reconciliation and leak
//! detection read the whole workspace: see `tests/attribution.rs`.

use chrono::NaiveDate;

use super::*;
use microplan_model::money::Money;
use microplan_model::rows::DeliverableResult;

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
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

#[test]
fn cost_is_given_or_the_sum_of_the_given_parts() {
    let eur = |a: f64| Some(Money::new(a, "EUR"));
    let given = DeliverableResult {
        cost: eur(300.0),
        fee: eur(250.0),
        ..Default::default()
    };
    assert_eq!(
        given.cost_basis().map(|c| (c.total.amount, c.from_parts)),
        Some((300.0, false))
    );
    // 250 fee + 18 shipping = 268; product value not given, named, not taken as zero.
    let parts = DeliverableResult {
        fee: eur(250.0),
        shipping: eur(18.0),
        ..Default::default()
    };
    let basis = parts.cost_basis().unwrap();
    assert_eq!(
        (basis.total.amount, basis.from_parts, basis.missing_parts),
        (268.0, true, vec!["product value"])
    );
    let mixed = DeliverableResult {
        fee: eur(250.0),
        shipping: Some(Money::new(5.0, "GBP")),
        ..Default::default()
    };
    assert_eq!(mixed.cost_basis(), None, "never converted");
    assert_eq!(DeliverableResult::default().cost_basis(), None);
}

#[test]
fn merging_orders_replaces_by_order_id() {
    let mut stored = vec![order("#1", day(1, 1), &[], 1.0, "EUR")];
    let (added, updated) = merge_orders(
        &mut stored,
        vec![
            order("#1", day(1, 2), &[], 2.0, "EUR"),
            order("#2", day(1, 2), &[], 3.0, "EUR"),
        ],
    );
    assert_eq!((added, updated, stored.len()), (1, 1, 2));
    assert_eq!(stored[0].date, day(1, 2));
}
