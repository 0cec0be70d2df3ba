//! Pre-registration records: arms, drafts and freezing, timestamps; versions in `versions`.

mod versions;

use super::*;

#[test]
fn arms_round_trip_and_bad_lines_are_named() {
    let arms = parse_arms("Control regions (control): 50\nPilot regions: 50").unwrap();
    assert_eq!(arms.len(), 2);
    assert!(arms[0].is_control && arms[0].name == "Control regions");
    assert_eq!(parse_arms(&arms_text(&arms)).unwrap(), arms);
    assert!(parse_arms("A (control): 1\nB: x")
        .unwrap_err()
        .to_string()
        .contains("line 2"));
    assert!(parse_arms("A: 1\nB: 1")
        .unwrap_err()
        .to_string()
        .contains("(control)"));
    assert!(parse_arms("A (control): 1\nB: -1")
        .unwrap_err()
        .to_string()
        .contains("above zero"));
}

#[test]
fn drafts_are_edited_freely_and_frozen_records_refuse_edits() {
    let mut p = PreRegistration::draft("t", 0);
    assert!(p.freeze(5).unwrap_err().to_string().contains("hypothesis"));
    p.set(PreregField::Hypothesis, "Gifting lifts sales", 1)
        .unwrap();
    p.set(PreregField::PlannedTotal, "96,000", 2).unwrap();
    assert_eq!(p.planned_total, 96_000);
    p.set(PreregField::MinLift, "5", 3).unwrap();
    assert!((p.min_lift - 0.05).abs() < 1e-15);
    assert!(p.set(PreregField::Alpha, "1.2", 4).is_err());
    assert!(p.set(PreregField::LaunchDate, "12/03/2026", 4).is_err());
    p.freeze(1_000).unwrap();
    assert!(p.freeze(2_000).is_err());
    let before = p.clone();
    assert!(p
        .set(PreregField::MinLift, "25", 3_000)
        .unwrap_err()
        .to_string()
        .contains("amend"));
    assert_eq!(p, before, "a refused edit changes nothing");
    assert!(p.history.is_empty());
}

#[test]
fn weights_follow_the_arm_names_and_timestamps_read_as_utc() {
    let p = PreRegistration::draft("t", 0);
    assert_eq!(
        p.weights_for(&["treatment", "Control"]),
        Some(vec![50.0, 50.0])
    );
    assert_eq!(p.weights_for(&["Other"]), None);
    // 2026-12-01 is day 20,788 since 1970: 20,788 * 86,400,000 + 7 h 40 min.
    assert_eq!(
        format_timestamp(20_788 * 86_400_000 + (7 * 60 + 40) * 60_000),
        "1 Dec 2026 07:40 UTC"
    );
}
