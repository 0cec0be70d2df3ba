//! Puts validated rows into a workspace table, replacing it or merging by row key.

use std::collections::{HashMap, HashSet};

use microplan_model::rows::{CommentSummary, Community, Creator, DeliverableResult, Post, TestArm};
use crate::Workspace;

use super::typed_rows::{
    comment_summary_key, community_key, creator_key, follower_point_key, match_key, post_key,
    result_key, test_arm_key, TypedRows,
};
use super::columns_activation::{activation_plan_key, gifting_record_key, keep_plan, keep_record};
use crate::io::validate::ImportPreview;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// The table becomes the imported rows.
    Replace,
    /// Rows whose key matches are updated, new ones appended, others kept.
    Merge,
}

/// What an import changed, counted by row key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
}

/// Copies into `new` the stored values of columns the file did not have.
type KeepStored<T> = fn(&mut T, &T, &[&str]);

fn apply_rows<T: Clone>(
    table: &mut Vec<T>,
    rows: Vec<T>,
    mode: ImportMode,
    key: fn(&T) -> Vec<String>,
    keep: Option<(KeepStored<T>, &[&str])>,
) -> ImportSummary {
    let mut positions: HashMap<String, usize> = HashMap::new();
    for (index, row) in table.iter().enumerate() {
        positions.entry(match_key(&key(row))).or_insert(index);
    }
    let mut summary = ImportSummary::default();
    match mode {
        ImportMode::Replace => {
            let mut incoming: HashSet<String> = HashSet::new();
            for row in &rows {
                let row_key = match_key(&key(row));
                if positions.contains_key(&row_key) {
                    summary.updated += 1;
                } else {
                    summary.added += 1;
                }
                incoming.insert(row_key);
            }
            summary.removed = table
                .iter()
                .filter(|row| !incoming.contains(&match_key(&key(row))))
                .count();
            *table = rows;
        }
        ImportMode::Merge => {
            for mut row in rows {
                let row_key = match_key(&key(&row));
                match positions
                    .get(&row_key)
                    .and_then(|index| table.get_mut(*index))
                {
                    Some(stored) => {
                        if let Some((keep_stored, file_columns)) = keep {
                            keep_stored(&mut row, stored, file_columns);
                        }
                        *stored = row;
                        summary.updated += 1;
                    }
                    None => {
                        positions.insert(row_key, table.len());
                        table.push(row);
                        summary.added += 1;
                    }
                }
            }
        }
    }
    summary
}

/// Imports rows. In a merge, a matching row is replaced whole; see
/// [`apply_preview`] to keep stored values of columns the file did not have.
pub fn apply_import(workspace: &mut Workspace, rows: TypedRows, mode: ImportMode) -> ImportSummary {
    apply_with(workspace, rows, mode, None)
}

/// Imports a preview's valid rows. In a merge, columns the file did not provide keep their
/// stored values (a follower update does not wipe fees or pipeline status).
pub fn apply_preview(
    workspace: &mut Workspace,
    preview: ImportPreview,
    mode: ImportMode,
) -> ImportSummary {
    let columns = preview.mapped_columns;
    apply_with(workspace, preview.valid, mode, Some(&columns))
}

fn apply_with(
    workspace: &mut Workspace,
    rows: TypedRows,
    mode: ImportMode,
    file_columns: Option<&[&str]>,
) -> ImportSummary {
    match rows {
        TypedRows::Creators(rows) => apply_rows(
            &mut workspace.creators,
            rows,
            mode,
            creator_key,
            file_columns.map(|c| (keep_creator as KeepStored<Creator>, c)),
        ),
        TypedRows::Posts(rows) => apply_rows(
            &mut workspace.posts,
            rows,
            mode,
            post_key,
            file_columns.map(|c| (keep_post as KeepStored<Post>, c)),
        ),
        // Every follower-history column is a key or required: nothing to keep.
        TypedRows::FollowerHistory(rows) => apply_rows(
            &mut workspace.follower_history,
            rows,
            mode,
            follower_point_key,
            None,
        ),
        TypedRows::CommentSummaries(rows) => apply_rows(
            &mut workspace.comment_summaries,
            rows,
            mode,
            comment_summary_key,
            file_columns.map(|c| (keep_nothing as KeepStored<CommentSummary>, c)),
        ),
        TypedRows::Communities(rows) => apply_rows(
            &mut workspace.communities,
            rows,
            mode,
            community_key,
            file_columns.map(|c| (keep_community as KeepStored<Community>, c)),
        ),
        TypedRows::Results(rows) => apply_rows(
            &mut workspace.results,
            rows,
            mode,
            result_key,
            file_columns.map(|c| (keep_result as KeepStored<DeliverableResult>, c)),
        ),
        TypedRows::TestArms(rows) => apply_rows(
            &mut workspace.test_arms,
            rows,
            mode,
            test_arm_key,
            file_columns.map(|c| (keep_test_arm as KeepStored<TestArm>, c)),
        ),
        // Every daily-series column is a key or required: nothing to keep.
        TypedRows::TestDays(rows) => apply_rows(
            &mut workspace.test_days,
            rows,
            mode,
            super::columns_uplift::test_day_key,
            None,
        ),
        TypedRows::ActivationPlans(rows) => apply_rows(
            &mut workspace.activation_plans,
            rows,
            mode,
            activation_plan_key,
            file_columns.map(|c| (keep_plan as KeepStored<microplan_plan::activation::ActivationPlan>, c)),
        ),
        TypedRows::GiftingHistory(rows) => apply_rows(
            &mut workspace.gifting_history,
            rows,
            mode,
            gifting_record_key,
            file_columns.map(|c| (keep_record as KeepStored<microplan_plan::activation::GiftingRecord>, c)),
        ),
        TypedRows::TrackingLinks(rows) => apply_rows(
            &mut workspace.programme.tracking.links,
            rows,
            mode,
            super::columns_tracking::tracking_link_key,
            file_columns.map(|c| (super::columns_tracking::keep_tracking_link as KeepStored<microplan_plan::tracking::TrackingLink>, c)),
        ),
        TypedRows::StoreCodes(rows) => apply_rows(
            &mut workspace.programme.tracking.store_codes,
            rows,
            mode,
            super::columns_tracking::store_code_key,
            file_columns.map(|c| (super::columns_tracking::keep_store_code as KeepStored<microplan_plan::tracking::StoreCode>, c)),
        ),
        TypedRows::ShopOrders(rows) => apply_rows(
            &mut workspace.attribution.shop_orders,
            rows,
            mode,
            super::columns_results::shop_order_key,
            file_columns.map(|c| (super::columns_results::keep_shop_order as KeepStored<microplan_plan::attribution::ShopOrder>, c)),
        ),
        TypedRows::LinkClicks(rows) => apply_rows(
            &mut workspace.attribution.link_clicks,
            rows,
            mode,
            super::columns_results::link_clicks_key,
            file_columns.map(|c| (super::columns_results::keep_link_clicks as KeepStored<microplan_plan::attribution::LinkClicks>, c)),
        ),
        TypedRows::SurveyAnswers(rows) => apply_rows(
            &mut workspace.attribution.survey_answers,
            rows,
            mode,
            super::columns_results::survey_answer_key,
            None,
        ),
        TypedRows::CreatorCodes(rows) => apply_rows(
            &mut workspace.attribution.creator_codes,
            rows,
            mode,
            super::columns_results::creator_code_key,
            file_columns.map(|c| (super::columns_results::keep_creator_code as KeepStored<microplan_plan::attribution::CreatorCode>, c)),
        ),
    }
}

fn keep_nothing<T>(_: &mut T, _: &T, _: &[&str]) {}

/// Copies `$field` from `$old` when its column is not among `$file_columns`.
macro_rules! keep_fields {
    ($new:ident, $old:ident, $file_columns:ident; $($column:literal => $field:ident),* $(,)?) => {
        $(if !$file_columns.contains(&$column) {
            $new.$field = $old.$field.clone();
        })*
    };
}

fn keep_creator(new: &mut Creator, old: &Creator, file_columns: &[&str]) {
    keep_fields!(new, old, file_columns;
        "display_name" => display_name, "following" => following, "categories" => categories,
        "communities" => communities, "country" => country, "fee" => fee, "contact" => contact,
        "status" => status, "account_created" => account_created);
    let (new_audience, old_audience) = (&mut new.audience, &old.audience);
    keep_fields!(new_audience, old_audience, file_columns;
        "audience_countries" => countries, "audience_ages" => age_bands,
        "audience_genders" => genders);
}

fn keep_post(new: &mut Post, old: &Post, file_columns: &[&str]) {
    keep_fields!(new, old, file_columns;
        "format" => format, "views" => views, "reach" => reach, "impressions" => impressions,
        "shares" => shares, "saves" => saves, "sponsored" => sponsored, "disclosure" => disclosure,
        "topics" => topics);
}

fn keep_community(new: &mut Community, old: &Community, file_columns: &[&str]) {
    keep_fields!(new, old, file_columns;
        "description" => description, "hashtags" => hashtags, "where_online" => where_online);
}

fn keep_result(new: &mut DeliverableResult, old: &DeliverableResult, file_columns: &[&str]) {
    keep_fields!(new, old, file_columns;
        "date" => date, "reach" => reach, "views" => views, "impressions" => impressions,
        "likes" => likes, "comments" => comments, "shares" => shares, "saves" => saves,
        "link_clicks" => link_clicks, "code_redemptions" => code_redemptions, "orders" => orders,
        "revenue" => revenue, "cost" => cost, "disclosure_present" => disclosure_present,
        "fee" => fee, "product_value" => product_value, "shipping" => shipping, "format" => format);
}

fn keep_test_arm(new: &mut TestArm, old: &TestArm, file_columns: &[&str]) {
    keep_fields!(new, old, file_columns; "is_control" => is_control, "revenue" => revenue);
}
