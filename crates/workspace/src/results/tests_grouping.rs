//! Grouping by community, campaign and format, and the metric keys' names.

use super::tests::full;
use super::*;
use microplan_model::rows::{Creator, DeliverableResult, PipelineStatus};
use microplan_workspace::Workspace;

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
    ].into();
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
