//! The creator table: one row per audited creator with the user's own fields (status,
//! shortlist, checks), filtered and sorted without re-auditing, so it stays fast with
//! thousands of creators.

use std::cmp::Ordering;
use std::collections::HashMap;

use microplan_audit::flags::Severity;
use microplan_audit::review::VerificationCheck;
use microplan_audit::{handle_key, CreatorAudit, Tier};
use microplan_model::rows::PipelineStatus;
use crate::Workspace;

/// One row of the creator table.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterRow {
    /// Position in the audit list (best score first), 1-based.
    pub rank: usize,
    /// The rank shown: creators whose scores round to the same whole number share the rank
    /// of the first of them (1, 2, 2, 4), since the table shows them as equal.
    pub shown_rank: usize,
    /// True when another creator shares the shown rank (displayed as "=2").
    pub tied: bool,
    pub handle: String,
    pub display_name: Option<String>,
    pub platform: String,
    pub tier: Tier,
    pub communities: Vec<String>,
    pub status: PipelineStatus,
    pub shortlisted: bool,
    pub warnings: usize,
    pub notes: usize,
    pub checks_done: usize,
    pub followers: u64,
    pub score: Option<f64>,
    pub score_low: Option<f64>,
    pub score_high: Option<f64>,
    pub mean_rate: Option<f64>,
    pub median_rate: Option<f64>,
    /// Lowercase handle, display name and categories, for text search.
    search_text: String,
}

/// Builds the rows from an audit (in its order) and the workspace's creators and reviews.
pub fn roster_rows(audits: &[CreatorAudit], workspace: &Workspace) -> Vec<RosterRow> {
    let mut rows = rows_in_order(audits, workspace);
    share_tied_ranks(&mut rows);
    rows
}

/// Gives rows whose scores round to the same whole number the shown rank of the first.
fn share_tied_ranks(rows: &mut [RosterRow]) {
    let shown = |r: &RosterRow| r.score.map(|s| s.round() as i64);
    for i in 1..rows.len() {
        let (Some(above), Some(row)) = (rows.get(i - 1), rows.get(i)) else { continue };
        if shown(above).is_some() && shown(above) == shown(row) {
            let rank = above.shown_rank;
            for index in [i - 1, i] {
                if let Some(r) = rows.get_mut(index) {
                    r.tied = true;
                }
            }
            if let Some(r) = rows.get_mut(i) {
                r.shown_rank = rank;
            }
        }
    }
}

fn rows_in_order(audits: &[CreatorAudit], workspace: &Workspace) -> Vec<RosterRow> {
    let creators: HashMap<String, usize> = workspace
        .creators
        .iter()
        .enumerate()
        .map(|(i, c)| (handle_key(&c.handle), i))
        .collect();
    let reviews: HashMap<String, usize> = workspace
        .creator_reviews
        .iter()
        .enumerate()
        .map(|(i, r)| (handle_key(&r.handle), i))
        .collect();
    audits
        .iter()
        .enumerate()
        .map(|(index, audit)| {
            let key = handle_key(&audit.handle);
            let creator = creators.get(&key).and_then(|i| workspace.creators.get(*i));
            let review = reviews
                .get(&key)
                .and_then(|i| workspace.creator_reviews.get(*i));
            let warnings = audit
                .flags
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .count();
            let display_name = creator.and_then(|c| c.display_name.clone());
            let categories = creator.map(|c| c.categories.join(" ")).unwrap_or_default();
            RosterRow {
                rank: index + 1,
                shown_rank: index + 1,
                tied: false,
                handle: audit.handle.clone(),
                platform: creator.map(|c| c.platform.clone()).unwrap_or_default(),
                tier: audit.metrics.tier,
                communities: creator.map(|c| c.communities.clone()).unwrap_or_default(),
                status: creator.map(|c| c.status).unwrap_or_default(),
                shortlisted: review.is_some_and(|r| r.shortlisted),
                warnings,
                notes: audit.flags.len().saturating_sub(warnings),
                checks_done: review.map_or(0, |r| {
                    VerificationCheck::ALL.iter().filter(|c| r.has(**c)).count()
                }),
                followers: audit.metrics.followers,
                score: audit.score,
                score_low: audit.score_interval.map(|i| i.low),
                score_high: audit.score_interval.map(|i| i.high),
                mean_rate: audit.metrics.engagement.mean_rate_by_followers,
                median_rate: audit.metrics.engagement.median_rate_by_followers,
                search_text: format!(
                    "{} {} {}",
                    key,
                    display_name.as_deref().unwrap_or("").to_lowercase(),
                    categories.to_lowercase()
                ),
                display_name,
            }
        })
        .collect()
}

/// Which rows to show; empty fields do not filter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RosterFilter {
    pub tier: Option<Tier>,
    pub community: Option<String>,
    pub status: Option<PipelineStatus>,
    /// Only creators with at least one warning.
    pub flagged_only: bool,
    pub shortlisted_only: bool,
    /// Words that must all appear in the handle, display name or categories.
    pub text: String,
}

impl RosterFilter {
    pub fn accepts(&self, row: &RosterRow) -> bool {
        self.tier.is_none_or(|t| row.tier == t)
            && self.status.is_none_or(|s| row.status == s)
            && self
                .community
                .as_deref()
                .is_none_or(|c| row.communities.iter().any(|rc| rc.eq_ignore_ascii_case(c)))
            && (!self.flagged_only || row.warnings > 0)
            && (!self.shortlisted_only || row.shortlisted)
            && self
                .text
                .to_lowercase()
                .split_whitespace()
                .all(|word| row.search_text.contains(word.trim_start_matches('@')))
    }
}

/// Columns the table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Score,
    Handle,
    Followers,
    MeanRate,
    MedianRate,
    Warnings,
    Status,
    Checks,
}

impl SortKey {
    pub const ALL: [SortKey; 8] = [
        SortKey::Score,
        SortKey::Handle,
        SortKey::Followers,
        SortKey::MeanRate,
        SortKey::MedianRate,
        SortKey::Warnings,
        SortKey::Status,
        SortKey::Checks,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Score => "Score",
            SortKey::Handle => "Handle",
            SortKey::Followers => "Followers",
            SortKey::MeanRate => "Mean ER",
            SortKey::MedianRate => "Median ER",
            SortKey::Warnings => "Flags",
            SortKey::Status => "Status",
            SortKey::Checks => "Checks",
        }
    }

    /// The direction a first click sorts in: numbers biggest first, text A to Z.
    pub fn default_descending(self) -> bool {
        !matches!(self, SortKey::Handle | SortKey::Status)
    }
}

/// Missing values sort last in both directions.
fn compare_optional(a: Option<f64>, b: Option<f64>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) if descending => y.total_cmp(&x),
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn status_order(status: PipelineStatus) -> usize {
    PipelineStatus::ALL
        .iter()
        .position(|s| *s == status)
        .unwrap_or(0)
}

/// Indices of the rows that pass `filter`, sorted by `key` (ties keep the audit's rank).
pub fn filter_and_sort(
    rows: &[RosterRow],
    filter: &RosterFilter,
    key: SortKey,
    descending: bool,
) -> Vec<usize> {
    let mut picked: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| filter.accepts(r))
        .map(|(i, _)| i)
        .collect();
    let flip = |o: Ordering| if descending { o.reverse() } else { o };
    picked.sort_by(|&a, &b| {
        let (Some(x), Some(y)) = (rows.get(a), rows.get(b)) else {
            return Ordering::Equal;
        };
        let primary = match key {
            SortKey::Score => compare_optional(x.score, y.score, descending),
            SortKey::MeanRate => compare_optional(x.mean_rate, y.mean_rate, descending),
            SortKey::MedianRate => compare_optional(x.median_rate, y.median_rate, descending),
            SortKey::Handle => flip(x.handle.to_lowercase().cmp(&y.handle.to_lowercase())),
            SortKey::Followers => flip(x.followers.cmp(&y.followers)),
            SortKey::Warnings => flip(x.warnings.cmp(&y.warnings)),
            SortKey::Status => flip(status_order(x.status).cmp(&status_order(y.status))),
            SortKey::Checks => flip(x.checks_done.cmp(&y.checks_done)),
        };
        primary.then(x.rank.cmp(&y.rank))
    });
    picked
}

/// The distinct community names of the workspace's creators, sorted, for the filter.
pub fn community_names(workspace: &Workspace) -> Vec<String> {
    let mut names: Vec<String> = workspace
        .creators
        .iter()
        .flat_map(|c| c.communities.iter().cloned())
        .collect();
    names.sort_by_key(|n| n.to_lowercase());
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audits::audit_workspace;
    use microplan_audit::AuditSettings;
    use microplan_demo::demo_workspace;

    fn demo_rows() -> (Workspace, Vec<RosterRow>) {
        let mut w = demo_workspace();
        w.set_shortlisted("crumb_theory", true);
        w.set_status("crumb_theory", PipelineStatus::Ambassador);
        let audits = audit_workspace(&w, &AuditSettings::default());
        let rows = roster_rows(&audits, &w);
        (w, rows)
    }

    #[test]
    fn rows_follow_the_audit_and_carry_the_users_fields() {
        let (w, rows) = demo_rows();
        assert_eq!(rows.len(), w.creators.len());
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r.rank, i + 1);
            let tied_above = i > 0 && rows[i - 1].score.map(f64::round) == r.score.map(f64::round);
            assert_eq!(r.shown_rank == i + 1, !tied_above, "{}", r.handle);
        }
        let crumb = rows.iter().find(|r| r.handle == "crumb_theory").unwrap();
        assert!(crumb.shortlisted);
        assert_eq!(crumb.status, PipelineStatus::Ambassador);
    }

    #[test]
    fn equal_shown_scores_share_a_rank() {
        let (_, mut rows) = demo_rows();
        let scores = [Some(80.2), Some(79.6), Some(79.9), Some(70.0)];
        for (row, (i, score)) in rows.iter_mut().zip(scores.iter().enumerate()) {
            (row.rank, row.shown_rank, row.tied, row.score) = (i + 1, i + 1, false, *score);
        }
        rows.truncate(4);
        share_tied_ranks(&mut rows);
        let ranks: Vec<(usize, usize, bool)> =
            rows.iter().map(|r| (r.rank, r.shown_rank, r.tied)).collect();
        assert_eq!(ranks, vec![(1, 1, true), (2, 1, true), (3, 1, true), (4, 4, false)]);
    }

    #[test]
    fn filters_combine() {
        let (_, rows) = demo_rows();
        let all = filter_and_sort(&rows, &RosterFilter::default(), SortKey::Score, true);
        assert_eq!(all.len(), rows.len());
        let short = RosterFilter {
            shortlisted_only: true,
            ..Default::default()
        };
        let picked = filter_and_sort(&rows, &short, SortKey::Score, true);
        assert_eq!(
            picked
                .iter()
                .map(|i| rows[*i].handle.as_str())
                .collect::<Vec<_>>(),
            vec!["crumb_theory"]
        );
        let flagged = RosterFilter {
            flagged_only: true,
            ..Default::default()
        };
        let flagged_rows = filter_and_sort(&rows, &flagged, SortKey::Score, true);
        assert!(flagged_rows
            .iter()
            .any(|i| rows[*i].handle == "peakpace_lena"));
        assert!(flagged_rows.iter().all(|i| rows[*i].warnings > 0));
        let micro = RosterFilter {
            tier: Some(Tier::Micro),
            text: "@PEAKPACE".into(),
            ..Default::default()
        };
        let found = filter_and_sort(&rows, &micro, SortKey::Score, true);
        assert!(found
            .iter()
            .all(|i| rows[*i].tier == Tier::Micro && rows[*i].handle.contains("peakpace")));
        assert!(!found.is_empty());
        let nobody = RosterFilter {
            text: "no such creator".into(),
            ..Default::default()
        };
        assert!(filter_and_sort(&rows, &nobody, SortKey::Score, true).is_empty());
    }

    #[test]
    fn sorting_by_each_key_orders_the_rows() {
        let (_, rows) = demo_rows();
        let by_followers =
            filter_and_sort(&rows, &RosterFilter::default(), SortKey::Followers, true);
        assert!(by_followers
            .windows(2)
            .all(|w| rows[w[0]].followers >= rows[w[1]].followers));
        let by_handle = filter_and_sort(&rows, &RosterFilter::default(), SortKey::Handle, false);
        assert!(by_handle
            .windows(2)
            .all(|w| rows[w[0]].handle.to_lowercase() <= rows[w[1]].handle.to_lowercase()));
        let by_score_up = filter_and_sort(&rows, &RosterFilter::default(), SortKey::Score, false);
        let first = &rows[by_score_up[0]];
        assert_eq!(
            first.handle, "peakpace_lena",
            "the lowest score first when ascending"
        );
        for key in SortKey::ALL {
            assert_eq!(
                filter_and_sort(&rows, &RosterFilter::default(), key, true).len(),
                rows.len()
            );
        }
    }

    #[test]
    fn missing_values_sort_last_either_way() {
        // Hand-made: scores 40, none, 70 -> descending 70, 40, none; ascending 40, 70, none.
        assert_eq!(compare_optional(Some(1.0), None, true), Ordering::Less);
        assert_eq!(compare_optional(Some(1.0), None, false), Ordering::Less);
        assert_eq!(
            compare_optional(Some(1.0), Some(2.0), true),
            Ordering::Greater
        );
    }
}
