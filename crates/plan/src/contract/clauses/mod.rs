//! Clause builders: pure functions from the choices to clauses. Each clause records the
//! choice that produced it in its `source`.

pub mod compliance;
pub mod pay;
pub mod rights;
pub mod standard;
pub mod work;

use super::choices::ContractChoices;
use crate::doc::Clause;

/// A titled group of clauses, in the order they appear in the agreement.
pub struct ClauseGroup {
    pub title: &'static str,
    pub clauses: Vec<Clause>,
}

/// Every clause of the agreement, grouped.
pub fn build_clauses(c: &ContractChoices) -> Vec<ClauseGroup> {
    let mut money = vec![pay::compensation(c), pay::payment(c)];
    money.extend(pay::outcome_share(c));
    money.extend(pay::bonus(c));
    money.push(pay::makegood(c));
    money.extend(pay::kill_fee(c));
    let mut rights = vec![rights::licence(c)];
    rights.extend(rights::paid_usage(c));
    rights.push(rights::copyright(c));
    rights.extend(rights::exclusivity(c));
    vec![
        ClauseGroup {
            title: "The work",
            clauses: vec![
                work::parties(c),
                work::term(c),
                work::deliverables(c),
                work::live_duration(c),
                work::creative_control(c),
                work::review_and_revisions(c),
            ],
        },
        ClauseGroup {
            title: "Payment",
            clauses: money,
        },
        ClauseGroup {
            title: "Rights",
            clauses: rights,
        },
        ClauseGroup {
            title: "Disclosure, honesty and measurement",
            clauses: vec![
                compliance::disclosure(c),
                compliance::honest_claims(c),
                compliance::market_notes(c),
                compliance::kpis_and_reporting(c),
            ],
        },
        ClauseGroup {
            title: "Trust, standards and ending",
            clauses: vec![
                standard::right_to_decline(c),
                standard::audience_concerns(c),
                standard::confidentiality(c),
                standard::content_standards(c),
                standard::takedown_and_retention(c),
                standard::termination(c),
                standard::governing_law(c),
                standard::not_legal_advice(c),
            ],
        },
    ]
}
