//! Pure domain logic: plain structs and deterministic functions, no browser access.

pub mod activation;
pub mod attribution;
pub mod audit;
pub mod contract;
pub mod brief;
pub mod deliverables;
pub mod demo;
pub mod demo_programme;
pub mod demo_uplift;
pub mod demo_activation;
pub mod demo_attribution;
pub mod demo_contract;
pub mod doc;
pub mod format;
pub mod geo;
pub mod iso_date;
pub mod limits;
pub mod markets;
pub mod money;
pub mod objectives;
pub mod results_decisions;
pub mod random;
pub mod removal;
pub mod results;
pub mod shared;
pub mod stats;
pub mod tracking;
pub mod uplift;
pub mod uplift_daily;
pub mod uplift_msprt;
pub mod uplift_plan;
pub mod uplift_prereg;
pub mod uplift_survey;
pub mod uplift_verdict;
pub mod validate;
pub mod workspace;
pub mod workspace_tables;

#[cfg(test)]
mod tests_input_limits;
