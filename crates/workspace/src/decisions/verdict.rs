//! One status per programme metric, from one rule over its thresholds and target, with a
//! one-line reason. Thresholds are read on complete periods only (a partial last week or
//! month is left out and the reason says so), so one stray late deliverable cannot show
//! "pause", "optimise" and "on track" at once.
//!
//! The rule, first match wins:
//! 1. A pause or scale whose evidence allows acting (a significant test or a sustained
//!    breach): that action.
//! 2. An optimise threshold in breach: optimise (a pause or scale still waiting for
//!    evidence is named in the reason).
//! 3. A pause or scale in breach that waits for evidence: watch.
//! 4. Thresholds set and none in breach: on track.
//! 5. No thresholds: on track when the target is reached, else below target.
//! 6. Nothing to read: cannot check yet.

use super::format::ValueKind;
use super::periods::{partial_last_period, Readings};
use super::status::{DecisionState, KpiState, KpiVerdict, MetricStatus, ThresholdStatus};
use microplan_plan::objectives::{DecisionAction, Direction};

/// The label of the latest complete period with a value: "Week of 20 Apr 2026".
pub fn latest_label(status: &MetricStatus) -> Option<String> {
    let readings = status.readings.as_ref()?;
    let partial = partial_last_period(readings).map(|p| p.index);
    readings
        .readings
        .iter()
        .enumerate()
        .rev()
        .filter(|(index, _)| Some(*index) != partial)
        .find(|(_, p)| p.value.value.is_some())
        .map(|(_, p)| p.label.clone())
}

fn first(
    status: &MetricStatus,
    keep: impl Fn(&ThresholdStatus) -> bool,
) -> Option<&ThresholdStatus> {
    status.thresholds.iter().find(|t| keep(t))
}

fn pivot_state(t: &ThresholdStatus, state: DecisionState) -> bool {
    t.action.is_large_pivot() && t.state == state
}

/// The one status of `status` (rule in the module docs). `latest` is the latest complete
/// reading compared with the thresholds, `latest_period` its label.
pub fn kpi_verdict(
    status: &MetricStatus,
    latest: Option<f64>,
    latest_period: Option<String>,
) -> KpiVerdict {
    let reading = match (latest, &latest_period) {
        (Some(value), Some(label)) => format!("{} in {label}", status.show(value)),
        (Some(value), None) => status.show(value),
        (None, _) => String::new(),
    };
    let (state, label, reason) =
        breach_verdict(status, &reading).unwrap_or_else(|| calm_verdict(status, &reading));
    KpiVerdict {
        state,
        label,
        reason: format!("{reason}{}", partial_note(status)),
    }
}

/// Counts are judged per period; rates over all rows, where a partial period weighs little.
fn per_period(status: &MetricStatus) -> Option<&Readings> {
    status
        .readings
        .as_ref()
        .filter(|_| status.kind == ValueKind::Count)
}

/// The partial last period's note, with a leading space, when one was left out.
fn partial_note(status: &MetricStatus) -> String {
    status
        .readings
        .as_ref()
        .filter(|_| per_period(status).is_some() || !status.thresholds.is_empty())
        .and_then(partial_last_period)
        .map_or(String::new(), |p| format!(" {}", p.note()))
}

/// "27 in Week of 20 Apr 2026: below the pause level of 30 for 2 periods in a row."
fn breach_text(status: &MetricStatus, reading: &str, t: &ThresholdStatus) -> String {
    let side = if t.direction == Direction::Below {
        "below"
    } else {
        "above"
    };
    let n = t.consecutive_breaches;
    format!(
        "{reading}: {side} the {} level of {} for {n} {} in a row.",
        t.action.label().to_lowercase(),
        t.level.map_or("—".to_string(), |l| status.show(l)),
        if n == 1 { "period" } else { "periods" }
    )
}

/// Rules 1 to 3: a threshold in breach decides; `None` when none is.
fn breach_verdict(status: &MetricStatus, reading: &str) -> Option<(KpiState, String, String)> {
    if let Some(t) = first(status, |t| pivot_state(t, DecisionState::Act)) {
        let state = if t.action == DecisionAction::Pause {
            KpiState::Pause
        } else {
            KpiState::Scale
        };
        return Some((
            state,
            t.action.label().to_string(),
            format!("{} {} decides.", breach_text(status, reading, t), owner(t)),
        ));
    }
    let waiting = first(status, |t| pivot_state(t, DecisionState::NeedsEvidence));
    if let Some(t) = first(status, |t| {
        t.action == DecisionAction::Optimise && t.state == DecisionState::Act
    }) {
        let also = waiting.map_or(String::new(), |w| {
            format!(
                " The {} level is breached too, but a {} needs evidence first.",
                w.action.label().to_lowercase(),
                w.action.label().to_lowercase()
            )
        });
        return Some((
            KpiState::Optimise,
            "Optimise".to_string(),
            format!("{}{also}", breach_text(status, reading, t)),
        ));
    }
    waiting.map(|t| {
        let action = t.action.label().to_lowercase();
        (
            KpiState::Watch,
            format!("Watch: {action} needs evidence"),
            format!(
                "{} A {action} needs {} periods in a row or a significant uplift test.",
                breach_text(status, reading, t),
                t.periods_needed
            ),
        )
    })
}

/// Rules 4 to 6: no threshold in breach, so the thresholds checked and the target decide.
fn calm_verdict(status: &MetricStatus, reading: &str) -> (KpiState, String, String) {
    let checked = status
        .thresholds
        .iter()
        .any(|t| t.state == DecisionState::OnTrack);
    let target = status.progress.map(|p| p.reached);
    let against = status.target_level.map_or(String::new(), |l| {
        format!(" against a target of {}", status.show(l))
    });
    let value = status
        .observed
        .map_or(String::new(), |v| match per_period(status) {
            Some(r) => format!("{} a {}", status.show(v), r.period.noun()),
            None => status.show(v),
        });
    if checked {
        let target_words = match target {
            Some(true) => format!("; {value}{against}, target reached"),
            Some(false) => format!("; {value}{against}, target not reached yet"),
            None => String::new(),
        };
        return (
            KpiState::OnTrack,
            "On track".to_string(),
            format!("{reading}: no threshold in breach{target_words}."),
        );
    }
    match (status.thresholds.is_empty(), target) {
        (true, Some(true)) => (
            KpiState::OnTrack,
            "On track".to_string(),
            format!("{value}{against}: target reached; no threshold is set on this metric."),
        ),
        (true, Some(false)) => (
            KpiState::BelowTarget,
            "Below target".to_string(),
            format!("{value}{against}: target not reached; no threshold is set on this metric."),
        ),
        _ => {
            let why = first(status, |t| t.state == DecisionState::CannotCheck)
                .map_or_else(|| status.progress_text.clone(), |t| t.reason.clone());
            (KpiState::CannotCheck, "Cannot check yet".to_string(), why)
        }
    }
}

fn owner(t: &ThresholdStatus) -> String {
    if t.owner.trim().is_empty() {
        "No owner is named yet; the programme lead".to_string()
    } else {
        t.owner.trim().to_string()
    }
}
