//! The Shopify orders export to shop orders. The export has one row per line item; the
//! order's own fields (date, currency, amounts, codes, countries) are filled only on the
//! first row of an order, and later rows repeat only `Name` and the line-item columns. Rows
//! are joined by `Name` into one order each, in file order.
//!
//! Only what attribution needs is read: order number, date, discount codes (uppercase,
//! several codes split on commas), currency, subtotal, discount, total, shipping country
//! (the billing country when there is none), line items and units, cancelled and refunded.
//! Email, names, addresses and phone numbers are never read, so they cannot be stored.

use std::collections::HashMap;

use chrono::NaiveDate;

use microplan_model::money::Money;
use microplan_plan::attribution::ShopOrder;

use super::error::ImportError;
use super::headers::find_header;
use microplan_csv::date::{read_date, DateOrder};
use microplan_csv::money::parse_money;
use microplan_csv::number::parse_count;
use microplan_csv::problem::{CellError, Problem};
use microplan_csv::read::{read_csv, RawRow, RawTable};
use microplan_csv::text::{is_missing, parse_currency};

/// Joined orders, or the problems that stop the import (with row, line, column and fix).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShopOrdersImport {
    pub orders: Vec<ShopOrder>,
    pub errors: Vec<CellError>,
    /// Line-item rows read.
    pub rows: usize,
    pub notes: Vec<String>,
}

struct Columns {
    name: usize,
    created: Option<usize>,
    paid: Option<usize>,
    currency: Option<usize>,
    subtotal: Option<usize>,
    total: Option<usize>,
    discount_code: Option<usize>,
    discount_amount: Option<usize>,
    quantity: Option<usize>,
    shipping_country: Option<usize>,
    billing_country: Option<usize>,
    cancelled_at: Option<usize>,
    refunded_amount: Option<usize>,
    financial_status: Option<usize>,
}

fn columns(headers: &[String]) -> Result<Columns, ImportError> {
    let find = |names: &[&str]| find_header(headers, names);
    let name = find(&["Name", "Order", "Order number", "Order name"]).ok_or_else(|| {
        ImportError::missing_column("The file has no `Name` column, so its rows cannot be joined into orders. Fix: export the orders from Shopify (Orders > Export > CSV for Excel or plain CSV) and import that file as it is.")
    })?;
    let found = Columns {
        name,
        created: find(&["Created at", "Order date", "Processed at"]),
        paid: find(&["Paid at"]),
        currency: find(&["Currency"]),
        subtotal: find(&["Subtotal"]),
        total: find(&["Total"]),
        discount_code: find(&["Discount Code", "Discount Codes"]),
        discount_amount: find(&["Discount Amount", "Total Discounts"]),
        quantity: find(&["Lineitem quantity"]),
        shipping_country: find(&["Shipping Country"]),
        billing_country: find(&["Billing Country"]),
        cancelled_at: find(&["Cancelled at"]),
        refunded_amount: find(&["Refunded Amount"]),
        financial_status: find(&["Financial Status"]),
    };
    if found.created.is_none() && found.paid.is_none() {
        return Err(ImportError::missing_column("The file has no `Created at` or `Paid at` column, so orders have no date. Fix: export all columns from Shopify."));
    }
    Ok(found)
}

struct Reader<'a> {
    headers: &'a [String],
    decimal_comma: bool,
    errors: Vec<CellError>,
}

impl Reader<'_> {
    fn cell<'r>(&self, row: &'r RawRow, column: Option<usize>) -> Option<&'r str> {
        let text = row.cells.get(column?)?.trim();
        (!is_missing(text)).then_some(text)
    }

    fn report(
        &mut self,
        row_number: usize,
        row: &RawRow,
        column: usize,
        value: &str,
        problem: Problem,
    ) {
        self.errors.push(CellError {
            row: row_number,
            line: row.line,
            column: self.headers.get(column).cloned().unwrap_or_default(),
            value: value.to_string(),
            problem: problem.problem,
            fix: problem.fix,
        });
    }

    fn date(
        &mut self,
        row_number: usize,
        row: &RawRow,
        column: Option<usize>,
    ) -> Option<NaiveDate> {
        let text = self.cell(row, column)?;
        // `2026-04-15 10:22:31 +0200`: the date as the shop wrote it, before the time.
        let first = text.split_whitespace().next().unwrap_or(text);
        match read_date(first).or_else(|_| read_date(text)) {
            Ok(reading) => Some(reading.in_order(DateOrder::DayFirst)),
            Err(problem) => {
                self.report(row_number, row, column.unwrap_or(0), text, problem);
                None
            }
        }
    }

    fn amount(
        &mut self,
        row_number: usize,
        row: &RawRow,
        column: Option<usize>,
        currency: Option<&str>,
    ) -> Option<Money> {
        let text = self.cell(row, column)?;
        let index = column.unwrap_or(0);
        match parse_money(text, self.decimal_comma) {
            Ok(cell) => match currency.map(str::to_string).or(cell.currency) {
                Some(code) => Some(Money::new(cell.amount, &code)),
                None => {
                    let problem = Problem::new(
                        format!("`{text}` has no currency"),
                        "keep the export's Currency column",
                    );
                    self.report(row_number, row, index, text, problem);
                    None
                }
            },
            Err(problem) => {
                self.report(row_number, row, index, text, problem);
                None
            }
        }
    }
}

fn split_codes(text: &str) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for code in text
        .split([',', ';'])
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
    {
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// Reads the order-level fields from the first row of an order.
fn order_fields(
    reader: &mut Reader,
    columns: &Columns,
    row_number: usize,
    row: &RawRow,
    order_id: &str,
) -> Option<ShopOrder> {
    let date = reader
        .date(row_number, row, columns.created)
        .or_else(|| reader.date(row_number, row, columns.paid))?;
    let currency = match reader.cell(row, columns.currency) {
        Some(text) => match parse_currency(text) {
            Some(code) => Some(code),
            None => {
                let problem = Problem::new(
                    format!("`{text}` is not a currency"),
                    "write a three-letter code such as EUR",
                );
                reader.report(
                    row_number,
                    row,
                    columns.currency.unwrap_or(0),
                    text,
                    problem,
                );
                None
            }
        },
        None => None,
    };
    let currency = currency.as_deref();
    let refunded_amount = reader.amount(row_number, row, columns.refunded_amount, currency);
    let status = reader
        .cell(row, columns.financial_status)
        .unwrap_or("")
        .to_lowercase();
    let country = reader
        .cell(row, columns.shipping_country)
        .or_else(|| reader.cell(row, columns.billing_country));
    Some(ShopOrder {
        order_id: order_id.to_string(),
        date,
        codes: reader
            .cell(row, columns.discount_code)
            .map(split_codes)
            .unwrap_or_default(),
        subtotal: reader.amount(row_number, row, columns.subtotal, currency),
        discount: reader.amount(row_number, row, columns.discount_amount, currency),
        total: reader.amount(row_number, row, columns.total, currency),
        shipping_country: country.map(|c| c.to_uppercase()),
        line_items: 0,
        quantity: 0,
        cancelled: reader.cell(row, columns.cancelled_at).is_some() || status == "voided",
        refunded: refunded_amount.is_some_and(|m| m.amount > 0.0) || status.contains("refunded"),
    })
}

/// Joins the line-item rows of a read table into orders (module docs).
pub fn shop_orders_from_table(table: &RawTable) -> Result<ShopOrdersImport, ImportError> {
    let columns = columns(&table.headers)?;
    let mut reader = Reader {
        headers: &table.headers,
        decimal_comma: table.decimal_comma,
        errors: Vec::new(),
    };
    let mut orders: Vec<ShopOrder> = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    // First data row of each order, for an order that never gets its fields.
    let mut pending: Vec<(String, usize, usize)> = Vec::new();
    for (position, row) in table.rows.iter().enumerate() {
        let row_number = position + 1;
        let Some(order_id) = reader.cell(row, Some(columns.name)).map(str::to_string) else {
            let problem = Problem::new(
                "the order number is empty",
                "every row needs the order's Name, such as #1001",
            );
            reader.report(row_number, row, columns.name, "", problem);
            continue;
        };
        let key = order_id.to_lowercase();
        let quantity = match reader.cell(row, columns.quantity) {
            Some(text) => match parse_count(text, table.decimal_comma) {
                Ok(n) => n,
                Err(problem) => {
                    reader.report(
                        row_number,
                        row,
                        columns.quantity.unwrap_or(0),
                        text,
                        problem,
                    );
                    0
                }
            },
            None => 0,
        };
        let has_fields = reader
            .cell(row, columns.created)
            .or_else(|| reader.cell(row, columns.paid))
            .is_some();
        let existing = index_of.get(&key).copied();
        let slot = match (existing, has_fields) {
            (Some(at), _) => Some(at),
            (None, true) => match order_fields(&mut reader, &columns, row_number, row, &order_id) {
                Some(order) => {
                    orders.push(order);
                    index_of.insert(key.clone(), orders.len() - 1);
                    pending.retain(|(k, _, _)| *k != key);
                    Some(orders.len() - 1)
                }
                None => None,
            },
            (None, false) => {
                if !pending.iter().any(|(k, _, _)| *k == key) {
                    pending.push((key.clone(), row_number, row.line));
                }
                None
            }
        };
        if let Some(order) = slot.and_then(|at| orders.get_mut(at)) {
            order.line_items = order.line_items.saturating_add(1);
            order.quantity = order.quantity.saturating_add(quantity);
        }
    }
    for (key, row_number, line) in pending {
        reader.errors.push(CellError {
            row: row_number,
            line,
            column: table.headers.get(columns.created.or(columns.paid).unwrap_or(0)).cloned().unwrap_or_default(),
            value: key,
            problem: "no row of this order has its date".to_string(),
            fix: "import the whole export: the first row of each order holds its date, amounts and codes".to_string(),
        });
    }
    let mut notes = vec![format!(
        "{} line-item rows joined into {} orders by Name. Email, names, addresses and phone numbers were not read.",
        table.rows.len(),
        orders.len()
    )];
    let other_currencies = {
        let mut currencies: Vec<&str> = orders.iter().filter_map(|o| o.currency()).collect();
        currencies.sort_unstable();
        currencies.dedup();
        currencies.join(", ")
    };
    if other_currencies.contains(',') {
        notes.push(format!(
            "Orders are in several currencies ({other_currencies}); they are never converted."
        ));
    }
    Ok(ShopOrdersImport {
        orders,
        errors: reader.errors,
        rows: table.rows.len(),
        notes,
    })
}

/// Reads a Shopify orders export file; `Err` when it is not a readable orders export.
pub fn read_shop_orders(bytes: &[u8]) -> Result<ShopOrdersImport, ImportError> {
    let table = read_csv(bytes)?;
    shop_orders_from_table(&table)
}
