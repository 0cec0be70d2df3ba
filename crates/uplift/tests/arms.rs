//! The demo pilot analysed from its arm totals, against statsmodels and scipy.

use microplan_demo::{demo_workspace, PILOT_TEST};
use microplan_uplift::arms::{analyse_test, AnalysisOptions, TestUsed, VerdictKind};

#[test]
fn demo_pilot_scales_with_values_matching_statsmodels() {
    let demo = demo_workspace();
    let analysis = analyse_test(
        &demo.test_arms,
        PILOT_TEST,
        &AnalysisOptions::default(),
        None,
    )
    .expect("analyses");
    let pilot = &analysis.comparisons[0];
    // Reference: statsmodels proportions_ztest([731, 612], [47985, 48210]) and
    // confint_proportions_2indep(731, 47985, 612, 48210, method='newcomb').
    assert_eq!(pilot.test_used, TestUsed::ZTest);
    assert!(
        (pilot.p_value - 0.0007895340652833528).abs() < 1e-12,
        "{}",
        pilot.p_value
    );
    assert!((pilot.difference - (731.0 / 47985.0 - 612.0 / 48210.0)).abs() < 1e-15);
    assert!((pilot.difference_lower - 0.001056879395174242).abs() < 1e-12);
    assert!((pilot.difference_upper - 0.004027065211892565).abs() < 1e-12);
    // Hand-checked: (731 / 47985) / (612 / 48210) - 1 = 0.20004515...
    assert!((pilot.lift.unwrap().0 - 0.20004515299920111).abs() < 1e-12);
    assert_eq!(analysis.verdict.kind, VerdictKind::Scale);
    assert!(
        analysis.verdict.reason.contains("+20%"),
        "{}",
        analysis.verdict.reason
    );
    assert!(!analysis.srm_mismatch);
    assert!(pilot.chance_to_beat_control > 0.99);
    // scipy.stats.fisher_exact([[731, 47254], [612, 47598]]).pvalue = 0.0007974364316920808
    assert!((pilot.fisher_p_value.unwrap() - 0.000_797_436_431_692_080_8).abs() < 1e-12);
    // statsmodels proportion_confint(612, 48210, method='agresti_coull').
    let (lo, hi) = analysis.arms[0].agresti_coull;
    assert!((lo - 0.011_732_482_354_051_062).abs() < 1e-12, "{lo}");
    assert!((hi - 0.013_734_093_667_886_329).abs() < 1e-12, "{hi}");
}
