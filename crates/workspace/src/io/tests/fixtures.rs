//! Real-looking files from `tests/fixtures/csv`, read end to end.

use chrono::NaiveDate;

use crate::io::mapping::{propose_mapping, propose_mapping_for_table};
use crate::io::table::TableKind;
use crate::io::typed_rows::TypedRows;
use crate::io::validate::{validate, ImportOptions, ImportPreview};
use microplan_csv::read::read_csv;
use microplan_model::money::Money;
use microplan_model::rows::PipelineStatus;

const EU_RESULTS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/csv/results_eu_semicolon_bom.csv"
));
const META_POSTS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/csv/posts_meta_utf16le.csv"
));
const SEP_LINE: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/csv/creators_sep_line.csv"
));
const ODD_CREATORS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/csv/creators_odd_headers.csv"
));
const BAD_POSTS: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/csv/posts_with_mistakes.csv"
));

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn import(kind: TableKind, bytes: &[u8], currency: &str) -> ImportPreview {
    let table = read_csv(bytes).unwrap();
    let mapping = propose_mapping_for_table(kind, &table);
    validate(
        kind,
        &table,
        &mapping,
        &ImportOptions {
            default_currency: currency.into(),
        },
    )
}

#[test]
fn european_semicolon_export_with_bom_and_decimal_commas() {
    let table = read_csv(EU_RESULTS).unwrap();
    assert_eq!(
        (table.encoding, table.delimiter, table.decimal_comma),
        ("UTF-8 with BOM", b';', true)
    );
    assert_eq!(table.headers[0], "Campaign");
    assert_eq!(table.rows.len(), 4);
    assert_eq!(table.rows[3].line, 5);
    let preview = import(TableKind::Results, EU_RESULTS, "");
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    assert!(preview.can_commit_all());
    let TypedRows::Results(rows) = &preview.valid else {
        panic!()
    };
    let lena = &rows[0];
    assert_eq!(
        (lena.handle.as_str(), lena.deliverable.as_str()),
        ("peakpace_lena", "Reel 1")
    );
    assert_eq!(lena.date, Some(day(2026, 3, 14)));
    assert_eq!(
        (lena.reach, lena.likes, lena.link_clicks, lena.orders),
        (Some(12_480), Some(1034), Some(312), Some(27))
    );
    assert_eq!(lena.revenue, Some(Money::new(1234.5, "EUR")));
    // The only currency column serves the cost as well.
    assert_eq!(lena.cost, Some(Money::new(250.0, "EUR")));
    assert_eq!(lena.disclosure_present, Some(true));
    assert_eq!(rows[1].link_clicks, Some(1188));
    let story = &rows[2];
    assert_eq!(
        (story.likes, story.comments, story.disclosure_present),
        (None, None, Some(false))
    );
    assert_eq!(story.cost, Some(Money::new(95.5, "EUR")));
    // `-`, `n/a` and `—` are missing, not zero.
    let carousel = &rows[3];
    assert_eq!(
        (
            carousel.link_clicks,
            carousel.code_redemptions,
            carousel.orders
        ),
        (None, None, None)
    );
    assert_eq!(
        (carousel.revenue.clone(), carousel.disclosure_present),
        (Some(Money::new(0.0, "EUR")), None)
    );
}

#[test]
fn meta_utf16_tab_export_with_us_dates() {
    let table = read_csv(META_POSTS).unwrap();
    assert_eq!(
        (table.encoding, table.delimiter, table.decimal_comma),
        ("UTF-16 LE", b'\t', false)
    );
    assert_eq!(table.rows.len(), 3);
    // The first post's description spans two lines.
    assert_eq!((table.rows[0].line, table.rows[1].line), (2, 4));
    assert!(table.rows[0].cells[4].contains("\nFull session"));
    // By name alone `Date` wins; its cells say `Lifetime`, so the table-aware mapping
    // uses `Publish time` instead.
    let date_column = TableKind::Posts
        .columns()
        .iter()
        .position(|c| c.key == "date")
        .unwrap();
    let by_name = propose_mapping(TableKind::Posts, &table.headers);
    assert_eq!(
        by_name[date_column].map(|h| table.headers[h].as_str()),
        Some("Date")
    );
    let by_content = propose_mapping_for_table(TableKind::Posts, &table);
    assert_eq!(
        by_content[date_column].map(|h| table.headers[h].as_str()),
        Some("Publish time")
    );

    let preview = import(TableKind::Posts, META_POSTS, "EUR");
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    let TypedRows::Posts(posts) = &preview.valid else {
        panic!()
    };
    let first = &posts[0];
    assert_eq!(
        (first.handle.as_str(), first.post_id.as_str()),
        ("peakpace_lena", "18034567890123456")
    );
    // 03/02 is settled month-first by 03/14 on the next row.
    assert_eq!(first.date, day(2026, 3, 2));
    assert_eq!(posts[1].date, day(2026, 3, 14));
    assert_eq!(
        (first.likes, first.comments, first.views, first.reach),
        (942, 61, Some(20_431), Some(11_873))
    );
    assert_eq!(
        (first.impressions, first.shares, first.saves),
        (Some(15_204), Some(38), Some(154))
    );
    assert_eq!(
        (first.format.as_str(), first.sponsored, first.disclosure),
        ("IG reel", false, None)
    );
    assert_eq!(posts[1].views, None);
    assert!(
        preview
            .notes
            .iter()
            .any(|note| note.contains("month-first")),
        "{:?}",
        preview.notes
    );
}

#[test]
fn excel_sep_line_sets_the_delimiter() {
    let table = read_csv(SEP_LINE).unwrap();
    assert_eq!((table.delimiter, table.decimal_comma), (b';', true));
    assert_eq!(
        table.headers,
        [
            "handle",
            "platform",
            "followers",
            "fee",
            "fee_currency",
            "status"
        ]
    );
    assert_eq!(table.rows[0].line, 3);
    let preview = import(TableKind::Creators, SEP_LINE, "");
    assert!(preview.can_commit_all(), "{:?}", preview.errors);
    let TypedRows::Creators(creators) = &preview.valid else {
        panic!()
    };
    assert_eq!(
        (creators[0].handle.as_str(), creators[0].platform.as_str()),
        ("ridge_runner_ava", "instagram")
    );
    assert_eq!(creators[0].followers, 8450);
    assert_eq!(creators[0].fee, Some(Money::new(1250.0, "EUR")));
    assert_eq!(creators[0].status, PipelineStatus::Vetted);
    assert_eq!(
        (creators[1].platform.as_str(), creators[1].followers),
        ("tiktok", 23_100)
    );
    assert_eq!(creators[1].fee, Some(Money::new(980.5, "EUR")));
}

#[test]
fn hand_made_creator_list_with_odd_headers_and_multiline_notes() {
    let table = read_csv(ODD_CREATORS).unwrap();
    assert_eq!(table.delimiter, b',');
    assert_eq!(table.rows.len(), 3);
    assert_eq!(
        table.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        [2, 6, 7]
    );
    assert_eq!(
        table.rows[0].cells[5],
        "Met at Keswick Mountain Festival.\nWants a \"long-term\" deal, not one-offs."
    );
    let mapping = propose_mapping(TableKind::Creators, &table.headers);
    let mapped: Vec<(&str, &str)> = TableKind::Creators
        .columns()
        .iter()
        .zip(&mapping)
        .filter_map(|(column, header)| header.map(|h| (column.key, table.headers[h].as_str())))
        .collect();
    assert_eq!(
        mapped,
        [
            ("handle", "Username"),
            ("platform", "Platform"),
            ("followers", "Follower Count"),
            ("categories", "Niche"),
            ("country", "Country"),
            ("fee", "Rate"),
            ("contact", "Email"),
            ("status", "Status"),
        ]
    );
    let preview = import(TableKind::Creators, ODD_CREATORS, "");
    assert!(preview.can_commit_all(), "{:?}", preview.errors);
    let TypedRows::Creators(creators) = &preview.valid else {
        panic!()
    };
    let nora = &creators[0];
    assert_eq!(
        (
            nora.handle.as_str(),
            nora.followers,
            nora.country.as_deref()
        ),
        ("trail_nora", 12_300, Some("GB"))
    );
    assert_eq!(nora.categories, ["trail running", "outdoors"]);
    assert_eq!(
        (nora.fee.clone(), nora.status),
        (Some(Money::new(250.0, "USD")), PipelineStatus::Active)
    );
    assert_eq!(nora.contact.as_deref(), Some("nora@example.com"));
    let crumb = &creators[1];
    assert_eq!(
        (crumb.platform.as_str(), crumb.followers, crumb.fee.clone()),
        ("tiktok", 48_200, Some(Money::new(180.0, "EUR")))
    );
    assert_eq!(crumb.categories, ["sourdough", "baking"]);
    let sam = &creators[2];
    assert_eq!(
        (sam.followers, sam.fee.clone(), sam.status),
        (3400, None, PipelineStatus::Prospect)
    );
}

#[test]
fn file_with_mistakes_lists_each_with_row_column_value_and_fix() {
    let preview = import(TableKind::Posts, BAD_POSTS, "");
    assert_eq!(
        (
            preview.total_rows,
            preview.valid_count(),
            preview.rows_with_errors
        ),
        (6, 1, 5)
    );
    assert!(!preview.can_commit_all());
    let messages: Vec<String> = preview.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "row 2 (line 3), column `likes`: `1.2kk` is not a number. Fix: write a whole number such as 1200 or 1.2k.",
            "row 3 (line 4), column `handle`: Handle is empty. Fix: every row needs a handle: fill it in or delete the row.",
            "row 4 (line 5), column `date`: `31/02/2026` is not a day in the calendar. Fix: check the day and month, and write it as year-month-day, such as 2026-03-01.",
            "row 5 (line 6), column `likes`: `lots` is not a number. Fix: write a whole number such as 1200 or 1.2k.",
            "row 6 (line 7), column `handle`: row 1 already has this handle + post_id. Fix: delete one of the two rows, or merge them into one.",
        ]
    );
    assert_eq!(preview.errors[4].value, "peakpace_lena / C4aBcDeFgHi");
    assert_eq!(preview.valid_rows, [1]);
}
