//! The fingerprint of a workspace's audit inputs: edits the audit does not read keep it, edits
//! of its inputs change it.

use microplan_demo::demo_workspace;
use microplan_model::rows::PipelineStatus;
use microplan_workspace::audits::audit_inputs_fingerprint;

#[test]
fn unrelated_edits_keep_the_fingerprint_and_inputs_change_it() {
    let base = demo_workspace();
    let before = audit_inputs_fingerprint(&base);
    let mut edited = base.clone();
    edited.set_status(&base.creators[0].handle, PipelineStatus::Ambassador);
    edited.set_shortlisted(&base.creators[1].handle, true);
    edited.annotate_flag("x:y", "note");
    assert_eq!(audit_inputs_fingerprint(&edited), before);
    let mut more_likes = base.clone();
    more_likes.posts[5].likes += 1;
    assert_ne!(audit_inputs_fingerprint(&more_likes), before);
    let mut fewer_followers = base.clone();
    fewer_followers.creators[3].followers -= 1;
    assert_ne!(audit_inputs_fingerprint(&fewer_followers), before);
    let mut history = base;
    history.follower_history.pop();
    assert_ne!(audit_inputs_fingerprint(&history), before);
}
