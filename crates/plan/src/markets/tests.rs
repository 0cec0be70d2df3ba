use super::*;

#[test]
fn every_market_has_complete_rules_with_sources() {
    for market in Market::ALL {
        let rules = market.rules();
        assert_eq!(rules.market, market);
        assert!(!rules.accepted_labels.is_empty(), "{market:?}");
        assert!(!rules.labels_to_avoid.is_empty(), "{market:?}");
        assert!(
            !rules.placement.is_empty() && !rules.video.is_empty(),
            "{market:?}"
        );
        assert!(
            !rules.gifted_products.is_empty() && !rules.contract_notes.is_empty(),
            "{market:?}"
        );
        assert!(
            rules
                .sources
                .iter()
                .all(|s| (2005..=2026).contains(&s.year)),
            "{market:?}"
        );
        assert!(!rules.sources.is_empty());
        // No label is both accepted and to be avoided.
        for label in rules.accepted_labels {
            assert!(
                !rules
                    .labels_to_avoid
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(label)),
                "{market:?} {label}"
            );
        }
    }
}

#[test]
fn codes_round_trip_and_countries_map() {
    for market in Market::ALL {
        assert_eq!(Market::parse(market.code()), Some(market));
        assert_eq!(Market::parse(&market.code().to_uppercase()), Some(market));
    }
    assert_eq!(Market::parse("GB"), Some(Market::Uk));
    assert_eq!(Market::parse("de"), None);
    assert_eq!(Market::for_country("gb"), Some(Market::Uk));
    assert_eq!(Market::for_country("DE"), Some(Market::EuDefault));
    assert_eq!(Market::for_country("FR"), Some(Market::France));
    assert_eq!(Market::for_country("BR"), None);
    assert_eq!(Market::for_country(""), None);
}

#[test]
fn the_named_rules_are_there() {
    let us = Market::Us.rules();
    assert!(us.sources_line().contains("16 CFR Part 255 (2023)"));
    assert!(us.sources_line().contains("16 CFR Part 465 (2024)"));
    assert!(us.video.iter().any(|v| v.contains("on screen and spoken")));
    assert!(us.accepted_labels.contains(&"Paid partnership"));
    let uk = Market::Uk.rules();
    assert_eq!(uk.preferred_label(), "Ad");
    assert!(uk.labels_to_avoid.contains(&"#spon") && uk.labels_to_avoid.contains(&"thanks to"));
    assert!(uk.gifted_products.contains("count as payment"));
    // The CMA expects "Gifted" for a gift without control, so it is not a label to avoid.
    assert!(uk
        .gifted_products
        .contains("\"Gifted\" is then the label the CMA expects"));
    assert!(!uk
        .labels_to_avoid
        .iter()
        .any(|l| l.eq_ignore_ascii_case("#gifted")));
    let fr = Market::France.rules();
    assert_eq!(
        fr.accepted_labels,
        &["Publicité", "Collaboration commerciale"]
    );
    assert!(fr
        .placement
        .iter()
        .any(|p| p.contains("Images retouchées") && p.contains("Images virtuelles")));
    assert!(fr.sources_line().contains("2023-451"));
    assert_eq!(fr.mandatory_contract_clauses.len(), 5);
    assert!(Market::ALL
        .iter()
        .filter(|m| **m != Market::France)
        .all(|m| m.rules().mandatory_contract_clauses.is_empty()));
    assert!(Market::Australia.rules().sources_line().contains("AANA"));
    assert!(Market::Canada
        .rules()
        .sources_line()
        .contains("Competition Bureau"));
    assert!(Market::Ireland.rules().sources_line().contains("CCPC"));
    assert!(Market::EuDefault
        .rules()
        .sources_line()
        .contains("2005/29/EC"));
}

#[test]
fn caption_check_finds_labels_up_front_as_whole_words() {
    let check = check_caption("Ad | my new trail shoes", Market::Uk);
    assert_eq!(check.label_up_front, Some("Ad"));
    assert!(check.unclear_labels.is_empty());
    // "made" and "#adventure" are not labels.
    let check = check_caption("I made this #adventure #spon", Market::Uk);
    assert_eq!(check.label_up_front, None);
    assert_eq!(check.unclear_labels, vec!["#spon"]);
    // A label after the first 125 characters is not up front.
    let late = format!("{} #ad", "x".repeat(130));
    assert_eq!(check_caption(&late, Market::Us).label_up_front, None);
    assert_eq!(
        check_caption("Big thanks to the team", Market::Uk).unclear_labels,
        vec!["thanks to"]
    );
    assert_eq!(
        check_caption("Publicité — mes chaussures", Market::France).label_up_front,
        Some("Publicité")
    );
    // #sp is not found inside #spon's neighbour #sport.
    assert!(check_caption("#sport day", Market::Us)
        .unclear_labels
        .is_empty());
}

proptest::proptest! {
    #[test]
    fn any_caption_is_safe(caption in ".{0,200}") {
        for market in Market::ALL {
            let _ = check_caption(&caption, market);
        }
    }
}
