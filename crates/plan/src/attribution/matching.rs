//! Who a code, a tagged visit or a survey answer belongs to.
//!
//! - Codes: a creator's promo codes are those of their tracking links plus the codes listed
//!   as made elsewhere; compared without case. A code listed for two creators stays with the
//!   first one listed (tracking links first).
//! - Visits: a row matches the tracking link with the same `utm_campaign` and `utm_content`
//!   (without case; a row without a campaign matches on content alone). Failing that, a
//!   `utm_content` that is the creator's handle, or starts with it followed by `_` (the
//!   links this app makes are `handle_piece`), belongs to that creator; the longest such
//!   handle wins.
//! - Survey answers: an answer mentions a creator when it contains the handle (with or
//!   without `@`) or the display name as whole words, without case. An answer naming two
//!   creators counts for both.

use crate::tracking::{utm_value, TrackingBook};
use microplan_model::rows::Creator;

use super::{CreatorCode, LinkClicks, SurveyAnswer};

/// One promo code and the creator it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeOwner {
    /// Uppercase.
    pub code: String,
    pub handle: String,
    pub campaign: Option<String>,
}

/// Every known creator code, tracking links first, one owner per code.
pub fn code_owners(tracking: &TrackingBook, extra: &[CreatorCode]) -> Vec<CodeOwner> {
    let from_links = tracking.links.iter().filter_map(|link| {
        link.promo_code.as_ref().map(|code| {
            (
                code.as_str(),
                link.handle.as_str(),
                Some(link.campaign.as_str()),
            )
        })
    });
    let from_extra = extra
        .iter()
        .map(|c| (c.code.as_str(), c.handle.as_str(), c.campaign.as_deref()));
    let mut owners: Vec<CodeOwner> = Vec::new();
    for (code, handle, campaign) in from_links.chain(from_extra) {
        let code = code.trim().to_uppercase();
        let handle = handle.trim().trim_start_matches('@');
        if code.is_empty() || handle.is_empty() || owners.iter().any(|o| o.code == code) {
            continue;
        }
        owners.push(CodeOwner {
            code,
            handle: handle.to_string(),
            campaign: campaign
                .map(str::to_string)
                .filter(|c| !c.trim().is_empty()),
        });
    }
    owners
}

/// The handle a visits row belongs to, if any (module docs).
pub fn creator_for_click<'a>(
    row: &LinkClicks,
    tracking: &'a TrackingBook,
    handles: &[&'a str],
) -> Option<&'a str> {
    let content = row.utm_content.trim();
    let campaign = row.utm_campaign.trim();
    if content.is_empty() {
        return None;
    }
    let tracked = tracking.links.iter().find(|link| {
        link.utm_content.eq_ignore_ascii_case(content)
            && (campaign.is_empty() || link.utm_campaign.eq_ignore_ascii_case(campaign))
    });
    if let Some(link) = tracked {
        return Some(link.handle.as_str());
    }
    let value = utm_value(content);
    handles
        .iter()
        .copied()
        .filter(|handle| {
            let own = utm_value(handle);
            !own.is_empty()
                && (value == own
                    || value
                        .strip_prefix(&own)
                        .is_some_and(|rest| rest.starts_with('_')))
        })
        .max_by_key(|handle| utm_value(handle).len())
}

/// Mentions per creator (in `creators` order) and answers that name nobody.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SurveyTally {
    pub mentions: Vec<(String, u64)>,
    pub unmatched: u64,
    pub answers: u64,
}

/// Whether `needle` occurs in `haystack` (both lowercase) with no letter, digit or `_` on
/// either side.
fn contains_word(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    haystack.match_indices(needle).any(|(start, _)| {
        let before = haystack.get(..start).and_then(|h| h.chars().next_back());
        let after = haystack
            .get(start + needle.len()..)
            .and_then(|h| h.chars().next());
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

fn mentions(answer: &str, creator: &Creator) -> bool {
    let answer = answer.to_lowercase();
    let handle = creator.handle.trim().trim_start_matches('@').to_lowercase();
    let name = creator
        .display_name
        .as_deref()
        .map(|n| n.trim().to_lowercase())
        .unwrap_or_default();
    contains_word(&answer, &handle) || (name.chars().count() >= 3 && contains_word(&answer, &name))
}

/// Counts survey answers per creator (module docs).
pub fn survey_mentions(answers: &[SurveyAnswer], creators: &[Creator]) -> SurveyTally {
    let mut tally = SurveyTally {
        mentions: creators.iter().map(|c| (c.handle.clone(), 0)).collect(),
        unmatched: 0,
        answers: answers.len() as u64,
    };
    for answer in answers {
        let mut matched = false;
        for (creator, (_, count)) in creators.iter().zip(tally.mentions.iter_mut()) {
            if mentions(&answer.answer, creator) {
                *count += 1;
                matched = true;
            }
        }
        if !matched {
            tally.unmatched += 1;
        }
    }
    tally
}
