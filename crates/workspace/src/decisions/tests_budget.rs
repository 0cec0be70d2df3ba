//! Ranking, budget proposal, report and demo checks. Poisson limits as in `tests.rs`
//! (scipy `chi2.ppf(0.025, 2k) / 2` and `chi2.ppf(0.975, 2k + 2) / 2`).

use proptest::prelude::*;

use super::tests::row;
use super::*;
use microplan_demo::demo_workspace;
use microplan_plan::doc::render_markdown;
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
    assert_eq!(
        error,
        "All 3 creators are excluded: include at least one to propose a budget."
    );
    assert!(
        propose_budget(&ranking, &plan(0.05, 0.6), &Money::new(-1.0, "EUR"))
            .unwrap_err()
            .contains("0 or more")
    );
    assert!(propose_budget(&ranking, &plan(0.05, 0.6), &Money::new(f64::NAN, "EUR")).is_err());
    assert!(
        propose_budget(&ranking, &plan(0.05, 0.6), &Money::new(100.0, "GBP"))
            .unwrap_err()
            .contains("enter the budget in EUR")
    );
    assert!(
        propose_budget(&ranking, &plan(0.7, 0.6), &Money::new(100.0, "EUR"))
            .unwrap_err()
            .contains("floor")
    );
    let empty = ranking_of(&[]);
    assert!(
        propose_budget(&empty, &plan(0.05, 0.6), &Money::new(100.0, "EUR"))
            .unwrap_err()
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

#[test]
fn the_demo_leaves_its_partial_last_week_out_and_proposes_a_budget() {
    let workspace = demo_workspace();
    let decisions = decisions(&workspace, &workspace.results_plan);
    let status = decisions.status.as_ref().unwrap();
    let primary = &status.metrics[0];
    // Weekly orders of the pilot: 53 (week of 13 Apr), 48 (20 Apr), 1 (27 Apr): see
    // `pilot_results`. Baseline 46 a week: pause below 27.6, optimise below 46, scale above 57.5.
    // The last week holds 1 row against 8 and 7 before (a usual 7.5): partial, left out.
    let values = primary.readings.as_ref().unwrap().values();
    assert_eq!(values, vec![53.0, 48.0, 1.0]);
    assert_eq!(primary.readings.as_ref().unwrap().complete_values(), vec![53.0, 48.0]);
    assert_eq!(primary.observed, Some(50.5));
    assert_eq!(primary.verdict.state, super::KpiState::OnTrack);
    let found: Vec<(DecisionAction, DecisionState)> = primary
        .thresholds
        .iter()
        .map(|t| (t.action, t.state))
        .collect();
    use microplan_plan::objectives::DecisionAction;
    assert_eq!(
        found,
        vec![
            (DecisionAction::Pause, DecisionState::OnTrack),
            (DecisionAction::Optimise, DecisionState::OnTrack),
            (DecisionAction::Scale, DecisionState::OnTrack)
        ]
    );
    // 102 orders / 1,741 clicks = 5.86% against 3.1%; the holdout's lift 731/47,985 over
    // 612/48,210 - 1 = 20.0% against 8%.
    assert!((status.metrics[1].observed.unwrap() - 102.0 / 1741.0).abs() < 1e-9);
    let lift = status.metrics[2].observed.unwrap();
    assert!(
        (lift - (731.0 / 47_985.0) / (612.0 / 48_210.0) + 1.0).abs() < 1e-9,
        "{lift}"
    );
    let proposal = decisions.proposal.as_ref().unwrap();
    assert_eq!(proposal.total_cents(), 300_000);
    assert_eq!(proposal.allocations.len(), 8);
    assert!(proposal.needs_evidence.is_some());
    // banneton_bea: 35 orders for €746 is the best rate, 4.69 per €100.
    assert_eq!(decisions.creators.rows[0].group, "banneton_bea");
    assert!(decisions.creators.rows[0]
        .explain()
        .starts_with("35 orders for €746, 4.69 per €100"));
    let formats: Vec<&str> = decisions
        .formats
        .rows
        .iter()
        .map(|r| r.group.as_str())
        .collect();
    assert_eq!(formats.len(), 2, "{formats:?}");
    // Without a budget the results' spend is split: 2 x (78 + 63 + 248 + 303 + 58 + 43 + 373
    // + 383) = 2 x 1,549 = €3,098.
    let unplanned = ResultsPlan {
        next_budget: None,
        ..(*workspace.results_plan).clone()
    };
    let carried = super::decisions(&workspace, &unplanned);
    assert!(carried.budget_is_spend);
    assert_eq!(carried.budget, Money::new(3_098.0, "EUR"));
    assert_eq!(carried.proposal.unwrap().total_cents(), 309_800);
}

#[test]
fn the_report_has_the_layers_the_decisions_and_the_proposal() {
    let workspace = demo_workspace();
    let decisions = decisions(&workspace, &workspace.results_plan);
    let text = render_markdown(&stakeholder_report(
        &workspace,
        &workspace.results_plan,
        &decisions,
    ));
    for expected in [
        "Results report: Demo: Hearth & Trail",
        "Headline numbers",
        "Business value",
        "Marketing value",
        "Content value",
        // 212 of 310 classified comments positive: 68.39%, one decimal by the policy.
        "Positive sentiment share: 68.4% (212 positive comments / 310",
        "From the results: ER (reach) ",
        "target not reached (target 57.5). Status: On track. 48 in Week of 20 Apr 2026",
        "Not in breach",
        "each counted once; 14 shop orders through HANA15 flagged as leaked are set apart",
        "against 102 attributed orders",
        "14 shop orders (€291.48) through HANA15, flagged as leaked, are set apart and counted in no figure.",
        "give 64–102 orders: 64 by code and 38 by tagged link",
        "Top performers",
        "banneton\\_bea: 35 orders for €746",
        "Proposed budget for the next period",
        "Needs evidence",
        "last week only carries one late story",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn a_share_resting_on_a_leaked_code_says_so_once_per_code() {
    // The demo's HANA15 is flagged as leaked; highland_hana keeps a share of the split.
    let demo = demo_workspace();
    let decisions = super::bundle::decisions(&demo, &demo.results_plan);
    let proposal = decisions.proposal.expect("a proposal");
    let notes: Vec<&String> = proposal.notes.iter().filter(|n| n.contains("leaked")).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].starts_with("@highland_hana’s 16% share rests on the results table's orders; the 14 shop orders through code HANA15 that Attribution flags as leaked"), "{}", notes[0]);
    let mut excluded = demo.results_plan.clone();
    excluded.set_excluded("highland_hana", true);
    let proposal = super::bundle::decisions(&demo, &excluded).proposal.expect("a proposal");
    assert!(proposal.notes.iter().all(|n| !n.contains("leaked")), "an excluded creator needs no warning");
}
