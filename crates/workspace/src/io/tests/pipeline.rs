//! Reading, mapping, applying and exporting, checked on small hand-written files.

use chrono::NaiveDate;

use super::preview_of;

use crate::io::apply::{apply_import, apply_preview, ImportMode, ImportSummary};
use crate::io::export::{export_csv, table_cells};
use crate::io::mapping::propose_mapping;
use crate::io::table::TableKind;
use crate::io::typed_rows::TypedRows;
use crate::io::validate::{validate, ImportOptions, Validation, MAX_STORED_ERRORS};
use crate::Workspace;
use microplan_csv::decode::ReadError;
use microplan_csv::read::read_csv;
use microplan_model::money::Money;
use microplan_model::rows::{Community, Creator, PipelineStatus, TestArm};

fn creator(handle: &str, followers: u64) -> Creator {
    Creator {
        handle: handle.into(),
        platform: "instagram".into(),
        display_name: None,
        followers,
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

#[test]
fn table_kinds_describe_themselves() {
    let labels: Vec<&str> = TableKind::ALL.iter().map(|kind| kind.label()).collect();
    assert_eq!(
        labels,
        [
            "Creators",
            "Posts",
            "Follower history",
            "Comment summaries",
            "Communities",
            "Campaign results",
            "Test arms",
            "Test daily series",
            "Activation plans",
            "Gifting history",
            "Tracking links and codes",
            "Shop discount codes",
            "Shop orders",
            "Link visits",
            "Survey answers",
            "Creator codes made elsewhere"
        ]
    );
    for kind in TableKind::ALL {
        assert!(!kind.describe().is_empty() && !kind.file_stem().contains(' '));
        let columns = kind.columns();
        for key in kind.key_columns() {
            assert!(
                columns.iter().any(|c| c.key == *key && c.required),
                "{kind:?} {key}"
            );
        }
        // Exported headers map back to themselves.
        let headers: Vec<String> = columns.iter().map(|c| c.key.to_string()).collect();
        let identity: Vec<Option<usize>> = (0..columns.len()).map(Some).collect();
        assert_eq!(propose_mapping(kind, &headers), identity, "{kind:?}");
        assert_eq!(TypedRows::empty(kind).kind(), kind);
    }
}

#[test]
fn sniffs_delimiters_and_honours_quotes() {
    let cases: [(&str, u8); 5] = [
        ("handle,followers\na,1\n", b','),
        ("handle;followers\na;1,5\n", b';'),
        ("handle\tfollowers\n\"a,b\"\t1\n", b'\t'),
        ("handle|followers\na|1\n", b'|'),
        ("\"handle;x\",followers\n\"a;b\",1\n", b','),
    ];
    for (csv, delimiter) in cases {
        assert_eq!(
            read_csv(csv.as_bytes()).unwrap().delimiter,
            delimiter,
            "{csv:?}"
        );
    }
}

#[test]
fn blank_lines_ragged_rows_and_header_cleanup() {
    let csv = "\u{FEFF} Handle ,Followers,,\r\n\r\n a ,1\r\n\r\n,,\r\nb,2,,\r\nc,3,oops\r\n";
    let table = read_csv(csv.as_bytes()).unwrap();
    assert_eq!(table.headers, ["Handle", "Followers"]);
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 6, 7]);
    assert_eq!(table.rows[0].cells, ["a", "1"]);
    assert_eq!(table.rows[1].cells, ["b", "2"]);
    assert_eq!(table.rows[2].cells, ["c", "3", "oops"]);
    let short = read_csv(b"a,b,c\n1\n").unwrap();
    assert_eq!(short.rows[0].cells, ["1", "", ""]);
    let preview = validate(
        TableKind::FollowerHistory,
        &read_csv(b"handle,date,followers\nx,2026-01-01,5,extra\n").unwrap(),
        &vec![Some(0), Some(1), Some(2)],
        &ImportOptions::default(),
    );
    assert_eq!(preview.valid_count(), 0);
    assert!(preview.errors[0]
        .to_string()
        .contains("this row has 4 cells but the header has 3"));
}

#[test]
fn read_errors_say_how_to_fix_the_file() {
    assert_eq!(read_csv(b"").unwrap_err(), ReadError::Empty);
    assert!(read_csv(b"\xff\x00\xfe\x01garbage\x80\x81").is_err());
    // "name\n" is 5 bytes and "Jos" 3 more: the Latin-1 é is at offset 8, on line 2.
    let message = read_csv(b"name\nJos\xe9\n").unwrap_err().to_string();
    assert!(
        message
            .starts_with("The file is not UTF-8 text: byte offset 8 (line 2) holds the byte 0xE9")
            && message.contains("re-save it as CSV UTF-8"),
        "{message}"
    );
    assert!(read_csv(b"sep=;\n").is_err());
}

#[test]
fn missing_required_columns_block_the_import() {
    let preview = preview_of(TableKind::Creators, "name,followers,Notes\nNora,10,x\n");
    // By the labels the mapping screen shows, not the keys.
    assert_eq!(preview.missing_required, ["Handle", "Platform"]);
    assert_eq!(preview.unmapped_columns, ["Notes"]);
    assert!(preview.errors.is_empty());
    assert_eq!(preview.valid_count(), 0);
    assert!(!preview.can_commit_all());
}

#[test]
fn money_needs_a_currency_and_symbols_must_agree() {
    let table = read_csv(b"handle,platform,followers,fee,currency\na,ig,1,120,\nb,ig,1,$120,CAD\nc,ig,1,\xe2\x82\xac120,GBP\nd,ig,1,5,euro\n").unwrap();
    let mapping = propose_mapping(TableKind::Creators, &table.headers);
    let preview = validate(
        TableKind::Creators,
        &table,
        &mapping,
        &ImportOptions::default(),
    );
    let messages: Vec<String> = preview.errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].starts_with("row 1 (line 2), column `fee`: `120` has no currency"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("`€120` is in EUR but the currency column says GBP"),
        "{messages:?}"
    );
    assert!(
        messages[2].contains("column `currency`: `euro` is not a currency"),
        "{messages:?}"
    );
    let TypedRows::Creators(rows) = &preview.valid else {
        panic!()
    };
    assert_eq!(rows[0].fee, Some(Money::new(120.0, "CAD")));
    assert_eq!(rows[0].platform, "instagram");
}

#[test]
fn test_arms_named_control_are_controls_without_a_column() {
    let preview = preview_of(
        TableKind::TestArms,
        "test,arm,units,conversions\nT,Control,100,5\nT,Creators,120,9\n",
    );
    let TypedRows::TestArms(arms) = &preview.valid else {
        panic!()
    };
    assert_eq!(
        arms.iter().map(|a| a.is_control).collect::<Vec<_>>(),
        [true, false]
    );
}

#[test]
fn errors_beyond_the_cap_are_counted() {
    let mut csv = String::from("handle,date,followers\n");
    for _ in 0..MAX_STORED_ERRORS + 5 {
        csv.push_str("a,2026-01-01,many\n");
    }
    let table = read_csv(csv.as_bytes()).unwrap();
    let mapping = propose_mapping(TableKind::FollowerHistory, &table.headers);
    let mut validation = Validation::new(
        TableKind::FollowerHistory,
        &table.headers,
        &mapping,
        false,
        &ImportOptions::default(),
    );
    for chunk in table.rows.chunks(100) {
        validation.push_rows(chunk);
    }
    let preview = validation.finish();
    assert_eq!(
        (
            preview.errors.len(),
            preview.more_errors,
            preview.error_count()
        ),
        (MAX_STORED_ERRORS, 5, MAX_STORED_ERRORS + 5)
    );
    assert_eq!(preview.rows_with_errors, MAX_STORED_ERRORS + 5);
    assert_eq!(
        preview.errors.last().map(|e| e.row),
        Some(MAX_STORED_ERRORS)
    );
}

#[test]
fn replace_and_merge_count_by_key() {
    let mut workspace = Workspace::empty("Brand");
    workspace.creators = vec![creator("Nora", 10), creator("ben", 20)].into();
    workspace.creators[0].status = PipelineStatus::Active;
    workspace.creators[0].fee = Some(Money::new(250.0, "EUR"));
    let incoming = vec![creator("nora", 15), creator("ava", 30)];
    let mut merged = workspace.clone();
    let summary = apply_import(
        &mut merged,
        TypedRows::Creators(incoming.clone()),
        ImportMode::Merge,
    );
    assert_eq!(
        summary,
        ImportSummary {
            added: 1,
            updated: 1,
            removed: 0
        }
    );
    assert_eq!(
        merged
            .creators
            .iter()
            .map(|c| (c.handle.as_str(), c.followers))
            .collect::<Vec<_>>(),
        [("nora", 15), ("ben", 20), ("ava", 30)]
    );
    // A plain merge replaces the whole row ...
    assert_eq!(merged.creators[0].status, PipelineStatus::Prospect);
    // ... while merging a preview keeps the columns the file did not have.
    let mut kept = workspace.clone();
    let preview = preview_of(
        TableKind::Creators,
        "handle,platform,followers\n@nora,instagram,15\nava,instagram,30\n",
    );
    let summary = apply_preview(&mut kept, preview, ImportMode::Merge);
    assert_eq!(
        summary,
        ImportSummary {
            added: 1,
            updated: 1,
            removed: 0
        }
    );
    assert_eq!(
        (kept.creators[0].followers, kept.creators[0].status),
        (15, PipelineStatus::Active)
    );
    assert_eq!(kept.creators[0].fee, Some(Money::new(250.0, "EUR")));
    let summary = apply_import(
        &mut workspace,
        TypedRows::Creators(incoming.clone()),
        ImportMode::Replace,
    );
    assert_eq!(
        summary,
        ImportSummary {
            added: 1,
            updated: 1,
            removed: 1
        }
    );
    assert_eq!(workspace.creators, incoming.into());
}

#[test]
fn export_is_rfc_4180_with_formula_guard() {
    let mut workspace = Workspace::empty("Brand");
    workspace.communities.push(Community {
        name: "=HYPERLINK(\"x\")".into(),
        description: "Runs, \"fells\"\nand trails".into(),
        hashtags: vec!["#trail".into(), "-ultra".into()],
        where_online: Some("@forum".into()),
    });
    workspace.test_arms.push(TestArm {
        test: "Holdout".into(),
        arm: "control".into(),
        is_control: true,
        units: 1200,
        conversions: 36,
        revenue: Some(Money::new(-0.5, "eur")),
    });
    assert_eq!(
        export_csv(TableKind::Communities, &workspace),
        "name,description,hashtags,where_online\r\n\"'=HYPERLINK(\"\"x\"\")\",\"Runs, \"\"fells\"\"\nand trails\",#trail; -ultra,'@forum\r\n"
    );
    assert_eq!(
        export_csv(TableKind::TestArms, &workspace),
        "test,arm,is_control,units,conversions,revenue,revenue_currency\r\nHoldout,control,true,1200,36,-0.5,EUR\r\n"
    );
    assert_eq!(
        export_csv(TableKind::Posts, &workspace),
        format!(
            "{}\r\n",
            TableKind::Posts
                .columns()
                .iter()
                .map(|c| c.key)
                .collect::<Vec<_>>()
                .join(",")
        )
    );
    // Display cells carry no guard.
    assert_eq!(
        table_cells(TableKind::Communities, &workspace, 0..1)[0][0],
        "=HYPERLINK(\"x\")"
    );
}

#[test]
fn table_cells_clamp_out_of_range() {
    let mut workspace = Workspace::empty("Brand");
    workspace.creators = vec![creator("a", 1), creator("b", 2)].into();
    workspace.creators[1].account_created = NaiveDate::from_ymd_opt(2020, 5, 17);
    assert_eq!(table_cells(TableKind::Creators, &workspace, 1..99).len(), 1);
    assert_eq!(
        table_cells(TableKind::Creators, &workspace, 1..2)[0][12],
        "2020-05-17"
    );
    assert!(table_cells(TableKind::Creators, &workspace, 5..9).is_empty());
    #[allow(clippy::reversed_empty_ranges)]
    let backwards = table_cells(TableKind::Creators, &workspace, 2..1);
    assert!(backwards.is_empty());
    for kind in TableKind::ALL {
        assert!(table_cells(kind, &Workspace::default(), 0..usize::MAX).is_empty());
    }
}

#[test]
fn mapping_folds_case_accents_units_and_brackets_but_not_loose_words() {
    let headers: Vec<String> = [
        "Catégories",
        "Followers (Nov 2026)",
        "Engagement rate",
        "E-mail",
        "USER NAME",
        "Plateforme",
        "Fee (EUR)",
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    let mapping = propose_mapping(TableKind::Creators, &headers);
    let mapped: Vec<(&str, &str)> = TableKind::Creators
        .columns()
        .iter()
        .zip(&mapping)
        .filter_map(|(column, header)| header.map(|h| (column.key, headers[h].as_str())))
        .collect();
    assert_eq!(
        mapped,
        [
            ("handle", "USER NAME"),
            ("followers", "Followers (Nov 2026)"),
            ("categories", "Catégories"),
            ("fee", "Fee (EUR)"),
            ("contact", "E-mail")
        ]
    );
}

#[test]
fn na_is_namibia_in_a_country_column() {
    let preview = preview_of(
        TableKind::Creators,
        "handle,platform,followers,country,contact\nx,ig,1,NA,NA\n",
    );
    let TypedRows::Creators(rows) = &preview.valid else {
        panic!()
    };
    assert_eq!(
        (rows[0].country.as_deref(), rows[0].contact.as_deref()),
        (Some("NA"), None)
    );
}

#[test]
fn header_only_files_import_nothing() {
    let preview = preview_of(TableKind::Communities, "name,description\n");
    assert_eq!((preview.total_rows, preview.valid_count()), (0, 0));
    assert!(!preview.can_commit_all());
}
