//! Community activations: posting window, goal, gifted and paid mix and costs.

use chrono::NaiveDate;

use crate::Workspace;
use microplan_csv::columns::ColumnKind::{
    Count, Currency, Date, Fraction, List, Money as MoneyKind, Text,
};
use microplan_csv::columns::{column, ColumnSpec};
use microplan_csv::date::format_date;
use microplan_csv::problem::Problem;
use microplan_csv::row_reader::RowReader;
use microplan_csv::text::join_list;
use microplan_model::money::Money;
use microplan_plan::activation::{
    ActivationPlan, ShippingTime, DEFAULT_ARRIVAL_LEAD_DAYS, DEFAULT_CONFIDENCE,
    DEFAULT_POSTING_RATE,
};

use super::{ImportTable, TableKind};

pub struct ActivationPlans;

impl ImportTable for ActivationPlans {
    type Row = ActivationPlan;
    const KIND: TableKind = TableKind::ActivationPlans;
    const LABEL: &'static str = "Activation plans";
    const FILE_STEM: &'static str = "activation_plans";
    const DESCRIBE: &'static str = "One row per community activation: its posting window, goal, gifted and paid mix and costs.";
    const STORED_TABLE: &'static str = "activation_plans";
    const COLUMNS: &'static [ColumnSpec] = COLUMNS;
    const KEY_COLUMNS: &'static [&'static str] = &["name"];

    fn parse(r: &mut RowReader) -> Option<ActivationPlan> {
        activation_plan(r)
    }

    fn cells(row: &ActivationPlan) -> Vec<String> {
        activation_plan_cells(row)
    }

    fn key(row: &ActivationPlan) -> Vec<String> {
        activation_plan_key(row)
    }

    fn keep_stored(new: &mut ActivationPlan, old: &ActivationPlan, file_columns: &[&str]) {
        keep_plan(new, old, file_columns)
    }

    fn set_date(row: &mut ActivationPlan, key: &str, date: NaiveDate) {
        match key {
            "window_start" => row.window_start = date,
            "window_end" => row.window_end = date,
            _ => {}
        }
    }

    fn rows(workspace: &Workspace) -> &[ActivationPlan] {
        &workspace.activation_plans
    }

    fn rows_mut(workspace: &mut Workspace) -> &mut Vec<ActivationPlan> {
        &mut workspace.activation_plans
    }
}

#[rustfmt::skip]
const COLUMNS: &[ColumnSpec] = &[
    column("name", "Activation", Text, true, &["activation", "activation name", "plan", "plan name"],
        "Name of the activation, such as Sourdough January challenge."),
    column("community", "Community", Text, true, &["community name"], "The community it activates."),
    column("window_start", "Window start", Date, true, &["start", "start date", "posting window start", "from"],
        "First day of the posting window."),
    column("window_end", "Window end", Date, true, &["end", "end date", "posting window end", "to", "until"],
        "Last day of the posting window."),
    column("target_posts", "Posts wanted", Count, true, &["target", "posts wanted", "k", "goal"],
        "Posts wanted inside the window."),
    column("confidence", "Confidence", Fraction, false, &["confidence wanted", "probability wanted"],
        "Chance wanted that at least that many post, e.g. 90%. Empty: 90%."),
    column("posting_rate", "Posting rate of gifted creators", Fraction, false, &["posting rate", "q", "post rate"],
        "Share of gifted creators expected to post, e.g. 30%. Empty: 30%."),
    column("paid_creators", "Paid creators", Count, false, &["paid"], "Creators paid for a post in the window."),
    column("gifted_creators", "Gifted creators", Count, false, &["gifted", "seeded"], "Creators sent the product as a gift."),
    column("product_cost", "Product value per parcel", MoneyKind, false, &["product value", "unit cost"], "Value of the product in one parcel."),
    column("product_cost_currency", "Product value currency", Currency, false, &["currency"], "Currency of the product value."),
    column("shipping_cost", "Shipping per parcel", MoneyKind, false, &["shipping"], "Shipping cost of one parcel."),
    column("shipping_cost_currency", "Shipping currency", Currency, false, &[], "Currency of the shipping cost."),
    column("gifting_fee", "Fee per gifted creator", MoneyKind, false, &["handling fee", "platform fee"], "Handling or platform fee per gift."),
    column("gifting_fee_currency", "Gifting fee currency", Currency, false, &[], "Currency of the gifting fee."),
    column("paid_fee", "Fee per paid creator", MoneyKind, false, &["creator fee", "fee"], "Fee per paid creator."),
    column("paid_fee_currency", "Paid fee currency", Currency, false, &[], "Currency of the paid fee."),
    column("arrival_lead_days", "Days to use the product", Count, false, &["lead days", "arrival lead days"],
        "Days between the product arriving and the window opening. Empty: 7."),
    column("shipping_days", "Shipping days per country", List, false, &["shipping times", "transit days"],
        "Days in transit per country, such as GB=2; DE=4."),
    column("notes", "Notes", Text, false, &["note", "comments"], "Anything worth remembering."),
];

fn activation_plan(r: &mut RowReader) -> Option<ActivationPlan> {
    let name = r.text("name");
    let community = r.text("community");
    let window_start = r.date("window_start");
    let window_end = r.date("window_end");
    let target_posts = r.count("target_posts");
    let confidence = r.fraction("confidence").unwrap_or(DEFAULT_CONFIDENCE);
    let posting_rate = r.fraction("posting_rate").unwrap_or(DEFAULT_POSTING_RATE);
    let paid_creators = r.count("paid_creators").unwrap_or(0);
    let gifted_creators = r.count("gifted_creators").unwrap_or(0);
    let product_cost = r.money("product_cost");
    let shipping_cost = r.money("shipping_cost");
    let gifting_fee = r.money("gifting_fee");
    let paid_fee = r.money("paid_fee");
    let arrival_lead_days = r
        .small_count("arrival_lead_days")
        .unwrap_or(DEFAULT_ARRIVAL_LEAD_DAYS);
    let shipping_days = shipping_list(r);
    let notes = r.text("notes");
    Some(ActivationPlan {
        name: name?,
        community: community?,
        window_start: window_start?,
        window_end: window_end?,
        target_posts: target_posts?,
        confidence,
        posting_rate,
        paid_creators,
        gifted_creators,
        product_cost,
        shipping_cost,
        gifting_fee,
        paid_fee,
        arrival_lead_days,
        shipping_days,
        notes,
    })
}

fn activation_plan_cells(row: &ActivationPlan) -> Vec<String> {
    let [product, product_currency] = money_pair(&row.product_cost);
    let [shipping, shipping_currency] = money_pair(&row.shipping_cost);
    let [gifting, gifting_currency] = money_pair(&row.gifting_fee);
    let [paid, paid_currency] = money_pair(&row.paid_fee);
    let number = |v: f64| {
        if v.is_finite() {
            v.to_string()
        } else {
            String::new()
        }
    };
    vec![
        row.name.clone(),
        row.community.clone(),
        format_date(row.window_start),
        format_date(row.window_end),
        row.target_posts.to_string(),
        number(row.confidence),
        number(row.posting_rate),
        row.paid_creators.to_string(),
        row.gifted_creators.to_string(),
        product,
        product_currency,
        shipping,
        shipping_currency,
        gifting,
        gifting_currency,
        paid,
        paid_currency,
        row.arrival_lead_days.to_string(),
        join_list(
            &row.shipping_days
                .iter()
                .map(ShippingTime::to_text)
                .collect::<Vec<_>>(),
        ),
        row.notes.clone().unwrap_or_default(),
    ]
}

fn activation_plan_key(row: &ActivationPlan) -> Vec<String> {
    vec![row.name.clone()]
}

/// In a merge, optional columns the file did not have keep their stored values.
fn keep_plan(new: &mut ActivationPlan, old: &ActivationPlan, file_columns: &[&str]) {
    let missing = |key: &str| !file_columns.contains(&key);
    if missing("confidence") {
        new.confidence = old.confidence
    }
    if missing("posting_rate") {
        new.posting_rate = old.posting_rate
    }
    if missing("paid_creators") {
        new.paid_creators = old.paid_creators
    }
    if missing("gifted_creators") {
        new.gifted_creators = old.gifted_creators
    }
    if missing("product_cost") {
        new.product_cost = old.product_cost.clone()
    }
    if missing("shipping_cost") {
        new.shipping_cost = old.shipping_cost.clone()
    }
    if missing("gifting_fee") {
        new.gifting_fee = old.gifting_fee.clone()
    }
    if missing("paid_fee") {
        new.paid_fee = old.paid_fee.clone()
    }
    if missing("arrival_lead_days") {
        new.arrival_lead_days = old.arrival_lead_days
    }
    if missing("shipping_days") {
        new.shipping_days = old.shipping_days.clone()
    }
    if missing("notes") {
        new.notes = old.notes.clone()
    }
}

fn money_pair(value: &Option<Money>) -> [String; 2] {
    match value {
        Some(money) if money.amount.is_finite() => {
            [money.amount.to_string(), money.currency.clone()]
        }
        _ => [String::new(), String::new()],
    }
}

fn shipping_list(r: &mut RowReader) -> Vec<ShippingTime> {
    let items = r.list("shipping_days", false);
    let index = r
        .setup
        .columns
        .iter()
        .position(|c| c.key == "shipping_days");
    let mut times = Vec::new();
    for item in items {
        match ShippingTime::parse(&item) {
            Some(time) => times.push(time),
            None => {
                let problem = Problem::new(
                    format!("`{item}` is not a country and a number of days"),
                    "write each as a two-letter country code and days, such as GB=2; DE=4",
                );
                r.report(index.unwrap_or(0), &item, problem);
            }
        }
    }
    times
}
