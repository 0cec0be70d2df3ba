//! The contract-term generator: choices with defaults (data), clause builders (pure
//! functions that record the choice behind each clause), validation of conflicting
//! choices, the term sheet, the whole agreement as a shared `Document`, and saved drafts
//! with versions.
//!
//! The text is a plain-language starting point for a negotiation, not legal advice, and
//! says so in every agreement.

pub mod choices;
pub mod clauses;
pub mod defaults;
pub mod document;
pub mod drafts;
pub mod error;
pub mod labels;
pub mod problem;
pub mod ranges;
pub mod term_sheet;
pub mod validate;
pub mod versions;

#[cfg(test)]
mod tests;

pub use choices::*;
pub use defaults::{default_currency, default_governing_law};
pub use document::{contract_document, term_sheet_document};
pub use drafts::{save_draft, ContractDraft, DraftStatus, Saved};
pub use error::ContractError;
pub use problem::{ChoiceArea, Problem, Severity};
pub use term_sheet::term_sheet;
pub use validate::{check_choices, has_conflicts};

/// Said at the top and at the end of every agreement.
pub const NOT_LEGAL_ADVICE: &str = "This draft was generated from the choices made in Microplan as a plain-language starting point. It is not legal advice, and it may not fit your situation or the current law of your market. Both parties should read it in full and may want a lawyer to review it before signing.";
