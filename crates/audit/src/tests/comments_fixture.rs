//! The comment analysis on a small hand-labelled fixture (tests/fixtures/audit/).
//!
//! Labels by hand (audience comments only; c5 and c16 are the creator's replies):
//! - p1: c1 "nice pic" generic, c2 "Nice pic!!" generic, c3 emoji, c4 question -> specific,
//!   c6 "Thanks, trying it this weekend with rye flour" (content: trying, weekend, rye, flour)
//!   specific, c7 "me encanta" generic -> 6 comments: generic 3/6, emoji 1/6, specific 2/6.
//!   Threads: c4 (1) <- c5 (2) <- c6 (3): depth 3.
//! - p2: c8, c9, c10, c12 generic, c11 specific -> 5: generic 4/5, specific 1/5.
//! - p3: c13, c14, c17 generic, c15 question -> 4: generic 3/4, specific 1/4; depth 2.
//! - p4: c18 generic, c19 emoji, c20 specific -> 3: a third each.
//!
//! Duplicates: none. "nice pic" (c1, c2, c8, c10, c13) and "nice pics" (c14) repeat, but they
//! are generic praise, already counted in the generic share; only specific texts can be
//! duplicates, and the six specific comments all differ.
//!
//! Answered questions: the creator answers c4 on p1 (c5) and c15 on p3 (c16): 2 posts.
//!
//! Commenters: loop_amy (p1-p4, all generic; "@Loop_Amy" on p2 is the same account), loop_bob (p1-p3,
//! generic) and loop_cat (p1, p2, p4; emoji, generic, emoji) comment on at least half of the 4
//! posts with at least 2/3 generic or emoji: 3 pod accounts with 4 + 3 + 3 = 10 of the 18
//! audience comments (0.556). anna_bakes (p1, p3) and tom_runs (p2, p4) write only specific
//! comments: 2 repeat advocates among 8 distinct commenters (0.25).

use crate::comments::{analyse_comments, CommentSettings, RawComment};
use crate::flags::{build_flags, FlagKind};
use crate::{audit_creator_with_commenters, AuditSettings};
use microplan_model::rows::{Creator, PipelineStatus};

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/audit/comments_pod_and_advocates.csv"
));

fn fixture_rows() -> Vec<RawComment> {
    let mut reader = csv::Reader::from_reader(FIXTURE.as_bytes());
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            let field = |i: usize| record.get(i).unwrap_or("").to_string();
            let optional = |i: usize| Some(field(i)).filter(|v| !v.is_empty());
            RawComment {
                post_id: field(0),
                comment_id: optional(1),
                commenter: field(2),
                text: field(3),
                is_creator_reply: field(4) == "1",
                parent: optional(5),
            }
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn fixture_summaries_match_the_hand_labels() {
    let settings = CommentSettings {
        salt: "workspace-salt".into(),
        ..CommentSettings::default()
    };
    let analysis = analyse_comments("crumb_test", &fixture_rows(), &settings);
    let s = &analysis.summaries;
    assert_eq!(s.len(), 4);
    let expected = [
        // (post, total, generic, emoji, specific, duplicate, distinct, replies, depth)
        ("p1", 6, 3.0 / 6.0, 1.0 / 6.0, 2.0 / 6.0, 0.0, 5, 1, 3),
        ("p2", 5, 4.0 / 5.0, 0.0, 1.0 / 5.0, 0.0, 5, 0, 1),
        ("p3", 4, 3.0 / 4.0, 0.0, 1.0 / 4.0, 0.0, 4, 1, 2),
        ("p4", 3, 1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0, 0.0, 3, 0, 1),
    ];
    for (summary, (post, total, generic, emoji, specific, duplicate, distinct, replies, depth)) in
        s.iter().zip(expected)
    {
        assert_eq!(summary.post_id, post);
        assert_eq!(summary.total, total, "{post}");
        assert!(
            close(summary.generic_share, generic),
            "{post} generic {}",
            summary.generic_share
        );
        assert!(
            close(summary.emoji_share, emoji),
            "{post} emoji {}",
            summary.emoji_share
        );
        assert!(
            close(summary.specific_share, specific),
            "{post} specific {}",
            summary.specific_share
        );
        assert!(
            close(summary.duplicate_share, duplicate),
            "{post} duplicates {}",
            summary.duplicate_share
        );
        assert_eq!(summary.distinct_commenters, distinct, "{post}");
        assert_eq!(summary.creator_replies, replies, "{post}");
        assert_eq!(summary.max_thread_depth, depth, "{post}");
    }
}

#[test]
fn fixture_pods_and_advocates() {
    let analysis = analyse_comments("crumb_test", &fixture_rows(), &CommentSettings::default());
    let p = &analysis.patterns;
    assert_eq!(p.posts_analysed, 4);
    assert_eq!(p.audience_comments, 18);
    assert_eq!(p.distinct_commenters, 8);
    assert_eq!(p.repeat_commenters, 5);
    assert_eq!((p.pod_accounts, p.pod_comments), (3, 10));
    assert!(close(p.pod_comment_share.unwrap(), 10.0 / 18.0));
    assert_eq!(p.repeat_advocates, 2);
    assert!(close(p.advocate_share.unwrap(), 0.25));
    assert_eq!(p.pod_typical_text.as_deref(), Some("nice pic"));
    assert_eq!(
        (p.answered_posts, p.creator_comments, p.threaded),
        (2, 2, true)
    );
    assert_eq!(p.method, crate::comments::COMMENT_METHOD);
}

#[test]
fn no_raw_handle_survives_the_analysis() {
    let analysis = analyse_comments(
        "crumb_test",
        &fixture_rows(),
        &CommentSettings {
            salt: "s".into(),
            ..Default::default()
        },
    );
    let stored = serde_json::to_string(&(&analysis.summaries, &analysis.patterns)).unwrap();
    for handle in [
        "loop_amy",
        "anna_bakes",
        "tom_runs",
        "lucia_m",
        "sophie_k",
        "jan_v",
    ] {
        assert!(!stored.contains(handle), "{handle} leaked into stored data");
    }
    // Examples are for the import screen only and show at most 3 per kind.
    assert!(analysis.examples.generic.len() <= 3);
    // Repeated generic praise is not duplication.
    assert!(
        analysis.examples.duplicated.is_empty(),
        "{:?}",
        analysis.examples.duplicated
    );
}

#[test]
fn fixture_patterns_raise_a_pod_flag_in_the_audit() {
    let rows = fixture_rows();
    let analysis = analyse_comments("crumb_test", &rows, &CommentSettings::default());
    let creator = Creator {
        handle: "crumb_test".into(),
        platform: "instagram".into(),
        display_name: None,
        followers: 5_000,
        following: Some(300),
        categories: vec![],
        communities: vec![],
        country: None,
        fee: None,
        contact: None,
        status: PipelineStatus::Prospect,
        account_created: None,
        audience: Default::default(),
    };
    let audit = audit_creator_with_commenters(
        &creator,
        &[],
        &[],
        &analysis.summaries,
        Some(&analysis.patterns),
        &AuditSettings::default(),
    );
    let pod = audit
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::CommentPod)
        .expect("pod flag");
    assert_eq!(pod.id, "crumb_test:comment-pod");
    assert!(
        pod.evidence
            .contains("10 of 18 comments on 4 posts came from the same 3 accounts"),
        "{}",
        pod.evidence
    );
    assert!(pod.evidence.contains("\"nice pic\""));
    // Originality: no duplicates, but pods wrote 10 / 18 = 0.556 >= 0.5 -> 0 points.
    let flags = build_flags("crumb_test", &audit.metrics);
    assert_eq!(flags, audit.flags);
    let stale = |a: &crate::CreatorAudit| a.notes.iter().any(|n| n.contains("older method"));
    assert!(!stale(&audit));
    // Patterns saved by the previous method (no method number) ask for a new import.
    let old: crate::CommenterPatterns =
        serde_json::from_str(r#"{"posts_analysed":4,"audience_comments":18,"distinct_commenters":8,"repeat_commenters":5,"pod_accounts":3,"pod_comments":10,"pod_comment_share":0.5,"pod_typical_text":null,"repeat_advocates":2,"advocate_share":0.25,"commenters":[]}"#).unwrap();
    assert_eq!((old.method, old.answered_posts), (0, 0));
    let audit = audit_creator_with_commenters(
        &creator,
        &[],
        &[],
        &analysis.summaries,
        Some(&old),
        &AuditSettings::default(),
    );
    assert!(stale(&audit), "{:?}", audit.notes);
}
