//! Reusing kept measurements on the demo workspace gives the full audit and measures only the
//! creators whose inputs changed.

use microplan_audit::reuse::{MeasuredCreators, ReauditCounts};
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
