//! Earned media value, the funnel and displayed values by hand.

use super::super::*;
use microplan_model::money::Money;
use microplan_model::rows::DeliverableResult;

fn row(likes: Option<u64>, views: Option<u64>) -> DeliverableResult {
    DeliverableResult {
        reach: Some(1000),
        views,
        impressions: Some(2000),
        likes,
        comments: Some(15),
        shares: Some(12),
        saves: Some(8),
        link_clicks: Some(25),
        code_redemptions: None,
        orders: Some(3),
        revenue: Some(Money::new(90.0, "EUR")),
        cost: Some(Money::new(60.0, "EUR")),
        ..super::row("ana", "reel")
    }
}

fn eur() -> MetricContext {
    MetricContext {
        currency: "EUR".into(),
        ..MetricContext::default()
    }
}

fn close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

#[test]
fn per_action_preset_by_hand() {
    let (a, b) = (row(Some(100), Some(2000)), row(Some(130), Some(3000)));
    let settings = EmvSettings::preset("Per action (conservative)").unwrap_or_default();
    let estimate = emv(&[&a, &b], &settings, &eur());
    // likes 230 x 0.01 .. 0.05 = 2.30 .. 11.50
    // comments 30 x 0.10 .. 0.50 = 3.00 .. 15.00
    // shares 24 x 0.20 .. 0.60 = 4.80 .. 14.40
    // saves 16 x 0.20 .. 0.60 = 3.20 .. 9.60
    // link clicks 50 x 0.30 .. 1.00 = 15.00 .. 50.00
    // views 5000 x 0.002 .. 0.01 = 10.00 .. 50.00
    // low 2.3 + 3 + 4.8 + 3.2 + 15 + 10 = 38.3; high 11.5 + 15 + 14.4 + 9.6 + 50 + 50 = 150.5
    close(estimate.low, 38.3);
    close(estimate.high, 150.5);
    assert_eq!(estimate.currency, "EUR");
    let counts: Vec<(&str, f64)> = estimate
        .inputs
        .iter()
        .map(|i| (i.label.as_str(), i.count))
        .collect();
    assert_eq!(
        counts,
        [
            ("likes", 230.0),
            ("comments", 30.0),
            ("shares", 24.0),
            ("saves", 16.0),
            ("link clicks", 50.0),
            ("views", 5000.0)
        ]
    );
    assert!(estimate
        .formula
        .starts_with("EMV = likes x rate per like + comments x rate per comment"));
    assert!(estimate.notes.is_empty());
}

#[test]
fn cpm_preset_by_hand() {
    let (a, b) = (row(Some(100), Some(2000)), row(Some(130), None));
    let settings = EmvSettings::preset("CPM based").unwrap_or_default();
    let estimate = emv(&[&a, &b], &settings, &eur());
    // 4000 impressions = 4 thousand x 5 .. 12 EUR = 20 .. 48.
    close(estimate.low, 20.0);
    close(estimate.high, 48.0);
    assert_eq!(estimate.formula, "EMV = thousand impressions x rate per 1,000 impressions (low uses every low rate, high every high rate)");
    // Views are missing from b, but the CPM preset does not use views.
    assert!(estimate.notes.is_empty());
}

#[test]
fn missing_counts_swapped_and_invalid_rates_are_said() {
    let (a, b) = (row(Some(100), Some(2000)), row(None, Some(1000)));
    let settings = EmvSettings {
        preset: "Per action (conservative)".into(),
        rates: vec![
            EmvRate {
                action: EmvAction::Like,
                low: 0.5,
                high: 0.1,
                source: "edited".into(),
            },
            EmvRate {
                action: EmvAction::View,
                low: -1.0,
                high: 2.0,
                source: "edited".into(),
            },
            EmvRate {
                action: EmvAction::Share,
                low: f64::NAN,
                high: 2.0,
                source: "edited".into(),
            },
        ],
        currency: "usd".into(),
    };
    assert!(settings.is_edited());
    let estimate = emv(&[&a, &b], &settings, &eur());
    // Only likes count: 100 (b has none) x 0.1 .. 0.5 (swapped) = 10 .. 50.
    close(estimate.low, 10.0);
    close(estimate.high, 50.0);
    assert_eq!(estimate.currency, "USD");
    assert_eq!(
        estimate.notes,
        [
            "the low and high rates per like were swapped",
            "1 of 2 rows report no likes; they add nothing for it",
            "the rate per view is not a non-negative number and is ignored",
            "the rate per share is not a non-negative number and is ignored",
            "the rates are in USD, the results report in EUR: EMV is shown in USD",
        ]
    );
}

#[test]
fn emv_is_never_part_of_revenue_or_roi() {
    let a = row(Some(100), Some(2000));
    let context = eur();
    let roi_before = metric(&[&a], MetricKey::Roi, &context);
    let _ = emv(&[&a], &EmvSettings::default(), &context);
    // ROI = (90 - 60) / 60 = 0.5 from revenue and cost alone.
    assert_eq!(roi_before.value, Some(0.5));
    assert_eq!(
        metric(&[&a], MetricKey::Revenue, &context).value,
        Some(90.0)
    );
}

#[test]
fn funnel_uses_rows_with_all_three_steps() {
    let (a, b) = (row(Some(100), Some(2000)), row(Some(130), None));
    let partial = DeliverableResult {
        orders: None,
        ..row(Some(1), None)
    };
    let f = funnel(&[&a, &b, &partial]);
    // reach 1000 + 1000, clicks 25 + 25, orders 3 + 3; click rate 50 / 2000, orders 6 / 50.
    let counts: Vec<u64> = f.steps.iter().map(|s| s.count).collect();
    assert_eq!(counts, [2000, 50, 6]);
    assert_eq!(f.steps[0].conversion, None);
    assert_eq!(f.steps[1].conversion, Some(0.025));
    assert_eq!(f.steps[2].conversion, Some(0.12));
    assert_eq!((f.rows_used, f.rows_total), (2, 3));
    assert!(funnel(&[])
        .steps
        .iter()
        .all(|s| s.count == 0 && s.conversion.is_none()));
}

#[test]
fn values_read_with_their_units() {
    use super::super::display::*;
    assert_eq!(format_metric(MetricKey::Ctr, 0.008333, "EUR"), "0.8%");
    assert_eq!(format_metric(MetricKey::Roi, 0.5, "EUR"), "50%");
    assert_eq!(format_metric(MetricKey::Cpa, 20.0, "EUR"), "€20");
    assert_eq!(format_metric(MetricKey::Cpe, 0.6667, "EUR"), "€0.67");
    assert_eq!(format_metric(MetricKey::Cost, 12345.6, "EUR"), "€12,345.60");
    assert_eq!(format_metric(MetricKey::Roas, 1.5, "EUR"), "1.50×");
    assert_eq!(
        format_metric(MetricKey::Reach, 1234567.0, "EUR"),
        "1,234,567"
    );
    assert_eq!(format_plain(MetricKey::Cpa, 20.0), "20");
    assert_eq!(column_label(MetricKey::Cpa, "EUR"), "CPA (EUR)");
    assert_eq!(column_label(MetricKey::Ctr, "EUR"), "CTR");
    let partial = MetricValue {
        value: None,
        interval: None,
        rows_used: 1,
        rows_total: 3,
        note: Some("zero orders: no cost per order yet".into()),
    };
    assert_eq!(
        cell_text(MetricKey::Cpa, &partial, "EUR"),
        "not enough data"
    );
    assert_eq!(rows_hint(&partial).as_deref(), Some("based on 1 of 3 rows"));
    assert!(explanation(MetricKey::Cpa, &partial, "EUR").contains("zero orders"));
}
