//! A deliverable's cost: the cost as given, or the sum of its parts (fee, product value,
//! shipping) when no cost is given. A part that is not given is missing, not zero: it is
//! left out of the sum and named, so the UI can say "fee + shipping; product value not given".

use crate::domain::money::Money;
use crate::domain::workspace::DeliverableResult;

/// The parts a cost can be built from, in the order they are shown.
pub const COST_PARTS: [&str; 3] = ["fee", "product value", "shipping"];

/// Where a deliverable's cost comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct CostBasis {
    pub total: Money,
    /// True when the total is the sum of the parts (no cost was given).
    pub from_parts: bool,
    /// Parts not given (only when `from_parts`).
    pub missing_parts: Vec<&'static str>,
}

impl DeliverableResult {
    /// The cost as given, or the sum of the given parts in one currency; `None` when
    /// neither is known or the parts are in different currencies (never converted).
    pub fn cost_basis(&self) -> Option<CostBasis> {
        if let Some(cost) = &self.cost {
            return Some(CostBasis {
                total: cost.clone(),
                from_parts: false,
                missing_parts: Vec::new(),
            });
        }
        let parts = [&self.fee, &self.product_value, &self.shipping];
        let given: Vec<&Money> = parts.iter().filter_map(|part| part.as_ref()).collect();
        let first = given.first()?;
        if given
            .iter()
            .any(|m| m.currency != first.currency || !m.amount.is_finite())
        {
            return None;
        }
        let missing_parts = parts
            .iter()
            .zip(COST_PARTS)
            .filter(|(part, _)| part.is_none())
            .map(|(_, name)| name)
            .collect();
        let amount = given.iter().map(|m| m.amount).sum();
        Some(CostBasis {
            total: Money::new(amount, &first.currency),
            from_parts: true,
            missing_parts,
        })
    }
}
