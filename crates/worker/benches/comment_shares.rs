//! The comments import's work natively: one pass over a comments file, then the same file
//! in 2, 3 and 4 shares, by byte range and by creator, each share timed on its own (the
//! browser runs them side by side, so the slowest share is the wall time; the sum is what
//! the split costs in total). Both splits must give the report digest of one pass.
//! Usage: cargo bench -p microplan-worker --bench comment_shares -- <comments.csv> [--shares=N]
//! (`--shares=N` times only the splits into N shares).
//! (tests/bench/comments_browser.mjs --native writes the file and runs this).

use std::time::Instant;

use microplan_audit::comments::CommentSettings;
use microplan_worker::protocol::CommentShareResult;
use microplan_worker::{analyse_comment_range, analyse_comment_share, merge_shares};

fn main() {
    // Cargo passes `--bench`; the file is the other argument.
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        println!("usage: cargo bench -p microplan-worker --bench comment_shares -- <comments.csv>");
        return;
    };
    let Ok(bytes) = std::fs::read(&path) else {
        println!("{path} could not be read");
        return;
    };
    let settings = CommentSettings {
        salt: "0123456789abcdef".into(),
        ..CommentSettings::default()
    };
    let only: Option<u32> =
        std::env::args().find_map(|a| a.strip_prefix("--shares=").and_then(|n| n.parse().ok()));
    for shares in only.map_or(1..=4u32, |n| n..=n) {
        for by_range in [true, false] {
            if shares == 1 && by_range {
                continue;
            }
            let split = if by_range { "by range" } else { "by creator" };
            let run = |share: u32, progress: &mut dyn FnMut(f64)| {
                if by_range {
                    analyse_comment_range(&&bytes[..], share, shares, &settings, progress)
                } else {
                    analyse_comment_share(bytes.clone(), share, shares, &settings, progress)
                }
            };
            match time_shares(shares, run) {
                Ok(line) => println!("  {shares} share(s) {split}: {line}"),
                Err(error) => {
                    println!("the file could not be analysed: {error}");
                    return;
                }
            }
        }
    }
}

/// Runs every share one after the other and describes the times and the merged report.
fn time_shares(
    shares: u32,
    run: impl Fn(u32, &mut dyn FnMut(f64)) -> Result<CommentShareResult, String>,
) -> Result<String, String> {
    let mut times = Vec::new();
    let mut reading = Vec::new();
    let mut results = Vec::new();
    for share in 0..shares {
        let started = Instant::now();
        let mut read_at = None;
        let mut progress = |fraction: f64| {
            if fraction >= 0.4 && read_at.is_none() {
                read_at = Some(started.elapsed().as_secs_f64());
            }
        };
        results.push(run(share, &mut progress)?);
        times.push(started.elapsed().as_secs_f64());
        reading.push(read_at.unwrap_or(0.0));
    }
    let slowest = times.iter().copied().fold(0.0, f64::max);
    let sum: f64 = times.iter().sum();
    let read_mean = reading.iter().sum::<f64>() / reading.len().max(1) as f64;
    // A digest of the merged report: any change to a figure, flag or example changes it.
    let digest = match merge_shares(results) {
        Some(merged) => format!("{:016x}", fnv1a(format!("{merged:?}").as_bytes())),
        None => "none: the parts do not meet, the page reads by creator".to_string(),
    };
    Ok(format!(
        "slowest share {slowest:.2} s, all shares together {sum:.2} s, reading per share {read_mean:.2} s, report digest {digest}"
    ))
}

/// FNV-1a 64 of the report's debug text (floats print exactly, so equal digests mean equal
/// figures).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
