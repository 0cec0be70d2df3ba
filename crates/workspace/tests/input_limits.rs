//! Values a user can type or load that used to stop the app: each is now refused with a
//! message in range terms, and every computation of the pages stays defined for it.

use chrono::NaiveDate;

use microplan_demo::demo_workspace;
use microplan_model::rows::DeliverableResult;
use microplan_plan::contract::drafts::key_terms;
use microplan_plan::contract::{
    check_choices, contract_document, term_sheet, ContractChoices, ContractDraft, CreatorParty,
    DraftStatus, ExclusivityKind, Severity,
};
use microplan_plan::doc::render_plain_text;
use microplan_plan::markets::Market;
use microplan_plan::results_plan::PeriodKind;
use microplan_workspace::attribution::leaks::detect_leaks;
use microplan_workspace::decisions::{decisions, stakeholder_report};
use microplan_workspace::validate::validate_workspace;
use microplan_workspace::Workspace;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn uk_contract() -> ContractChoices {
    let creator = CreatorParty {
        handle: "levain_lotte".into(),
        platform: "instagram".into(),
        legal_name: "Lotte Levain".into(),
        address: String::new(),
    };
    let mut c = ContractChoices::new(
        "January challenge",
        "Hearth & Trail Ltd",
        creator,
        Market::Uk,
        date(2027, 1, 1),
    );
    c.compensation.fee = Some(600.0);
    c
}

/// Every output the Contracts page shows for a draft, and its conflicts.
fn draft_everything(c: &ContractChoices) -> Vec<String> {
    let text = render_plain_text(&contract_document(c, "v1"));
    assert!(!text.is_empty());
    let _ = term_sheet(c);
    let _ = key_terms(&[ContractDraft {
        version: 1,
        status: DraftStatus::Draft,
        saved_on: date(2027, 1, 1),
        choices: c.clone(),
        edit_stamp: 0,
    }]);
    check_choices(c)
        .into_iter()
        .filter(|p| p.severity == Severity::Conflict)
        .map(|p| p.message)
        .collect()
}

#[test]
fn posts_live_for_100_million_days_is_a_conflict_not_a_crash() {
    let mut c = uk_contract();
    c.schedule.live_days = 100_000_000;
    let conflicts = draft_everything(&c);
    assert!(
        conflicts.contains(&"Posts stay live is 100,000,000 days, about 273,972 years: more than ten years is a typing mistake. Enter at most 3,660 days.".to_string()),
        "{conflicts:?}"
    );
    // The most the form means is accepted without a range conflict.
    c.schedule.live_days = 3660;
    assert!(!draft_everything(&c)
        .iter()
        .any(|m| m.contains("typing mistake")));
}

#[test]
fn exclusivity_100_million_days_after_the_window_is_a_conflict_not_a_crash() {
    let mut c = uk_contract();
    c.exclusivity.kind = ExclusivityKind::Exclusive;
    c.exclusivity.category = "oat drinks".into();
    c.exclusivity.days_after = 100_000_000;
    c.exclusivity.days_before = u32::MAX;
    let conflicts = draft_everything(&c);
    assert!(
        conflicts
            .iter()
            .any(|m| m.starts_with("The exclusivity after the posting window is 100,000,000 days")),
        "{conflicts:?}"
    );
    assert!(
        conflicts
            .iter()
            .any(|m| m
                .starts_with("The exclusivity before the posting window is 4,294,967,295 days")),
        "{conflicts:?}"
    );
}

#[test]
fn a_posting_window_closing_in_262142_is_a_conflict_not_a_crash() {
    let mut c = uk_contract();
    c.set_posting_window(date(2027, 1, 15), date(262_142, 12, 31));
    assert_eq!(c.schedule.term_end, NaiveDate::MAX);
    c.exclusivity.kind = ExclusivityKind::Exclusive;
    c.exclusivity.days_after = 30;
    let conflicts = draft_everything(&c);
    assert!(
        conflicts.contains(&"The posting window's close (+262142-12-31) is outside the dates Microplan works with, 1900-01-01 to 2200-12-31: check the year.".to_string()),
        "{conflicts:?}"
    );
    // The calendar's other end too.
    c.set_posting_window(NaiveDate::MIN, NaiveDate::MIN);
    assert!(draft_everything(&c)
        .iter()
        .any(|m| m.starts_with("The posting window's opening (-262143-01-01)")));
}

#[test]
fn a_leak_grace_of_100_million_days_is_refused_and_the_leak_check_still_runs() {
    let mut workspace = demo_workspace();
    let normal = detect_leaks(&workspace).len();
    workspace.attribution.leak_settings.grace_days = 100_000_000;
    // The window's end plus the grace is past the calendar: no order can be late.
    let flags = detect_leaks(&workspace);
    assert!(flags.len() <= normal);
    assert!(flags
        .iter()
        .all(|f| f.kind != microplan_workspace::attribution::leaks::LeakKind::LongAfterWindow));
    assert_eq!(
        workspace.attribution.leak_settings.problems(),
        vec![("grace_days", "Grace days after the window (100000000) must be between 0 and 366: a longer wait is a typing mistake.".to_string())]
    );
    let refused = validate_workspace(&workspace).expect_err("refused");
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(refused[0].to_string(), "attribution.leak_settings.grace_days: Grace days after the window (100000000) must be between 0 and 366: a longer wait is a typing mistake.");
    workspace.attribution.leak_settings.grace_days = i64::MAX;
    let _ = detect_leaks(&workspace);
}

fn result_dated(day: NaiveDate) -> DeliverableResult {
    DeliverableResult {
        campaign: "Edge".into(),
        handle: "peakpace_lena".into(),
        deliverable: "reel".into(),
        date: Some(day),
        reach: Some(1000),
        code_redemptions: Some(3),
        orders: Some(4),
        ..DeliverableResult::default()
    }
}

/// What the Results page computes for a workspace, in each period kind.
fn results_everything(workspace: &Workspace) -> String {
    let mut out = String::new();
    for period in [PeriodKind::Week, PeriodKind::Month, PeriodKind::Campaign] {
        let mut plan = workspace.results_plan.clone();
        plan.period = period;
        let computed = decisions(workspace, &plan);
        out.push_str(&render_plain_text(&stakeholder_report(
            workspace, &plan, &computed,
        )));
    }
    let _ = detect_leaks(workspace);
    let _ = microplan_workspace::attribution::reconcile::reconcile(workspace);
    out
}

#[test]
fn results_dated_at_the_calendars_limits_compute_and_are_refused_on_load() {
    let mut workspace = demo_workspace();
    workspace.results.push(result_dated(NaiveDate::MIN));
    workspace.results.push(result_dated(NaiveDate::MAX));
    let report = results_everything(&workspace);
    assert!(report.contains("Results report"));
    let problems = validate_workspace(&workspace).expect_err("refused");
    let row = workspace.results.len() - 1;
    assert_eq!(
        problems[0].to_string(),
        format!("results, row {row}, date: The date (-262143-01-01) is outside the dates Microplan works with, 1900-01-01 to 2200-12-31: check the year.")
    );
}

#[test]
fn a_contract_ending_on_the_calendars_last_day_drafts_and_is_refused_on_load() {
    let mut workspace = demo_workspace();
    let mut c = uk_contract();
    c.schedule.term_end = NaiveDate::MAX;
    c.schedule.posting_end = NaiveDate::MAX;
    c.exclusivity.kind = ExclusivityKind::FirstRefusal;
    c.exclusivity.days_after = 3660;
    assert!(!draft_everything(&c).is_empty());
    workspace.contracts.push(ContractDraft {
        version: 1,
        status: DraftStatus::Sent,
        saved_on: date(2027, 1, 1),
        choices: c,
        edit_stamp: 0,
    });
    let _ = microplan_plan::activation::commitments::commitments_of(
        &workspace.contracts,
        "levain_lotte",
    );
    let _ = microplan_workspace::contract_drafts::campaign_names(&workspace);
    let problems = validate_workspace(&workspace).expect_err("refused");
    assert!(
        problems
            .iter()
            .any(|p| p.table == "contracts" && p.field == "choices.schedule.term_end"),
        "{problems:?}"
    );
}

#[test]
fn attribution_sums_saturate_instead_of_wrapping() {
    let mut big = result_dated(date(2026, 4, 1));
    big.code_redemptions = Some(u64::MAX);
    big.orders = Some(u64::MAX);
    let small = result_dated(date(2026, 4, 2));
    let line =
        microplan_workspace::decisions::attribution_line(&[&big, &small]).unwrap_or_default();
    // Wrapped, the sums were 2 and 3: "2 code redemptions against 3 attributed orders (67%)".
    assert_eq!(
        line,
        "— code redemptions against — attributed orders (100%) over the 2 rows that report both: the rest arrived \
         through tracked links without the code. Each order is counted once; codes can leak to coupon sites, so the \
         Attribution panel shows the reconciled range."
    );
    let tally = microplan_plan::results::SentimentTally {
        handle: "a".into(),
        positive: u64::MAX,
        neutral: 5,
        negative: 1,
    };
    assert_eq!(tally.total(), u64::MAX);
}

#[test]
fn out_of_range_rates_from_a_file_never_read_as_inf_percent() {
    let mut workspace = demo_workspace();
    for link in &mut workspace.programme.tracking.links {
        link.discount = Some(f64::MAX);
    }
    let mut briefs_text = String::new();
    for brief in &workspace.programme.briefs.briefs {
        for creator in microplan_plan::brief::creator_briefs(
            brief,
            &workspace.creators,
            &workspace.programme.tracking,
        ) {
            briefs_text.push_str(&render_plain_text(&microplan_plan::brief::render_brief(
                brief,
                Some(&creator),
            )));
        }
    }
    assert!(
        briefs_text.contains("Your code"),
        "the demo's creator briefs carry codes"
    );
    assert!(!briefs_text.contains("inf") && !briefs_text.contains("NaN"));
    let mut plan = workspace.test_plans[0].clone();
    plan.min_lift = f64::MAX;
    let analysis = microplan_uplift::arms::analyse_test(
        &workspace.test_arms,
        &plan.test,
        &Default::default(),
        Some(&plan),
    );
    let reason = analysis.map(|a| a.verdict.reason).unwrap_or_default();
    assert!(!reason.is_empty() && !reason.contains("inf"), "{reason}");
    assert_eq!(microplan_plan::results::display::percent(1e300), "—");
}

#[test]
fn the_demo_workspace_and_an_empty_one_are_in_range() {
    assert_eq!(validate_workspace(&demo_workspace()), Ok(()));
    assert_eq!(validate_workspace(&Workspace::default()), Ok(()));
}

#[test]
fn each_rule_names_the_table_row_field_and_range() {
    let mut workspace = demo_workspace();
    workspace.name = "x".repeat(10_001);
    workspace.posts[2].likes = 1_000_000_000_001;
    workspace.creators[1].handle = "@".into();
    workspace.creators[3].handle = "\u{feff}nora".into();
    workspace.creators[4].categories[0] = "y".repeat(10_001);
    workspace.test_plans[0].created_ms = -1;
    let problems: Vec<String> = validate_workspace(&workspace)
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        vec![
            "creators, row 2, handle: the handle `@` is empty without its @ and spaces: write the handle, such as trail_nora.",
            "creators, row 4, handle: the handle `\\u{feff}nora` has a leading @, spaces or invisible characters: write it as `nora`.",
            "creators, row 5, categories.1: the text is 10,001 characters long; at most 10,000 fit a field (shorten it).",
            "name: the text is 10,001 characters long; at most 10,000 fit a field (shorten it).",
            "posts, row 3, likes: 1000000000001 is more than one trillion (1,000,000,000,000): check the number.",
            "test_plans, row 1, created_ms: the time -1 is not between 1970 and the end of 2200.",
        ]
    );
}

#[test]
fn beyond_fifty_problems_the_rest_are_counted() {
    let mut workspace = demo_workspace();
    for post in &mut workspace.posts {
        post.date = NaiveDate::MAX;
    }
    let problems = validate_workspace(&workspace).expect_err("refused");
    assert_eq!(problems.len(), 51);
    assert_eq!(
        problems[50].to_string(),
        format!(
            "(more): {} more values are out of range.",
            workspace.posts.len() - 50
        )
    );
}
