//! The programme's orders, revenue and cost, computed once: every Results view, the report
//! and the budget proposal read these, so a number is the same wherever it is shown.
//!
//! The rule: orders, revenue and cost are the results table's (per deliverable, each order
//! counted once by code or link). The shop and analytics exports reconcile them in
//! Attribution as a range. Shop orders that a code-leak flag is about are not deliverable
//! results: they are set apart, counted in no figure and named wherever orders are shown.

use crate::attribution::reconcile::{reconcile, Reconciliation};
use crate::Workspace;
use microplan_model::format::{group_thousands, money, plural};
use microplan_model::rows::DeliverableResult;
use microplan_plan::results::{metric, MetricContext, MetricKey, MetricValue};

#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub currency: String,
    pub orders: MetricValue,
    pub revenue: MetricValue,
    pub cost: MetricValue,
    /// Cost per order and revenue per unit of cost, from the three above.
    pub cpa: MetricValue,
    pub roas: MetricValue,
    /// Code redemptions over the rows that report them.
    pub code_redemptions: Option<u64>,
    /// The exports' reconciliation, leaked orders set apart.
    pub attribution: Reconciliation,
}

impl Figures {
    pub fn orders_count(&self) -> Option<u64> {
        self.orders
            .value
            .filter(|v| v.is_finite() && *v >= 0.0)
            .map(|v| v.round() as u64)
    }

    pub fn leaked_orders(&self) -> u64 {
        self.attribution.total.leaked_orders
    }

    /// What was done with leaked orders, for any place that shows orders; `None` when no
    /// order is flagged.
    pub fn leaked_sentence(&self) -> Option<String> {
        let leaked = self.leaked_orders();
        if leaked == 0 {
            return None;
        }
        let codes = self.attribution.leaked_codes.join(", ");
        let currency = self.attribution.currency.as_deref().unwrap_or("");
        Some(format!(
            "{} ({}) through {codes}, flagged as leaked, {} set apart and counted in no figure.",
            plural(leaked, "shop order", "shop orders"),
            money(self.attribution.total.leaked_revenue, currency),
            if leaked == 1 { "is" } else { "are" }
        ))
    }

    /// Whether the results table's orders lie within the exports' range (`None` without
    /// shop or link data).
    pub fn exports_agree(&self) -> Option<bool> {
        let total = &self.attribution.total;
        if total.orders_high == 0 {
            return None;
        }
        self.orders_count()
            .map(|n| (total.orders_low..=total.orders_high).contains(&n))
    }

    /// "The shop and analytics exports give 78–102 orders: 64 by code and 38 by tagged link."
    pub fn exports_sentence(&self) -> Option<String> {
        let total = &self.attribution.total;
        let agree = self.exports_agree()?;
        let links = total.link_conversions.unwrap_or(0);
        let mut text = format!(
            "The shop and analytics exports give {}–{} orders: {} by code and {} by tagged link, which may overlap.",
            group_thousands(total.orders_low),
            group_thousands(total.orders_high),
            group_thousands(total.code_orders),
            group_thousands(links)
        );
        if !agree {
            text.push_str(" The results table's count is outside that range: check the imports.");
        }
        Some(text)
    }
}

/// The figures of `workspace` (module docs).
pub fn figures(workspace: &Workspace) -> Figures {
    let context = MetricContext::from_tables(&workspace.creators, &workspace.results);
    let rows: Vec<&DeliverableResult> = workspace.results.iter().collect();
    let read = |key| metric(&rows, key, &context);
    let redemptions: Vec<u64> = rows.iter().filter_map(|r| r.code_redemptions).collect();
    Figures {
        orders: read(MetricKey::Orders),
        revenue: read(MetricKey::Revenue),
        cost: read(MetricKey::Cost),
        cpa: read(MetricKey::Cpa),
        roas: read(MetricKey::Roas),
        code_redemptions: (!redemptions.is_empty()).then(|| {
            redemptions
                .iter()
                .fold(0u64, |sum, n| sum.saturating_add(*n))
        }),
        attribution: reconcile(workspace),
        currency: context.currency,
    }
}
