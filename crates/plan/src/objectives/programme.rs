//! Everything a workspace plans for its programme, stored as one workspace field: the
//! objective with its KPIs, the briefs and their templates, and the tracking links and codes.

use serde::{Deserialize, Serialize};

use super::ObjectivePlan;
use crate::brief::BriefBook;
use crate::tracking::TrackingBook;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Programme {
    /// `None` until the user picks an objective.
    #[serde(default)]
    pub objectives: Option<ObjectivePlan>,
    #[serde(default)]
    pub briefs: BriefBook,
    #[serde(default)]
    pub tracking: TrackingBook,
}
