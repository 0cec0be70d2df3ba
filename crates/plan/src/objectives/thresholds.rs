//! Decision thresholds: which reading means pause, optimise or scale, who decides, and the
//! rule that a large pivot waits for significance or a sustained signal.

use serde::{Deserialize, Serialize};

use super::error::ObjectiveError;

use super::targets::Target;

/// A pause or scale needs this many periods in a row in breach unless a test is significant.
pub const DEFAULT_SUSTAINED_PERIODS: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionAction {
    Pause,
    Optimise,
    Scale,
}

impl DecisionAction {
    pub const ALL: [DecisionAction; 3] = [
        DecisionAction::Pause,
        DecisionAction::Optimise,
        DecisionAction::Scale,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DecisionAction::Pause => "pause",
            DecisionAction::Optimise => "optimise",
            DecisionAction::Scale => "scale",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionAction::Pause => "Pause",
            DecisionAction::Optimise => "Optimise",
            DecisionAction::Scale => "Scale",
        }
    }

    pub fn parse(key: &str) -> Option<DecisionAction> {
        DecisionAction::ALL
            .into_iter()
            .find(|action| action.key() == key)
    }

    /// Pausing or scaling moves budget and relationships; optimising (new hook, other
    /// format) is cheap to undo, so it may follow a single reading.
    pub fn is_large_pivot(self) -> bool {
        matches!(self, DecisionAction::Pause | DecisionAction::Scale)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Below,
    Above,
}

/// "Pause if the primary KPI is below 0.6x baseline; the programme lead decides."
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionThreshold {
    /// 0 is the primary KPI, 1 and 2 the supporting metrics.
    pub metric: usize,
    pub action: DecisionAction,
    pub direction: Direction,
    /// The trigger level as a multiple of the metric's baseline.
    pub multiple_of_baseline: f64,
    pub owner: String,
}

/// The three thresholds proposed for the primary KPI: pause well below baseline, optimise
/// when it does not beat the baseline, scale when it reaches the target.
pub fn default_thresholds(target: Option<Target>) -> Vec<DecisionThreshold> {
    let scale_at = target
        .map(Target::as_multiple)
        .filter(|m| m.is_finite() && *m > 1.0);
    vec![
        DecisionThreshold {
            metric: 0,
            action: DecisionAction::Pause,
            direction: Direction::Below,
            multiple_of_baseline: 0.6,
            owner: "Programme lead".to_string(),
        },
        DecisionThreshold {
            metric: 0,
            action: DecisionAction::Optimise,
            direction: Direction::Below,
            multiple_of_baseline: 1.0,
            owner: "Campaign manager".to_string(),
        },
        DecisionThreshold {
            metric: 0,
            action: DecisionAction::Scale,
            direction: Direction::Above,
            multiple_of_baseline: scale_at.unwrap_or(1.2),
            owner: "Marketing director".to_string(),
        },
    ]
}

/// What the readings say about one threshold.
#[derive(Debug, Clone, PartialEq)]
pub enum ThresholdDecision {
    /// The latest reading is on the right side of the line.
    NoAction,
    /// In breach, but a large pivot is not yet justified.
    Watch,
    /// In breach and the evidence rule is met: the owner should act.
    Act,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub decision: ThresholdDecision,
    /// Trigger level in the metric's unit: baseline x multiple.
    pub level: f64,
    /// Breaches in a row, counted back from the latest period.
    pub consecutive_breaches: usize,
    pub reason: String,
}

fn breached(direction: Direction, value: f64, level: f64) -> bool {
    match direction {
        Direction::Below => value < level,
        Direction::Above => value > level,
    }
}

/// Evaluates readings (one per period, oldest first) against a threshold. `significant`
/// is the verdict of an uplift test on this metric, when there is one.
pub fn evaluate_threshold(
    threshold: &DecisionThreshold,
    baseline: f64,
    readings: &[f64],
    sustained_periods: u32,
    significant: Option<bool>,
) -> Result<Evaluation, ObjectiveError> {
    if !(baseline.is_finite() && baseline > 0.0) {
        return Err(ObjectiveError::NoThresholdBaseline);
    }
    if !(threshold.multiple_of_baseline.is_finite() && threshold.multiple_of_baseline >= 0.0) {
        return Err(ObjectiveError::ThresholdNotValid);
    }
    if let Some(position) = readings.iter().position(|value| !value.is_finite()) {
        return Err(ObjectiveError::ReadingNotNumber {
            reading: position + 1,
        });
    }
    let level = baseline * threshold.multiple_of_baseline;
    let consecutive = readings
        .iter()
        .rev()
        .take_while(|value| breached(threshold.direction, **value, level))
        .count();
    let needed = sustained_periods.max(1) as usize;
    let action = threshold.action.label();
    let (decision, reason) = if readings.is_empty() {
        (ThresholdDecision::NoAction, "No readings yet.".to_string())
    } else if consecutive == 0 {
        (
            ThresholdDecision::NoAction,
            "The latest reading is not in breach.".to_string(),
        )
    } else if !threshold.action.is_large_pivot() {
        (
            ThresholdDecision::Act,
            format!("{action}: in breach; a small change may follow one reading."),
        )
    } else if significant == Some(true) {
        (
            ThresholdDecision::Act,
            format!("{action}: in breach and an uplift test on this metric is significant."),
        )
    } else if consecutive >= needed {
        (
            ThresholdDecision::Act,
            format!("{action}: in breach for {consecutive} periods in a row (the rule asks for {needed})."),
        )
    } else {
        (
            ThresholdDecision::Watch,
            format!(
                "In breach for {consecutive} of the {needed} periods in a row needed before a \
                 {} (or a significant test result); watch, do not pivot yet.",
                action.to_lowercase()
            ),
        )
    };
    Ok(Evaluation {
        decision,
        level,
        consecutive_breaches: consecutive,
        reason,
    })
}
