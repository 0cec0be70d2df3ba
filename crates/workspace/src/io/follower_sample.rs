//! Reads a follower-sample CSV (one row per sampled follower account) into per-creator counts.
//! The sampled accounts' handles are looked at for generated-looking names and then dropped:
//! only counts reach the workspace.

use microplan_audit::follower_sample::{summarise_sample, FollowerSample, SampledFollower};

use super::error::ImportError;
use super::headers::find_header;
use microplan_csv::text::parse_bool;

const CREATOR: [&str; 5] = [
    "creator",
    "creator handle",
    "influencer",
    "sampled creator",
    "account followed",
];
const FOLLOWER: [&str; 5] = [
    "follower",
    "follower handle",
    "follower username",
    "username",
    "handle",
];
const FOLLOWERS: [&str; 3] = ["followers", "follower count", "followers count"];
const FOLLOWING: [&str; 4] = ["following", "following count", "follows", "follows count"];
const POSTS: [&str; 4] = ["posts", "post count", "media count", "posts count"];
const PICTURE: [&str; 5] = [
    "has profile picture",
    "profile picture",
    "profile pic",
    "has profile pic",
    "avatar",
];
const BIO: [&str; 4] = ["has bio", "bio", "biography", "bio present"];

/// A count cell: empty is unknown; anything else must be a whole number.
fn count(
    text: &str,
    decimal_comma: bool,
    line: usize,
    column: &str,
) -> Result<Option<u64>, ImportError> {
    if text.is_empty() {
        return Ok(None);
    }
    match microplan_csv::number::parse_number(text, decimal_comma) {
        Ok(value) if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value < 1e15 => {
            Ok(Some(value as u64))
        }
        _ => Err(ImportError::cell(
            line,
            column,
            format!(
                "“{text}” is not a count; write a whole number such as 1200, or leave it empty"
            ),
        )),
    }
}

/// A yes/no cell, or a text/URL cell where empty means "none" (an empty bio is no bio).
fn presence(text: &str) -> bool {
    parse_bool(text).unwrap_or(!text.is_empty())
}

/// Per-creator counts, in order of first appearance. Every problem names the line, the column
/// and the fix; nothing is returned from a file with a bad row.
pub fn read_follower_sample(bytes: &[u8]) -> Result<Vec<FollowerSample>, ImportError> {
    let table = microplan_csv::read::read_csv(bytes)?;
    let creator_col = find_header(&table.headers, &CREATOR)
        .ok_or_else(|| ImportError::missing_column("the file needs a creator column (creator or creator handle): whose followers were sampled"))?;
    let column = |names: &[&str]| find_header(&table.headers, names);
    let (follower_col, followers_col, following_col) =
        (column(&FOLLOWER), column(&FOLLOWERS), column(&FOLLOWING));
    let (posts_col, picture_col, bio_col) = (column(&POSTS), column(&PICTURE), column(&BIO));
    if [
        follower_col,
        followers_col,
        following_col,
        posts_col,
        picture_col,
        bio_col,
    ]
    .iter()
    .all(Option::is_none)
    {
        return Err(ImportError::missing_column("the file needs at least one of: follower handle, followers, following, posts, profile picture, bio"));
    }
    let mut by_creator: Vec<(String, Vec<SampledFollower>)> = Vec::new();
    for row in &table.rows {
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.cells.get(i))
                .map(|c| c.trim())
                .unwrap_or("")
        };
        let header = |i: Option<usize>| {
            i.and_then(|i| table.headers.get(i))
                .map(String::as_str)
                .unwrap_or("")
        };
        let creator = microplan_csv::text::clean_handle(cell(Some(creator_col)));
        if creator.is_empty() {
            return Err(ImportError::line(
                row.line,
                "the creator is empty; name whose follower this account is",
            ));
        }
        let number = |i: Option<usize>| count(cell(i), table.decimal_comma, row.line, header(i));
        let account = SampledFollower {
            handle: cell(follower_col).to_string(),
            followers: number(followers_col)?,
            following: number(following_col)?,
            posts: number(posts_col)?,
            has_profile_picture: picture_col.map(|i| presence(cell(Some(i)))),
            has_bio: bio_col.map(|i| presence(cell(Some(i)))),
        };
        match by_creator
            .iter_mut()
            .find(|(handle, _)| handle.eq_ignore_ascii_case(&creator))
        {
            Some((_, accounts)) => accounts.push(account),
            None => by_creator.push((creator, vec![account])),
        }
    }
    if by_creator.is_empty() {
        return Err(ImportError::file(
            "the file has no rows: add one row per sampled follower",
        ));
    }
    Ok(by_creator
        .iter()
        .map(|(handle, accounts)| summarise_sample(handle, accounts))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_counted_per_creator_and_handles_are_not_kept() {
        let csv =
            "Creator,Follower Username,Followers,Following,Media Count,Profile Pic,Biography\n\
                   @lena,anna_83920417,12,7500,0,,\n\
                   lena,trail_tom,640,900,85,https://cdn.example/t.jpg,Runner\n\
                   crumb,baker99,1.2k,300,40,yes,Bakes\n";
        let samples = read_follower_sample(csv.as_bytes()).unwrap();
        assert_eq!(samples.len(), 2);
        assert_eq!(
            (
                samples[0].handle.as_str(),
                samples[0].sampled,
                samples[0].likely_fake
            ),
            ("lena", 2, 1)
        );
        assert_eq!(samples[0].signal_counts, [1, 1, 1, 1, 1]);
        assert_eq!(
            (
                samples[1].handle.as_str(),
                samples[1].sampled,
                samples[1].likely_fake
            ),
            ("crumb", 1, 0)
        );
        let stored = format!("{samples:?}");
        assert!(
            !stored.contains("anna") && !stored.contains("trail_tom"),
            "{stored}"
        );
    }

    #[test]
    fn problems_name_the_line_the_column_and_the_fix() {
        let bad = read_follower_sample(b"creator,followers\nlena,many\n")
            .unwrap_err()
            .to_string();
        assert!(
            bad.contains("line 2, column \u{201c}followers\u{201d}")
                && bad.contains("whole number"),
            "{bad}"
        );
        assert!(read_follower_sample(b"follower,followers\na,1\n")
            .unwrap_err()
            .to_string()
            .contains("creator column"));
        assert!(read_follower_sample(b"creator,colour\nlena,red\n")
            .unwrap_err()
            .to_string()
            .contains("at least one of"));
        assert!(read_follower_sample(b"creator,followers\n,1\n")
            .unwrap_err()
            .to_string()
            .contains("line 2"));
    }
}
