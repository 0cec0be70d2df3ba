//! Frozen pre-registrations: amendments as versions and the version the analysis used
//! (records stored before versions were kept: tests/prereg_versions.rs).

use crate::prereg::*;

/// Frozen at 2026-04-13 09:00 UTC (day 20,556) with alpha 0.05 and a +10% threshold.
const FROZEN_MS: i64 = 20_556 * 86_400_000 + 9 * 3_600_000;
/// 2026-04-21 10:05 UTC.
const AMENDED_MS: i64 = 20_564 * 86_400_000 + (10 * 60 + 5) * 60_000;

fn frozen_plan() -> PreRegistration {
    let mut p = PreRegistration::draft("Email A/B", 0);
    p.set(
        PreregField::Hypothesis,
        "The creator email lifts sign-ups",
        1,
    )
    .unwrap();
    p.set(PreregField::PlannedTotal, "16286", 1).unwrap();
    p.freeze(FROZEN_MS).unwrap();
    p
}

#[test]
fn freezing_keeps_the_launch_terms_as_version_one() {
    let p = frozen_plan();
    assert_eq!(p.version_in_force(), 1);
    assert_eq!(p.versions.len(), 1);
    assert_eq!(p.versions[0].terms, p.terms());
    assert_eq!(p.versions[0].at_ms, FROZEN_MS);
    assert_eq!(
        p.version_note(),
        VersionNote {
            text: "Analysed with version 1 of the pre-registration, frozen at launch on 13 Apr 2026 09:00 UTC.".into(),
            amended_after_launch: false,
        }
    );
    assert_eq!(PreRegistration::draft("t", 0).version_in_force(), 0);
}

#[test]
fn an_amendment_is_a_new_version_and_the_original_stays_byte_for_byte() {
    let mut p = frozen_plan();
    let original = serde_json::to_string(&p.versions[0]).unwrap();
    let edits = vec![
        (PreregField::MinLift, "25".to_string()),
        (
            PreregField::Hypothesis,
            "The creator email lifts sign-ups".to_string(),
        ),
    ];
    assert!(p
        .amend(&edits, "  ", AMENDED_MS)
        .unwrap_err()
        .to_string()
        .contains("why"));
    let unchanged = vec![(PreregField::MinLift, "10".to_string())];
    assert!(p
        .amend(&unchanged, "no change", AMENDED_MS)
        .unwrap_err()
        .to_string()
        .contains("nothing differs"));
    let bad = vec![(PreregField::Alpha, "2".to_string())];
    assert!(p
        .amend(&bad, "typo", AMENDED_MS)
        .unwrap_err()
        .to_string()
        .starts_with("Significance level (alpha): "));
    assert_eq!(p.versions.len(), 1, "refused amendments leave no version");

    assert_eq!(
        p.amend(
            &edits,
            "Finance needs +25% to fund the roll-out",
            AMENDED_MS
        ),
        Ok(2)
    );
    assert!(
        (p.min_lift - 0.25).abs() < 1e-15,
        "the analysis reads the version in force"
    );
    assert_eq!(serde_json::to_string(&p.versions[0]).unwrap(), original);
    assert!((p.versions[0].terms.min_lift - 0.10).abs() < 1e-15);
    let second = &p.versions[1];
    assert_eq!(second.number, 2);
    assert_eq!(second.reason, "Finance needs +25% to fund the roll-out");
    assert_eq!(
        second.changes,
        vec![Revision {
            at_ms: AMENDED_MS,
            field: "Smallest lift worth acting on (%)".into(),
            before: "10".into(),
            after: "25".into(),
        }]
    );
    assert_eq!(
        p.version_note(),
        VersionNote {
            text: "Analysed with version 2 of the pre-registration, amended after launch on 21 Apr 2026 10:05 UTC \
                   (reason: Finance needs +25% to fund the roll-out). Changed since version 1, frozen at launch \
                   on 13 Apr 2026 09:00 UTC: Smallest lift worth acting on (%)."
                .into(),
            amended_after_launch: true,
        }
    );
    // A third version lists every field changed since launch, not only its own.
    let alpha = vec![(PreregField::Alpha, "0.01".to_string())];
    assert_eq!(p.amend(&alpha, "Stricter", AMENDED_MS + 60_000), Ok(3));
    assert!(p
        .version_note()
        .text
        .ends_with("09:00 UTC: Significance level (alpha), Smallest lift worth acting on (%)."));
    assert_eq!(serde_json::to_string(&p.versions[0]).unwrap(), original);
    let draft = &mut PreRegistration::draft("d", 0);
    assert!(draft
        .amend(&alpha, "x", 1)
        .unwrap_err()
        .to_string()
        .contains("draft"));
}
