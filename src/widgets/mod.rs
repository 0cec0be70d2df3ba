//! Reusable pieces the pages build on: form fields, workspace tables, charts, the document
//! view, the CSV import wizard, the workspace list and the empty state of a section.

// Plain arithmetic with no browser dependency: it compiles (and is tested) natively too.
pub mod chart_scale;

#[cfg(target_arch = "wasm32")]
pub(crate) mod charts;
#[cfg(target_arch = "wasm32")]
pub(crate) mod contract_fields;
#[cfg(target_arch = "wasm32")]
pub(crate) mod data_table;
#[cfg(target_arch = "wasm32")]
pub(crate) mod document_view;
#[cfg(target_arch = "wasm32")]
pub(crate) mod empty_state;
#[cfg(target_arch = "wasm32")]
pub(crate) mod fields;
#[cfg(target_arch = "wasm32")]
pub(crate) mod import;
#[cfg(target_arch = "wasm32")]
pub(crate) mod link_settings;
#[cfg(target_arch = "wasm32")]
pub(crate) mod live_fields;
#[cfg(target_arch = "wasm32")]
pub(crate) mod numbers;
#[cfg(target_arch = "wasm32")]
pub(crate) mod table_view;
#[cfg(target_arch = "wasm32")]
pub(crate) mod workspace_manager;
