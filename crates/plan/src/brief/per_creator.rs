//! One brief per creator from the campaign brief: their name, their deliverables, the
//! tracked link of each piece and their promo code.

use super::{link_names, CampaignBrief};
use crate::deliverables::Deliverable;
use crate::tracking::{utm_value, LinkCreator, LinkPlan, TrackingBook};
use microplan_model::rows::Creator;

/// One piece the creator posts, with its own link when tracking has made one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatorDeliverable {
    /// `short video 1`: also the tracking row's deliverable.
    pub name: String,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreatorBrief {
    pub handle: String,
    pub display_name: Option<String>,
    pub platform: String,
    pub deliverables: Vec<Deliverable>,
    pub pieces: Vec<CreatorDeliverable>,
    pub code: Option<String>,
    /// Discount of the code as a fraction.
    pub discount: Option<f64>,
    /// What is still missing for this creator, in plain words.
    pub missing: Vec<String>,
}

impl CreatorBrief {
    /// `Lena Park (@peakpace_lena)` or `@peakpace_lena`.
    pub fn addressee(&self) -> String {
        match self
            .display_name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            Some(name) => format!("{name} (@{})", self.handle),
            None => format!("@{}", self.handle),
        }
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim()
        .trim_start_matches('@')
        .eq_ignore_ascii_case(b.trim().trim_start_matches('@'))
}

/// The creators the brief names, as the workspace knows them (handles it does not know keep
/// an empty platform and say so).
fn brief_creators<'a>(
    brief: &'a CampaignBrief,
    creators: &'a [Creator],
) -> Vec<(&'a str, Option<&'a Creator>)> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for handle in brief
        .creators
        .iter()
        .map(|h| h.trim().trim_start_matches('@'))
        .filter(|h| !h.is_empty())
    {
        if seen.iter().any(|s| same(s, handle)) {
            continue;
        }
        seen.push(handle);
        out.push((handle, creators.iter().find(|c| same(&c.handle, handle))));
    }
    out
}

/// Per-creator briefs in the order the brief lists its creators.
pub fn creator_briefs(
    brief: &CampaignBrief,
    creators: &[Creator],
    tracking: &TrackingBook,
) -> Vec<CreatorBrief> {
    brief_creators(brief, creators)
        .into_iter()
        .map(|(handle, known)| {
            let platform = known.map(|c| c.platform.clone()).unwrap_or_default();
            let deliverables = brief.deliverables_for(&platform);
            let links: Vec<_> = tracking.links_for(&brief.name, handle).collect();
            let pieces: Vec<CreatorDeliverable> = link_names(&deliverables)
                .into_iter()
                .map(|name| {
                    let link = links
                        .iter()
                        .find(|l| utm_value(&l.deliverable) == utm_value(&name))
                        .map(|l| l.url.clone());
                    CreatorDeliverable { name, link }
                })
                .collect();
            let code = links.iter().find_map(|l| l.promo_code.clone());
            let discount = links.iter().find_map(|l| l.discount);
            let mut missing = Vec::new();
            if known.is_none() {
                missing.push(format!(
                    "@{handle} is not in the creators table; add them to know their platform."
                ));
            }
            if deliverables.is_empty() {
                missing.push(format!(
                    "No deliverable is for {}; add one for that platform or for “any”.",
                    if platform.is_empty() {
                        "this creator"
                    } else {
                        platform.as_str()
                    }
                ));
            }
            if pieces.iter().any(|p| p.link.is_none()) {
                missing.push(
                    "Tracking links are not made yet: use “Make links and codes”.".to_string(),
                );
            }
            CreatorBrief {
                handle: handle.to_string(),
                display_name: known.and_then(|c| c.display_name.clone()),
                platform,
                deliverables,
                pieces,
                code,
                discount,
                missing,
            }
        })
        .collect()
}

/// The tracking plan for a brief: the campaign is the brief's name and each creator gets one
/// link per piece of their own deliverables. `base` holds landing page, pattern and discount.
/// Handles the creators table does not know are returned apart: without a platform there is
/// no utm_source for them.
pub fn brief_link_plan(
    brief: &CampaignBrief,
    creators: &[Creator],
    base: &LinkPlan,
) -> (LinkPlan, Vec<LinkCreator>, Vec<String>) {
    let plan = LinkPlan {
        campaign: brief.name.clone(),
        // The community is the brief's audience: it goes in utm_term (none without one).
        utm_term: brief.community.clone().filter(|c| !c.trim().is_empty()),
        // Creators without a matching deliverable get one "post" link.
        deliverables: Vec::new(),
        ..base.clone()
    };
    let mut link_creators = Vec::new();
    let mut unknown = Vec::new();
    for (handle, known) in brief_creators(brief, creators) {
        match known {
            Some(creator) => link_creators.push(LinkCreator {
                handle: handle.to_string(),
                platform: creator.platform.clone(),
                deliverables: link_names(&brief.deliverables_for(&creator.platform)),
            }),
            None => unknown.push(handle.to_string()),
        }
    }
    (plan, link_creators, unknown)
}
