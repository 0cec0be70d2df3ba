//! The reconciliation table as CSV: one row per creator and a totals row, amounts rounded
//! to cents, the currency in its own column, other-currency orders as `GBP 1 35.00`.

use crate::attribution::reconcile::{CreatorAttribution, Reconciliation};

use microplan_csv::csv_record::csv_record;

pub const RECONCILIATION_HEADER: [&str; 16] = [
    "creator",
    "codes",
    "code_orders",
    "code_revenue",
    "cancelled",
    "refunded",
    "shared_orders",
    "other_currency_orders",
    "link_sessions",
    "link_conversions",
    "link_revenue",
    "survey_mentions",
    "orders_low",
    "orders_high",
    "revenue_low",
    "revenue_high",
];

fn cents(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.2}")
    } else {
        String::new()
    }
}

fn row_cells(row: &CreatorAttribution) -> Vec<String> {
    let others: Vec<String> = row
        .other_currency
        .iter()
        .map(|(c, n, r)| format!("{c} {n} {}", cents(*r)))
        .collect();
    vec![
        row.handle.clone(),
        row.codes.join("; "),
        row.code_orders.to_string(),
        cents(row.code_revenue),
        row.cancelled.to_string(),
        row.refunded.to_string(),
        row.shared.to_string(),
        others.join("; "),
        row.sessions.to_string(),
        row.link_conversions
            .map(|c| c.to_string())
            .unwrap_or_default(),
        row.link_revenue.map(cents).unwrap_or_default(),
        row.survey_mentions.to_string(),
        row.orders_low.to_string(),
        row.orders_high.to_string(),
        cents(row.revenue_low),
        cents(row.revenue_high),
    ]
}

/// The table with a `currency` column last (empty when nothing has a currency).
pub fn reconciliation_csv(reconciliation: &Reconciliation) -> String {
    let currency = reconciliation.currency.clone().unwrap_or_default();
    let mut header: Vec<&str> = RECONCILIATION_HEADER.to_vec();
    header.push("currency");
    let mut out = csv_record(&header);
    for row in reconciliation
        .creators
        .iter()
        .chain(std::iter::once(&reconciliation.total))
    {
        let mut cells = row_cells(row);
        cells.push(currency.clone());
        out.push_str(&csv_record(&cells));
    }
    out
}
