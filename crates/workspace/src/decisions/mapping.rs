//! Which measurable number stands for each programme metric: a result metric, the metric's
//! uplift test, a qualitative signal counted in the programme, or nothing the results hold.
//! Detected from the metric's name, definition and method; the user can override it.

use microplan_plan::objectives::{MeasurementMethod, MetricPlan, MetricUnit, SignalKind};
use microplan_plan::results::MetricKey;
use microplan_plan::results_plan::Outcome;
use microplan_plan::results_plan::ResultsPlan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricSource {
    /// A metric computed from the Results table.
    Result(MetricKey),
    /// The relative lift of the metric's linked uplift test (Uplift tests section).
    UpliftTest,
    /// A qualitative signal counted on the Programme page.
    Signal(SignalKind),
    /// Brand-lift surveys, search data, counts kept elsewhere: the results cannot show it.
    NotMeasured,
}

fn signal_key(kind: SignalKind) -> &'static str {
    match kind {
        SignalKind::Sentiment => "sentiment",
        SignalKind::UnsolicitedUgc => "unsolicited_ugc",
        SignalKind::RepeatAdvocates => "repeat_advocates",
        SignalKind::ThemeTags => "theme_tags",
    }
}

impl MetricSource {
    /// Every choice the override select offers, result metrics first.
    pub fn options() -> Vec<MetricSource> {
        MetricKey::ALL
            .into_iter()
            .map(MetricSource::Result)
            .chain([MetricSource::UpliftTest])
            .chain(SignalKind::ALL.into_iter().map(MetricSource::Signal))
            .chain([MetricSource::NotMeasured])
            .collect()
    }

    /// Stable key for storage: `result:orders`, `uplift_test`, `signal:sentiment`, `not_measured`.
    pub fn key(self) -> String {
        match self {
            MetricSource::Result(key) => format!("result:{}", key.key()),
            MetricSource::UpliftTest => "uplift_test".to_string(),
            MetricSource::Signal(kind) => format!("signal:{}", signal_key(kind)),
            MetricSource::NotMeasured => "not_measured".to_string(),
        }
    }

    pub fn parse(key: &str) -> Option<MetricSource> {
        MetricSource::options()
            .into_iter()
            .find(|source| source.key() == key)
    }

    pub fn label(self) -> String {
        match self {
            MetricSource::Result(key) => format!("Results: {}", key.label()),
            MetricSource::UpliftTest => "The metric's uplift test (relative lift)".to_string(),
            MetricSource::Signal(kind) => format!("Programme signal: {}", kind.label()),
            MetricSource::NotMeasured => "Not measured by the results".to_string(),
        }
    }

    /// How the value is obtained, for the explanation beside it.
    pub fn explain(self) -> String {
        match self {
            MetricSource::Result(key) => format!("{}: {}.", key.label(), key.formula()),
            MetricSource::UpliftTest => {
                "Relative lift of the linked uplift test's best arm over its control (treatment rate / control rate - 1)."
                    .to_string()
            }
            MetricSource::Signal(kind) => format!("{}: {}", kind.label(), kind.definition()),
            MetricSource::NotMeasured => {
                "The Results table has no column for this; read it from its own source (survey, search data) and compare by hand."
                    .to_string()
            }
        }
    }
}

/// The text as lowercase words separated by single spaces, padded: " link click through rate ".
fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        out.push_str(&word.to_lowercase());
        out.push(' ');
    }
    out
}

fn has(text: &str, phrases: &[&str]) -> bool {
    phrases
        .iter()
        .any(|phrase| text.contains(&format!(" {phrase} ")))
}

/// A result metric named in `text`, rates and costs before the counts they contain.
fn result_metric_in(text: &str, definition: &str) -> Option<MetricKey> {
    use MetricKey::*;
    let rules: [(&[&str], MetricKey); 21] = [
        (&["click through rate", "click through", "ctr"], Ctr),
        (&["share rate", "shares per reach"], ShareRate),
        (&["save rate", "saves per reach"], SaveRate),
        (&["comment to view", "comments per view"], CommentToView),
        (
            &["conversion rate", "click to order", "clicks to orders"],
            ClickToOrder,
        ),
        (&["cost per acquisition", "cost per order", "cpa"], Cpa),
        (&["cost per click", "cpc"], Cpc),
        (&["cost per engagement", "cpe"], Cpe),
        (&["cost per thousand", "cost per mille", "cpm"], Cpm),
        (&["return on ad spend", "roas"], Roas),
        (&["return on investment", "roi"], Roi),
        (&["revenue", "sales"], Revenue),
        (
            &["code redemptions", "redemptions", "code uses"],
            CodeRedemptions,
        ),
        (&["orders", "order", "purchases", "purchase"], Orders),
        (&["link clicks", "clicks", "link click"], LinkClicks),
        (&["engagements", "interactions"], Engagements),
        (&["impressions"], Impressions),
        (&["views", "video views"], Views),
        (&["reach", "accounts reached"], Reach),
        (&["spend", "cost"], Cost),
        (&["engagement"], Engagements),
    ];
    if has(text, &["engagement rate"]) {
        return Some(
            if has(definition, &["views"]) && !has(definition, &["reach"]) {
                ErViews
            } else if has(definition, &["followers"]) && !has(definition, &["reach"]) {
                ErFollowers
            } else {
                ErReach
            },
        );
    }
    rules
        .iter()
        .find(|(phrases, _)| has(text, phrases))
        .map(|(_, key)| *key)
}

fn signal_in(text: &str) -> Option<SignalKind> {
    if has(text, &["sentiment"]) {
        Some(SignalKind::Sentiment)
    } else if has(text, &["repeat advocates", "repeat advocate", "advocates"]) {
        Some(SignalKind::RepeatAdvocates)
    } else if has(text, &["unsolicited", "ugc", "user generated"]) {
        Some(SignalKind::UnsolicitedUgc)
    } else if has(text, &["theme", "themes", "theme match"]) {
        Some(SignalKind::ThemeTags)
    } else {
        None
    }
}

/// The source suggested for a metric, or `None` when nothing in its name, definition or
/// method says how to measure it.
pub fn suggested_metric(plan: &MetricPlan) -> Option<MetricSource> {
    let name = words(&plan.name);
    let definition = words(&plan.definition);
    let lift_words = has(&name, &["lift", "incremental", "incrementality", "uplift"]);
    if plan.uplift_test.is_some()
        && (lift_words || plan.method == MeasurementMethod::IncrementalityTest)
    {
        return Some(MetricSource::UpliftTest);
    }
    if plan.method == MeasurementMethod::BrandLiftSurvey
        || has(&name, &["brand lift", "awareness", "consideration"])
    {
        return Some(MetricSource::NotMeasured);
    }
    if let Some(kind) = signal_in(&name) {
        return Some(MetricSource::Signal(kind));
    }
    // Counted by hand or from other systems: submissions, sign-ups, search.
    if lift_words
        || has(
            &name,
            &["submissions", "sign ups", "signups", "search", "mentions"],
        )
    {
        return Some(MetricSource::NotMeasured);
    }
    if let Some(key) = result_metric_in(&name, &definition) {
        return Some(MetricSource::Result(key));
    }
    if plan.method == MeasurementMethod::CommunityListening {
        return signal_in(&definition)
            .map(MetricSource::Signal)
            .or(Some(MetricSource::NotMeasured));
    }
    result_metric_in(&definition, &definition).map(MetricSource::Result)
}

/// The source used for metric `index`: the user's choice, else the suggestion, else not
/// measured. Returns the source and why it was chosen.
pub fn effective_source(
    metric: &MetricPlan,
    index: usize,
    plan: &ResultsPlan,
) -> (MetricSource, String) {
    if let Some(chosen) = plan.source_choice(index).and_then(MetricSource::parse) {
        return (chosen, "Chosen by you.".to_string());
    }
    match suggested_metric(metric) {
        Some(source) => {
            let mut why = format!(
                "Detected from “{}” ({}).",
                metric.name,
                metric.method.label()
            );
            if source == MetricSource::Result(MetricKey::ClickToOrder)
                && metric.method == MeasurementMethod::UniqueLandingPage
            {
                why.push_str(" Link clicks stand in for landing-page sessions.");
            }
            if matches!(source, MetricSource::Result(k) if k.is_rate())
                && metric.unit == MetricUnit::Count
            {
                why.push_str(
                    " The metric is planned as a count but this is a rate: check the mapping.",
                );
            }
            (source, why)
        }
        None => (
            MetricSource::NotMeasured,
            format!(
                "Nothing in “{}” names a result column: choose how it is measured.",
                metric.name
            ),
        ),
    }
}

/// The count behind a result metric that cost buys, for ranking by outcome per cost: the
/// numerator of a rate (clicks for CTR), the outcome of a cost-per metric (orders for CPA).
pub fn outcome_for(key: MetricKey) -> Option<Outcome> {
    use MetricKey::*;
    match key {
        Orders | ClickToOrder | Cpa | Revenue | Roas | Roi => Some(Outcome::Orders),
        CodeRedemptions => Some(Outcome::CodeRedemptions),
        LinkClicks | Ctr | Cpc => Some(Outcome::LinkClicks),
        Engagements | ErReach | ErViews | ErFollowers | Cpe => Some(Outcome::Engagements),
        Reach => Some(Outcome::Reach),
        Views => Some(Outcome::Views),
        Impressions | Cpm => Some(Outcome::Impressions),
        ShareRate => Some(Outcome::Shares),
        SaveRate => Some(Outcome::Saves),
        CommentToView => Some(Outcome::Comments),
        Cost => None,
    }
}
