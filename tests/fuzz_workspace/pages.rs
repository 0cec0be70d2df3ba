//! The edits the fuzz test makes, field by field, and the computations each page runs.

use chrono::NaiveDate;

use microplan::domain::money::Money;
use microplan::domain::workspace::Workspace;

use super::Edit;

/// The row `at` of `rows` (wrapped), if the table has any.
fn row<T>(rows: &mut [T], at: usize) -> Option<&mut T> {
    let len = rows.len();
    if len == 0 { None } else { rows.get_mut(at % len) }
}

fn money(amount: f64) -> Option<Money> {
    Some(Money { amount, currency: "EUR".into() })
}

pub fn apply(w: &mut Workspace, edit: &Edit) {
    match edit {
        Edit::Date(field, at, value) => set_date(w, *field % 17, *at, *value),
        Edit::Count(field, at, value) => set_count(w, *field % 24, *at, *value),
        Edit::Days(field, at, value) => set_days(w, *field % 10, *at, *value),
        Edit::SignedDays(field, value) => {
            let leaks = &mut w.attribution.leak_settings;
            if field % 2 == 0 { leaks.grace_days = *value } else { leaks.quiet_days = *value }
        }
        Edit::Number(field, at, value) => set_number(w, *field % 20, *at, *value),
        Edit::Text(field, at, value) => set_text(w, *field % 12, *at, value.clone()),
        Edit::Empty(table) => resize(w, *table % 12, 0),
        Edit::Grow(table, to) => resize(w, *table % 12, *to),
    }
}

fn set_date(w: &mut Workspace, field: u8, at: usize, d: NaiveDate) {
    fn contract(w: &mut Workspace, at: usize) -> Option<&mut microplan::domain::contract::Schedule> {
        row(&mut w.contracts, at).map(|c| &mut c.choices.schedule)
    }
    match field {
        0 => { if let Some(r) = row(&mut w.posts, at) { r.date = d } }
        1 => { if let Some(r) = row(&mut w.follower_history, at) { r.date = d } }
        2 => { if let Some(r) = row(&mut w.results, at) { r.date = Some(d) } }
        3 => { if let Some(r) = row(&mut w.creators, at) { r.account_created = Some(d) } }
        4 => { if let Some(s) = contract(w, at) { s.term_start = d } }
        5 => { if let Some(s) = contract(w, at) { s.term_end = d } }
        6 => { if let Some(s) = contract(w, at) { s.posting_start = d } }
        7 => { if let Some(s) = contract(w, at) { s.posting_end = d } }
        8 => { if let Some(r) = row(&mut w.contracts, at) { r.saved_on = d } }
        9 => { if let Some(r) = row(&mut w.activation_plans, at) { r.window_start = d } }
        10 => { if let Some(r) = row(&mut w.activation_plans, at) { r.window_end = d } }
        11 => { if let Some(r) = row(&mut w.gifting_history, at) { r.shipped_on = Some(d) } }
        12 => { if let Some(r) = row(&mut w.gifting_history, at) { r.posted_on = Some(d) } }
        13 => { if let Some(r) = row(&mut w.test_days, at) { r.date = d } }
        14 => { if let Some(r) = row(&mut w.test_plans, at) { r.launch_date = Some(d) } }
        15 => {
            if let Some(b) = row(&mut w.programme.briefs.briefs, at) {
                let end = b.posting_window.map_or(d, |p| p.end);
                b.posting_window = Some(microplan::domain::brief::PostingWindow { start: d, end });
            }
        }
        _ => {
            if let Some(r) = row(&mut w.attribution.shop_orders, at) { r.date = d }
            if let Some(r) = row(&mut w.attribution.link_clicks, at) { r.date = d }
        }
    }
}

fn set_count(w: &mut Workspace, field: u8, at: usize, n: u64) {
    match field {
        0 => { if let Some(r) = row(&mut w.creators, at) { r.followers = n } }
        1 => { if let Some(r) = row(&mut w.creators, at) { r.following = Some(n) } }
        2 => { if let Some(r) = row(&mut w.posts, at) { r.likes = n } }
        3 => { if let Some(r) = row(&mut w.posts, at) { r.comments = n } }
        4 => { if let Some(r) = row(&mut w.posts, at) { r.views = Some(n); r.reach = Some(n) } }
        5 => { if let Some(r) = row(&mut w.follower_history, at) { r.followers = n } }
        6 => { if let Some(r) = row(&mut w.comment_summaries, at) { r.total = n; r.distinct_commenters = n } }
        7 => { if let Some(r) = row(&mut w.results, at) { r.reach = Some(n); r.impressions = Some(n) } }
        8 => { if let Some(r) = row(&mut w.results, at) { r.likes = Some(n); r.comments = Some(n); r.shares = Some(n); r.saves = Some(n) } }
        9 => { if let Some(r) = row(&mut w.results, at) { r.code_redemptions = Some(n) } }
        10 => { if let Some(r) = row(&mut w.results, at) { r.orders = Some(n); r.link_clicks = Some(n) } }
        11 => { if let Some(r) = row(&mut w.results, at) { r.views = Some(n) } }
        12 => { if let Some(r) = row(&mut w.test_arms, at) { r.units = n } }
        13 => { if let Some(r) = row(&mut w.test_arms, at) { r.conversions = n } }
        14 => { if let Some(r) = row(&mut w.test_days, at) { r.units = n } }
        15 => { if let Some(r) = row(&mut w.test_days, at) { r.conversions = n } }
        16 => { if let Some(r) = row(&mut w.sentiment, at) { r.positive = n; r.negative = n } }
        17 => { if let Some(r) = row(&mut w.attribution.link_clicks, at) { r.sessions = n; r.conversions = Some(n) } }
        18 => { if let Some(r) = row(&mut w.attribution.shop_orders, at) { r.quantity = n; r.line_items = n } }
        19 => { if let Some(r) = row(&mut w.activation_plans, at) { r.target_posts = n } }
        20 => { if let Some(r) = row(&mut w.activation_plans, at) { r.gifted_creators = n; r.paid_creators = n } }
        21 => { if let Some(r) = row(&mut w.test_plans, at) { r.planned_total = n } }
        22 => {
            let s = &mut w.attribution.leak_settings;
            s.min_spike_orders = n;
            s.min_late_orders = n;
        }
        _ => {
            if let Some(r) = w.programme.objectives.as_mut().and_then(|o| row(&mut o.signals, at)) { r.numerator = Some(n) }
        }
    }
}

fn set_days(w: &mut Workspace, field: u8, at: usize, n: u32) {
    if field >= 8 {
        if let Some(r) = row(&mut w.activation_plans, at) {
            r.arrival_lead_days = n;
            if let Some(s) = row(&mut r.shipping_days, at) { s.days = n }
        }
        return;
    }
    let Some(c) = row(&mut w.contracts, at).map(|d| &mut d.choices) else { return };
    match field {
        0 => c.schedule.live_days = n,
        1 => { c.exclusivity.days_after = n; c.exclusivity.kind = microplan::domain::contract::ExclusivityKind::Exclusive }
        2 => { c.exclusivity.days_before = n; c.exclusivity.kind = microplan::domain::contract::ExclusivityKind::FirstRefusal }
        3 => c.compensation.attribution_days = n,
        4 => c.compensation.payment_days = n,
        5 => { c.creative.revision_days = n; c.creative.revision_rounds = n }
        6 => { if let Some(g) = row(&mut c.licence.grants, at) { g.months = n } }
        _ => c.reporting.due_days = n,
    }
}

fn set_number(w: &mut Workspace, field: u8, at: usize, x: f64) {
    match field {
        0 => { if let Some(r) = row(&mut w.creators, at) { r.fee = money(x) } }
        1 => { if let Some(r) = row(&mut w.results, at) { r.revenue = money(x) } }
        2 => { if let Some(r) = row(&mut w.results, at) { r.cost = money(x); r.fee = money(x) } }
        3 => { if let Some(r) = row(&mut w.comment_summaries, at) { r.generic_share = x; r.duplicate_share = x } }
        4 => { if let Some(r) = row(&mut w.test_arms, at) { r.revenue = money(x) } }
        5 => { if let Some(r) = row(&mut w.test_plans, at) { r.min_lift = x } }
        6 => { if let Some(r) = row(&mut w.test_plans, at) { r.alpha = x } }
        7 => { if let Some(r) = row(&mut w.activation_plans, at) { r.posting_rate = x; r.confidence = x } }
        8 => { if let Some(r) = row(&mut w.programme.tracking.links, at) { r.discount = Some(x) } }
        9 => { if let Some(r) = row(&mut w.attribution.shop_orders, at) { r.total = money(x); r.subtotal = money(x) } }
        10 => w.results_plan.next_budget = money(x),
        11 => w.results_plan.min_share = x,
        12 => w.results_plan.max_share = x,
        13 => { if let Some(r) = row(&mut w.emv_settings.rates, at) { r.low = x; r.high = x } }
        14 => { if let Some(c) = row(&mut w.contracts, at) { c.choices.compensation.fee = Some(x) } }
        15 => { if let Some(c) = row(&mut w.contracts, at) { c.choices.compensation.kill_fee.after_draft = x; c.choices.compensation.commission_rate = Some(x) } }
        16 => w.attribution.leak_settings.spike_k = x,
        17 => w.attribution.leak_settings.outside_share = x,
        18 => {
            if let Some(m) = w.programme.objectives.as_mut().and_then(|o| row(&mut o.supporting, at)) { m.baseline = Some(x) }
        }
        _ => { if let Some(r) = row(&mut w.activation_plans, at) { r.product_cost = money(x); r.paid_fee = money(x) } }
    }
}

fn set_text(w: &mut Workspace, field: u8, at: usize, t: String) {
    match field {
        0 => w.name = t,
        1 => { if let Some(r) = row(&mut w.creators, at) { r.handle = t } }
        2 => { if let Some(r) = row(&mut w.posts, at) { r.handle = t } }
        3 => { if let Some(r) = row(&mut w.results, at) { r.handle = t } }
        4 => { if let Some(r) = row(&mut w.results, at) { r.campaign = t } }
        5 => { if let Some(r) = row(&mut w.test_arms, at) { r.test = t } }
        6 => { if let Some(r) = row(&mut w.contracts, at) { r.choices.creator.handle = t } }
        7 => { if let Some(r) = row(&mut w.activation_plans, at) { r.name = t } }
        8 => { if let Some(r) = row(&mut w.programme.tracking.links, at) { r.promo_code = Some(t) } }
        9 => { if let Some(r) = row(&mut w.attribution.shop_orders, at) { r.codes = vec![t] } }
        10 => { if let Some(r) = row(&mut w.creators, at) { r.categories = vec![t] } }
        _ => { if let Some(r) = row(&mut w.gifting_history, at) { r.handle = t } }
    }
}

fn grow<T: Clone>(rows: &mut Vec<T>, to: usize) {
    if to == 0 {
        rows.clear();
    } else if !rows.is_empty() {
        let original = rows.clone();
        while rows.len() < to {
            let next = original[rows.len() % original.len()].clone();
            rows.push(next);
        }
    }
}

fn resize(w: &mut Workspace, table: u8, to: usize) {
    match table {
        0 => grow(&mut w.creators, to),
        1 => grow(&mut w.posts, to),
        2 => grow(&mut w.follower_history, to),
        3 => grow(&mut w.results, to),
        4 => grow(&mut w.test_arms, to),
        5 => grow(&mut w.test_days, to),
        6 => grow(&mut w.contracts, to),
        7 => grow(&mut w.activation_plans, to),
        8 => grow(&mut w.gifting_history, to),
        9 => grow(&mut w.attribution.shop_orders, to),
        10 => grow(&mut w.programme.tracking.links, to),
        _ => grow(&mut w.comment_summaries, to),
    }
}

/// What the pages compute from a workspace: Creators (audit, roster), Results (performance,
/// EMV, decisions, report, attribution, leaks), Contracts, Briefs, Communities (activations),
/// Uplift (analysis, daily), Tracking.
pub fn compute_every_page(w: &Workspace) {
    use microplan::domain::*;
    let settings = w.audit_settings.clone().unwrap_or_default();
    let audits = audit::audit_workspace(w, &settings);
    let _ = audit::roster::roster_rows(&audits, w);

    let context = results::MetricContext::from_workspace(w);
    let rows: Vec<&workspace::DeliverableResult> = w.results.iter().collect();
    for grouping in results::Grouping::ALL {
        let _ = results::performance_table(w, grouping, &results::MetricKey::ALL);
    }
    let _ = results::emv(&rows, &w.emv_settings, &context);
    let _ = results::funnel(&rows);
    let _ = results::sentiment_totals(&w.sentiment);
    for period in [results_decisions::PeriodKind::Week, results_decisions::PeriodKind::Month, results_decisions::PeriodKind::Campaign] {
        let plan = results_decisions::ResultsPlan { period, ..w.results_plan.clone() };
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

    for draft in &w.contracts {
        let c = &draft.choices;
        let _ = contract::check_choices(c);
        let _ = doc::render_plain_text(&contract::contract_document(c, "v1"));
        let _ = contract::term_sheet_document(c, "v1");
        let _ = contract::drafts::money_summary(c);
        let _ = activation::commitments::commitments_of(&w.contracts, &c.creator.handle);
    }
    let _ = contract::drafts::key_terms(&w.contracts);
    for campaign in contract::drafts::campaign_names(w) {
        let _ = contract::drafts::campaign_window(w, &campaign);
        let template = contract::drafts::campaign_template(w, &campaign, "Brand", NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or_default());
        let _ = contract::drafts::drafts_for_campaign(w, &campaign, &template);
    }

    for brief in &w.programme.briefs.briefs {
        let _ = brief::check_brief(brief);
        let _ = doc::render_plain_text(&brief::render_brief(brief, None));
        for creator in brief::creator_briefs(brief, &w.creators, &w.programme.tracking) {
            let _ = doc::render_plain_text(&brief::render_brief(brief, Some(&creator)));
        }
    }
    let _ = tracking::campaign_summary(&w.programme.tracking.links);

    let stamp = NaiveDate::from_ymd_opt(2026, 12, 5).and_then(|d| d.and_hms_opt(10, 0, 0)).unwrap_or_default();
    for plan in &w.activation_plans {
        let recipients = activation::logistics::recipients(plan, &w.gifting_history, &w.creators);
        if let Ok(events) = activation::logistics::activation_timeline(plan, &recipients) {
            let _ = activation::ics::activation_calendar(plan, &events, stamp);
        }
        let _ = activation::history::review_activation(plan, &w.gifting_history, 0.9);
        let _ = activation::roster::roster_chance(plan, &w.gifting_history);
        let _ = activation::history::quarterly_review(&plan.community, plan.window_start, &w.creators, &w.activation_plans, &w.gifting_history, &audits);
        let _ = activation::history::rotating_pool(&plan.community, &w.creators, &w.activation_plans, &w.gifting_history, &audits);
        let _ = activation::history::community_posting_estimate(&plan.community, &w.activation_plans, &w.gifting_history, stats::intervals::ProportionMethod::Wilson, 0.9);
    }
    let communities: Vec<String> = w.communities.iter().map(|c| c.name.clone()).collect();
    for year in activation::year::years_with_activations(&w.activation_plans) {
        let _ = activation::year::year_view(year, &communities, &w.activation_plans);
    }

    for test in uplift::test_names(&w.test_arms) {
        let plan = w.test_plans.iter().find(|p| p.test == test);
        let _ = uplift::analyse_test(&w.test_arms, &test, &uplift::AnalysisOptions::default(), plan);
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
            let _ = uplift_daily::sequential_view(&w.test_days, test, control, treatment, launch, plan.map(|p| p.planned_total), 0.05);
            if let Some(launch) = launch {
                let _ = uplift_daily::daily_did(&w.test_days, test, control, treatment, launch, uplift_daily::DailyOutcome::Rate, 0.05, stats::did::DidStdError::Classic);
            }
        }
    }
}
