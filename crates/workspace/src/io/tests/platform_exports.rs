//! Real platform exports from `tests/fixtures`: Instagram insights, TikTok Studio, YouTube
//! Studio's Table data.csv (with its Total row) and a Meta Business Suite export in UTF-16.
//! Their missing campaign and handle columns are filled with one value for every row, as
//! the import wizard does.

use chrono::NaiveDate;

use crate::io::mapping::propose_mapping_for_table;
use crate::io::table::TableKind;
use crate::io::typed_rows::TypedRows;
use crate::io::validate::{validate, ImportOptions, ImportPreview};
use microplan_csv::platform_exports::{fill_column, filled_header};
use microplan_csv::read::{read_csv, RawTable};
use microplan_model::money::Money;
use microplan_model::rows::DeliverableResult;

const INSTAGRAM: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/instagram_insights.csv"
));
const TIKTOK: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/tiktok_studio.csv"
));
const YOUTUBE: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/youtube_table_data.csv"
));
const META_UTF16: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/meta_export_utf16.csv"
));

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

/// Reads, fills the given columns with one value, maps by name and content, validates.
fn import(bytes: &[u8], fixed: &[(&str, &str)]) -> (RawTable, ImportPreview) {
    let mut table = read_csv(bytes).unwrap();
    let mut mapping = propose_mapping_for_table(TableKind::Results, &table);
    for (key, value) in fixed {
        let position = TableKind::Results
            .columns()
            .iter()
            .position(|c| c.key == *key)
            .unwrap();
        let header = fill_column(&mut table, &filled_header(key), value);
        mapping[position] = Some(header);
    }
    let preview = validate(
        TableKind::Results,
        &table,
        &mapping,
        &ImportOptions {
            default_currency: "EUR".into(),
        },
    );
    (table, preview)
}

fn rows(preview: &ImportPreview) -> &[DeliverableResult] {
    match &preview.valid {
        TypedRows::Results(rows) => rows,
        _ => &[],
    }
}

fn mapped(table: &RawTable, key: &str) -> Option<String> {
    let mapping = propose_mapping_for_table(TableKind::Results, table);
    let position = TableKind::Results
        .columns()
        .iter()
        .position(|c| c.key == key)?;
    mapping[position].and_then(|h| table.headers.get(h).cloned())
}

#[test]
fn instagram_insights_map_by_their_own_names() {
    let table = read_csv(INSTAGRAM).unwrap();
    let pairs = [
        ("handle", "Account username"),
        ("deliverable", "Post ID"),
        ("date", "Publish time"),
        ("views", "Views"),
        ("reach", "Reach"),
        ("saves", "saved"),
        ("link_clicks", "Link clicks"),
    ];
    for (key, header) in pairs {
        assert_eq!(mapped(&table, key).as_deref(), Some(header), "{key}");
    }
    // `Date` holds `Lifetime`, not a date; `total_interactions` is the sum of the others.
    assert!(!table.headers.is_empty() && mapped(&table, "campaign").is_none());

    let (_, preview) = import(INSTAGRAM, &[("campaign", "Spring pilot 2026")]);
    assert!(preview.can_commit_all(), "{:?}", preview.errors);
    let rows = rows(&preview);
    assert_eq!(rows.len(), 4);
    let nora = &rows[0];
    assert_eq!(
        (nora.campaign.as_str(), nora.handle.as_str()),
        ("Spring pilot 2026", "trail_nora")
    );
    assert_eq!(nora.deliverable, "18034567890123456");
    assert_eq!(nora.format.as_deref(), Some("IG reel"));
    // 04/15/2026 can only be month-first, which settles the column.
    assert_eq!(nora.date, Some(day(4, 15)));
    assert_eq!(
        (nora.views, nora.reach, nora.likes, nora.shares),
        (Some(24_310), Some(14_820), Some(1312), Some(96))
    );
    assert_eq!(
        (nora.comments, nora.saves, nora.link_clicks),
        (Some(74), Some(208), Some(412))
    );
    // The story has no likes, comments or saves: missing, not zero.
    let story = &rows[1];
    assert_eq!(
        (story.likes, story.comments, story.saves, story.views),
        (None, None, None, Some(6120))
    );
    assert_eq!(rows[3].views, None);
}

#[test]
fn tiktok_studio_export() {
    let (_, preview) = import(
        TIKTOK,
        &[
            ("campaign", "Spring pilot 2026"),
            ("handle", "@fell_and_fog"),
        ],
    );
    assert!(preview.can_commit_all(), "{:?}", preview.errors);
    let rows = rows(&preview);
    let first = &rows[0];
    assert_eq!(first.handle, "fell_and_fog");
    assert_eq!(
        first.deliverable,
        "Fell run fuel test: sourdough bar vs gel #ad"
    );
    assert_eq!(first.date, Some(day(4, 16)));
    assert_eq!(
        (first.views, first.likes, first.comments, first.shares),
        (Some(48_902), Some(3877), Some(211), Some(164))
    );
    assert_eq!((first.saves, first.reach), (Some(402), Some(31_550)));
    assert_eq!(rows[1].date, Some(day(4, 21)));
}

#[test]
fn youtube_table_data_skips_its_total_row() {
    let (table, preview) = import(
        YOUTUBE,
        &[
            ("campaign", "Spring pilot 2026"),
            ("handle", "hearthandtrail"),
        ],
    );
    assert!(
        table
            .notes
            .iter()
            .any(|n| n.contains("Total row") && n.contains("Line 2")),
        "{:?}",
        table.notes
    );
    assert!(preview.can_commit_all(), "{:?}", preview.errors);
    let rows = rows(&preview);
    assert_eq!(rows.len(), 2, "the Total row is not a deliverable");
    let trail = &rows[0];
    assert_eq!(trail.deliverable, "dQw8k2TrailA");
    assert_eq!(trail.date, Some(day(4, 18)));
    assert_eq!(
        (
            trail.views,
            trail.impressions,
            trail.likes,
            trail.comments,
            trail.shares
        ),
        (Some(14_530), Some(198_400), Some(902), Some(97), Some(52))
    );
    // Views of the two videos add up to the skipped total: 14,530 + 7,434 = 21,964.
    assert_eq!(rows.iter().filter_map(|r| r.views).sum::<u64>(), 21_964);
}

#[test]
fn meta_business_suite_utf16_tab_export() {
    let (table, preview) = import(
        META_UTF16,
        &[
            ("campaign", "Spring pilot 2026"),
            ("handle", "hearthandtrail"),
        ],
    );
    assert_eq!(
        (table.encoding, table.delimiter, table.decimal_comma),
        ("UTF-16 LE", b'\t', false)
    );
    assert!(preview.can_commit_all(), "{:?}", preview.errors);
    let rows = rows(&preview);
    assert_eq!(rows.len(), 2);
    let reel = &rows[0];
    assert_eq!(reel.deliverable, "1029384756102938_998877");
    assert_eq!(reel.date, Some(day(4, 16)));
    // Reactions are the likes; Link clicks wins over Total clicks.
    assert_eq!(
        (reel.reach, reel.views, reel.likes, reel.link_clicks),
        (Some(18_420), Some(26_310), Some(1204), Some(298))
    );
}

#[test]
fn a_filled_column_refills_and_keeps_stray_cells_after_it() {
    let mut table = read_csv(b"a,b\n1,2,stray\n3,4\n").unwrap();
    let index = fill_column(&mut table, "campaign (same for every row)", " Spring ");
    assert_eq!(index, 2);
    assert_eq!(table.rows[0].cells, ["1", "2", "Spring", "stray"]);
    assert_eq!(table.rows[1].cells, ["3", "4", "Spring"]);
    assert_eq!(
        fill_column(&mut table, "campaign (same for every row)", "Autumn"),
        2
    );
    assert_eq!(table.rows[1].cells, ["3", "4", "Autumn"]);
}

#[test]
fn cost_parts_import_and_cost_basis() {
    let csv = "campaign,handle,deliverable,cost,fee,product_value,shipping,currency\n\
               Spring,nora,reel,,250,32,,EUR\n\
               Spring,tom,reel,300,,,,EUR\n";
    let table = read_csv(csv.as_bytes()).unwrap();
    let mapping = propose_mapping_for_table(TableKind::Results, &table);
    let preview = validate(
        TableKind::Results,
        &table,
        &mapping,
        &ImportOptions::default(),
    );
    assert!(preview.can_commit_all(), "{:?}", preview.errors);
    let rows = rows(&preview);
    assert_eq!(
        (rows[0].cost.clone(), rows[0].fee.clone()),
        (None, Some(Money::new(250.0, "EUR")))
    );
    assert_eq!(rows[0].shipping, None, "missing, not zero");
    // 250 + 32 = 282, shipping named as not given.
    let basis = rows[0].cost_basis().unwrap();
    assert_eq!(
        (basis.total.amount, basis.missing_parts),
        (282.0, vec!["shipping"])
    );
    assert_eq!(rows[1].cost_basis().map(|b| b.total.amount), Some(300.0));
}
