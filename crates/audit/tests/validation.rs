//! The audit on a labelled validation set (`scripts/validation/make_audit_validation.py`,
//! files in tests/fixtures/validation/full): realistic exports with their own column names and
//! dd/mm/yyyy dates, imported through the same steps as the app (propose mapping, validate,
//! apply; raw comments read, grouped, analysed and applied). Prints precision and recall per
//! flag and the rank of every kind:
//!
//! `cargo test -p microplan-audit --test validation -- --nocapture --test-threads 1`
//!
//! The small set (tests/fixtures/validation/small) is the one the e2e test imports through the
//! page; it is checked here too, so the e2e expectations are known to hold.

use std::collections::BTreeMap;

use microplan_audit::comment_import::{analyse_creator, CreatorGrouping};
use microplan_audit::comments::CommentSettings;
use microplan_audit::flags::{FlagKind, Severity};
use microplan_audit::{AuditSettings, ComponentKind, CreatorAudit, Objective};
use microplan_csv::read::read_csv;
use microplan_workspace::audits::{apply_analysed, audit_workspace};
use microplan_workspace::io::apply::{apply_import, ImportMode};
use microplan_workspace::io::mapping::propose_mapping_for_table;
use microplan_workspace::io::raw_comments::CommentFile;
use microplan_workspace::io::table::TableKind;
use microplan_workspace::io::validate::{validate, ImportOptions};
use microplan_workspace::Workspace;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/validation"
);

/// Which files to read: the set, and whether the comments keep their thread column.
#[derive(Clone, Copy)]
struct Set {
    name: &'static str,
    threads: bool,
}

fn read(set: Set, name: &str) -> Vec<u8> {
    let bytes = std::fs::read(format!("{DIR}/{}/{name}", set.name))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    if set.threads || name != "comments.csv" {
        return bytes;
    }
    // The same export without its last column ("Reply to"): no thread structure, only the
    // "By creator" flag. Reply ids hold no comma, so the column starts at the last comma.
    let text = String::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.rsplit_once(',').map_or(l, |(head, _)| head))
        .collect();
    lines.join("\n").into_bytes()
}

/// Imports one table as the app does and checks every row was accepted.
fn import(set: Set, workspace: &mut Workspace, kind: TableKind, name: &str) {
    let table = read_csv(&read(set, name)).unwrap();
    let mapping = propose_mapping_for_table(kind, &table);
    let preview = validate(
        kind,
        &table,
        &mapping,
        &ImportOptions {
            default_currency: "EUR".into(),
        },
    );
    assert!(
        preview.errors.is_empty(),
        "{name}: {:?}",
        preview.errors.first()
    );
    assert_eq!(preview.valid_rows.len(), preview.total_rows, "{name}");
    apply_import(workspace, preview.valid, ImportMode::Replace);
}

fn import_comments(set: Set, workspace: &mut Workspace) {
    let mut file = CommentFile::open(&read(set, "comments.csv")).unwrap();
    let (mut rows, mut errors, mut grouping) = (Vec::new(), Vec::new(), CreatorGrouping::default());
    while !file.is_done() {
        file.read_chunk(2_000, &mut rows, &mut errors);
        grouping.add(rows.drain(..));
    }
    assert!(errors.is_empty(), "{:?}", errors.first());
    let settings = CommentSettings {
        salt: "validation".into(),
        ..CommentSettings::default()
    };
    let analysed = grouping
        .finish()
        .iter()
        .map(|g| analyse_creator(g, &settings))
        .collect();
    apply_analysed(workspace, analysed);
}

fn labelled_workspace(set: Set) -> (Workspace, BTreeMap<String, String>) {
    let mut workspace = Workspace::default();
    import(set, &mut workspace, TableKind::Creators, "creators.csv");
    import(set, &mut workspace, TableKind::Posts, "posts.csv");
    import(
        set,
        &mut workspace,
        TableKind::FollowerHistory,
        "follower_history.csv",
    );
    import_comments(set, &mut workspace);
    let labels = String::from_utf8(read(set, "labels.csv")).unwrap();
    let labels = labels
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(','))
        .map(|(h, k)| (h.to_string(), k.to_string()))
        .collect();
    (workspace, labels)
}

/// The flag each planted problem must raise (`None`: caught by a component, not a flag).
fn expected_flag(kind: &str) -> Option<FlagKind> {
    match kind {
        "pod" => Some(FlagKind::CommentPod),
        "bought" => Some(FlagKind::FollowerJumpWithoutEngagement),
        "viral" => Some(FlagKind::FollowerJumpExplained),
        "massfollow" => Some(FlagKind::HighFollowingRatio),
        "generic" => Some(FlagKind::GenericComments),
        "undisclosed" => Some(FlagKind::UndisclosedSponsoredPosts),
        "fewposts" => Some(FlagKind::FewPosts),
        "copied" => Some(FlagKind::DuplicateComments),
        _ => None,
    }
}

fn component(audit: &CreatorAudit, kind: ComponentKind) -> Option<f64> {
    audit
        .components
        .iter()
        .find(|c| c.kind == kind)
        .and_then(|c| c.score)
}

fn ranks(
    audits: &[CreatorAudit],
    labels: &BTreeMap<String, String>,
) -> BTreeMap<String, Vec<usize>> {
    let mut by_kind: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, a) in audits.iter().enumerate() {
        by_kind
            .entry(labels[&a.handle].clone())
            .or_default()
            .push(i + 1);
    }
    by_kind
}

#[test]
fn the_audit_holds_on_the_labelled_validation_set() {
    check(Set {
        name: "full",
        threads: true,
    });
}

#[test]
fn the_audit_holds_without_thread_columns() {
    check(Set {
        name: "full",
        threads: false,
    });
}

#[test]
fn the_audit_holds_on_the_small_set_of_the_e2e_test() {
    check(Set {
        name: "small",
        threads: true,
    });
}

fn check(set: Set) {
    println!(
        "\n=== {} set, {} ===",
        set.name,
        if set.threads {
            "with thread columns"
        } else {
            "without thread columns"
        }
    );
    let (workspace, labels) = labelled_workspace(set);
    assert_eq!(workspace.creators.len(), labels.len());
    let threaded = workspace
        .commenter_patterns
        .iter()
        .filter(|p| p.patterns.threaded)
        .count();
    let answered: usize = workspace
        .commenter_patterns
        .iter()
        .map(|p| p.patterns.answered_posts)
        .sum();
    println!("Creators read as threads: {threaded}; posts with an answered question: {answered}");
    // With the column, creators who answered anyone are read as threads (most of them).
    assert!(
        if set.threads {
            3 * threaded >= 2 * labels.len()
        } else {
            threaded == 0
        },
        "{threaded}"
    );
    let settings = AuditSettings::for_objective(Objective::Community);
    let audits = audit_workspace(&workspace, &settings);

    println!("\nPer flag (creators): precision and recall against the planted labels");
    let flags = [
        FlagKind::CommentPod,
        FlagKind::FollowerJumpWithoutEngagement,
        FlagKind::FollowerJumpExplained,
        FlagKind::HighFollowingRatio,
        FlagKind::GenericComments,
        FlagKind::UndisclosedSponsoredPosts,
        FlagKind::FewPosts,
        FlagKind::DuplicateComments,
    ];
    for flag in flags {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for a in &audits {
            let raised = a.flags.iter().any(|f| f.kind == flag);
            let planted = expected_flag(&labels[&a.handle]) == Some(flag);
            match (raised, planted) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                _ => {}
            }
        }
        let precision = if tp + fp == 0 {
            f64::NAN
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let recall = if tp + fn_ == 0 {
            f64::NAN
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        println!(
            "  {flag:?}: precision {precision:.2} recall {recall:.2} (tp {tp}, fp {fp}, fn {fn_})"
        );
    }
    let mut false_warnings = Vec::new();
    for a in &audits {
        let kind = labels[&a.handle].as_str();
        let warnings: Vec<&str> = a
            .flags
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .map(|f| f.title.as_str())
            .collect();
        if kind == "ordinary" || kind == "embedded" {
            false_warnings.extend(warnings.iter().map(|w| format!("{}: {w}", a.handle)));
        }
        if let Some(flag) = expected_flag(kind) {
            assert!(
                a.flags.iter().any(|f| f.kind == flag),
                "{} ({kind}) missed: {:?}",
                a.handle,
                a.flags
            );
        }
        if kind == "viral" {
            assert!(
                warnings.is_empty(),
                "{}: a viral jump is not a warning: {warnings:?}",
                a.handle
            );
            let growth = component(a, ComponentKind::GrowthAuthenticity);
            assert_eq!(
                growth,
                Some(100.0),
                "{}: an explained jump costs nothing",
                a.handle
            );
            let flag = a
                .flags
                .iter()
                .find(|f| f.kind == FlagKind::FollowerJumpExplained)
                .unwrap();
            assert!(
                flag.explainable && flag.evidence.contains("may be explained by post https://"),
                "{}",
                flag.evidence
            );
        }
        if kind == "bought" {
            assert!(component(a, ComponentKind::GrowthAuthenticity).is_some_and(|s| s <= 20.0));
        }
        if kind == "lowengagement" {
            let engagement = component(a, ComponentKind::Engagement);
            assert!(
                engagement.is_some_and(|s| s < 20.0),
                "{}: {engagement:?}",
                a.handle
            );
        }
    }
    println!(
        "False warnings on ordinary and embedded creators: {}",
        false_warnings.len()
    );
    for w in &false_warnings {
        println!("  {w}");
    }

    for objective in [Objective::Community, Objective::Engagement] {
        let audits = audit_workspace(&workspace, &AuditSettings::for_objective(objective));
        println!(
            "\nRanks under the {} preset (1 = best of {}):",
            objective.as_str(),
            audits.len()
        );
        for (kind, ranks) in ranks(&audits, &labels) {
            println!("  {kind:<14} {ranks:?}");
        }
        let scores: Vec<String> = audits
            .iter()
            .map(|a| format!("{} {:.1}", labels[&a.handle], a.score.unwrap_or(f64::NAN)))
            .collect();
        println!("  scores: {}", scores.join(", "));
    }
    for a in audits
        .iter()
        .filter(|a| labels[&a.handle] == "ordinary")
        .take(3)
    {
        let c = a.metrics.comments.as_ref().unwrap();
        println!(
            "  {}: generic {:.2} emoji {:.2} duplicates {:.3} replies {:?}",
            a.handle, c.generic_share, c.emoji_share, c.duplicate_share, c.creator_reply_rate
        );
    }

    assert!(false_warnings.is_empty(), "{false_warnings:?}");
    let top_third = audits.len() / 3;
    let embedded = &ranks(&audits, &labels)["embedded"];
    assert!(
        embedded.iter().all(|r| *r <= top_third),
        "embedded ranks {embedded:?} of {}",
        audits.len()
    );
}
