//! Pure domain logic: plain structs and deterministic functions, no browser access.

pub mod audit;
pub mod demo;
pub mod iso_date;
pub mod money;
pub mod random;
pub mod stats;
pub mod uplift;
pub mod workspace;
