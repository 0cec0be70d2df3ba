//! The demo programme: a conversion objective with baselines from the spring pilot, one
//! campaign brief for the trail-running community, a saved playbook template, and links and
//! codes for its six creators (one shop code already exists, so a collision is resolved).

use chrono::NaiveDate;

use microplan_model::money::Money;
use microplan_model::rows::Creator;
use microplan_plan::brief::{
    brief_link_plan, BriefBook, CampaignBrief, ParticipatoryFormat, PostingWindow,
};
use microplan_plan::deliverables::{Deliverable, DeliverableFormat};
use microplan_plan::markets::Market;
use microplan_plan::objectives::{
    propose, BaselineSource, Objective, ObjectivePlan, Programme, SignalKind, Target,
};
use microplan_plan::results_plan::{PeriodKind, ResultsPlan};
use microplan_plan::tracking::{generate_links, LinkPlan, Placement, StoreCode, TrackingBook};

pub const DEMO_BRIEF: &str = "Autumn trail launch";
const DEMO_CREATORS: [&str; 6] = [
    "muddy_miles_tom",
    "ridge_runner_ava",
    "fell_and_fog",
    "trail_nora",
    "switchback_sara",
    "highland_hana",
];

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap_or_default()
}

fn objectives() -> ObjectivePlan {
    let mut plan = propose(Objective::Conversion);
    // Baselines from past influencer work: 184 attributed orders over a four-week campaign,
    // entered per week (46) because Results reads count KPIs per reporting week; 3.1%
    // landing-page conversion; 8% incremental lift.
    let baselines = [
        (46.0, Target::uplift(0.25)),
        (0.031, Target::multiple(1.2)),
        (0.08, Target::uplift(0.25)),
    ];
    for (index, (baseline, target)) in baselines.into_iter().enumerate() {
        if let Some(metric) = plan.metric_mut(index) {
            metric.baseline = Some(baseline);
            metric.baseline_source = BaselineSource::PastInfluencer;
            metric.target = Some(target);
        }
    }
    plan.thresholds = microplan_plan::objectives::default_thresholds(Some(Target::uplift(0.25)));
    // The spring pilot's regional holdout measures the incremental lift.
    if let Some(lift) = plan.metric_mut(2) {
        lift.uplift_test = Some(crate::PILOT_TEST.to_string());
    }
    let counts = [(212, 310), (18, 12), (41, 260), (96, 310)];
    for (signal, (numerator, denominator)) in plan.signals.iter_mut().zip(counts) {
        signal.numerator = Some(numerator);
        signal.denominator = Some(denominator);
        if signal.kind == SignalKind::ThemeTags {
            signal.tags = vec!["real food".into(), "long runs".into(), "sourdough".into()];
        }
    }
    plan
}

fn brief() -> CampaignBrief {
    CampaignBrief {
        community: Some("Trail running".into()),
        mission: "Trail runners fuel long days with real food, not gels they dread. We want the bar to \
                  earn a place in their pack because runners they trust carried it."
            .into(),
        objective: "Runners in the community try the bar on a long run and tell each other how it went."
            .into(),
        mandatory_facts: vec![
            "Made with a sourdough base, oats and dates; no added sugar".into(),
            "38 g of carbohydrate per bar".into(),
            "Keeps for 6 months unopened; fine in a wet pack".into(),
        ],
        non_negotiables: vec!["Show the bar being eaten outdoors, on a real run".into()],
        avoid: vec![
            "Health or performance claims (\"boosts endurance\", \"prevents cramp\")".into(),
            "Comparisons with named competitors".into(),
        ],
        market: Some(Market::Uk),
        past_examples: vec![
            "@fell_and_fog's muddy long-run reel with a kit flat-lay (spring pilot, most saved)".into(),
            "@ridge_runner_ava's honest \"what I ate on my first ultra\" carousel".into(),
        ],
        formats: vec![
            ParticipatoryFormat::FirstPersonStory,
            ParticipatoryFormat::MicroChallenge,
            ParticipatoryFormat::MultiPostArc,
        ],
        posting_window: Some(PostingWindow { start: date(11, 16), end: date(11, 29) }),
        deliverables: vec![
            Deliverable {
                min_length: Some(20),
                aspect_ratio: Some("9:16".into()),
                file_types: vec!["mp4".into()],
                ..Deliverable::new("any", DeliverableFormat::ShortVideo, 1)
            },
            Deliverable { aspect_ratio: Some("9:16".into()), ..Deliverable::new("instagram", DeliverableFormat::Story, 2) },
        ],
        call_to_action: "Ask your followers for their own long-run food tip, and share your code for their first box.".into(),
        creative_prompts: vec![
            "The route you would take a friend on".into(),
            "What is in your pack on a long day".into(),
        ],
        audience_segments: vec!["Parkrunners moving to trails".into(), "Ultra runners planning winter races".into()],
        creators: DEMO_CREATORS.iter().map(|h| h.to_string()).collect(),
        ..CampaignBrief::new("autumn-trail-launch", DEMO_BRIEF)
    }
}

fn tracking(brief: &CampaignBrief, creators: &[Creator]) -> TrackingBook {
    let base = LinkPlan {
        landing_page: "https://hearthandtrail.example/trail?ref=creators#boxes".into(),
        placement: Placement::Organic,
        code_pattern: Some("{HANDLE}{PCT}".into()),
        discount: Some(0.15),
        ..LinkPlan::default()
    };
    let mut book = TrackingBook {
        // A code made by hand in the shop last year: the generator must not reuse it.
        store_codes: vec![
            StoreCode {
                code: "MUDDYMILES15".into(),
                note: Some("Created manually in 2025".into()),
            },
            StoreCode {
                code: "WELCOME10".into(),
                note: Some("Newsletter sign-up".into()),
            },
        ],
        ..TrackingBook::default()
    };
    let (plan, link_creators, _) = brief_link_plan(brief, creators, &base);
    if let Ok(generated) = generate_links(&plan, &link_creators, &book) {
        book.replace_campaign(&plan.campaign, generated.links);
    }
    book.last_plan = Some(plan);
    book
}

/// The demo's Results decisions: weekly periods and a round budget for the next period.
pub fn results_plan() -> ResultsPlan {
    ResultsPlan {
        period: PeriodKind::Week,
        next_budget: Some(Money::new(3_000.0, "EUR")),
        notes: "The spring pilot ran for two weeks; its last week only carries one late story."
            .into(),
        ..ResultsPlan::default()
    }
}

/// The programme of the demo workspace; `creators` are the demo's creators.
pub fn programme(creators: &[Creator]) -> Programme {
    let brief = brief();
    let tracking = tracking(&brief, creators);
    let mut briefs = BriefBook {
        briefs: vec![brief],
        templates: Vec::new(),
    };
    let _ = briefs.save_as_template("autumn-trail-launch", "Community launch playbook");
    Programme {
        objectives: Some(objectives()),
        briefs,
        tracking,
    }
}

#[cfg(test)]
mod tests {
    use crate::demo_workspace;
    use microplan_plan::brief::{check_brief, creator_briefs};

    #[test]
    fn the_demo_programme_is_complete_and_consistent() {
        let workspace = demo_workspace();
        let programme = &workspace.programme;
        let plan = programme.objectives.as_ref().unwrap();
        assert!(plan.warnings().is_empty(), "{:?}", plan.warnings());
        let brief = &programme.briefs.briefs[0];
        assert_eq!(check_brief(brief), vec![]);
        assert_eq!(programme.briefs.templates.len(), 1);
        // Five Instagram creators x 3 pieces + fell_and_fog on TikTok x 1 piece.
        assert_eq!(programme.tracking.links.len(), 16);
        let briefs = creator_briefs(brief, &workspace.creators, &programme.tracking);
        assert_eq!(briefs.len(), 6);
        assert!(briefs
            .iter()
            .all(|b| b.missing.is_empty() && b.code.is_some()));
        // The shop already had MUDDYMILES15, so Tom's code gets a suffix.
        assert_eq!(briefs[0].code.as_deref(), Some("MUDDYMILES15B"));
        let mut codes: Vec<&str> = briefs.iter().filter_map(|b| b.code.as_deref()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 6);
        assert_eq!(demo_workspace().programme, workspace.programme);
    }
}
