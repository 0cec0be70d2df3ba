//! Columns, row builders, cells and keys of the attribution tables: shop orders (one row
//! per order, as stored; the Shopify export with one row per line item is read by
//! `shop_orders.rs`), visits per tagged link, survey answers and codes made elsewhere.

use microplan_plan::attribution::{CreatorCode, LinkClicks, ShopOrder, SurveyAnswer};
use microplan_model::money::Money;

use microplan_csv::columns::ColumnKind::{Bool, Count, Currency, Date, List, Money as MoneyKind, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::date::format_date;
use microplan_csv::row_reader::RowReader;
use microplan_csv::text::join_list;

#[rustfmt::skip]
pub const SHOP_ORDERS: &[ColumnSpec] = &[
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

#[rustfmt::skip]
pub const LINK_CLICKS: &[ColumnSpec] = &[
    column("date", "Date", Date, true, &["day", "session date"], "The day of the visits (GA4 writes 20260415)."),
    column("utm_campaign", "utm_campaign", Text, true,
        &["session campaign", "campaign", "session manual campaign name", "first user campaign", "manual campaign name"],
        "GA4 campaign, such as spring_pilot_2026."),
    column("utm_content", "utm_content", Text, true,
        &["session manual ad content", "manual ad content", "ad content", "first user manual ad content", "content"],
        "The creator and piece, such as trail_nora_reel."),
    column("utm_source", "utm_source", Text, false, &["session source", "source", "session source / medium"], "Where the visit came from."),
    column("sessions", "Sessions", Count, true, &["clicks", "visits", "link clicks", "users", "active users", "total users"],
        "Sessions or clicks on the link."),
    column("conversions", "Conversions", Count, false,
        &["key events", "purchases", "ecommerce purchases", "transactions", "orders"],
        "Purchases (GA4 key events or conversions); empty when the export has none."),
    column("revenue", "Revenue", MoneyKind, false, &["purchase revenue", "total revenue"], "Purchase revenue of those sessions."),
    column("revenue_currency", "Revenue currency", Currency, false, &["currency"], "Currency of the revenue."),
];

#[rustfmt::skip]
pub const SURVEY_ANSWERS: &[ColumnSpec] = &[
    column("order_id", "Order", Text, true, &["order number", "order id", "order", "name"], "The order the answer belongs to."),
    column("answer", "Answer", Text, true,
        &["how did you hear about us", "how did you hear about us?", "response", "attribution", "source", "hdyhau"],
        "What the customer wrote or picked."),
];

#[rustfmt::skip]
pub const CREATOR_CODES: &[ColumnSpec] = &[
    column("code", "Code", Text, true, &["discount code", "promo code", "coupon", "coupon code"], "A creator's code made outside the tracking table."),
    column("handle", "Handle", Text, true, &["creator", "username", "@handle", "influencer"], "The creator it belongs to."),
    column("campaign", "Campaign", Text, false, &["campaign name"], "Optional: the campaign it was made for (its posting window)."),
];

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

pub(crate) fn shop_order(r: &mut RowReader) -> Option<ShopOrder> {
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

pub(crate) fn link_clicks(r: &mut RowReader) -> Option<LinkClicks> {
    let date = r.date("date");
    let utm_campaign = r.text("utm_campaign");
    let utm_content = r.text("utm_content");
    let utm_source = r.text("utm_source");
    let sessions = r.count("sessions");
    Some(LinkClicks {
        conversions: r.count("conversions"),
        revenue: r.money("revenue"),
        date: date?,
        utm_campaign: utm_campaign?,
        utm_content: utm_content?,
        utm_source,
        sessions: sessions?,
    })
}

pub(crate) fn survey_answer(r: &mut RowReader) -> Option<SurveyAnswer> {
    let order_id = r.text("order_id");
    let answer = r.text("answer");
    Some(SurveyAnswer {
        order_id: order_id?,
        answer: answer?,
    })
}

pub(crate) fn creator_code(r: &mut RowReader) -> Option<CreatorCode> {
    let code = r.text("code").map(|c| c.to_uppercase());
    let handle = r.handle("handle");
    let campaign = r.text("campaign");
    Some(CreatorCode {
        code: code?,
        handle: handle?,
        campaign,
    })
}

fn amount(value: &Option<Money>) -> String {
    value
        .as_ref()
        .filter(|m| m.amount.is_finite())
        .map(|m| m.amount.to_string())
        .unwrap_or_default()
}

fn count(value: Option<u64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

pub(crate) fn shop_order_cells(row: &ShopOrder) -> Vec<String> {
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

pub(crate) fn link_clicks_cells(row: &LinkClicks) -> Vec<String> {
    vec![
        format_date(row.date),
        row.utm_campaign.clone(),
        row.utm_content.clone(),
        row.utm_source.clone().unwrap_or_default(),
        row.sessions.to_string(),
        count(row.conversions),
        amount(&row.revenue),
        row.revenue
            .as_ref()
            .map(|m| m.currency.clone())
            .unwrap_or_default(),
    ]
}

pub(crate) fn survey_answer_cells(row: &SurveyAnswer) -> Vec<String> {
    vec![row.order_id.clone(), row.answer.clone()]
}

pub(crate) fn creator_code_cells(row: &CreatorCode) -> Vec<String> {
    vec![
        row.code.clone(),
        row.handle.clone(),
        row.campaign.clone().unwrap_or_default(),
    ]
}

pub(crate) fn shop_order_key(row: &ShopOrder) -> Vec<String> {
    vec![row.order_id.clone()]
}

pub(crate) fn link_clicks_key(row: &LinkClicks) -> Vec<String> {
    vec![
        format_date(row.date),
        row.utm_campaign.clone(),
        row.utm_content.clone(),
    ]
}

pub(crate) fn survey_answer_key(row: &SurveyAnswer) -> Vec<String> {
    vec![row.order_id.clone()]
}

pub(crate) fn creator_code_key(row: &CreatorCode) -> Vec<String> {
    vec![row.code.clone()]
}

/// A merge keeps stored values of the columns the file did not have.
pub(crate) fn keep_shop_order(new: &mut ShopOrder, old: &ShopOrder, file_columns: &[&str]) {
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

pub(crate) fn keep_link_clicks(new: &mut LinkClicks, old: &LinkClicks, file_columns: &[&str]) {
    let missing = |key: &str| !file_columns.contains(&key);
    if missing("utm_source") {
        new.utm_source = old.utm_source.clone()
    }
    if missing("conversions") {
        new.conversions = old.conversions
    }
    if missing("revenue") {
        new.revenue = old.revenue.clone()
    }
}

pub(crate) fn keep_creator_code(new: &mut CreatorCode, old: &CreatorCode, file_columns: &[&str]) {
    if !file_columns.contains(&"campaign") {
        new.campaign = old.campaign.clone();
    }
}
