//! Scoring throughput, natively: audit 5,000 creators x 30 posts, and analyse 900,000 raw
//! comments (1,000 creators x 900). Prints figures; asserts nothing about speed.

use std::time::Instant;

use microplan_audit::comments::{analyse_comments, CommentSettings, RawComment};
use microplan_audit::AuditSettings;
use microplan_model::random::SplitMix64;
use microplan_workspace::audits::audit_workspace;

mod synthetic;
use synthetic::synthetic_workspace;

fn audit_of_5000_creators_with_30_posts() {
    let workspace = synthetic_workspace(5_000, 30);
    let clock = Instant::now();
    let audits = audit_workspace(&workspace, &AuditSettings::default());
    let elapsed = clock.elapsed();
    println!(
        "audit of {} creators x 30 posts: {:.0} ms ({:.0} creators/s)",
        audits.len(),
        elapsed.as_secs_f64() * 1000.0,
        audits.len() as f64 / elapsed.as_secs_f64().max(1e-9)
    );
}

fn comment_analysis_of_900k_comments() {
    const TEXTS: [&str; 8] = [
        "nice pic",
        "love this!!",
        "🔥🔥",
        "What flour do you use for the rye?",
        "so cute",
        "the crumb on this loaf is unreal, how long was the bulk",
        "Génial",
        "great shot of the ridge",
    ];
    let mut rng = SplitMix64::new(7);
    let creators: Vec<Vec<RawComment>> = (0..1_000)
        .map(|_| {
            (0..900)
                .map(|i| RawComment {
                    post_id: format!("p{}", i / 30),
                    comment_id: Some(format!("c{i}")),
                    commenter: format!("user{}", rng.range_u64(0, 400)),
                    text: format!(
                        "{} {}",
                        rng.pick(&TEXTS).copied().unwrap_or(""),
                        if i % 3 == 0 {
                            format!("#{i}")
                        } else {
                            String::new()
                        }
                    ),
                    is_creator_reply: i % 10 == 0,
                    parent: (i % 10 == 0).then(|| format!("c{}", i - 1)),
                })
                .collect()
        })
        .collect();
    let settings = CommentSettings {
        salt: "bench".into(),
        ..CommentSettings::default()
    };
    let clock = Instant::now();
    let mut summaries = 0;
    for (index, rows) in creators.iter().enumerate() {
        summaries += analyse_comments(&format!("creator_{index}"), rows, &settings)
            .summaries
            .len();
    }
    let elapsed = clock.elapsed().as_secs_f64();
    println!(
        "comment analysis of 900,000 comments into {summaries} post summaries: {:.0} ms ({:.0} comments/s)",
        elapsed * 1000.0,
        900_000.0 / elapsed.max(1e-9)
    );
}

/// The comment files of `tests/bench/creators_browser.mjs`, built the same way, so the native
/// and the browser figures are on the same data. With `unique_specific`, each specific comment
/// is unique within its creator (but built from five templates); without it, a creator's
/// specific comments repeat on every post.
fn browser_bench_comments_csv(unique_specific: bool) -> String {
    const SPECIFIC: [&str; 5] = [
        "Which flour did you use for this loaf?",
        "How long did you let the dough rest before shaping it?",
        "That hill section at the end looked brutal, what shoes were you wearing?",
        "Tried your starter tip yesterday and the crumb came out so much more open",
        "Do you think this route works in winter with the mud on the ridge?",
    ];
    const GENERIC: [&str; 6] = [
        "nice pic",
        "love this",
        "so cute",
        "amazing",
        "great post",
        "wow",
    ];
    const EMOJI: [&str; 4] = ["🔥🔥", "😍", "👏👏👏", "❤️"];
    let mut out = String::from(
        "creator,post id,comment id,commenter,comment,is creator reply,parent comment\n",
    );
    for c in 0..1_000usize {
        for p in 0..30usize {
            for k in 0..30usize {
                let pick = (c * 7 + p * 13 + k * 31) % 10;
                let text = if pick < 4 {
                    let template = SPECIFIC[(p + k) % SPECIFIC.len()];
                    if unique_specific {
                        format!("{template} (post {p}, {k})")
                    } else {
                        format!("{template} ({k})")
                    }
                } else if pick < 8 {
                    GENERIC[k % GENERIC.len()].to_string()
                } else {
                    EMOJI[k % EMOJI.len()].to_string()
                };
                let reply = k % 10 == 9;
                let who = if reply {
                    format!("creator_{c}")
                } else {
                    format!("fan_{c}_{}", (p * 7 + k * 3) % 120)
                };
                let parent = if reply {
                    format!("{c}-{p}-{}", k - 1)
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "creator_{c},{c}-{p},{c}-{p}-{k},{who},\"{text}\",{},{parent}\n",
                    if reply { "yes" } else { "no" }
                ));
            }
        }
    }
    out
}

fn comment_import_of_the_browser_bench_file(unique_specific: bool) {
    use microplan_audit::comment_import::{analyse_creator, group_by_creator};
    use microplan_workspace::io::raw_comments::CommentFile;
    let csv = browser_bench_comments_csv(unique_specific);
    let clock = Instant::now();
    // Read a chunk at a time, as the page does.
    let Ok(mut file) = CommentFile::open(csv.as_bytes()) else {
        println!("the browser bench comments file did not read");
        return;
    };
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    while !file.is_done() {
        file.read_chunk(50_000, &mut rows, &mut errors);
    }
    let read = clock.elapsed().as_secs_f64();
    let count = rows.len();
    let settings = CommentSettings {
        salt: "bench".into(),
        ..CommentSettings::default()
    };
    let summaries: usize = group_by_creator(rows)
        .iter()
        .map(|g| analyse_creator(g, &settings).summaries.len())
        .sum();
    let total = clock.elapsed().as_secs_f64();
    println!(
        "comment import of the browser bench file, specific comments {} ({:.1} MB, {count} comments, {} rows skipped) \
         into {summaries} post summaries: {:.0} ms (reading the file {:.0} ms, analysis {:.0} ms)",
        if unique_specific { "unique within each creator" } else { "repeated across posts" },
        csv.len() as f64 / 1e6,
        errors.len(),
        total * 1000.0,
        read * 1000.0,
        (total - read) * 1000.0
    );
}

fn main() {
    audit_of_5000_creators_with_30_posts();
    comment_analysis_of_900k_comments();
    comment_import_of_the_browser_bench_file(false);
    comment_import_of_the_browser_bench_file(true);
}
