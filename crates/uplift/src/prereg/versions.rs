//! Versions of a frozen pre-registration. The terms frozen at launch are version 1 and never
//! change; a change after launch is an amendment with a required reason, saved as the next
//! version beside the original, so the analysis can say which version it used and show the
//! deviation.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{format_timestamp, PlannedArm, PreRegistration, PreregField, Revision};
use crate::error::{UpliftError, UpliftResult};

/// The terms a pre-registration fixes, as one version holds them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanTerms {
    pub hypothesis: String,
    pub primary_metric: String,
    pub arms: Vec<PlannedArm>,
    pub planned_total: u64,
    pub analysis_method: String,
    pub decision_rule: String,
    pub alpha: f64,
    pub min_lift: f64,
    #[serde(default, with = "microplan_model::iso_date::optional")]
    pub launch_date: Option<NaiveDate>,
}

/// One version of a frozen pre-registration: 1 is the record frozen at launch, later
/// numbers are amendments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanVersion {
    pub number: u32,
    /// Milliseconds since 1970-01-01 UTC: the freeze for version 1, the amendment after.
    pub at_ms: i64,
    /// Why the plan was amended; empty for version 1.
    #[serde(default)]
    pub reason: String,
    /// What changed against the version before it.
    #[serde(default)]
    pub changes: Vec<Revision>,
    pub terms: PlanTerms,
}

/// Which version the analysis used, in words, and whether it departs from the launch plan.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionNote {
    pub text: String,
    pub amended_after_launch: bool,
}

impl PreRegistration {
    /// The terms as they stand now (the version in force).
    pub fn terms(&self) -> PlanTerms {
        PlanTerms {
            hypothesis: self.hypothesis.clone(),
            primary_metric: self.primary_metric.clone(),
            arms: self.arms.clone(),
            planned_total: self.planned_total,
            analysis_method: self.analysis_method.clone(),
            decision_rule: self.decision_rule.clone(),
            alpha: self.alpha,
            min_lift: self.min_lift,
            launch_date: self.launch_date,
        }
    }

    fn put_terms(&mut self, terms: PlanTerms) {
        self.hypothesis = terms.hypothesis;
        self.primary_metric = terms.primary_metric;
        self.arms = terms.arms;
        self.planned_total = terms.planned_total;
        self.analysis_method = terms.analysis_method;
        self.decision_rule = terms.decision_rule;
        self.alpha = terms.alpha;
        self.min_lift = terms.min_lift;
        self.launch_date = terms.launch_date;
    }

    /// Keeps the terms frozen at launch as version 1 (called by `freeze`, and before the
    /// first amendment of a record frozen before versions were kept).
    pub(super) fn keep_launch_version(&mut self) {
        if self.versions.is_empty() {
            if let Some(at_ms) = self.frozen_ms {
                self.versions.push(PlanVersion {
                    number: 1,
                    at_ms,
                    reason: String::new(),
                    changes: Vec::new(),
                    terms: self.terms(),
                });
            }
        }
    }

    /// The number of the version in force: 0 for a draft, 1 when frozen and never amended.
    pub fn version_in_force(&self) -> u32 {
        match (self.frozen_ms, self.versions.last()) {
            (None, _) => 0,
            (Some(_), Some(last)) => last.number,
            (Some(_), None) => 1,
        }
    }

    /// Amends a frozen record: `edits` are applied to a copy of the terms in force and
    /// kept as the next version, with `reason`. Earlier versions stay as they are. Returns
    /// the new version number. Refused for drafts, without a reason or without a change.
    pub fn amend(
        &mut self,
        edits: &[(PreregField, String)],
        reason: &str,
        now_ms: i64,
    ) -> UpliftResult<u32> {
        if !self.is_frozen() {
            return Err(UpliftError::AmendDraft);
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(UpliftError::NoAmendReason);
        }
        let mut amended = self.clone();
        amended.frozen_ms = None;
        for (field, text) in edits {
            amended
                .set(*field, text, now_ms)
                .map_err(|source| UpliftError::AmendField {
                    field: field.label().to_string(),
                    source: Box::new(source),
                })?;
        }
        let changes: Vec<Revision> = PreregField::ALL
            .iter()
            .filter_map(|field| {
                let (before, after) = (self.get(*field), amended.get(*field));
                (before != after).then(|| Revision {
                    at_ms: now_ms,
                    field: field.label().to_string(),
                    before,
                    after,
                })
            })
            .collect();
        if changes.is_empty() {
            return Err(UpliftError::NothingAmended);
        }
        self.keep_launch_version();
        let number = self.version_in_force().saturating_add(1);
        let terms = amended.terms();
        self.versions.push(PlanVersion {
            number,
            at_ms: now_ms,
            reason: reason.to_string(),
            changes,
            terms: terms.clone(),
        });
        self.put_terms(terms);
        Ok(number)
    }

    /// What the analysis says about the plan it used.
    pub fn version_note(&self) -> VersionNote {
        let Some(frozen_ms) = self.frozen_ms else {
            return VersionNote {
                text: "Analysed against the draft pre-registration: it is not frozen yet, so the plan can still change.".into(),
                amended_after_launch: false,
            };
        };
        let launch = format_timestamp(frozen_ms);
        let mut text = match self.versions.last().filter(|v| v.number > 1) {
            Some(last) => format!(
                "Analysed with version {} of the pre-registration, amended after launch on {} (reason: {}). Changed since version 1, frozen at launch on {}: {}.",
                last.number,
                format_timestamp(last.at_ms),
                last.reason,
                launch,
                self.fields_changed_since_launch().join(", ")
            ),
            None => format!(
                "Analysed with version 1 of the pre-registration, frozen at launch on {launch}."
            ),
        };
        if !self.history.is_empty() {
            let edits = match self.history.len() {
                1 => "1 earlier edit after launch is".to_string(),
                n => format!(
                    "{} earlier edits after launch are",
                    microplan_model::money::group_thousands(n as u64)
                ),
            };
            text.push_str(&format!(" {edits} listed in its history."));
        }
        VersionNote {
            text,
            amended_after_launch: self.version_in_force() > 1 || !self.history.is_empty(),
        }
    }

    /// Labels of the fields whose value in force differs from version 1.
    fn fields_changed_since_launch(&self) -> Vec<&'static str> {
        let Some(first) = self.versions.first() else {
            return Vec::new();
        };
        let mut original = self.clone();
        original.put_terms(first.terms.clone());
        PreregField::ALL
            .iter()
            .filter(|f| original.get(**f) != self.get(**f))
            .map(|f| f.label())
            .collect()
    }
}
