//! Tests across the whole pipeline: parsers with hand-checked values, real-looking fixture
//! files, round trips and random input.

mod attribution_tables;
mod chunks;
mod dates;
mod fixtures;
mod fuzz;
mod limits;
mod merge_plan;
mod numbers;
mod pipeline;
mod platform_exports;
mod round_trip;
mod shop_orders;

use crate::io::mapping::propose_mapping;
use crate::io::table::TableKind;
use crate::io::validate::{validate, ImportOptions};
use microplan_csv::read::read_csv;

/// The import preview of a small hand-written file, mapped by header names alone, with
/// euros as the default currency.
fn preview_of(kind: TableKind, csv: &str) -> crate::io::validate::ImportPreview {
    let table = read_csv(csv.as_bytes()).unwrap();
    let mapping = propose_mapping(kind, &table.headers);
    validate(
        kind,
        &table,
        &mapping,
        &ImportOptions {
            default_currency: "EUR".into(),
        },
    )
}
