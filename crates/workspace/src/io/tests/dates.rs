//! Hand-checked date readings, and the per-column day/month decision.

use chrono::NaiveDate;

use crate::io::mapping::propose_mapping;
use crate::io::table::TableKind;
use crate::io::typed_rows::TypedRows;
use crate::io::validate::{validate, ImportOptions};
use microplan_csv::date::{read_date, DateOrder, DateReading};
use microplan_csv::read::read_csv;

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

#[test]
fn clear_dates() {
    let march_first = day(2026, 3, 1);
    for text in [
        "2026-03-01",
        "2026-3-1",
        "2026/03/01",
        "2026-03-01T10:00:00Z",
        "2026-03-01T10:00:00+02:00",
        "2026-03-01 10:00",
        "Mar 1, 2026",
        "March 1st, 2026",
        "1 Mar 2026",
        "1 march 2026",
        "01-Mar-2026",
        "Sun, 1 Mar 2026 10:00:00 GMT",
        "01.03.2026",
        "46082",
        "20260301",
    ] {
        assert_eq!(
            read_date(text),
            Ok(DateReading::Clear(march_first)),
            "{text:?}"
        );
    }
    assert_eq!(
        read_date("5/5/2026"),
        Ok(DateReading::Clear(day(2026, 5, 5)))
    );
    assert_eq!(
        read_date("Sept 9, 97"),
        Ok(DateReading::Clear(day(1997, 9, 9)))
    );
}

#[test]
fn numeric_dates_say_which_order_they_allow() {
    assert_eq!(
        read_date("01/03/2026"),
        Ok(DateReading::Ambiguous {
            day_first: day(2026, 3, 1),
            month_first: day(2026, 1, 3)
        })
    );
    assert_eq!(
        read_date("3/1/2026"),
        Ok(DateReading::Ambiguous {
            day_first: day(2026, 1, 3),
            month_first: day(2026, 3, 1)
        })
    );
    assert_eq!(
        read_date("13/01/2026"),
        Ok(DateReading::Ordered(day(2026, 1, 13), DateOrder::DayFirst))
    );
    assert_eq!(
        read_date("01/13/2026"),
        Ok(DateReading::Ordered(
            day(2026, 1, 13),
            DateOrder::MonthFirst
        ))
    );
    assert_eq!(
        read_date("3/1/26 09:15 PM").map(|r| r.in_order(DateOrder::MonthFirst)),
        Ok(day(2026, 3, 1))
    );
}

#[test]
fn impossible_dates_are_refused() {
    for text in [
        "31/02/2026",
        "13/13/2026",
        "2026-02-30",
        "soon",
        "2026",
        "1/2",
        "Smarch 1, 2026",
        "12345",
    ] {
        let problem = read_date(text).unwrap_err();
        assert!(problem.fix.contains("2026-03-01"), "{text:?}: {problem:?}");
    }
}

fn follower_dates(csv: &str, currency: &str) -> (Vec<NaiveDate>, Vec<String>, Vec<String>) {
    let table = read_csv(csv.as_bytes()).unwrap();
    let mapping = propose_mapping(TableKind::FollowerHistory, &table.headers);
    let options = ImportOptions {
        default_currency: currency.into(),
    };
    let preview = validate(TableKind::FollowerHistory, &table, &mapping, &options);
    let TypedRows::FollowerHistory(points) = preview.valid else {
        panic!()
    };
    let errors = preview.errors.iter().map(ToString::to_string).collect();
    (
        points.iter().map(|p| p.date).collect(),
        errors,
        preview.notes,
    )
}

#[test]
fn a_later_unambiguous_date_settles_the_column() {
    let csv = "handle,date,followers\na,03/04/2026,1\nb,05/06/2026,2\nc,04/25/2026,3\n";
    let (dates, errors, notes) = follower_dates(csv, "EUR");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(dates, [day(2026, 3, 4), day(2026, 5, 6), day(2026, 4, 25)]);
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].contains("month-first") && notes[0].contains("row 3"),
        "{notes:?}"
    );
}

#[test]
fn the_note_counts_every_ambiguous_date_not_only_those_before_the_evidence() {
    // Rows 1-2 ambiguous, row 3 settles month-first, then 1,200 more ambiguous rows.
    let mut csv =
        String::from("handle,date,followers\na,03/04/2026,1\nb,05/06/2026,2\nc,04/25/2026,3\n");
    for index in 0..1_200 {
        csv.push_str(&format!("d{index},02/03/2026,4\n"));
    }
    let (dates, errors, notes) = follower_dates(&csv, "EUR");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(dates.len(), 1_203);
    assert_eq!(
        dates.last(),
        Some(&day(2026, 2, 3)),
        "month-first after the evidence"
    );
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].starts_with("Column `date`: 1,202 date(s) such as `03/04/2026` could be day-first or month-first; read them month-first (mm/dd/yyyy) because row 3 has `04/25/2026`."),
        "{notes:?}"
    );
}

#[test]
fn ambiguous_columns_default_to_day_first_or_month_first_for_usd() {
    let csv = "handle,date,followers\na,03/04/2026,1\n";
    let (dates, _, notes) = follower_dates(csv, "EUR");
    assert_eq!(dates, [day(2026, 4, 3)]);
    assert!(notes[0].contains("day-first"), "{notes:?}");
    let (dates, _, notes) = follower_dates(csv, "USD");
    assert_eq!(dates, [day(2026, 3, 4)]);
    assert!(notes[0].contains("USD"), "{notes:?}");
}

#[test]
fn contradicting_orders_in_one_column_are_errors() {
    let csv = "handle,date,followers\na,13/04/2026,1\nb,04/14/2026,2\n";
    let (dates, errors, _) = follower_dates(csv, "EUR");
    assert_eq!(dates, [day(2026, 4, 13)]);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .starts_with("row 2 (line 3), column `date`: `04/14/2026` can only be month-first"),
        "{errors:?}"
    );
}

#[test]
fn dates_outside_the_years_microplan_works_with_are_cell_problems() {
    let old = read_date("01/02/1899").expect_err("refused");
    assert_eq!(
        old.problem,
        "`01/02/1899` is outside the dates Microplan works with, 1900-01-01 to 2200-12-31"
    );
    assert_eq!(old.fix, "check the year");
    assert!(read_date("2201-01-01").is_err());
    assert!(read_date("1900-01-01").is_ok());
    assert!(read_date("2200-12-31").is_ok());
}
