//! Results read across tables: result rows grouped by creator, community, campaign or
//! format ([`grouping`]) and the performance table ([`table`]).

pub mod grouping;
pub mod table;

#[cfg(test)]
mod tests;

pub use grouping::{format_of, format_of_row, group_rows, Grouping, NO_COMMUNITY};
pub use table::{performance_table, sort_performance, PerformanceRow, TOTAL_GROUP};
