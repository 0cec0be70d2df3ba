//! The creator table: one row per audited creator with the user's own fields (status,
//! shortlist, checks), filtered and sorted without re-auditing, so it stays fast with
//! thousands of creators.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::Workspace;
use microplan_audit::flags::Severity;
use microplan_audit::review::VerificationCheck;
use microplan_audit::{handle_key, CreatorAudit, Tier};
use microplan_model::rows::PipelineStatus;

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
        let (Some(above), Some(row)) = (rows.get(i - 1), rows.get(i)) else {
            continue;
        };
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

    /// A row with only the fields ranking reads; the rest blank.
    fn ranked_row(rank: usize, score: Option<f64>) -> RosterRow {
        RosterRow {
            rank,
            shown_rank: rank,
            tied: false,
            handle: format!("creator_{rank}"),
            display_name: None,
            platform: "instagram".into(),
            tier: Tier::Micro,
            communities: Vec::new(),
            status: PipelineStatus::default(),
            shortlisted: false,
            warnings: 0,
            notes: 0,
            checks_done: 0,
            followers: 0,
            score,
            score_low: None,
            score_high: None,
            mean_rate: None,
            median_rate: None,
            search_text: String::new(),
        }
    }

    #[test]
    fn equal_shown_scores_share_a_rank() {
        let scores = [Some(80.2), Some(79.6), Some(79.9), Some(70.0)];
        let mut rows: Vec<RosterRow> = scores
            .iter()
            .enumerate()
            .map(|(i, score)| ranked_row(i + 1, *score))
            .collect();
        share_tied_ranks(&mut rows);
        let ranks: Vec<(usize, usize, bool)> = rows
            .iter()
            .map(|r| (r.rank, r.shown_rank, r.tied))
            .collect();
        assert_eq!(
            ranks,
            vec![(1, 1, true), (2, 1, true), (3, 1, true), (4, 4, false)]
        );
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
