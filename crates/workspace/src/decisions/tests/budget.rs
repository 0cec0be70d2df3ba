//! Ranking, budget proposal and report checks. Poisson limits as in `tests/mod.rs`
//! (scipy `chi2.ppf(0.025, 2k) / 2` and `chi2.ppf(0.975, 2k + 2) / 2`).

use proptest::prelude::*;

use super::row;
use crate::decisions::*;
use microplan_model::money::Money;
use microplan_model::rows::DeliverableResult;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// A: 12 orders for €600; B: 2 for €100; C: 0 for €200.
fn three() -> Vec<DeliverableResult> {
    vec![
        row("a", None, Some(12), Some(600.0)),
        row("b", None, Some(2), Some(100.0)),
        row("c", None, Some(0), Some(200.0)),
    ]
}

fn ranking_of(rows: &[DeliverableResult]) -> Ranking {
    let mut groups: Vec<(String, Vec<&DeliverableResult>)> = Vec::new();
    for r in rows {
        match groups.iter_mut().find(|(name, _)| *name == r.handle) {
            Some((_, members)) => members.push(r),
            None => groups.push((r.handle.clone(), vec![r])),
        }
    }
    rank(&groups, Outcome::Orders, "EUR")
}

fn plan(floor: f64, ceiling: f64) -> ResultsPlan {
    ResultsPlan {
        min_share: floor,
        max_share: ceiling,
        ..ResultsPlan::default()
    }
}

fn amounts(proposal: &Proposal) -> Vec<(String, f64)> {
    proposal
        .allocations
        .iter()
        .map(|a| (a.group.clone(), a.amount))
        .collect()
}

#[test]
fn efficiency_is_outcomes_per_hundred_with_a_poisson_interval() {
    let rows = three();
    let ranking = ranking_of(&rows);
    let order: Vec<&str> = ranking.rows.iter().map(|r| r.group.as_str()).collect();
    // a and b both make 2.00 orders per €100 (12/600, 2/100): ties go by name.
    assert_eq!(order, ["a", "b", "c"]);
    let a = &ranking.rows[0];
    assert!(close(a.per_hundred.unwrap(), 2.0));
    // 6.200575 / 600 x 100 = 1.033429; 20.961585 / 600 x 100 = 3.493598.
    let (low, high) = a.interval.unwrap();
    assert!(
        (low - 1.033_429_18).abs() < 1e-6 && (high - 3.493_597_51).abs() < 1e-6,
        "{low} {high}"
    );
    assert_eq!(
        a.explain(),
        "12 orders for €600, 2.00 per €100 (95% 1.03-3.49)"
    );
    // c: 0 orders, lower 0, upper 3.688879 / 200 x 100 = 1.844440.
    let c = &ranking.rows[2];
    assert_eq!(c.lower_bound(), 0.0);
    assert!((c.interval.unwrap().1 - 1.844_439_73).abs() < 1e-6);
    // a's lower end 1.03 is below c's upper end 1.84: not separated.
    assert_eq!(ranking.separated, Some(false));
    assert!(ranking.separation_text.starts_with("Not separated"));
}

#[test]
fn zero_cost_and_missing_fields_give_no_efficiency_and_say_why() {
    let rows = vec![
        row("gifted", None, Some(5), Some(0.0)),
        row("gifted", None, None, Some(30.0)),
        row("unpriced", None, Some(4), None),
    ];
    let ranking = ranking_of(&rows);
    let gifted = ranking.rows.iter().find(|r| r.group == "gifted").unwrap();
    assert_eq!(
        (gifted.per_hundred, gifted.rows_used, gifted.rows_total),
        (None, 1, 2)
    );
    let note = gifted.note.clone().unwrap();
    assert!(
        note.contains("1 row(s) without orders") && note.contains("cost is zero"),
        "{note}"
    );
    let unpriced = ranking.rows.iter().find(|r| r.group == "unpriced").unwrap();
    assert!(unpriced.note.clone().unwrap().contains("no row with both"));
    assert_eq!(ranking.separated, None);
    // Neither has a lower bound above 0, so the budget is split equally, to the cent.
    let proposal = propose_budget(&ranking, &plan(0.05, 0.6), &Money::new(100.01, "EUR")).unwrap();
    assert_eq!(
        amounts(&proposal),
        vec![
            ("gifted".to_string(), 50.01),
            ("unpriced".to_string(), 50.0)
        ]
    );
    assert!(proposal.notes.iter().any(|n| n.contains("split equally")));
    assert!(proposal.needs_evidence.is_some());
}

#[test]
fn lower_bound_proportional_with_floor_and_ceiling_sums_to_the_budget() {
    let rows = three();
    let ranking = ranking_of(&rows);
    let budget = Money::new(1000.0, "EUR");
    // Floor 5%, ceiling 80%: c (lower bound 0) gets the floor, €50. a and b share the other
    // 95% as 1.033429 : 0.242209 -> 0.95 x 1.033429 / 1.275638 x 1000 = 769.6207 and
    // 180.3793; cents 76962 + 18037 + 5000 = 99999, the last cent goes to b (.93 > .07).
    let proposal = propose_budget(&ranking, &plan(0.05, 0.8), &budget).unwrap();
    assert_eq!(
        amounts(&proposal),
        vec![
            ("a".into(), 769.62),
            ("b".into(), 180.38),
            ("c".into(), 50.0)
        ]
    );
    assert_eq!(proposal.total_cents(), 100_000);
    assert!(
        proposal.allocations[2]
            .reason
            .contains("lower bound 0: the floor"),
        "{}",
        proposal.allocations[2].reason
    );
    assert!(proposal.allocations[0].reason.starts_with("a: 12 orders for €600, 2.00 per €100 (95% 1.03-3.49); lower bound 81% of all lower bounds; share 77% -> €769.62"), "{}", proposal.allocations[0].reason);
    assert!(proposal
        .needs_evidence
        .clone()
        .unwrap()
        .starts_with("Not separated"));
    // Ceiling 60%: a is capped at €600, c keeps the floor, b takes the remaining €350.
    let capped = propose_budget(&ranking, &plan(0.05, 0.6), &budget).unwrap();
    assert_eq!(
        amounts(&capped),
        vec![("a".into(), 600.0), ("b".into(), 350.0), ("c".into(), 50.0)]
    );
    assert!(capped.allocations[0]
        .reason
        .contains("capped at the ceiling"));
    // A floor of 50% for three creators is impossible: each gets a third, the odd cent to a.
    let even = propose_budget(&ranking, &plan(0.5, 0.6), &budget).unwrap();
    assert_eq!(
        amounts(&even),
        vec![
            ("a".into(), 333.34),
            ("b".into(), 333.33),
            ("c".into(), 333.33)
        ]
    );
    assert!(even.notes[0].contains("more than the budget"));
    // Excluding a: b alone has a weight; the ceiling 60% cannot hold with c at 5%, so b's
    // ceiling is raised to 95%.
    let mut without_a = plan(0.05, 0.6);
    without_a.set_excluded("a", true);
    let rest = propose_budget(&ranking, &without_a, &budget).unwrap();
    assert_eq!(
        amounts(&rest),
        vec![("b".into(), 950.0), ("c".into(), 50.0), ("a".into(), 0.0)]
    );
    assert!(rest.allocations[2].excluded && rest.allocations[2].reason.contains("excluded by you"));
    assert!(
        rest.notes.iter().any(|n| n.contains("raised to 95%")),
        "{:?}",
        rest.notes
    );
    // Equal split ignores efficiency and needs no evidence.
    let equal = ResultsPlan {
        rule: ReallocationRule::EqualSplit,
        ..plan(0.0, 1.0)
    };
    let split = propose_budget(&ranking, &equal, &Money::new(10.0, "EUR")).unwrap();
    assert_eq!(
        amounts(&split),
        vec![("a".into(), 3.34), ("b".into(), 3.33), ("c".into(), 3.33)]
    );
    assert_eq!(split.needs_evidence, None);
}

#[test]
fn bad_budgets_and_all_creators_excluded_are_clear_errors() {
    let rows = three();
    let ranking = ranking_of(&rows);
    let mut all_out = plan(0.05, 0.6);
    for handle in ["a", "b", "c"] {
        all_out.set_excluded(handle, true);
    }
    let error = propose_budget(&ranking, &all_out, &Money::new(100.0, "EUR")).unwrap_err();
    assert_eq!(error, BudgetError::AllExcluded { creators: 3 });
    assert_eq!(
        error.to_string(),
        "All 3 creators are excluded: include at least one to propose a budget."
    );
    assert!(
        propose_budget(&ranking, &plan(0.05, 0.6), &Money::new(-1.0, "EUR"))
            .unwrap_err()
            .to_string()
            .contains("0 or more")
    );
    assert!(propose_budget(&ranking, &plan(0.05, 0.6), &Money::new(f64::NAN, "EUR")).is_err());
    assert!(
        propose_budget(&ranking, &plan(0.05, 0.6), &Money::new(100.0, "GBP"))
            .unwrap_err()
            .to_string()
            .contains("enter the budget in EUR")
    );
    assert!(
        propose_budget(&ranking, &plan(0.7, 0.6), &Money::new(100.0, "EUR"))
            .unwrap_err()
            .to_string()
            .contains("floor")
    );
    let empty = ranking_of(&[]);
    assert!(
        propose_budget(&empty, &plan(0.05, 0.6), &Money::new(100.0, "EUR"))
            .unwrap_err()
            .to_string()
            .contains("No creator")
    );
}

proptest! {
    #[test]
    fn the_proposal_never_panics_and_always_sums_to_the_budget(
        creators in proptest::collection::vec((0u64..60, 0u32..100_000, any::<bool>(), any::<bool>()), 1..12),
        cents in 0u64..1_000_000_000,
        floor in 0.0f64..0.6,
        spread in 0.0f64..1.0,
        equal in any::<bool>(),
    ) {
        let rows: Vec<DeliverableResult> = creators.iter().enumerate()
            .map(|(i, (orders, cost, priced, _))| row(&format!("c{i}"), None, Some(*orders), priced.then(|| *cost as f64 / 100.0)))
            .collect();
        let ranking = ranking_of(&rows);
        let mut plan = ResultsPlan {
            min_share: floor,
            max_share: (floor + spread).clamp(0.01, 1.0),
            rule: if equal { ReallocationRule::EqualSplit } else { ReallocationRule::LowerBoundProportional },
            ..ResultsPlan::default()
        };
        for (i, (_, _, _, excluded)) in creators.iter().enumerate() {
            plan.set_excluded(&format!("c{i}"), *excluded);
        }
        let budget = Money::new(cents as f64 / 100.0, "EUR");
        match propose_budget(&ranking, &plan, &budget) {
            Ok(proposal) => {
                prop_assert_eq!(proposal.total_cents(), cents as i64);
                prop_assert!(proposal.allocations.iter().all(|a| a.amount >= 0.0 && a.share.is_finite()));
                prop_assert!(proposal.allocations.iter().filter(|a| a.excluded).all(|a| a.amount == 0.0));
            }
            Err(error) => prop_assert!(plan.min_share > plan.max_share || creators.iter().all(|c| c.3), "{}", error),
        }
    }
}
