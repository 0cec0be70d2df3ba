//! A follower sample in a workspace: the audit shows its estimate and flags a high share.

use microplan_audit::flags::FlagKind;
use microplan_audit::follower_sample::{summarise_sample, SampledFollower};
use microplan_audit::AuditSettings;
use microplan_workspace::audits::audit_workspace;

fn account(
    handle: &str,
    followers: u64,
    following: u64,
    posts: u64,
    picture: bool,
    bio: bool,
) -> SampledFollower {
    SampledFollower {
        handle: handle.into(),
        followers: Some(followers),
        following: Some(following),
        posts: Some(posts),
        has_profile_picture: Some(picture),
        has_bio: Some(bio),
    }
}

#[test]
fn the_audit_shows_the_estimate_and_flags_a_high_share() {
    let mut workspace = microplan_demo::demo_workspace();
    // 20 of 40 look fake: 50%, Wilson 95% 35.2%-64.8%, above the 15% flag line.
    let mut accounts = vec![account("bot_00001", 3, 4_000, 0, false, false); 20];
    accounts.extend(vec![account("reader", 200, 300, 40, true, true); 20]);
    workspace
        .follower_samples
        .push(summarise_sample("peakpace_lena", &accounts));
    workspace
        .follower_samples
        .push(summarise_sample("crumb_theory", &accounts[20..]));
    let audits = audit_workspace(&workspace, &AuditSettings::default());
    let lena = audits.iter().find(|a| a.handle == "peakpace_lena").unwrap();
    let estimate = lena.metrics.fake_followers.unwrap();
    assert!((estimate.share - 0.5).abs() < 1e-12 && (estimate.low - 0.352).abs() < 1e-3);
    assert!(lena
        .flags
        .iter()
        .any(|f| f.kind == FlagKind::FakeFollowers && f.id == "peakpace_lena:fake-followers"));
    // 20 real-looking accounts: 0%, no flag; a creator without a sample has no estimate.
    let crumb = audits.iter().find(|a| a.handle == "crumb_theory").unwrap();
    assert_eq!(crumb.metrics.fake_followers.map(|e| e.likely_fake), Some(0));
    assert!(!crumb
        .flags
        .iter()
        .any(|f| f.kind == FlagKind::FakeFollowers));
    assert!(
        audits
            .iter()
            .filter(|a| a.metrics.fake_followers.is_some())
            .count()
            == 2
    );
}
