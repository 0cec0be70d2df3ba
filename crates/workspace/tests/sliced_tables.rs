//! Large stored tables are read in slices (`store::sliced`): the scanner cuts exactly the
//! elements `serde_json` wrote, and a table read in slices equals the table read whole.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use proptest::prelude::*;
use serde_json::Value;

use microplan_demo::demo_workspace;
use microplan_workspace::store::records::table_key;
use microplan_workspace::store::sliced::{array_elements, decode_table_in_slices, SLICE_BYTES};
use microplan_workspace::store::tables::{
    decode_table, read_stored, read_stored_in_slices, split_records, TABLES,
};
use microplan_workspace::Workspace;

/// Runs a future whose pauses never wait, counting them.
fn run<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

/// The texts of the elements the scanner finds.
fn elements(text: &str) -> Option<Vec<&str>> {
    array_elements(text).map(|ranges| ranges.into_iter().map(|r| &text[r]).collect())
}

#[test]
fn the_scanner_cuts_hand_written_arrays_at_their_top_level_commas() {
    assert_eq!(elements("[]"), Some(vec![]));
    assert_eq!(elements(" [ ] \n"), Some(vec![]));
    assert_eq!(elements("[1]"), Some(vec!["1"]));
    assert_eq!(elements("[1, 2 ,3]"), Some(vec!["1", "2", "3"]));
    assert_eq!(
        elements(r#"["a]b","c,d","e\"f","g\\",{"h":[1,2]},[[3],[4,5]],null,true]"#),
        Some(vec![
            r#""a]b""#,
            r#""c,d""#,
            r#""e\"f""#,
            r#""g\\""#,
            r#"{"h":[1,2]}"#,
            "[[3],[4,5]]",
            "null",
            "true",
        ])
    );
    // A backslash before a quote inside a string, then a comma outside it.
    assert_eq!(
        elements(r#"["\\\"],", "\u00e9\u2028,]"]"#),
        Some(vec![r#""\\\"],""#, r#""\u00e9\u2028,]""#])
    );
    assert_eq!(
        elements(r#"[{"a":"}","b":"{"},"x"]"#),
        Some(vec![r#"{"a":"}","b":"{"}"#, r#""x""#])
    );
    // Not one array: read whole, where serde_json says what is wrong.
    for broken in [
        "",
        "{}",
        "[1,]",
        "[,1]",
        "[1",
        "[1] x",
        r#"["open]"#,
        "[[1]",
    ] {
        assert_eq!(array_elements(broken), None, "{broken}");
    }
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        // Quotes, backslashes, brackets, commas, control characters and non-ASCII.
        proptest::string::string_regex(r#"[a-z"\\\[\]{},:\n\t\u{0}-\u{1f}éß€😀\u{2028} ]{0,12}"#)
            .unwrap_or_else(|_| unreachable!())
            .prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z,\\]\"]{0,4}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Cutting what serde_json writes gives each element as serde_json writes it alone, and
    /// the elements joined by commas in brackets are the very bytes of the whole array.
    #[test]
    fn the_scanner_agrees_with_serde_json(values in prop::collection::vec(json_value(), 0..8)) {
        let whole = serde_json::to_string(&values).unwrap_or_default();
        let cut = elements(&whole);
        let alone: Vec<String> = values
            .iter()
            .map(|value| serde_json::to_string(value).unwrap_or_default())
            .collect();
        prop_assert_eq!(cut.clone(), Some(alone.iter().map(String::as_str).collect()));
        prop_assert_eq!(format!("[{}]", alone.join(",")), whole.clone());
        for (text, value) in cut.unwrap_or_default().iter().zip(&values) {
            prop_assert_eq!(&serde_json::from_str::<Value>(text).ok(), &Some(value.clone()));
        }
        // Pretty-printed, the same elements are found.
        let pretty = serde_json::to_string_pretty(&values).unwrap_or_default();
        let parsed: Option<Vec<Value>> = elements(&pretty)
            .map(|texts| texts.iter().filter_map(|t| serde_json::from_str(t).ok()).collect());
        prop_assert_eq!(parsed, Some(values));
    }
}

/// The demo workspace with its posts repeated under new ids until they fill several slices.
fn large_workspace() -> Workspace {
    let mut workspace = demo_workspace();
    let posts = workspace.posts.to_vec();
    let mut all = Vec::new();
    for copy in 0..40 {
        all.extend(posts.iter().cloned().map(|mut post| {
            post.post_id = format!("{}-{copy}", post.post_id);
            post
        }));
    }
    *workspace.posts = all;
    workspace
}

#[test]
fn a_large_table_read_in_slices_equals_it_read_whole() {
    let workspace = large_workspace();
    let records = split_records("w1", &workspace, TABLES, "2026-12-06T08:00:00Z");
    let text = |table: &str| {
        let key = table_key("w1", table);
        records
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let posts = text("posts");
    assert!(posts.len() > 3 * SLICE_BYTES, "{} bytes", posts.len());
    assert_eq!(workspace.posts.len(), 40 * demo_workspace().posts.len());

    let pauses = std::cell::Cell::new(0);
    let mut sliced = Workspace::default();
    let result = run(decode_table_in_slices(&mut sliced, "posts", &posts, || {
        pauses.set(pauses.get() + 1);
        std::future::ready(())
    }));
    assert!(matches!(result, Some(Ok(()))));
    let mut whole = Workspace::default();
    assert!(matches!(
        decode_table(&mut whole, "posts", &posts),
        Some(Ok(()))
    ));
    assert_eq!(sliced.posts, whole.posts);
    assert_eq!(sliced.posts, workspace.posts);
    assert_eq!(pauses.get(), posts.len().div_ceil(SLICE_BYTES));

    // The whole workspace read from its records in slices equals it read at once.
    let tables: BTreeMap<&str, String> = TABLES.iter().map(|t| (*t, text(t))).collect();
    let at_once = read_stored(records[0].1.clone(), &tables).ok();
    let in_slices = run(read_stored_in_slices(records[0].1.clone(), &tables, || {
        std::future::ready(())
    }))
    .ok();
    assert_eq!(in_slices, at_once);
    assert_eq!(
        in_slices.map(|(w, split)| (w == workspace, split)),
        Some((true, true))
    );
}

#[test]
fn a_damaged_large_table_is_reported_as_when_read_whole() {
    let workspace = large_workspace();
    let records = split_records("w1", &workspace, TABLES, "2026-12-06T08:00:00Z");
    let mut tables: BTreeMap<&str, String> = TABLES
        .iter()
        .filter_map(|table| {
            let key = table_key("w1", table);
            records
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*table, v.clone()))
        })
        .collect();
    // A post far into the table loses a field's value: the last slice fails to type.
    let posts = tables.get("posts").cloned().unwrap_or_default();
    let cut = posts.rfind("\"likes\":").unwrap_or(0);
    let damaged = format!(
        "{}\"likes\":\"many\",{}",
        &posts[..cut],
        posts[cut..].split_once(',').map_or("", |(_, rest)| rest)
    );
    tables.insert("posts", damaged);
    let at_once = read_stored(records[0].1.clone(), &tables);
    let in_slices = run(read_stored_in_slices(records[0].1.clone(), &tables, || {
        std::future::ready(())
    }));
    assert!(at_once.is_err());
    assert_eq!(in_slices, at_once);
}

#[test]
fn a_table_prepared_in_slices_is_the_text_a_save_writes() {
    use microplan_workspace::store::lifecycle::{save_batch, save_batch_prepared, SeenMeta};
    use microplan_workspace::store::prepared::{prepare_table_in_slices, ROWS_PER_SLICE};
    use microplan_workspace::store::tables::encode_table;

    let workspace = large_workspace();
    assert!(workspace.posts.len() > 2 * ROWS_PER_SLICE);
    let pauses = std::cell::Cell::new(0);
    let prepared = run(prepare_table_in_slices(&workspace, "posts", || {
        pauses.set(pauses.get() + 1);
        std::future::ready(())
    }));
    let Some(prepared) = prepared else {
        panic!("a sound large table is prepared")
    };
    assert_eq!(
        Some(prepared.text.clone()),
        encode_table(&workspace, "posts")
    );
    assert_eq!(pauses.get(), workspace.posts.len().div_ceil(ROWS_PER_SLICE));
    assert!(prepared.fits(&workspace));

    // The save with the prepared table writes the very records of the save without it.
    let base = SeenMeta(None);
    let at_once = save_batch("w1", &workspace, &base, None, "t0", "t1").ok();
    let ahead = save_batch_prepared(
        "w1",
        &workspace,
        &base,
        None,
        "t0",
        "t1",
        vec![prepared.clone()],
    )
    .ok();
    assert!(at_once.is_some());
    assert_eq!(ahead.map(|p| p.batch), at_once.map(|p| p.batch));

    // Edited since: the table no longer fits, and the save encodes the edited table.
    let mut edited = workspace.clone();
    edited.posts[0].likes += 1;
    assert!(!prepared.fits(&edited));
    let with_stale =
        save_batch_prepared("w1", &edited, &base, None, "t0", "t1", vec![prepared]).ok();
    let fresh = save_batch("w1", &edited, &base, None, "t0", "t1").ok();
    assert_eq!(with_stale.map(|p| p.batch), fresh.map(|p| p.batch));

    // Small tables and tables that are not rows are left to the save.
    assert!(run(prepare_table_in_slices(&workspace, "creators", || {
        std::future::ready(())
    }))
    .is_none());
    assert!(run(prepare_table_in_slices(&workspace, "programme", || {
        std::future::ready(())
    }))
    .is_none());
}

#[test]
fn a_table_with_a_problem_is_left_to_the_save_which_reports_it() {
    use microplan_workspace::store::lifecycle::{save_batch, LifecycleError, SeenMeta};
    use microplan_workspace::store::prepared::prepare_table_in_slices;

    let mut workspace = large_workspace();
    let last = workspace.posts.len() - 1;
    workspace.posts[last].handle = "@late_row".into();
    assert!(run(prepare_table_in_slices(&workspace, "posts", || {
        std::future::ready(())
    }))
    .is_none());
    match save_batch("w1", &workspace, &SeenMeta(None), None, "t0", "t1") {
        Err(LifecycleError::Invalid(reason)) => assert!(reason.contains("@late_row"), "{reason}"),
        other => panic!("the save is refused, not {:?}", other.map(|p| p.meta)),
    }
}

proptest! {
    /// Rows written a slice at a time and joined are the bytes of the rows written at once.
    #[test]
    fn slices_joined_are_the_whole_array(
        values in prop::collection::vec(json_value(), 0..12),
        per_slice in 1usize..5,
    ) {
        let whole = serde_json::to_string(&values).unwrap_or_default();
        let mut joined = String::from("[");
        for chunk in values.chunks(per_slice) {
            let slice = serde_json::to_string(chunk).unwrap_or_default();
            let inner = &slice[1..slice.len() - 1];
            if !inner.is_empty() {
                if joined.len() > 1 {
                    joined.push(',');
                }
                joined.push_str(inner);
            }
        }
        joined.push(']');
        prop_assert_eq!(joined, whole);
    }
}

proptest! {
    /// The word-wise comparison a save uses for large prepared texts agrees with `==`,
    /// whatever the lengths and wherever (if anywhere) the texts differ.
    #[test]
    fn same_text_is_equality(
        text in "[a-zé\u{1F600}\",]{0,40}",
        at in 0usize..48,
        other in "[a-zé\u{1F600}\",]{0,2}",
    ) {
        use microplan_workspace::store::prepared::same_text;
        prop_assert!(same_text(&text, &text.clone()));
        let mut changed = text.clone();
        let cut = (0..=at.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        changed.insert_str(cut, &other);
        prop_assert_eq!(same_text(&text, &changed), text == changed);
        let replaced = format!("{}{}", &text[..cut], other);
        prop_assert_eq!(same_text(&text, &replaced), text == replaced);
        // The same length, one byte apart: in the eight-byte words or in the rest.
        if let Some(byte) = text.as_bytes().get(at).filter(|byte| byte.is_ascii_lowercase()) {
            let mut flipped = text.clone();
            flipped.replace_range(at..=at, if *byte == b'a' { "b" } else { "a" });
            prop_assert!(!same_text(&text, &flipped));
        }
    }
}
