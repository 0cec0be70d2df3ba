//! Turns a creator's metrics into scored components, each with a plain-words reason, and
//! writes the audit's notes.

mod scorers;

use super::error::AuditError;
use super::numbers::thousands;
use super::score::{Component, Composite, ScoreInterval};
use super::uncertainty::wilson_interval;
use super::weights::ComponentKind;
use super::{AuditSettings, CreatorMetrics};

/// A component's score, its interval and its reason, or why there is not enough data.
type Scored = Result<(f64, Option<ScoreInterval>, String), AuditError>;

/// A rate as a percentage with one decimal: 0.0364 -> "3.6%".
fn pct(rate: f64) -> String {
    microplan_model::format::percent(rate)
}

fn make(kind: ComponentKind, settings: &AuditSettings, scored: Scored) -> Component {
    let (score, interval, reason) = match scored {
        Ok((score, interval, reason)) => (Some(score), interval, reason),
        Err(reason) => (None, None, format!("Not enough data: {reason}.")),
    };
    Component {
        kind,
        label: kind.label().to_string(),
        score,
        interval,
        weight: settings.weights.get(kind),
        effective_weight: 0.0,
        reason,
    }
}

/// Wilson interval of a share mapped through a monotone score function.
fn share_interval(
    successes: u64,
    trials: u64,
    to_score: impl Fn(f64) -> f64,
) -> Option<ScoreInterval> {
    wilson_interval(successes, trials).map(|i| ScoreInterval {
        low: to_score(i.low),
        high: to_score(i.high),
    })
}

/// The ten components in [`ComponentKind::ALL`] order.
pub fn build_components(m: &CreatorMetrics, settings: &AuditSettings) -> Vec<Component> {
    ComponentKind::ALL
        .iter()
        .map(|kind| make(*kind, settings, scored(*kind, m, settings)))
        .collect()
}

/// Dispatches to the component's scoring step in [`scorers`].
fn scored(kind: ComponentKind, m: &CreatorMetrics, settings: &AuditSettings) -> Scored {
    match kind {
        ComponentKind::Engagement => scorers::engagement(m),
        ComponentKind::Reach => scorers::reach(m, settings),
        ComponentKind::CommentQuality => scorers::comment_quality(m),
        ComponentKind::CommentOriginality => scorers::comment_originality(m),
        ComponentKind::GrowthAuthenticity => scorers::growth_authenticity(m),
        ComponentKind::Community => scorers::community(m),
        ComponentKind::Consistency => scorers::consistency(m),
        ComponentKind::Disclosure => scorers::disclosure(m),
        ComponentKind::CategoryFit => scorers::category_fit(m, settings),
        ComponentKind::AudienceFit => scorers::audience_fit(m, settings),
    }
}

/// Notes on what the audit used and what it had to leave out.
pub fn notes(m: &CreatorMetrics, composite: &Composite, settings: &AuditSettings) -> Vec<String> {
    let mut notes = Vec::new();
    let e = &m.engagement;
    if e.posts_available == 0 {
        notes.push(
            "No posts imported: engagement, reach, consistency and category fit need posts."
                .to_string(),
        );
    } else {
        notes.push(format!(
            "Rates use the {} most recent of {} posts.",
            e.posts_used, e.posts_available
        ));
    }
    if m.commenters
        .as_ref()
        .is_some_and(|p| p.method < super::comments::COMMENT_METHOD)
    {
        notes.push(
            "These comments were analysed by an older method that counted repeated short praise as duplicates: import the raw comments again to update them."
                .to_string(),
        );
    }
    if m.followers == 0 {
        notes.push(
            "The follower count is 0, so engagement rate by followers cannot be computed."
                .to_string(),
        );
    }
    if let Some(b) = &m.benchmark {
        notes.push(format!(
            "Benchmark at {} followers ({} tier): {}, interpolated on log followers between tier figures ({}, {}). {}",
            thousands(i128::from(m.followers)),
            b.tier.as_str(),
            pct(b.benchmark_rate),
            b.source,
            b.year,
            "Published benchmarks vary by source."
        ));
    }
    if !composite.dropped.is_empty() {
        let names: Vec<&str> = composite.dropped.iter().map(|k| k.label()).collect();
        let rescaled = if composite.used_weight > 0.0 {
            format!(
                "the remaining weights ({:.0} of {:.0}) were rescaled to 100%",
                composite.used_weight, composite.total_weight
            )
        } else {
            "no weighted component is left, so there is no score".to_string()
        };
        notes.push(format!(
            "Not enough data for {}: they dropped out and {}.",
            names.join(", "),
            rescaled
        ));
    }
    let edited = if settings.weights == super::Weights::preset(settings.objective) {
        ""
    } else {
        ", edited"
    };
    notes.push(format!(
        "Weights: the {} objective's preset{edited}.",
        settings.objective.as_str()
    ));
    notes
}
