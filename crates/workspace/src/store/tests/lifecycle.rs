//! The lifecycle against the in-memory store: two tabs are two callers sharing one store.

use crate::store::catalog::load_catalog;
use crate::store::envelope::LoadError;
use crate::store::lifecycle::*;
use crate::store::records::{
    legacy_index_key, meta_key, run_ready, workspace_key, MemoryStore, RecordStore, StoredRevision,
};
use crate::Workspace;
use microplan_model::rows::Community;

const T0: &str = "2026-12-01T10:00:00.000Z";
const T1: &str = "2026-12-01T10:05:00.000Z";

fn community(name: &str) -> Community {
    Community {
        name: name.into(),
        description: String::new(),
        hashtags: vec![],
        where_online: None,
    }
}

fn names(store: &MemoryStore) -> Vec<String> {
    let catalog = run_ready(load_catalog(store, T1)).expect("catalog");
    catalog
        .workspaces
        .into_iter()
        .map(|meta| meta.name)
        .collect()
}

fn store_with(id: &str, workspace: &Workspace) -> MemoryStore {
    let store = MemoryStore::default();
    run_ready(create_workspace(&store, id, workspace, T0)).expect("created");
    store
}

#[test]
fn a_workspace_created_in_one_tab_survives_a_save_in_a_tab_opened_before() {
    let store = store_with("w1", &Workspace::empty("Spring"));
    // Tab 2 opened Spring before tab 1 created Autumn.
    let mut tab2 = run_ready(open_workspace(&store, "w1", T0)).expect("opens");
    run_ready(create_workspace(
        &store,
        "w2",
        &Workspace::empty("Autumn"),
        T0,
    ))
    .expect("created");
    tab2.workspace.name = "Spring 2027".into();
    let saved = run_ready(save_workspace(
        &store,
        "w1",
        &tab2.workspace,
        &tab2.seen,
        T0,
        T1,
    ));
    assert_eq!(saved.map(|(meta, _)| meta.revision), Ok(2));
    assert_eq!(names(&store), vec!["Spring 2027", "Autumn"]);
}

#[test]
fn a_stale_tab_cannot_overwrite_an_import_and_is_told() {
    let store = store_with("w1", &Workspace::empty("Spring"));
    let mut tab1 = run_ready(open_workspace(&store, "w1", T0)).expect("opens");
    let mut tab2 = run_ready(open_workspace(&store, "w1", T0)).expect("opens");
    tab1.workspace.communities.push(community("Trail running"));
    let (_, tab1_seen) = run_ready(save_workspace(
        &store,
        "w1",
        &tab1.workspace,
        &tab1.seen,
        T0,
        T1,
    ))
    .expect("saved");

    tab2.workspace.name = "Renamed".into();
    let stale = run_ready(save_workspace(
        &store,
        "w1",
        &tab2.workspace,
        &tab2.seen,
        T0,
        T1,
    ));
    assert_eq!(
        stale,
        Err(LifecycleError::Conflict {
            found: StoredRevision::At(2)
        })
    );
    let stored = run_ready(open_workspace(&store, "w1", T1)).expect("opens");
    assert_eq!(
        stored.workspace.communities,
        vec![community("Trail running")].into()
    );
    assert_eq!(stored.workspace.name, "Spring");

    // Take theirs: reopening shows the import. Keep mine: saving over the meta stored now
    // writes revision 3, and tab 1, still at 2, is refused in turn.
    let current = run_ready(stored_meta(&store, "w1")).expect("reads");
    assert_eq!(current.revision(), StoredRevision::At(2));
    let (mine, _) = run_ready(save_workspace(
        &store,
        "w1",
        &tab2.workspace,
        &current,
        T0,
        T1,
    ))
    .expect("kept");
    assert_eq!(mine.revision, 3);
    tab1.workspace.name = "Other".into();
    let late = run_ready(save_workspace(
        &store,
        "w1",
        &tab1.workspace,
        &tab1_seen,
        T0,
        T1,
    ));
    assert_eq!(
        late,
        Err(LifecycleError::Conflict {
            found: StoredRevision::At(3)
        })
    );
}

#[test]
fn two_tabs_writing_the_same_revision_number_cannot_chain_onto_each_other() {
    // Both tabs start from revision 1 and each prepares revision 2. Tab 2 chains a second
    // write onto its own revision 2, which never landed: it must not pass over tab 1's.
    let store = store_with("w1", &Workspace::empty("Spring"));
    let tab1 = run_ready(open_workspace(&store, "w1", T0)).expect("opens");
    let mut tab2 = run_ready(open_workspace(&store, "w1", T0)).expect("opens");
    let mut mine = tab1.workspace.clone();
    mine.name = "Tab one".into();
    run_ready(save_workspace(&store, "w1", &mine, &tab1.seen, T0, T0)).expect("saved");
    tab2.workspace.name = "Tab two".into();
    let first = save_batch("w1", &tab2.workspace, &tab2.seen, None, T0, T1).expect("valid");
    assert_eq!(first.meta.revision, 2);
    let chained = save_batch("w1", &tab2.workspace, &first.seen, None, T0, T1).expect("valid");
    assert!(run_ready(store.commit(first.batch)).is_err());
    assert!(run_ready(store.commit(chained.batch)).is_err());
    assert_eq!(names(&store), vec!["Tab one"]);
}

#[test]
fn renaming_a_closed_workspace_reads_it_fresh_and_keeps_everything_else() {
    let store = store_with("w1", &Workspace::empty("Spring"));
    let mut tab1 = run_ready(open_workspace(&store, "w1", T0)).expect("opens");
    tab1.workspace.communities.push(community("Trail running"));
    run_ready(save_workspace(
        &store,
        "w1",
        &tab1.workspace,
        &tab1.seen,
        T0,
        T1,
    ))
    .expect("saved");
    let renamed = run_ready(rename_workspace(&store, "w1", "Spring 2027", T1)).expect("renamed");
    assert_eq!(renamed.meta.revision, 3);
    assert_eq!(renamed.meta.created_at, T0);
    assert_eq!(renamed.workspace.communities.len(), 1);
    let reopened = run_ready(open_workspace(&store, "w1", T1)).expect("opens");
    assert_eq!(reopened.workspace.name, "Spring 2027");
    assert_eq!(reopened.workspace.communities.len(), 1);
}

#[test]
fn deleting_with_a_stale_revision_keeps_the_newer_work() {
    let store = store_with("w1", &Workspace::empty("Spring"));
    run_ready(rename_workspace(&store, "w1", "Spring 2027", T1)).expect("renamed");
    let stale = run_ready(delete_workspace(&store, "w1", StoredRevision::At(1)));
    assert_eq!(
        stale,
        Err(LifecycleError::Conflict {
            found: StoredRevision::At(2)
        })
    );
    assert_eq!(names(&store), vec!["Spring 2027"]);
    run_ready(delete_workspace(&store, "w1", StoredRevision::At(2))).expect("deleted");
    assert_eq!(store.get_now(&workspace_key("w1")), None);
    assert_eq!(store.get_now(&meta_key("w1")), None);
}

#[test]
fn duplicating_copies_the_stored_version_under_a_new_id() {
    let store = store_with("w1", &Workspace::empty("Spring"));
    let copy =
        run_ready(duplicate_workspace(&store, "w1", "w2", "Spring (copy)", T1)).expect("copied");
    assert_eq!(copy.meta.revision, 1);
    assert_eq!(names(&store), vec!["Spring", "Spring (copy)"]);
    // Creating over an existing id is refused.
    let again = run_ready(create_workspace(&store, "w2", &Workspace::empty("X"), T1));
    assert!(matches!(again, Err(LifecycleError::Conflict { .. })));
}

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

#[test]
fn schema_two_workspaces_open_unchanged_and_keep_their_list_order() {
    let store = legacy_store();
    let before = store.get_now(&workspace_key("ws-lx1-abc123"));
    let catalog = run_ready(load_catalog(&store, T1)).expect("catalog");
    let listed: Vec<_> = catalog
        .workspaces
        .iter()
        .map(|m| (m.name.as_str(), m.created_at.as_str()))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("Oat & Trail spring", "2026-05-01T09:00:00.000Z"),
            ("Autumn notes", "2026-05-20T09:00:00.000Z")
        ]
    );
    assert_eq!(catalog.last_active.as_deref(), Some("ws-lx1-abc123"));
    assert!(catalog.unreachable.is_empty());
    let opened = run_ready(open_workspace(&store, "ws-lx1-abc123", T1)).expect("opens");
    assert_eq!(
        opened.workspace.creators[0].categories,
        vec!["trail running", "outdoors"]
    );
    assert_eq!(opened.meta.revision, 1);
    // Listing and opening wrote only meta records: the workspace record is byte for byte
    // what the earlier version stored.
    assert_eq!(store.get_now(&workspace_key("ws-lx1-abc123")), before);
}

#[test]
fn an_index_listing_one_of_two_workspaces_hides_neither() {
    let store = legacy_store();
    let index = store.get_now(&legacy_index_key()).expect("index");
    let mut index: serde_json::Value = serde_json::from_str(&index).expect("json");
    index["workspaces"]
        .as_array_mut()
        .expect("list")
        .truncate(1);
    store.put_now(&legacy_index_key(), &index.to_string());
    assert_eq!(names(&store), vec!["Oat & Trail spring", "Autumn notes"]);
}

#[test]
fn an_index_stored_as_a_number_is_offered_for_download_and_hides_nothing() {
    let store = legacy_store();
    store.put_now(&legacy_index_key(), "5");
    let catalog = run_ready(load_catalog(&store, T1)).expect("catalog");
    assert_eq!(catalog.workspaces.len(), 2);
    assert_eq!(catalog.unreachable.len(), 1);
    assert_eq!(catalog.unreachable[0].raw, "5");
    assert!(
        catalog.unreachable[0]
            .reason
            .contains("rebuilt from the workspaces"),
        "{}",
        catalog.unreachable[0].reason
    );
}

#[test]
fn a_workspace_record_of_the_wrong_type_is_offered_with_its_reason() {
    let store = legacy_store();
    store.put_now(&workspace_key("ws-lx2-def456"), "42");
    let catalog = run_ready(load_catalog(&store, T1)).expect("catalog");
    assert_eq!(names(&store), vec!["Oat & Trail spring"]);
    let lost = &catalog.unreachable[0];
    assert_eq!(
        (lost.label.as_str(), lost.raw.as_str()),
        ("Autumn notes", "42")
    );
    assert!(
        lost.reason.contains("not a Microplan workspace"),
        "{}",
        lost.reason
    );
    let open = run_ready(open_workspace(&store, "ws-lx2-def456", T1));
    assert!(matches!(
        open,
        Err(LifecycleError::Unreadable {
            error: LoadError::NotMicroplan,
            ..
        })
    ));
}

#[test]
fn a_newer_schema_record_is_refused_and_never_overwritten() {
    let store = legacy_store();
    let newer = r#"{"app":"microplan","schema_version":99,"workspace":{"name":"From the future"}}"#;
    store.put_now(&workspace_key("ws-lx2-def456"), newer);
    let catalog = run_ready(load_catalog(&store, T1)).expect("catalog");
    assert!(
        catalog.unreachable[0].reason.contains("newer Microplan"),
        "{}",
        catalog.unreachable[0].reason
    );
    let rename = run_ready(rename_workspace(&store, "ws-lx2-def456", "Mine", T1));
    assert!(matches!(
        rename,
        Err(LifecycleError::Unreadable {
            error: LoadError::NewerVersion(99),
            ..
        })
    ));
    assert_eq!(
        store.get_now(&workspace_key("ws-lx2-def456")).as_deref(),
        Some(newer)
    );
}

#[test]
fn meta_without_a_workspace_is_removed_and_a_damaged_meta_rebuilt() {
    let store = store_with("w1", &Workspace::empty("Spring"));
    store.put_now(
        &meta_key("gone"),
        r#"{"id":"gone","name":"Gone","created_at":"","updated_at":"","rows":0,"revision":4}"#,
    );
    store.put_now(&meta_key("w1"), "{cut");
    assert_eq!(names(&store), vec!["Spring"]);
    assert_eq!(store.get_now(&meta_key("gone")), None);
    assert_eq!(
        run_ready(stored_meta(&store, "w1")).map(|seen| seen.revision()),
        Ok(StoredRevision::At(1))
    );
}

#[test]
fn unknown_records_under_our_prefix_are_listed_as_unreachable() {
    let store = store_with("w1", &Workspace::empty("Spring"));
    store.put_now("microplan/notes", "hello");
    let catalog = run_ready(load_catalog(&store, T1)).expect("catalog");
    assert_eq!(catalog.unreachable.len(), 1);
    assert_eq!(catalog.unreachable[0].raw, "hello");
    run_ready(discard_record(&store, "microplan/notes")).expect("removed");
    assert!(run_ready(load_catalog(&store, T1))
        .expect("catalog")
        .unreachable
        .is_empty());
}

#[test]
fn derived_records_are_kept_beside_their_workspace_and_go_with_it() {
    use crate::store::derived::{derived_key, read_derived, write_derived, AUDIT_INTERVALS};
    let store = store_with("w1", &Workspace::empty("Spring"));
    run_ready(create_workspace(
        &store,
        "w2",
        &Workspace::empty("Summer"),
        T0,
    ))
    .expect("created");
    run_ready(write_derived(&store, "w1", AUDIT_INTERVALS, "one".into())).expect("written");
    run_ready(write_derived(&store, "w2", AUDIT_INTERVALS, "two".into())).expect("written");
    store.put_now(&derived_key("gone", AUDIT_INTERVALS), "three");

    // Writing one changes no revision, so no tab sees a conflict.
    assert_eq!(
        run_ready(stored_meta(&store, "w1")).map(|seen| seen.revision()),
        Ok(StoredRevision::At(1))
    );
    // The catalog lists none of them and removes the one whose workspace is gone.
    let catalog = run_ready(load_catalog(&store, T1)).expect("catalog");
    assert!(catalog.unreachable.is_empty(), "{:?}", catalog.unreachable);
    assert_eq!(store.get_now(&derived_key("gone", AUDIT_INTERVALS)), None);
    assert_eq!(
        run_ready(read_derived(&store, "w1", AUDIT_INTERVALS)).as_deref(),
        Some("one")
    );

    // Deleting or discarding a workspace takes its derived records with it.
    run_ready(delete_workspace(&store, "w1", StoredRevision::At(1))).expect("deleted");
    assert_eq!(run_ready(read_derived(&store, "w1", AUDIT_INTERVALS)), None);
    run_ready(discard_record(&store, &workspace_key("w2"))).expect("discarded");
    assert_eq!(run_ready(read_derived(&store, "w2", AUDIT_INTERVALS)), None);
}
