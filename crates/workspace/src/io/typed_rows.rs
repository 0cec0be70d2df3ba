//! Validated rows of one table, and the keys that say when two rows are the same row.

use microplan_model::rows::{CommentSummary, Community, Creator, DeliverableResult, FollowerPoint, Post, TestArm};

use super::columns_activation::{activation_plan_key, gifting_record_key};
use microplan_csv::date::format_date;
use super::table::TableKind;

/// Rows ready to go into a workspace table.
#[derive(Debug, Clone, PartialEq)]
pub enum TypedRows {
    Creators(Vec<Creator>),
    Posts(Vec<Post>),
    FollowerHistory(Vec<FollowerPoint>),
    CommentSummaries(Vec<CommentSummary>),
    Communities(Vec<Community>),
    Results(Vec<DeliverableResult>),
    TestArms(Vec<TestArm>),
    TestDays(Vec<microplan_uplift::daily::TestDay>),
    ActivationPlans(Vec<microplan_plan::activation::ActivationPlan>),
    GiftingHistory(Vec<microplan_plan::activation::GiftingRecord>),
    TrackingLinks(Vec<microplan_plan::tracking::TrackingLink>),
    StoreCodes(Vec<microplan_plan::tracking::StoreCode>),
    ShopOrders(Vec<microplan_plan::attribution::ShopOrder>),
    LinkClicks(Vec<microplan_plan::attribution::LinkClicks>),
    SurveyAnswers(Vec<microplan_plan::attribution::SurveyAnswer>),
    CreatorCodes(Vec<microplan_plan::attribution::CreatorCode>),
}

impl TypedRows {
    pub fn empty(kind: TableKind) -> TypedRows {
        match kind {
            TableKind::Creators => TypedRows::Creators(Vec::new()),
            TableKind::Posts => TypedRows::Posts(Vec::new()),
            TableKind::FollowerHistory => TypedRows::FollowerHistory(Vec::new()),
            TableKind::CommentSummaries => TypedRows::CommentSummaries(Vec::new()),
            TableKind::Communities => TypedRows::Communities(Vec::new()),
            TableKind::Results => TypedRows::Results(Vec::new()),
            TableKind::TestArms => TypedRows::TestArms(Vec::new()),
            TableKind::TestDays => TypedRows::TestDays(Vec::new()),
            TableKind::ActivationPlans => TypedRows::ActivationPlans(Vec::new()),
            TableKind::GiftingHistory => TypedRows::GiftingHistory(Vec::new()),
            TableKind::TrackingLinks => TypedRows::TrackingLinks(Vec::new()),
            TableKind::StoreCodes => TypedRows::StoreCodes(Vec::new()),
            TableKind::ShopOrders => TypedRows::ShopOrders(Vec::new()),
            TableKind::LinkClicks => TypedRows::LinkClicks(Vec::new()),
            TableKind::SurveyAnswers => TypedRows::SurveyAnswers(Vec::new()),
            TableKind::CreatorCodes => TypedRows::CreatorCodes(Vec::new()),
        }
    }

    pub fn kind(&self) -> TableKind {
        match self {
            TypedRows::Creators(_) => TableKind::Creators,
            TypedRows::Posts(_) => TableKind::Posts,
            TypedRows::FollowerHistory(_) => TableKind::FollowerHistory,
            TypedRows::CommentSummaries(_) => TableKind::CommentSummaries,
            TypedRows::Communities(_) => TableKind::Communities,
            TypedRows::Results(_) => TableKind::Results,
            TypedRows::TestArms(_) => TableKind::TestArms,
            TypedRows::TestDays(_) => TableKind::TestDays,
            TypedRows::ActivationPlans(_) => TableKind::ActivationPlans,
            TypedRows::GiftingHistory(_) => TableKind::GiftingHistory,
            TypedRows::TrackingLinks(_) => TableKind::TrackingLinks,
            TypedRows::StoreCodes(_) => TableKind::StoreCodes,
            TypedRows::ShopOrders(_) => TableKind::ShopOrders,
            TypedRows::LinkClicks(_) => TableKind::LinkClicks,
            TypedRows::SurveyAnswers(_) => TableKind::SurveyAnswers,
            TypedRows::CreatorCodes(_) => TableKind::CreatorCodes,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            TypedRows::Creators(rows) => rows.len(),
            TypedRows::Posts(rows) => rows.len(),
            TypedRows::FollowerHistory(rows) => rows.len(),
            TypedRows::CommentSummaries(rows) => rows.len(),
            TypedRows::Communities(rows) => rows.len(),
            TypedRows::Results(rows) => rows.len(),
            TypedRows::TestArms(rows) => rows.len(),
            TypedRows::TestDays(rows) => rows.len(),
            TypedRows::ActivationPlans(rows) => rows.len(),
            TypedRows::GiftingHistory(rows) => rows.len(),
            TypedRows::TrackingLinks(rows) => rows.len(),
            TypedRows::StoreCodes(rows) => rows.len(),
            TypedRows::ShopOrders(rows) => rows.len(),
            TypedRows::LinkClicks(rows) => rows.len(),
            TypedRows::SurveyAnswers(rows) => rows.len(),
            TypedRows::CreatorCodes(rows) => rows.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Key values of every row, as written (see [`TableKind::key_columns`]).
    pub fn keys(&self) -> Vec<Vec<String>> {
        match self {
            TypedRows::Creators(rows) => rows.iter().map(creator_key).collect(),
            TypedRows::Posts(rows) => rows.iter().map(post_key).collect(),
            TypedRows::FollowerHistory(rows) => rows.iter().map(follower_point_key).collect(),
            TypedRows::CommentSummaries(rows) => rows.iter().map(comment_summary_key).collect(),
            TypedRows::Communities(rows) => rows.iter().map(community_key).collect(),
            TypedRows::Results(rows) => rows.iter().map(result_key).collect(),
            TypedRows::TestArms(rows) => rows.iter().map(test_arm_key).collect(),
            TypedRows::TestDays(rows) => rows.iter().map(super::columns_uplift::test_day_key).collect(),
            TypedRows::ActivationPlans(rows) => rows.iter().map(activation_plan_key).collect(),
            TypedRows::GiftingHistory(rows) => rows.iter().map(gifting_record_key).collect(),
            TypedRows::TrackingLinks(rows) => rows.iter().map(super::columns_tracking::tracking_link_key).collect(),
            TypedRows::StoreCodes(rows) => rows.iter().map(super::columns_tracking::store_code_key).collect(),
            TypedRows::ShopOrders(rows) => rows.iter().map(super::columns_results::shop_order_key).collect(),
            TypedRows::LinkClicks(rows) => rows.iter().map(super::columns_results::link_clicks_key).collect(),
            TypedRows::SurveyAnswers(rows) => rows.iter().map(super::columns_results::survey_answer_key).collect(),
            TypedRows::CreatorCodes(rows) => rows.iter().map(super::columns_results::creator_code_key).collect(),
        }
    }

    /// Keeps the rows whose flag is `true` (rows without a flag are kept).
    pub fn retain_flagged(&mut self, keep: &[bool]) {
        fn retain<T>(rows: &mut Vec<T>, keep: &[bool]) {
            let mut index = 0;
            rows.retain(|_| {
                let kept = keep.get(index).copied().unwrap_or(true);
                index += 1;
                kept
            });
        }
        match self {
            TypedRows::Creators(rows) => retain(rows, keep),
            TypedRows::Posts(rows) => retain(rows, keep),
            TypedRows::FollowerHistory(rows) => retain(rows, keep),
            TypedRows::CommentSummaries(rows) => retain(rows, keep),
            TypedRows::Communities(rows) => retain(rows, keep),
            TypedRows::Results(rows) => retain(rows, keep),
            TypedRows::TestArms(rows) => retain(rows, keep),
            TypedRows::TestDays(rows) => retain(rows, keep),
            TypedRows::ActivationPlans(rows) => retain(rows, keep),
            TypedRows::GiftingHistory(rows) => retain(rows, keep),
            TypedRows::TrackingLinks(rows) => retain(rows, keep),
            TypedRows::StoreCodes(rows) => retain(rows, keep),
            TypedRows::ShopOrders(rows) => retain(rows, keep),
            TypedRows::LinkClicks(rows) => retain(rows, keep),
            TypedRows::SurveyAnswers(rows) => retain(rows, keep),
            TypedRows::CreatorCodes(rows) => retain(rows, keep),
        }
    }
}

/// Keys compare without case: handles and names are case-insensitive on every platform.
pub fn match_key(parts: &[String]) -> String {
    parts
        .iter()
        .map(|part| part.to_lowercase())
        .collect::<Vec<_>>()
        .join("\u{1F}")
}

pub fn creator_key(row: &Creator) -> Vec<String> {
    vec![row.platform.clone(), row.handle.clone()]
}

pub fn post_key(row: &Post) -> Vec<String> {
    vec![row.handle.clone(), row.post_id.clone()]
}

pub fn follower_point_key(row: &FollowerPoint) -> Vec<String> {
    vec![row.handle.clone(), format_date(row.date)]
}

pub fn comment_summary_key(row: &CommentSummary) -> Vec<String> {
    vec![row.handle.clone(), row.post_id.clone()]
}

pub fn community_key(row: &Community) -> Vec<String> {
    vec![row.name.clone()]
}

pub fn result_key(row: &DeliverableResult) -> Vec<String> {
    vec![
        row.campaign.clone(),
        row.handle.clone(),
        row.deliverable.clone(),
    ]
}

pub fn test_arm_key(row: &TestArm) -> Vec<String> {
    vec![row.test.clone(), row.arm.clone()]
}
