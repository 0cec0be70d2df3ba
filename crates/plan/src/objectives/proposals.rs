//! The KPI set proposed for each objective. Everything here is a starting point the user
//! edits; the pairings follow the seeds' measurement advice per objective.

use super::signals::{SignalEntry, SignalKind};
use super::targets::Target;
use super::thresholds::{default_thresholds, DEFAULT_SUSTAINED_PERIODS};
use super::value_layers::ValueLayer;
use super::{BaselineSource, MeasurementMethod, MetricPlan, MetricUnit, Objective, ObjectivePlan};

/// Proposed target before the user has looked: a modest uplift, never an absolute number.
const PROPOSED_UPLIFT: f64 = 0.2;

fn metric(
    name: &str,
    definition: &str,
    method: MeasurementMethod,
    unit: MetricUnit,
    layer: ValueLayer,
) -> MetricPlan {
    MetricPlan {
        name: name.to_string(),
        definition: definition.to_string(),
        method,
        unit,
        layer,
        baseline: None,
        baseline_source: BaselineSource::PastOrganic,
        target: Some(Target::uplift(PROPOSED_UPLIFT)),
        uplift_test: None,
    }
}

use MeasurementMethod::*;
use MetricUnit::{Count, Fraction};
use ValueLayer::{Business, Content, Marketing};

fn metrics_for(objective: Objective) -> [MetricPlan; 3] {
    match objective {
        // The seeds' own example: brand lift primary, engagement and search uplift supporting.
        Objective::Awareness => [
            metric("Brand lift (aided awareness)",
                "Aided awareness among people who saw the campaign minus the same question in an unexposed control group.",
                BrandLiftSurvey, Fraction, Marketing),
            metric("Engagement rate per post",
                "(likes + comments + shares + saves) / reach, averaged over campaign posts.",
                PlatformInsights, Fraction, Content),
            metric("Branded search uplift",
                "Branded search queries in campaign regions during the window against the pre-period or holdout regions.",
                IncrementalityTest, Count, Marketing),
        ],
        Objective::Engagement => [
            metric("Engagement rate per post",
                "(likes + comments + shares + saves) / reach, averaged over campaign posts.",
                PlatformInsights, Fraction, Content),
            metric("Share rate",
                "Shares / reach per post: people passing the content on to their own circle.",
                PlatformInsights, Fraction, Content),
            metric("Comment-to-view ratio",
                "Comments / views per post: conversation rather than passive viewing.",
                PlatformInsights, Fraction, Content),
        ],
        Objective::Conversion => [
            metric("Attributed orders",
                "Orders using a creator's promo code or arriving through a creator's UTM link (counted once).",
                CreatorCodes, Count, Business),
            metric("Landing-page conversion rate",
                "Orders / sessions on the campaign's unique landing page.",
                UniqueLandingPage, Fraction, Marketing),
            metric("Incremental conversion lift",
                "Conversion rate of the exposed group over a holdout control group (see Uplift tests).",
                IncrementalityTest, Fraction, Business),
        ],
        Objective::Ugc => [
            metric("Unsolicited UGC posts",
                "Posts about the product by accounts you did not brief or pay, from the campaign hashtag and mentions.",
                CommunityListening, Count, Content),
            metric("Challenge submissions",
                "Tips or photos followers sent in response to a creator's micro-challenge.",
                CommunityListening, Count, Content),
            metric("Link click-through rate",
                "Clicks on tracked links / impressions of the posts carrying them.",
                UtmLinks, Fraction, Marketing),
        ],
        Objective::CommunityAdvocacy => [
            metric("Repeat advocates",
                "Accounts with substantive comments on two or more campaign posts / distinct engaged accounts.",
                CommunityListening, Fraction, Marketing),
            metric("Positive sentiment share",
                "Positive comments / comments classified, on a fixed sample per post.",
                CommunityListening, Fraction, Content),
            metric("Referral sign-ups",
                "Sign-ups arriving through creators' tracked links or codes.",
                UtmLinks, Count, Business),
        ],
    }
}

/// The proposed plan for an objective: primary KPI, two supporting metrics, thresholds on
/// the primary KPI and the four qualitative signals, ready to edit.
pub fn propose(objective: Objective) -> ObjectivePlan {
    let [primary, first, second] = metrics_for(objective);
    let thresholds = default_thresholds(primary.target);
    ObjectivePlan {
        objective,
        primary,
        supporting: vec![first, second],
        thresholds,
        sustained_periods: DEFAULT_SUSTAINED_PERIODS,
        signals: SignalKind::ALL
            .into_iter()
            .map(SignalEntry::empty)
            .collect(),
    }
}
