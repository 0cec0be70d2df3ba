//! Columns of the tables used to plan and measure campaigns.

use microplan_csv::columns::ColumnKind::{Bool, Count, Currency, Date, List, Money, Text};
use microplan_csv::columns::{column, ColumnSpec};

#[rustfmt::skip]
pub const COMMUNITIES: &[ColumnSpec] = &[
    column("name", "Community", Text, true, &["community", "community name"], "Name of the community, such as Trail running."),
    column("description", "Description", Text, false, &["about", "summary", "notes"], "What the community is about."),
    column("hashtags", "Hashtags", List, false, &["hashtag", "tags"], "Hashtags the community uses, separated by ;"),
    column("where_online", "Where online", Text, false,
        &["where they gather", "channels", "platforms", "online spaces", "forums"],
        "Where the community gathers online."),
];

#[rustfmt::skip]
pub const RESULTS: &[ColumnSpec] = &[
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

#[rustfmt::skip]
pub const TEST_ARMS: &[ColumnSpec] = &[
    column("test", "Test", Text, true, &["test name", "experiment", "study"], "Name of the uplift test."),
    column("arm", "Arm", Text, true, &["group", "variant", "arm name", "cell"], "control, treatment, region A ..."),
    column("is_control", "Control arm", Bool, false, &["control", "is control", "control group", "holdout"],
        "Whether this arm is the control; when empty, arms named control or holdout are."),
    column("units", "Units", Count, true, &["users", "people", "sessions", "regions", "sample size", "assigned", "exposed", "n"],
        "Units exposed or assigned to the arm."),
    column("conversions", "Conversions", Count, true, &["orders", "purchases", "converted", "conversion count"],
        "Units that converted."),
    column("revenue", "Revenue", Money, false, &["sales", "total sales", "net sales"], "Revenue of the arm."),
    column("revenue_currency", "Revenue currency", Currency, false, &["currency", "currency code"], "Currency of the revenue."),
];
