//! The tracking tables: the export a shop or link tool reads, the import back, and shop
//! codes that new codes must avoid.

use microplan_csv::read::read_csv;
use microplan_demo::demo_workspace;
use microplan_plan::tracking::{generate_links, LinkCreator, LinkPlan, TrackingBook};
use microplan_workspace::io::apply::{apply_import, ImportMode};
use microplan_workspace::io::export::export_csv;
use microplan_workspace::io::mapping::propose_mapping_for_table;
use microplan_workspace::io::table::TableKind;
use microplan_workspace::io::typed_rows::TypedRows;
use microplan_workspace::io::validate::{validate, ImportOptions, ImportPreview};
use microplan_workspace::Workspace;

fn import(kind: TableKind, text: &str) -> ImportPreview {
    let table = read_csv(text.as_bytes()).unwrap();
    let mapping = propose_mapping_for_table(kind, &table);
    validate(
        kind,
        &table,
        &mapping,
        &ImportOptions {
            default_currency: String::new(),
        },
    )
}

#[test]
fn the_export_has_ga4_headers_and_one_row_per_creator_and_piece() {
    let demo = demo_workspace();
    let csv = export_csv(TableKind::TrackingLinks, &demo);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "campaign,handle,platform,deliverable,promo_code,discount,url,landing_page,utm_source,\
             utm_medium,utm_campaign,utm_content,utm_term,utm_id"
        )
    );
    let first = lines.next().unwrap();
    // muddy_miles_tom's first piece: the landing page's own query first, our tags, then the fragment.
    assert_eq!(
        first,
        "Autumn trail launch,muddy_miles_tom,instagram,short video 1,MUDDYMILES15B,0.15,\
         https://hearthandtrail.example/trail?ref=creators&utm_source=instagram&utm_medium=social\
         &utm_campaign=autumn_trail_launch&utm_content=muddy_miles_tom_short_video_1&utm_term=trail_running#boxes,\
         https://hearthandtrail.example/trail?ref=creators#boxes,instagram,social,autumn_trail_launch,\
         muddy_miles_tom_short_video_1,trail_running,"
    );
    assert_eq!(csv.lines().count(), 1 + demo.programme.tracking.links.len());
}

#[test]
fn the_export_imports_back_unchanged() {
    let demo = demo_workspace();
    let preview = import(
        TableKind::TrackingLinks,
        &export_csv(TableKind::TrackingLinks, &demo),
    );
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    let mut back = Workspace::empty("Back");
    let summary = apply_import(&mut back, preview.valid, ImportMode::Replace);
    assert_eq!(summary.added, demo.programme.tracking.links.len());
    assert_eq!(back.programme.tracking.links, demo.programme.tracking.links);
}

#[test]
fn a_link_tool_export_maps_by_its_own_headers_and_bad_links_are_named() {
    let csv = "Campaign,Creator,Deliverable,long_url,Coupon Code,Percent off\n\
               Spring,@ava,reel 1,https://shop.example/a?utm_source=instagram,AVA15,15%\n\
               Spring,nora,reel 1,shop.example/b,NRA15,15%\n";
    let preview = import(TableKind::TrackingLinks, csv);
    let TypedRows::TrackingLinks(rows) = &preview.valid else {
        panic!("wrong table")
    };
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (
            rows[0].handle.as_str(),
            rows[0].promo_code.as_deref(),
            rows[0].discount
        ),
        ("ava", Some("AVA15"), Some(0.15))
    );
    assert_eq!(preview.errors.len(), 1);
    let error = &preview.errors[0];
    assert_eq!(
        (error.row, error.column.as_str(), error.value.as_str()),
        (2, "long_url", "shop.example/b")
    );
    assert!(
        error
            .problem
            .contains("did you mean https://shop.example/b"),
        "{}",
        error.problem
    );
}

#[test]
fn shop_codes_import_from_a_discount_export_and_new_codes_avoid_them() {
    let csv = "Name,Value,Status\nAVA15,-15%,Active\nava15b,-15%,Expired\n";
    let preview = import(TableKind::StoreCodes, csv);
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    let mut workspace = Workspace::empty("Shop");
    apply_import(&mut workspace, preview.valid, ImportMode::Merge);
    assert_eq!(workspace.programme.tracking.store_codes.len(), 2);
    assert_eq!(
        workspace.programme.tracking.store_codes[1].note.as_deref(),
        Some("Expired")
    );
    let plan = LinkPlan {
        campaign: "Spring".into(),
        landing_page: "https://shop.example/".into(),
        code_pattern: Some("{HANDLE}{PCT}".into()),
        discount: Some(0.15),
        ..LinkPlan::default()
    };
    let creator = LinkCreator {
        handle: "ava".into(),
        platform: "instagram".into(),
        ..LinkCreator::default()
    };
    let book: &TrackingBook = &workspace.programme.tracking;
    let links = generate_links(&plan, &[creator], book).unwrap().links;
    // AVA15 and AVA15B (any case) are the shop's: the next free code is AVA15C.
    assert_eq!(links[0].promo_code.as_deref(), Some("AVA15C"));
}
