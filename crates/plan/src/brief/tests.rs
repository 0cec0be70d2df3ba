use chrono::NaiveDate;

use super::per_creator::brief_link_plan;
use super::*;
use crate::deliverables::{Deliverable, DeliverableFormat};
use crate::doc::{render_markdown, render_plain_text};
use crate::markets::Market;
use crate::tracking::{generate_links, LinkPlan, Placement, TrackingBook};
use microplan_model::rows::Creator;

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

fn reel(platform: &str, count: u32) -> Deliverable {
    Deliverable {
        aspect_ratio: Some("9:16".into()),
        ..Deliverable::new(platform, DeliverableFormat::ShortVideo, count)
    }
}

fn complete() -> CampaignBrief {
    CampaignBrief {
        community: Some("Trail running".into()),
        mission: "Help trail runners fuel long days with real food.".into(),
        objective:
            "Runners in the community try the bar on a long run and tell others how it went.".into(),
        mandatory_facts: vec![
            "Made with sourdough, oats and dates".into(),
            "38 g of carbohydrate per bar".into(),
        ],
        non_negotiables: vec!["Show the bar being eaten outdoors".into()],
        avoid: vec!["Health or performance claims (\"boosts endurance\")".into()],
        market: Some(Market::Uk),
        past_examples: vec!["@fell_and_fog's muddy long-run reel with a kit flat-lay".into()],
        formats: vec![
            ParticipatoryFormat::FirstPersonStory,
            ParticipatoryFormat::MicroChallenge,
        ],
        posting_window: Some(PostingWindow {
            start: day(10, 12),
            end: day(10, 26),
        }),
        deliverables: vec![
            reel("any", 1),
            Deliverable::new("instagram", DeliverableFormat::Story, 2),
        ],
        call_to_action: "Try a bar on your next long run with your code.".into(),
        creative_prompts: vec!["Your favourite long-run route".into()],
        audience_segments: vec!["Parkrunners moving to trails".into()],
        creators: vec![
            "ridge_runner_ava".into(),
            "@trail_nora".into(),
            "RIDGE_RUNNER_AVA".into(),
            "ghost_runner".into(),
        ],
        ..CampaignBrief::new("autumn", "Autumn trail launch")
    }
}

fn kinds(brief: &CampaignBrief) -> Vec<QualityKind> {
    check_brief(brief).into_iter().map(|i| i.kind).collect()
}

#[test]
fn a_complete_brief_passes_the_quality_check() {
    assert_eq!(check_brief(&complete()), vec![]);
}

#[test]
fn a_new_brief_lists_what_is_missing() {
    let brief = CampaignBrief::new("b", "Spring");
    assert_eq!(
        kinds(&brief),
        vec![
            QualityKind::MissingObjective,
            QualityKind::MissingDisclosure,
            QualityKind::MissingPostingWindow,
            QualityKind::MissingCallToAction,
            QualityKind::MissingDeliverables,
        ]
    );
    let no_voice = CampaignBrief {
        creative_freedom: " ".into(),
        ..complete()
    };
    assert_eq!(kinds(&no_voice), vec![QualityKind::MissingCreativeFreedom]);
}

#[test]
fn more_than_five_mandatory_facts_warn() {
    let five = CampaignBrief {
        mandatory_facts: (1..=5)
            .map(|i| format!("Fact {i}"))
            .chain([" ".to_string()])
            .collect(),
        ..complete()
    };
    assert_eq!(kinds(&five), vec![]);
    let six = CampaignBrief {
        mandatory_facts: (1..=6).map(|i| format!("Fact {i}")).collect(),
        ..complete()
    };
    let issues = check_brief(&six);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].kind, QualityKind::TooManyMandatoryFacts);
    assert!(issues[0].message.starts_with("6 mandatory facts"));
}

#[test]
fn scripted_wording_is_caught_in_facts_rules_mission_and_cta() {
    let brief = CampaignBrief {
        mandatory_facts: vec![
            "Say exactly: best bar ever".into(),
            "38 g of carbohydrate".into(),
        ],
        non_negotiables: vec![
            "Caption: \"This bar changed the way I run every single weekend\"".into(),
        ],
        mission: "Read the script in the first seconds".into(),
        call_to_action: "\"Tap the link\"".into(),
        ..complete()
    };
    let issues = check_brief(&brief);
    let scripted: Vec<&QualityIssue> = issues
        .iter()
        .filter(|i| i.kind == QualityKind::ScriptedWording)
        .collect();
    assert_eq!(scripted.len(), 3, "{issues:#?}");
    assert!(
        scripted[0].message.starts_with("Mandatory facts:")
            && scripted[0].message.contains("“say exactly”")
    );
    assert!(scripted[1].message.contains("a 10-word quotation"));
    assert!(scripted[2].message.starts_with("Mission:"));
    // A short quotation (a product name, a 7-word line) is not a script.
    let short = CampaignBrief {
        non_negotiables: vec!["Call it \"the sourdough bar for long days out\"".into()],
        ..complete()
    };
    assert_eq!(kinds(&short), vec![]);
}

#[test]
fn unclear_labels_in_the_brief_are_named_for_the_market() {
    let brief = CampaignBrief {
        non_negotiables: vec!["Tag it #spon and say thanks to Hearth & Trail".into()],
        ..complete()
    };
    let issues = check_brief(&brief);
    assert_eq!(issues.len(), 2, "{issues:#?}");
    assert!(issues
        .iter()
        .all(|i| i.kind == QualityKind::UnclearDisclosureLabel));
    assert!(issues[0].message.contains("“#spon”") && issues[0].message.contains("“Ad”"));
    assert!(issues[1].message.contains("thanks to"));
}

#[test]
fn posting_windows_must_be_ordered_and_short() {
    let backwards = CampaignBrief {
        posting_window: Some(PostingWindow {
            start: day(10, 26),
            end: day(10, 12),
        }),
        ..complete()
    };
    assert_eq!(kinds(&backwards), vec![QualityKind::PostingWindowProblem]);
    assert_eq!(backwards.posting_window.unwrap().days(), 0);
    // 1 to 30 October is 30 days, both ends included.
    let long = CampaignBrief {
        posting_window: Some(PostingWindow {
            start: day(10, 1),
            end: day(10, 30),
        }),
        ..complete()
    };
    let issues = check_brief(&long);
    assert!(issues[0].message.contains("30 days"));
    // 21 days (1 to 21 October) is still fine.
    let three_weeks = CampaignBrief {
        posting_window: Some(PostingWindow {
            start: day(10, 1),
            end: day(10, 21),
        }),
        ..complete()
    };
    assert_eq!(kinds(&three_weeks), vec![]);
}

#[test]
fn deliverable_problems_come_through_the_check() {
    let brief = CampaignBrief {
        deliverables: vec![Deliverable::new("instagram", DeliverableFormat::Story, 0)],
        ..complete()
    };
    let issues = check_brief(&brief);
    assert_eq!(issues.len(), 1);
    assert!(issues[0].message.starts_with("Deliverable 1:"));
}

#[test]
fn every_market_puts_its_own_rule_and_source_in_the_brief() {
    for market in Market::ALL {
        let brief = CampaignBrief {
            market: Some(market),
            ..complete()
        };
        let text = render_markdown(&render_brief(&brief, None));
        let rules = market.rules();
        assert!(text.contains(market.name()), "{market:?}");
        assert!(
            text.contains(&format!("“{}”", rules.preferred_label())),
            "{market:?}"
        );
        for line in rules.placement.iter().chain(rules.video) {
            let start: String = line.chars().take(30).collect();
            assert!(
                render_plain_text(&render_brief(&brief, None)).contains(&start),
                "{market:?}: {line}"
            );
        }
        for source in rules.sources {
            assert!(
                render_plain_text(&render_brief(&brief, None)).contains(source.name),
                "{market:?}"
            );
        }
    }
}

#[test]
fn the_named_disclosure_rules_reach_the_creator() {
    let plain = |market| {
        render_plain_text(&render_brief(
            &CampaignBrief {
                market: Some(market),
                ..complete()
            },
            None,
        ))
    };
    let us = plain(Market::Us);
    assert!(us.contains("both on screen and spoken"));
    assert!(us.contains("“Paid partnership”"));
    let uk = plain(Market::Uk);
    assert!(uk.contains("label it “Ad”"));
    assert!(uk.contains("Gifts, loans and free services count as payment"));
    assert!(uk.contains("“#spon”") && uk.contains("“thanks to”"));
    let france = plain(Market::France);
    assert!(france.contains("“Publicité”") && france.contains("“Collaboration commerciale”"));
    assert!(france.contains("Images retouchées") && france.contains("Images virtuelles"));
    assert!(
        france.contains("A written contract between the brand and you is mandatory"),
        "{france}"
    );
    assert!(france.contains("the remuneration, in money or in kind"));
    assert!(!uk.contains("written contract between the brand and you"));
    // Without a market there is no disclosure section, and the check says so.
    let none = CampaignBrief {
        market: None,
        ..complete()
    };
    assert!(!render_plain_text(&render_brief(&none, None)).contains("Disclosure"));
}

fn creator(handle: &str, platform: &str, name: Option<&str>) -> Creator {
    serde_json::from_value(serde_json::json!({
        "handle": handle, "platform": platform, "display_name": name, "followers": 8000
    }))
    .unwrap()
}

fn workspace_creators() -> Vec<Creator> {
    vec![
        creator("ridge_runner_ava", "instagram", Some("Ava Ridge")),
        creator("trail_nora", "tiktok", None),
    ]
}

#[test]
fn link_names_number_each_piece() {
    let list = vec![
        reel("instagram", 2),
        Deliverable::new("instagram", DeliverableFormat::Story, 1),
        reel("instagram", 1),
    ];
    assert_eq!(
        link_names(&list),
        vec!["short video 1", "short video 2", "story 1", "short video 3"]
    );
    assert!(link_names(&[]).is_empty());
}

#[test]
fn each_creator_gets_the_deliverables_of_their_platform() {
    let brief = complete();
    // Instagram: the "any" reel plus two Instagram stories.
    assert_eq!(
        link_names(&brief.deliverables_for("Instagram")),
        vec!["short video 1", "story 1", "story 2"]
    );
    let tiktok = brief.deliverables_for("tiktok");
    assert_eq!(tiktok.len(), 1);
    assert_eq!(tiktok[0].platform, "tiktok");
}

fn tracked() -> TrackingBook {
    let brief = complete();
    let base = LinkPlan {
        landing_page: "https://hearthandtrail.example/bars".into(),
        placement: Placement::Organic,
        code_pattern: Some("{HANDLE}{PCT}".into()),
        discount: Some(0.15),
        ..LinkPlan::default()
    };
    let (plan, creators, unknown) = brief_link_plan(&brief, &workspace_creators(), &base);
    assert_eq!(plan.campaign, "Autumn trail launch");
    assert_eq!(plan.utm_term.as_deref(), Some("Trail running"));
    assert_eq!(creators.len(), 2, "a handle listed twice counts once");
    assert_eq!(unknown, vec!["ghost_runner"]);
    let mut book = TrackingBook::default();
    let links = generate_links(&plan, &creators, &book).unwrap().links;
    book.replace_campaign(&plan.campaign, links);
    book
}

#[test]
fn per_creator_briefs_carry_name_pieces_links_and_code() {
    let book = tracked();
    // ava: 3 pieces; nora: 1; ghost_runner is not in the creators table: no links.
    assert_eq!(book.links.len(), 4);
    let briefs = creator_briefs(&complete(), &workspace_creators(), &book);
    assert_eq!(briefs.len(), 3);
    let ava = &briefs[0];
    assert_eq!(ava.addressee(), "Ava Ridge (@ridge_runner_ava)");
    assert_eq!(ava.pieces.len(), 3);
    assert!(ava.pieces.iter().all(|p| p
        .link
        .as_deref()
        .is_some_and(|l| l.contains("utm_content=ridge_runner_ava_"))));
    assert_eq!(ava.code.as_deref(), Some("RIDGERUNNER15"));
    assert_eq!(ava.discount, Some(0.15));
    assert!(ava.missing.is_empty(), "{:?}", ava.missing);
    let nora = &briefs[1];
    assert_eq!(nora.addressee(), "@trail_nora");
    assert_eq!(
        nora.pieces[0]
            .link
            .as_deref()
            .map(|l| l.contains("utm_source=tiktok")),
        Some(true)
    );
    let ghost = &briefs[2];
    assert!(ghost.missing[0].contains("not in the creators table"));
    assert!(ghost.missing.iter().any(|m| m.contains("not made yet")));
    // Before tracking, each creator is told links are still to come.
    let untracked = creator_briefs(&complete(), &workspace_creators(), &TrackingBook::default());
    assert!(untracked[0]
        .missing
        .iter()
        .any(|m| m.contains("not made yet")));
}

#[test]
fn a_creator_brief_document_holds_everything_they_need() {
    let book = tracked();
    let brief = complete();
    let ava = creator_briefs(&brief, &workspace_creators(), &book).remove(0);
    let document = render_brief(&brief, Some(&ava));
    assert_eq!(document.title, "Autumn trail launch: creator brief");
    assert_eq!(
        document.subtitle.as_deref(),
        Some("For Ava Ridge (@ridge_runner_ava)")
    );
    let text = render_plain_text(&document);
    for expected in [
        "Please post between 12 Oct 2026 and 26 Oct 2026",
        "Made with sourdough, oats and dates",
        "Your voice",
        "Micro-challenge: Ask your followers for their tips or photos",
        "RIDGERUNNER15 gives your followers 15% off",
        "utm_content=ridge_runner_ava_story_2",
        "we reply within 2 working days",
        "Try a bar on your next long run",
        "Parkrunners moving to trails",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Markdown escapes what would be formatting; the link survives as a link.
    let markdown = render_markdown(&document);
    assert!(
        markdown.contains("ridge\\_runner\\_ava\\_story\\_2")
            || markdown.contains("ridge_runner_ava_story_2"),
        "{markdown}"
    );
    let campaign = render_markdown(&render_brief(&brief, None));
    assert!(campaign.contains("Campaign brief for the Trail running community"));
    assert!(campaign.contains("Each creator's own brief carries their tracked links"));
    // "any" is each creator's own platform.
    assert!(
        campaign.contains("1 × own-platform short video"),
        "{campaign}"
    );
}

#[test]
fn long_dates_read_naturally() {
    assert_eq!(long_date(day(1, 5)), "5 Jan 2026");
    assert_eq!(long_date(day(12, 31)), "31 Dec 2026");
}

#[test]
fn briefs_get_unique_names_and_ids() {
    let mut book = BriefBook::default();
    let first = book.add_brief("Autumn launch");
    let second = book.add_brief("autumn launch");
    let blank = book.add_brief("  ");
    assert_eq!(first, "autumn-launch");
    assert_eq!(second, "autumn-launch-2");
    assert_eq!(book.brief(&second).unwrap().name, "autumn launch (2)");
    assert_eq!(book.brief(&blank).unwrap().name, "New campaign");
    book.remove_brief(&first);
    assert!(book.brief(&first).is_none());
    assert_eq!(book.briefs.len(), 2);
}

#[test]
fn a_saved_template_is_reused_in_one_step_with_prompts_segments_and_reporting() {
    let mut book = BriefBook::default();
    let id = book.add_brief("Autumn trail launch");
    *book.brief_mut(&id).unwrap() = CampaignBrief {
        id: id.clone(),
        ..complete()
    };
    let template = book.save_as_template(&id, "Trail launch playbook").unwrap();
    let saved = &book.templates[0];
    assert_eq!(saved.name, "Trail launch playbook");
    assert_eq!(saved.saved_from, "Autumn trail launch");
    assert!(saved.brief.creators.is_empty() && saved.brief.posting_window.is_none());
    let reused = book.use_template(&template, "Spring trail launch").unwrap();
    let brief = book.brief(&reused).unwrap();
    assert_eq!(brief.name, "Spring trail launch");
    assert_eq!(brief.creative_prompts, complete().creative_prompts);
    assert_eq!(brief.audience_segments, complete().audience_segments);
    assert_eq!(brief.reporting, complete().reporting);
    assert_eq!(brief.mandatory_facts, complete().mandatory_facts);
    assert!(brief.creators.is_empty());
    assert!(book.save_as_template("nope", "x").is_none());
    assert!(book.use_template("nope", "x").is_none());
    book.remove_template(&template);
    assert!(book.templates.is_empty());
}

#[test]
fn stored_briefs_load_from_older_or_partial_data() {
    let programme: crate::objectives::Programme = serde_json::from_str("{}").unwrap();
    assert_eq!(programme, Default::default());
    let brief: CampaignBrief = serde_json::from_str(r#"{"id":"a","name":"A"}"#).unwrap();
    assert_eq!(brief.market, None);
    let full = complete();
    let back: CampaignBrief = serde_json::from_str(&serde_json::to_string(&full).unwrap()).unwrap();
    assert_eq!(back, full);
    for format in ParticipatoryFormat::ALL {
        assert_eq!(ParticipatoryFormat::parse(format.key()), Some(format));
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        #[test]
        fn any_text_in_a_brief_is_checked_and_rendered_without_panicking(
            texts in prop::collection::vec("\\PC{0,60}", 6),
            facts in prop::collection::vec("\\PC{0,30}", 0..9),
        ) {
            let brief = CampaignBrief {
                name: texts[0].clone(),
                mission: texts[1].clone(),
                objective: texts[2].clone(),
                call_to_action: texts[3].clone(),
                non_negotiables: vec![texts[4].clone()],
                creators: vec![texts[5].clone()],
                mandatory_facts: facts.clone(),
                ..complete()
            };
            let issues = check_brief(&brief);
            let filled = facts.iter().filter(|f| !f.trim().is_empty()).count();
            prop_assert_eq!(issues.iter().any(|i| i.kind == QualityKind::TooManyMandatoryFacts), filled > MAX_MANDATORY_FACTS);
            let document = render_brief(&brief, None);
            prop_assert!(!render_markdown(&document).is_empty());
            let _ = creator_briefs(&brief, &workspace_creators(), &TrackingBook::default());
        }
    }
}
