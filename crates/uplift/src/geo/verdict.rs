//! The verdict of a geo test under the same pre-registered decision rule as the other tests
//! (significance level and smallest worthwhile lift), read from the placebo p-value and the
//! relative lift. A synthetic control has no confidence interval, so "Pause because the
//! interval rules out the worthwhile lift" has no counterpart here; a poor pre-period fit
//! plays the part a failed split check plays for the other tests.

use super::analysis::GeoAnalysis;
use crate::verdict::{format_p, Verdict, VerdictKind};
use microplan_model::format::{p_equals, signed_percent};

/// The verdict at significance level `alpha` with the smallest worthwhile relative lift
/// `min_lift` (0 when none was pre-registered).
pub fn geo_verdict(analysis: &GeoAnalysis, alpha: f64, min_lift: f64) -> Verdict {
    let fit = &analysis.fit;
    if fit.poor_fit {
        return Verdict {
            kind: VerdictKind::CheckSplit,
            reason: "the synthetic control does not track the treated regions before launch, so its gap is not evidence; pick other treated regions or a longer pre-period".into(),
        };
    }
    let Some(placebo) = &analysis.placebo else {
        return Verdict {
            kind: VerdictKind::KeepRunning,
            reason: "with one held-back region there is no placebo test; hold back at least two (ideally 20 or more) regions".into(),
        };
    };
    let p = placebo.p_value;
    let lift = fit.lift.relative;
    let lift_text = lift.map_or("an undefined relative lift".to_string(), |l| {
        format!("a lift of {}", signed_percent(l))
    });
    let significant = p <= alpha;
    let kind = match (significant, lift) {
        (true, Some(l)) if l < 0.0 => VerdictKind::Pause,
        (true, Some(l)) if l >= min_lift && l > 0.0 => VerdictKind::Scale,
        (true, Some(l)) if l > 0.0 => VerdictKind::Optimise,
        _ => VerdictKind::KeepRunning,
    };
    let reason = match kind {
        VerdictKind::Scale => format!("{lift_text} with placebo {} (at most {}), at or above the worthwhile lift of {}", p_equals(p), format_p(alpha), signed_percent(min_lift)),
        VerdictKind::Optimise => format!("{lift_text} with placebo {}, real but below the worthwhile lift of {}", p_equals(p), signed_percent(min_lift)),
        VerdictKind::Pause => format!("{lift_text} with placebo {}: the treated regions did worse than their synthetic control", p_equals(p)),
        _ => {
            let floor = 1.0 / placebo.units as f64;
            if floor > alpha {
                format!("{lift_text}, placebo {}; with {} regions held back the smallest possible p is {}, above {}: hold back more regions", p_equals(p), placebo.units.saturating_sub(1), format_p(floor), format_p(alpha))
            } else {
                format!("{lift_text}, placebo {} (above {}): not enough evidence yet either way", p_equals(p), format_p(alpha))
            }
        }
    };
    Verdict { kind, reason }
}
