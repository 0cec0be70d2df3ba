//! The detail view of a demo creator: the bought-follower spike is a chart marker and the
//! benchmark band brackets the interpolated benchmark.

use microplan_audit::detail::{
    benchmark_band, engagement_points, follower_points, metric_lines, spike_markers, BAND_HIGH,
    BAND_LOW,
};
use microplan_audit::tiers::BenchmarkLabel;
use microplan_audit::AuditSettings;
use microplan_demo::demo_workspace;
use microplan_workspace::audits::audit_workspace;

#[test]
fn the_bought_follower_spike_is_a_marker_and_the_band_brackets_the_benchmark() {
    let w = demo_workspace();
    let audits = audit_workspace(&w, &AuditSettings::default());
    let lena = audits.iter().find(|a| a.handle == "peakpace_lena").unwrap();
    let history = follower_points(lena);
    assert_eq!(history.len(), 26, "26 weekly observations");
    let markers = spike_markers(lena);
    assert_eq!(markers.len(), 1);
    assert!(
        markers[0].1.contains("+18,000") && markers[0].1.contains("did not follow"),
        "{markers:?}"
    );
    let posts = engagement_points(lena);
    assert_eq!(posts.len(), 12, "N = 12 recent posts");
    assert!(posts.windows(2).all(|w| w[0].0 <= w[1].0));
    let band = benchmark_band(lena, &posts);
    // Between the micro (2.4%) and mid (1.8%) anchors; the band is 0.8x to 1.25x of it.
    let rate = lena.metrics.benchmark.as_ref().unwrap().benchmark_rate;
    assert!(rate < 0.024 && rate > 0.018, "{rate}");
    assert!((band[0].1 - 0.8 * rate).abs() < 1e-12 && (band[0].2 - 1.25 * rate).abs() < 1e-12);
    assert!(
        BenchmarkLabel::for_ratio(BAND_LOW) == BenchmarkLabel::InLine
            && BenchmarkLabel::for_ratio(BAND_HIGH) == BenchmarkLabel::InLine
    );
    let lines = metric_lines(lena);
    assert!(lines.iter().all(|l| !l.value.contains("NaN")));
    assert!(
        lines[0].interval.is_some(),
        "the mean rate carries its interval"
    );
}
