//! The verdict in plain words, tied to the programme's decision thresholds: the
//! significance level and the smallest lift worth acting on from the pre-registration.
//!
//! - Check the split: the sample-ratio check failed; nothing else can be trusted.
//! - Scale: a significant positive lift (after Holm's correction) of at least the smallest
//!   worthwhile lift (any positive lift when no threshold was pre-registered).
//! - Optimise: significant and positive, but smaller than the worthwhile lift: real, yet
//!   not worth scaling as it is.
//! - Pause: significantly worse, or every interval's upper end is below the worthwhile
//!   lift (the data rule out the effect the programme needs).
//! - Keep running: not enough evidence yet either way.
//!
//! "Significant" is never said without the effect size and its interval beside it.

use crate::comparison::Comparison;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictKind {
    Scale,
    Optimise,
    Pause,
    KeepRunning,
    CheckSplit,
}

impl VerdictKind {
    pub fn title(self) -> &'static str {
        match self {
            VerdictKind::Scale => "Scale",
            VerdictKind::Optimise => "Optimise",
            VerdictKind::Pause => "Pause",
            VerdictKind::KeepRunning => "Keep running",
            VerdictKind::CheckSplit => "Check the split first",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub kind: VerdictKind,
    pub reason: String,
}

pub use microplan_model::format::p_value as format_p;

fn pct(x: f64) -> String {
    microplan_model::format::signed_percent(x)
}

/// The effect of one comparison in words: relative lift when defined, else points.
fn effect(c: &Comparison, level: &str) -> String {
    match c.lift {
        Some((lift, low, high)) => format!(
            "{} converts {} relative to control ({level} interval {} to {}, {})",
            c.arm,
            pct(lift),
            pct(low),
            pct(high),
            microplan_model::format::p_equals(c.holm_p_value)
        ),
        None => format!(
            "{} converts {} against control ({level} interval {} to {}, {})",
            c.arm,
            microplan_model::format::signed_points(c.difference),
            microplan_model::format::signed_points(c.difference_lower),
            microplan_model::format::signed_points(c.difference_upper),
            microplan_model::format::p_equals(c.holm_p_value)
        ),
    }
}

fn lift_or_difference(c: &Comparison) -> (f64, f64) {
    c.lift
        .map_or((c.difference, c.difference_upper), |(l, _, high)| (l, high))
}

/// Units in the test so far and units pre-registered, when a plan sets a size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub units: u64,
    pub planned: u64,
}

/// The verdict; before the pre-registered size is reached a significant result becomes
/// "keep running": a fixed-horizon p-value read early overstates the evidence, and early
/// looks belong to the always-valid interval of the daily monitoring.
pub(crate) fn verdict(
    comparisons: &[Comparison],
    srm_mismatch: bool,
    alpha: f64,
    min_lift: Option<f64>,
    progress: Option<Progress>,
) -> Verdict {
    let full = fixed_horizon_verdict(comparisons, srm_mismatch, alpha, min_lift);
    match progress {
        Some(p) if p.units < p.planned && matches!(full.kind, VerdictKind::Scale | VerdictKind::Optimise) => Verdict {
            kind: VerdictKind::KeepRunning,
            reason: format!(
                "{} But only {} of the {} pre-registered units are in: a p-value read before the                  planned size overstates the evidence. Keep running: not enough evidence yet to                  act, unless the always-valid interval of the daily monitoring already excludes zero.",
                full.reason, p.units, p.planned
            ),
        },
        _ => full,
    }
}

fn fixed_horizon_verdict(
    comparisons: &[Comparison],
    srm_mismatch: bool,
    alpha: f64,
    min_lift: Option<f64>,
) -> Verdict {
    if srm_mismatch {
        return Verdict {
            kind: VerdictKind::CheckSplit,
            reason: "The arms did not receive the planned share of units (sample ratio \
                     mismatch, p < 0.001). Find the cause before acting: results from a broken \
                     split can be biased, so no scale decision is possible."
                .into(),
        };
    }
    let level = microplan_model::format::percent(1.0 - alpha);
    let threshold = min_lift.map(microplan_model::format::percent);
    let best = comparisons
        .iter()
        .filter(|c| c.holm_p_value < alpha)
        .max_by(|a, b| lift_or_difference(a).0.total_cmp(&lift_or_difference(b).0));
    match best {
        Some(c) if c.difference > 0.0 => {
            let lift = lift_or_difference(c).0;
            match (min_lift, &threshold) {
                (Some(m), Some(t)) if c.lift.is_some() && lift < m => Verdict {
                    kind: VerdictKind::Optimise,
                    reason: format!(
                        "{}. The lift is real but below the {t} set in the pre-registration as \
                         worth acting on: optimise the creative or offer before scaling.",
                        effect(c, &level)
                    ),
                },
                (_, Some(t)) => Verdict {
                    kind: VerdictKind::Scale,
                    reason: format!(
                        "{}. It clears the {t} lift set in the pre-registration as worth acting \
                         on: the evidence supports scaling it.",
                        effect(c, &level)
                    ),
                },
                _ => Verdict {
                    kind: VerdictKind::Scale,
                    reason: format!("{}. The evidence supports scaling it.", effect(c, &level)),
                },
            }
        }
        Some(c) => Verdict {
            kind: VerdictKind::Pause,
            reason: format!(
                "{}: it does worse. Pause it and rethink.",
                effect(c, &level)
            ),
        },
        None => {
            let ruled_out = min_lift.is_some_and(|m| {
                comparisons
                    .iter()
                    .all(|c| c.lift.is_some_and(|(_, _, high)| high < m))
            });
            match (ruled_out, threshold) {
                (true, Some(t)) => Verdict {
                    kind: VerdictKind::Pause,
                    reason: format!(
                        "No arm reaches the {t} lift set as worth acting on: every {level} \
                         interval ends below it, so more data is unlikely to change that. Pause \
                         and rethink."
                    ),
                },
                _ => Verdict {
                    kind: VerdictKind::KeepRunning,
                    reason: format!(
                        "No arm differs from control at the {level} level yet. Keep running: \
                         not enough evidence yet to scale or pause."
                    ),
                },
            }
        }
    }
}
