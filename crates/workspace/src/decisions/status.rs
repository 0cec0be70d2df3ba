//! Where each programme metric stands: its value from the results (or its uplift test or
//! signal) against baseline and target, every decision threshold on it, and its one
//! verdict. The values are built in `assess`; the verdict rule is in `verdict`.

use super::format::{show_value, ValueKind};
use super::mapping::MetricSource;
use super::periods::Readings;
use microplan_plan::objectives::{
    DecisionAction, Direction, ObjectiveError, TargetProgress, TestEvidence, ValueLayer,
};
use microplan_plan::results_plan::PeriodKind;

/// A threshold's state in words; the UI never shows it by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionState {
    OnTrack,
    /// In breach and the rule allows acting: the owner should act.
    Act,
    /// In breach, but a pause or scale waits for a significant test or a sustained breach.
    NeedsEvidence,
    /// Baseline, readings or the threshold itself are missing or unusable.
    CannotCheck,
}

impl DecisionState {
    pub fn key(self) -> &'static str {
        match self {
            DecisionState::OnTrack => "on-track",
            DecisionState::Act => "act",
            DecisionState::NeedsEvidence => "needs-evidence",
            DecisionState::CannotCheck => "cannot-check",
        }
    }

    /// What one threshold's reading says; the metric's one status is its [`KpiVerdict`].
    pub fn label(self, action: DecisionAction) -> String {
        let action = action.label().to_lowercase();
        match self {
            DecisionState::OnTrack => "Not in breach".to_string(),
            DecisionState::Act => format!("In breach: {action} may go ahead"),
            DecisionState::NeedsEvidence => format!("In breach: {action} needs evidence"),
            DecisionState::CannotCheck => "Cannot check yet".to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThresholdStatus {
    /// Position in the programme's threshold list.
    pub threshold: usize,
    pub action: DecisionAction,
    pub direction: Direction,
    pub multiple_of_baseline: f64,
    /// Trigger level in the metric's unit, when the baseline is known.
    pub level: Option<f64>,
    pub owner: String,
    pub state: DecisionState,
    pub consecutive_breaches: usize,
    pub periods_needed: u32,
    /// "Pause if Attributed orders is below 27.6 (0.6× baseline); Programme lead decides."
    pub rule: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetricStatus {
    /// 0 is the primary KPI, 1 and 2 the supporting metrics.
    pub index: usize,
    pub name: String,
    pub definition: String,
    pub layer: ValueLayer,
    pub source: MetricSource,
    pub source_reason: String,
    pub kind: ValueKind,
    pub currency: String,
    /// Period readings for result metrics.
    pub readings: Option<Readings>,
    /// The value compared with baseline and target: the average per period for counts.
    pub observed: Option<f64>,
    pub observed_text: String,
    pub baseline: Option<f64>,
    pub target_level: Option<f64>,
    pub progress: Option<TargetProgress>,
    pub progress_text: String,
    pub evidence: Option<Result<TestEvidence, ObjectiveError>>,
    pub thresholds: Vec<ThresholdStatus>,
    /// The metric's one status, derived from its thresholds and target.
    pub verdict: KpiVerdict,
}

impl MetricStatus {
    /// A value of this metric as text: "27.6", "3.10%", "€12.40".
    pub fn show(&self, value: f64) -> String {
        show_value(value, self.kind, &self.currency)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeStatus {
    pub period: PeriodKind,
    pub currency: String,
    pub sustained_periods: u32,
    pub metrics: Vec<MetricStatus>,
}

impl ProgrammeStatus {
    pub fn thresholds(&self) -> impl Iterator<Item = (&MetricStatus, &ThresholdStatus)> {
        self.metrics
            .iter()
            .flat_map(|m| m.thresholds.iter().map(move |t| (m, t)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KpiState {
    Pause,
    Scale,
    Optimise,
    /// A pause or scale level is in breach, but the pivot waits for evidence.
    Watch,
    OnTrack,
    BelowTarget,
    #[default]
    CannotCheck,
}

impl KpiState {
    pub fn key(self) -> &'static str {
        match self {
            KpiState::Pause => "pause",
            KpiState::Scale => "scale",
            KpiState::Optimise => "optimise",
            KpiState::Watch => "watch",
            KpiState::OnTrack => "on-track",
            KpiState::BelowTarget => "below-target",
            KpiState::CannotCheck => "cannot-check",
        }
    }
}

/// A metric's one status: its state, the words shown for it and why.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KpiVerdict {
    pub state: KpiState,
    /// "On track", "Optimise", "Watch: pause needs evidence".
    pub label: String,
    pub reason: String,
}
