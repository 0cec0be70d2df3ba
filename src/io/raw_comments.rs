//! Reading a raw comments file: rows of many creators with commenter and text, handed to
//! `domain::audit::comment_import` and then dropped. Nothing here is stored.

use crate::domain::audit::RawComment;

use super::columns::ColumnSpec;
use super::columns_vetting::RAW_COMMENTS;
use super::mapping::normalise_header;
use super::problem::CellError;
use super::read::RawTable;
use super::text::{clean_handle, is_missing, parse_bool, unguard_formula};

/// Which file column feeds each of [`RAW_COMMENTS`] (by key, label or synonym).
pub fn map_comment_headers(headers: &[String]) -> Vec<Option<usize>> {
    let normalised: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let mut used = vec![false; headers.len()];
    RAW_COMMENTS
        .iter()
        .map(|spec| {
            let names = names_of(spec);
            let found = normalised
                .iter()
                .enumerate()
                .find(|(i, h)| !used.get(*i).copied().unwrap_or(true) && names.contains(h))
                .map(|(i, _)| i);
            if let Some(slot) = found.and_then(|i| used.get_mut(i)) {
                *slot = true;
            }
            found
        })
        .collect()
}

fn names_of(spec: &ColumnSpec) -> Vec<String> {
    let mut names = vec![normalise_header(spec.key), normalise_header(spec.label)];
    names.extend(spec.synonyms.iter().map(|s| normalise_header(s)));
    names
}

/// Labels of required comment columns the mapping lacks.
pub fn missing_comment_columns(mapping: &[Option<usize>]) -> Vec<&'static str> {
    RAW_COMMENTS
        .iter()
        .zip(mapping)
        .filter(|(spec, source)| spec.required && source.is_none())
        .map(|(spec, _)| spec.label)
        .collect()
}

/// Rows `range` of the table as `(creator handle, comment)`; rows without a handle, post or
/// commenter are reported (the text may be empty: an empty comment is still a comment).
pub fn read_comment_rows(
    table: &RawTable,
    mapping: &[Option<usize>],
    range: std::ops::Range<usize>,
    errors: &mut Vec<CellError>,
) -> Vec<(String, RawComment)> {
    let column = |key: &str| {
        RAW_COMMENTS
            .iter()
            .position(|s| s.key == key)
            .and_then(|i| mapping.get(i).copied().flatten())
    };
    let [handle, post, id, commenter, text, reply, parent] = [
        "handle",
        "post_id",
        "comment_id",
        "commenter",
        "text",
        "is_creator_reply",
        "parent",
    ]
    .map(column);
    let mut out = Vec::with_capacity(range.len());
    for (offset, row) in table
        .rows
        .get(range.clone())
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        let cell = |source: Option<usize>| {
            source
                .and_then(|c| row.cells.get(c))
                .map(|s| unguard_formula(s.trim()))
                .filter(|s| !is_missing(s))
        };
        let mut report = |key: &str, value: &str, problem: &str, fix: &str| {
            let label = RAW_COMMENTS
                .iter()
                .find(|s| s.key == key)
                .map_or(key, |s| s.label);
            let name = column(key)
                .and_then(|c| table.headers.get(c))
                .map_or(label, |h| h.as_str());
            errors.push(CellError {
                row: range.start + offset + 1,
                line: row.line,
                column: name.to_string(),
                value: value.chars().take(40).collect(),
                problem: problem.to_string(),
                fix: fix.to_string(),
            });
        };
        let creator = cell(handle).map(clean_handle).filter(|h| !h.is_empty());
        let post_id = cell(post);
        let author = cell(commenter);
        let is_reply = match cell(reply) {
            None => Some(false),
            Some(value) => parse_bool(value).or_else(|| {
                report(
                    "is_creator_reply",
                    value,
                    "is not yes or no",
                    "write yes or no (true/false, 1/0)",
                );
                None
            }),
        };
        if creator.is_none() {
            report(
                "handle",
                "",
                "Creator handle is empty",
                "every comment needs the creator's handle",
            );
        }
        if post_id.is_none() {
            report(
                "post_id",
                "",
                "Post ID is empty",
                "every comment needs the post it belongs to",
            );
        }
        if author.is_none() {
            report(
                "commenter",
                "",
                "Commenter is empty",
                "every comment needs who wrote it",
            );
        }
        let (Some(creator), Some(post_id), Some(author), Some(is_reply)) =
            (creator, post_id, author, is_reply)
        else {
            continue;
        };
        out.push((
            creator,
            RawComment {
                post_id: post_id.to_string(),
                comment_id: cell(id).map(str::to_string),
                commenter: author.to_string(),
                text: text
                    .and_then(|c| row.cells.get(c))
                    .map_or(String::new(), |s| s.clone()),
                is_creator_reply: is_reply,
                parent: cell(parent).map(str::to_string),
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::read_csv;

    #[test]
    fn reads_comment_rows_and_reports_missing_cells() {
        let csv = "Username,Post,Comment ID,Commenter,Comment,Is creator reply,Parent ID\n\
                   @anna,p1,c1,bob,Which flour is this?,no,\n\
                   anna,p1,c2,anna,Rye!,yes,c1\n\
                   ,p2,c3,cat,hi,,\n";
        let table = read_csv(csv.as_bytes()).unwrap();
        let mapping = map_comment_headers(&table.headers);
        assert!(missing_comment_columns(&mapping).is_empty(), "{mapping:?}");
        let mut errors = Vec::new();
        let rows = read_comment_rows(&table, &mapping, 0..table.rows.len(), &mut errors);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, "anna");
        assert_eq!(rows[1].1.parent.as_deref(), Some("c1"));
        assert!(rows[1].1.is_creator_reply && !rows[0].1.is_creator_reply);
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].row, errors[0].column.as_str()), (3, "Username"));
    }

    #[test]
    fn a_file_without_comment_text_names_the_missing_column() {
        let table = read_csv(b"handle,post_id,commenter\na,p,b\n").unwrap();
        let mapping = map_comment_headers(&table.headers);
        assert_eq!(missing_comment_columns(&mapping), vec!["Comment text"]);
    }
}
