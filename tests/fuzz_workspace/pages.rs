//! The computations each page runs on a workspace.

use chrono::NaiveDate;

use microplan_model::rows::DeliverableResult;
use microplan_plan::results::{emv, funnel, sentiment_totals, MetricContext, MetricKey};
use microplan_plan::{activation, brief, contract, doc, tracking};
use microplan_stats as stats;
use microplan_uplift::arms as uplift;
use microplan_uplift::daily as uplift_daily;
use microplan_workspace::audits as audit;
use microplan_workspace::decisions as results_decisions;
use microplan_workspace::results::{performance_table, Grouping};
use microplan_workspace::{attribution, contract_drafts, Workspace};

/// What the pages compute from a workspace: Creators (audit, roster), Results (performance,
/// EMV, decisions, report, attribution, leaks), Contracts, Briefs, Communities (activations),
/// Uplift (analysis, daily), Tracking. The statistics behind the Results decisions and the
/// Uplift analysis take milliseconds a case (intervals, Bayesian chance to beat control), so
/// they run only when `statistics` is set; `period` picks the Results period.
pub fn compute_every_page(w: &Workspace, statistics: bool, period: u8) {
    let settings = (*w.audit_settings).clone().unwrap_or_default();
    let audits = audit::audit_workspace(w, &settings);
    let _ = audit::roster::roster_rows(&audits, w);

    let context = MetricContext::from_tables(&w.creators, &w.results);
    let rows: Vec<&DeliverableResult> = w.results.iter().collect();
    let grouping = Grouping::ALL[usize::from(period) % Grouping::ALL.len()];
    let _ = performance_table(w, grouping, &MetricKey::ALL);
    let _ = emv(&rows, &w.emv_settings, &context);
    let _ = funnel(&rows);
    let _ = sentiment_totals(&w.sentiment);
    let periods = [
        results_decisions::PeriodKind::Week,
        results_decisions::PeriodKind::Month,
        results_decisions::PeriodKind::Campaign,
    ];
    let period = periods[usize::from(period) % periods.len()];
    let plan = results_decisions::ResultsPlan {
        period,
        ..(*w.results_plan).clone()
    };
    let rows_dated: Vec<&DeliverableResult> = w.results.iter().collect();
    let _ = results_decisions::buckets(&rows_dated, period);
    let _ = results_decisions::attribution_line(&rows_dated);
    if statistics {
        let computed = results_decisions::decisions(w, &plan);
        if let Ok(status) = &computed.status {
            let _ = results_decisions::status_table(status);
            let _ = results_decisions::metric_table(status);
        }
        let _ = results_decisions::ranking_table(&computed.creators, "Creator");
        if let Ok(proposal) = &computed.proposal {
            let _ = results_decisions::proposal_table(proposal);
        }
        let _ = doc::render_plain_text(&results_decisions::stakeholder_report(w, &plan, &computed));
    }
    let _ = attribution::reconcile(w);
    let _ = attribution::detect_leaks(w);
    let _ = w.attribution.leak_settings.problems();

    // A few rows of each list are enough: repeated rows add time, not paths.
    for draft in w.contracts.iter().take(3) {
        let c = &draft.choices;
        let _ = contract::check_choices(c);
        let _ = doc::render_plain_text(&contract::contract_document(c, "v1"));
        let _ = contract::term_sheet_document(c, "v1");
        let _ = contract::drafts::money_summary(c);
        let _ = activation::commitments::commitments_of(&w.contracts, &c.creator.handle);
    }
    let _ = contract::drafts::key_terms(&w.contracts);
    for campaign in contract_drafts::campaign_names(w).iter().take(1) {
        let _ = contract_drafts::campaign_window(w, campaign);
        let template = contract_drafts::campaign_template(
            w,
            campaign,
            "Brand",
            NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or_default(),
        );
        let _ = contract_drafts::drafts_for_campaign(w, campaign, &template);
    }

    for brief in w.programme.briefs.briefs.iter().take(2) {
        let _ = brief::check_brief(brief);
        let _ = doc::render_plain_text(&brief::render_brief(brief, None));
        for creator in brief::creator_briefs(brief, &w.creators, &w.programme.tracking) {
            let _ = doc::render_plain_text(&brief::render_brief(brief, Some(&creator)));
        }
    }
    let _ = tracking::campaign_summary(&w.programme.tracking.links);

    let stamp = NaiveDate::from_ymd_opt(2026, 12, 5)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default();
    for plan in w.activation_plans.iter().take(3) {
        let recipients = activation::logistics::recipients(plan, &w.gifting_history, &w.creators);
        if let Ok(events) = activation::logistics::activation_timeline(plan, &recipients) {
            let _ = activation::ics::activation_calendar(plan, &events, stamp);
        }
        let _ = activation::history::review_activation(plan, &w.gifting_history, 0.9);
        let _ = activation::roster::roster_chance(plan, &w.gifting_history);
        let _ = activation::history::quarterly_review(
            &plan.community,
            plan.window_start,
            &w.creators,
            &w.activation_plans,
            &w.gifting_history,
            &audits,
        );
        let _ = activation::history::rotating_pool(
            &plan.community,
            &w.creators,
            &w.activation_plans,
            &w.gifting_history,
            &audits,
        );
        let _ = activation::history::community_posting_estimate(
            &plan.community,
            &w.activation_plans,
            &w.gifting_history,
            stats::intervals::ProportionMethod::Wilson,
            0.9,
        );
    }
    let communities: Vec<String> = w.communities.iter().map(|c| c.name.clone()).collect();
    for year in activation::year::years_with_activations(&w.activation_plans) {
        let _ = activation::year::year_view(year, &communities, &w.activation_plans);
    }

    if !statistics {
        return;
    }
    for test in uplift::test_names(&w.test_arms) {
        let plan = w.test_plans.iter().find(|p| p.test == test);
        let _ = uplift::analyse_test(
            &w.test_arms,
            &test,
            &uplift::AnalysisOptions::default(),
            plan,
        );
    }
    for test in uplift_daily::daily_only_tests(&w.test_days, &w.test_arms) {
        let _ = uplift_daily::arms_from_days(&w.test_days, &test, None, None);
    }
    let tests: Vec<String> = w.test_days.iter().map(|d| d.test.clone()).collect();
    for test in tests.iter().take(2) {
        let arms = uplift_daily::daily_arms(&w.test_days, test);
        if let [control, treatment, ..] = arms.as_slice() {
            let plan = w.test_plans.iter().find(|p| &p.test == test);
            let launch = plan.and_then(|p| p.launch_date);
            let _ = uplift_daily::sequential_view(
                &w.test_days,
                test,
                control,
                treatment,
                launch,
                plan.map(|p| p.planned_total),
                0.05,
            );
            if let Some(launch) = launch {
                let _ = uplift_daily::daily_did(
                    &w.test_days,
                    test,
                    control,
                    treatment,
                    launch,
                    uplift_daily::DailyOutcome::Rate,
                    0.05,
                    stats::did::DidStdError::Classic,
                );
            }
        }
    }
}
