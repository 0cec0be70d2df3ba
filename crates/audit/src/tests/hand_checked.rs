//! A whole audit computed by hand.

use chrono::NaiveDate;

use crate::flags::FlagKind;
use crate::{audit_creator, AuditSettings, ComponentKind};
use microplan_model::rows::{Creator, PipelineStatus, Post};

fn creator(followers: u64) -> Creator {
    Creator {
        handle: "hand_checked".into(),
        platform: "instagram".into(),
        display_name: None,
        followers,
        following: Some(400),
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

fn post(day: u32, likes: u64, comments: u64) -> Post {
    Post {
        handle: "hand_checked".into(),
        post_id: format!("p{day}"),
        date: NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
        format: "feed".into(),
        likes,
        comments,
        views: None,
        reach: Some(1_500),
        impressions: None,
        shares: None,
        saves: None,
        sponsored: day == 1,
        disclosure: (day == 1).then_some(true),
        topics: vec![],
    }
}

/// 10,000 followers: half-way on log followers between the nano anchor (3,162, 4.8%) and the
/// micro anchor (31,623, 2.4%), so the benchmark is 3.6%. 4 weekly posts with 200, 240, 280,
/// 240 interactions and reach 1,500; no comments, no follower history.
///
/// - Engagement: rates 0.020, 0.024, 0.028, 0.024 -> mean 0.024; ratio 2/3;
///   100 * (2/3)^1.5 / (1 + (2/3)^1.5) = 35.247.
///   t interval: sd 0.003266, t(3) = 3.182 -> 0.024 +/- 0.005196 = [0.018804, 0.029196]
///   (the bootstrap stays inside [0.020, 0.028]) -> ratios 0.5223, 0.8110 -> [27.40, 42.21].
/// - Reach: 1,500 / 10,000 = 0.15; 100 * 0.15 / (0.15 + 0.3) -> 33.33.
/// - Consistency: weeks 0, 1, 2, 3 all have a post -> 100; Wilson(4 of 4) low 0.5101 -> 51.01.
/// - Disclosure: 1 of 1 -> 100; Wilson(1 of 1) low 0.2066 -> 20.66.
/// - Comment quality, originality, growth, community and category fit have no data.
///
/// Engagement preset weights of the used components: 30, 5, 5, 5 (45 of 100):
/// score = (30*35.247 + 5*33.33 + 5*100 + 5*100) / 45 = 49.424;
/// low = (30*27.40 + 5*33.33 + 5*51.01 + 5*20.66) / 45 = 29.94;
/// high = (30*42.21 + 5*33.33 + 5*100 + 5*100) / 45 = 54.06.
#[test]
fn a_small_audit_by_hand() {
    let posts = [
        post(1, 190, 10),
        post(8, 230, 10),
        post(15, 270, 10),
        post(22, 230, 10),
    ];
    let audit = audit_creator(
        &creator(10_000),
        &posts,
        &[],
        &[],
        &AuditSettings::default(),
    );
    let score_of = |kind: ComponentKind| {
        audit
            .components
            .iter()
            .find(|c| c.kind == kind)
            .and_then(|c| c.score)
    };
    assert!((score_of(ComponentKind::Engagement).unwrap() - 35.247).abs() < 1e-3);
    assert!((score_of(ComponentKind::Reach).unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(score_of(ComponentKind::Consistency), Some(100.0));
    assert_eq!(score_of(ComponentKind::Disclosure), Some(100.0));
    for missing in [
        ComponentKind::CommentQuality,
        ComponentKind::GrowthAuthenticity,
        ComponentKind::CategoryFit,
    ] {
        assert_eq!(score_of(missing), None, "{missing:?}");
    }
    assert!(
        (audit.score.unwrap() - 49.424).abs() < 1e-3,
        "{:?}",
        audit.score
    );
    let interval = audit.score_interval.unwrap();
    assert!((interval.low - 29.94).abs() < 0.05, "{interval:?}");
    assert!((interval.high - 54.06).abs() < 0.05, "{interval:?}");
    assert!(
        audit
            .notes
            .iter()
            .any(|n| n.contains("(45 of 100) were rescaled to 100%")),
        "{:?}",
        audit.notes
    );
    assert!(audit.flags.iter().any(|f| f.kind == FlagKind::FewPosts));
    let engagement = audit
        .components
        .iter()
        .find(|c| c.kind == ComponentKind::Engagement)
        .unwrap();
    assert!((engagement.effective_weight - 30.0 / 45.0).abs() < 1e-12);
    assert!(
        engagement.reason.contains("Mean engagement 2.4%"),
        "{}",
        engagement.reason
    );
}

#[test]
fn a_creator_with_nothing_imported_has_no_score_and_says_why() {
    let audit = audit_creator(&creator(0), &[], &[], &[], &AuditSettings::default());
    assert_eq!(audit.score, None);
    assert_eq!(audit.score_interval, None);
    assert!(audit
        .components
        .iter()
        .all(|c| c.score.is_none() && c.reason.starts_with("Not enough data")));
    assert!(audit.notes.iter().any(|n| n.contains("No posts imported")));
    assert!(audit
        .notes
        .iter()
        .any(|n| n.contains("no weighted component is left")));
}

#[test]
fn fewer_posts_give_a_wider_score_interval() {
    let rates = [190, 230, 270, 230, 210, 250];
    let many: Vec<Post> = (0..30)
        .map(|i| post(1 + (i % 28) as u32, rates[i % 6], 10))
        .enumerate()
        .map(|(i, mut p)| {
            p.post_id = format!("p{i}");
            p
        })
        .collect();
    let settings = AuditSettings {
        recent_posts: 30,
        ..AuditSettings::default()
    };
    let wide = audit_creator(&creator(10_000), &many[..3], &[], &[], &settings);
    let narrow = audit_creator(&creator(10_000), &many, &[], &[], &settings);
    let width = |a: &crate::CreatorAudit| {
        let c = a
            .components
            .iter()
            .find(|c| c.kind == ComponentKind::Engagement)
            .unwrap();
        c.interval.map(|i| i.high - i.low).unwrap()
    };
    assert!(
        width(&wide) > 2.0 * width(&narrow),
        "{} vs {}",
        width(&wide),
        width(&narrow)
    );
}

#[test]
fn following_nearly_as_many_as_follow_is_a_warning() {
    let audit_with = |following: u64| {
        let mut c = creator(5_000);
        c.following = Some(following);
        audit_creator(&c, &[], &[], &[], &AuditSettings::default())
    };
    // 4,500 / 5,000 = 0.9 >= 0.75 with at least 1,000 followed: a warning.
    let flagged = audit_with(4_500);
    let flag = flagged
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::HighFollowingRatio)
        .unwrap();
    assert!(flag.evidence.contains("ratio 0.90"), "{}", flag.evidence);
    // 2,500 / 5,000 = 0.5: no flag.
    assert!(audit_with(2_500)
        .flags
        .iter()
        .all(|f| f.kind != FlagKind::HighFollowingRatio));
}
