//! A merge planned a few keys at a time (as a large import does between repaints) puts every
//! row where the merge at once does, with the same counts.

use super::preview_of;
use crate::io::apply::{apply_preview, apply_preview_planned, ImportMode, MergePlan};
use crate::io::table::TableKind;
use crate::Workspace;

const FILE: &str =
    "handle,platform,followers\nNORA,instagram,15\nava,instagram,30\nzoe,instagram,40\n";

/// Stored: nora (with a fee the file lacks) and ben.
fn stored() -> Workspace {
    let preview = preview_of(
        TableKind::Creators,
        "handle,platform,followers,fee,currency\nnora,instagram,10,250,EUR\nben,instagram,20,,\n",
    );
    let mut workspace = Workspace::empty("Brand");
    apply_preview(&mut workspace, preview, ImportMode::Replace);
    workspace
}

/// Plans the file against `workspace` one key at a time, then applies the plan.
fn planned(workspace: &mut Workspace, mode: ImportMode) -> crate::io::apply::ImportSummary {
    let preview = preview_of(TableKind::Creators, FILE);
    let spec = TableKind::Creators.spec();
    let mut plan = MergePlan::new(mode);
    for row in 0..(spec.row_count)(workspace) {
        plan.index_stored((spec.match_keys)(workspace, row..row + 1));
    }
    for row in 0..preview.valid_count() {
        plan.place_incoming(preview.valid.match_keys(row..row + 1));
    }
    apply_preview_planned(workspace, preview, plan.finish())
}

fn followers_and_fees(workspace: &Workspace) -> Vec<(String, u64, Option<f64>)> {
    workspace
        .creators
        .iter()
        .map(|c| {
            (
                c.handle.clone(),
                c.followers,
                c.fee.as_ref().map(|f| f.amount),
            )
        })
        .collect()
}

#[test]
fn a_merge_planned_key_by_key_matches_the_merge_at_once() {
    let mut at_once = stored();
    let whole = apply_preview(
        &mut at_once,
        preview_of(TableKind::Creators, FILE),
        ImportMode::Merge,
    );
    let mut stepped = stored();
    let summary = planned(&mut stepped, ImportMode::Merge);
    assert_eq!(summary, whole);
    // NORA updates nora and keeps its fee; ava and zoe are new.
    assert_eq!((summary.added, summary.updated, summary.removed), (2, 1, 0));
    assert_eq!(
        followers_and_fees(&stepped),
        vec![
            ("NORA".to_string(), 15, Some(250.0)),
            ("ben".to_string(), 20, None),
            ("ava".to_string(), 30, None),
            ("zoe".to_string(), 40, None),
        ]
    );
    assert_eq!(followers_and_fees(&stepped), followers_and_fees(&at_once));
}

#[test]
fn a_replace_planned_key_by_key_counts_what_the_replace_at_once_counts() {
    let mut at_once = stored();
    let whole = apply_preview(
        &mut at_once,
        preview_of(TableKind::Creators, FILE),
        ImportMode::Replace,
    );
    let mut stepped = stored();
    let summary = planned(&mut stepped, ImportMode::Replace);
    assert_eq!(summary, whole);
    // NORA matches nora; ben is removed; ava and zoe are new.
    assert_eq!((summary.added, summary.updated, summary.removed), (2, 1, 1));
    assert_eq!(followers_and_fees(&stepped), followers_and_fees(&at_once));
    assert_eq!(stepped.creators.len(), 3);
}

fn keys(list: &[&str]) -> Vec<String> {
    list.iter().map(|key| key.to_string()).collect()
}

#[test]
fn a_plan_counts_repeated_keys_as_the_merge_does() {
    // Stored a, b, a; the file a, c, c.
    let mut merge = MergePlan::new(ImportMode::Merge);
    merge.index_stored(keys(&["a", "b"]));
    merge.index_stored(keys(&["a"]));
    merge.place_incoming(keys(&["a", "c"]));
    merge.place_incoming(keys(&["c"]));
    // a updates the first stored a; the second c updates the c added just before.
    let summary = merge.finish().summary;
    assert_eq!((summary.added, summary.updated, summary.removed), (1, 2, 0));
    let mut replace = MergePlan::new(ImportMode::Replace);
    replace.index_stored(keys(&["a", "b", "a"]));
    replace.place_incoming(keys(&["a", "c", "c"]));
    // Each file row counts against the stored rows only; b is the one row not in the file.
    let summary = replace.finish().summary;
    assert_eq!((summary.added, summary.updated, summary.removed), (2, 1, 1));
}
