//! Reusing kept measurements on the demo workspace gives the full audit and measures only the
//! creators whose inputs changed.

use microplan_audit::reuse::{MeasuredCreators, ReauditCounts, ReauditJob};
use microplan_audit::{AuditSettings, CreatorAudit, Objective, Weights};
use microplan_demo::demo_workspace;
use microplan_workspace::audits::{audit_workspace, audit_workspace_reusing};

#[test]
fn reusing_gives_the_full_audit_and_measures_only_what_changed() {
    let mut workspace = demo_workspace();
    let settings = AuditSettings::default();
    let creators = workspace.creators.len();
    let mut kept = MeasuredCreators::default();
    let (first, counts) = audit_workspace_reusing(&workspace, &settings, &mut kept);
    assert_eq!(first, audit_workspace(&workspace, &settings));
    assert_eq!(
        counts,
        ReauditCounts {
            measured: creators,
            reused: 0
        }
    );
    assert_eq!(kept.len(), creators);

    // Nothing changed: nothing is measured.
    let (again, counts) = audit_workspace_reusing(&workspace, &settings, &mut kept);
    assert_eq!(again, first);
    assert_eq!(
        counts,
        ReauditCounts {
            measured: 0,
            reused: creators
        }
    );

    // One post of one creator changes: that creator alone is measured again.
    let handle = workspace.posts[0].handle.clone();
    workspace.posts[0].likes += 500;
    let (edited, counts) = audit_workspace_reusing(&workspace, &settings, &mut kept);
    assert_eq!(
        counts,
        ReauditCounts {
            measured: 1,
            reused: creators - 1
        }
    );
    assert_eq!(edited, audit_workspace(&workspace, &settings));
    let score = |audits: &[CreatorAudit]| {
        audits
            .iter()
            .find(|a| a.handle == handle)
            .and_then(|a| a.score)
    };
    assert_ne!(
        score(&edited),
        score(&first),
        "the edited creator was measured again"
    );

    // Other weights re-score everyone from kept measurements.
    let awareness = AuditSettings {
        objective: Objective::Awareness,
        weights: Weights::preset(Objective::Awareness),
        ..settings.clone()
    };
    let (reweighted, counts) = audit_workspace_reusing(&workspace, &awareness, &mut kept);
    assert_eq!(
        counts,
        ReauditCounts {
            measured: 0,
            reused: creators
        }
    );
    assert_eq!(reweighted, audit_workspace(&workspace, &awareness));

    // A setting the measurements use measures everyone again.
    let longer = AuditSettings {
        recent_posts: 20,
        ..awareness
    };
    let (_, counts) = audit_workspace_reusing(&workspace, &longer, &mut kept);
    assert_eq!(
        counts,
        ReauditCounts {
            measured: creators,
            reused: 0
        }
    );

    // A creator who is gone is dropped from what is kept.
    workspace.creators.pop();
    let _ = audit_workspace_reusing(&workspace, &longer, &mut kept);
    assert_eq!(kept.len(), creators - 1);
}

/// The audit stepped a few creators at a time, as the page runs it between frames.
fn audit_in_steps(
    workspace: &microplan_workspace::Workspace,
    settings: &AuditSettings,
    kept: MeasuredCreators,
    creators_per_step: usize,
) -> (Vec<CreatorAudit>, ReauditCounts, MeasuredCreators, usize) {
    let tables = workspace.audit_tables();
    let mut job = ReauditJob::start(&tables, settings, kept);
    let mut steps = 1;
    while !job.step(&tables, settings, creators_per_step) {
        steps += 1;
    }
    let (audits, counts, kept) = job.finish(&tables);
    (audits, counts, kept, steps)
}

#[test]
fn an_audit_in_steps_equals_the_audit_in_one_go() {
    let mut workspace = demo_workspace();
    let settings = AuditSettings::default();
    let creators = workspace.creators.len();
    assert_eq!(creators, 40);
    let whole = audit_workspace(&workspace, &settings);
    for per_step in [1, 7, 40, 500] {
        let (audits, counts, kept, steps) =
            audit_in_steps(&workspace, &settings, MeasuredCreators::default(), per_step);
        assert_eq!(audits, whole, "{per_step} creators per step");
        assert_eq!(
            counts,
            ReauditCounts {
                measured: 40,
                reused: 0
            }
        );
        assert_eq!(kept.len(), 40);
        // Grouping the rows by creator takes steps of its own first.
        assert!(steps >= creators.div_ceil(per_step), "{steps} steps");
    }

    // Reusing kept measurements in steps: one edited creator is measured, the rest reused.
    let mut kept = MeasuredCreators::default();
    let _ = audit_workspace_reusing(&workspace, &settings, &mut kept);
    workspace.posts[0].likes += 500;
    let (audits, counts, _, _) = audit_in_steps(&workspace, &settings, kept, 3);
    assert_eq!(audits, audit_workspace(&workspace, &settings));
    assert_eq!(
        counts,
        ReauditCounts {
            measured: 1,
            reused: 39
        }
    );
}

#[test]
fn an_abandoned_job_keeps_what_it_measured() {
    let workspace = demo_workspace();
    let settings = AuditSettings::default();
    let tables = workspace.audit_tables();
    let mut job = ReauditJob::start(&tables, &settings, MeasuredCreators::default());
    while job.done() < 15 {
        assert!(!job.step(&tables, &settings, 15));
    }
    assert_eq!(job.done(), 15);
    let kept = job.abandon();
    assert_eq!(kept.len(), 15);
    // The next job measures only the 25 creators the abandoned one did not reach.
    let (audits, counts, kept, _) = audit_in_steps(&workspace, &settings, kept, 10);
    assert_eq!(
        counts,
        ReauditCounts {
            measured: 25,
            reused: 15
        }
    );
    assert_eq!(audits, audit_workspace(&workspace, &settings));
    assert_eq!(kept.len(), 40);
}
