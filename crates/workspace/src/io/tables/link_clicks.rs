//! Visits per day and tagged link, as GA4 exports them.

use chrono::NaiveDate;

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{Count, Currency, Date, Money as MoneyKind, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::date::format_date;
use microplan_csv::row_reader::RowReader;
use microplan_plan::attribution::LinkClicks;

use super::common::{amount, count};

use super::{ImportTable, TableKind};

pub struct LinkVisits;

impl ImportTable for LinkVisits {
    type Row = LinkClicks;
    const KIND: TableKind = TableKind::LinkClicks;
    const LABEL: &'static str = "Link visits";
    const FILE_STEM: &'static str = "link_clicks";
    const DESCRIBE: &'static str = "One row per day and tagged link (utm_campaign, utm_content): sessions, conversions and revenue, as GA4 exports them.";
    const STORED_TABLE: &'static str = "attribution";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["date", "utm_campaign", "utm_content"];

    fn parse(r: &mut RowReader) -> Option<LinkClicks> {
        link_clicks(r)
    }

    fn cells(row: &LinkClicks) -> Vec<String> {
        link_clicks_cells(row)
    }

    fn key(row: &LinkClicks) -> Vec<String> {
        link_clicks_key(row)
    }

    fn keep_stored(new: &mut LinkClicks, old: &LinkClicks, file_columns: &[&str]) {
        keep_link_clicks(new, old, file_columns)
    }

    fn set_date(row: &mut LinkClicks, key: &str, date: NaiveDate) {
        if key == "date" {
            row.date = date;
        }
    }

    fn rows(workspace: &Workspace) -> &[LinkClicks] {
        &workspace.attribution.link_clicks
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<LinkClicks> {
        &mut workspace.attribution.link_clicks
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
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

fn link_clicks(r: &mut RowReader) -> Option<LinkClicks> {
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

fn link_clicks_cells(row: &LinkClicks) -> Vec<String> {
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

fn link_clicks_key(row: &LinkClicks) -> Vec<String> {
    vec![
        format_date(row.date),
        row.utm_campaign.clone(),
        row.utm_content.clone(),
    ]
}

fn keep_link_clicks(new: &mut LinkClicks, old: &LinkClicks, file_columns: &[&str]) {
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
