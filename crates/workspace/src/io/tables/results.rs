//! Campaign results, one row per deliverable.

use chrono::NaiveDate;

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{Bool, Count, Currency, Date, Money, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::date::format_date;
use microplan_csv::row_reader::RowReader;
use microplan_model::rows::DeliverableResult;

use super::common::{count, flag, money, text};

use super::{ImportTable, TableKind};

pub struct Results;

impl ImportTable for Results {
    type Row = DeliverableResult;
    const KIND: TableKind = TableKind::Results;
    const LABEL: &'static str = "Campaign results";
    const FILE_STEM: &'static str = "results";
    const DESCRIBE: &'static str =
        "One row per campaign deliverable: its reach, engagement, clicks, orders and cost.";
    const STORED_TABLE: &'static str = "results";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["campaign", "handle", "deliverable"];

    fn parse(r: &mut RowReader) -> Option<DeliverableResult> {
        deliverable_result(r)
    }

    fn cells(row: &DeliverableResult) -> Vec<String> {
        result_cells(row)
    }

    fn key(row: &DeliverableResult) -> Vec<String> {
        result_key(row)
    }

    fn keep_stored(new: &mut DeliverableResult, old: &DeliverableResult, file_columns: &[&str]) {
        keep_result(new, old, file_columns)
    }

    fn set_date(row: &mut DeliverableResult, key: &str, date: NaiveDate) {
        if key == "date" {
            row.date = Some(date);
        }
    }

    fn rows(workspace: &Workspace) -> &[DeliverableResult] {
        &workspace.results
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<DeliverableResult> {
        &mut workspace.results
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("campaign", "Campaign", Text, true, &["campaign name"], "Name of the campaign."),
    column("handle", "Handle", Text, true,
        &["username", "@handle", "account", "creator", "influencer", "creator handle", "account username"],
        "The creator's handle; a leading @ is removed."),
    column("deliverable", "Deliverable", Text, true,
        &["deliverable name", "content", "asset", "placement", "post", "post id", "permalink", "video link", "video id", "video title"],
        "Which deliverable this row measures, e.g. reel 1."),
    column("date", "Date", Date, false,
        &["publish time", "date posted", "posted on", "published", "post date", "video publish time", "post time", "created time"],
        "When the deliverable went live."),
    column("reach", "Reach", Count, false, &["accounts reached", "reached audience", "total reach"], "Unique accounts reached."),
    column("views", "Views", Count, false, &["video views", "plays", "total views"], "Views or plays."),
    column("impressions", "Impressions", Count, false, &["impression count"], "Times shown."),
    column("likes", "Likes", Count, false, &["like count", "reactions", "total likes"], "Likes."),
    column("comments", "Comments", Count, false, &["comment count", "comments added", "total comments"], "Comments."),
    column("shares", "Shares", Count, false, &["share count", "sends", "total shares"], "Shares."),
    column("saves", "Saves", Count, false, &["saved", "bookmarks", "add to favorites", "favorites", "favourites"], "Saves (TikTok: favorites)."),
    column("link_clicks", "Link clicks", Count, false,
        &["clicks", "link taps", "sticker taps", "website clicks", "swipe ups", "link clicks count"],
        "Clicks on the tracked link."),
    column("code_redemptions", "Code redemptions", Count, false,
        &["redemptions", "code uses", "discount uses", "times used", "usage count"],
        "Times the creator's discount code was used."),
    column("orders", "Orders", Count, false, &["total orders", "purchases", "conversions"], "Orders attributed."),
    column("revenue", "Revenue", Money, false, &["sales", "total sales", "net sales", "gross sales", "attributed revenue"],
        "Revenue attributed, e.g. 1200.50 or €1,200.50."),
    column("revenue_currency", "Revenue currency", Currency, false, &["currency", "currency code"],
        "Currency of the revenue; also used for the cost when there is no cost currency column."),
    column("cost", "Cost", Money, false, &["spend", "amount spent", "total cost"],
        "What the deliverable cost in all; when empty, the sum of fee, product value and shipping that are given."),
    column("cost_currency", "Cost currency", Currency, false, &["spend currency"], "Currency of the cost."),
    column("disclosure_present", "Disclosure present", Bool, false, &["disclosure", "disclosed", "#ad"],
        "Whether the ad disclosure was present."),
    column("fee", "Fee", Money, false, &["creator fee", "paid fee"], "Optional: the creator's fee, part of the cost."),
    column("fee_currency", "Fee currency", Currency, false, &[], "Currency of the fee."),
    column("product_value", "Product value", Money, false, &["product cost", "gifted product", "product"],
        "Optional: value of the product sent, part of the cost."),
    column("product_value_currency", "Product value currency", Currency, false, &[], "Currency of the product value."),
    column("shipping", "Shipping", Money, false, &["shipping cost", "postage"], "Optional: shipping cost, part of the cost."),
    column("shipping_currency", "Shipping currency", Currency, false, &[], "Currency of the shipping cost."),
    column("format", "Format", Text, false, &["post type", "content type", "media type", "media product type"],
        "Optional: the content format as the export names it, such as IG reel."),
];

fn deliverable_result(r: &mut RowReader) -> Option<DeliverableResult> {
    let campaign = r.text("campaign");
    let handle = r.handle("handle");
    let deliverable = r.text("deliverable");
    Some(DeliverableResult {
        date: r.date("date"),
        reach: r.count("reach"),
        views: r.count("views"),
        impressions: r.count("impressions"),
        likes: r.count("likes"),
        comments: r.count("comments"),
        shares: r.count("shares"),
        saves: r.count("saves"),
        link_clicks: r.count("link_clicks"),
        code_redemptions: r.count("code_redemptions"),
        orders: r.count("orders"),
        revenue: r.money("revenue"),
        cost: r.money("cost"),
        disclosure_present: r.bool("disclosure_present"),
        fee: r.money("fee"),
        product_value: r.money("product_value"),
        shipping: r.money("shipping"),
        format: r.text("format"),
        campaign: campaign?,
        handle: handle?,
        deliverable: deliverable?,
    })
}

fn result_cells(row: &DeliverableResult) -> Vec<String> {
    let [revenue, revenue_currency] = money(&row.revenue);
    let [cost, cost_currency] = money(&row.cost);
    let [fee, fee_currency] = money(&row.fee);
    let [product_value, product_value_currency] = money(&row.product_value);
    let [shipping, shipping_currency] = money(&row.shipping);
    vec![
        row.campaign.clone(),
        row.handle.clone(),
        row.deliverable.clone(),
        row.date.map(format_date).unwrap_or_default(),
        count(row.reach),
        count(row.views),
        count(row.impressions),
        count(row.likes),
        count(row.comments),
        count(row.shares),
        count(row.saves),
        count(row.link_clicks),
        count(row.code_redemptions),
        count(row.orders),
        revenue,
        revenue_currency,
        cost,
        cost_currency,
        flag(row.disclosure_present),
        fee,
        fee_currency,
        product_value,
        product_value_currency,
        shipping,
        shipping_currency,
        text(&row.format),
    ]
}

fn result_key(row: &DeliverableResult) -> Vec<String> {
    vec![
        row.campaign.clone(),
        row.handle.clone(),
        row.deliverable.clone(),
    ]
}

fn keep_result(new: &mut DeliverableResult, old: &DeliverableResult, file_columns: &[&str]) {
    keep_fields!(new, old, file_columns;
        "date" => date, "reach" => reach, "views" => views, "impressions" => impressions,
        "likes" => likes, "comments" => comments, "shares" => shares, "saves" => saves,
        "link_clicks" => link_clicks, "code_redemptions" => code_redemptions, "orders" => orders,
        "revenue" => revenue, "cost" => cost, "disclosure_present" => disclosure_present,
        "fee" => fee, "product_value" => product_value, "shipping" => shipping, "format" => format);
}
