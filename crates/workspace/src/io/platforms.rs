//! The platforms the app knows, recognised from links (`instagram.com/p/...`), so a file
//! without a platform column can take it from its post or profile links, or from one choice.

use microplan_model::money::group_thousands;

use super::mapping::ColumnMapping;
use super::table::TableKind;
use microplan_csv::platform_exports::{fill_column, filled_header};
use microplan_csv::read::RawTable;

/// A platform as stored (`name`, lowercase), as shown, and the hosts of its links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownPlatform {
    pub name: &'static str,
    pub label: &'static str,
    hosts: &'static [&'static str],
}

const fn platform(
    name: &'static str,
    label: &'static str,
    hosts: &'static [&'static str],
) -> KnownPlatform {
    KnownPlatform { name, label, hosts }
}

/// Every platform the app knows, for the platform choice and link recognition.
#[rustfmt::skip]
pub const KNOWN_PLATFORMS: &[KnownPlatform] = &[
    platform("instagram", "Instagram", &["instagram.com", "instagr.am"]),
    platform("tiktok", "TikTok", &["tiktok.com"]),
    platform("youtube", "YouTube", &["youtube.com", "youtu.be"]),
    platform("facebook", "Facebook", &["facebook.com", "fb.com", "fb.watch"]),
    platform("threads", "Threads", &["threads.net", "threads.com"]),
    platform("x", "X (Twitter)", &["x.com", "twitter.com"]),
    platform("pinterest", "Pinterest", &["pinterest.com", "pin.it"]),
    platform("linkedin", "LinkedIn", &["linkedin.com"]),
    platform("twitch", "Twitch", &["twitch.tv"]),
    platform("snapchat", "Snapchat", &["snapchat.com"]),
];

/// Longer cells are text, not links.
const MAX_LINK_BYTES: usize = 2_048;
/// Rows scanned for links; enough to see whether a file's links agree.
const LINK_SAMPLE_ROWS: usize = 2_000;

/// The platform a link points to: `https://www.instagram.com/p/abc` -> `instagram`. A cell
/// without `http://` or `https://` counts only when it reads `host/path`.
pub fn platform_of_link(cell: &str) -> Option<&'static str> {
    let cell = cell.trim();
    if cell.len() > MAX_LINK_BYTES {
        return None;
    }
    let lower = cell.to_ascii_lowercase();
    let (rest, has_scheme) = match lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        Some(rest) => (rest, true),
        None => (lower.as_str(), false),
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if !has_scheme && end == rest.len() {
        return None;
    }
    let authority = rest.get(..end)?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    KNOWN_PLATFORMS
        .iter()
        .find(|known| {
            known
                .hosts
                .iter()
                .any(|h| host == *h || host.strip_suffix(h).is_some_and(|sub| sub.ends_with('.')))
        })
        .map(|known| known.name)
}

/// How many links of each known platform the first rows of a file hold, most first.
pub fn platforms_in_links(table: &RawTable) -> Vec<(&'static str, usize)> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    let cells = table
        .rows
        .iter()
        .take(LINK_SAMPLE_ROWS)
        .flat_map(|row| row.cells.iter());
    for name in cells.filter_map(|cell| platform_of_link(cell)) {
        match counts.iter_mut().find(|(seen, _)| *seen == name) {
            Some((_, count)) => *count = count.saturating_add(1),
            None => counts.push((name, 1)),
        }
    }
    counts.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    counts
}

/// When `kind` needs a platform the file lacks: fills it from the file's links if they all
/// point to one platform, and says so in the table's notes; with links to several platforms
/// the notes name them, and the import screen asks for the platform once.
pub fn propose_platform(kind: TableKind, table: &mut RawTable, mapping: &mut ColumnMapping) {
    let Some(position) = kind
        .columns()
        .iter()
        .position(|column| column.key == "platform" && column.required)
    else {
        return;
    };
    if mapping.get(position).copied().flatten().is_some() {
        return;
    }
    let found = platforms_in_links(table);
    let described = found
        .iter()
        .map(|(name, count)| {
            format!(
                "{name} {}",
                group_thousands(u64::try_from(*count).unwrap_or(u64::MAX))
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    match found.as_slice() {
        [] => {}
        [(name, count)] => {
            let index = fill_column(table, &filled_header("Platform"), name);
            if let Some(slot) = mapping.get_mut(position) {
                *slot = Some(index);
            }
            table.notes.push(format!(
                "The file has no platform column; its {} link(s) all point to {name}, so every row is {name}. Choose another platform below if that is wrong.",
                group_thousands(u64::try_from(*count).unwrap_or(u64::MAX))
            ));
        }
        _ => table.notes.push(format!(
            "The file has no platform column and its links point to several platforms ({described}); choose the platform for every row below, or add a platform column to the file."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::mapping::propose_mapping_for_table;
    use crate::io::validate::{validate, ImportOptions};
    use microplan_csv::read::read_csv;

    #[test]
    fn links_name_their_platform() {
        for (link, platform) in [
            ("https://www.instagram.com/p/C1a2b3/", Some("instagram")),
            ("http://instagram.com/anna", Some("instagram")),
            ("instagram.com/reel/xyz", Some("instagram")),
            ("https://vm.tiktok.com/ZM123/", Some("tiktok")),
            ("https://youtu.be/dQw4w9WgXcQ", Some("youtube")),
            ("https://m.youtube.com/watch?v=abc", Some("youtube")),
            ("HTTPS://TWITTER.COM/anna/status/1", Some("x")),
            ("https://user@www.threads.net:443/@anna", Some("threads")),
            ("https://notinstagram.com/p/1", None),
            ("https://example.com/instagram.com", None),
            ("instagram.com", None),
            ("anna", None),
            ("", None),
        ] {
            assert_eq!(platform_of_link(link), platform, "{link}");
        }
    }

    fn creators_with_links(links: &[&str]) -> (RawTable, ColumnMapping) {
        let mut csv = String::from("Username,Followers,Profile URL\n");
        for (index, link) in links.iter().enumerate() {
            csv.push_str(&format!("user{index},{},{link}\n", 1000 + index));
        }
        let mut table = read_csv(csv.as_bytes()).unwrap();
        let mut mapping = propose_mapping_for_table(TableKind::Creators, &table);
        propose_platform(TableKind::Creators, &mut table, &mut mapping);
        (table, mapping)
    }

    #[test]
    fn agreeing_links_fill_the_platform_and_say_so() {
        let (table, mapping) =
            creators_with_links(&["https://www.tiktok.com/@a", "https://tiktok.com/@b"]);
        assert_eq!(table.headers[3], "Platform (same for every row)");
        assert_eq!(
            table.rows[1].cells,
            ["user1", "1001", "https://tiktok.com/@b", "tiktok"]
        );
        assert_eq!(
            table.notes,
            ["The file has no platform column; its 2 link(s) all point to tiktok, so every row is tiktok. Choose another platform below if that is wrong."]
        );
        let preview = validate(
            TableKind::Creators,
            &table,
            &mapping,
            &ImportOptions::default(),
        );
        assert!(
            preview.missing_required.is_empty(),
            "{:?}",
            preview.missing_required
        );
        assert_eq!(preview.valid_count(), 2);
        assert_eq!(preview.unmapped_columns, ["Profile URL"]);
    }

    #[test]
    fn disagreeing_links_ask_once_and_no_links_leave_it_to_the_choice() {
        let (table, mapping) = creators_with_links(&[
            "https://instagram.com/a",
            "https://youtube.com/@b",
            "https://instagram.com/c",
        ]);
        assert_eq!(table.headers.len(), 3);
        assert_eq!(mapping[1], None);
        assert_eq!(
            table.notes,
            ["The file has no platform column and its links point to several platforms (instagram 2, youtube 1); choose the platform for every row below, or add a platform column to the file."]
        );
        let (plain, mapping) = creators_with_links(&["-", "n/a"]);
        assert!(plain.notes.is_empty());
        assert_eq!(mapping[1], None);
    }
}
