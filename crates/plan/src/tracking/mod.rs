//! Tracking: one GA4-tagged link per creator and deliverable on the landing page the user
//! sets, and one promo code per creator, unique in the workspace and against the store's
//! own codes. Everything here is deterministic: the same plan gives the same table.

mod codes;
mod error;
mod landing_page;
mod utm;

#[cfg(test)]
mod tests;

pub use codes::{assign_codes, code_letters, is_ambiguous, render_code, CodeInputs, SAFE_ALPHABET};
pub use error::TrackingError;
pub use landing_page::{encode_url_part, parse_landing_page, LandingPage};
pub use utm::{
    encode_value, tag_landing_page, utm_parameters, utm_value, Placement, TaggedLink, UtmParameters,
};

use serde::{Deserialize, Serialize};

/// One row of the tracking table: a creator's deliverable with its tagged link and code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackingLink {
    pub campaign: String,
    pub handle: String,
    pub platform: String,
    pub deliverable: String,
    pub landing_page: String,
    pub utm_source: String,
    pub utm_medium: String,
    pub utm_campaign: String,
    pub utm_content: String,
    #[serde(default)]
    pub utm_term: Option<String>,
    #[serde(default)]
    pub utm_id: Option<String>,
    /// The full tagged address to give the creator.
    pub url: String,
    #[serde(default)]
    pub promo_code: Option<String>,
    /// Discount of the code as a fraction (0.15 for 15%).
    #[serde(default)]
    pub discount: Option<f64>,
}

/// A discount code that already exists in the shop; new codes must not repeat it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoreCode {
    pub code: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// The choices behind a campaign's links, kept so the form opens as it was left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct LinkPlan {
    pub campaign: String,
    pub landing_page: String,
    #[serde(default)]
    pub placement: Placement,
    /// Deliverable names, one link each per creator: "reel 1", "story 1".
    #[serde(default)]
    pub deliverables: Vec<String>,
    /// `None` for links without codes.
    #[serde(default)]
    pub code_pattern: Option<String>,
    #[serde(default)]
    pub discount: Option<f64>,
    #[serde(default)]
    pub utm_term: Option<String>,
    #[serde(default)]
    pub utm_id: Option<String>,
}

/// A creator the links are for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinkCreator {
    pub handle: String,
    pub platform: String,
    /// This creator's own deliverables; empty means the plan's list.
    pub deliverables: Vec<String>,
}

/// Deliverable names without blanks and repeats (compared as their UTM value); `post` when
/// none are left.
fn distinct_deliverables(names: &[String]) -> Vec<&str> {
    let mut kept: Vec<&str> = Vec::new();
    for name in names.iter().map(|d| d.trim()).filter(|d| !d.is_empty()) {
        if !kept.iter().any(|known| utm_value(known) == utm_value(name)) {
            kept.push(name);
        }
    }
    if kept.is_empty() {
        kept.push("post");
    }
    kept
}

/// Links, the store's codes and the last plan: the tracking part of a workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct TrackingBook {
    #[serde(default)]
    pub links: Vec<TrackingLink>,
    #[serde(default)]
    pub store_codes: Vec<StoreCode>,
    #[serde(default)]
    pub last_plan: Option<LinkPlan>,
}

/// What a run of the generator produced.
#[derive(Debug, Clone, PartialEq)]
pub struct GeneratedLinks {
    pub links: Vec<TrackingLink>,
    pub warnings: Vec<String>,
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

impl TrackingBook {
    /// Codes that new codes of `campaign` must avoid: every other campaign's codes and the
    /// store's codes, except store codes this campaign itself issued before (a re-run after
    /// the codes were created in the shop gives the same codes, not suffixed ones).
    pub fn taken_codes(&self, campaign: &str) -> Vec<String> {
        let own: Vec<&str> = self
            .links
            .iter()
            .filter(|link| same(&link.campaign, campaign))
            .filter_map(|link| link.promo_code.as_deref())
            .collect();
        let others = self
            .links
            .iter()
            .filter(|link| !same(&link.campaign, campaign))
            .filter_map(|link| link.promo_code.clone());
        let store = self
            .store_codes
            .iter()
            .filter(|stored| !own.iter().any(|code| same(code, &stored.code)))
            .map(|stored| stored.code.clone());
        others.chain(store).collect()
    }

    /// Replaces the campaign's links with `links`, keeping other campaigns' rows.
    pub fn replace_campaign(&mut self, campaign: &str, links: Vec<TrackingLink>) {
        self.links.retain(|link| !same(&link.campaign, campaign));
        self.links.extend(links);
    }

    /// The links of one creator in one campaign, in table order.
    pub fn links_for<'a>(
        &'a self,
        campaign: &'a str,
        handle: &'a str,
    ) -> impl Iterator<Item = &'a TrackingLink> + 'a {
        self.links
            .iter()
            .filter(move |link| same(&link.campaign, campaign) && same(&link.handle, handle))
    }
}

/// Links, creators and codes of one campaign, for the overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignLinks {
    pub campaign: String,
    pub links: usize,
    pub creators: usize,
    pub codes: usize,
}

/// One line per campaign in table order: how many links, creators and distinct codes.
pub fn campaign_summary(links: &[TrackingLink]) -> Vec<CampaignLinks> {
    let mut out: Vec<(CampaignLinks, Vec<String>, Vec<String>)> = Vec::new();
    for link in links {
        let index = match out
            .iter()
            .position(|(c, _, _)| same(&c.campaign, &link.campaign))
        {
            Some(index) => index,
            None => {
                let empty = CampaignLinks {
                    campaign: link.campaign.clone(),
                    links: 0,
                    creators: 0,
                    codes: 0,
                };
                out.push((empty, Vec::new(), Vec::new()));
                out.len() - 1
            }
        };
        if let Some((summary, handles, codes)) = out.get_mut(index) {
            summary.links += 1;
            let handle = link.handle.to_lowercase();
            if !handles.contains(&handle) {
                handles.push(handle);
            }
            if let Some(code) = link.promo_code.as_ref().map(|c| c.to_uppercase()) {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
            summary.creators = handles.len();
            summary.codes = codes.len();
        }
    }
    out.into_iter().map(|(summary, _, _)| summary).collect()
}

/// One link per creator and deliverable, and one code per creator when the plan has a
/// pattern. Fails with the first problem a person must fix (bad address, bad pattern).
pub fn generate_links(
    plan: &LinkPlan,
    creators: &[LinkCreator],
    book: &TrackingBook,
) -> Result<GeneratedLinks, TrackingError> {
    let mut warnings = parse_landing_page(&plan.landing_page)?.warnings;
    let mut unique: Vec<&LinkCreator> = Vec::with_capacity(creators.len());
    for creator in creators {
        if unique
            .iter()
            .any(|known| same(&known.handle, &creator.handle))
        {
            warnings.push(format!(
                "@{} is listed twice; one set of links is made.",
                creator.handle.trim()
            ));
        } else {
            unique.push(creator);
        }
    }
    if unique.is_empty() {
        return Err(TrackingError::NoCreators);
    }
    let codes = match plan
        .code_pattern
        .as_deref()
        .filter(|p| !p.trim().is_empty())
    {
        Some(pattern) => {
            let inputs: Vec<CodeInputs> = unique
                .iter()
                .map(|c| CodeInputs {
                    handle: &c.handle,
                    campaign: &plan.campaign,
                    discount: plan.discount,
                })
                .collect();
            assign_codes(pattern, &inputs, &book.taken_codes(&plan.campaign))?
                .into_iter()
                .map(Some)
                .collect()
        }
        None => vec![None; unique.len()],
    };
    let mut links = Vec::new();
    for (creator, code) in unique.into_iter().zip(codes) {
        let names = if creator.deliverables.is_empty() {
            &plan.deliverables
        } else {
            &creator.deliverables
        };
        for deliverable in distinct_deliverables(names) {
            let parameters = utm_parameters(
                &creator.platform,
                plan.placement,
                &plan.campaign,
                &creator.handle,
                deliverable,
                plan.utm_term.as_deref(),
                plan.utm_id.as_deref(),
            )?;
            let tagged = tag_landing_page(&plan.landing_page, &parameters)?;
            for warning in tagged.warnings {
                if !warnings.contains(&warning) {
                    warnings.push(warning);
                }
            }
            links.push(TrackingLink {
                campaign: plan.campaign.trim().to_string(),
                handle: creator.handle.trim().trim_start_matches('@').to_string(),
                platform: creator.platform.trim().to_lowercase(),
                deliverable: deliverable.to_string(),
                landing_page: plan.landing_page.trim().to_string(),
                utm_source: parameters.source,
                utm_medium: parameters.medium,
                utm_campaign: parameters.campaign,
                utm_content: parameters.content,
                utm_term: parameters.term,
                utm_id: parameters.id,
                url: tagged.url,
                promo_code: code.clone(),
                discount: code.as_ref().and(plan.discount),
            });
        }
    }
    Ok(GeneratedLinks { links, warnings })
}
