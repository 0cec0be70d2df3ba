//! Pre-registration of an uplift test: what will be tested, on which metric, how the
//! traffic is split, how many units are needed, how the result will be analysed and what
//! decision each outcome leads to. The record is frozen with a timestamp when the test
//! starts and cannot be edited after; a change is an amendment with a reason, kept as a new
//! version beside the frozen original (see `versions`), so nobody can quietly move the
//! goalposts after seeing the data. Records frozen before versions existed keep their
//! per-edit history.

mod versions;

pub use versions::{PlanTerms, PlanVersion, VersionNote};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{UpliftError, UpliftResult};
use microplan_model::iso_date::parse_iso_date;

/// One planned arm with its share of the traffic (any positive weight: 50/50, 1:2 ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedArm {
    pub name: String,
    pub is_control: bool,
    pub weight: f64,
}

/// One changed field: an amendment's change, or an edit made after freezing by earlier
/// versions of the app (kept in `history`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    /// Milliseconds since 1970-01-01 UTC.
    pub at_ms: i64,
    pub field: String,
    pub before: String,
    pub after: String,
}

/// The pre-registration of one test (matched to the arm data by `test`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreRegistration {
    pub test: String,
    pub hypothesis: String,
    pub primary_metric: String,
    pub arms: Vec<PlannedArm>,
    /// Units planned in all arms together.
    pub planned_total: u64,
    pub analysis_method: String,
    pub decision_rule: String,
    /// Significance level, e.g. 0.05.
    pub alpha: f64,
    /// The smallest relative lift worth acting on (0.1 = +10%); the verdict's threshold.
    pub min_lift: f64,
    #[serde(default, with = "microplan_model::iso_date::optional")]
    pub launch_date: Option<NaiveDate>,
    pub created_ms: i64,
    /// Set when the test starts; the record is frozen from then on.
    #[serde(default)]
    pub frozen_ms: Option<i64>,
    /// Edits after freezing saved before versions were kept; read-only now.
    #[serde(default)]
    pub history: Vec<Revision>,
    /// Version 1 (frozen at launch) and each amendment; empty for drafts. The fields above
    /// always hold the terms of the last version.
    #[serde(default)]
    pub versions: Vec<PlanVersion>,
}

/// The fields a person edits, each as text, so one editor and one history serve them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreregField {
    Hypothesis,
    PrimaryMetric,
    Arms,
    PlannedTotal,
    AnalysisMethod,
    DecisionRule,
    Alpha,
    MinLift,
    LaunchDate,
}

impl PreregField {
    pub const ALL: [PreregField; 9] = [
        PreregField::Hypothesis,
        PreregField::PrimaryMetric,
        PreregField::Arms,
        PreregField::PlannedTotal,
        PreregField::AnalysisMethod,
        PreregField::DecisionRule,
        PreregField::Alpha,
        PreregField::MinLift,
        PreregField::LaunchDate,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PreregField::Hypothesis => "Hypothesis",
            PreregField::PrimaryMetric => "Primary metric",
            PreregField::Arms => "Arms and planned split",
            PreregField::PlannedTotal => "Planned sample size (all arms)",
            PreregField::AnalysisMethod => "Analysis method",
            PreregField::DecisionRule => "Decision rule",
            PreregField::Alpha => "Significance level (alpha)",
            PreregField::MinLift => "Smallest lift worth acting on (%)",
            PreregField::LaunchDate => "Launch date",
        }
    }

    pub fn hint(self) -> &'static str {
        match self {
            PreregField::Arms => {
                "One arm per line as name: share, e.g. Control regions (control): 50"
            }
            PreregField::MinLift => {
                "Relative lift in percent; the verdict compares the measured lift with it."
            }
            PreregField::LaunchDate => {
                "YYYY-MM-DD. Days before it form the pre-period of the difference in differences."
            }
            PreregField::Alpha => "The accepted chance of a false alarm, e.g. 0.05.",
            _ => "",
        }
    }

    pub fn multiline(self) -> bool {
        matches!(
            self,
            PreregField::Hypothesis
                | PreregField::PrimaryMetric
                | PreregField::Arms
                | PreregField::AnalysisMethod
                | PreregField::DecisionRule
        )
    }
}

/// The arms as editable text: one `name: weight` line each, `(control)` after the control.
pub fn arms_text(arms: &[PlannedArm]) -> String {
    arms.iter()
        .map(|arm| {
            let control = if arm.is_control { " (control)" } else { "" };
            format!("{}{control}: {}", arm.name, arm.weight)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads `arms_text` back; the error names the line and the fix.
pub fn parse_arms(text: &str) -> UpliftResult<Vec<PlannedArm>> {
    let mut arms = Vec::new();
    for (index, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let line_no = index + 1;
        let (name, weight) = line
            .rsplit_once(':')
            .ok_or(UpliftError::ArmLineFormat { line: line_no })?;
        let weight: f64 = weight
            .trim()
            .parse()
            .map_err(|_| UpliftError::ShareNotANumber {
                line: line_no,
                text: weight.trim().to_string(),
            })?;
        if !weight.is_finite() || weight <= 0.0 {
            return Err(UpliftError::ShareNotPositive { line: line_no });
        }
        let name = name.trim();
        let (name, is_control) = match name.strip_suffix("(control)") {
            Some(rest) => (rest.trim(), true),
            None => (name, false),
        };
        if name.is_empty() {
            return Err(UpliftError::ArmUnnamed { line: line_no });
        }
        arms.push(PlannedArm {
            name: name.to_string(),
            is_control,
            weight,
        });
    }
    if arms.len() < 2 {
        return Err(UpliftError::TooFewArms);
    }
    if arms.iter().filter(|a| a.is_control).count() != 1 {
        return Err(UpliftError::NotOneControl);
    }
    Ok(arms)
}

impl PreRegistration {
    /// A draft for `test` with the app's defaults (alpha 0.05, two arms split evenly).
    pub fn draft(test: &str, now_ms: i64) -> Self {
        PreRegistration {
            test: test.to_string(),
            hypothesis: String::new(),
            primary_metric: "Conversion rate".into(),
            arms: vec![
                PlannedArm { name: "Control".into(), is_control: true, weight: 50.0 },
                PlannedArm { name: "Treatment".into(), is_control: false, weight: 50.0 },
            ],
            planned_total: 0,
            analysis_method: "Two-sided pooled z-test at the pre-registered alpha; Fisher's exact test \
                              when an expected count is below 5; Holm across several arms."
                .into(),
            decision_rule: "Scale when the lift is significant and at least the smallest lift worth \
                            acting on; optimise when significant but smaller; pause when it is worse or \
                            the interval rules that lift out; otherwise keep running."
                .into(),
            alpha: 0.05,
            min_lift: 0.1,
            launch_date: None,
            created_ms: now_ms,
            frozen_ms: None,
            history: Vec::new(),
            versions: Vec::new(),
        }
    }

    pub fn is_frozen(&self) -> bool {
        self.frozen_ms.is_some()
    }

    /// Freezes the record (the test has started). Refused when it is incomplete.
    pub fn freeze(&mut self, now_ms: i64) -> UpliftResult<()> {
        if self.is_frozen() {
            return Err(UpliftError::AlreadyFrozen);
        }
        if self.hypothesis.trim().is_empty() {
            return Err(UpliftError::NoHypothesis);
        }
        if self.planned_total == 0 {
            return Err(UpliftError::NoPlannedTotal);
        }
        self.frozen_ms = Some(now_ms);
        self.keep_launch_version();
        Ok(())
    }

    /// The current value of a field as text.
    pub fn get(&self, field: PreregField) -> String {
        match field {
            PreregField::Hypothesis => self.hypothesis.clone(),
            PreregField::PrimaryMetric => self.primary_metric.clone(),
            PreregField::Arms => arms_text(&self.arms),
            PreregField::PlannedTotal => self.planned_total.to_string(),
            PreregField::AnalysisMethod => self.analysis_method.clone(),
            PreregField::DecisionRule => self.decision_rule.clone(),
            PreregField::Alpha => self.alpha.to_string(),
            PreregField::MinLift => (self.min_lift * 100.0).to_string(),
            PreregField::LaunchDate => self.launch_date.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    /// Sets a field of a draft from text. A frozen record is refused: use `amend`.
    pub fn set(&mut self, field: PreregField, text: &str, _now_ms: i64) -> UpliftResult<()> {
        if self.is_frozen() {
            return Err(UpliftError::Frozen);
        }
        let value = text.trim();
        match field {
            PreregField::Hypothesis => self.hypothesis = value.to_string(),
            PreregField::PrimaryMetric => self.primary_metric = value.to_string(),
            PreregField::Arms => self.arms = parse_arms(value)?,
            PreregField::PlannedTotal => {
                self.planned_total = value.replace([',', ' ', '_'], "").parse().map_err(|_| {
                    UpliftError::PlannedTotalNotWhole {
                        value: value.to_string(),
                    }
                })?
            }
            PreregField::AnalysisMethod => self.analysis_method = value.to_string(),
            PreregField::DecisionRule => self.decision_rule = value.to_string(),
            PreregField::Alpha => {
                let alpha: f64 = value.parse().map_err(|_| UpliftError::AlphaNotANumber {
                    value: value.to_string(),
                })?;
                if !(alpha > 0.0 && alpha < 1.0) {
                    return Err(UpliftError::AlphaOutOfRange);
                }
                self.alpha = alpha;
            }
            PreregField::MinLift => {
                let lift: f64 = value.trim_end_matches('%').trim().parse().map_err(|_| {
                    UpliftError::MinLiftNotANumber {
                        value: value.to_string(),
                    }
                })?;
                if !lift.is_finite() || lift <= 0.0 {
                    return Err(UpliftError::MinLiftNotPositive);
                }
                self.min_lift = lift / 100.0;
            }
            PreregField::LaunchDate => {
                self.launch_date = if value.is_empty() {
                    None
                } else {
                    Some(
                        parse_iso_date(value).ok_or_else(|| UpliftError::LaunchDateFormat {
                            value: value.to_string(),
                        })?,
                    )
                }
            }
        }
        Ok(())
    }

    /// Planned weights in the order of `arm_names`; `None` when an arm is not in the plan.
    pub fn weights_for(&self, arm_names: &[&str]) -> Option<Vec<f64>> {
        arm_names
            .iter()
            .map(|name| {
                self.arms
                    .iter()
                    .find(|a| a.name.eq_ignore_ascii_case(name.trim()))
                    .map(|a| a.weight)
            })
            .collect()
    }
}

/// `1764574800000` -> `1 Dec 2025 07:40 UTC`: the date as the formatting policy writes it
/// (no chrono formatting machinery in the bundle).
pub fn format_timestamp(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let in_day = secs.rem_euclid(86_400);
    let date = NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_signed(chrono::Duration::days(days)))
        .map(microplan_model::format::date)
        .unwrap_or_else(|| "an unknown date".into());
    format!(
        "{date} {:02}:{:02} UTC",
        in_day / 3600,
        (in_day % 3600) / 60
    )
}

#[cfg(test)]
mod tests;
