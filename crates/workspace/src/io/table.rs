//! The tables a workspace imports and exports.

use crate::Workspace;

use microplan_csv::columns::ColumnSpec;
use super::columns_activation::{ACTIVATION_PLANS, GIFTING_HISTORY};
use super::columns_campaigns::{COMMUNITIES, RESULTS, TEST_ARMS};
use super::columns_uplift::TEST_DAYS;
use super::columns_vetting::{COMMENT_SUMMARIES, CREATORS, FOLLOWER_HISTORY, POSTS};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKind {
    Creators,
    Posts,
    FollowerHistory,
    CommentSummaries,
    Communities,
    Results,
    TestArms,
    TestDays,
    ActivationPlans,
    GiftingHistory,
    TrackingLinks,
    StoreCodes,
    ShopOrders,
    LinkClicks,
    SurveyAnswers,
    CreatorCodes,
}

impl TableKind {
    pub const ALL: [TableKind; 16] = [
        TableKind::Creators,
        TableKind::Posts,
        TableKind::FollowerHistory,
        TableKind::CommentSummaries,
        TableKind::Communities,
        TableKind::Results,
        TableKind::TestArms,
        TableKind::TestDays,
        TableKind::ActivationPlans,
        TableKind::GiftingHistory,
        TableKind::TrackingLinks,
        TableKind::StoreCodes,
        TableKind::ShopOrders,
        TableKind::LinkClicks,
        TableKind::SurveyAnswers,
        TableKind::CreatorCodes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TableKind::Creators => "Creators",
            TableKind::Posts => "Posts",
            TableKind::FollowerHistory => "Follower history",
            TableKind::CommentSummaries => "Comment summaries",
            TableKind::Communities => "Communities",
            TableKind::Results => "Campaign results",
            TableKind::TestArms => "Test arms",
            TableKind::TestDays => "Test daily series",
            TableKind::ActivationPlans => "Activation plans",
            TableKind::GiftingHistory => "Gifting history",
            TableKind::TrackingLinks => "Tracking links and codes",
            TableKind::StoreCodes => "Shop discount codes",
            TableKind::ShopOrders => "Shop orders",
            TableKind::LinkClicks => "Link visits",
            TableKind::SurveyAnswers => "Survey answers",
            TableKind::CreatorCodes => "Creator codes made elsewhere",
        }
    }

    /// Used for export file names: `creators.csv`.
    pub fn file_stem(self) -> &'static str {
        match self {
            TableKind::Creators => "creators",
            TableKind::Posts => "posts",
            TableKind::FollowerHistory => "follower_history",
            TableKind::CommentSummaries => "comment_summaries",
            TableKind::Communities => "communities",
            TableKind::Results => "results",
            TableKind::TestArms => "test_arms",
            TableKind::TestDays => "test_daily_series",
            TableKind::ActivationPlans => "activation_plans",
            TableKind::GiftingHistory => "gifting_history",
            TableKind::TrackingLinks => "tracking_links",
            TableKind::StoreCodes => "store_codes",
            TableKind::ShopOrders => "shop_orders",
            TableKind::LinkClicks => "link_clicks",
            TableKind::SurveyAnswers => "survey_answers",
            TableKind::CreatorCodes => "creator_codes",
        }
    }

    /// What one row is, in one sentence for the import screen.
    pub fn describe(self) -> &'static str {
        match self {
            TableKind::Creators => {
                "One row per creator account: handle, platform, followers and terms."
            }
            TableKind::Posts => {
                "One row per post: who posted it, when, and its likes, comments and views."
            }
            TableKind::FollowerHistory => {
                "One row per creator and date: the follower count on that day."
            }
            TableKind::CommentSummaries => {
                "One row per post: a digest of its comments (no comment text is stored)."
            }
            TableKind::Communities => {
                "One row per interest community: its name, hashtags and where it gathers."
            }
            TableKind::Results => {
                "One row per campaign deliverable: its reach, engagement, clicks, orders and cost."
            }
            TableKind::TestArms => {
                "One row per arm of an uplift test: units, conversions and revenue."
            }
            TableKind::TestDays => {
                "One row per test, arm and day: units and conversions that day. Tests without arm totals are analysed from their days."
            }
            TableKind::ActivationPlans => {
                "One row per community activation: its posting window, goal, gifted and paid mix and costs."
            }
            TableKind::GiftingHistory => {
                "One row per creator and activation: gifted or paid, when shipped, whether and when they posted."
            }
            TableKind::TrackingLinks => {
                "One row per creator and deliverable: the GA4-tagged link and the creator's promo code."
            }
            TableKind::StoreCodes => {
                "One row per discount code that already exists in the shop; new codes never repeat one."
            }
            TableKind::ShopOrders => "One row per shop order: date, discount codes, amounts, shipping country. Import the Shopify orders export in the Attribution card (it joins line items); no emails, names or addresses are kept.",
            TableKind::LinkClicks => "One row per day and tagged link (utm_campaign, utm_content): sessions, conversions and revenue, as GA4 exports them.",
            TableKind::SurveyAnswers => "One row per post-purchase survey answer (How did you hear about us?): the order and the answer.",
            TableKind::CreatorCodes => "One row per creator discount code made outside the tracking table, such as codes created by hand in the shop.",
        }
    }

    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            TableKind::Creators => CREATORS,
            TableKind::Posts => POSTS,
            TableKind::FollowerHistory => FOLLOWER_HISTORY,
            TableKind::CommentSummaries => COMMENT_SUMMARIES,
            TableKind::Communities => COMMUNITIES,
            TableKind::Results => RESULTS,
            TableKind::TestArms => TEST_ARMS,
            TableKind::TestDays => TEST_DAYS,
            TableKind::ActivationPlans => ACTIVATION_PLANS,
            TableKind::GiftingHistory => GIFTING_HISTORY,
            TableKind::TrackingLinks => super::columns_tracking::TRACKING_LINKS,
            TableKind::StoreCodes => super::columns_tracking::STORE_CODES,
            TableKind::ShopOrders => super::columns_results::SHOP_ORDERS,
            TableKind::LinkClicks => super::columns_results::LINK_CLICKS,
            TableKind::SurveyAnswers => super::columns_results::SURVEY_ANSWERS,
            TableKind::CreatorCodes => super::columns_results::CREATOR_CODES,
        }
    }

    /// The columns that identify a row; rows with equal keys are the same row.
    pub fn key_columns(self) -> &'static [&'static str] {
        match self {
            TableKind::Creators => &["platform", "handle"],
            TableKind::Posts => &["handle", "post_id"],
            TableKind::FollowerHistory => &["handle", "date"],
            TableKind::CommentSummaries => &["handle", "post_id"],
            TableKind::Communities => &["name"],
            TableKind::Results => &["campaign", "handle", "deliverable"],
            TableKind::TestArms => &["test", "arm"],
            TableKind::TestDays => &["test", "arm", "date"],
            TableKind::ActivationPlans => &["name"],
            TableKind::GiftingHistory => &["activation", "handle"],
            TableKind::TrackingLinks => &["campaign", "handle", "deliverable"],
            TableKind::StoreCodes => &["code"],
            TableKind::ShopOrders => &["order_id"],
            TableKind::LinkClicks => &["date", "utm_campaign", "utm_content"],
            TableKind::SurveyAnswers => &["order_id"],
            TableKind::CreatorCodes => &["code"],
        }
    }

    /// The stored table (see `domain::workspace_tables`) that holds this table's rows.
    pub fn stored_table(self) -> &'static str {
        match self {
            TableKind::Creators => "creators",
            TableKind::Posts => "posts",
            TableKind::FollowerHistory => "follower_history",
            TableKind::CommentSummaries => "comment_summaries",
            TableKind::Communities => "communities",
            TableKind::Results => "results",
            TableKind::TestArms => "test_arms",
            TableKind::TestDays => "test_days",
            TableKind::ActivationPlans => "activation_plans",
            TableKind::GiftingHistory => "gifting_history",
            TableKind::TrackingLinks | TableKind::StoreCodes => "programme",
            TableKind::ShopOrders
            | TableKind::LinkClicks
            | TableKind::SurveyAnswers
            | TableKind::CreatorCodes => "attribution",
        }
    }

    pub fn row_count(self, workspace: &Workspace) -> usize {
        match self {
            TableKind::Creators => workspace.creators.len(),
            TableKind::Posts => workspace.posts.len(),
            TableKind::FollowerHistory => workspace.follower_history.len(),
            TableKind::CommentSummaries => workspace.comment_summaries.len(),
            TableKind::Communities => workspace.communities.len(),
            TableKind::Results => workspace.results.len(),
            TableKind::TestArms => workspace.test_arms.len(),
            TableKind::TestDays => workspace.test_days.len(),
            TableKind::ActivationPlans => workspace.activation_plans.len(),
            TableKind::GiftingHistory => workspace.gifting_history.len(),
            TableKind::TrackingLinks => workspace.programme.tracking.links.len(),
            TableKind::StoreCodes => workspace.programme.tracking.store_codes.len(),
            TableKind::ShopOrders => workspace.attribution.shop_orders.len(),
            TableKind::LinkClicks => workspace.attribution.link_clicks.len(),
            TableKind::SurveyAnswers => workspace.attribution.survey_answers.len(),
            TableKind::CreatorCodes => workspace.attribution.creator_codes.len(),
        }
    }
}
