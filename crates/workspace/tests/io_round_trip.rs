//! The demo workspace goes through export -> read -> map -> validate -> replace and comes
//! back exactly, table by table (the property test of the same round trip is in the
//! crate's `io::tests::round_trip`).

use proptest::prelude::*;

use microplan_csv::read::read_csv;
use microplan_demo::demo_workspace;
use microplan_workspace::io::apply::{apply_import, ImportMode};
use microplan_workspace::io::export::export_csv;
use microplan_workspace::io::mapping::propose_mapping;
use microplan_workspace::io::table::TableKind;
use microplan_workspace::io::validate::{validate, ImportOptions};
use microplan_workspace::Workspace;

fn only(kind: TableKind, source: &Workspace) -> Workspace {
    let mut kept = Workspace::empty(&source.name);
    match kind {
        TableKind::Creators => kept.creators = source.creators.clone(),
        TableKind::Posts => kept.posts = source.posts.clone(),
        TableKind::FollowerHistory => kept.follower_history = source.follower_history.clone(),
        TableKind::CommentSummaries => kept.comment_summaries = source.comment_summaries.clone(),
        TableKind::Communities => kept.communities = source.communities.clone(),
        TableKind::Results => kept.results = source.results.clone(),
        TableKind::TestArms => kept.test_arms = source.test_arms.clone(),
        TableKind::TestDays => kept.test_days = source.test_days.clone(),
        TableKind::ActivationPlans => kept.activation_plans = source.activation_plans.clone(),
        TableKind::GiftingHistory => kept.gifting_history = source.gifting_history.clone(),
        TableKind::TrackingLinks => {
            kept.programme.tracking.links = source.programme.tracking.links.clone()
        }
        TableKind::StoreCodes => {
            kept.programme.tracking.store_codes = source.programme.tracking.store_codes.clone()
        }
        TableKind::ShopOrders => {
            kept.attribution.shop_orders = source.attribution.shop_orders.clone()
        }
        TableKind::LinkClicks => {
            kept.attribution.link_clicks = source.attribution.link_clicks.clone()
        }
        TableKind::SurveyAnswers => {
            kept.attribution.survey_answers = source.attribution.survey_answers.clone()
        }
        TableKind::CreatorCodes => {
            kept.attribution.creator_codes = source.attribution.creator_codes.clone()
        }
    }
    kept
}

fn round_trip(kind: TableKind, source: &Workspace) -> Result<(), TestCaseError> {
    let csv = export_csv(kind, source);
    let table = read_csv(csv.as_bytes())
        .map_err(|e| TestCaseError::fail(format!("{kind:?}: {e}\n{csv}")))?;
    prop_assert_eq!(table.delimiter, b',');
    let mapping = propose_mapping(kind, &table.headers);
    let preview = validate(kind, &table, &mapping, &ImportOptions::default());
    prop_assert!(
        preview.errors.is_empty(),
        "{:?}: {:?}\n{}",
        kind,
        preview.errors,
        csv
    );
    prop_assert_eq!(preview.total_rows, kind.row_count(source));
    let mut imported = Workspace::empty(&source.name);
    apply_import(&mut imported, preview.valid, ImportMode::Replace);
    prop_assert_eq!(imported, only(kind, source), "{:?}\n{}", kind, csv);
    Ok(())
}

#[test]
fn the_demo_workspace_round_trips() {
    let demo = demo_workspace();
    for kind in TableKind::ALL {
        assert!(kind.row_count(&demo) > 0, "{kind:?}");
        round_trip(kind, &demo).unwrap();
    }
}
