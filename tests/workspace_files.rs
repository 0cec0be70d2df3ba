//! Opening workspace files: too large, not UTF-8, values out of range and handles that would
//! not read back are refused with a reason; a file in range opens unchanged.

use microplan_csv::read::read_csv;
use microplan_demo::demo_workspace;
use microplan_model::limits::MAX_FILE_BYTES;
use microplan_model::rows::{Creator, PipelineStatus};
use microplan_workspace::io::apply::{apply_import, ImportMode};
use microplan_workspace::io::export::export_csv;
use microplan_workspace::io::mapping::propose_mapping;
use microplan_workspace::io::table::TableKind;
use microplan_workspace::io::validate::{validate, ImportOptions};
use microplan_workspace::store::encode_workspace;
use microplan_workspace::store::validate::{decode_workspace_file, FileError};
use microplan_workspace::Workspace;

fn file_of(workspace: &Workspace) -> Vec<u8> {
    encode_workspace(workspace, "2026-12-05T10:00:00Z").into_bytes()
}

#[test]
fn a_file_in_range_opens_unchanged() {
    let demo = demo_workspace();
    assert!(decode_workspace_file(&file_of(&demo)) == Ok(demo));
}

#[test]
fn invalid_utf8_is_refused_with_its_byte_offset() {
    let mut bytes = file_of(&Workspace::empty("Brand"));
    let offset = bytes
        .iter()
        .position(|b| *b == b'B')
        .expect("the name is in the file");
    bytes[offset] = 0xFF;
    let error = decode_workspace_file(&bytes).expect_err("refused");
    assert_eq!(error, FileError::NotUtf8 { offset });
    assert_eq!(
        error.to_string(),
        format!(
            "the file is not UTF-8 text: the bytes at offset {offset} (counted from 0) are not valid UTF-8; it may be \
             damaged, or saved in another encoding"
        )
    );
}

#[test]
fn a_file_above_200_mb_is_refused_before_it_is_decoded() {
    let bytes = vec![b' '; MAX_FILE_BYTES + 1];
    let error = decode_workspace_file(&bytes).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "the file is 201 MB, above the limit of 200 MB for a workspace file"
    );
}

#[test]
fn a_60_mb_name_is_refused_with_the_field_and_limit() {
    let workspace = Workspace::empty(&"n".repeat(60 * 1024 * 1024));
    let error = decode_workspace_file(&file_of(&workspace)).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "some values are out of range: name: the text is 62,914,560 characters long; at most 10,000 fit a field (shorten it)."
    );
}

#[test]
fn dates_at_the_calendars_limits_are_refused_on_import() {
    let text = r#"{"app":"microplan","schema_version":3,"workspace":{"name":"Edge","results":[
        {"campaign":"c","handle":"a","deliverable":"d","date":"-262143-01-01","reach":null,"views":null,
         "impressions":null,"likes":null,"comments":null,"shares":null,"saves":null,"link_clicks":null,
         "code_redemptions":null,"orders":null,"revenue":null,"cost":null,"disclosure_present":null}]}}"#;
    let error = decode_workspace_file(text.as_bytes()).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "some values are out of range: results, row 1, date: The date (-262143-01-01) is outside the dates \
         Microplan works with, 1900-01-01 to 2200-12-31: check the year."
    );
}

fn creator(handle: &str) -> Creator {
    Creator {
        handle: handle.into(),
        platform: "instagram".into(),
        display_name: None,
        followers: 5,
        following: None,
        categories: vec![],
        communities: vec![],
        country: None,
        fee: None,
        contact: None,
        status: PipelineStatus::Prospect,
        account_created: None,
        audience: Default::default(),
    }
}

/// The creators of `workspace` exported as CSV and imported again.
fn re_imported_handles(workspace: &Workspace) -> Vec<String> {
    let csv = export_csv(TableKind::Creators, workspace);
    let Ok(table) = read_csv(csv.as_bytes()) else {
        return Vec::new();
    };
    let mapping = propose_mapping(TableKind::Creators, &table.headers);
    let preview = validate(
        TableKind::Creators,
        &table,
        &mapping,
        &ImportOptions::default(),
    );
    let mut imported = Workspace::empty("x");
    apply_import(&mut imported, preview.valid, ImportMode::Replace);
    imported
        .creators
        .into_iter()
        .map(|c| c.handle.clone())
        .collect()
}

#[test]
fn handles_that_would_change_on_re_import_are_refused_and_clean_ones_round_trip() {
    let mut workspace = Workspace::empty("Brand");
    // "@" would be dropped on re-import and a leading U+FEFF lost: a file holding them is
    // refused, naming the row.
    workspace.creators = vec![creator("trail_nora"), creator("@"), creator("\u{feff}lena")].into();
    let error = decode_workspace_file(&file_of(&workspace)).expect_err("refused");
    let message = error.to_string();
    assert!(
        message.contains("creators, row 2, handle: the handle `@` is empty"),
        "{message}"
    );
    assert!(
        message.contains("creators, row 3, handle: the handle `\\u{feff}lena` has a leading @"),
        "{message}"
    );
    // What import stores reads back the same from an export.
    workspace.creators = vec![
        creator("trail_nora"),
        creator("lena\u{feff}x"),
        creator("@@x"),
    ]
    .into();
    assert_eq!(
        re_imported_handles(&workspace),
        vec!["trail_nora", "lena\u{feff}x", "x"]
    );
    let imported = Workspace {
        creators: re_imported_handles(&workspace)
            .iter()
            .map(|h| creator(h))
            .collect(),
        ..Workspace::empty("Brand")
    };
    assert_eq!(
        re_imported_handles(&imported),
        vec!["trail_nora", "lena\u{feff}x", "x"]
    );
}
