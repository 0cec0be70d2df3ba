//! Results over a workspace: grouped and sorted performance tables, EMV settings stored with
//! the workspace, the demo's sentiment counts, and property tests: arbitrary rows (huge
//! counts, zero denominators, NaN money, odd currencies, unknown creators) never panic and
//! never give NaN or infinity.

use proptest::prelude::*;

use microplan_model::money::Money;
use microplan_model::rows::{Creator, DeliverableResult, PipelineStatus};
use microplan_plan::results::{
    emv, metric, sentiment_totals, EmvAction, EmvRate, EmvSettings, MetricContext, MetricKey,
    MetricValue, EMV_PRESETS,
};
use microplan_workspace::results::{performance_table, sort_performance, Grouping, PerformanceRow};
use microplan_workspace::Workspace;

/// A row with every measurement missing; built from JSON so that it stays valid when the
/// table gains optional columns.
fn blank_row(handle: &str, deliverable: &str) -> DeliverableResult {
    let json =
        serde_json::json!({ "campaign": "Spring", "handle": handle, "deliverable": deliverable });
    serde_json::from_value(json).unwrap_or_else(|e| panic!("blank result row: {e}"))
}

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
        ..blank_row("ana", "reel")
    }
}

#[test]
fn presets_state_their_source_and_old_workspaces_get_the_default() {
    for name in EMV_PRESETS {
        let preset = EmvSettings::preset(name).unwrap_or_default();
        assert_eq!(preset.preset, name);
        assert!(!preset.is_edited());
        assert!(preset
            .rates
            .iter()
            .all(|r| r.source.contains("assumption") && r.low <= r.high));
    }
    assert_eq!(EmvSettings::preset("Magic"), None);
    assert_eq!(EmvSettings::default().preset, EMV_PRESETS[0]);
    let stored = r#"{"name":"old workspace"}"#;
    let workspace: Workspace = serde_json::from_str(stored).unwrap_or_default();
    assert_eq!(workspace.name, "old workspace");
    assert_eq!(workspace.emv_settings, EmvSettings::default().into());
    let json = serde_json::to_string(&workspace).unwrap_or_default();
    let back: Workspace = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(back.emv_settings, workspace.emv_settings);
}

#[test]
fn sorting_keeps_missing_values_and_the_total_last() {
    let mut workspace = Workspace::empty("w");
    let cheap = DeliverableResult {
        cost: Some(Money::new(30.0, "EUR")),
        ..row(Some(1), None)
    };
    let none = DeliverableResult {
        orders: Some(0),
        ..row(Some(1), None)
    };
    workspace.results = vec![
        DeliverableResult {
            handle: "b".into(),
            ..row(Some(1), None)
        }, // 60 / 3 = 20
        DeliverableResult {
            handle: "a".into(),
            ..cheap
        }, // 30 / 3 = 10
        DeliverableResult {
            handle: "c".into(),
            ..none
        }, // zero orders
    ]
    .into();
    let mut table = performance_table(&workspace, Grouping::Creator, &[MetricKey::Cpa]);
    let order = |t: &[PerformanceRow]| t.iter().map(|r| r.group.clone()).collect::<Vec<_>>();
    sort_performance(&mut table, Some(MetricKey::Cpa), false);
    assert_eq!(order(&table), ["a", "b", "c", "All"]);
    sort_performance(&mut table, Some(MetricKey::Cpa), true);
    assert_eq!(order(&table), ["b", "a", "c", "All"]);
    sort_performance(&mut table, None, true);
    assert_eq!(order(&table), ["c", "b", "a", "All"]);
}

#[test]
fn the_demo_counts_match_the_programme_signal() {
    let w = microplan_demo::demo_workspace();
    assert_eq!(sentiment_totals(&w.sentiment), (212, 310));
    let plan = w.programme.objectives.as_ref().unwrap();
    let signal = plan
        .signals
        .iter()
        .find(|s| s.kind == microplan_plan::objectives::SignalKind::Sentiment)
        .unwrap();
    assert_eq!(
        (signal.numerator, signal.denominator),
        (Some(212), Some(310))
    );
}

const HANDLES: [&str; 3] = ["ana", "ben", "cara"];
const CURRENCIES: [&str; 3] = ["EUR", "usd", ""];

fn count() -> impl Strategy<Value = Option<u64>> {
    proptest::option::of(prop_oneof![
        0u64..50,
        0u64..1_000_000,
        Just(u64::MAX),
        any::<u64>()
    ])
}

fn money() -> impl Strategy<Value = Option<Money>> {
    let amount = prop_oneof![
        0.0f64..1e4,
        Just(0.0),
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY)
    ];
    proptest::option::of((amount, 0usize..3).prop_map(|(a, c)| Money {
        amount: a,
        currency: CURRENCIES[c].into(),
    }))
}

fn result_row() -> impl Strategy<Value = DeliverableResult> {
    let counts = (count(), count(), count(), count(), count(), count());
    let more = (count(), count(), count(), count(), money(), money());
    let parts = (money(), money(), money());
    (0usize..3, 0usize..4, counts, more, parts).prop_map(
        |(
            h,
            d,
            (reach, views, impressions, likes, comments, shares),
            (saves, clicks, codes, orders, revenue, cost),
            (fee, product_value, shipping),
        )| {
            DeliverableResult {
                campaign: ["Spring", "", "Autumn"][h].into(),
                fee,
                product_value,
                shipping,
                reach,
                views,
                impressions,
                likes,
                comments,
                shares,
                saves,
                link_clicks: clicks,
                code_redemptions: codes,
                orders,
                revenue,
                cost,
                ..blank_row(HANDLES[h], ["Reel", "story 2", "TikTok", "unboxing"][d])
            }
        },
    )
}

fn creator(handle: &str, followers: u64, community: usize) -> Creator {
    Creator {
        handle: handle.into(),
        platform: "instagram".into(),
        display_name: None,
        followers,
        following: None,
        categories: Vec::new(),
        communities: [
            vec![],
            vec!["Trail".to_string()],
            vec!["Trail".into(), "Bakers".into()],
        ][community % 3]
            .clone(),
        country: None,
        fee: None,
        contact: None,
        status: PipelineStatus::Pilot,
        account_created: None,
        audience: Default::default(),
    }
}

fn finite(value: &MetricValue) -> bool {
    value.value.is_none_or(f64::is_finite)
        && value
            .interval
            .is_none_or(|(a, b)| a.is_finite() && b.is_finite() && a <= b)
        && value.rows_used <= value.rows_total
        && (value.value.is_some() || value.note.is_some())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn metrics_and_tables_are_always_finite(
        rows in proptest::collection::vec(result_row(), 0..12),
        followers in proptest::collection::vec((prop_oneof![Just(0u64), any::<u64>(), 1u64..100_000], 0usize..3), 0..3),
        rates in proptest::collection::vec((0usize..7, any::<f64>(), prop_oneof![0.0f64..10.0, any::<f64>()]), 0..8),
    ) {
        let mut workspace = Workspace::empty("props");
        workspace.creators = followers.iter().enumerate().map(|(i, (f, c))| creator(HANDLES[i], *f, *c)).collect();
        workspace.results = rows.into();
        let context = MetricContext::from_tables(&workspace.creators, &workspace.results);
        let all: Vec<&DeliverableResult> = workspace.results.iter().collect();
        for key in MetricKey::ALL {
            let value = metric(&all, key, &context);
            prop_assert!(finite(&value), "{key:?}: {value:?}");
        }
        for grouping in Grouping::ALL {
            for row in performance_table(&workspace, grouping, &MetricKey::ALL) {
                for (key, value) in &row.values {
                    prop_assert!(finite(value), "{grouping:?} {key:?}: {value:?}");
                }
            }
        }
        for name in EMV_PRESETS {
            let settings = EmvSettings::preset(name).unwrap_or_default();
            let estimate = emv(&all, &settings, &context);
            prop_assert!(estimate.low.is_finite() && estimate.high.is_finite() && estimate.low <= estimate.high);
        }
        let edited = EmvSettings {
            rates: rates
                .iter()
                .map(|(a, low, high)| EmvRate { action: EmvAction::ALL[*a], low: *low, high: *high, source: String::new() })
                .collect(),
            ..EmvSettings::default()
        };
        let estimate = emv(&all, &edited, &context);
        prop_assert!(estimate.low.is_finite() && estimate.high.is_finite() && estimate.low <= estimate.high, "{estimate:?}");
        prop_assert!(estimate.inputs.iter().all(|i| i.value_low.is_finite() && i.value_high.is_finite()));
    }
}
