//! Storage cost natively, on 5,000 creators x 30 posts: what a save prepares (checks and
//! encodes) when every table is written and when one small edit writes only its table, and
//! reading the workspace back from its table records, and the audit on open with and without
//! the stored bootstrap intervals. Prints figures; asserts nothing.

use std::collections::BTreeMap;
use std::time::Instant;

use microplan_audit::reuse::MeasuredCreators;
use microplan_audit::review::CreatorReview;
use microplan_audit::AuditSettings;
use microplan_model::rows::PipelineStatus;
use microplan_workspace::audits::audit_workspace_reusing;
use microplan_workspace::store::lifecycle::{save_batch, PreparedSave, SeenMeta};
use microplan_workspace::store::tables::{read_stored, TABLES};
use microplan_workspace::store::{decode_workspace, encode_workspace};
use microplan_workspace::Workspace;

mod synthetic;
use synthetic::synthetic_workspace;

const NOW: &str = "2026-12-05T10:00:00.000Z";

fn timed<T>(label: &str, run: impl FnOnce() -> T) -> T {
    let clock = Instant::now();
    let value = run();
    println!("{label}: {:.1} ms", clock.elapsed().as_secs_f64() * 1000.0);
    value
}

fn written(prepared: &PreparedSave) -> String {
    let bytes: usize = prepared.batch.put.iter().map(|(_, text)| text.len()).sum();
    format!(
        "{} records, {:.1} MB",
        prepared.batch.put.len(),
        bytes as f64 / 1e6
    )
}

fn main() {
    let stored = synthetic_workspace(5_000, 30);
    let base = SeenMeta(None);
    let Ok(full) = timed("save every table (check and encode)", || {
        save_batch("bench", &stored, &base, None, NOW, NOW)
    }) else {
        println!("the synthetic workspace did not pass the save check");
        return;
    };
    println!("  writes {}", written(&full));

    let mut ticked = stored.clone();
    ticked.creator_reviews.push(CreatorReview {
        handle: "creator_00001".into(),
        shortlisted: true,
        checks: Vec::new(),
    });
    if let Ok(small) = timed("save after ticking one shortlist box", || {
        save_batch("bench", &ticked, &base, Some(&stored), NOW, NOW)
    }) {
        println!("  writes {}", written(&small));
    }

    let mut status = stored.clone();
    if let Some(creator) = status.creators.first_mut() {
        creator.status = PipelineStatus::Vetted;
    }
    if let Ok(small) = timed("save after changing one creator's status", || {
        save_batch("bench", &status, &base, Some(&stored), NOW, NOW)
    }) {
        println!("  writes {}", written(&small));
    }

    let records: BTreeMap<String, String> = full.batch.put.into_iter().collect();
    let header = records
        .get("microplan/workspace/bench")
        .cloned()
        .unwrap_or_default();
    let tables: BTreeMap<&str, String> = TABLES
        .iter()
        .filter_map(|table| {
            records
                .get(&format!("microplan/table/bench/{table}"))
                .map(|text| (*table, text.clone()))
        })
        .collect();
    match timed("read the workspace back from its table records", || {
        read_stored(header, &tables)
    }) {
        Ok((workspace, _)) => println!(
            "  {} creators, {} posts",
            workspace.creators.len(),
            workspace.posts.len()
        ),
        Err(unreadable) => println!("  unreadable: {}", unreadable.error),
    }
    let file = encode_workspace(&stored, NOW);
    if timed(
        "the same workspace decoded from one workspace file, for comparison",
        || decode_workspace(&file),
    )
    .is_err()
    {
        println!("  the workspace file did not decode");
    }
    audit_on_open(&stored);
}

/// Opening a workspace audits it: without stored bootstrap intervals every creator's
/// bootstrap is drawn, with them (stored after the first audit) none is.
fn audit_on_open(workspace: &Workspace) {
    let settings = AuditSettings::default();
    let mut kept = MeasuredCreators::default();
    timed("audit on open without stored intervals", || {
        audit_workspace_reusing(workspace, &settings, &mut kept)
    });
    let Some(text) = timed("encode the intervals for storage", || {
        kept.stored_intervals()
    }) else {
        return;
    };
    println!("  {:.2} MB", text.len() as f64 / 1e6);
    let mut restored = MeasuredCreators::default();
    if !timed("decode the stored intervals", || {
        restored.remember_stored_intervals(&text)
    }) {
        println!("  the stored intervals did not decode");
        return;
    }
    timed("audit on open with stored intervals", || {
        audit_workspace_reusing(workspace, &settings, &mut restored)
    });
}
