//! Tracked links with their promo codes: exported for a shop or link tool, imported back.

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{Fraction, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::problem::Problem;
use microplan_csv::row_reader::RowReader;
use microplan_csv::text::clean_platform;
use microplan_plan::tracking::{parse_landing_page, TrackingLink};

use super::{ImportTable, TableKind};

pub struct TrackingLinks;

impl ImportTable for TrackingLinks {
    type Row = TrackingLink;
    const KIND: TableKind = TableKind::TrackingLinks;
    const LABEL: &'static str = "Tracking links and codes";
    const FILE_STEM: &'static str = "tracking_links";
    const DESCRIBE: &'static str =
        "One row per creator and deliverable: the GA4-tagged link and the creator's promo code.";
    const STORED_TABLE: &'static str = "programme";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["campaign", "handle", "deliverable"];

    fn parse(r: &mut RowReader) -> Option<TrackingLink> {
        tracking_link(r)
    }

    fn cells(row: &TrackingLink) -> Vec<String> {
        tracking_link_cells(row)
    }

    fn key(row: &TrackingLink) -> Vec<String> {
        tracking_link_key(row)
    }

    fn keep_stored(new: &mut TrackingLink, old: &TrackingLink, file_columns: &[&str]) {
        keep_tracking_link(new, old, file_columns)
    }

    fn rows(workspace: &Workspace) -> &[TrackingLink] {
        &workspace.programme.tracking.links
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<TrackingLink> {
        &mut workspace.programme.tracking.links
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("campaign", "Campaign", Text, true, &["campaign name"], "Name of the campaign the link belongs to."),
    column("handle", "Handle", Text, true, &["creator", "creator handle", "influencer", "username", "@handle"],
        "The creator's handle; a leading @ is removed."),
    column("platform", "Platform", Text, false, &["network", "channel"], "Where the creator posts: instagram, tiktok ..."),
    column("deliverable", "Deliverable", Text, true, &["piece", "content", "post", "deliverable name"],
        "Which piece the link is for, such as short video 1."),
    column("promo_code", "Promo code", Text, false,
        &["code", "discount code", "coupon", "coupon code", "voucher", "voucher code"],
        "The creator's own discount code."),
    column("discount", "Discount", Fraction, false, &["discount percent", "percent off", "value", "discount value"],
        "Discount the code gives, such as 15%."),
    column("url", "Tracked link", Text, true,
        &["long_url", "long url", "tracked url", "tagged url", "tracking link", "link", "destination url", "destination"],
        "The full tagged address the creator shares."),
    column("landing_page", "Landing page", Text, false, &["landing page url", "page", "destination page"],
        "The page before tagging."),
    column("utm_source", "utm_source", Text, false, &["source"], "GA4 source: the platform, lowercase."),
    column("utm_medium", "utm_medium", Text, false, &["medium"], "GA4 medium: social, or paid_social for whitelisted ads."),
    column("utm_campaign", "utm_campaign", Text, false, &[], "GA4 campaign name, lowercase."),
    column("utm_content", "utm_content", Text, false, &[], "Creator and piece, lowercase."),
    column("utm_term", "utm_term", Text, false, &["term"], "Optional: the community or audience."),
    column("utm_id", "utm_id", Text, false, &["campaign id"], "Optional GA4 campaign id."),
];

fn tracking_link(r: &mut RowReader) -> Option<TrackingLink> {
    let campaign = r.text("campaign");
    let handle = r.handle("handle");
    let platform = r
        .text("platform")
        .map(|p| clean_platform(&p))
        .unwrap_or_default();
    let deliverable = r.text("deliverable");
    let landing_page = r.text("landing_page").unwrap_or_default();
    let utm_source = r.text("utm_source").unwrap_or_default();
    let utm_medium = r.text("utm_medium").unwrap_or_default();
    let utm_campaign = r.text("utm_campaign").unwrap_or_default();
    let utm_content = r.text("utm_content").unwrap_or_default();
    let utm_term = r.text("utm_term");
    let utm_id = r.text("utm_id");
    let url = r.text("url");
    if let Some(link) = &url {
        if let Err(why) = parse_landing_page(link) {
            report_bad_url(r, link, why.to_string());
        }
    }
    let promo_code = r.text("promo_code");
    let discount = r.fraction("discount");
    Some(TrackingLink {
        campaign: campaign?,
        handle: handle?,
        platform,
        deliverable: deliverable?,
        landing_page,
        utm_source,
        utm_medium,
        utm_campaign,
        utm_content,
        utm_term,
        utm_id,
        url: url?,
        promo_code,
        discount,
    })
}

fn tracking_link_cells(row: &TrackingLink) -> Vec<String> {
    vec![
        row.campaign.clone(),
        row.handle.clone(),
        row.platform.clone(),
        row.deliverable.clone(),
        row.promo_code.clone().unwrap_or_default(),
        number(row.discount),
        row.url.clone(),
        row.landing_page.clone(),
        row.utm_source.clone(),
        row.utm_medium.clone(),
        row.utm_campaign.clone(),
        row.utm_content.clone(),
        row.utm_term.clone().unwrap_or_default(),
        row.utm_id.clone().unwrap_or_default(),
    ]
}

fn tracking_link_key(row: &TrackingLink) -> Vec<String> {
    vec![
        row.campaign.clone(),
        row.handle.clone(),
        row.deliverable.clone(),
    ]
}

fn keep_tracking_link(new: &mut TrackingLink, old: &TrackingLink, file_columns: &[&str]) {
    let missing = |key: &str| !file_columns.contains(&key);
    if missing("platform") {
        new.platform = old.platform.clone()
    }
    if missing("landing_page") {
        new.landing_page = old.landing_page.clone()
    }
    if missing("utm_source") {
        new.utm_source = old.utm_source.clone()
    }
    if missing("utm_medium") {
        new.utm_medium = old.utm_medium.clone()
    }
    if missing("utm_campaign") {
        new.utm_campaign = old.utm_campaign.clone()
    }
    if missing("utm_content") {
        new.utm_content = old.utm_content.clone()
    }
    if missing("utm_term") {
        new.utm_term = old.utm_term.clone()
    }
    if missing("utm_id") {
        new.utm_id = old.utm_id.clone()
    }
    if missing("promo_code") {
        new.promo_code = old.promo_code.clone()
    }
    if missing("discount") {
        new.discount = old.discount
    }
}

fn report_bad_url(r: &mut RowReader, url: &str, why: String) {
    let index = r
        .setup
        .columns
        .iter()
        .position(|c| c.key == "url")
        .unwrap_or(0);
    r.report(
        index,
        url,
        Problem::new(why, "use the full address, starting with https://"),
    );
}

fn number(value: Option<f64>) -> String {
    value
        .filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}
