//! Sequential monitoring of the demo pilot's daily series.

use chrono::NaiveDate;
use microplan_demo::uplift::{daily_series, pre_registrations};
use microplan_uplift::msprt::{msprt_view, MixingSource};

#[test]
fn the_demo_pilot_gets_an_always_valid_p_value() {
    let plan = &pre_registrations()[0];
    let days = daily_series();
    let v = msprt_view(
        &days,
        &plan.test,
        "Control regions",
        "Pilot regions",
        plan.launch_date,
        Some(plan.min_lift),
        None,
        0.05,
    )
    .unwrap();
    let last = v.looks.last().unwrap();
    // Control 612 of 48,210 and pilot 731 of 47,985 at the last look; tau = 10% of 612/48,210.
    assert_eq!(v.mixing_source, MixingSource::PlannedLift);
    assert!((v.mixing_sd - 0.1 * 612.0 / 48_210.0).abs() < 1e-15);
    assert_eq!(last.n_total, 96_195);
    // 1 / Lambda of the last look alone is 0.030640448932472645 (by hand); an earlier
    // look went lower, and the always-valid p keeps the lowest.
    assert!(
        (last.p_value - 0.029_852_235_620_060_19).abs() < 1e-9,
        "{}",
        last.p_value
    );
    assert!(last.p_value < 0.030_640_448_932_472_645);
    assert!(v.looks.windows(2).all(|w| w[1].p_value <= w[0].p_value));
    assert_eq!(v.first_significant, NaiveDate::from_ymd_opt(2026, 5, 8));
}
