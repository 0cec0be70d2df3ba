//! The evidence a large pivot needs, read from the demo workspace's uplift test.

use microplan_demo::{demo_workspace, PILOT_TEST};
use microplan_plan::objectives::test_evidence;

#[test]
fn the_demo_holdout_is_significant() {
    // 731 / 47,985 against 612 / 48,210: z-test p = 0.00079 (statsmodels), one arm so Holm = p.
    let evidence = test_evidence(&demo_workspace().test_arms, PILOT_TEST).unwrap();
    assert!(evidence.significant, "{evidence:?}");
    assert!(
        (evidence.p_value - 0.000_79).abs() < 0.000_01,
        "{}",
        evidence.p_value
    );
    assert!(evidence.reason.contains("is significant"));
}
