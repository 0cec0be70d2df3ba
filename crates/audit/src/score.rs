//! Scoring: each component maps its metric to 0-100 by a stated formula, and the composite is
//! the weighted mean of the components that have data.
//!
//! Composite: `score = sum(w_i * s_i) / sum(w_i)` over components with a score and a positive
//! weight; components without data drop out and the remaining weights are rescaled. The score
//! interval applies the same weights to each component's low and high ends (a component
//! without an interval contributes its score to both ends). Every component score rises with
//! its input, so the ends bound the composite over the component intervals.

use serde::{Deserialize, Serialize};

use super::numbers::clamp;
use super::weights::ComponentKind;

/// A duplicate share at or above this scores 0 for originality.
pub const DUPLICATES_ZERO_AT: f64 = 0.3;
/// A pod comment share at or above this scores 0 for originality.
pub const POD_ZERO_AT: f64 = 0.5;
/// Score lost per follower gain that engagement did not follow (as a fraction of 100).
pub const UNFOLLOWED_SPIKE_PENALTY: f64 = 0.8;
/// Score lost per follower gain with too few posts around it to tell.
pub const UNCLEAR_SPIKE_PENALTY: f64 = 0.25;
/// A following/followers ratio up to this costs nothing ...
pub const FOLLOWING_RATIO_FREE: f64 = 0.25;
/// ... and the cost grows linearly to this share of 100 at a ratio of 1 and above.
pub const FOLLOWING_RATIO_PENALTY: f64 = 0.5;
/// Creator replies per audience comment that earn 63% (1 - 1/e) of the reply part.
pub const REPLIES_SCALE: f64 = 0.15;
/// Repeat-advocate share of commenters that earns 63% (1 - 1/e) of the advocate part.
pub const ADVOCATES_SCALE: f64 = 0.1;
/// Steepness of the engagement curve: `ratio^k / (1 + ratio^k)`.
pub const ENGAGEMENT_STEEPNESS: f64 = 1.5;
/// Default reach per post (share of followers) that scores 50; a house assumption, editable.
pub const DEFAULT_REFERENCE_REACH_RATE: f64 = 0.3;

/// Low and high end of a 0-100 score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ScoreInterval {
    pub low: f64,
    pub high: f64,
}

/// One scored component with its plain-words reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Component {
    pub kind: ComponentKind,
    pub label: String,
    /// 0-100; `None` = not enough data (the component drops out of the composite).
    pub score: Option<f64>,
    /// 95% interval of the score where its input is estimated from a sample.
    pub interval: Option<ScoreInterval>,
    /// Weight as set (relative).
    pub weight: f64,
    /// Share of the composite after dropping components without data (0 when dropped).
    pub effective_weight: f64,
    pub reason: String,
}

/// Engagement score from `ratio` = creator rate / benchmark at their follower count:
/// `100 * ratio^1.5 / (1 + ratio^1.5)`: at the benchmark 50, twice it 74, four times 89, half
/// of it 26. It never reaches 0 or 100, so creators well above the benchmark still differ.
pub fn engagement_score(ratio: f64) -> f64 {
    if ratio.is_nan() || ratio <= 0.0 {
        return 0.0;
    }
    let lifted = clamp(ratio, 0.0, 1e6).powf(ENGAGEMENT_STEEPNESS);
    clamp(100.0 * lifted / (1.0 + lifted), 0.0, 100.0)
}

/// Reach score: `100 * rate / (rate + reference)` (reference default 0.3 of followers): at the
/// reference 50, half of it 33, twice it 67. It keeps rising, so a creator reaching 60% of
/// their followers scores above one reaching 35%.
pub fn reach_score(reach_rate: f64, reference: f64) -> f64 {
    let reference = if reference.is_finite() && reference > 0.0 {
        reference
    } else {
        DEFAULT_REFERENCE_REACH_RATE
    };
    let rate = clamp(reach_rate, 0.0, 1e6);
    clamp(100.0 * rate / (rate + reference), 0.0, 100.0)
}

/// Comment quality: `100 * specific share` (no ceiling below 100: a creator whose comments are
/// 75% specific scores above one at 60%).
pub fn comment_quality_score(specific_share: f64) -> f64 {
    clamp(100.0 * specific_share, 0.0, 100.0)
}

/// Comment originality: `100 * max(0, 1 - duplicate share / 0.3)`, and when commenter
/// patterns are known the lower of that and `100 * max(0, 1 - pod comment share / 0.5)`.
pub fn originality_score(duplicate_share: f64, pod_comment_share: Option<f64>) -> f64 {
    let duplicates = clamp(
        100.0 * (1.0 - duplicate_share / DUPLICATES_ZERO_AT),
        0.0,
        100.0,
    );
    match pod_comment_share {
        Some(pods) => duplicates.min(clamp(100.0 * (1.0 - pods / POD_ZERO_AT), 0.0, 100.0)),
        None => duplicates,
    }
}

/// Cost of a following/followers ratio, as a fraction of 100:
/// `0.5 * clamp((ratio - 0.25) / 0.75, 0, 1)` (nothing up to 0.25, half the score at 1).
pub fn following_penalty(following_ratio: Option<f64>) -> f64 {
    following_ratio.filter(|r| r.is_finite()).map_or(0.0, |r| {
        FOLLOWING_RATIO_PENALTY
            * clamp(
                (r - FOLLOWING_RATIO_FREE) / (1.0 - FOLLOWING_RATIO_FREE),
                0.0,
                1.0,
            )
    })
}

/// Follower growth: `100 * max(0, 1 - 0.8 * unexplained unfollowed gains - 0.25 * unclear
/// gains - following penalty)`: unfollowed gains are those engagement did not follow and no
/// viral post explains; unclear gains are too close to the data's edges to judge. Gains a
/// viral post explains, gains engagement followed, and losses cost nothing.
pub fn growth_score(
    unfollowed_gains: usize,
    unclear_gains: usize,
    following_ratio: Option<f64>,
) -> f64 {
    let penalty = UNFOLLOWED_SPIKE_PENALTY * unfollowed_gains as f64
        + UNCLEAR_SPIKE_PENALTY * unclear_gains as f64
        + following_penalty(following_ratio);
    clamp(100.0 * (1.0 - penalty), 0.0, 100.0)
}

/// The measured parts of community embeddedness (each `None` when unknown).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CommunityParts {
    /// Creator replies per audience comment.
    pub reply_rate: Option<f64>,
    /// Share of posts where the creator answers a question.
    pub answered_share: Option<f64>,
    /// Repeat advocates (substantive comments on several posts) per distinct commenter.
    pub advocate_share: Option<f64>,
    /// Specific comments over all audience comments.
    pub specific_share: Option<f64>,
}

/// Community embeddedness: the mean, times 100, of the known parts:
/// `1 - exp(-reply rate / 0.15)`, the answered share, `1 - exp(-advocate share / 0.1)` and the
/// specific share. The saturating curves keep rising: replying to 30% of comments scores above
/// 20%. `None` when no part is known.
pub fn community_score(parts: CommunityParts) -> Option<f64> {
    let grow = |value: f64, scale: f64| 1.0 - (-clamp(value, 0.0, 1e6) / scale).exp();
    let known: Vec<f64> = [
        parts.reply_rate.map(|r| grow(r, REPLIES_SCALE)),
        parts.answered_share.map(|s| clamp(s, 0.0, 1.0)),
        parts.advocate_share.map(|a| grow(a, ADVOCATES_SCALE)),
        parts.specific_share.map(|s| clamp(s, 0.0, 1.0)),
    ]
    .into_iter()
    .flatten()
    .filter(|v| v.is_finite())
    .collect();
    super::numbers::mean(&known).map(|m| clamp(100.0 * m, 0.0, 100.0))
}

/// A share scored directly: `100 * share` (consistency, disclosure, category fit).
pub fn share_score(share: f64) -> f64 {
    clamp(100.0 * share, 0.0, 100.0)
}

/// The composite of a set of components.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Composite {
    pub score: Option<f64>,
    pub interval: Option<ScoreInterval>,
    /// Sum of the weights of the components that were used.
    pub used_weight: f64,
    /// Sum of all positive weights.
    pub total_weight: f64,
    /// Components with a positive weight but no data.
    pub dropped: Vec<ComponentKind>,
}

/// Weighted mean of the components with data (module docs); fills in `effective_weight`.
pub fn composite_score(components: &mut [Component]) -> Composite {
    let usable = |c: &Component| c.score.is_some() && c.weight.is_finite() && c.weight > 0.0;
    let total_weight: f64 = components
        .iter()
        .filter(|c| c.weight.is_finite() && c.weight > 0.0)
        .map(|c| c.weight)
        .sum();
    let used_weight: f64 = components
        .iter()
        .filter(|c| usable(c))
        .map(|c| c.weight)
        .sum();
    let dropped = components
        .iter()
        .filter(|c| c.score.is_none() && c.weight > 0.0)
        .map(|c| c.kind)
        .collect();
    let (mut score, mut low, mut high) = (0.0, 0.0, 0.0);
    for component in components.iter_mut() {
        component.effective_weight = 0.0;
        let Some(value) = component
            .score
            .filter(|_| used_weight > 0.0 && usable(component))
        else {
            continue;
        };
        let share = component.weight / used_weight;
        component.effective_weight = share;
        let interval = component.interval.unwrap_or(ScoreInterval {
            low: value,
            high: value,
        });
        score += share * value;
        low += share * interval.low.min(value);
        high += share * interval.high.max(value);
    }
    let has_score = used_weight > 0.0;
    Composite {
        score: has_score.then(|| clamp(score, 0.0, 100.0)),
        interval: has_score.then(|| ScoreInterval {
            low: clamp(low, 0.0, 100.0),
            high: clamp(high, 0.0, 100.0),
        }),
        used_weight,
        total_weight,
        dropped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn component(
        kind: ComponentKind,
        score: Option<f64>,
        weight: f64,
        interval: Option<(f64, f64)>,
    ) -> Component {
        Component {
            kind,
            label: kind.label().to_string(),
            score,
            interval: interval.map(|(low, high)| ScoreInterval { low, high }),
            weight,
            effective_weight: 0.0,
            reason: String::new(),
        }
    }

    #[test]
    fn component_formulas_hand_checked() {
        // 1^1.5 = 1 -> 50; 4^1.5 = 8 -> 800 / 9 = 88.89; 2^1.5 = 2.828 -> 73.88;
        // 0.5^1.5 = 0.3536 -> 26.12.
        assert_eq!(engagement_score(1.0), 50.0);
        assert!((engagement_score(4.0) - 88.889).abs() < 1e-3);
        assert!((engagement_score(2.0) - 73.879).abs() < 1e-3);
        assert!((engagement_score(0.5) - 26.120).abs() < 1e-3);
        assert_eq!(engagement_score(0.0), 0.0);
        // 0.15 / (0.15 + 0.3) -> 33.33; 0.3 / 0.6 -> 50.
        assert!((reach_score(0.15, 0.3) - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(reach_score(0.3, 0.3), 50.0);
        assert!((comment_quality_score(0.45) - 45.0).abs() < 1e-9);
        // duplicates 0.15 / 0.3 -> 50; pods 0.4 / 0.5 -> 20; the lower is 20.
        assert!((originality_score(0.15, None) - 50.0).abs() < 1e-9);
        assert!((originality_score(0.15, Some(0.4)) - 20.0).abs() < 1e-9);
        // one unfollowed gain: 100 * (1 - 0.8) = 20; one unclear: 75.
        assert!((growth_score(1, 0, None) - 20.0).abs() < 1e-9);
        assert!((growth_score(0, 1, Some(0.1)) - 75.0).abs() < 1e-9);
        assert_eq!(growth_score(0, 0, None), 100.0);
        // Ratio 0.625: 0.5 * (0.625 - 0.25) / 0.75 = 0.25 -> 75; ratio 2 -> 50.
        assert!((growth_score(0, 0, Some(0.625)) - 75.0).abs() < 1e-9);
        assert!((growth_score(0, 0, Some(2.0)) - 50.0).abs() < 1e-9);
        // replies 0.15 -> 1 - e^-1 = 0.6321, answered 0.8 -> mean 0.7161 -> 71.61.
        let parts = CommunityParts {
            reply_rate: Some(0.15),
            answered_share: Some(0.8),
            ..CommunityParts::default()
        };
        assert!((community_score(parts).unwrap() - 71.606).abs() < 1e-3);
        assert_eq!(community_score(CommunityParts::default()), None);
        assert_eq!(share_score(0.75), 75.0);
    }

    #[test]
    fn composite_renormalises_over_components_with_data() {
        // Weights 30, 20, 50; the third has no data: score = (30 * 80 + 20 * 30) / 50 = 60.
        // Interval: engagement 60..90, quality point 30: low (30*60 + 20*30) / 50 = 48,
        // high (30*90 + 20*30) / 50 = 66.
        let mut parts = vec![
            component(
                ComponentKind::Engagement,
                Some(80.0),
                30.0,
                Some((60.0, 90.0)),
            ),
            component(ComponentKind::CommentQuality, Some(30.0), 20.0, None),
            component(ComponentKind::Community, None, 50.0, None),
        ];
        let composite = composite_score(&mut parts);
        assert!((composite.score.unwrap() - 60.0).abs() < 1e-9);
        let interval = composite.interval.unwrap();
        assert!((interval.low - 48.0).abs() < 1e-9 && (interval.high - 66.0).abs() < 1e-9);
        assert_eq!(composite.dropped, vec![ComponentKind::Community]);
        assert_eq!(
            (composite.used_weight, composite.total_weight),
            (50.0, 100.0)
        );
        assert!((parts[0].effective_weight - 0.6).abs() < 1e-12);
        assert_eq!(parts[2].effective_weight, 0.0);
    }

    #[test]
    fn no_usable_component_gives_no_score() {
        let mut parts = vec![component(ComponentKind::Engagement, None, 30.0, None)];
        let composite = composite_score(&mut parts);
        assert_eq!((composite.score, composite.interval), (None, None));
        let mut zero = vec![component(ComponentKind::Engagement, Some(50.0), 0.0, None)];
        assert_eq!(composite_score(&mut zero).score, None);
    }
}
