//! A comments file analysed in 1, 2 or 3 shares and merged equals one pass over the whole
//! file, as the page did it before the work moved to workers.

mod common;

use common::{interleaved_file, settings, unsplit};
use microplan_worker::protocol::{creator_parts, is_creators_part, Reply, WorkerMessage};
use microplan_worker::{analyse_comment_share, merge_shares, share_of, MergedComments};

fn split(bytes: &[u8], shares: u32) -> MergedComments {
    let results = (0..shares)
        .map(|share| {
            analyse_comment_share(bytes.to_vec(), share, shares, &settings(), &mut |_| {}).unwrap()
        })
        .collect();
    merge_shares(results).expect("shares by creator always merge")
}

#[test]
fn shares_merged_equal_one_pass() {
    let bytes = interleaved_file().into_bytes();
    let whole = unsplit(&bytes, 2);
    // Hand-checked: 11 rows, two skipped (no handle in row 5, no commenter in row 8).
    assert_eq!(whole.comments, 9);
    assert_eq!(whole.problem_count, 2);
    let handles: Vec<&str> = whole.analysed.iter().map(|a| a.handle.as_str()).collect();
    assert_eq!(handles, ["Anna", "ben", "cleo"]);
    let anna_p1 = &whole.analysed[0].summaries[0];
    // Two audience comments (bob, dan) and the creator's reply, counted apart.
    assert_eq!((anna_p1.post_id.as_str(), anna_p1.total), ("p1", 2));
    assert_eq!(anna_p1.generic_share, 0.5);
    assert_eq!(anna_p1.creator_replies, 1);
    // The reply answers a top-level comment: depth 2.
    assert_eq!(anna_p1.max_thread_depth, 2);
    for shares in 1..=3 {
        assert_eq!(split(&bytes, shares), whole, "{shares} shares");
    }
}

#[test]
fn the_three_creators_spread_over_three_shares() {
    // Not all in one share, so the test above really merges several shares; the spellings
    // of one handle share a share.
    let of = |h| share_of(h, 3);
    assert_eq!(of("@Anna"), of("anna "));
    let mut used = vec![of("anna"), of("ben"), of("cleo")];
    used.dedup();
    assert!(used.len() > 1, "{used:?}");
    assert_eq!(share_of("anything", 1), 0);
    assert_eq!(share_of("anything", 0), 0);
}

#[test]
fn a_file_without_needed_columns_is_a_message_not_a_panic() {
    let error = analyse_comment_share(
        b"handle,post_id\na,p\n".to_vec(),
        0,
        1,
        &settings(),
        &mut |_| {},
    )
    .unwrap_err();
    assert!(error.contains("Commenter"), "{error}");
}

#[test]
fn progress_reaches_one() {
    let mut seen = Vec::new();
    analyse_comment_share(
        interleaved_file().into_bytes(),
        0,
        1,
        &settings(),
        &mut |f| seen.push(f),
    )
    .unwrap();
    assert_eq!(seen.last(), Some(&1.0));
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
}

#[test]
fn a_share_sent_in_parts_comes_back_whole_and_in_order() {
    // Three creators of 700 posts each: more post summaries than one message carries.
    let mut csv = String::from("creator,post,commenter,comment\n");
    for creator in ["anna", "ben", "cleo"] {
        for post in 0..700 {
            csv.push_str(&format!(
                "{creator},{post},fan{post},Which flour is in this?\n"
            ));
        }
    }
    let result = analyse_comment_share(csv.into_bytes(), 0, 1, &settings(), &mut |_| {}).unwrap();
    let parts = creator_parts(result.creators.clone());
    assert!(parts.len() > 1, "{} part(s)", parts.len());
    // Each part as the page reads it: JSON text, then back.
    let mut received = Vec::new();
    for part in parts {
        let text =
            serde_json::to_string(&WorkerMessage::CommentCreators { creators: part }).unwrap();
        assert!(is_creators_part(&text), "{}", &text[..40]);
        match serde_json::from_str(&text).unwrap() {
            WorkerMessage::CommentCreators { mut creators } => received.append(&mut creators),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(received, result.creators);
    assert!(creator_parts(Vec::new()).is_empty());
    // The page reads every other message at once.
    let others = [
        WorkerMessage::Ready,
        WorkerMessage::Progress { fraction: 0.5 },
        WorkerMessage::Done {
            reply: Reply::CommentShare(Default::default()),
        },
        WorkerMessage::Failed {
            message: "CommentCreators".into(),
        },
    ];
    for message in others {
        assert!(!is_creators_part(&serde_json::to_string(&message).unwrap()));
    }
}
