//! Hand-checked tests of the performance metrics and intervals; EMV, the funnel and the
//! displayed values in `emv.rs`. Tests over a workspace (grouped tables, stored settings,
//! the demo, property tests of the tables) are in the crate's `tests/results.rs`.

mod emv;

use super::*;
use microplan_model::money::Money;
use microplan_model::rows::DeliverableResult;

/// A row with every measurement missing; built from JSON so that it stays valid when the
/// table gains optional columns.
pub(super) fn row(handle: &str, deliverable: &str) -> DeliverableResult {
    let json =
        serde_json::json!({ "campaign": "Spring", "handle": handle, "deliverable": deliverable });
    serde_json::from_value(json).unwrap_or_else(|e| panic!("blank result row: {e}"))
}

/// A: reach 1000, views 1500, impressions 2000, likes 80 + comments 10 + shares 5 + saves 5
///    = 100 engagements, 20 clicks, 3 codes, 4 orders, revenue 100 EUR, cost 50 EUR.
/// B: reach 3000, views 3500, impressions 4000, 150 + 20 + 20 + 10 = 200 engagements,
///    30 clicks, 2 codes, 6 orders, revenue 200 EUR, cost 150 EUR.
pub(super) fn full(handle: &str, a: bool) -> DeliverableResult {
    let n = |x: u64, y: u64| Some(if a { x } else { y });
    DeliverableResult {
        reach: n(1000, 3000),
        views: n(1500, 3500),
        impressions: n(2000, 4000),
        likes: n(80, 150),
        comments: n(10, 20),
        shares: n(5, 20),
        saves: n(5, 10),
        link_clicks: n(20, 30),
        code_redemptions: n(3, 2),
        orders: n(4, 6),
        revenue: Some(Money::new(if a { 100.0 } else { 200.0 }, "EUR")),
        cost: Some(Money::new(if a { 50.0 } else { 150.0 }, "eur")),
        ..row(handle, if a { "Reel 1" } else { "Instagram story" })
    }
}

fn context() -> MetricContext {
    MetricContext {
        followers: [("ana".to_string(), 5000), ("ben".to_string(), 10_000)]
            .into_iter()
            .collect(),
        currency: "EUR".into(),
    }
}

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} != {expected}"
    );
}

fn value(rows: &[&DeliverableResult], key: MetricKey) -> MetricValue {
    metric(rows, key, &context())
}

#[test]
fn every_metric_by_hand_over_two_full_rows() {
    let (a, b) = (full("ana", true), full("ben", false));
    let rows = [&a, &b];
    // Sums: reach 1000 + 3000, views 1500 + 3500, impressions 2000 + 4000, engagements
    // 100 + 200, clicks 20 + 30, codes 3 + 2, orders 4 + 6, revenue 100 + 200, cost 50 + 150.
    // Ratios: ER reach 300/4000, ER views 300/5000, ER followers 300/(5000 + 10000),
    // CTR 50/6000, click to order 10/50, CPM 200/6000*1000, CPE 200/300, CPC 200/50,
    // CPA 200/10, ROAS 300/200, ROI (300 - 200)/200, share rate (5 + 20)/4000, save rate
    // (5 + 10)/4000, comment-to-view (10 + 20)/5000.
    let expected = [
        (MetricKey::Reach, 4000.0),
        (MetricKey::Views, 5000.0),
        (MetricKey::Impressions, 6000.0),
        (MetricKey::Engagements, 300.0),
        (MetricKey::LinkClicks, 50.0),
        (MetricKey::CodeRedemptions, 5.0),
        (MetricKey::Orders, 10.0),
        (MetricKey::Revenue, 300.0),
        (MetricKey::Cost, 200.0),
        (MetricKey::ErReach, 0.075),
        (MetricKey::ErViews, 0.06),
        (MetricKey::ErFollowers, 0.02),
        (MetricKey::Ctr, 50.0 / 6000.0),
        (MetricKey::ClickToOrder, 0.2),
        (MetricKey::Cpm, 33.333_333_333_333_336),
        (MetricKey::Cpe, 200.0 / 300.0),
        (MetricKey::Cpc, 4.0),
        (MetricKey::Cpa, 20.0),
        (MetricKey::Roas, 1.5),
        (MetricKey::Roi, 0.5),
        (MetricKey::ShareRate, 0.00625),
        (MetricKey::SaveRate, 0.00375),
        (MetricKey::CommentToView, 0.006),
    ];
    assert_eq!(expected.len(), MetricKey::ALL.len());
    for (key, want) in expected {
        let got = value(&rows, key);
        assert_eq!((got.rows_used, got.rows_total), (2, 2), "{key:?}");
        close(got.value.unwrap_or(f64::NAN), want, 1e-12);
        assert_eq!(got.note, None, "{key:?}");
    }
}

#[test]
fn proportion_intervals_are_wilson_as_statsmodels() {
    let (a, b) = (full("ana", true), full("ben", false));
    let rows = [&a, &b];
    // statsmodels proportion_confint(x, n, 0.05, 'wilson')
    let expected = [
        (MetricKey::Ctr, (0.006327039753451268, 0.010968796509535464)), // 50 of 6000
        (
            MetricKey::ClickToOrder,
            (0.11243750015776109, 0.33037105932225413),
        ), // 10 of 50
        (
            MetricKey::ErReach,
            (0.06723906403948043, 0.08357646275676583),
        ), // 300 of 4000
        (
            MetricKey::ErViews,
            (0.05374897325570841, 0.06692660445594185),
        ), // 300 of 5000
        (
            MetricKey::ShareRate,
            (0.004237069176935509, 0.009210381071644711),
        ), // 25 of 4000
        (
            MetricKey::SaveRate,
            (0.0022739162707463897, 0.006178331194282337),
        ), // 15 of 4000
        (
            MetricKey::CommentToView,
            (0.0042061361604981045, 0.008552353361218335),
        ), // 30 of 5000
    ];
    for (key, (low, high)) in expected {
        let (l, h) = value(&rows, key).interval.unwrap_or((f64::NAN, f64::NAN));
        close(l, low, 1e-12);
        close(h, high, 1e-12);
    }
    for key in [
        MetricKey::Roas,
        MetricKey::Roi,
        MetricKey::Cpm,
        MetricKey::ErFollowers,
        MetricKey::Orders,
    ] {
        assert_eq!(value(&rows, key).interval, None, "{key:?}");
    }
}

#[test]
fn cost_per_order_interval_comes_from_the_poisson_interval_of_the_order_count() {
    let (a, b) = (full("ana", true), full("ben", false));
    // 10 orders: Poisson 95% interval 4.7953886961324335 .. 18.39035604201778 (scipy), so
    // CPA = 200 / 10 = 20 with interval 200 / 18.390356 = 10.875 .. 200 / 4.795389 = 41.707.
    let cpa = value(&[&a, &b], MetricKey::Cpa);
    let (low, high) = cpa.interval.unwrap_or((f64::NAN, f64::NAN));
    close(low, 200.0 / 18.39035604201778, 1e-9);
    close(high, 200.0 / 4.7953886961324335, 1e-9);
    // 50 clicks: 37.110963737461866 .. 65.91876666433681.
    let cpc = value(&[&a, &b], MetricKey::Cpc);
    let (low, high) = cpc.interval.unwrap_or((f64::NAN, f64::NAN));
    close(low, 200.0 / 65.91876666433681, 1e-9);
    close(high, 200.0 / 37.110963737461866, 1e-9);
}

/// Reference values from scipy 1.17:
/// `python3 -c "from scipy.stats import chi2; k=10; print(chi2.ppf(0.025, 2*k)/2, chi2.ppf(0.975, 2*k+2)/2)"`
#[test]
fn poisson_interval_matches_scipy() {
    let reference: [(u64, f64, f64); 7] = [
        (0, 0.0, 3.6888794541139354),
        (1, 0.025317807984289876, 5.571643390938898),
        (5, 1.6234863901184207, 11.66833207932267),
        (10, 4.7953886961324335, 18.39035604201778),
        (50, 37.110963737461866, 65.91876666433681),
        (1000, 938.9730184076952, 1063.952136016302),
        (250_000, 249020.96550432124, 250981.93076097712),
    ];
    for (k, low, high) in reference {
        let (l, h) = poisson_interval(k).unwrap_or((f64::NAN, f64::NAN));
        // Exact branch to 1e-9 relative; the Wilson-Hilferty branch (k = 250000) to 1e-6.
        let tolerance = if k > 100_000 { 1e-6 } else { 1e-9 };
        close(l, low, tolerance * low.max(1.0));
        close(h, high, tolerance * high);
    }
    assert!(poisson_interval(u64::MAX).is_some_and(|(l, h)| l.is_finite() && h.is_finite()));
}

#[test]
fn missing_fields_are_left_out_pairwise_not_counted_as_zero() {
    let a = full("ana", true);
    // C reports likes, comments and reach but no shares or saves, no cost, 0 orders.
    let c = DeliverableResult {
        reach: Some(500),
        likes: Some(40),
        comments: Some(4),
        orders: Some(0),
        ..row("cara", "post")
    };
    let rows = [&a, &c];
    let er = value(&rows, MetricKey::ErReach);
    // Only A has engagements and reach: 100 / 1000; C's reach is not added to the base.
    assert_eq!((er.rows_used, er.rows_total), (1, 2));
    close(er.value.unwrap_or(f64::NAN), 0.1, 1e-12);
    // Reach is summed over both rows: 1000 + 500.
    close(
        value(&rows, MetricKey::Reach).value.unwrap_or(f64::NAN),
        1500.0,
        0.0,
    );
    // Orders 4 + 0 over both rows, CPA over A only (C has no cost): 50 / 4.
    assert_eq!(value(&rows, MetricKey::Orders).rows_used, 2);
    let cpa = value(&rows, MetricKey::Cpa);
    assert_eq!((cpa.rows_used, cpa.value), (1, Some(12.5)));
    // Nothing at all: a note says which fields were missing.
    let cpm = value(&[&c], MetricKey::Cpm);
    assert_eq!(cpm.value, None);
    assert_eq!(
        cpm.note.as_deref(),
        Some("no row has both cost and impressions")
    );
    let er_followers = value(&[&c], MetricKey::ErFollowers);
    assert_eq!(er_followers.value, None);
    // CPM never falls back to reach when impressions are missing.
    let reach_only = DeliverableResult {
        impressions: None,
        ..full("ana", true)
    };
    assert_eq!(value(&[&reach_only], MetricKey::Cpm).value, None);
}

#[test]
fn zero_cost_and_zero_clicks_give_notes_not_infinity() {
    // A gifted post with no recorded cost: revenue 80, cost 0, 10 clicks, 2 orders.
    let gifted = DeliverableResult {
        link_clicks: Some(10),
        orders: Some(2),
        revenue: Some(Money::new(80.0, "EUR")),
        cost: Some(Money::new(0.0, "EUR")),
        ..row("ana", "story")
    };
    for key in [MetricKey::Roas, MetricKey::Roi] {
        let got = value(&[&gifted], key);
        assert_eq!(got.value, None);
        assert_eq!(
            got.note.as_deref(),
            Some("zero cost: a post with no recorded cost has no return ratio")
        );
    }
    // Cost per click of a free post is 0 / 10 = 0, with a reminder to record product cost.
    let cpc = value(&[&gifted], MetricKey::Cpc);
    assert_eq!(cpc.value, Some(0.0));
    assert_eq!(cpc.interval, Some((0.0, 0.0)));
    assert!(cpc
        .note
        .as_deref()
        .is_some_and(|n| n.contains("zero cost recorded")));
    // A paid story with no clicks: cost 40 over 0 clicks.
    let no_clicks = DeliverableResult {
        link_clicks: Some(0),
        impressions: Some(900),
        orders: Some(0),
        cost: Some(Money::new(40.0, "EUR")),
        ..row("ben", "story")
    };
    let cpc = value(&[&no_clicks], MetricKey::Cpc);
    assert_eq!((cpc.value, cpc.interval), (None, None));
    assert_eq!(
        cpc.note.as_deref(),
        Some("zero link clicks: no cost per click")
    );
    assert_eq!(
        value(&[&no_clicks], MetricKey::ClickToOrder)
            .note
            .as_deref(),
        Some("zero link clicks: the rate is undefined")
    );
    // CTR 0 / 900 = 0 with Wilson interval 0 .. 0.00425 (3.84 / (900 + 3.84)).
    let ctr = value(&[&no_clicks], MetricKey::Ctr);
    assert_eq!(ctr.value, Some(0.0));
    let (low, high) = ctr.interval.unwrap_or((f64::NAN, f64::NAN));
    close(low, 0.0, 0.0);
    close(high, 3.841458820694124 / (900.0 + 3.841458820694124), 1e-12);
}

#[test]
fn money_in_another_currency_is_left_out_with_a_note() {
    let (a, b) = (full("ana", true), full("ben", false));
    let usd = DeliverableResult {
        cost: Some(Money::new(100.0, "USD")),
        revenue: Some(Money::new(90.0, "usd")),
        ..full("cara", true)
    };
    let rows = [&a, &b, &usd];
    let cost = value(&rows, MetricKey::Cost);
    // 50 + 150 EUR; the USD row is not converted.
    assert_eq!(
        (cost.value, cost.rows_used, cost.rows_total),
        (Some(200.0), 2, 3)
    );
    assert_eq!(
        cost.note.as_deref(),
        Some("1 row in USD left out (money is not converted)")
    );
    // Clicks have no money: all three rows, 20 + 30 + 20.
    assert_eq!(value(&rows, MetricKey::LinkClicks).value, Some(70.0));
    // ROAS over the EUR rows only: 300 / 200.
    assert_eq!(value(&rows, MetricKey::Roas).value, Some(1.5));
    // Reporting currency: most common among cost and revenue (EUR 4 times, USD twice).
    let results = vec![a.clone(), b.clone(), usd.clone()];
    assert_eq!(MetricContext::from_tables(&[], &results).currency, "EUR");
    let results = vec![usd.clone(), usd, a];
    assert_eq!(MetricContext::from_tables(&[], &results).currency, "USD");
    assert_eq!(MetricContext::from_tables(&[], &[]).currency, "EUR");
}

#[test]
fn a_negative_cost_is_left_out_as_a_data_error() {
    let a = full("ana", true);
    let refund = DeliverableResult {
        cost: Some(Money::new(-20.0, "EUR")),
        ..full("ben", false)
    };
    let cost = value(&[&a, &refund], MetricKey::Cost);
    // Only A's 50 EUR; the -20 is not a saving.
    assert_eq!((cost.value, cost.rows_used), (Some(50.0), 1));
    assert_eq!(
        cost.note.as_deref(),
        Some("1 row with an amount that is not a number (or a negative cost) left out")
    );
}

#[test]
fn a_row_without_cost_uses_the_sum_of_its_parts() {
    let parts = |fee: f64, product: Option<f64>| DeliverableResult {
        cost: None,
        fee: Some(Money::new(fee, "EUR")),
        product_value: product.map(|p| Money::new(p, "EUR")),
        shipping: Some(Money::new(10.0, "EUR")),
        ..full("ana", true)
    };
    // 100 + 25 + 10 = 135, all parts given: no note.
    let whole = value(&[&parts(100.0, Some(25.0))], MetricKey::Cost);
    assert_eq!((whole.value, whole.note), (Some(135.0), None));
    // 100 + 10 with the product value not given: 110, said to be a lower bound.
    let partial = value(&[&parts(100.0, None)], MetricKey::Cpa);
    assert_eq!(partial.value, Some(110.0 / 4.0));
    assert_eq!(
        partial.note.as_deref(),
        Some("1 row with cost summed from only some of fee, product value and shipping (a lower bound)")
    );
}

#[test]
fn engagements_above_reach_get_a_value_but_no_proportion_interval() {
    // 100 engagements from 60 people reached: ER 100 / 60 is a rate of actions.
    let r = DeliverableResult {
        reach: Some(60),
        ..full("ana", true)
    };
    let er = value(&[&r], MetricKey::ErReach);
    close(er.value.unwrap_or(f64::NAN), 100.0 / 60.0, 1e-12);
    assert_eq!(er.interval, None);
    assert!(er
        .note
        .as_deref()
        .is_some_and(|n| n.contains("more engagements than reach")));
}

/// docs/results.md states every formula exactly as the app shows it.
#[test]
fn the_results_doc_states_every_formula() {
    let doc = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/results.md"
    ));
    for key in MetricKey::ALL {
        assert!(
            doc.contains(key.formula()),
            "docs/results.md lacks the formula of {}",
            key.label()
        );
    }
}
