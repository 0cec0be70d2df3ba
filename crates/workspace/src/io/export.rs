//! Tables to text: display cells for the UI and RFC 4180 CSV for download.
//!
//! Export writes what import reads back exactly: numbers in Rust's shortest round-trip form,
//! rates as fractions, dates as `2026-03-01`, booleans as `true`/`false`, lists joined with
//! `; `, money as the amount plus its `<key>_currency` column. Text cells that a spreadsheet
//! could run as a formula get a leading `'`, which import removes again.

use std::ops::Range;

use microplan_model::money::Money;
use microplan_model::rows::{CommentSummary, Community, Creator, DeliverableResult, FollowerPoint, Post, TestArm};
use crate::Workspace;

use super::columns_activation::{activation_plan_cells, gifting_record_cells};
use microplan_csv::date::format_date;
use super::table::TableKind;
use microplan_csv::text::{guard_formula, join_list};
use super::typed_rows::TypedRows;

fn count(value: Option<u64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Shortest text that parses back to the same `f64`; non-finite values have no CSV form.
fn number(value: f64) -> String {
    if value.is_finite() {
        value.to_string()
    } else {
        String::new()
    }
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn flag(value: Option<bool>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn money(value: &Option<Money>) -> [String; 2] {
    match value {
        Some(money) => [number(money.amount), money.currency.clone()],
        None => [String::new(), String::new()],
    }
}

fn creator_cells(row: &Creator) -> Vec<String> {
    let [fee, fee_currency] = money(&row.fee);
    vec![
        row.handle.clone(),
        row.platform.clone(),
        text(&row.display_name),
        row.followers.to_string(),
        count(row.following),
        join_list(&row.categories),
        join_list(&row.communities),
        text(&row.country),
        fee,
        fee_currency,
        text(&row.contact),
        row.status.as_str().to_string(),
        row.account_created.map(format_date).unwrap_or_default(),
        microplan_model::audience::format_shares(&row.audience.countries),
        microplan_model::audience::format_shares(&row.audience.age_bands),
        microplan_model::audience::format_shares(&row.audience.genders),
    ]
}

fn post_cells(row: &Post) -> Vec<String> {
    vec![
        row.handle.clone(),
        row.post_id.clone(),
        format_date(row.date),
        row.format.clone(),
        row.likes.to_string(),
        row.comments.to_string(),
        count(row.views),
        count(row.reach),
        count(row.impressions),
        count(row.shares),
        count(row.saves),
        row.sponsored.to_string(),
        flag(row.disclosure),
        join_list(&row.topics),
    ]
}

fn follower_point_cells(row: &FollowerPoint) -> Vec<String> {
    vec![
        row.handle.clone(),
        format_date(row.date),
        row.followers.to_string(),
    ]
}

fn comment_summary_cells(row: &CommentSummary) -> Vec<String> {
    vec![
        row.handle.clone(),
        row.post_id.clone(),
        row.total.to_string(),
        number(row.generic_share),
        number(row.emoji_share),
        number(row.specific_share),
        number(row.duplicate_share),
        row.distinct_commenters.to_string(),
        row.creator_replies.to_string(),
        row.max_thread_depth.to_string(),
    ]
}

fn community_cells(row: &Community) -> Vec<String> {
    vec![
        row.name.clone(),
        row.description.clone(),
        join_list(&row.hashtags),
        text(&row.where_online),
    ]
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

fn test_arm_cells(row: &TestArm) -> Vec<String> {
    let [revenue, revenue_currency] = money(&row.revenue);
    vec![
        row.test.clone(),
        row.arm.clone(),
        row.is_control.to_string(),
        row.units.to_string(),
        row.conversions.to_string(),
        revenue,
        revenue_currency,
    ]
}

fn cells_of<T>(rows: &[T], range: Range<usize>, cells: fn(&T) -> Vec<String>) -> Vec<Vec<String>> {
    let end = range.end.min(rows.len());
    let start = range.start.min(end);
    rows.get(start..end)
        .unwrap_or(&[])
        .iter()
        .map(cells)
        .collect()
}

/// Display cells of a range of rows; the range is clamped to the table.
fn cells_in_range(kind: TableKind, workspace: &Workspace, range: Range<usize>) -> Vec<Vec<String>> {
    match kind {
        TableKind::Creators => cells_of(&workspace.creators, range, creator_cells),
        TableKind::Posts => cells_of(&workspace.posts, range, post_cells),
        TableKind::FollowerHistory => {
            cells_of(&workspace.follower_history, range, follower_point_cells)
        }
        TableKind::CommentSummaries => {
            cells_of(&workspace.comment_summaries, range, comment_summary_cells)
        }
        TableKind::Communities => cells_of(&workspace.communities, range, community_cells),
        TableKind::Results => cells_of(&workspace.results, range, result_cells),
        TableKind::TestArms => cells_of(&workspace.test_arms, range, test_arm_cells),
        TableKind::TestDays => cells_of(&workspace.test_days, range, super::columns_uplift::test_day_cells),
        TableKind::ActivationPlans => cells_of(&workspace.activation_plans, range, activation_plan_cells),
        TableKind::GiftingHistory => cells_of(&workspace.gifting_history, range, gifting_record_cells),
        TableKind::TrackingLinks => cells_of(&workspace.programme.tracking.links, range, super::columns_tracking::tracking_link_cells),
        TableKind::StoreCodes => cells_of(&workspace.programme.tracking.store_codes, range, super::columns_tracking::store_code_cells),
        TableKind::ShopOrders => cells_of(&workspace.attribution.shop_orders, range, super::columns_results::shop_order_cells),
        TableKind::LinkClicks => cells_of(&workspace.attribution.link_clicks, range, super::columns_results::link_clicks_cells),
        TableKind::SurveyAnswers => cells_of(&workspace.attribution.survey_answers, range, super::columns_results::survey_answer_cells),
        TableKind::CreatorCodes => cells_of(&workspace.attribution.creator_codes, range, super::columns_results::creator_code_cells),
    }
}

/// Display text of rows `rows` of a table, one cell per column; out-of-range rows are left
/// out. No formula guard: this is for showing, not for spreadsheets.
pub fn table_cells(kind: TableKind, workspace: &Workspace, rows: Range<usize>) -> Vec<Vec<String>> {
    cells_in_range(kind, workspace, rows)
}

/// Display cells of one validated row (empty when out of range).
pub fn row_cells(rows: &TypedRows, index: usize) -> Vec<String> {
    let range = index..index.saturating_add(1);
    let mut found = match rows {
        TypedRows::Creators(list) => cells_of(list, range, creator_cells),
        TypedRows::Posts(list) => cells_of(list, range, post_cells),
        TypedRows::FollowerHistory(list) => cells_of(list, range, follower_point_cells),
        TypedRows::CommentSummaries(list) => cells_of(list, range, comment_summary_cells),
        TypedRows::Communities(list) => cells_of(list, range, community_cells),
        TypedRows::Results(list) => cells_of(list, range, result_cells),
        TypedRows::TestArms(list) => cells_of(list, range, test_arm_cells),
        TypedRows::TestDays(list) => cells_of(list, range, super::columns_uplift::test_day_cells),
        TypedRows::ActivationPlans(list) => cells_of(list, range, activation_plan_cells),
        TypedRows::GiftingHistory(list) => cells_of(list, range, gifting_record_cells),
        TypedRows::TrackingLinks(list) => cells_of(list, range, super::columns_tracking::tracking_link_cells),
        TypedRows::StoreCodes(list) => cells_of(list, range, super::columns_tracking::store_code_cells),
        TypedRows::ShopOrders(list) => cells_of(list, range, super::columns_results::shop_order_cells),
        TypedRows::LinkClicks(list) => cells_of(list, range, super::columns_results::link_clicks_cells),
        TypedRows::SurveyAnswers(list) => cells_of(list, range, super::columns_results::survey_answer_cells),
        TypedRows::CreatorCodes(list) => cells_of(list, range, super::columns_results::creator_code_cells),
    };
    found.pop().unwrap_or_default()
}

/// RFC 4180 quoting: quote cells holding a comma, quote, CR or LF; double inner quotes.
fn csv_field(cell: &str) -> String {
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

fn push_record(out: &mut String, cells: impl Iterator<Item = String>) {
    let fields: Vec<String> = cells.map(|cell| csv_field(&cell)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// The whole table as CSV (UTF-8, no BOM, comma, CRLF), headed by the column keys.
pub fn export_csv(kind: TableKind, workspace: &Workspace) -> String {
    let columns = kind.columns();
    let mut out = String::new();
    push_record(
        &mut out,
        columns.iter().map(|column| column.key.to_string()),
    );
    for row in cells_in_range(kind, workspace, 0..kind.row_count(workspace)) {
        let guarded = row.into_iter().zip(columns).map(|(cell, column)| {
            if column.kind.is_text() {
                guard_formula(&cell)
            } else {
                cell
            }
        });
        push_record(&mut out, guarded);
    }
    out
}
