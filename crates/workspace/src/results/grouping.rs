//! Grouping result rows by creator, community, campaign or content format.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::Workspace;
use microplan_model::rows::DeliverableResult;

/// How the performance table groups result rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Grouping {
    #[default]
    Creator,
    /// By the creator's communities (Creators table); a creator in two counts in both.
    Community,
    Campaign,
    /// By the format word in the deliverable's name, see [`format_of`].
    Format,
}

/// Group of creators listed in no community (or missing from the Creators table).
pub const NO_COMMUNITY: &str = "No community";
const NO_CAMPAIGN: &str = "No campaign";

impl Grouping {
    pub const ALL: [Grouping; 4] = [
        Grouping::Creator,
        Grouping::Community,
        Grouping::Campaign,
        Grouping::Format,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Grouping::Creator => "creator",
            Grouping::Community => "community",
            Grouping::Campaign => "campaign",
            Grouping::Format => "format",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Grouping::Creator => "Creator",
            Grouping::Community => "Community",
            Grouping::Campaign => "Campaign",
            Grouping::Format => "Format",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        let wanted = key.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|g| g.key() == wanted)
    }
}

/// Format words and the format they name; the first word of a deliverable's name found here
/// wins ("Reel + story" is a reel), and a name with none of them is "other".
const FORMAT_WORDS: [(&str, &str); 25] = [
    ("reel", "reel"),
    ("reels", "reel"),
    ("story", "story"),
    ("stories", "story"),
    ("post", "post"),
    ("posts", "post"),
    ("feed", "post"),
    ("photo", "post"),
    ("photos", "post"),
    ("image", "post"),
    ("images", "post"),
    ("carousel", "carousel"),
    ("video", "video"),
    ("videos", "video"),
    ("vlog", "video"),
    ("short", "short"),
    ("shorts", "short"),
    ("live", "live"),
    ("livestream", "live"),
    ("stream", "live"),
    ("blog", "blog"),
    ("article", "blog"),
    ("review", "review"),
    ("ugc", "ugc"),
    ("pin", "pin"),
];

/// Platform names that imply a format when the name has no format word ("TikTok 2").
const PLATFORM_WORDS: [(&str, &str); 2] = [("tiktok", "short"), ("youtube", "video")];

/// The content format of a deliverable name: lowercase, split on anything that is not a
/// letter or digit; the first format word (`FORMAT_WORDS`) wins, then a platform word
/// (`PLATFORM_WORDS`: "YouTube Shorts" is a short, "YouTube 1" a video), else "other".
pub fn format_of(deliverable: &str) -> String {
    let lower = deliverable.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    let first_in = |table: &[(&'static str, &'static str)]| {
        words
            .iter()
            .find_map(|word| table.iter().find(|(w, _)| w == word).map(|(_, f)| *f))
    };
    first_in(&FORMAT_WORDS)
        .or_else(|| first_in(&PLATFORM_WORDS))
        .unwrap_or("other")
        .to_string()
}

/// The format of a result row: from its format column (as the platform's export names it)
/// when that names one, else from the deliverable's name.
pub fn format_of_row(row: &DeliverableResult) -> String {
    let given = row
        .format
        .as_deref()
        .map(format_of)
        .filter(|f| f != "other");
    given.unwrap_or_else(|| format_of(&row.deliverable))
}

/// Rows per group, sorted by group name. Creator groups are named by [`super::handle_key`].
/// Community grouping puts a creator's rows in each of
/// their communities (so groups can overlap), and creators without one in [`NO_COMMUNITY`].
pub fn group_rows<'a>(
    workspace: &'a Workspace,
    grouping: Grouping,
) -> Vec<(String, Vec<&'a DeliverableResult>)> {
    let mut groups: BTreeMap<String, Vec<&'a DeliverableResult>> = BTreeMap::new();
    let communities = communities_by_handle(workspace);
    for row in &workspace.results {
        let names: Vec<String> = match grouping {
            // Platforms treat handles case-insensitively; "@Ben" and "ben" are one creator.
            Grouping::Creator => vec![microplan_plan::results::handle_key(&row.handle)],
            Grouping::Campaign => {
                let campaign = row.campaign.trim();
                vec![if campaign.is_empty() {
                    NO_CAMPAIGN.to_string()
                } else {
                    campaign.to_string()
                }]
            }
            Grouping::Format => vec![format_of_row(row)],
            Grouping::Community => {
                match communities.get(&microplan_plan::results::handle_key(&row.handle)) {
                    Some(set) if !set.is_empty() => set.iter().cloned().collect(),
                    _ => vec![NO_COMMUNITY.to_string()],
                }
            }
        };
        for name in names {
            groups.entry(name).or_default().push(row);
        }
    }
    groups.into_iter().collect()
}

/// Community names per handle (union over the creator's platforms), blank names dropped.
fn communities_by_handle(workspace: &Workspace) -> HashMap<String, BTreeSet<String>> {
    let mut map: HashMap<String, BTreeSet<String>> = HashMap::new();
    for creator in &workspace.creators {
        let set = map
            .entry(microplan_plan::results::handle_key(&creator.handle))
            .or_default();
        for name in &creator.communities {
            let name = name.trim();
            if !name.is_empty() {
                set.insert(name.to_string());
            }
        }
    }
    map
}
