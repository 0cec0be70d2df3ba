//! Which tables a save writes: only those changed since the stored copy.

use microplan_demo::demo_workspace;
use microplan_workspace::tables::changed_tables;

#[test]
fn only_the_tables_written_since_the_stored_copy_count_as_changed() {
    let stored = demo_workspace();
    let mut current = stored.clone();
    assert!(changed_tables(&current, &stored).is_empty());
    current.name = "Renamed".into();
    assert!(
        changed_tables(&current, &stored).is_empty(),
        "the name is not a table"
    );
    current.creator_reviews.clear();
    current.programme.briefs.briefs.clear();
    assert_eq!(
        changed_tables(&current, &stored),
        vec!["creator_reviews", "programme"]
    );
}
