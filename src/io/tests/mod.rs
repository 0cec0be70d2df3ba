//! Tests across the whole pipeline: parsers with hand-checked values, real-looking fixture
//! files, round trips and random input.

mod chunks;
mod dates;
mod fixtures;
mod attribution_tables;
mod platform_exports;
mod shop_orders;
mod fuzz;
mod numbers;
mod pipeline;
mod round_trip;
mod tracking;
