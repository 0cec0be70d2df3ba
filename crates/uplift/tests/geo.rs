//! The workspace check reads the geo test series.

use chrono::NaiveDate;
use microplan_uplift::geo::{GeoPoint, GeoTest};

fn date(day: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(day)
}

/// Four donors with distinct shapes over 12 dates (as in the geo unit tests).
fn donors() -> Vec<Vec<f64>> {
    (0..4)
        .map(|k| {
            (0..12)
                .map(|t| 100.0 + 10.0 * k as f64 + ((t * (k + 1)) % 5) as f64 * (k as f64 + 1.0))
                .collect()
        })
        .collect()
}

/// One point per region and value on consecutive dates from `date(0)`.
fn test_from(series: &[(&str, Vec<f64>)], treated: &[&str], launch_day: i64) -> GeoTest {
    let points = series
        .iter()
        .flat_map(|(name, values)| {
            values.iter().enumerate().map(move |(t, v)| GeoPoint {
                region: name.to_string(),
                date: date(t as i64),
                value: *v,
            })
        })
        .collect();
    GeoTest {
        name: "Spring regions".into(),
        metric: "Orders".into(),
        launch_date: Some(date(launch_day)),
        treated_regions: treated.iter().map(|s| s.to_string()).collect(),
        points,
        ..GeoTest::default()
    }
}

#[test]
fn the_workspace_check_covers_geo_series() {
    use microplan_workspace::validate::validate_workspace;
    use microplan_workspace::Workspace;
    let mut workspace = Workspace::empty("Brand");
    let d = donors();
    workspace.geo_tests.push(test_from(
        &[("A", d[0].clone()), ("B", d[1].clone())],
        &["A"],
        8,
    ));
    assert!(validate_workspace(&workspace).is_ok());
    assert_eq!(workspace.row_count(), 24);
    workspace.geo_tests[0].points[3].value = 2e12;
    workspace.geo_tests[0].points[5].date = NaiveDate::from_ymd_opt(2300, 1, 1).unwrap();
    let problems = validate_workspace(&workspace).unwrap_err();
    let fields: Vec<String> = problems
        .iter()
        .map(|p| format!("{} {:?} {}", p.table, p.row, p.field))
        .collect();
    assert_eq!(
        fields,
        vec![
            "geo_tests Some(1) points.4.value",
            "geo_tests Some(1) points.6.date"
        ]
    );
}
