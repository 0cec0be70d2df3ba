//! Valid-but-extreme workspaces through loading and through every page's computations:
//! dates at the calendar's limits, counts up to `u64::MAX`, day counts up to `u32::MAX`,
//! amounts that are huge, negative or not numbers, empty and long texts, handles that are
//! only `@`, empty and repeated tables. Nothing may panic.
//!
//! 100,000 cases by default in an optimised build (`cargo test --profile fuzz --test
//! fuzz_workspace`, as `./scripts/test.sh` runs it); set
//! `FUZZ_CASES=10000000` for a long run.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use microplan_workspace::store::encode_workspace;
use microplan_workspace::store::validate::decode_workspace_file;
use microplan_workspace::Workspace;

mod edits;
mod pages;

/// 100,000 cases take about a minute in a release build; a debug build is about ten times
/// slower, so plain `cargo test` runs fewer (see README, "Input limits").
const DEFAULT_CASES: u32 = if cfg!(debug_assertions) {
    2_000
} else {
    100_000
};
/// The statistics run in one case of this many (they take milliseconds each).
const STATISTICS_EVERY: u32 = 200;
/// No page may take this long on a workspace of a few dozen rows (debug build).
const SLOW_CASE_MS: u128 = 2_000;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

/// The demo with each table cut to its first three rows: every page has something to show,
/// and a case costs well under a millisecond.
fn base() -> &'static Workspace {
    static BASE: OnceLock<Workspace> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut w = microplan_demo::demo_workspace();
        let keep = 2;
        w.creators.truncate(keep);
        let handles: Vec<String> = w.creators.iter().map(|c| c.handle.clone()).collect();
        let mine = |h: &String| handles.contains(h);
        w.posts.retain(|p| mine(&p.handle));
        w.posts.truncate(keep * 2);
        w.follower_history.retain(|p| mine(&p.handle));
        w.follower_history.truncate(keep * 2);
        w.comment_summaries.truncate(keep);
        w.communities.truncate(keep);
        w.results.truncate(keep * 2);
        w.test_arms.truncate(keep);
        w.test_days.truncate(keep * 4);
        w.activation_plans.truncate(2);
        w.gifting_history.truncate(keep * 2);
        w.contracts.truncate(2);
        w.programme.briefs.briefs.truncate(1);
        w.programme.tracking.links.truncate(keep);
        w.attribution.shop_orders.truncate(keep * 4);
        w.attribution.link_clicks.truncate(keep * 2);
        w.sentiment.truncate(keep);
        w
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN);
    let (min, max) = (
        NaiveDate::MIN.num_days_from_ce_checked(),
        NaiveDate::MAX.num_days_from_ce_checked(),
    );
    prop_oneof![
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        Just(ymd(1900, 1, 1)),
        Just(ymd(2200, 12, 31)),
        Just(ymd(1899, 12, 31)),
        Just(ymd(2201, 1, 1)),
        (1900i32..2201, 1u32..366)
            .prop_map(move |(y, d)| NaiveDate::from_yo_opt(y, d).unwrap_or(ymd(y, 1, 1))),
        (min..=max)
            .prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).unwrap_or(NaiveDate::MIN)),
    ]
}

/// Days since the common era of the calendar's limits, for any date between them.
trait DaysFromCe {
    fn num_days_from_ce_checked(self) -> i32;
}

impl DaysFromCe for NaiveDate {
    fn num_days_from_ce_checked(self) -> i32 {
        chrono::Datelike::num_days_from_ce(&self)
    }
}

fn count() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0u64),
        Just(1),
        Just(u64::MAX),
        Just(u64::MAX / 2 + 1),
        Just(1_000_000_000_000),
        Just(1_000_000_000_001),
        0u64..1000,
        any::<u64>(),
    ]
}

fn days() -> impl Strategy<Value = u32> {
    prop_oneof![
        Just(0u32),
        Just(1),
        Just(3660),
        Just(3661),
        Just(100_000_000),
        Just(u32::MAX),
        0u32..400,
        any::<u32>()
    ]
}

fn signed_days() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0i64),
        Just(-1),
        Just(366),
        Just(367),
        Just(100_000_000),
        Just(i64::MAX),
        Just(i64::MIN),
        any::<i64>()
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0f64),
        Just(-0.0),
        Just(0.5),
        Just(1.0),
        Just(-1.0),
        Just(1e12),
        Just(1e300),
        Just(-1e300),
        Just(f64::MIN_POSITIVE),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        -2.0f64..2.0,
        any::<f64>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("@".to_string()),
        Just("@@".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{feff}nora".to_string()),
        Just(" ".to_string()),
        Just("x".repeat(10_001)),
        ".{0,12}",
    ]
}

/// One extreme edit: which field (by number, wrapped to the fields the kind has), which row
/// (wrapped to the table's length) and the value.
#[derive(Debug, Clone)]
enum Edit {
    Date(u8, usize, NaiveDate),
    Count(u8, usize, u64),
    Days(u8, usize, u32),
    SignedDays(u8, i64),
    Number(u8, usize, f64),
    Text(u8, usize, String),
    /// Empties a table.
    Empty(u8),
    /// Repeats a table's rows up to this many.
    Grow(u8, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = || (any::<u8>(), 0usize..64);
    prop_oneof![
        (at(), date()).prop_map(|((f, r), v)| Edit::Date(f, r, v)),
        (at(), count()).prop_map(|((f, r), v)| Edit::Count(f, r, v)),
        (at(), days()).prop_map(|((f, r), v)| Edit::Days(f, r, v)),
        (any::<u8>(), signed_days()).prop_map(|(f, v)| Edit::SignedDays(f, v)),
        (at(), number()).prop_map(|((f, r), v)| Edit::Number(f, r, v)),
        (at(), text()).prop_map(|((f, r), v)| Edit::Text(f, r, v)),
        any::<u8>().prop_map(Edit::Empty),
        (any::<u8>(), 0usize..16).prop_map(|(t, n)| Edit::Grow(t, n)),
    ]
}

/// The edits, whether to start from an empty workspace, whether to run the statistics (one
/// case in `STATISTICS_EVERY`) and which Results period and grouping to compute.
fn workspace() -> impl Strategy<Value = (Vec<Edit>, bool, bool, u8)> {
    (
        proptest::collection::vec(edit(), 0..8),
        any::<bool>(),
        (0..STATISTICS_EVERY).prop_map(|n| n == 0),
        any::<u8>(),
    )
}

fn build(edits: &[Edit], empty_start: bool) -> Workspace {
    let mut w = if empty_start {
        Workspace::default()
    } else {
        base().clone()
    };
    for edit in edits {
        edits::apply(&mut w, edit);
    }
    w
}

/// Loading (encode, size and UTF-8 check, decode, validate) and every page's computations.
fn exercise(w: &Workspace, statistics: bool, period: u8) {
    let started = std::time::Instant::now();
    let bytes = encode_workspace(w, "2026-12-05T10:00:00Z").into_bytes();
    // A file that loads has passed `validate_workspace`; one that does not is refused with a
    // reason, never a panic.
    let _ = decode_workspace_file(&bytes);
    LOAD_MICROS.fetch_add(started.elapsed().as_micros() as u64, Ordering::Relaxed);
    let started = std::time::Instant::now();
    pages::compute_every_page(w, statistics, period);
    PAGES_MICROS.fetch_add(started.elapsed().as_micros() as u64, Ordering::Relaxed);
}

/// Time spent loading and computing pages, over all cases, for the summary line.
static LOAD_MICROS: AtomicU64 = AtomicU64::new(0);
static PAGES_MICROS: AtomicU64 = AtomicU64::new(0);

/// Runs `cases` cases with a runner of its own (a fresh random seed).
fn run_cases(cases: u32) -> Result<(), String> {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let slow_ms = std::env::var("FUZZ_SLOW_MS")
        .ok()
        .and_then(|v| v.parse::<u128>().ok());
    let result = runner.run(&workspace(), |(edits, empty_start, statistics, period)| {
        let case = std::time::Instant::now();
        exercise(&build(&edits, empty_start), statistics, period);
        // A slow case is a page that would hang: it fails like a panic.
        let took = case.elapsed();
        if slow_ms.is_some_and(|ms| took.as_millis() >= ms) {
            eprintln!("slow case {took:?}: {edits:?}");
        }
        prop_assert!(took.as_millis() < SLOW_CASE_MS, "a case took {took:?}");
        Ok(())
    });
    result.map_err(|error| error.to_string())
}

#[test]
fn extreme_workspaces_load_and_compute_without_panics() {
    let started = std::time::Instant::now();
    let cases = cases();
    // One runner per core: the cases are independent.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8) as u32;
    let failures: Vec<String> = std::thread::scope(|scope| {
        let runners: Vec<_> = (0..threads)
            .map(|index| {
                let share = cases / threads + u32::from(index < cases % threads);
                scope.spawn(move || run_cases(share))
            })
            .collect();
        runners
            .into_iter()
            .filter_map(|runner| match runner.join() {
                Ok(Ok(())) => None,
                Ok(Err(error)) => Some(error),
                Err(_) => Some("a runner panicked outside a case".to_string()),
            })
            .collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!(
        "fuzz_workspace: {cases} cases on {threads} threads in {:.1} s (loading {:.1} s, pages {:.1} s of CPU)",
        started.elapsed().as_secs_f64(),
        LOAD_MICROS.load(Ordering::Relaxed) as f64 / 1e6,
        PAGES_MICROS.load(Ordering::Relaxed) as f64 / 1e6,
    );
}
