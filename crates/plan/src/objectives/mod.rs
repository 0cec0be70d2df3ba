//! Programme objectives: one objective, one primary KPI and two supporting metrics, each
//! with how it is measured, a baseline, a target as uplift over that baseline and the
//! thresholds that turn a reading into pause, optimise or scale.
//!
//! The shape follows the seeds: "translate each objective into a single primary KPI and two
//! supporting metrics", "derive targets from recent organic or past influencer performance
//! ... express goals as percentage uplifts or multiples of baseline", and "require
//! statistical significance or a sustained signal before making large pivots".

mod error;
mod evidence;
mod programme;
mod proposals;
mod signals;
mod targets;
mod thresholds;
mod value_layers;

pub use error::ObjectiveError;
pub use evidence::{test_evidence, TestEvidence};
pub use programme::Programme;
pub use proposals::propose;
pub use signals::{signal_ratio, SignalEntry, SignalKind};
pub use targets::{progress_against_target, target_level, Target, TargetForm, TargetProgress};
pub use thresholds::{
    default_thresholds, evaluate_threshold, DecisionAction, DecisionThreshold, Direction,
    Evaluation, ThresholdDecision, DEFAULT_SUSTAINED_PERIODS,
};
pub use value_layers::{metrics_by_layer, ValueLayer};

use serde::{Deserialize, Serialize};

/// What the programme is for. One per programme: the seeds ask teams to be ruthless.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    #[default]
    Awareness,
    Engagement,
    Conversion,
    Ugc,
    CommunityAdvocacy,
}

impl Objective {
    pub const ALL: [Objective; 5] = [
        Objective::Awareness,
        Objective::Engagement,
        Objective::Conversion,
        Objective::Ugc,
        Objective::CommunityAdvocacy,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Objective::Awareness => "awareness",
            Objective::Engagement => "engagement",
            Objective::Conversion => "conversion",
            Objective::Ugc => "ugc",
            Objective::CommunityAdvocacy => "community_advocacy",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Objective::Awareness => "Awareness",
            Objective::Engagement => "Engagement",
            Objective::Conversion => "Conversion",
            Objective::Ugc => "User-generated content",
            Objective::CommunityAdvocacy => "Community advocacy",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Objective::Awareness => {
                "More people in the target communities know and remember the brand."
            }
            Objective::Engagement => {
                "Audiences react, comment, share and save: the content earns attention."
            }
            Objective::Conversion => {
                "Visits, sign-ups or purchases that can be traced to creators."
            }
            Objective::Ugc => {
                "Followers create their own content about the product: photos, tips, reviews."
            }
            Objective::CommunityAdvocacy => {
                "The same people come back to recommend the brand, unprompted, over time."
            }
        }
    }

    pub fn parse(key: &str) -> Option<Objective> {
        Objective::ALL
            .into_iter()
            .find(|objective| objective.key() == key)
    }
}

/// How a metric is measured. The first five are the attribution methods of the seeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MeasurementMethod {
    #[default]
    UtmLinks,
    UniqueLandingPage,
    CreatorCodes,
    BrandLiftSurvey,
    IncrementalityTest,
    /// Insights the creator shares (reach, views, saves) or the brand reads from the post.
    PlatformInsights,
    /// Reading comments, mentions and hashtags against written definitions.
    CommunityListening,
}

impl MeasurementMethod {
    pub const ALL: [MeasurementMethod; 7] = [
        MeasurementMethod::UtmLinks,
        MeasurementMethod::UniqueLandingPage,
        MeasurementMethod::CreatorCodes,
        MeasurementMethod::BrandLiftSurvey,
        MeasurementMethod::IncrementalityTest,
        MeasurementMethod::PlatformInsights,
        MeasurementMethod::CommunityListening,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MeasurementMethod::UtmLinks => "utm_links",
            MeasurementMethod::UniqueLandingPage => "unique_landing_page",
            MeasurementMethod::CreatorCodes => "creator_codes",
            MeasurementMethod::BrandLiftSurvey => "brand_lift_survey",
            MeasurementMethod::IncrementalityTest => "incrementality_test",
            MeasurementMethod::PlatformInsights => "platform_insights",
            MeasurementMethod::CommunityListening => "community_listening",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            MeasurementMethod::UtmLinks => "UTM links",
            MeasurementMethod::UniqueLandingPage => "Unique landing page",
            MeasurementMethod::CreatorCodes => "Creator promo codes",
            MeasurementMethod::BrandLiftSurvey => "Brand-lift survey",
            MeasurementMethod::IncrementalityTest => "Incrementality test with a control group",
            MeasurementMethod::PlatformInsights => "Platform insights shared by creators",
            MeasurementMethod::CommunityListening => {
                "Community listening (comments, mentions, hashtags)"
            }
        }
    }

    /// What the method proves and what it cannot.
    pub fn explain(self) -> &'static str {
        match self {
            MeasurementMethod::UtmLinks => {
                "Tagged links show visits and conversions per creator in analytics; misses people \
                 who saw the post and came back later another way."
            }
            MeasurementMethod::UniqueLandingPage => {
                "A page only the campaign links to: its visits and conversion rate belong to the \
                 campaign, including visitors who typed the address."
            }
            MeasurementMethod::CreatorCodes => {
                "One code per creator attributes orders even without a click; codes leak to coupon \
                 sites, so compare redemptions with link orders."
            }
            MeasurementMethod::BrandLiftSurvey => {
                "Ask exposed and unexposed people the same question (aided awareness, \
                 consideration); the difference is the lift."
            }
            MeasurementMethod::IncrementalityTest => {
                "A holdout group or region that gets no campaign: the only method that shows what \
                 the creators caused rather than what they touched."
            }
            MeasurementMethod::PlatformInsights => {
                "Reach, views, saves and shares from the creator's insights (ask for screenshots \
                 or exports in the brief)."
            }
            MeasurementMethod::CommunityListening => {
                "Comments, mentions and hashtags read against written definitions, counted as \
                 ratios so they can be compared across campaigns."
            }
        }
    }

    pub fn parse(key: &str) -> Option<MeasurementMethod> {
        MeasurementMethod::ALL
            .into_iter()
            .find(|method| method.key() == key)
    }
}

/// How a metric's numbers read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MetricUnit {
    /// A whole number of things: orders, posts, accounts.
    #[default]
    Count,
    /// A rate between 0 and 1, shown as a percentage.
    Fraction,
}

/// Where the baseline comes from: the seeds accept recent organic or past influencer results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BaselineSource {
    #[default]
    PastOrganic,
    PastInfluencer,
}

impl BaselineSource {
    pub fn label(self) -> &'static str {
        match self {
            BaselineSource::PastOrganic => "Recent organic performance",
            BaselineSource::PastInfluencer => "Past influencer campaigns",
        }
    }
}

/// One metric of the programme, editable in every field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricPlan {
    pub name: String,
    /// How it is computed, in words a colleague can check.
    pub definition: String,
    pub method: MeasurementMethod,
    pub unit: MetricUnit,
    pub layer: ValueLayer,
    /// Same unit as the metric; `None` until the user enters it.
    #[serde(default)]
    pub baseline: Option<f64>,
    #[serde(default)]
    pub baseline_source: BaselineSource,
    #[serde(default)]
    pub target: Option<Target>,
    /// The uplift test that measures this metric, by name; its significance feeds the pivot rule.
    #[serde(default)]
    pub uplift_test: Option<String>,
}

/// The objective half of a programme: what success means and what triggers a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectivePlan {
    pub objective: Objective,
    pub primary: MetricPlan,
    /// Two, as proposed; the user may edit them but the page keeps the count at two.
    pub supporting: Vec<MetricPlan>,
    #[serde(default)]
    pub thresholds: Vec<DecisionThreshold>,
    /// A pause or scale needs a significant test or this many periods in a row in breach.
    #[serde(default = "default_periods")]
    pub sustained_periods: u32,
    #[serde(default)]
    pub signals: Vec<SignalEntry>,
}

fn default_periods() -> u32 {
    DEFAULT_SUSTAINED_PERIODS
}

impl ObjectivePlan {
    /// The metric a threshold or row points at: 0 is the primary, 1 and 2 the supporting.
    pub fn metric(&self, index: usize) -> Option<&MetricPlan> {
        if index == 0 {
            Some(&self.primary)
        } else {
            self.supporting.get(index - 1)
        }
    }

    pub fn metric_mut(&mut self, index: usize) -> Option<&mut MetricPlan> {
        if index == 0 {
            Some(&mut self.primary)
        } else {
            self.supporting.get_mut(index - 1)
        }
    }

    /// All metrics, primary first.
    pub fn metrics(&self) -> Vec<&MetricPlan> {
        std::iter::once(&self.primary)
            .chain(self.supporting.iter())
            .collect()
    }

    /// Things to fix before the plan is usable, in plain words.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        for metric in self.metrics() {
            match metric.baseline {
                None => warnings.push(format!(
                    "{}: enter a baseline so the target is an uplift over what you already get.",
                    metric.name
                )),
                Some(value) if !(value.is_finite() && value > 0.0) => warnings.push(format!(
                    "{}: the baseline must be above zero; a target cannot be a multiple of nothing.",
                    metric.name
                )),
                Some(_) => {}
            }
            if metric.target.is_none() {
                warnings.push(format!("{}: set a target uplift.", metric.name));
            }
        }
        for threshold in &self.thresholds {
            if threshold.owner.trim().is_empty() {
                warnings.push(format!(
                    "The {} threshold on {} has no owner: name who decides.",
                    threshold.action.label().to_lowercase(),
                    self.metric(threshold.metric)
                        .map(|m| m.name.as_str())
                        .unwrap_or("a metric")
                ));
            }
        }
        if self.sustained_periods < 2 {
            warnings.push(
                "A sustained signal needs at least 2 periods in a row; 1 reacts to noise."
                    .to_string(),
            );
        }
        warnings
    }
}

#[cfg(test)]
mod tests;
