//! Property tests: arbitrary posts, histories, summaries and comments (zero followers, empty
//! lists, huge counts, garbage shares, odd text) never panic and never produce NaN or infinity
//! in any public output.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use microplan_audit::comment_text::{classify_comment, jaccard, normalise_comment, shingles};
use microplan_audit::comments::{analyse_comments, CommentSettings, RawComment};
use microplan_audit::duplicates::duplicate_flags;
use microplan_audit::growth::robust_z_scores;
use microplan_audit::uncertainty::{mean_rate_interval, wilson_interval};
use microplan_audit::{audit_creator_with_commenters, AuditSettings, Weights};
use microplan_model::rows::{CommentSummary, Creator, FollowerPoint, PipelineStatus, Post};
use microplan_workspace::audits::audit_workspace;
use microplan_workspace::Workspace;

const HANDLES: [&str; 3] = ["creator_a", "creator_b", "creator_c"];

/// Finds `NaN` or `inf` printed as a standalone token by `Debug` (handles and ids are chosen
/// so they never contain those words).
fn has_non_finite(debug: &str) -> bool {
    let bytes = debug.as_bytes();
    ["NaN", "inf"].iter().any(|word| {
        debug.match_indices(word).any(|(at, _)| {
            let before = at.checked_sub(1).and_then(|i| bytes.get(i)).copied();
            let after = bytes.get(at + word.len()).copied();
            !before.is_some_and(|b| b.is_ascii_alphanumeric())
                && !after.is_some_and(|b| b.is_ascii_alphanumeric())
        })
    })
}

fn count() -> impl Strategy<Value = u64> {
    prop_oneof![0u64..50, 0u64..1_000_000, Just(u64::MAX), any::<u64>()]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0i64..800)
        .prop_map(|d| NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default() + Duration::days(d))
}

fn share() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0f64..=1.0,
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY)
    ]
}

fn post() -> impl Strategy<Value = Post> {
    let counts = (
        count(),
        count(),
        proptest::option::of(count()),
        proptest::option::of(count()),
    );
    let extras = (
        proptest::option::of(count()),
        proptest::option::of(count()),
        any::<bool>(),
        proptest::option::of(any::<bool>()),
    );
    (0usize..3, 0u32..40, date(), counts, extras).prop_map(
        |(h, id, date, (likes, comments, views, reach), (shares, saves, sponsored, disclosure))| {
            Post {
                handle: HANDLES[h].to_string(),
                post_id: format!("p{id}"),
                date,
                format: "feed".into(),
                likes,
                comments,
                views,
                reach,
                impressions: None,
                shares,
                saves,
                sponsored,
                disclosure,
                topics: if id % 3 == 0 {
                    vec!["sourdough".into()]
                } else {
                    vec![]
                },
            }
        },
    )
}

fn point() -> impl Strategy<Value = FollowerPoint> {
    (0usize..3, date(), count()).prop_map(|(h, date, followers)| FollowerPoint {
        handle: HANDLES[h].to_string(),
        date,
        followers,
    })
}

fn summary() -> impl Strategy<Value = CommentSummary> {
    (
        0usize..3,
        0u32..40,
        count(),
        (share(), share(), share(), share()),
        count(),
        count(),
        any::<u32>(),
    )
        .prop_map(
            |(h, id, total, (generic, emoji, specific, duplicate), distinct, replies, depth)| {
                CommentSummary {
                    handle: HANDLES[h].to_string(),
                    post_id: format!("p{id}"),
                    total,
                    generic_share: generic,
                    emoji_share: emoji,
                    specific_share: specific,
                    duplicate_share: duplicate,
                    distinct_commenters: distinct,
                    creator_replies: replies,
                    max_thread_depth: depth,
                }
            },
        )
}

fn creator(h: usize, followers: u64, following: Option<u64>) -> Creator {
    Creator {
        handle: HANDLES[h].to_string(),
        platform: "instagram".into(),
        display_name: None,
        followers,
        following,
        categories: vec![],
        communities: vec![],
        country: None,
        fee: None,
        contact: None,
        status: PipelineStatus::Prospect,
        account_created: None,
        audience: Default::default(),
    }
}

fn comment_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("nice pic".to_string()),
        Just("🔥🔥🔥".to_string()),
        Just("what flour is this?".to_string()),
        Just("".to_string()),
        "[a-z ?!@]{0,30}",
        any::<String>(),
    ]
}

fn raw_comment() -> impl Strategy<Value = RawComment> {
    (
        0u8..4,
        0u8..6,
        proptest::option::of(0u8..8),
        comment_text(),
        any::<bool>(),
        proptest::option::of(0u8..8),
    )
        .prop_map(
            |(post, who, id, text, is_creator_reply, parent)| RawComment {
                post_id: format!("p{post}"),
                comment_id: id.map(|i| format!("c{i}")),
                commenter: format!("user{who}"),
                text,
                is_creator_reply,
                parent: parent.map(|i| format!("c{i}")),
            },
        )
}

fn fast_settings(weights_garbage: bool) -> AuditSettings {
    let mut settings = AuditSettings {
        bootstrap_resamples: 50,
        target_categories: vec!["sourdough".into()],
        ..AuditSettings::default()
    };
    if weights_garbage {
        settings.weights = Weights {
            engagement: f64::NAN,
            reach: -1.0,
            comment_quality: f64::INFINITY,
            ..Weights::default()
        };
        settings.spikes.threshold = f64::NAN;
        settings.spikes.follow_share = f64::NEG_INFINITY;
        settings.reference_reach_rate = 0.0;
        settings.recent_posts = 0;
    }
    settings
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn workspace_audits_never_panic_or_produce_nan(
        followers in proptest::collection::vec((count(), proptest::option::of(count())), 3),
        posts in proptest::collection::vec(post(), 0..40),
        history in proptest::collection::vec(point(), 0..40),
        summaries in proptest::collection::vec(summary(), 0..30),
        garbage in any::<bool>(),
    ) {
        let workspace = Workspace {
            creators: followers.iter().enumerate().map(|(h, (f, g))| creator(h, *f, *g)).collect(),
            posts: posts.into(),
            follower_history: history.into(),
            comment_summaries: summaries.into(),
            ..Workspace::empty("props")
        };
        let audits = audit_workspace(&workspace, &fast_settings(garbage));
        prop_assert_eq!(audits.len(), 3);
        for audit in &audits {
            let debug = format!("{audit:?}");
            prop_assert!(!has_non_finite(&debug), "non-finite number in {}", debug);
            if let (Some(score), Some(interval)) = (audit.score, audit.score_interval) {
                prop_assert!((0.0..=100.0).contains(&score));
                prop_assert!(interval.low <= score + 1e-9 && score <= interval.high + 1e-9);
            }
            prop_assert!(serde_json::to_string(audit).is_ok());
        }
    }

    #[test]
    fn comment_analysis_never_panics_or_produces_nan(rows in proptest::collection::vec(raw_comment(), 0..60), threshold in share()) {
        let settings = CommentSettings { salt: "salt".into(), near_duplicate_threshold: threshold };
        let analysis = analyse_comments("creator_a", &rows, &settings);
        let audience = rows.iter().filter(|r| !r.is_creator_reply).count() as u64;
        prop_assert_eq!(analysis.summaries.iter().map(|s| s.total).sum::<u64>(), audience);
        for s in &analysis.summaries {
            for value in [s.generic_share, s.emoji_share, s.specific_share, s.duplicate_share] {
                prop_assert!(value.is_finite() && (0.0..=1.0).contains(&value));
            }
            if s.total > 0 {
                prop_assert!((s.generic_share + s.emoji_share + s.specific_share - 1.0).abs() < 1e-9);
            }
        }
        let p = &analysis.patterns;
        let shares = format!("{:?}", (p.pod_comment_share, p.advocate_share));
        prop_assert!(!has_non_finite(&shares), "{}", shares);
        let patterns = analysis.patterns.clone();
        let audit = audit_creator_with_commenters(&creator(0, 1_000, None), &[], &[], &analysis.summaries, Some(&patterns), &fast_settings(false));
        let debug = format!("{:?}", (audit.score, audit.score_interval, &audit.components));
        prop_assert!(!has_non_finite(&debug), "{}", debug);
    }

    #[test]
    fn text_functions_accept_any_text(text in any::<String>()) {
        let _ = classify_comment(&text);
        let normalised = normalise_comment(&text);
        prop_assert_eq!(normalise_comment(&normalised), normalised.clone(), "normalising is idempotent");
        let own = shingles(&normalised);
        if !own.is_empty() {
            prop_assert_eq!(jaccard(&own, &own), 1.0);
        }
    }

    #[test]
    fn duplicate_search_matches_brute_force(texts in proptest::collection::vec("[ab ]{0,6}", 0..25), threshold in 0.3f64..=1.0) {
        let fast = duplicate_flags(&texts, threshold);
        let sets: Vec<Vec<u64>> = texts.iter().map(|t| shingles(t)).collect();
        let brute: Vec<bool> = (0..texts.len())
            .map(|i| !texts[i].is_empty() && (0..texts.len()).any(|j| j != i && !texts[j].is_empty() && (texts[i] == texts[j] || jaccard(&sets[i], &sets[j]) >= threshold)))
            .collect();
        prop_assert_eq!(fast, brute);
    }

    #[test]
    fn intervals_are_finite_and_ordered(values in proptest::collection::vec(prop_oneof![0.0f64..1.0, 0.0f64..1e19], 0..40), seed in any::<u64>()) {
        if let Some(interval) = mean_rate_interval(&values, 100, seed) {
            prop_assert!(interval.low.is_finite() && interval.high.is_finite());
            prop_assert!(0.0 <= interval.low && interval.low <= interval.high);
        }
        if let Some(z) = robust_z_scores(&values) {
            prop_assert!(z.iter().all(|v| v.is_finite()));
        }
    }

    #[test]
    fn wilson_stays_in_the_unit_interval(successes in count(), trials in count()) {
        if let Some(i) = wilson_interval(successes.min(trials), trials) {
            prop_assert!(0.0 <= i.low && i.low <= i.high && i.high <= 1.0);
        }
    }
}
