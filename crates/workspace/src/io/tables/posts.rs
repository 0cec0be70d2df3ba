//! Posts of creators with their engagement.

use chrono::NaiveDate;

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{Bool, Count, Date, List, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::date::format_date;
use microplan_csv::row_reader::RowReader;
use microplan_csv::text::join_list;
use microplan_model::rows::Post;

use super::common::{count, flag, HANDLE_HELP, HANDLE_NAMES};

use super::{ImportTable, TableKind};

pub struct Posts;

impl ImportTable for Posts {
    type Row = Post;
    const KIND: TableKind = TableKind::Posts;
    const LABEL: &'static str = "Posts";
    const FILE_STEM: &'static str = "posts";
    const DESCRIBE: &'static str =
        "One row per post: who posted it, when, and its likes, comments and views.";
    const STORED_TABLE: &'static str = "posts";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["handle", "post_id"];

    fn parse(r: &mut RowReader) -> Option<Post> {
        post(r)
    }

    fn cells(row: &Post) -> Vec<String> {
        post_cells(row)
    }

    fn key(row: &Post) -> Vec<String> {
        post_key(row)
    }

    fn keep_stored(new: &mut Post, old: &Post, file_columns: &[&str]) {
        keep_post(new, old, file_columns)
    }

    fn set_date(row: &mut Post, key: &str, date: NaiveDate) {
        if key == "date" {
            row.date = date;
        }
    }

    fn rows(workspace: &Workspace) -> &[Post] {
        &workspace.posts
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<Post> {
        &mut workspace.posts
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
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

fn post_key(row: &Post) -> Vec<String> {
    vec![row.handle.clone(), row.post_id.clone()]
}

fn keep_post(new: &mut Post, old: &Post, file_columns: &[&str]) {
    keep_fields!(new, old, file_columns;
        "format" => format, "views" => views, "reach" => reach, "impressions" => impressions,
        "shares" => shares, "saves" => saves, "sponsored" => sponsored, "disclosure" => disclosure,
        "topics" => topics);
}
