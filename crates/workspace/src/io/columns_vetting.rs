//! Columns of the tables used to find and vet creators.

use microplan_csv::columns::ColumnKind::{Bool, Count, Currency, Date, Fraction, List, Money, Status, Text};
use microplan_csv::columns::{column, ColumnSpec};

/// Header names that mean "the creator's handle" in platform and tool exports.
#[rustfmt::skip]
const HANDLE_NAMES: &[&str] = &[
    "username", "user name", "@handle", "account", "account username", "creator", "creator handle",
    "influencer", "influencer handle", "instagram handle", "tiktok handle", "ig handle", "profile",
    "user", "screen name", "author", "channel",
];

const HANDLE_HELP: &str = "The creator's handle; a leading @ is removed.";

#[rustfmt::skip]
pub const CREATORS: &[ColumnSpec] = &[
    column("handle", "Handle", Text, true, HANDLE_NAMES, HANDLE_HELP),
    column("platform", "Platform", Text, true, &["network", "social network", "platform name", "site"],
        "instagram, tiktok, youtube ...; stored lowercase."),
    column("display_name", "Display name", Text, false,
        &["name", "full name", "account name", "creator name", "influencer name", "channel name"],
        "The name shown on the profile."),
    column("followers", "Followers", Count, true,
        &["follower count", "followers count", "total followers", "subscribers", "subscriber count",
          "audience size", "audience", "fans", "follower"],
        "Current follower count; 12.3k is read as 12300."),
    column("following", "Following", Count, false, &["following count", "follows", "follows count"],
        "How many accounts the creator follows."),
    column("categories", "Categories", List, false,
        &["niche", "niches", "category", "content category", "vertical", "interests", "tags"],
        "Niche tags separated by ; | or , (stored lowercase)."),
    column("communities", "Communities", List, false, &["community", "tribe", "interest community"],
        "Names of the communities the creator belongs to, separated by ;"),
    column("country", "Country", Text, false, &["country code", "location", "market", "creator country"],
        "Two-letter country code such as GB or DE."),
    column("fee", "Fee", Money, false,
        &["rate", "price", "quoted fee", "fee per post", "cost per post", "price per post", "rate card"],
        "Quoted fee per deliverable, e.g. 250, €250 or 1.2k."),
    column("fee_currency", "Fee currency", Currency, false, &["currency", "currency code"],
        "Currency of the fee, such as EUR; a symbol in the fee cell also works."),
    column("contact", "Contact", Text, false,
        &["email", "e-mail", "contact email", "business email", "agent", "management"],
        "How to reach the creator."),
    column("status", "Pipeline status", Status, false, &["status", "stage", "pipeline stage"],
        "prospect, vetted, pilot, active, ambassador or dropped; empty means prospect."),
    column("account_created", "Account created", Date, false,
        &["created", "created at", "joined", "join date", "account creation date", "date joined"],
        "When the account was opened."),
    column("audience_countries", "Audience countries", Text, false,
        &["top countries", "audience country", "audience countries %", "followers by country"],
        "Top audience countries with shares, such as GB 40%; US 20%."),
    column("audience_ages", "Audience age bands", Text, false,
        &["age bands", "audience age", "audience ages", "age range", "followers by age"],
        "Audience age bands with shares, such as 18-24 30%; 25-34 45%."),
    column("audience_genders", "Audience gender", Text, false,
        &["gender", "audience gender split", "gender split", "followers by gender"],
        "Audience gender with shares, such as female 60%; male 38%."),
];

#[rustfmt::skip]
pub const POSTS: &[ColumnSpec] = &[
    column("handle", "Handle", Text, true, HANDLE_NAMES, HANDLE_HELP),
    column("post_id", "Post ID", Text, true,
        &["media id", "id", "permalink", "post link", "post url", "url", "link", "video id",
          "content id", "shortcode"],
        "The platform's id or link for the post; kept as text."),
    column("date", "Date", Date, true,
        &["publish time", "date posted", "posted on", "posted", "published", "publish date",
          "published at", "post date", "posted at", "created time", "upload date", "timestamp", "time"],
        "When the post went live, e.g. 2026-03-01."),
    column("format", "Format", Text, false, &["post type", "type", "media type", "content type", "media product type"],
        "feed, reel, story, video, short, carousel ..."),
    column("likes", "Likes", Count, true, &["like count", "likes count", "reactions", "hearts"],
        "Likes on the post."),
    column("comments", "Comments", Count, true, &["comment count", "comments count"],
        "Comments on the post."),
    column("views", "Views", Count, false, &["video views", "plays", "video plays", "view count", "views count"],
        "Views or plays; empty when the platform does not report them."),
    column("reach", "Reach", Count, false, &["accounts reached", "unique viewers", "reach count"],
        "Unique accounts that saw the post."),
    column("impressions", "Impressions", Count, false, &["impression count", "total impressions"],
        "Times the post was shown."),
    column("shares", "Shares", Count, false, &["share count", "shares count", "reposts", "sends"],
        "Shares or sends."),
    column("saves", "Saves", Count, false, &["saved", "save count", "bookmarks", "favorites", "favourites"],
        "Saves or bookmarks."),
    column("sponsored", "Sponsored", Bool, false,
        // Not "ad": headers are compared without punctuation, so "#ad" (a disclosure) reads as "ad".
        &["is sponsored", "sponsored post", "is ad", "paid", "paid post", "brand deal", "sponsorship"],
        "Whether the post was paid for; empty means no."),
    column("disclosure", "Disclosure", Bool, false,
        &["disclosed", "has disclosure", "ad label", "#ad", "has #ad", "has ad", "ad disclosed",
          "paid partnership", "paid partnership label", "branded content", "branded content tag"],
        "Whether a sponsored post carried an ad disclosure; empty when unknown."),
    column("topics", "Topics", List, false,
        &["topic", "themes", "content topics", "tags", "hashtags", "categories", "category", "post tags"],
        "Topics of the post separated by ;"),
];

#[rustfmt::skip]
pub const FOLLOWER_HISTORY: &[ColumnSpec] = &[
    column("handle", "Handle", Text, true, HANDLE_NAMES, HANDLE_HELP),
    column("date", "Date", Date, true, &["day", "week", "as of", "snapshot date", "recorded on", "date recorded"],
        "When the follower count was recorded."),
    column("followers", "Followers", Count, true,
        &["follower count", "followers count", "total followers", "lifetime followers", "subscribers",
          "followers on date", "follower total"],
        "Follower count on that date."),
];

#[rustfmt::skip]
pub const COMMENT_SUMMARIES: &[ColumnSpec] = &[
    column("handle", "Handle", Text, true, HANDLE_NAMES, HANDLE_HELP),
    column("post_id", "Post ID", Text, true, &["media id", "id", "permalink", "post link", "post url", "video id"],
        "The post the comments belong to."),
    column("total", "Total comments", Count, true, &["comments", "comment count", "total"],
        "Number of comments summarised."),
    column("generic_share", "Generic share", Fraction, true, &["generic", "generic comments", "generic rate"],
        "Share of generic comments (\"nice pic\"), as 12% or 0.12."),
    column("emoji_share", "Emoji-only share", Fraction, true, &["emoji share", "emoji only", "emoji comments"],
        "Share of emoji-only comments."),
    column("specific_share", "Specific share", Fraction, true, &["specific", "specific comments"],
        "Share of comments about the post's content."),
    column("duplicate_share", "Duplicate share", Fraction, true, &["duplicates", "duplicate comments", "duplicate rate"],
        "Share of comments repeated word for word."),
    column("distinct_commenters", "Distinct commenters", Count, true, &["unique commenters", "commenters"],
        "Number of different people who commented."),
    column("creator_replies", "Creator replies", Count, true, &["replies by creator", "replies", "creator reply count"],
        "Comments the creator answered."),
    column("max_thread_depth", "Deepest thread", Count, true, &["max thread depth", "thread depth", "deepest thread depth"],
        "Longest reply chain under one comment."),
];

/// Raw comments, analysed at import and never stored (see `domain::audit::comment_import`).
#[rustfmt::skip]
pub const RAW_COMMENTS: &[ColumnSpec] = &[
    column("handle", "Creator handle", Text, true,
        &["creator", "creator handle", "account", "account username", "influencer", "influencer handle",
          "username", "profile", "channel", "post owner"],
        "The creator whose post was commented on."),
    column("post_id", "Post ID", Text, true, &["media id", "post", "permalink", "post link", "post url", "video id"],
        "The post the comment is on."),
    column("comment_id", "Comment ID", Text, false, &["comment id", "id", "cid", "comment key", "message id"],
        "The comment's own id, needed to follow replies."),
    column("commenter", "Commenter", Text, true,
        &["commenter handle", "comment author", "from", "username of commenter", "commenter username", "owner"],
        "Who wrote the comment; only a salted hash is used while counting, nothing is stored."),
    column("text", "Comment text", Text, true, &["comment", "comment text", "message", "body", "content"],
        "The comment; analysed and then discarded."),
    column("is_creator_reply", "Is creator reply", Bool, false,
        &["creator reply", "is reply by creator", "by creator", "is owner", "from creator",
          "creator replied", "reply by creator", "author is creator", "is creator", "owner reply"],
        "Whether the creator wrote it; empty means no."),
    column("parent", "Parent comment", Text, false,
        &["parent id", "parent comment id", "reply to", "in reply to", "replying to", "parent",
          "reply to comment id", "thread parent", "replied to"],
        "Id of the comment this one answers; empty for a top-level comment."),
];
