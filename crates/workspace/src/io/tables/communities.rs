//! Interest communities: name, hashtags and where they gather.

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{List, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::row_reader::RowReader;
use microplan_csv::text::join_list;
use microplan_model::rows::Community;

use super::common::text;

use super::{ImportTable, TableKind};

pub struct Communities;

impl ImportTable for Communities {
    type Row = Community;
    const KIND: TableKind = TableKind::Communities;
    const LABEL: &'static str = "Communities";
    const FILE_STEM: &'static str = "communities";
    const DESCRIBE: &'static str =
        "One row per interest community: its name, hashtags and where it gathers.";
    const STORED_TABLE: &'static str = "communities";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["name"];

    fn parse(r: &mut RowReader) -> Option<Community> {
        community(r)
    }

    fn cells(row: &Community) -> Vec<String> {
        community_cells(row)
    }

    fn key(row: &Community) -> Vec<String> {
        community_key(row)
    }

    fn keep_stored(new: &mut Community, old: &Community, file_columns: &[&str]) {
        keep_community(new, old, file_columns)
    }

    fn rows(workspace: &Workspace) -> &[Community] {
        &workspace.communities
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<Community> {
        &mut workspace.communities
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("name", "Community", Text, true, &["community", "community name"], "Name of the community, such as Trail running."),
    column("description", "Description", Text, false, &["about", "summary", "notes"], "What the community is about."),
    column("hashtags", "Hashtags", List, false, &["hashtag", "tags"], "Hashtags the community uses, separated by ;"),
    column("where_online", "Where online", Text, false,
        &["where they gather", "channels", "platforms", "online spaces", "forums"],
        "Where the community gathers online."),
];

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

fn community_cells(row: &Community) -> Vec<String> {
    vec![
        row.name.clone(),
        row.description.clone(),
        join_list(&row.hashtags),
        text(&row.where_online),
    ]
}

fn community_key(row: &Community) -> Vec<String> {
    vec![row.name.clone()]
}

fn keep_community(new: &mut Community, old: &Community, file_columns: &[&str]) {
    keep_fields!(new, old, file_columns;
        "description" => description, "hashtags" => hashtags, "where_online" => where_online);
}
