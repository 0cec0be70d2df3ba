//! Per-user files of uplift tests, read into arm values or arm totals.

use microplan_model::rows::TestArm;

use super::error::ImportError;

/// Per-user values of a metric (revenue, order value) by arm, read from a CSV with an arm
/// column and a value column, for the Welch test and the bootstrap.
#[derive(Debug, Clone, PartialEq)]
pub struct PerUserValues {
    /// Arms in order of first appearance with their values.
    pub arms: Vec<(String, Vec<f64>)>,
}

/// One arm's name and values.
pub type ArmValues = (String, Vec<f64>);

impl PerUserValues {
    /// The control (an arm named control or holdout, else the first) and the first other arm.
    pub fn control_and_treatment(&self) -> Option<(&ArmValues, &ArmValues)> {
        let is_control = |name: &str| {
            let lower = name.to_lowercase();
            lower.contains("control") || lower.contains("holdout")
        };
        let control = self
            .arms
            .iter()
            .position(|(n, _)| is_control(n))
            .unwrap_or(0);
        let treatment = (0..self.arms.len()).find(|i| *i != control)?;
        Some((self.arms.get(control)?, self.arms.get(treatment)?))
    }
}

const ARM_HEADERS: [&str; 5] = ["arm", "group", "variant", "cell", "arm name"];
const VALUE_HEADERS: [&str; 8] = [
    "value",
    "revenue",
    "order value",
    "spend",
    "amount",
    "sales",
    "revenue per user",
    "metric",
];

/// Reads `arm,value` rows (headers matched by name, any delimiter the reader detects).
/// Every problem names the line and the fix; an empty value is refused rather than read as 0.
pub fn per_user_values(bytes: &[u8]) -> Result<PerUserValues, ImportError> {
    let table = microplan_csv::read::read_csv(bytes)?;
    let find = |names: &[&str]| super::headers::find_header(&table.headers, names);
    let arm_col = find(&ARM_HEADERS).ok_or_else(|| {
        ImportError::missing_column("the file needs an arm column (arm, group or variant)")
    })?;
    let value_col = find(&VALUE_HEADERS).ok_or_else(|| {
        ImportError::missing_column(
            "the file needs a value column (value, revenue, order value or spend)",
        )
    })?;
    let mut arms: Vec<(String, Vec<f64>)> = Vec::new();
    for row in &table.rows {
        let cell = |i: usize| row.cells.get(i).map(|c| c.trim()).unwrap_or("");
        let arm = cell(arm_col);
        if arm.is_empty() {
            return Err(ImportError::line(
                row.line,
                "the arm is empty; name the arm of every user",
            ));
        }
        let text = cell(value_col);
        if text.is_empty() {
            return Err(ImportError::line(
                row.line,
                "the value is empty; write 0 for users who did not buy",
            ));
        }
        let value =
            microplan_csv::number::parse_number(text, table.decimal_comma).map_err(|p| {
                ImportError::line(row.line, format!("“{text}” {}; {}", p.problem, p.fix))
            })?;
        match arms.iter_mut().find(|(name, _)| name == arm) {
            Some((_, values)) => values.push(value),
            None => arms.push((arm.to_string(), vec![value])),
        }
    }
    if arms.len() < 2 {
        return Err(ImportError::file(
            "the file needs rows for at least two arms",
        ));
    }
    Ok(PerUserValues { arms })
}

const CONVERSION_HEADERS: [&str; 8] = [
    "converted",
    "conversion",
    "purchased",
    "bought",
    "ordered",
    "signed up",
    "outcome",
    "success",
];

fn is_control_arm(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.contains("control") || lower.contains("holdout")
}

/// Reads one row per user (`arm`, `converted` as yes/no or 1/0) into arm totals for `test`.
/// The control is the arm named control or holdout; every problem names the line and the fix.
pub fn per_user_conversions(bytes: &[u8], test: &str) -> Result<Vec<TestArm>, ImportError> {
    let test = test.trim();
    if test.is_empty() {
        return Err(ImportError::file(
            "name the test first, e.g. “Spring email holdout”",
        ));
    }
    let table = microplan_csv::read::read_csv(bytes)?;
    let find = |names: &[&str]| super::headers::find_header(&table.headers, names);
    let arm_col = find(&ARM_HEADERS).ok_or_else(|| {
        ImportError::missing_column("the file needs an arm column (arm, group or variant)")
    })?;
    let converted_col = find(&CONVERSION_HEADERS)
        .ok_or_else(|| ImportError::missing_column("the file needs a converted column (converted, purchased or outcome) holding yes/no or 1/0"))?;
    let mut arms: Vec<TestArm> = Vec::new();
    for row in &table.rows {
        let cell = |i: usize| row.cells.get(i).map(|c| c.trim()).unwrap_or("");
        let arm = cell(arm_col);
        if arm.is_empty() {
            return Err(ImportError::line(
                row.line,
                "the arm is empty; name the arm of every user",
            ));
        }
        let text = cell(converted_col);
        let converted = microplan_csv::text::parse_bool(text).ok_or_else(|| {
            ImportError::line(
                row.line,
                format!(
                    "“{text}” in the converted column is not yes/no; write 1 or 0 for every user"
                ),
            )
        })?;
        let index = match arms.iter().position(|a| a.arm == arm) {
            Some(index) => index,
            None => {
                arms.push(TestArm {
                    test: test.to_string(),
                    arm: arm.to_string(),
                    is_control: is_control_arm(arm),
                    units: 0,
                    conversions: 0,
                    revenue: None,
                });
                arms.len() - 1
            }
        };
        if let Some(totals) = arms.get_mut(index) {
            totals.units += 1;
            totals.conversions += u64::from(converted);
        }
    }
    if arms.len() < 2 {
        return Err(ImportError::file(
            "the file needs users in at least two arms",
        ));
    }
    if arms.iter().filter(|a| a.is_control).count() != 1 {
        return Err(ImportError::file(
            "exactly one arm must be the control: name it “control” or “holdout”",
        ));
    }
    Ok(arms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_user_values_are_grouped_by_arm_and_problems_name_the_line() {
        let csv =
            b"user,Arm,Order Value\n1,control,0\n2,creator,12.5\n3,control,\"1,234.50\"\n4,creator,0\n";
        let read = per_user_values(csv).unwrap();
        assert_eq!(
            read.arms,
            vec![
                ("control".to_string(), vec![0.0, 1234.5]),
                ("creator".to_string(), vec![12.5, 0.0])
            ]
        );
        let (control, treatment) = read.control_and_treatment().unwrap();
        assert_eq!(
            (control.0.as_str(), treatment.0.as_str()),
            ("control", "creator")
        );
        assert!(per_user_values(b"arm,value\ncontrol,1\ncreator,\n")
            .unwrap_err()
            .to_string()
            .contains("line 3"));
        assert!(per_user_values(b"arm,value\ncontrol,abc\ncreator,1\n")
            .unwrap_err()
            .to_string()
            .contains("line 2"));
        assert!(per_user_values(b"arm,value\ncontrol,1\n")
            .unwrap_err()
            .to_string()
            .contains("two arms"));
        assert!(per_user_values(b"who,value\ncontrol,1\n")
            .unwrap_err()
            .to_string()
            .contains("arm column"));
    }

    #[test]
    fn per_user_conversion_rows_become_arm_totals() {
        // control: 3 users, 1 converted; creator: 2 users, 2 converted.
        let csv = b"user;Group;Purchased\n1;control;0\n2;creator;yes\n3;control;1\n4;control;no\n5;creator;1\n";
        let arms = per_user_conversions(csv, "Email test").unwrap();
        let totals: Vec<_> = arms
            .iter()
            .map(|a| (a.arm.as_str(), a.is_control, a.units, a.conversions))
            .collect();
        assert_eq!(
            totals,
            vec![("control", true, 3, 1), ("creator", false, 2, 2)]
        );
        assert!(arms
            .iter()
            .all(|a| a.test == "Email test" && a.revenue.is_none()));
    }

    #[test]
    fn per_user_conversion_problems_name_the_line_and_the_fix() {
        let bad = per_user_conversions(b"arm,converted\ncontrol,1\ncreator,maybe\n", "t")
            .unwrap_err()
            .to_string();
        assert!(
            bad.contains("line 3") && bad.contains("write 1 or 0"),
            "{bad}"
        );
        let no_control = per_user_conversions(b"arm,converted\na,1\nb,0\n", "t")
            .unwrap_err()
            .to_string();
        assert!(no_control.contains("name it “control”"), "{no_control}");
        assert!(per_user_conversions(b"arm,converted\ncontrol,1\n", "t")
            .unwrap_err()
            .to_string()
            .contains("two arms"));
        assert!(per_user_conversions(b"arm,revenue\ncontrol,1\nb,2\n", "t")
            .unwrap_err()
            .to_string()
            .contains("converted column"));
        assert!(
            per_user_conversions(b"arm,converted\ncontrol,1\nb,0\n", " ")
                .unwrap_err()
                .to_string()
                .contains("name the test")
        );
    }
}
