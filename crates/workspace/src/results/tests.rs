//! Grouping by community, campaign and format, and the metric keys' names.

use super::*;
use crate::Workspace;
use microplan_model::money::Money;
use microplan_model::rows::{Creator, DeliverableResult, PipelineStatus};
use microplan_plan::results::MetricKey;

/// A row with every measurement missing; built from JSON so that it stays valid when the
/// table gains optional columns.
fn row(handle: &str, deliverable: &str) -> DeliverableResult {
    let json =
        serde_json::json!({ "campaign": "Spring", "handle": handle, "deliverable": deliverable });
    serde_json::from_value(json).unwrap_or_else(|e| panic!("blank result row: {e}"))
}

/// A: reach 1000, views 1500, impressions 2000, likes 80 + comments 10 + shares 5 + saves 5
///    = 100 engagements, 20 clicks, 3 codes, 4 orders, revenue 100 EUR, cost 50 EUR.
/// B: reach 3000, views 3500, impressions 4000, 150 + 20 + 20 + 10 = 200 engagements,
///    30 clicks, 2 codes, 6 orders, revenue 200 EUR, cost 150 EUR.
fn full(handle: &str, a: bool) -> DeliverableResult {
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

fn creator(handle: &str, followers: u64, communities: &[&str]) -> Creator {
    Creator {
        handle: handle.into(),
        platform: "instagram".into(),
        display_name: None,
        followers,
        following: None,
        categories: Vec::new(),
        communities: communities.iter().map(|c| c.to_string()).collect(),
        country: None,
        fee: None,
        contact: None,
        status: PipelineStatus::Pilot,
        account_created: None,
        audience: Default::default(),
    }
}

fn grouped_workspace() -> Workspace {
    let mut workspace = Workspace::empty("w");
    workspace.creators = vec![
        creator("ana", 5000, &["Trail", "Bakers"]),
        creator("ben", 10_000, &["Trail"]),
    ]
    .into();
    let cara = DeliverableResult {
        campaign: " ".into(),
        ..full("cara", true)
    };
    // "@Ben" in the results is the creator "ben".
    workspace.results = vec![full("ana", true), full("@Ben", false), cara].into();
    workspace
}

#[test]
fn a_creator_in_two_communities_counts_in_both_and_the_total_counts_once() {
    let workspace = grouped_workspace();
    let groups: Vec<(String, Vec<String>)> = group_rows(&workspace, Grouping::Community)
        .into_iter()
        .map(|(name, rows)| (name, rows.iter().map(|r| r.handle.clone()).collect()))
        .collect();
    assert_eq!(
        groups,
        vec![
            ("Bakers".to_string(), vec!["ana".to_string()]),
            (NO_COMMUNITY.to_string(), vec!["cara".to_string()]),
            (
                "Trail".to_string(),
                vec!["ana".to_string(), "@Ben".to_string()]
            ),
        ]
    );
    let table = performance_table(
        &workspace,
        Grouping::Community,
        &[MetricKey::Reach, MetricKey::ErFollowers],
    );
    let names: Vec<&str> = table.iter().map(|r| r.group.as_str()).collect();
    assert_eq!(names, ["Bakers", "No community", "Trail", "All"]);
    let total = &table[3];
    assert!(total.is_total && !table[2].is_total);
    // All: 1000 + 3000 + 1000 reach, each row once although ana is in two groups.
    assert_eq!(
        (
            total.rows,
            total.value(MetricKey::Reach).and_then(|v| v.value)
        ),
        (3, Some(5000.0))
    );
    // Trail: reach 1000 + 3000; ER by followers (100 + 200) / (5000 + 10000) = 0.02.
    assert_eq!(
        table[2].value(MetricKey::Reach).and_then(|v| v.value),
        Some(4000.0)
    );
    assert_eq!(
        table[2].value(MetricKey::ErFollowers).and_then(|v| v.value),
        Some(0.02)
    );
    // cara is not in the Creators table: no followers, so no ER by followers.
    let no_community = table[1].value(MetricKey::ErFollowers);
    assert_eq!(no_community.and_then(|v| v.value), None);
}

#[test]
fn campaign_and_format_groups() {
    let workspace = grouped_workspace();
    let campaigns: Vec<String> = group_rows(&workspace, Grouping::Campaign)
        .into_iter()
        .map(|g| g.0)
        .collect();
    assert_eq!(campaigns, ["No campaign", "Spring"]);
    let creators: Vec<String> = group_rows(&workspace, Grouping::Creator)
        .into_iter()
        .map(|g| g.0)
        .collect();
    assert_eq!(creators, ["ana", "ben", "cara"]);
    let formats: Vec<(String, usize)> = group_rows(&workspace, Grouping::Format)
        .into_iter()
        .map(|(f, r)| (f, r.len()))
        .collect();
    assert_eq!(formats, [("reel".to_string(), 2), ("story".to_string(), 1)]);
    for (name, format) in [
        ("Reel + story", "reel"),
        ("Feed post #2", "post"),
        ("YouTube Shorts", "short"),
        ("YouTube 1", "video"),
        ("TikTok", "short"),
        ("IG Stories x3", "story"),
        ("Unboxing", "other"),
        ("Photos", "post"),
        ("", "other"),
    ] {
        assert_eq!(format_of(name), format, "{name}");
    }
}

#[test]
fn the_format_column_wins_over_the_deliverable_name() {
    let mut row = full("ana", true); // deliverable "Reel 1"
    assert_eq!(format_of_row(&row), "reel");
    row.format = Some("IG story".into());
    assert_eq!(format_of_row(&row), "story");
    // A format column without a format word falls back to the name.
    row.format = Some("Sponsored".into());
    assert_eq!(format_of_row(&row), "reel");
}

#[test]
fn metric_keys_round_trip_and_describe_themselves() {
    for key in MetricKey::ALL {
        assert_eq!(MetricKey::parse(key.key()), Some(key));
        assert!(!key.label().is_empty() && !key.formula().is_empty());
    }
    assert_eq!(MetricKey::parse(" CPA "), Some(MetricKey::Cpa));
    assert_eq!(MetricKey::parse("emv"), None);
    assert!(!MetricKey::Cpa.higher_is_better() && MetricKey::Roas.higher_is_better());
    assert!(MetricKey::Cpm.is_money() && !MetricKey::Roas.is_money() && MetricKey::Ctr.is_rate());
    for grouping in Grouping::ALL {
        assert_eq!(Grouping::parse(grouping.key()), Some(grouping));
    }
}
