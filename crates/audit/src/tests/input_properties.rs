//! Property tests of audience shares, audience fit, comment import and the method page:
//! arbitrary text and numbers never panic and never produce NaN.

use proptest::prelude::*;

use crate::audience::{audience_fit, TargetPersona};
use crate::comment_import::{analyse_creator, group_by_creator};
use crate::comments::{CommentSettings, RawComment};
use crate::method_doc::{inline, parse_method};
use microplan_model::audience::{format_shares, parse_shares, AudienceBreakdown, AudienceShare};

fn share() -> impl Strategy<Value = AudienceShare> {
    ("[A-Za-z0-9 -]{0,6}", prop_oneof![any::<f64>(), 0.0..1.0f64])
        .prop_map(|(key, share)| AudienceShare { key, share })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn parsing_shares_never_panics_and_round_trips_what_it_accepts(text in "\\PC{0,40}") {
        if let Ok(shares) = parse_shares(&text) {
            prop_assert!(shares.iter().all(|s| s.share.is_finite() && s.share >= 0.0));
            let again = parse_shares(&format_shares(&shares));
            prop_assert!(again.is_ok() || shares.iter().any(|s| s.key.contains([';', '|'])));
        }
    }

    #[test]
    fn audience_fit_is_a_fraction_or_none(
        countries in prop::collection::vec(share(), 0..5),
        ages in prop::collection::vec(share(), 0..5),
        categories in prop::collection::vec("[a-z ]{0,8}", 0..4),
        targets in prop::collection::vec("[A-Za-z0-9 -]{0,6}", 0..4),
    ) {
        let audience = AudienceBreakdown { countries, age_bands: ages, genders: vec![] };
        let persona = TargetPersona { themes: targets.clone(), countries: targets.clone(), age_bands: targets };
        let fit = audience_fit(&audience, &categories, &persona);
        for part in [fit.country_share, fit.age_share, fit.theme_share, fit.fit].into_iter().flatten() {
            prop_assert!((0.0..=1.0).contains(&part), "{part}");
        }
    }

    #[test]
    fn method_text_never_panics(text in "\\PC{0,200}") {
        let _ = parse_method(&text);
        let _ = inline(&text);
    }

    #[test]
    fn comment_import_handles_any_rows(
        rows in prop::collection::vec(("[a-c@ ]{0,3}", "[pq]{1}", "[xyz]{0,2}", "\\PC{0,20}", any::<bool>()), 0..40)
    ) {
        let rows: Vec<(String, RawComment)> = rows
            .into_iter()
            .map(|(handle, post, who, text, reply)| (handle, RawComment {
                post_id: post, comment_id: None, commenter: who, text, is_creator_reply: reply, parent: None,
            }))
            .collect();
        let total = rows.len();
        let groups = group_by_creator(rows);
        prop_assert_eq!(groups.iter().map(|g| g.rows.len()).sum::<usize>(), total);
        for group in &groups {
            let analysed = analyse_creator(group, &CommentSettings::default());
            prop_assert!(analysed.patterns.patterns.commenters.is_empty());
            let debug = format!("{:?}", analysed.summaries);
            prop_assert!(!debug.contains("NaN"), "{}", debug);
        }
    }
}
