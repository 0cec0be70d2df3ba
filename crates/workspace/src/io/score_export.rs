//! The audit as CSV: one row per creator with the score, its interval, every component with
//! its interval and weight, the engagement rates and the flags, in the table's order.

use crate::audits::roster::RosterRow;
use microplan_audit::{ComponentKind, CreatorAudit};

use microplan_csv::csv_record::csv_record;

fn number(value: Option<f64>, decimals: usize) -> String {
    value
        .filter(|v| v.is_finite())
        .map(|v| format!("{v:.decimals$}"))
        .unwrap_or_default()
}

/// Header of the score export; component columns are `<component>_score`, `_low`, `_high`,
/// `_weight` (the share of the composite, a fraction) for every component.
pub fn score_export_header() -> Vec<String> {
    let mut header: Vec<String> = [
        "rank",
        "handle",
        "platform",
        "tier",
        "status",
        "shortlisted",
        "checks_done",
        "followers",
        "score",
        "score_low",
        "score_high",
        "mean_engagement_rate",
        "mean_engagement_rate_low",
        "mean_engagement_rate_high",
        "median_engagement_rate",
        "posts_used",
        "warnings",
        "flags",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for kind in ComponentKind::ALL {
        for part in ["score", "low", "high", "weight"] {
            header.push(format!("{}_{part}", kind.as_str()));
        }
    }
    header
}

/// CSV text (RFC 4180, rates as fractions) of `rows`, which index into `audits` by rank.
pub fn export_scores(audits: &[CreatorAudit], rows: &[&RosterRow]) -> String {
    let mut out = score_export_header().join(",");
    out.push_str("\r\n");
    for row in rows {
        let Some(audit) = row.rank.checked_sub(1).and_then(|i| audits.get(i)) else {
            continue;
        };
        let e = &audit.metrics.engagement;
        let flags: Vec<&str> = audit.flags.iter().map(|f| f.title.as_str()).collect();
        let mut cells = vec![
            row.rank.to_string(),
            audit.handle.clone(),
            row.platform.clone(),
            row.tier.as_str().to_string(),
            row.status.as_str().to_string(),
            row.shortlisted.to_string(),
            row.checks_done.to_string(),
            row.followers.to_string(),
            number(audit.score, 1),
            number(audit.score_interval.map(|i| i.low), 1),
            number(audit.score_interval.map(|i| i.high), 1),
            number(e.mean_rate_by_followers, 5),
            number(e.mean_rate_interval.map(|i| i.low), 5),
            number(e.mean_rate_interval.map(|i| i.high), 5),
            number(e.median_rate_by_followers, 5),
            e.posts_used.to_string(),
            row.warnings.to_string(),
            flags.join("; "),
        ];
        for kind in ComponentKind::ALL {
            let component = audit.components.iter().find(|c| c.kind == kind);
            cells.push(number(component.and_then(|c| c.score), 1));
            cells.push(number(component.and_then(|c| c.interval).map(|i| i.low), 1));
            cells.push(number(
                component.and_then(|c| c.interval).map(|i| i.high),
                1,
            ));
            cells.push(number(component.map(|c| c.effective_weight), 4));
        }
        out.push_str(&csv_record(&cells));
    }
    out
}
