//! Per-table storage against the in-memory store: what a save writes, and that every layout
//! (split, an earlier format's whole record, a damaged or orphaned table) opens or is offered.

use super::catalog::load_catalog;
use super::envelope::LoadError;
use super::lifecycle::*;
use super::lifecycle_tests::legacy_store;
use super::records::{run_ready, table_key, workspace_key, MemoryStore, RecordStore};
use super::tables::TABLES;
use microplan_demo::demo_workspace;
use crate::Workspace;

const T0: &str = "2026-12-01T10:00:00.000Z";
const T1: &str = "2026-12-01T10:05:00.000Z";

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
    let batch = super::records::Batch {
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
            let file = crate::store::decode_workspace(&raw).expect("a workspace file");
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
    run_ready(delete_workspace(
        &store,
        "w1",
        super::records::StoredRevision::At(revision),
    ))
    .expect("deleted");
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
