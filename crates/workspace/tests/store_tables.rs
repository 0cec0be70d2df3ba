//! Per-table storage against the in-memory store: what a save writes, and that every layout
//! (split, an earlier format's whole record, a damaged or orphaned table) opens or is offered;
//! the demo split into table records and the whole envelope read back exactly.

use std::collections::BTreeMap;

use microplan_demo::demo_workspace;
use microplan_workspace::store::catalog::load_catalog;
use microplan_workspace::store::envelope::{decode_workspace, encode_workspace, LoadError};
use microplan_workspace::store::lifecycle::*;
use microplan_workspace::store::records::{
    table_key, workspace_key, Batch, MemoryStore, RecordStore, StoredRevision,
};
use microplan_workspace::store::tables::{read_stored, split_records, TABLES};
use microplan_workspace::Workspace;

/// Runs a future that never waits (the in-memory store's) to completion; the crate's own
/// `store::records::run_ready` is built for its unit tests only.
fn run_ready<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

const T0: &str = "2026-12-01T10:00:00.000Z";
const T1: &str = "2026-12-01T10:05:00.000Z";

fn legacy_store() -> MemoryStore {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/store/legacy_store_v2.json"
    ));
    let fixture: serde_json::Value = serde_json::from_str(text).expect("fixture is JSON");
    let store = MemoryStore::default();
    for (key, value) in fixture["records"].as_object().expect("records") {
        store.put_now(key, value.as_str().expect("text"));
    }
    store
}

fn written_keys(prepared: &PreparedSave) -> Vec<&str> {
    prepared
        .batch
        .put
        .iter()
        .map(|(key, _)| key.as_str())
        .collect()
}

#[test]
fn an_edit_writes_its_table_the_header_and_the_meta_and_nothing_else() {
    let store = MemoryStore::default();
    run_ready(create_workspace(&store, "w1", &demo_workspace(), T0)).expect("created");
    let opened = run_ready(open_workspace(&store, "w1", T1)).expect("opens");
    assert!(opened.split);
    let posts_before = store.get_now(&table_key("w1", "posts"));

    let mut edited = opened.workspace.clone();
    edited.creator_reviews.clear();
    let prepared =
        save_batch("w1", &edited, &opened.seen, Some(&opened.workspace), T0, T1).expect("valid");
    assert_eq!(
        written_keys(&prepared),
        vec![
            "microplan/workspace/w1",
            "microplan/table/w1/creator_reviews",
            "microplan/meta/w1"
        ]
    );
    run_ready(store.commit(prepared.batch)).expect("stored");

    let reopened = run_ready(open_workspace(&store, "w1", T1)).expect("opens");
    assert!(reopened.workspace == edited);
    assert_eq!(store.get_now(&table_key("w1", "posts")), posts_before);
}

#[test]
fn a_schema_two_record_opens_unchanged_and_its_first_save_writes_every_table() {
    let store = legacy_store();
    let opened = run_ready(open_workspace(&store, "ws-lx1-abc123", T1)).expect("opens");
    assert!(!opened.split, "an earlier format's whole record");
    let prepared = save_batch(
        "ws-lx1-abc123",
        &opened.workspace,
        &opened.seen,
        None,
        T0,
        T1,
    )
    .expect("valid");
    // The header replaces the whole record; every table is written beside it.
    assert_eq!(written_keys(&prepared).len(), TABLES.len() + 2);
    run_ready(store.commit(prepared.batch)).expect("stored");
    let header = store
        .get_now(&workspace_key("ws-lx1-abc123"))
        .expect("header");
    assert!(
        header.contains(r#""tables":["creators","posts""#),
        "{header}"
    );
    let reopened = run_ready(open_workspace(&store, "ws-lx1-abc123", T1)).expect("opens");
    assert!(reopened.split);
    assert!(reopened.workspace == opened.workspace);
    assert_eq!(
        reopened.workspace.creators[0].categories,
        vec!["trail running", "outdoors"]
    );
}

#[test]
fn a_missing_table_makes_the_workspace_unreadable_with_its_name_and_raw_text() {
    let store = MemoryStore::default();
    run_ready(create_workspace(&store, "w1", &demo_workspace(), T0)).expect("created");
    let batch = Batch {
        delete: vec![table_key("w1", "contracts")],
        ..Default::default()
    };
    run_ready(store.commit(batch)).expect("removed");
    match run_ready(open_workspace(&store, "w1", T1)) {
        Err(LifecycleError::Unreadable { error, raw }) => {
            assert_eq!(
                error,
                LoadError::Damaged("its table “contracts” is missing from storage".into())
            );
            // The download is a workspace file holding every other table.
            let file = decode_workspace(&raw).expect("a workspace file");
            assert!(file.contracts.is_empty());
            assert_eq!(file.creators.len(), demo_workspace().creators.len());
        }
        other => panic!("expected unreadable, got {other:?}"),
    }
}

#[test]
fn deleting_removes_every_table_and_orphaned_tables_are_offered_for_download() {
    let store = MemoryStore::default();
    run_ready(create_workspace(
        &store,
        "w1",
        &Workspace::empty("Gone"),
        T0,
    ))
    .expect("created");
    let revision = run_ready(open_workspace(&store, "w1", T1))
        .expect("opens")
        .meta
        .revision;
    run_ready(delete_workspace(&store, "w1", StoredRevision::At(revision))).expect("deleted");
    assert!(run_ready(store.keys()).expect("keys").is_empty());

    store.put_now(&table_key("w9", "posts"), "[]");
    let catalog = run_ready(load_catalog(&store, T1)).expect("catalog");
    assert!(catalog.workspaces.is_empty());
    assert_eq!(catalog.unreachable.len(), 1);
    let orphan = &catalog.unreachable[0];
    assert_eq!(
        (orphan.key.as_str(), orphan.raw.as_str()),
        ("microplan/table/w9/posts", "[]")
    );
    assert!(
        orphan.reason.contains("main record is missing"),
        "{}",
        orphan.reason
    );
}

#[test]
fn renaming_writes_only_the_header_and_the_meta() {
    let store = MemoryStore::default();
    run_ready(create_workspace(&store, "w1", &demo_workspace(), T0)).expect("created");
    let contracts_before = store.get_now(&table_key("w1", "contracts"));
    store.put_now(&table_key("w1", "contracts"), "[]");
    let renamed = run_ready(rename_workspace(&store, "w1", "Renamed", T1)).expect("renamed");
    assert_eq!(renamed.workspace.name, "Renamed");
    // The table changed behind the rename's back stays as it is: the rename did not rewrite it.
    assert_eq!(
        store.get_now(&table_key("w1", "contracts")).as_deref(),
        Some("[]")
    );
    assert_ne!(contracts_before.as_deref(), Some("[]"));
}

#[test]
fn a_save_checks_the_tables_it_writes() {
    let stored = demo_workspace();
    let mut edited = stored.clone();
    edited.creator_reviews.clear();
    let base = SeenMeta(None);
    assert!(save_batch("w1", &edited, &base, Some(&stored), T0, T1).is_ok());
    if let Some(post) = edited.posts.first_mut() {
        post.likes = u64::MAX;
    }
    match save_batch("w1", &edited, &base, Some(&stored), T0, T1) {
        Err(LifecycleError::Invalid(reason)) => {
            assert!(reason.contains("posts, row 1, likes"), "{reason}")
        }
        other => panic!("expected the post to be refused, got {other:?}"),
    }
}

fn stored_tables(records: &[(String, String)], id: &str) -> BTreeMap<&'static str, String> {
    TABLES
        .iter()
        .filter_map(|table| {
            let key = table_key(id, table);
            records
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*table, v.clone()))
        })
        .collect()
}

#[test]
fn the_demo_split_into_tables_reads_back_exactly() {
    let demo = demo_workspace();
    let records = split_records("w1", &demo, TABLES, "2026-12-05T10:00:00Z");
    assert_eq!(records.len(), TABLES.len() + 1);
    let read = read_stored(records[0].1.clone(), &stored_tables(&records, "w1"));
    assert!(read == Ok((demo, true)));
}

#[test]
fn a_missing_or_damaged_table_is_reported_by_name_with_the_joined_text() {
    let demo = demo_workspace();
    let records = split_records("w1", &demo, TABLES, "2026-12-05T10:00:00Z");
    let mut tables = stored_tables(&records, "w1");
    tables.remove("posts");
    let error = read_stored(records[0].1.clone(), &tables)
        .unwrap_err()
        .error;
    assert_eq!(
        error,
        LoadError::Damaged("its table “posts” is missing from storage".into())
    );
    tables.insert("posts", r#"[1], "creators": []"#.into());
    let error = read_stored(records[0].1.clone(), &tables)
        .unwrap_err()
        .error;
    assert_eq!(
        error,
        LoadError::Damaged("its table “posts” is not valid JSON".into())
    );
    // The download holds every table still readable, as a workspace file.
    let unreadable = read_stored(records[0].1.clone(), &tables).unwrap_err();
    let file = decode_workspace(&unreadable.raw).expect("a workspace file");
    assert!(file.posts.is_empty() && file.creators == demo.creators);
    tables.insert("posts", r#"[{"handle": 5}]"#.into());
    let unreadable = read_stored(records[0].1.clone(), &tables).unwrap_err();
    assert!(
        matches!(&unreadable.error, LoadError::Damaged(reason) if reason.starts_with("its table “posts” is damaged"))
    );
    // The download is a workspace file: the envelope with every table in it.
    assert!(unreadable.raw.contains(r#""posts":[{"handle": 5}]"#));
    assert!(decode_workspace(&unreadable.raw).is_err());
}

#[test]
fn a_header_from_a_newer_app_is_refused_and_an_old_whole_record_still_reads() {
    let newer = r#"{"app":"microplan","schema_version":99,"name":"X","tables":[]}"#;
    let error = read_stored(newer.into(), &BTreeMap::new())
        .unwrap_err()
        .error;
    assert_eq!(error, LoadError::NewerVersion(99));
    let whole = r#"{"app":"microplan","schema_version":2,"workspace":{"name":"Old"}}"#;
    let (workspace, split) = read_stored(whole.into(), &BTreeMap::new()).unwrap();
    assert_eq!((workspace.name.as_str(), split), ("Old", false));
}

#[test]
fn demo_round_trips_exactly() {
    let demo = demo_workspace();
    let text = encode_workspace(&demo, "2026-11-22T10:00:00Z");
    // Compared with `==` so a failure does not print forty creators.
    assert!(decode_workspace(&text) == Ok(demo));
}
