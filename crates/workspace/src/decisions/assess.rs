//! Builds [`ProgrammeStatus`]: each programme metric's value from the results (or its uplift
//! test or signal) against baseline and target, and every decision threshold on it evaluated
//! over the period readings under the pivot rule.

use super::error::StatusError;
use super::format::{number_text, ValueKind};
use super::mapping::{effective_source, MetricSource};
use super::observe::{observe_results, observe_signal, observe_test, Observation};
use super::status::{DecisionState, KpiVerdict, MetricStatus, ProgrammeStatus, ThresholdStatus};
use super::verdict::{kpi_verdict, latest_label};
use crate::Workspace;
use microplan_model::rows::DeliverableResult;
use microplan_plan::objectives::{
    evaluate_threshold, progress_against_target, target_level, test_evidence, DecisionThreshold,
    Direction, MetricPlan, MetricUnit, ObjectivePlan, TargetProgress, ThresholdDecision,
};
use microplan_plan::results::{MetricContext, MetricKey};
use microplan_plan::results_plan::ResultsPlan;

fn kind_of(source: MetricSource, metric: &MetricPlan) -> ValueKind {
    match source {
        MetricSource::Result(key) if key.is_rate() => ValueKind::Fraction,
        MetricSource::Result(key) if key.is_money() => ValueKind::Money,
        MetricSource::Result(MetricKey::Roas) => ValueKind::Ratio,
        MetricSource::Result(_) => ValueKind::Count,
        _ if metric.unit == MetricUnit::Fraction => ValueKind::Fraction,
        _ => ValueKind::Count,
    }
}

fn progress_text(status: &MetricStatus, metric: &MetricPlan) -> (Option<TargetProgress>, String) {
    let Some(baseline) = metric.baseline.filter(|b| b.is_finite() && *b > 0.0) else {
        return (None, "No baseline above zero: enter what you got before on the Programme page, so progress is an uplift over it.".to_string());
    };
    let Some(target) = metric.target else {
        return (
            None,
            format!(
                "Baseline {}; no target set on the Programme page.",
                status.show(baseline)
            ),
        );
    };
    let Some(observed) = status.observed else {
        return (
            None,
            "No value yet to compare with the baseline.".to_string(),
        );
    };
    match progress_against_target(observed, baseline, target) {
        Ok(progress) => {
            let share = match progress.share_of_planned_uplift {
                Some(s) if s < 0.0 => {
                    ", on the wrong side of the baseline: none of the planned uplift yet"
                        .to_string()
                }
                Some(s) if s > 1.0 => format!(
                    ", past the planned uplift ({} of it)",
                    microplan_model::format::percent(s)
                ),
                Some(s) => format!(
                    ", {} of the planned uplift",
                    microplan_model::format::percent(s)
                ),
                None => String::new(),
            };
            let level = status
                .target_level
                .map_or(String::new(), |l| status.show(l));
            let reached = if progress.reached {
                "target reached"
            } else {
                "target not reached"
            };
            (
                Some(progress),
                format!(
                    "{} the baseline of {} ({}){share}; {reached} (target {level}).",
                    microplan_model::format::multiple(progress.multiple_of_baseline),
                    status.show(baseline),
                    microplan_model::format::signed_percent(progress.uplift)
                ),
            )
        }
        Err(error) => (None, error.to_string()),
    }
}

fn threshold_statuses(
    plan: &ObjectivePlan,
    status: &MetricStatus,
    metric: &MetricPlan,
    values: &[f64],
) -> Vec<ThresholdStatus> {
    let evidence = MetricEvidence::of(status);
    let baseline = metric.baseline.unwrap_or(0.0);
    plan.thresholds
        .iter()
        .enumerate()
        .filter(|(_, t)| t.metric == status.index)
        .map(|(position, threshold)| {
            let valid_base = baseline.is_finite() && baseline > 0.0;
            let level = valid_base.then_some(baseline * threshold.multiple_of_baseline);
            let (state, consecutive, reason) =
                read_threshold(plan, status, threshold, baseline, values, &evidence);
            ThresholdStatus {
                threshold: position,
                action: threshold.action,
                direction: threshold.direction,
                multiple_of_baseline: threshold.multiple_of_baseline,
                level,
                owner: threshold.owner.clone(),
                state,
                consecutive_breaches: consecutive,
                periods_needed: plan.sustained_periods.max(1),
                rule: rule_text(status, threshold, level),
                reason,
            }
        })
        .collect()
}

/// What every threshold on the metric is read with: the linked uplift test and the label
/// of the latest complete period.
struct MetricEvidence {
    /// `None` when no test is linked; an unreadable test counts as not significant.
    significant: Option<bool>,
    /// Added to the reason of a threshold that waits for evidence.
    reason: String,
    latest_label: Option<String>,
}

impl MetricEvidence {
    fn of(status: &MetricStatus) -> MetricEvidence {
        let significant = match &status.evidence {
            Some(Ok(evidence)) => Some(evidence.significant),
            Some(Err(_)) => Some(false),
            None => None,
        };
        let reason = match &status.evidence {
            Some(Ok(evidence)) => format!(" {}", evidence.reason),
            Some(Err(error)) => format!(" The linked test cannot be read: {error}."),
            None => " No uplift test is linked to this metric.".to_string(),
        };
        MetricEvidence {
            significant,
            reason,
            latest_label: latest_label(status),
        }
    }
}

/// "Pause if Attributed orders is below 27.6 (0.6× baseline); Programme lead decides."
fn rule_text(status: &MetricStatus, threshold: &DecisionThreshold, level: Option<f64>) -> String {
    let side = if threshold.direction == Direction::Below {
        "below"
    } else {
        "above"
    };
    let owner = if threshold.owner.trim().is_empty() {
        "no owner named yet".to_string()
    } else {
        format!("{} decides", threshold.owner)
    };
    format!(
        "{} if {} is {side} {} ({}× baseline); {owner}.",
        threshold.action.label(),
        status.name,
        level.map_or("—".to_string(), |l| status.show(l)),
        number_text(threshold.multiple_of_baseline, 2)
    )
}

/// The threshold's state over the readings, its breaches in a row and the reason.
fn read_threshold(
    plan: &ObjectivePlan,
    status: &MetricStatus,
    threshold: &DecisionThreshold,
    baseline: f64,
    values: &[f64],
    evidence: &MetricEvidence,
) -> (DecisionState, usize, String) {
    if values.is_empty() {
        return (
            DecisionState::CannotCheck,
            0,
            format!("No readings yet. {}", status.observed_text),
        );
    }
    match evaluate_threshold(
        threshold,
        baseline,
        values,
        plan.sustained_periods,
        evidence.significant,
    ) {
        Err(error) => (DecisionState::CannotCheck, 0, error.to_string()),
        Ok(evaluation) => {
            let state = match evaluation.decision {
                ThresholdDecision::NoAction => DecisionState::OnTrack,
                ThresholdDecision::Act => DecisionState::Act,
                ThresholdDecision::Watch => DecisionState::NeedsEvidence,
            };
            let latest = values
                .last()
                .map_or(String::new(), |v| match &evidence.latest_label {
                    Some(label) => format!("Latest reading {} ({label}). ", status.show(*v)),
                    None => format!("Latest reading {}. ", status.show(*v)),
                });
            let mut reason = format!("{latest}{}", evaluation.reason);
            if state == DecisionState::NeedsEvidence {
                reason.push_str(&evidence.reason);
            }
            (state, evaluation.consecutive_breaches, reason)
        }
    }
}

/// Status of every programme metric and threshold. `Err` when the programme has no
/// objective yet.
pub fn programme_status(
    workspace: &Workspace,
    plan: &ResultsPlan,
) -> Result<ProgrammeStatus, StatusError> {
    let objectives = workspace
        .programme
        .objectives
        .as_ref()
        .ok_or(StatusError::NoObjective)?;
    let context = MetricContext::from_tables(&workspace.creators, &workspace.results);
    let rows: Vec<&DeliverableResult> = workspace.results.iter().collect();
    let mut metrics = Vec::new();
    for (index, metric_plan) in objectives.metrics().into_iter().enumerate() {
        let (source, source_reason) = effective_source(metric_plan, index, plan);
        let mut status = MetricStatus {
            index,
            name: metric_plan.name.clone(),
            definition: metric_plan.definition.clone(),
            layer: metric_plan.layer,
            source,
            source_reason,
            kind: kind_of(source, metric_plan),
            currency: context.currency.clone(),
            readings: None,
            observed: None,
            observed_text: String::new(),
            baseline: metric_plan.baseline,
            target_level: None,
            progress: None,
            progress_text: String::new(),
            evidence: metric_plan
                .uplift_test
                .as_ref()
                .map(|test| test_evidence(&workspace.test_arms, test)),
            thresholds: Vec::new(),
            verdict: KpiVerdict::default(),
        };
        status.target_level = metric_plan
            .baseline
            .zip(metric_plan.target)
            .and_then(|(b, t)| target_level(b, t).ok());
        let observation = match source {
            MetricSource::Result(key) => {
                observe_results(&rows, key, &status, plan.period, &context)
            }
            MetricSource::UpliftTest => observe_test(workspace, metric_plan),
            MetricSource::Signal(kind) => observe_signal(objectives, kind, metric_plan),
            MetricSource::NotMeasured => Observation {
                readings: None,
                values: Vec::new(),
                observed: None,
                text: format!(
                    "Not measured by the results. {}",
                    MetricSource::NotMeasured.explain()
                ),
            },
        };
        status.readings = observation.readings;
        status.observed = observation.observed;
        status.observed_text = observation.text;
        let (progress, text) = progress_text(&status, metric_plan);
        status.progress = progress;
        status.progress_text = text;
        status.thresholds =
            threshold_statuses(objectives, &status, metric_plan, &observation.values);
        status.verdict = kpi_verdict(
            &status,
            observation.values.last().copied(),
            latest_label(&status),
        );
        metrics.push(status);
    }
    Ok(ProgrammeStatus {
        period: plan.period,
        currency: context.currency,
        sustained_periods: objectives.sustained_periods.max(1),
        metrics,
    })
}
