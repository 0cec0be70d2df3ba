//! Exports read back: each table's stored home, contract terms, uplift results and the
//! creator scores, checked on the demo workspace.

use microplan_audit::{AuditSettings, ComponentKind};
use microplan_csv::read::read_csv;
use microplan_demo::{demo_workspace, PILOT_TEST};
use microplan_uplift::arms::{analyse_test, AnalysisOptions};
use microplan_workspace::audits::audit_workspace;
use microplan_workspace::audits::roster::{roster_rows, RosterRow};
use microplan_workspace::io::contract_export::export_contract_terms;
use microplan_workspace::io::score_export::{export_scores, score_export_header};
use microplan_workspace::io::table::TableKind;
use microplan_workspace::io::uplift_export::results_csv;
use microplan_workspace::tables::{decode_table, encode_table, TABLES};
use microplan_workspace::Workspace;

/// Views wake on writes to `stored_table` only, so it must be where the rows live:
/// emptying that stored table empties the view's table.
#[test]
fn each_table_names_the_stored_table_that_holds_its_rows() {
    let empty = Workspace::empty("Empty");
    let demo = demo_workspace();
    for kind in TableKind::ALL {
        let table = kind.stored_table();
        assert!(TABLES.contains(&table), "{table}");
        assert!(kind.row_count(&demo) > 0, "the demo has {kind:?} rows");
        let mut emptied = demo.clone();
        let text = encode_table(&empty, table).unwrap_or_default();
        assert!(matches!(
            decode_table(&mut emptied, table, &text),
            Some(Ok(()))
        ));
        assert_eq!(kind.row_count(&emptied), 0, "{kind:?} lives in {table}");
    }
}

#[test]
fn one_csv_row_per_version_with_quoting_and_guard() {
    let mut drafts = microplan_demo::contract::contracts();
    drafts[0].choices.campaign = "=HYPERLINK(\"x\"), now".into();
    let csv = export_contract_terms(&drafts);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines.len(), 3, "header, one row, trailing empty: {csv}");
    assert!(lines[0].starts_with("campaign,handle,platform,version,status"));
    assert!(lines[1].starts_with("\"'=HYPERLINK(\"\"x\"\"), now\",levain_lotte,instagram,1,draft,2026-11-01,uk,flat_fee,GBP,250,"), "{}", lines[1]);
    assert_eq!(lines[2], "");
}

#[test]
fn the_csv_holds_every_arm_comparison_and_the_verdict() {
    let demo = demo_workspace();
    let a = analyse_test(
        &demo.test_arms,
        PILOT_TEST,
        &AnalysisOptions::default(),
        demo.test_plans.first(),
    )
    .unwrap();
    let csv = results_csv(&a);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 2 + 1 + 2);
    assert!(lines[0].starts_with("test,row,arm,units"));
    assert!(lines[1].contains(",arm,Control regions,48210,612,"));
    assert!(lines[3].contains("Pilot regions") && lines[3].contains(",pooled z-test,"));
    assert!(lines[4].contains(",verdict,Scale,"));
    // Differences and lifts stay numbers, even when negative.
    assert!(!csv.contains(",'-"), "{csv}");
}

#[test]
fn every_creator_and_component_is_exported_and_reads_back() {
    let w = demo_workspace();
    let audits = audit_workspace(&w, &AuditSettings::default());
    let rows = roster_rows(&audits, &w);
    let refs: Vec<&RosterRow> = rows.iter().collect();
    let text = export_scores(&audits, &refs);
    let table = read_csv(text.as_bytes()).unwrap();
    assert_eq!(table.headers, score_export_header());
    assert_eq!(table.headers.len(), 18 + 4 * ComponentKind::ALL.len());
    assert_eq!(table.rows.len(), w.creators.len());
    let at = |name: &str| table.headers.iter().position(|h| h == name).unwrap();
    let last = table.rows.last().unwrap();
    assert_eq!(last.cells[at("handle")], "peakpace_lena");
    assert!(last.cells[at("flags")].contains("Follower jump that engagement did not follow"));
    // The score lies inside its interval; the engagement weight is a fraction.
    let first = &table.rows[0].cells;
    let score: f64 = first[at("score")].parse().unwrap();
    let low: f64 = first[at("score_low")].parse().unwrap();
    let high: f64 = first[at("score_high")].parse().unwrap();
    assert!(low <= score && score <= high);
    let weight: f64 = first[at("engagement_weight")].parse().unwrap();
    assert!(weight > 0.0 && weight < 1.0);
    assert_eq!(
        first[at("audience_fit_score")],
        "",
        "no persona: not enough data, not zero"
    );
}
