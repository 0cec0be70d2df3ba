use super::*;
use microplan_model::shared::Shared;

fn meta(id: &str, name: &str, revision: u64) -> WorkspaceMeta {
    WorkspaceMeta {
        id: id.into(),
        name: name.into(),
        created_at: "2026-11-01T09:00:00.000Z".into(),
        updated_at: "2026-11-02T09:00:00.000Z".into(),
        rows: 0,
        revision,
    }
}

fn index(metas: Vec<WorkspaceMeta>) -> WorkspaceIndex {
    WorkspaceIndex {
        active: None,
        workspaces: metas,
    }
}

#[test]
fn the_open_workspace_stays_active_while_it_is_listed() {
    let listed = [meta("a", "Spring", 1), meta("b", "Autumn", 1)];
    let active = active_after_listing(&listed, Some("b".into()), Some("a".into()));
    assert_eq!(active.as_deref(), Some("b"));
}

#[test]
fn a_vanished_open_workspace_gives_way_to_the_last_active_then_the_oldest() {
    let listed = [meta("a", "Spring", 1), meta("b", "Autumn", 1)];
    let last = active_after_listing(&listed, Some("gone".into()), Some("b".into()));
    assert_eq!(last.as_deref(), Some("b"));
    let oldest = active_after_listing(&listed, Some("gone".into()), None);
    assert_eq!(oldest.as_deref(), Some("a"));
    assert_eq!(active_after_listing(&[], None, None), None);
}

#[test]
fn a_delete_expects_what_this_tab_saw_of_the_open_one_and_the_list_of_others() {
    let list = index(vec![meta("a", "Spring", 4), meta("b", "Autumn", 9)]);
    // The open one: this tab's own last revision, even if the list is older.
    let open = revision_to_delete(&list, "a", Some(("a", StoredRevision::At(6))));
    assert_eq!(open, StoredRevision::At(6));
    // Another one: the revision the list shows.
    let other = revision_to_delete(&list, "b", Some(("a", StoredRevision::At(6))));
    assert_eq!(other, StoredRevision::At(9));
    assert_eq!(revision_to_delete(&list, "b", None), StoredRevision::At(9));
    assert_eq!(
        revision_to_delete(&list, "zzz", None),
        StoredRevision::Absent
    );
}

#[test]
fn typed_names_are_trimmed_and_blank_is_refused() {
    assert_eq!(
        typed_name("  Hearth & Trail  ").as_deref(),
        Some("Hearth & Trail")
    );
    assert_eq!(typed_name("   "), None);
    assert_eq!(typed_name(""), None);
}

#[test]
fn a_copy_is_named_after_its_source_and_numbered_when_taken() {
    let list = index(vec![meta("a", "Spring", 1)]);
    assert_eq!(copy_name(&list, "a"), "Spring (copy)");
    let with_copy = index(vec![meta("a", "Spring", 1), meta("c", "Spring (copy)", 1)]);
    assert_eq!(copy_name(&with_copy, "a"), "Spring (copy) (2)");
}

#[test]
fn a_save_writes_every_table_when_storage_is_unknown_else_only_changed_ones() {
    let workspace = Workspace::empty("Spring");
    assert_eq!(tables_to_write(&workspace, None), TABLES.to_vec());
    let stored = workspace.clone();
    assert!(tables_to_write(&workspace, Some(&stored)).is_empty());
    let mut edited = workspace.clone();
    edited.posts = Shared::new(Vec::new());
    assert_eq!(tables_to_write(&edited, Some(&stored)), vec!["posts"]);
}

#[test]
fn autosave_waits_long_only_for_a_table_that_was_slow_to_write() {
    assert!(!autosave_waits_long(&[], None));
    assert!(!autosave_waits_long(&[], Some(&["creators"])));
    assert!(autosave_waits_long(
        &["creators"],
        Some(&["posts", "creators"])
    ));
    assert!(!autosave_waits_long(&["creators"], Some(&["posts"])));
    // Nothing open to compare: the long pause is the safe one.
    assert!(autosave_waits_long(&["creators"], None));
}

#[test]
fn another_tabs_write_is_judged_against_what_this_tab_saw() {
    let ours = SeenMeta(Some("{\"revision\":3}".into()));
    let theirs = SeenMeta(Some("{\"revision\":4}".into()));
    let deleted = SeenMeta(None);
    assert_eq!(
        judge_other_tab_write(&ours, &ours, false, true),
        OtherTabWrite::NothingNew
    );
    assert_eq!(
        judge_other_tab_write(&theirs, &ours, true, true),
        OtherTabWrite::NothingNew
    );
    assert_eq!(
        judge_other_tab_write(&theirs, &ours, false, true),
        OtherTabWrite::Conflict { deleted: false }
    );
    assert_eq!(
        judge_other_tab_write(&deleted, &ours, false, true),
        OtherTabWrite::Conflict { deleted: true }
    );
    assert_eq!(
        judge_other_tab_write(&deleted, &ours, false, false),
        OtherTabWrite::Deleted
    );
    assert_eq!(
        judge_other_tab_write(&theirs, &ours, false, false),
        OtherTabWrite::Changed
    );
}
