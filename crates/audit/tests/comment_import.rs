//! Raw comments grouped by creator, analysed, and written into a workspace: summaries replace
//! the creator's old ones and no commenter handle or comment text is stored.

use microplan_audit::comment_import::{
    analyse_creator, group_by_creator, new_salt, AnalysedCreator,
};
use microplan_audit::comments::{CommentSettings, RawComment};
use microplan_model::rows::CommentSummary;
use microplan_workspace::audits::apply_analysed;
use microplan_workspace::Workspace;

fn comment(post: &str, who: &str, text: &str) -> RawComment {
    RawComment {
        post_id: post.into(),
        comment_id: None,
        commenter: who.into(),
        text: text.into(),
        is_creator_reply: false,
        parent: None,
    }
}

#[test]
fn groups_by_handle_and_keeps_no_commenter_keys() {
    let rows = vec![
        (
            "@Anna".to_string(),
            comment("p1", "bob", "Which flour did you use for this loaf?"),
        ),
        ("ben".to_string(), comment("q1", "cat", "nice")),
        (
            "anna".to_string(),
            comment("p2", "bob", "Your starter tips fixed my bake, thank you"),
        ),
    ];
    let groups = group_by_creator(rows);
    assert_eq!(groups.len(), 2);
    assert_eq!(
        (groups[0].handle.as_str(), groups[0].rows.len()),
        ("Anna", 2)
    );
    let settings = CommentSettings {
        salt: new_salt(7),
        ..Default::default()
    };
    let anna = analyse_creator(&groups[0], &settings);
    assert_eq!(anna.summaries.len(), 2);
    assert!(
        anna.patterns.patterns.commenters.is_empty(),
        "no commenter keys are stored"
    );
    // bob comments specifically on both posts: one repeat advocate of one commenter.
    assert_eq!(anna.patterns.patterns.repeat_advocates, 1);
    assert_eq!(anna.patterns.patterns.advocate_share, Some(1.0));

    let mut w = Workspace::empty("Brand");
    w.comment_summaries.push(CommentSummary {
        handle: "anna".into(),
        post_id: "old".into(),
        total: 1,
        generic_share: 1.0,
        emoji_share: 0.0,
        specific_share: 0.0,
        duplicate_share: 0.0,
        distinct_commenters: 1,
        creator_replies: 0,
        max_thread_depth: 1,
    });
    let analysed: Vec<AnalysedCreator> = groups
        .iter()
        .map(|g| analyse_creator(g, &settings))
        .collect();
    assert_eq!(apply_analysed(&mut w, analysed), 3);
    assert!(
        w.comment_summaries.iter().all(|s| s.post_id != "old"),
        "replaced, not merged"
    );
    assert_eq!(w.commenter_patterns.len(), 2);
    let text = serde_json::to_string(&w).unwrap();
    assert!(
        !text.contains("bob") && !text.contains("flour"),
        "no handle or text stored"
    );
}
