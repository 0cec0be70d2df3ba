//! Creator accounts: who they are, their reach and their terms.

use chrono::NaiveDate;

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{Count, Currency, Date, List, Money, Status, Text};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::date::format_date;
use microplan_csv::row_reader::RowReader;
use microplan_csv::text::{clean_platform, join_list};
use microplan_model::rows::Creator;

use super::common::{count, money, text, HANDLE_HELP, HANDLE_NAMES};

use super::{ImportTable, TableKind};

pub struct Creators;

impl ImportTable for Creators {
    type Row = Creator;
    const KIND: TableKind = TableKind::Creators;
    const LABEL: &'static str = "Creators";
    const FILE_STEM: &'static str = "creators";
    const DESCRIBE: &'static str =
        "One row per creator account: handle, platform, followers and terms.";
    const STORED_TABLE: &'static str = "creators";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["platform", "handle"];

    fn parse(r: &mut RowReader) -> Option<Creator> {
        creator(r)
    }

    fn cells(row: &Creator) -> Vec<String> {
        creator_cells(row)
    }

    fn key(row: &Creator) -> Vec<String> {
        creator_key(row)
    }

    fn keep_stored(new: &mut Creator, old: &Creator, file_columns: &[&str]) {
        keep_creator(new, old, file_columns)
    }

    fn set_date(row: &mut Creator, key: &str, date: NaiveDate) {
        if key == "account_created" {
            row.account_created = Some(date);
        }
    }

    fn rows(workspace: &Workspace) -> &[Creator] {
        &workspace.creators
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<Creator> {
        &mut workspace.creators
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("handle", "Handle", Text, true, HANDLE_NAMES, HANDLE_HELP),
    column("platform", "Platform", Text, true, &["network", "social network", "platform name", "site"],
        "instagram, tiktok, youtube ...; stored lowercase."),
    column("display_name", "Display name", Text, false,
        &["name", "full name", "account name", "creator name", "influencer name", "channel name"],
        "The name shown on the profile."),
    column("followers", "Followers", Count, true,
        &["follower count", "followers count", "total followers", "subscribers", "subscriber count",
          "audience size", "audience", "fans", "follower"],
        "Current follower count; 12.3k is read as 12300."),
    column("following", "Following", Count, false, &["following count", "follows", "follows count"],
        "How many accounts the creator follows."),
    column("categories", "Categories", List, false,
        &["niche", "niches", "category", "content category", "vertical", "interests", "tags"],
        "Niche tags separated by ; | or , (stored lowercase)."),
    column("communities", "Communities", List, false, &["community", "tribe", "interest community"],
        "Names of the communities the creator belongs to, separated by ;"),
    column("country", "Country", Text, false, &["country code", "location", "market", "creator country"],
        "Two-letter country code such as GB or DE."),
    column("fee", "Fee", Money, false,
        &["rate", "price", "quoted fee", "fee per post", "cost per post", "price per post", "rate card"],
        "Quoted fee per deliverable, e.g. 250, €250 or 1.2k."),
    column("fee_currency", "Fee currency", Currency, false, &["currency", "currency code"],
        "Currency of the fee, such as EUR; a symbol in the fee cell also works."),
    column("contact", "Contact", Text, false,
        &["email", "e-mail", "contact email", "business email", "agent", "management"],
        "How to reach the creator."),
    column("status", "Pipeline status", Status, false, &["status", "stage", "pipeline stage"],
        "prospect, vetted, pilot, active, ambassador or dropped; empty means prospect."),
    column("account_created", "Account created", Date, false,
        &["created", "created at", "joined", "join date", "account creation date", "date joined"],
        "When the account was opened."),
    column("audience_countries", "Audience countries", Text, false,
        &["top countries", "audience country", "audience countries %", "followers by country"],
        "Top audience countries with shares, such as GB 40%; US 20%."),
    column("audience_ages", "Audience age bands", Text, false,
        &["age bands", "audience age", "audience ages", "age range", "followers by age"],
        "Audience age bands with shares, such as 18-24 30%; 25-34 45%."),
    column("audience_genders", "Audience gender", Text, false,
        &["gender", "audience gender split", "gender split", "followers by gender"],
        "Audience gender with shares, such as female 60%; male 38%."),
];

fn creator(r: &mut RowReader) -> Option<Creator> {
    let handle = r.handle("handle");
    let platform = r.text("platform").map(|text| clean_platform(&text));
    let display_name = r.text("display_name");
    let followers = r.count("followers");
    let following = r.count("following");
    let categories = r.list("categories", true);
    let communities = r.list("communities", false);
    let country = r.country("country");
    let fee = r.money("fee");
    let contact = r.text("contact");
    let status = r.status("status");
    let account_created = r.date("account_created");
    let audience = microplan_model::audience::AudienceBreakdown {
        countries: r.audience_shares("audience_countries"),
        age_bands: r.audience_shares("audience_ages"),
        genders: r.audience_shares("audience_genders"),
    };
    Some(Creator {
        handle: handle?,
        platform: platform?,
        display_name,
        followers: followers?,
        following,
        categories,
        communities,
        country,
        fee,
        contact,
        status,
        account_created,
        audience,
    })
}

fn creator_cells(row: &Creator) -> Vec<String> {
    let [fee, fee_currency] = money(&row.fee);
    vec![
        row.handle.clone(),
        row.platform.clone(),
        text(&row.display_name),
        row.followers.to_string(),
        count(row.following),
        join_list(&row.categories),
        join_list(&row.communities),
        text(&row.country),
        fee,
        fee_currency,
        text(&row.contact),
        row.status.as_str().to_string(),
        row.account_created.map(format_date).unwrap_or_default(),
        microplan_model::audience::format_shares(&row.audience.countries),
        microplan_model::audience::format_shares(&row.audience.age_bands),
        microplan_model::audience::format_shares(&row.audience.genders),
    ]
}

fn creator_key(row: &Creator) -> Vec<String> {
    vec![row.platform.clone(), row.handle.clone()]
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
