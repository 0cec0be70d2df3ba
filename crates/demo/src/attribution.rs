//! Attribution data of the demo's spring pilot, consistent with its results: each pilot
//! creator's code (made by hand in the shop before the pilot) is used as often as the
//! results say it was redeemed, within ten days of the creator's posts; the tagged links
//! get the results' clicks over the week after each post, with the orders the codes do not
//! explain as link conversions; a few survey answers name creators.
//!
//! One code has leaked: `HANA15` of highland_hana turns up on a coupon site in September,
//! long after the pilot, in a burst of orders shipped to countries outside her audience.

use chrono::{Duration, NaiveDate};

use crate::PILOT_CAMPAIGN;
use microplan_model::money::Money;
use microplan_model::random::SplitMix64;
use microplan_model::rows::{Creator, DeliverableResult, PipelineStatus};
use microplan_plan::attribution::{
    AttributionBook, CreatorCode, LinkClicks, ShopOrder, SurveyAnswer,
};
use microplan_plan::tracking::utm_value;

pub const LEAKED_CODE: &str = "HANA15";
const LEAKED_HANDLE: &str = "highland_hana";
const SEED: u64 = 0x6174_7472_6962_7574; // "attribut"
const PRICE: f64 = 24.5;
const CODES: [(&str, &str); 8] = [
    ("muddy_miles_tom", "TOMSPRING15"),
    ("ridge_runner_ava", "AVASPRING15"),
    ("kestrel_runs", "KESTREL15"),
    (LEAKED_HANDLE, LEAKED_CODE),
    ("levain_lotte", "LOTTE15"),
    ("the_crusty_kitchen", "CRUSTY15"),
    ("banneton_bea", "BEA15"),
    ("hearth_hugo", "HUGO15"),
];
const LEAK_COUNTRIES: [&str; 6] = ["CA", "AU", "BR", "ZA", "IN", "MX"];

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap_or_default()
}

fn order(
    number: u64,
    day: NaiveDate,
    codes: Vec<String>,
    quantity: u64,
    country: &str,
) -> ShopOrder {
    let gross = PRICE * quantity as f64;
    let discount = if codes.is_empty() {
        0.0
    } else {
        (gross * 0.15 * 100.0).round() / 100.0
    };
    let subtotal = ((gross - discount) * 100.0).round() / 100.0;
    ShopOrder {
        order_id: format!("#{number}"),
        date: day,
        codes,
        subtotal: Some(Money::new(subtotal, "EUR")),
        discount: Some(Money::new(discount, "EUR")),
        total: Some(Money::new(subtotal + 4.5, "EUR")),
        shipping_country: Some(country.to_string()),
        line_items: 1,
        quantity,
        cancelled: false,
        refunded: false,
    }
}

/// Where a creator's ordinary customers live: the top audience country, else home.
fn home_country(creator: &Creator) -> String {
    let top = creator
        .audience
        .countries
        .iter()
        .max_by(|a, b| a.share.total_cmp(&b.share));
    top.map(|s| s.key.clone())
        .or_else(|| creator.country.clone())
        .unwrap_or_else(|| "GB".into())
}

/// The demo's attribution book for `creators` and their pilot `results`.
pub fn attribution(creators: &[Creator], results: &[DeliverableResult]) -> AttributionBook {
    let mut rng = SplitMix64::new(SEED);
    let mut book = AttributionBook::default();
    let mut number = 4100u64;
    for creator in creators
        .iter()
        .filter(|c| c.status == PipelineStatus::Pilot)
    {
        let Some((_, code)) = CODES.iter().find(|(h, _)| *h == creator.handle) else {
            continue;
        };
        book.creator_codes.push(CreatorCode {
            code: code.to_string(),
            handle: creator.handle.clone(),
            campaign: Some(PILOT_CAMPAIGN.to_string()),
        });
        let country = home_country(creator);
        let own = results
            .iter()
            .filter(|r| r.handle == creator.handle && r.campaign == PILOT_CAMPAIGN);
        for result in own {
            let Some(posted) = result.date else { continue };
            let redemptions = result.code_redemptions.unwrap_or(0);
            for index in 0..redemptions {
                number += 1;
                let day = posted + Duration::days((index % 8) as i64);
                let quantity = 1 + rng.range_u64(0, 2);
                book.shop_orders.push(order(
                    number,
                    day,
                    vec![code.to_string()],
                    quantity,
                    &country,
                ));
            }
            add_link_clicks(&mut book, creator, result, posted);
        }
    }
    add_orders_without_code(&mut book, &mut number);
    add_leaked_orders(&mut book, &mut number);
    book.survey_answers = survey_answers();
    book
}

/// A week of visits from one post's tagged link; the orders its code does not explain
/// convert on the first day.
fn add_link_clicks(
    book: &mut AttributionBook,
    creator: &Creator,
    result: &DeliverableResult,
    posted: NaiveDate,
) {
    let redemptions = result.code_redemptions.unwrap_or(0);
    let clicks = result.link_clicks.unwrap_or(0);
    let link_orders = result.orders.unwrap_or(0).saturating_sub(redemptions);
    let content = format!(
        "{}_{}",
        utm_value(&creator.handle),
        utm_value(&result.deliverable)
    );
    // Clicks fade over the week after the post: 40%, 20%, 15%, 10%, 7%, 5%, rest.
    let shares = [0.4, 0.2, 0.15, 0.1, 0.07, 0.05];
    let mut left = clicks;
    for day in 0..7u64 {
        let sessions = match shares.get(day as usize) {
            Some(share) => ((clicks as f64 * share).round() as u64).min(left),
            None => left,
        };
        left -= sessions;
        let conversions = if day == 0 { link_orders } else { 0 };
        book.link_clicks.push(LinkClicks {
            date: posted + Duration::days(day as i64),
            utm_campaign: utm_value(PILOT_CAMPAIGN),
            utm_content: content.clone(),
            utm_source: Some(creator.platform.clone()),
            sessions,
            conversions: Some(conversions),
            revenue: Some(Money::new(conversions as f64 * PRICE, "EUR")),
        });
    }
}

/// Orders without a creator code over the same weeks.
fn add_orders_without_code(book: &mut AttributionBook, number: &mut u64) {
    for index in 0..24u64 {
        *number += 1;
        book.shop_orders.push(order(
            *number,
            date(4, 14) + Duration::days((index % 20) as i64),
            Vec::new(),
            1,
            "GB",
        ));
    }
}

/// The leak: nine orders on 14 September and five more that month, all far from her audience.
fn add_leaked_orders(book: &mut AttributionBook, number: &mut u64) {
    for index in 0..14u64 {
        *number += 1;
        let day = if index < 9 {
            date(9, 14)
        } else {
            date(9, 15 + index as u32)
        };
        let country = LEAK_COUNTRIES
            .get(index as usize % LEAK_COUNTRIES.len())
            .copied()
            .unwrap_or("CA");
        book.shop_orders.push(order(
            *number,
            day,
            vec![LEAKED_CODE.to_string()],
            1,
            country,
        ));
    }
}

/// Post-purchase survey answers on every third order from #4101.
fn survey_answers() -> Vec<SurveyAnswer> {
    let answers = [
        "Saw @levain_lotte's starter video",
        "Instagram",
        "highland hana's race report",
        "A friend at parkrun",
        "muddy_miles_tom",
        "Podcast ad",
        "the crusty kitchen on instagram",
        "Google",
    ];
    answers
        .iter()
        .enumerate()
        .map(|(index, answer)| SurveyAnswer {
            order_id: format!("#{}", 4101 + index * 3),
            answer: answer.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::demo_workspace;
    use microplan_workspace::attribution::leaks::{detect_leaks, LeakKind};
    use microplan_workspace::attribution::reconcile::reconcile;

    #[test]
    fn demo_attribution_matches_the_pilot_results_and_flags_one_leak() {
        let demo = demo_workspace();
        let book = &demo.attribution;
        assert_eq!(book.creator_codes.len(), 8);
        assert!(!book.link_clicks.is_empty() && !book.survey_answers.is_empty());
        let reconciliation = reconcile(&demo);
        for row in reconciliation.creators.iter().filter(|r| {
            r.codes
                .iter()
                .any(|c| book.creator_codes.iter().any(|k| &k.code == c))
        }) {
            let redeemed: u64 = demo
                .results
                .iter()
                .filter(|r| r.handle == row.handle)
                .filter_map(|r| r.code_redemptions)
                .sum();
            let leaked = if row.handle == super::LEAKED_HANDLE {
                14
            } else {
                0
            };
            // The leaked orders are set apart, so code orders are the pilot's redemptions.
            assert_eq!(row.code_orders, redeemed, "{}", row.handle);
            assert_eq!(row.leaked_orders, leaked, "{}", row.handle);
            let clicks: u64 = demo
                .results
                .iter()
                .filter(|r| r.handle == row.handle)
                .filter_map(|r| r.link_clicks)
                .sum();
            assert_eq!(row.sessions, clicks, "{}", row.handle);
        }
        let flags = detect_leaks(&demo);
        assert!(
            flags.iter().all(|f| f.code == super::LEAKED_CODE),
            "{flags:?}"
        );
        let kinds: Vec<LeakKind> = flags.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            vec![
                LeakKind::SpikeWithoutCause,
                LeakKind::OutsideAudience,
                LeakKind::LongAfterWindow
            ]
        );
        assert!(reconciliation.survey_answers == 8 && reconciliation.survey_unmatched == 4);
    }
}
