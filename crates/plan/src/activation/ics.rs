//! An iCalendar file (RFC 5545) of an activation's timeline: one all-day event per step,
//! and the posting window as one event spanning its days. Lines end with CRLF and are folded
//! at 75 octets; text escapes `\`, `;`, `,` and newlines.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use super::logistics::TimelineEvent;
use super::ActivationPlan;

const LINE_OCTETS: usize = 75;

/// `20270111`
fn ics_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// `20261201T074500Z`
fn ics_stamp(stamp: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        ics_date(stamp.date()),
        stamp.hour(),
        stamp.minute(),
        stamp.second()
    )
}

/// TEXT value escaping (RFC 5545 3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
    out
}

/// Folds one content line into lines of at most 75 octets, never splitting a character;
/// continuation lines start with one space (RFC 5545 3.1). Each line ends with CRLF.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

/// Letters and digits of a name, others as `-`, for stable UIDs.
fn slug(text: &str) -> String {
    let raw: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    raw.split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn all_day_event(
    out: &mut String,
    uid: &str,
    stamp: &str,
    start: NaiveDate,
    end_inclusive: NaiveDate,
    summary: &str,
    description: &str,
) {
    let end = end_inclusive.succ_opt().unwrap_or(end_inclusive);
    for line in [
        "BEGIN:VEVENT".to_string(),
        format!("UID:{uid}"),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", ics_date(start)),
        format!("DTEND;VALUE=DATE:{}", ics_date(end)),
        format!("SUMMARY:{}", escape_text(summary)),
        format!("DESCRIPTION:{}", escape_text(description)),
        "TRANSP:TRANSPARENT".to_string(),
        "END:VEVENT".to_string(),
    ] {
        out.push_str(&fold_line(&line));
    }
}

/// The calendar file for `plan`'s timeline. `stamp` is the time of export in UTC (DTSTAMP);
/// UIDs are stable, so importing an updated file again replaces the old events.
pub fn activation_calendar(
    plan: &ActivationPlan,
    events: &[TimelineEvent],
    stamp: NaiveDateTime,
) -> String {
    let stamp = ics_stamp(stamp);
    let plan_slug = slug(&plan.name);
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Microplan//Activation planner//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        out.push_str(&fold_line(line));
    }
    out.push_str(&fold_line(&format!(
        "X-WR-CALNAME:{}",
        escape_text(&plan.name)
    )));
    all_day_event(
        &mut out,
        &format!("{plan_slug}-window@microplan"),
        &stamp,
        plan.window_start,
        plan.window_end,
        &format!("{}: posting window ({})", plan.name, plan.community),
        &format!(
            "Goal: {} posts between {} and {}.",
            plan.target_posts, plan.window_start, plan.window_end
        ),
    );
    for (index, event) in events.iter().enumerate() {
        let who = event
            .creator
            .as_deref()
            .map(slug)
            .unwrap_or_else(|| "all".into());
        let uid = format!(
            "{plan_slug}-{}-{}-{who}-{index}@microplan",
            event.kind.as_str(),
            ics_date(event.date)
        );
        all_day_event(
            &mut out,
            &uid,
            &stamp,
            event.date,
            event.date,
            &format!("{}: {}", plan.name, event.title),
            &event.details,
        );
    }
    out.push_str(&fold_line("END:VCALENDAR"));
    out
}
