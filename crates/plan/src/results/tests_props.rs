//! Property tests: arbitrary rows (huge counts, zero denominators, NaN money, odd currencies,
//! unknown creators) never panic and never give NaN or infinity.

use proptest::prelude::*;

use super::*;
use microplan_model::money::Money;
use microplan_model::rows::{Creator, DeliverableResult, PipelineStatus};
use microplan_workspace::Workspace;

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
                ..super::tests::row(HANDLES[h], ["Reel", "story 2", "TikTok", "unboxing"][d])
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
