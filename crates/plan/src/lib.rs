//! Planning and running a programme: objectives and KPIs, briefs, contract terms and their
//! documents, market rules, tracking links and codes, community activations, results
//! metrics and attribution rows.
//!
//! Each module works on the tables it is given; questions about a whole workspace are
//! answered in `microplan-workspace`. Depends on `microplan-model`, `microplan-stats`,
//! `microplan-audit` and `microplan-uplift`; never on the workspace aggregate or the UI.

pub mod activation;
pub mod attribution;
pub mod brief;
pub mod contract;
pub mod deliverables;
pub mod doc;
pub mod markets;
pub mod objectives;
pub mod results;
pub mod results_plan;
pub mod tracking;
