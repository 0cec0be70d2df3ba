//! An activation's logistics timeline as CSV, for a shipping or project spreadsheet.

use microplan_csv::csv_record::csv_record;
use microplan_plan::activation::logistics::TimelineEvent;

/// The timeline as CSV (comma, CRLF): date, event, title, creator, country, details.
pub fn timeline_csv(events: &[TimelineEvent]) -> String {
    let mut out = csv_record(&["date", "event", "title", "creator", "country", "details"]);
    for e in events {
        out.push_str(&csv_record(&[
            microplan_csv::date::format_date(e.date),
            e.kind.as_str().to_string(),
            e.title.clone(),
            e.creator.clone().unwrap_or_default(),
            e.country.clone().unwrap_or_default(),
            e.details.clone(),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use microplan_plan::activation::logistics::EventKind;

    #[test]
    fn timeline_rows_are_dated_guarded_and_quoted() {
        let date = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        let events = [
            TimelineEvent {
                date: date(21),
                kind: EventKind::BriefSent,
                title: "Send the brief".into(),
                creator: None,
                country: None,
                details: "to everyone".into(),
            },
            TimelineEvent {
                date: date(28),
                kind: EventKind::ShipBy,
                title: "Ship to @c (gifted)".into(),
                creator: Some("c".into()),
                country: Some("FR".into()),
                details: "=1+1, by post".into(),
            },
        ];
        assert_eq!(
            timeline_csv(&events),
            "date,event,title,creator,country,details\r\n\
             2026-12-21,brief,Send the brief,,,to everyone\r\n\
             2026-12-28,ship-by,Ship to @c (gifted),c,FR,\"'=1+1, by post\"\r\n"
        );
    }
}
