//! export -> read -> map -> validate -> replace gives back exactly the same table.
//!
//! The generators produce what the domain can hold after an import: text is trimmed and
//! never a missing marker (`n/a` would come back as "no value"), list items hold no list
//! separator, categories are lowercase, handles have no leading `@`. Within those limits
//! text is arbitrary: commas, quotes, newlines, leading `=`, `-`, `@`, `'` and any Unicode.

use microplan_model::limits::{MAX_AMOUNT, MAX_COUNT};
use std::collections::HashSet;

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::io::apply::{apply_import, ImportMode};
use crate::io::export::export_csv;
use crate::io::mapping::propose_mapping;
use crate::io::table::TableKind;
use crate::io::tables::{
    activation_plans::ActivationPlans, comment_summaries::CommentSummaries,
    communities::Communities, creators::Creators, follower_history::FollowerHistory,
    gifting_history::GiftingHistory, match_key, posts::Posts, results::Results,
    test_arms::TestArms, test_days::TestDays, ImportTable,
};
use crate::io::validate::{validate, ImportOptions};
use crate::Workspace;
use microplan_csv::read::read_csv;
use microplan_csv::text::{clean_handle, clean_platform, is_missing};
use microplan_model::money::Money;
use microplan_model::rows::{
    CommentSummary, Community, Creator, DeliverableResult, FollowerPoint, PipelineStatus, Post,
    TestArm,
};
use microplan_plan::activation::{ActivationPlan, Arrangement, GiftingRecord, ShippingTime};

pub(super) fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[=+@'\\-\\t]?[a-zA-Z0-9 ,;|\"'=+@\\-\\n\\r\\téü漢😀]{1,14}",
        "\\PC{1,8}",
        "[a-z]{1,8}",
    ]
    .prop_map(|raw| raw.trim().to_string())
    .prop_filter("import trims and reads markers as missing", |text| {
        !text.is_empty() && !is_missing(text)
    })
}

pub(super) fn optional_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

pub(super) fn handle() -> impl Strategy<Value = String> {
    text().prop_filter("a stored handle has no leading @", |h| {
        clean_handle(h) == *h
    })
}

fn platform() -> impl Strategy<Value = String> {
    text()
        .prop_map(|t| t.to_lowercase())
        .prop_filter("stored platforms are clean", |p| {
            clean_platform(p) == *p && !p.is_empty()
        })
}

fn list(lowercase: bool) -> impl Strategy<Value = Vec<String>> {
    let item = text().prop_filter_map("items hold no separator", move |item| {
        let item = if lowercase { item.to_lowercase() } else { item };
        let clean = !item.contains([';', '|', ','])
            && item.trim() == item
            && !item.is_empty()
            && !is_missing(&item);
        let stable = !lowercase || item.to_lowercase() == item;
        (clean && stable).then_some(item)
    });
    prop::collection::vec(item, 0..4)
}

pub(super) fn date() -> impl Strategy<Value = NaiveDate> {
    (1970i32..2100, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

/// Any count an import accepts, to its limit.
pub(super) fn count() -> impl Strategy<Value = u64> {
    prop_oneof![0..=MAX_COUNT, Just(MAX_COUNT), 0u64..1000]
}

/// Any number an import accepts, to its limits either way.
pub(super) fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        -MAX_AMOUNT..=MAX_AMOUNT,
        Just(MAX_AMOUNT),
        Just(-MAX_AMOUNT),
        -1e6f64..1e6,
        Just(0.1),
        Just(1200.5)
    ]
}

pub(super) fn money() -> impl Strategy<Value = Option<Money>> {
    prop::option::of(
        (finite(), "[A-Z]{3}").prop_map(|(amount, currency)| Money::new(amount, &currency)),
    )
}

fn fraction() -> impl Strategy<Value = f64> {
    prop_oneof![0.0f64..=1.0, Just(0.0), Just(1.0), Just(0.034)]
}

fn creator() -> impl Strategy<Value = Creator> {
    let identity = (
        handle(),
        platform(),
        optional_text(),
        count(),
        prop::option::of(count()),
    );
    let profile = (
        list(true),
        list(false),
        prop::option::of("[A-Z]{2}"),
        money(),
        optional_text(),
    );
    let pipeline = (
        prop::sample::select(PipelineStatus::ALL.to_vec()),
        prop::option::of(date()),
    );
    (identity, profile, pipeline).prop_map(
        |(
            (handle, platform, display_name, followers, following),
            (categories, communities, country, fee, contact),
            (status, account_created),
        )| {
            Creator {
                handle,
                platform,
                display_name,
                followers,
                following,
                categories,
                communities,
                country,
                fee,
                contact,
                status,
                account_created,
                audience: Default::default(),
            }
        },
    )
}

fn post() -> impl Strategy<Value = Post> {
    let counts = prop::collection::vec(prop::option::of(count()), 5);
    let head = (handle(), text(), date(), optional_text(), count(), count());
    let tail = (any::<bool>(), prop::option::of(any::<bool>()), list(false));
    (head, counts, tail).prop_map(
        |(
            (handle, post_id, date, format, likes, comments),
            counts,
            (sponsored, disclosure, topics),
        )| {
            let count = |i: usize| counts.get(i).copied().flatten();
            Post {
                handle,
                post_id,
                date,
                format: format.unwrap_or_default(),
                likes,
                comments,
                views: count(0),
                reach: count(1),
                impressions: count(2),
                shares: count(3),
                saves: count(4),
                sponsored,
                disclosure,
                topics,
            }
        },
    )
}

fn follower_point() -> impl Strategy<Value = FollowerPoint> {
    (handle(), date(), count()).prop_map(|(handle, date, followers)| FollowerPoint {
        handle,
        date,
        followers,
    })
}

fn comment_summary() -> impl Strategy<Value = CommentSummary> {
    let shares = (fraction(), fraction(), fraction(), fraction());
    let counts = (count(), count(), count(), any::<u32>());
    (handle(), text(), shares, counts).prop_map(
        |(handle, post_id, (g, e, s, d), (total, distinct, replies, depth))| CommentSummary {
            handle,
            post_id,
            total,
            generic_share: g,
            emoji_share: e,
            specific_share: s,
            duplicate_share: d,
            distinct_commenters: distinct,
            creator_replies: replies,
            max_thread_depth: depth,
        },
    )
}

fn community() -> impl Strategy<Value = Community> {
    (text(), optional_text(), list(false), optional_text()).prop_map(
        |(name, description, hashtags, where_online)| Community {
            name,
            description: description.unwrap_or_default(),
            hashtags,
            where_online,
        },
    )
}

fn deliverable_result() -> impl Strategy<Value = DeliverableResult> {
    let counts = prop::collection::vec(prop::option::of(count()), 10);
    let rest = (
        prop::option::of(date()),
        money(),
        money(),
        prop::option::of(any::<bool>()),
    );
    let parts = (money(), money(), money(), optional_text());
    ((text(), handle(), text()), counts, rest, parts).prop_map(
        |(
            (campaign, handle, deliverable),
            counts,
            (date, revenue, cost, disclosure),
            (fee, product_value, shipping, format),
        )| {
            let count = |i: usize| counts.get(i).copied().flatten();
            DeliverableResult {
                campaign,
                handle,
                deliverable,
                date,
                reach: count(0),
                views: count(1),
                impressions: count(2),
                likes: count(3),
                comments: count(4),
                shares: count(5),
                saves: count(6),
                link_clicks: count(7),
                code_redemptions: count(8),
                orders: count(9),
                revenue,
                cost,
                disclosure_present: disclosure,
                fee,
                product_value,
                shipping,
                format,
            }
        },
    )
}

fn test_arm() -> impl Strategy<Value = TestArm> {
    (text(), text(), any::<bool>(), count(), count(), money()).prop_map(
        |(test, arm, is_control, units, conversions, revenue)| TestArm {
            test,
            arm,
            is_control,
            units,
            conversions,
            revenue,
        },
    )
}

fn activation_plan() -> impl Strategy<Value = ActivationPlan> {
    let shipping = prop::collection::vec(("[A-Z]{2}", 0u32..=365), 0..4).prop_map(|times| {
        times
            .into_iter()
            .map(|(country, days)| ShippingTime { country, days })
            .collect::<Vec<_>>()
    });
    let identity = (
        text(),
        text(),
        date(),
        date(),
        count(),
        fraction(),
        fraction(),
    );
    let terms = (
        count(),
        count(),
        money(),
        money(),
        money(),
        money(),
        any::<u32>(),
        shipping,
        optional_text(),
    );
    (identity, terms).prop_map(
        |(
            (name, community, start, end, target, confidence, rate),
            (paid, gifted, product, shipping_cost, fee, paid_fee, lead, shipping_days, notes),
        )| {
            ActivationPlan {
                name,
                community,
                window_start: start,
                window_end: end,
                target_posts: target,
                confidence,
                posting_rate: rate,
                paid_creators: paid,
                gifted_creators: gifted,
                product_cost: product,
                shipping_cost,
                gifting_fee: fee,
                paid_fee,
                arrival_lead_days: lead,
                shipping_days,
                notes,
            }
        },
    )
}

fn gifting_record() -> impl Strategy<Value = GiftingRecord> {
    (
        text(),
        handle(),
        any::<bool>(),
        prop::option::of(date()),
        prop::option::of(any::<bool>()),
        prop::option::of(date()),
    )
        .prop_map(
            |(activation, handle, paid, shipped_on, posted, posted_on)| GiftingRecord {
                activation,
                handle,
                arrangement: if paid {
                    Arrangement::Paid
                } else {
                    Arrangement::Gifted
                },
                shipped_on,
                posted,
                posted_on,
            },
        )
}

fn test_day() -> impl Strategy<Value = microplan_uplift::daily::TestDay> {
    (text(), text(), date(), count(), count()).prop_map(|(test, arm, date, units, conversions)| {
        microplan_uplift::daily::TestDay {
            test,
            arm,
            date,
            units,
            conversions,
        }
    })
}

/// Keeps the first row of each key, as the import would insist.
pub(super) fn unique<T>(rows: Vec<T>, key: fn(&T) -> Vec<String>) -> Vec<T> {
    let mut seen = HashSet::new();
    rows.into_iter()
        .filter(|row| seen.insert(match_key(&key(row))))
        .collect()
}

fn workspace() -> impl Strategy<Value = Workspace> {
    let rows = 0..5usize;
    (
        prop::collection::vec(creator(), rows.clone()),
        prop::collection::vec(post(), rows.clone()),
        prop::collection::vec(follower_point(), rows.clone()),
        prop::collection::vec(comment_summary(), rows.clone()),
        prop::collection::vec(community(), rows.clone()),
        prop::collection::vec(deliverable_result(), rows.clone()),
        (
            prop::collection::vec(test_arm(), rows.clone()),
            prop::collection::vec(test_day(), rows.clone()),
        ),
        (
            prop::collection::vec(activation_plan(), rows.clone()),
            prop::collection::vec(gifting_record(), rows.clone()),
        ),
        (
            prop::collection::vec(tracking_link(), rows.clone()),
            prop::collection::vec(store_code(), rows),
        ),
        super::attribution_tables::attribution_book(),
    )
        .prop_map(
            |(
                creators,
                posts,
                follower_history,
                comment_summaries,
                communities,
                results,
                (test_arms, test_days),
                (activation_plans, gifting_history),
                (tracking_links, store_codes),
                attribution,
            )| Workspace {
                name: "Round trip".into(),
                creators: unique(creators, Creators::key).into(),
                posts: unique(posts, Posts::key).into(),
                follower_history: unique(follower_history, FollowerHistory::key).into(),
                comment_summaries: unique(comment_summaries, CommentSummaries::key).into(),
                communities: unique(communities, Communities::key).into(),
                results: unique(results, Results::key).into(),
                test_arms: unique(test_arms, TestArms::key).into(),
                test_days: unique(test_days, TestDays::key).into(),
                activation_plans: unique(activation_plans, ActivationPlans::key).into(),
                gifting_history: unique(gifting_history, GiftingHistory::key).into(),
                programme: tracking_programme(tracking_links, store_codes).into(),
                attribution: attribution.into(),
                flag_annotations: Vec::new().into(),
                ..Workspace::default()
            },
        )
}

/// The workspace with only `kind`'s table kept.
fn only(kind: TableKind, source: &Workspace) -> Workspace {
    let mut kept = Workspace::empty(&source.name);
    match kind {
        TableKind::Creators => kept.creators = source.creators.clone(),
        TableKind::Posts => kept.posts = source.posts.clone(),
        TableKind::FollowerHistory => kept.follower_history = source.follower_history.clone(),
        TableKind::CommentSummaries => kept.comment_summaries = source.comment_summaries.clone(),
        TableKind::Communities => kept.communities = source.communities.clone(),
        TableKind::Results => kept.results = source.results.clone(),
        TableKind::TestArms => kept.test_arms = source.test_arms.clone(),
        TableKind::TestDays => kept.test_days = source.test_days.clone(),
        TableKind::ActivationPlans => kept.activation_plans = source.activation_plans.clone(),
        TableKind::GiftingHistory => kept.gifting_history = source.gifting_history.clone(),
        TableKind::TrackingLinks => {
            kept.programme.tracking.links = source.programme.tracking.links.clone()
        }
        TableKind::StoreCodes => {
            kept.programme.tracking.store_codes = source.programme.tracking.store_codes.clone()
        }
        TableKind::ShopOrders => {
            kept.attribution.shop_orders = source.attribution.shop_orders.clone()
        }
        TableKind::LinkClicks => {
            kept.attribution.link_clicks = source.attribution.link_clicks.clone()
        }
        TableKind::SurveyAnswers => {
            kept.attribution.survey_answers = source.attribution.survey_answers.clone()
        }
        TableKind::CreatorCodes => {
            kept.attribution.creator_codes = source.attribution.creator_codes.clone()
        }
    }
    kept
}

fn round_trip(kind: TableKind, source: &Workspace) -> Result<(), TestCaseError> {
    let csv = export_csv(kind, source);
    let table = read_csv(csv.as_bytes())
        .map_err(|e| TestCaseError::fail(format!("{kind:?}: {e}\n{csv}")))?;
    prop_assert_eq!(table.delimiter, b',');
    let mapping = propose_mapping(kind, &table.headers);
    let preview = validate(kind, &table, &mapping, &ImportOptions::default());
    prop_assert!(
        preview.errors.is_empty(),
        "{:?}: {:?}\n{}",
        kind,
        preview.errors,
        csv
    );
    prop_assert_eq!(preview.total_rows, kind.row_count(source));
    let mut imported = Workspace::empty(&source.name);
    apply_import(&mut imported, preview.valid, ImportMode::Replace);
    prop_assert_eq!(imported, only(kind, source), "{:?}\n{}", kind, csv);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_table_round_trips_exactly(source in workspace()) {
        for kind in TableKind::ALL {
            round_trip(kind, &source)?;
        }
    }
}

fn tracking_link() -> impl Strategy<Value = microplan_plan::tracking::TrackingLink> {
    let maybe = || prop_oneof![Just(String::new()), text()];
    let url = (
        "[a-z0-9/]{0,8}",
        prop::option::of("[a-z]{1,4}=[a-z0-9%]{0,4}"),
        prop::option::of("[a-z/?]{1,4}"),
    )
        .prop_map(|(path, query, fragment)| {
            let mut url = format!("https://shop.example/{path}");
            if let Some(query) = query {
                url.push('?');
                url.push_str(&query);
            }
            if let Some(fragment) = fragment {
                url.push('#');
                url.push_str(&fragment);
            }
            url
        });
    (
        (
            text(),
            handle(),
            prop_oneof![Just(String::new()), platform()],
            text(),
            maybe(),
        ),
        (
            maybe(),
            maybe(),
            maybe(),
            maybe(),
            optional_text(),
            optional_text(),
        ),
        (url, optional_text(), prop::option::of(fraction())),
    )
        .prop_map(
            |(
                (campaign, handle, platform, deliverable, landing_page),
                (utm_source, utm_medium, utm_campaign, utm_content, utm_term, utm_id),
                (url, promo_code, discount),
            )| microplan_plan::tracking::TrackingLink {
                campaign,
                handle,
                platform,
                deliverable,
                landing_page,
                utm_source,
                utm_medium,
                utm_campaign,
                utm_content,
                utm_term,
                utm_id,
                url,
                promo_code,
                discount,
            },
        )
}

fn store_code() -> impl Strategy<Value = microplan_plan::tracking::StoreCode> {
    (text(), optional_text())
        .prop_map(|(code, note)| microplan_plan::tracking::StoreCode { code, note })
}

fn tracking_programme(
    links: Vec<microplan_plan::tracking::TrackingLink>,
    store_codes: Vec<microplan_plan::tracking::StoreCode>,
) -> microplan_plan::objectives::Programme {
    let mut programme = microplan_plan::objectives::Programme::default();
    programme.tracking.links = unique(links, |l| {
        vec![l.campaign.clone(), l.handle.clone(), l.deliverable.clone()]
    });
    programme.tracking.store_codes = unique(store_codes, |c| vec![c.code.clone()]);
    programme
}
