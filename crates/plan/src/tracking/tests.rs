use super::codes::digit_suffix_for_test;
use super::*;

fn params(handle: &str, deliverable: &str) -> UtmParameters {
    utm_parameters(
        "Instagram",
        Placement::Organic,
        "Spring Pilot 2026",
        handle,
        deliverable,
        None,
        None,
    )
    .unwrap()
}

fn tag(landing: &str) -> TaggedLink {
    tag_landing_page(landing, &params("muddy_miles_tom", "Reel 1")).unwrap()
}

const TAGS: &str = "utm_source=instagram&utm_medium=social&utm_campaign=spring_pilot_2026&utm_content=muddy_miles_tom_reel_1";

#[test]
fn values_are_lowercase_with_one_separator() {
    assert_eq!(utm_value("  @Muddy Miles Tom!! "), "muddy_miles_tom");
    assert_eq!(utm_value("Spring Pilot 2026"), "spring_pilot_2026");
    assert_eq!(utm_value("reel #1 / launch"), "reel_1_launch");
    assert_eq!(utm_value("trail-running.uk"), "trail-running.uk");
    assert_eq!(utm_value("Zoë Läuft"), "zoë_läuft");
    assert_eq!(utm_value("!!!"), "");
}

#[test]
fn a_plain_landing_page_gets_the_six_ga4_names_in_order() {
    let link = tag("https://shop.example/bars");
    assert_eq!(link.url, format!("https://shop.example/bars?{TAGS}"));
    assert!(link.warnings.is_empty());
    let full = utm_parameters(
        "TikTok",
        Placement::PaidWhitelisted,
        "Spring",
        "ava",
        "",
        Some("Trail Running"),
        Some("SP-26"),
    )
    .unwrap();
    let url = tag_landing_page("https://shop.example/", &full)
        .unwrap()
        .url;
    assert_eq!(
        url,
        "https://shop.example/?utm_source=tiktok&utm_medium=paid_social&utm_campaign=spring&utm_content=ava&utm_term=trail_running&utm_id=sp-26"
    );
}

#[test]
fn organic_posts_are_social_and_whitelisted_ads_paid_social() {
    assert_eq!(Placement::Organic.medium(), "social");
    assert_eq!(Placement::PaidWhitelisted.medium(), "paid_social");
    for placement in Placement::ALL {
        assert_eq!(Placement::parse(placement.key()), Some(placement));
    }
}

#[test]
fn existing_query_parameters_stay_first_and_in_order() {
    let link = tag("https://shop.example/bars?variant=42&ref=home");
    assert_eq!(
        link.url,
        format!("https://shop.example/bars?variant=42&ref=home&{TAGS}")
    );
    // A trailing ? or stray & adds no empty parameter.
    assert_eq!(
        tag("https://shop.example/bars?").url,
        format!("https://shop.example/bars?{TAGS}")
    );
    assert_eq!(
        tag("https://shop.example/bars?a=1&&b=2&").url,
        format!("https://shop.example/bars?a=1&b=2&{TAGS}")
    );
}

#[test]
fn fragments_stay_at_the_end() {
    assert_eq!(
        tag("https://shop.example/bars#reviews").url,
        format!("https://shop.example/bars?{TAGS}#reviews")
    );
    assert_eq!(
        tag("https://shop.example/bars?size=12#reviews").url,
        format!("https://shop.example/bars?size=12&{TAGS}#reviews")
    );
    // A ? inside the fragment belongs to the fragment, not the query.
    assert_eq!(
        tag("https://shop.example/app#/route?x=1").url,
        format!("https://shop.example/app?{TAGS}#/route?x=1")
    );
}

#[test]
fn old_utm_parameters_are_replaced_with_a_warning() {
    let link = tag("https://shop.example/bars?utm_source=newsletter&id=7&UTM_Medium=email");
    assert_eq!(link.url, format!("https://shop.example/bars?id=7&{TAGS}"));
    assert_eq!(link.warnings.len(), 1);
    assert!(link.warnings[0].contains("utm_source, UTM_Medium"));
}

#[test]
fn unicode_handles_and_paths_are_percent_encoded() {
    let link = tag_landing_page("https://shop.example/bars", &params("Zoë_läuft", "reel")).unwrap();
    assert!(
        link.url.ends_with("utm_content=zo%C3%AB_l%C3%A4uft_reel"),
        "{}",
        link.url
    );
    let kana = tag_landing_page("https://shop.example/", &params("ナナ", "story")).unwrap();
    assert!(
        kana.url.ends_with("utm_content=%E3%83%8A%E3%83%8A_story"),
        "{}",
        kana.url
    );
    // Non-ASCII in the path is encoded; an existing escape is left alone.
    let page = parse_landing_page("https://bäckerei.example/brød%20roll?q=süß").unwrap();
    assert_eq!(page.base, "https://bäckerei.example/br%C3%B8d%20roll");
    assert_eq!(page.query, vec!["q=s%C3%BC%C3%9F".to_string()]);
    assert_eq!(encode_value("a b&c=d"), "a%20b%26c%3Dd");
}

#[test]
fn scheme_and_site_name_are_normalised_but_the_path_is_not() {
    let page = parse_landing_page("  HTTPS://Shop.Example/Bars  ").unwrap();
    assert_eq!(page.base, "https://shop.example/Bars");
    let http = parse_landing_page("http://shop.example:8080/bars").unwrap();
    assert_eq!(http.base, "http://shop.example:8080/bars");
    assert_eq!(http.warnings.len(), 1);
    assert!(parse_landing_page("http://localhost:8080/").is_ok());
}

#[test]
fn bad_landing_pages_get_errors_that_say_what_to_do() {
    let cases = [
        ("", "Enter the landing page"),
        (
            "shop.example/bars",
            "did you mean https://shop.example/bars",
        ),
        ("www.shop.example:443/bars", "has no https://"),
        ("ftp://files.example/x", "ftp: address"),
        ("javascript:alert(1)", "javascript: address"),
        ("mailto:team@shop.example", "mailto: address"),
        ("https://", "no site name"),
        ("https:///bars", "no site name"),
        ("https://shop/bars", "not a full site name"),
        ("https://shop..example/", "empty part"),
        ("https://-shop.example/", "hyphen"),
        ("https://shop_example.com/", "cannot contain `_`"),
        ("https://user:secret@shop.example/", "user name or password"),
        ("https://shop.example:80a/", "must be a number"),
        ("https://shop.example/bars and more", "contains a space"),
    ];
    for (input, expected) in cases {
        let error = parse_landing_page(input).unwrap_err();
        assert!(error.to_string().contains(expected), "{input:?}: {error}");
    }
    assert!(tag_landing_page("shop.example", &params("a", "b")).is_err());
}

#[test]
fn parameters_need_a_platform_a_campaign_and_a_usable_handle() {
    assert!(
        utm_parameters("", Placement::Organic, "c", "h", "d", None, None)
            .unwrap_err()
            .to_string()
            .contains("no platform")
    );
    assert!(
        utm_parameters("instagram", Placement::Organic, " ", "h", "d", None, None)
            .unwrap_err()
            .to_string()
            .contains("Name the campaign")
    );
    assert!(utm_parameters("instagram", Placement::Organic, "c", "@!!", "d", None, None).is_err());
    // An empty optional value is left out rather than sent empty.
    let p = utm_parameters(
        "instagram",
        Placement::Organic,
        "c",
        "h",
        "",
        Some("  "),
        Some(""),
    )
    .unwrap();
    assert_eq!((p.content.as_str(), p.term, p.id), ("h", None, None));
}

fn inputs(handle: &str) -> CodeInputs<'_> {
    CodeInputs {
        handle,
        campaign: "Spring pilot",
        discount: Some(0.15),
    }
}

#[test]
fn codes_are_whole_words_that_can_be_said_on_camera() {
    // muddy_miles_tom: MUDDY + MILES fit in 12, TOM would not; then 15.
    assert_eq!(
        render_code("{HANDLE}{PCT}", &inputs("muddy_miles_tom")).unwrap(),
        "MUDDYMILES15"
    );
    assert_eq!(
        render_code("{HANDLE}{PCT}", &inputs("levain_lotte")).unwrap(),
        "LEVAINLOTTE15"
    );
    assert_eq!(
        render_code("{HANDLE}{PCT}", &inputs("crumb_theory")).unwrap(),
        "CRUMBTHEORY15"
    );
    assert_eq!(render_code("{handle}", &inputs("Zoë")).unwrap(), "ZOE");
    assert_eq!(
        render_code("run-{HANDLE}", &inputs("ava")).unwrap(),
        "RUNAVA"
    );
    // The campaign part takes whole words up to 8 characters: SPRING, not SPRINGPI.
    assert_eq!(
        render_code("{CAMPAIGN}{HANDLE}", &inputs("ava")).unwrap(),
        "SPRINGAVA"
    );
    // A first word longer than 12 characters is cut.
    assert_eq!(
        render_code("{HANDLE}", &inputs("abcdefghijklmnopq")).unwrap(),
        "ABCDEFGHIJKL"
    );
    // Digits 0 and 1 never appear outside the discount: they read as O and I.
    assert_eq!(
        render_code("{HANDLE}", &inputs("runner_2021")).unwrap(),
        "RUNNER22"
    );
    for handle in [
        "lilo_o1",
        "Oli_loves_1000",
        "ILL0",
        "ナナ",
        "bäckerin",
        "__01",
    ] {
        let code = render_code("{HANDLE}", &inputs(handle)).unwrap();
        assert!(!code.is_empty(), "{handle}");
        assert!(
            !code.contains('0') && !code.contains('1'),
            "{handle}: {code}"
        );
    }
}

#[test]
fn handles_without_usable_letters_get_a_stable_hashed_code() {
    let first = render_code("{HANDLE}", &inputs("ナナ")).unwrap();
    assert_eq!(first, render_code("{HANDLE}", &inputs("ナナ")).unwrap());
    assert_eq!(first.len(), 5);
    assert!(first.starts_with('C'));
    assert_ne!(first, render_code("{HANDLE}", &inputs("ミミ")).unwrap());
    // Only the digits 0 and 1: nothing is left, so it is hashed too.
    let hashed = render_code("{HANDLE}", &inputs("__01")).unwrap();
    assert_eq!(hashed.len(), 5);
    assert!(
        hashed.chars().all(|c| SAFE_ALPHABET.contains(c)),
        "{hashed}"
    );
}

#[test]
fn patterns_with_mistakes_are_explained() {
    assert!(render_code("", &inputs("a"))
        .unwrap_err()
        .to_string()
        .contains("Enter a code pattern"));
    assert!(render_code("{HANDEL}", &inputs("a"))
        .unwrap_err()
        .to_string()
        .contains("Unknown placeholder {HANDEL}"));
    assert!(render_code("{HANDLE", &inputs("a"))
        .unwrap_err()
        .to_string()
        .contains("never closed"));
    let no_discount = CodeInputs {
        discount: None,
        ..inputs("a")
    };
    assert!(render_code("{HANDLE}{PCT}", &no_discount)
        .unwrap_err()
        .to_string()
        .contains("enter a discount"));
    let too_big = CodeInputs {
        discount: Some(1.5),
        ..inputs("a")
    };
    assert!(render_code("{PCT}", &too_big).is_err());
    assert!(render_code("---", &inputs("a"))
        .unwrap_err()
        .to_string()
        .contains("empty code"));
}

#[test]
fn collision_suffixes_count_in_safe_digits() {
    let sequence: Vec<String> = [0, 1, 7, 8, 9, 71, 72]
        .iter()
        .map(|n| digit_suffix_for_test(*n))
        .collect();
    assert_eq!(sequence, vec!["2", "3", "9", "22", "23", "99", "222"]);
}

#[test]
fn codes_never_collide_in_the_workspace_or_with_the_store() {
    let creators = [inputs("tom_runs"), inputs("Tom.Runs"), inputs("TOM RUNS")];
    // All three render TOMRUNS15; a code ending in a digit gets a letter suffix.
    let codes = assign_codes("{HANDLE}{PCT}", &creators, &[]).unwrap();
    assert_eq!(codes, vec!["TOMRUNS15", "TOMRUNS15B", "TOMRUNS15C"]);
    let store = vec!["tomruns15".to_string(), " TOMRUNS15C ".to_string()];
    let against_store = assign_codes("{HANDLE}{PCT}", &creators, &store).unwrap();
    assert_eq!(
        against_store,
        vec!["TOMRUNS15B", "TOMRUNS15D", "TOMRUNS15E"]
    );
    // Without a number at the end the suffix is a safe digit.
    let plain = assign_codes(
        "{HANDLE}",
        &[inputs("ava"), inputs("AVA")],
        &["AVA".to_string()],
    )
    .unwrap();
    assert_eq!(plain, vec!["AVA2", "AVA3"]);
    // The same inputs give the same codes.
    assert_eq!(
        assign_codes("{HANDLE}{PCT}", &creators, &store).unwrap(),
        against_store
    );
}

fn plan() -> LinkPlan {
    LinkPlan {
        campaign: "Autumn trail launch".into(),
        landing_page: "https://hearthandtrail.example/bars?ref=creators#flavours".into(),
        placement: Placement::Organic,
        deliverables: vec![
            "Reel 1".into(),
            "Story 1".into(),
            " reel 1 ".into(),
            "".into(),
        ],
        code_pattern: Some("{HANDLE}{PCT}".into()),
        discount: Some(0.15),
        utm_term: Some("Trail running".into()),
        utm_id: None,
    }
}

fn creators() -> Vec<LinkCreator> {
    vec![
        LinkCreator {
            handle: "ridge_runner_ava".into(),
            platform: "instagram".into(),
            ..LinkCreator::default()
        },
        LinkCreator {
            handle: "@trail_nora".into(),
            platform: "TikTok".into(),
            ..LinkCreator::default()
        },
    ]
}

#[test]
fn one_link_per_creator_and_deliverable_and_one_code_per_creator() {
    let generated = generate_links(&plan(), &creators(), &TrackingBook::default()).unwrap();
    // Two creators x two distinct deliverables ("reel 1" is listed twice).
    assert_eq!(generated.links.len(), 4);
    let first = &generated.links[0];
    assert_eq!(first.deliverable, "Reel 1");
    assert_eq!(
        first.url,
        "https://hearthandtrail.example/bars?ref=creators&utm_source=instagram&utm_medium=social\
         &utm_campaign=autumn_trail_launch&utm_content=ridge_runner_ava_reel_1&utm_term=trail_running#flavours"
    );
    // ridge_runner_ava -> RIDGE + RUNNER fit in 12 characters, AVA would not.
    assert_eq!(
        generated.links[0].promo_code.as_deref(),
        Some("RIDGERUNNER15")
    );
    assert_eq!(
        generated.links[1].promo_code.as_deref(),
        Some("RIDGERUNNER15")
    );
    assert_eq!(generated.links[2].handle, "trail_nora");
    assert_eq!(generated.links[2].platform, "tiktok");
    assert_eq!(
        generated.links[2].promo_code.as_deref(),
        Some("TRAILNORA15")
    );
    assert_eq!(generated.links[3].utm_content, "trail_nora_story_1");
    assert!(generated.links.iter().all(|l| l.discount == Some(0.15)));
    assert!(generated.warnings.is_empty());
}

#[test]
fn re_running_gives_the_same_table_even_after_the_codes_reach_the_store() {
    let mut book = TrackingBook::default();
    let first = generate_links(&plan(), &creators(), &book).unwrap().links;
    book.replace_campaign("Autumn trail launch", first.clone());
    // The shop now has the codes; they were this campaign's own, so nothing is suffixed.
    book.store_codes = first
        .iter()
        .filter_map(|l| l.promo_code.clone())
        .map(|code| StoreCode { code, note: None })
        .collect();
    let again = generate_links(&plan(), &creators(), &book).unwrap().links;
    assert_eq!(again, first);
    // Another campaign with the same creators must not reuse those codes.
    let other = LinkPlan {
        campaign: "Winter".into(),
        ..plan()
    };
    let winter = generate_links(&other, &creators(), &book).unwrap().links;
    assert_eq!(winter[0].promo_code.as_deref(), Some("RIDGERUNNER15B"));
    book.replace_campaign("Winter", winter);
    assert_eq!(book.links.len(), 8);
    book.replace_campaign("autumn trail launch", Vec::new());
    assert_eq!(book.links.len(), 4);
    assert_eq!(book.links_for("winter", "TRAIL_NORA").count(), 2);
}

#[test]
fn generation_stops_at_the_first_problem_to_fix() {
    let bad_page = LinkPlan {
        landing_page: "hearthandtrail.example".into(),
        ..plan()
    };
    assert!(
        generate_links(&bad_page, &creators(), &TrackingBook::default())
            .unwrap_err()
            .to_string()
            .contains("https://")
    );
    let bad_pattern = LinkPlan {
        code_pattern: Some("{NAME}".into()),
        ..plan()
    };
    assert!(generate_links(&bad_pattern, &creators(), &TrackingBook::default()).is_err());
    assert!(generate_links(&plan(), &[], &TrackingBook::default())
        .unwrap_err()
        .to_string()
        .contains("at least one creator"));
    let no_codes = LinkPlan {
        code_pattern: None,
        deliverables: vec![],
        ..plan()
    };
    let links = generate_links(&no_codes, &creators(), &TrackingBook::default())
        .unwrap()
        .links;
    assert_eq!(links.len(), 2);
    assert_eq!(links[0].deliverable, "post");
    assert!(links
        .iter()
        .all(|l| l.promo_code.is_none() && l.discount.is_none()));
    let twice = vec![
        creators()[0].clone(),
        LinkCreator {
            handle: "Ridge_Runner_Ava".into(),
            platform: "instagram".into(),
            ..LinkCreator::default()
        },
    ];
    let generated = generate_links(&no_codes, &twice, &TrackingBook::default()).unwrap();
    assert_eq!(generated.links.len(), 1);
    assert!(generated.warnings[0].contains("listed twice"));
}

#[test]
fn a_creator_can_have_their_own_deliverables() {
    let mut list = creators();
    list[1].deliverables = vec!["tiktok video 1".into(), "tiktok video 2".into()];
    let links = generate_links(&plan(), &list, &TrackingBook::default())
        .unwrap()
        .links;
    let names: Vec<(&str, &str)> = links
        .iter()
        .map(|l| (l.handle.as_str(), l.deliverable.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("ridge_runner_ava", "Reel 1"),
            ("ridge_runner_ava", "Story 1"),
            ("trail_nora", "tiktok video 1"),
            ("trail_nora", "tiktok video 2")
        ]
    );
}

#[test]
fn the_overview_counts_links_creators_and_codes_per_campaign() {
    let mut book = TrackingBook::default();
    book.replace_campaign(
        "Autumn trail launch",
        generate_links(&plan(), &creators(), &book).unwrap().links,
    );
    let no_codes = LinkPlan {
        campaign: "Winter".into(),
        code_pattern: None,
        ..plan()
    };
    book.replace_campaign(
        "Winter",
        generate_links(&no_codes, &creators()[..1], &book)
            .unwrap()
            .links,
    );
    let summary = campaign_summary(&book.links);
    // Autumn: 2 creators x 2 pieces, 2 codes. Winter: 1 creator x 2 pieces, no codes.
    assert_eq!(
        summary,
        vec![
            CampaignLinks {
                campaign: "Autumn trail launch".into(),
                links: 4,
                creators: 2,
                codes: 2
            },
            CampaignLinks {
                campaign: "Winter".into(),
                links: 2,
                creators: 1,
                codes: 0
            },
        ]
    );
    assert!(campaign_summary(&[]).is_empty());
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;
    use std::collections::HashSet;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn any_landing_page_text_is_checked_without_panicking(text in "\\PC{0,40}", tail in "[a-z0-9?#&=/%.]{0,20}") {
            let _ = parse_landing_page(&text);
            let candidate = format!("https://shop.example/{tail}");
            let parameters = utm_parameters("instagram", Placement::Organic, "c", "h", "d", None, None).unwrap();
            let tagged = tag_landing_page(&candidate, &parameters).unwrap();
            // The page's address comes first, then the query; the fragment (if any) is kept last.
            let page_end = candidate.find(['?', '#']).unwrap_or(candidate.len());
            let page = encode_url_part(&candidate[..page_end]);
            prop_assert!(tagged.url.starts_with(&format!("{page}?")), "{}", tagged.url);
            prop_assert!(tagged.url.contains("utm_content=h_d"));
            if let Some((_, fragment)) = candidate.split_once('#') {
                prop_assert!(tagged.url.ends_with(&encode_url_part(fragment)));
            }
        }

        #[test]
        fn codes_from_any_handles_are_unique_and_hold_no_0_or_1(handles in prop::collection::vec("\\PC{0,16}", 1..12)) {
            let inputs: Vec<CodeInputs> = handles.iter().map(|h| CodeInputs { handle: h, campaign: "c", discount: None }).collect();
            let codes = assign_codes("{HANDLE}", &inputs, &["TOM".to_string()]).unwrap();
            let distinct: HashSet<&String> = codes.iter().collect();
            prop_assert_eq!(distinct.len(), codes.len());
            for code in &codes {
                prop_assert!(!code.is_empty());
                prop_assert!(code.chars().all(|c| c.is_ascii_uppercase() || ('2'..='9').contains(&c)), "{}", code);
                prop_assert_ne!(code.as_str(), "TOM");
            }
        }
    }
}
