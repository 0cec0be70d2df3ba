//! The three-layer value framework (seed: Forrester's business, marketing and content value)
//! with the metrics that belong to each layer.

use serde::{Deserialize, Serialize};

use super::ObjectivePlan;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ValueLayer {
    Business,
    #[default]
    Marketing,
    Content,
}

impl ValueLayer {
    pub const ALL: [ValueLayer; 3] = [
        ValueLayer::Business,
        ValueLayer::Marketing,
        ValueLayer::Content,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ValueLayer::Business => "business",
            ValueLayer::Marketing => "marketing",
            ValueLayer::Content => "content",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ValueLayer::Business => "Business value",
            ValueLayer::Marketing => "Marketing value",
            ValueLayer::Content => "Content value",
        }
    }

    pub fn parse(key: &str) -> Option<ValueLayer> {
        ValueLayer::ALL.into_iter().find(|layer| layer.key() == key)
    }

    pub fn describe(self) -> &'static str {
        match self {
            ValueLayer::Business => {
                "How the programme contributes to revenue and brand health: the case for more budget."
            }
            ValueLayer::Marketing => {
                "How it moves people along the journey you aimed at: awareness, consideration, \
                 conversion to the next stage."
            }
            ValueLayer::Content => {
                "How it improves social execution: attention earned and content you can reuse \
                 instead of producing."
            }
        }
    }

    /// The metrics the framework names for this layer.
    pub fn standard_metrics(self) -> &'static [&'static str] {
        match self {
            ValueLayer::Business => &[
                "Purchases and sales lift (against a control group)",
                "Promo code redemptions",
                "Category market share",
                "Customer lifetime value of creator-acquired customers",
            ],
            ValueLayer::Marketing => &[
                "Brand lift: aided awareness and consideration",
                "Purchase intent",
                "Click-through rate of tracked links",
                "Share advancing to the next stage (sign-ups, app installs)",
            ],
            ValueLayer::Content => &[
                "Engagement rate, shares and saves",
                "Comment quality and sentiment",
                "Earned media value (an estimate, rates shown)",
                "Reusable assets and production cost saved",
            ],
        }
    }
}

/// The programme's own metrics grouped by layer, in layer order; a layer may be empty.
pub fn metrics_by_layer(plan: &ObjectivePlan) -> Vec<(ValueLayer, Vec<String>)> {
    ValueLayer::ALL
        .into_iter()
        .map(|layer| {
            let names = plan
                .metrics()
                .into_iter()
                .filter(|metric| metric.layer == layer)
                .map(|metric| metric.name.clone())
                .collect();
            (layer, names)
        })
        .collect()
}
