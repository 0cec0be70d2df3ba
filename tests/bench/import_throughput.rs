//! Native throughput of the CSV pipeline and the storage envelope on a large programme:
//! 5,000 creators with 30 posts each. Prints figures; asserts nothing about speed.

use std::time::Instant;

use microplan_csv::read::read_csv;
use microplan_workspace::io::apply::{apply_import, ImportMode};
use microplan_workspace::io::export::export_csv;
use microplan_workspace::io::mapping::propose_mapping;
use microplan_workspace::io::table::TableKind;
use microplan_workspace::io::validate::{validate, ImportOptions};
use microplan_workspace::store::{decode_workspace, encode_workspace};
use microplan_workspace::Workspace;

const CREATORS: usize = 5_000;
const POSTS_EACH: usize = 30;

fn posts_csv() -> String {
    let mut csv =
        String::from("Username,Post ID,Date,Format,Likes,Comments,Views,Reach,Shares,Saved\n");
    for creator in 0..CREATORS {
        for post in 0..POSTS_EACH {
            let likes = 100 + (creator * 7 + post * 13) % 5_000;
            csv.push_str(&format!(
                "@creator_{creator},{creator}-{post},2026-{:02}-{:02},reel,\"{}\",{},{}k,{},{},{}\n",
                1 + post % 12,
                1 + post % 28,
                thousands(likes),
                likes / 20,
                (likes * 3) as f64 / 1000.0,
                likes * 2,
                likes / 50,
                likes / 25,
            ));
        }
    }
    csv
}

/// `12345` -> `12,345`, as spreadsheets write counts.
fn thousands(value: usize) -> String {
    if value < 1000 {
        value.to_string()
    } else {
        format!("{},{:03}", value / 1000, value % 1000)
    }
}

fn timed<T>(label: &str, units: usize, unit: &str, work: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let result = work();
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{label:<44} {:>8.0} ms  {:>10.0} {unit}/s",
        seconds * 1000.0,
        units as f64 / seconds.max(1e-9)
    );
    result
}

fn main() {
    let csv = posts_csv();
    let rows = CREATORS * POSTS_EACH;
    println!("posts file: {rows} rows, {:.1} MB", csv.len() as f64 / 1e6);
    let table = timed("decode + parse (read_csv)", rows, "rows", || {
        read_csv(csv.as_bytes())
    });
    let Ok(table) = table else {
        println!("the generated file did not parse");
        return;
    };
    let mapping = propose_mapping(TableKind::Posts, &table.headers);
    let options = ImportOptions {
        default_currency: "EUR".into(),
    };
    let preview = timed("validate into typed rows", rows, "rows", || {
        validate(TableKind::Posts, &table, &mapping, &options)
    });
    println!(
        "  valid rows: {}, problems: {}",
        preview.valid_count(),
        preview.errors.len()
    );
    let mut workspace = Workspace::empty("Benchmark");
    timed("apply import (replace)", rows, "rows", || {
        apply_import(&mut workspace, preview.valid, ImportMode::Replace)
    });
    let text = timed("export_csv", rows, "rows", || {
        export_csv(TableKind::Posts, &workspace)
    });
    println!("  exported {:.1} MB", text.len() as f64 / 1e6);
    let stored = timed("encode workspace for storage", rows, "rows", || {
        encode_workspace(&workspace, "2026-11-22T00:00:00Z")
    });
    println!("  stored size {:.1} MB", stored.len() as f64 / 1e6);
    let loaded = timed("decode stored workspace", rows, "rows", || {
        decode_workspace(&stored)
    });
    println!(
        "  reload gives back {} posts",
        loaded.map(|w| w.posts.len()).unwrap_or(0)
    );
}
