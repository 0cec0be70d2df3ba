//! Shop orders as stored, one row per order (the Shopify export with one row per line item
//! is read by `io/shop_orders.rs`).

use chrono::NaiveDate;

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{
    Bool, Count, Currency, Date, List, Money as MoneyKind, Text,
};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::date::format_date;
use microplan_csv::row_reader::RowReader;
use microplan_csv::text::join_list;
use microplan_plan::attribution::ShopOrder;

use super::common::amount;

use super::{ImportTable, TableKind};

pub struct ShopOrders;

impl ImportTable for ShopOrders {
    type Row = ShopOrder;
    const KIND: TableKind = TableKind::ShopOrders;
    const LABEL: &'static str = "Shop orders";
    const FILE_STEM: &'static str = "shop_orders";
    const DESCRIBE: &'static str = "One row per shop order: date, discount codes, amounts, shipping country. Import the Shopify orders export in the Attribution card (it joins line items); no emails, names or addresses are kept.";
    const STORED_TABLE: &'static str = "attribution";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["order_id"];

    fn parse(r: &mut RowReader) -> Option<ShopOrder> {
        shop_order(r)
    }

    fn cells(row: &ShopOrder) -> Vec<String> {
        shop_order_cells(row)
    }

    fn key(row: &ShopOrder) -> Vec<String> {
        shop_order_key(row)
    }

    fn keep_stored(new: &mut ShopOrder, old: &ShopOrder, file_columns: &[&str]) {
        keep_shop_order(new, old, file_columns)
    }

    fn set_date(row: &mut ShopOrder, key: &str, date: NaiveDate) {
        if key == "date" {
            row.date = date;
        }
    }

    fn rows(workspace: &Workspace) -> &[ShopOrder] {
        &workspace.attribution.shop_orders
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<ShopOrder> {
        &mut workspace.attribution.shop_orders
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("order_id", "Order", Text, true, &["order number", "order id", "order"], "The shop's order number, such as #1001."),
    column("date", "Date", Date, true, &["created at", "order date", "processed at"], "When the order was placed."),
    column("codes", "Discount codes", List, false, &["discount code", "discount codes", "code", "codes"],
        "Discount codes used, separated by ; (stored uppercase)."),
    column("currency", "Currency", Currency, false, &["currency code"], "Currency of the amounts."),
    column("subtotal", "Subtotal", MoneyKind, false, &["subtotal price"], "Line items after discounts, before shipping and taxes."),
    column("discount", "Discount", MoneyKind, false, &["discount amount", "total discounts"], "Discount given."),
    column("total", "Total", MoneyKind, false, &["total price"], "What the customer paid."),
    column("shipping_country", "Shipping country", Text, false, &["ship country", "country"], "Two-letter country the order shipped to."),
    column("line_items", "Line items", Count, false, &["items"], "Different products in the order."),
    column("quantity", "Quantity", Count, false, &["units", "lineitem quantity"], "Units in the order."),
    column("cancelled", "Cancelled", Bool, false, &["canceled"], "Whether the order was cancelled."),
    column("refunded", "Refunded", Bool, false, &[], "Whether any of the order was refunded."),
];

fn shop_order(r: &mut RowReader) -> Option<ShopOrder> {
    let order_id = r.text("order_id");
    let date = r.date("date");
    Some(ShopOrder {
        codes: upper(r.list("codes", false)),
        subtotal: r.money("subtotal"),
        discount: r.money("discount"),
        total: r.money("total"),
        shipping_country: r.text("shipping_country").map(|c| c.to_uppercase()),
        line_items: r.count("line_items").unwrap_or(0),
        quantity: r.count("quantity").unwrap_or(0),
        cancelled: r.bool("cancelled").unwrap_or(false),
        refunded: r.bool("refunded").unwrap_or(false),
        order_id: order_id?,
        date: date?,
    })
}

fn shop_order_cells(row: &ShopOrder) -> Vec<String> {
    vec![
        row.order_id.clone(),
        format_date(row.date),
        join_list(&row.codes),
        row.currency().unwrap_or_default().to_string(),
        amount(&row.subtotal),
        amount(&row.discount),
        amount(&row.total),
        row.shipping_country.clone().unwrap_or_default(),
        row.line_items.to_string(),
        row.quantity.to_string(),
        row.cancelled.to_string(),
        row.refunded.to_string(),
    ]
}

fn shop_order_key(row: &ShopOrder) -> Vec<String> {
    vec![row.order_id.clone()]
}

/// A merge keeps stored values of the columns the file did not have.
fn keep_shop_order(new: &mut ShopOrder, old: &ShopOrder, file_columns: &[&str]) {
    let missing = |key: &str| !file_columns.contains(&key);
    if missing("codes") {
        new.codes = old.codes.clone()
    }
    if missing("subtotal") {
        new.subtotal = old.subtotal.clone()
    }
    if missing("discount") {
        new.discount = old.discount.clone()
    }
    if missing("total") {
        new.total = old.total.clone()
    }
    if missing("shipping_country") {
        new.shipping_country = old.shipping_country.clone()
    }
    if missing("line_items") {
        new.line_items = old.line_items
    }
    if missing("quantity") {
        new.quantity = old.quantity
    }
    if missing("cancelled") {
        new.cancelled = old.cancelled
    }
    if missing("refunded") {
        new.refunded = old.refunded
    }
}

fn upper(codes: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for code in codes
        .into_iter()
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
    {
        if !out.contains(&code) {
            out.push(code);
        }
    }
    out
}
