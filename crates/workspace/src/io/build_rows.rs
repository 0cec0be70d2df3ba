//! One domain row from one file row, per table. Every field is read before any is checked,
//! so a row reports all of its problems at once.

use chrono::NaiveDate;

use microplan_model::rows::{CommentSummary, Community, Creator, DeliverableResult, FollowerPoint, Post, TestArm};

use super::columns_activation::{activation_plan, gifting_record, set_plan_date, set_record_date};
use microplan_csv::row_reader::RowReader;
use microplan_csv::text::clean_platform;
use super::typed_rows::TypedRows;

fn creator(r: &mut RowReader) -> Option<Creator> {
    let handle = r.handle("handle");
    let platform = r.text("platform").map(|text| clean_platform(&text));
    let display_name = r.text("display_name");
    let followers = r.count("followers");
    let following = r.count("following");
    let categories = r.list("categories", true);
    let communities = r.list("communities", false);
    let country = r.country("country");
    let fee = r.money("fee");
    let contact = r.text("contact");
    let status = r.status("status");
    let account_created = r.date("account_created");
    let audience = microplan_model::audience::AudienceBreakdown {
        countries: r.audience_shares("audience_countries"),
        age_bands: r.audience_shares("audience_ages"),
        genders: r.audience_shares("audience_genders"),
    };
    Some(Creator {
        handle: handle?,
        platform: platform?,
        display_name,
        followers: followers?,
        following,
        categories,
        communities,
        country,
        fee,
        contact,
        status,
        account_created,
        audience,
    })
}

fn post(r: &mut RowReader) -> Option<Post> {
    let handle = r.handle("handle");
    let post_id = r.text("post_id");
    let date = r.date("date");
    // Unknown format stays empty rather than guessed.
    let format = r.text("format").unwrap_or_default();
    let likes = r.count("likes");
    let comments = r.count("comments");
    let views = r.count("views");
    let reach = r.count("reach");
    let impressions = r.count("impressions");
    let shares = r.count("shares");
    let saves = r.count("saves");
    // An empty checkbox means "not sponsored".
    let sponsored = r.bool("sponsored").unwrap_or(false);
    let disclosure = r.bool("disclosure");
    let topics = r.list("topics", false);
    Some(Post {
        handle: handle?,
        post_id: post_id?,
        date: date?,
        format,
        likes: likes?,
        comments: comments?,
        views,
        reach,
        impressions,
        shares,
        saves,
        sponsored,
        disclosure,
        topics,
    })
}

fn follower_point(r: &mut RowReader) -> Option<FollowerPoint> {
    let handle = r.handle("handle");
    let date = r.date("date");
    let followers = r.count("followers");
    Some(FollowerPoint {
        handle: handle?,
        date: date?,
        followers: followers?,
    })
}

fn comment_summary(r: &mut RowReader) -> Option<CommentSummary> {
    let handle = r.handle("handle");
    let post_id = r.text("post_id");
    let total = r.count("total");
    let generic_share = r.fraction("generic_share");
    let emoji_share = r.fraction("emoji_share");
    let specific_share = r.fraction("specific_share");
    let duplicate_share = r.fraction("duplicate_share");
    let distinct_commenters = r.count("distinct_commenters");
    let creator_replies = r.count("creator_replies");
    let max_thread_depth = r.small_count("max_thread_depth");
    Some(CommentSummary {
        handle: handle?,
        post_id: post_id?,
        total: total?,
        generic_share: generic_share?,
        emoji_share: emoji_share?,
        specific_share: specific_share?,
        duplicate_share: duplicate_share?,
        distinct_commenters: distinct_commenters?,
        creator_replies: creator_replies?,
        max_thread_depth: max_thread_depth?,
    })
}

fn community(r: &mut RowReader) -> Option<Community> {
    let name = r.text("name");
    let description = r.text("description").unwrap_or_default();
    let hashtags = r.list("hashtags", false);
    let where_online = r.text("where_online");
    Some(Community {
        name: name?,
        description,
        hashtags,
        where_online,
    })
}

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

fn test_arm(r: &mut RowReader) -> Option<TestArm> {
    let test = r.text("test");
    let arm = r.text("arm");
    let is_control = r.bool("is_control");
    let units = r.count("units");
    let conversions = r.count("conversions");
    let revenue = r.money("revenue");
    let arm = arm?;
    // Without a control column, an arm named "control" or "holdout" is the control.
    let named_control = ["control", "holdout"]
        .iter()
        .any(|word| arm.to_lowercase().contains(word));
    Some(TestArm {
        test: test?,
        is_control: is_control.unwrap_or(named_control),
        arm,
        units: units?,
        conversions: conversions?,
        revenue,
    })
}

fn push_if_clean<T>(list: &mut Vec<T>, row: Option<T>, reader: &RowReader) -> bool {
    match row {
        Some(row) if !reader.has_problems() => {
            list.push(row);
            true
        }
        _ => false,
    }
}

/// Reads the row into its table; `false` when it has problems or lacks a required value.
pub fn push_row(rows: &mut TypedRows, reader: &mut RowReader) -> bool {
    match rows {
        TypedRows::Creators(list) => push_if_clean(list, creator(reader), reader),
        TypedRows::Posts(list) => push_if_clean(list, post(reader), reader),
        TypedRows::FollowerHistory(list) => push_if_clean(list, follower_point(reader), reader),
        TypedRows::CommentSummaries(list) => push_if_clean(list, comment_summary(reader), reader),
        TypedRows::Communities(list) => push_if_clean(list, community(reader), reader),
        TypedRows::Results(list) => push_if_clean(list, deliverable_result(reader), reader),
        TypedRows::TestArms(list) => push_if_clean(list, test_arm(reader), reader),
        TypedRows::TestDays(list) => push_if_clean(list, super::columns_uplift::test_day(reader), reader),
        TypedRows::ActivationPlans(list) => push_if_clean(list, activation_plan(reader), reader),
        TypedRows::GiftingHistory(list) => push_if_clean(list, gifting_record(reader), reader),
        TypedRows::TrackingLinks(list) => push_if_clean(list, super::columns_tracking::tracking_link(reader), reader),
        TypedRows::StoreCodes(list) => push_if_clean(list, super::columns_tracking::store_code(reader), reader),
        TypedRows::ShopOrders(list) => push_if_clean(list, super::columns_results::shop_order(reader), reader),
        TypedRows::LinkClicks(list) => push_if_clean(list, super::columns_results::link_clicks(reader), reader),
        TypedRows::SurveyAnswers(list) => push_if_clean(list, super::columns_results::survey_answer(reader), reader),
        TypedRows::CreatorCodes(list) => push_if_clean(list, super::columns_results::creator_code(reader), reader),
    }
}

/// Sets a date that was read provisionally, once the column's day/month order is known.
pub fn set_date(rows: &mut TypedRows, index: usize, key: &str, date: NaiveDate) {
    match rows {
        TypedRows::TestDays(list) => super::columns_uplift::set_test_day_date(list, index, key, date),
        TypedRows::ActivationPlans(list) => set_plan_date(list, index, key, date),
        TypedRows::GiftingHistory(list) => set_record_date(list, index, key, date),
        TypedRows::Creators(list) if key == "account_created" => {
            if let Some(row) = list.get_mut(index) {
                row.account_created = Some(date);
            }
        }
        TypedRows::Posts(list) if key == "date" => {
            if let Some(row) = list.get_mut(index) {
                row.date = date;
            }
        }
        TypedRows::FollowerHistory(list) if key == "date" => {
            if let Some(row) = list.get_mut(index) {
                row.date = date;
            }
        }
        TypedRows::ShopOrders(list) if key == "date" => {
            if let Some(row) = list.get_mut(index) {
                row.date = date;
            }
        }
        TypedRows::LinkClicks(list) if key == "date" => {
            if let Some(row) = list.get_mut(index) {
                row.date = date;
            }
        }
        TypedRows::Results(list) if key == "date" => {
            if let Some(row) = list.get_mut(index) {
                row.date = Some(date);
            }
        }
        _ => {}
    }
}
