//! The analysis of a test as CSV (RFC 4180, CRLF): one row per arm and one per comparison,
//! with every p-value and interval the page shows, rates as fractions. Text cells that a
//! spreadsheet could run as a formula get a leading `'`.

use microplan_csv::csv_record::csv_record;
use microplan_uplift::arms::{TestAnalysis, TestUsed};

fn number(x: f64) -> String {
    if x.is_finite() {
        x.to_string()
    } else {
        String::new()
    }
}

fn optional(x: Option<f64>) -> String {
    x.map(number).unwrap_or_default()
}

const HEADER: [&str; 19] = [
    "test",
    "row",
    "arm",
    "units",
    "conversions",
    "rate",
    "rate_lower_wilson",
    "rate_upper_wilson",
    "difference",
    "difference_lower",
    "difference_upper",
    "lift",
    "lift_lower",
    "lift_upper",
    "p_value",
    "test_used",
    "p_holm",
    "p_benjamini_hochberg",
    "chance_to_beat_control",
];

/// The analysis as CSV text; the last lines hold the verdict and the sample-ratio check.
pub fn results_csv(a: &TestAnalysis) -> String {
    let mut rows: Vec<Vec<String>> = vec![HEADER.iter().map(|h| h.to_string()).collect()];
    for arm in &a.arms {
        let mut row = vec![
            a.test.clone(),
            "arm".into(),
            arm.name.clone(),
            arm.units.to_string(),
            arm.conversions.to_string(),
            number(arm.rate),
            number(arm.rate_lower),
            number(arm.rate_upper),
        ];
        row.resize(HEADER.len(), String::new());
        rows.push(row);
    }
    for c in &a.comparisons {
        let (lift, low, high) = match c.lift {
            Some((l, lo, hi)) => (Some(l), Some(lo), Some(hi)),
            None => (None, None, None),
        };
        let test = match c.test_used {
            TestUsed::ZTest => "pooled z-test",
            TestUsed::Fisher => "Fisher exact",
        };
        rows.push(vec![
            a.test.clone(),
            "against control".into(),
            c.arm.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            number(c.difference),
            number(c.difference_lower),
            number(c.difference_upper),
            optional(lift),
            optional(low),
            optional(high),
            number(c.p_value),
            test.into(),
            number(c.holm_p_value),
            number(c.bh_p_value),
            number(c.chance_to_beat_control),
        ]);
    }
    let mut out: String = rows.iter().map(|r| csv_record(r)).collect();
    out.push_str(&csv_record(&[
        a.test.as_str(),
        "verdict",
        a.verdict.kind.title(),
        a.verdict.reason.as_str(),
    ]));
    out.push_str(&csv_record(&[
        a.test.clone(),
        "sample ratio check p".into(),
        number(a.srm_p_value),
        a.srm_against.clone(),
    ]));
    out
}
