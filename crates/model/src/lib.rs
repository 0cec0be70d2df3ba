//! The vocabulary every other Microplan crate speaks: the rows of the core tables, money,
//! ISO dates, the ranges a value may take, the formatting policy for everything a user
//! reads, seeded randomness and the copy-on-write table pointer.
//!
//! Depends on no other Microplan crate. Pure Rust, no browser access.

pub mod audience;
pub mod format;
pub mod iso_date;
pub mod limits;
pub mod money;
pub mod random;
pub mod removal;
pub mod rows;
pub mod shared;
