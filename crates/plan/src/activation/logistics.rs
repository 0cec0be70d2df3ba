//! The logistics timeline of an activation: parcels leave so that everyone receives the
//! product on the same day, a week before the window opens; the brief goes out a week before
//! the first parcel; reminders fall just before the window, in its middle and near its end.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use microplan_model::rows::Creator;

use super::error::ActivationError;
use super::{records_of, ActivationPlan, Arrangement, GiftingRecord, ShippingTime};

/// Shipping days assumed for a country with no shipping time in the plan.
pub const DEFAULT_SHIPPING_DAYS: u32 = 7;
/// Days between sending the brief and the first parcel leaving (address checks, questions).
pub const BRIEF_LEAD_DAYS: i64 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    BriefSent,
    ShipBy,
    ProductArrives,
    Reminder,
    WindowOpens,
    WindowCloses,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::BriefSent => "brief",
            EventKind::ShipBy => "ship-by",
            EventKind::ProductArrives => "arrival",
            EventKind::Reminder => "reminder",
            EventKind::WindowOpens => "window-opens",
            EventKind::WindowCloses => "window-closes",
        }
    }
}

/// One dated step of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    pub date: NaiveDate,
    pub kind: EventKind,
    pub title: String,
    /// The creator a ship-by date is for; `None` for events that concern everyone.
    pub creator: Option<String>,
    pub country: Option<String>,
    pub details: String,
}

/// One person to ship to: handle and country (if known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub handle: String,
    pub arrangement: Arrangement,
    pub country: Option<String>,
}

/// The recipients of an activation from its records, with countries from the creators table.
pub fn recipients(
    plan: &ActivationPlan,
    records: &[GiftingRecord],
    creators: &[Creator],
) -> Vec<Recipient> {
    records_of(records, &plan.name)
        .map(|record| Recipient {
            handle: record.handle.clone(),
            arrangement: record.arrangement,
            country: creators
                .iter()
                .find(|c| super::same_name(&c.handle, &record.handle))
                .and_then(|c| c.country.clone()),
        })
        .collect()
}

/// Shipping days to `country` under the plan (unknown: [`DEFAULT_SHIPPING_DAYS`]).
pub fn shipping_days_to(times: &[ShippingTime], country: Option<&str>) -> (u32, bool) {
    country
        .and_then(|code| times.iter().find(|t| t.country.eq_ignore_ascii_case(code)))
        .map_or((DEFAULT_SHIPPING_DAYS, false), |t| (t.days, true))
}

fn days(n: i64) -> Duration {
    Duration::try_days(n).unwrap_or_else(Duration::zero)
}

fn event(date: NaiveDate, kind: EventKind, title: String, details: String) -> TimelineEvent {
    TimelineEvent {
        date,
        kind,
        title,
        creator: None,
        country: None,
        details,
    }
}

/// The timeline, sorted by date. Without recipients, one ship-by date per country of the
/// plan's shipping table stands in for the creators.
pub fn activation_timeline(
    plan: &ActivationPlan,
    recipients: &[Recipient],
) -> Result<Vec<TimelineEvent>, ActivationError> {
    if plan.window_end < plan.window_start {
        return Err(ActivationError::WindowEndsBeforeStart {
            activation: plan.name.clone(),
        });
    }
    let arrival = plan
        .window_start
        .checked_sub_signed(days(i64::from(plan.arrival_lead_days)))
        .ok_or(ActivationError::ArrivalOutOfRange)?;
    let mut events = Vec::new();
    let mut ship = |label: String,
                    creator: Option<String>,
                    country: Option<String>|
     -> Result<NaiveDate, ActivationError> {
        let (transit, known) = shipping_days_to(&plan.shipping_days, country.as_deref());
        let date = arrival
            .checked_sub_signed(days(i64::from(transit)))
            .ok_or(ActivationError::ShipByOutOfRange)?;
        let assumed = if known {
            ""
        } else {
            " (no shipping time for this country in the plan: assumed)"
        };
        events.push(TimelineEvent {
            date,
            kind: EventKind::ShipBy,
            title: format!("Ship to {label}"),
            creator,
            country: country.clone(),
            details: format!("{transit} days in transit{assumed}, to arrive on {arrival}."),
        });
        Ok(date)
    };
    let mut first_ship: Option<NaiveDate> = None;
    if recipients.is_empty() {
        for time in &plan.shipping_days {
            let date = ship(
                format!("creators in {}", time.country),
                None,
                Some(time.country.clone()),
            )?;
            first_ship = Some(first_ship.map_or(date, |d: NaiveDate| d.min(date)));
        }
    } else {
        for r in recipients {
            let label = format!("@{} ({})", r.handle, r.arrangement.as_str());
            let date = ship(label, Some(r.handle.clone()), r.country.clone())?;
            first_ship = Some(first_ship.map_or(date, |d: NaiveDate| d.min(date)));
        }
    }
    let first_ship = first_ship.unwrap_or(arrival);
    let brief = first_ship
        .checked_sub_signed(days(BRIEF_LEAD_DAYS))
        .ok_or(ActivationError::BriefOutOfRange)?;
    events.push(event(brief, EventKind::BriefSent, "Send the brief".into(),
        format!("Brief, posting window {} to {}, and address check, a week before the first parcel leaves.", plan.window_start, plan.window_end)));
    events.push(event(
        arrival,
        EventKind::ProductArrives,
        "Product arrives".into(),
        format!(
            "Every parcel should have arrived; {} days to use the product before posting.",
            plan.arrival_lead_days
        ),
    ));
    events.push(event(
        plan.window_start,
        EventKind::WindowOpens,
        format!("Posting window opens: {}", plan.name),
        format!(
            "Posts from {} to {}; goal: {} posts.",
            plan.window_start, plan.window_end, plan.target_posts
        ),
    ));
    events.push(event(
        plan.window_end,
        EventKind::WindowCloses,
        format!("Posting window closes: {}", plan.name),
        "Last day to post; record who posted in the gifting history.".into(),
    ));
    let mut reminders = Vec::new();
    if let Some(before) = plan.window_start.checked_sub_signed(days(2)) {
        reminders.push((before, "Reminder: the window opens in two days"));
    }
    let length = plan.window_days();
    if length >= 7 {
        if let Some(middle) = plan.window_start.checked_add_signed(days(length / 2)) {
            reminders.push((middle, "Reminder: halfway through the window"));
        }
    }
    if length >= 5 {
        if let Some(end) = plan.window_end.checked_sub_signed(days(2)) {
            reminders.push((end, "Reminder: two days left to post"));
        }
    }
    for (date, title) in reminders {
        events.push(event(
            date,
            EventKind::Reminder,
            title.into(),
            "A friendly nudge to creators who have not posted yet.".into(),
        ));
    }
    events.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.kind.cmp(&b.kind))
            .then(a.title.cmp(&b.title))
    });
    Ok(events)
}
