//! Targets as uplift over a baseline, never as an absolute wish.

use serde::{Deserialize, Serialize};

use super::error::ObjectiveError;

/// How the user states the target; both forms describe the same level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum TargetForm {
    /// `value` is a fraction: 0.25 means 25% above the baseline.
    #[default]
    PercentUplift,
    /// `value` is a multiple: 1.5 means one and a half times the baseline.
    MultipleOfBaseline,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub form: TargetForm,
    pub value: f64,
}

impl Target {
    pub fn uplift(fraction: f64) -> Target {
        Target {
            form: TargetForm::PercentUplift,
            value: fraction,
        }
    }

    pub fn multiple(times: f64) -> Target {
        Target {
            form: TargetForm::MultipleOfBaseline,
            value: times,
        }
    }

    /// The target as a multiple of the baseline (25% uplift is 1.25x).
    pub fn as_multiple(self) -> f64 {
        match self.form {
            TargetForm::PercentUplift => 1.0 + self.value,
            TargetForm::MultipleOfBaseline => self.value,
        }
    }

    /// The target as an uplift fraction (1.5x is +50%).
    pub fn as_uplift(self) -> f64 {
        self.as_multiple() - 1.0
    }

    /// Why the target cannot be used, if it cannot.
    pub fn check(self) -> Result<(), ObjectiveError> {
        if !self.value.is_finite() {
            return Err(ObjectiveError::TargetNotNumber);
        }
        match self.form {
            TargetForm::PercentUplift if self.value <= -1.0 => Err(ObjectiveError::UpliftTooLow),
            TargetForm::MultipleOfBaseline if self.value <= 0.0 => {
                Err(ObjectiveError::MultipleNotPositive)
            }
            _ => Ok(()),
        }
    }
}

fn check_baseline(baseline: f64) -> Result<(), ObjectiveError> {
    if baseline.is_finite() && baseline > 0.0 {
        Ok(())
    } else {
        Err(ObjectiveError::NoTargetBaseline)
    }
}

/// The level the metric must reach: `baseline x multiple`.
pub fn target_level(baseline: f64, target: Target) -> Result<f64, ObjectiveError> {
    check_baseline(baseline)?;
    target.check()?;
    Ok(baseline * target.as_multiple())
}

/// Where an observed value stands against baseline and target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetProgress {
    /// observed / baseline.
    pub multiple_of_baseline: f64,
    /// observed / baseline - 1.
    pub uplift: f64,
    /// Share of the planned uplift achieved: (observed - baseline) / (target - baseline).
    /// `None` when the target equals the baseline (no uplift was planned).
    pub share_of_planned_uplift: Option<f64>,
    pub reached: bool,
}

pub fn progress_against_target(
    observed: f64,
    baseline: f64,
    target: Target,
) -> Result<TargetProgress, ObjectiveError> {
    if !observed.is_finite() || observed < 0.0 {
        return Err(ObjectiveError::ObservedNotValid);
    }
    let level = target_level(baseline, target)?;
    let planned = level - baseline;
    let share =
        (planned.abs() > f64::EPSILON * baseline.max(1.0)).then(|| (observed - baseline) / planned);
    let reached = if planned >= 0.0 {
        observed >= level
    } else {
        observed <= level
    };
    Ok(TargetProgress {
        multiple_of_baseline: observed / baseline,
        uplift: observed / baseline - 1.0,
        share_of_planned_uplift: share,
        reached,
    })
}
