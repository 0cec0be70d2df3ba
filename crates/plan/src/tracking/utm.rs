//! GA4 campaign parameters: names, lowercase values, and a medium that lands the visit in
//! the right default channel group.
//!
//! GA4 puts a visit in "Organic Social" when the source is a known social site or the medium
//! is `social` (also social-network, social-media, sm), and in "Paid Social" when the source
//! is a social site and the medium matches `^(.*cp.*|ppc|retargeting|paid.*)$`. So organic
//! creator posts use `social` and whitelisted (boosted from the creator's handle) ads use
//! `paid_social`. GA4 compares values case-sensitively, hence lowercase everywhere.

use serde::{Deserialize, Serialize};

use super::error::TrackingError;
use super::landing_page::{parse_landing_page, LandingPage};

/// Whether the post is the creator's own or run as an ad from their handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    #[default]
    Organic,
    /// Whitelisted or spark ads paid for by the brand.
    PaidWhitelisted,
}

impl Placement {
    pub const ALL: [Placement; 2] = [Placement::Organic, Placement::PaidWhitelisted];

    pub fn medium(self) -> &'static str {
        match self {
            Placement::Organic => "social",
            Placement::PaidWhitelisted => "paid_social",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Placement::Organic => "Organic post",
            Placement::PaidWhitelisted => "Whitelisted ad",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Placement::Organic => "organic",
            Placement::PaidWhitelisted => "paid_whitelisted",
        }
    }

    pub fn parse(key: &str) -> Option<Placement> {
        Placement::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// The six GA4 parameters, values already lowercase and cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UtmParameters {
    pub source: String,
    pub medium: String,
    pub campaign: String,
    pub content: String,
    pub term: Option<String>,
    pub id: Option<String>,
}

/// A parameter value: lowercase, a leading `@` dropped, runs of spaces and punctuation
/// turned into one `_`. Letters of any script stay (they are percent-encoded in the URL).
pub fn utm_value(text: &str) -> String {
    let trimmed = text.trim().trim_start_matches('@');
    let mut out = String::with_capacity(trimmed.len());
    let mut pending_separator = false;
    for c in trimmed.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '-' || c == '.' {
            if pending_separator && !out.is_empty() {
                out.push('_');
            }
            pending_separator = false;
            out.push(c);
        } else {
            pending_separator = true;
        }
    }
    out
}

/// Percent-encodes a parameter value: only A-Z a-z 0-9 - . _ ~ stay as they are.
pub fn encode_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The parameters for one creator's deliverable.
pub fn utm_parameters(
    platform: &str,
    placement: Placement,
    campaign: &str,
    handle: &str,
    deliverable: &str,
    term: Option<&str>,
    id: Option<&str>,
) -> Result<UtmParameters, TrackingError> {
    let source = utm_value(platform);
    if source.is_empty() {
        return Err(TrackingError::NoPlatform {
            handle: handle.to_string(),
        });
    }
    let campaign = utm_value(campaign);
    if campaign.is_empty() {
        return Err(TrackingError::NoCampaign);
    }
    let handle_value = utm_value(handle);
    if handle_value.is_empty() {
        return Err(TrackingError::HandleWithoutLetters {
            handle: handle.to_string(),
        });
    }
    let deliverable_value = utm_value(deliverable);
    let content = if deliverable_value.is_empty() {
        handle_value
    } else {
        format!("{handle_value}_{deliverable_value}")
    };
    let optional = |value: Option<&str>| value.map(utm_value).filter(|v| !v.is_empty());
    Ok(UtmParameters {
        source,
        medium: placement.medium().to_string(),
        campaign,
        content,
        term: optional(term),
        id: optional(id),
    })
}

fn is_utm_pair(pair: &str) -> Option<&str> {
    let name = pair.split('=').next().unwrap_or("");
    let lower = name.to_ascii_lowercase();
    [
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "utm_content",
        "utm_term",
        "utm_id",
    ]
    .contains(&lower.as_str())
    .then_some(name)
}

/// The tagged URL and any warnings about the landing page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedLink {
    pub url: String,
    pub warnings: Vec<String>,
}

/// Adds the parameters to the landing page: its own query parameters stay in order before
/// ours, old `utm_*` parameters are replaced (with a warning), the fragment stays last.
pub fn tag_landing_page(
    landing_page: &str,
    parameters: &UtmParameters,
) -> Result<TaggedLink, TrackingError> {
    let LandingPage {
        base,
        query,
        fragment,
        mut warnings,
    } = parse_landing_page(landing_page)?;
    let mut pairs: Vec<String> = Vec::with_capacity(query.len() + 6);
    let mut replaced: Vec<String> = Vec::new();
    for pair in query {
        match is_utm_pair(&pair) {
            Some(name) => replaced.push(name.to_string()),
            None => pairs.push(pair),
        }
    }
    if !replaced.is_empty() {
        warnings.push(format!(
            "The landing page already had {}; the creator's values replace them.",
            replaced.join(", ")
        ));
    }
    let mut add = |name: &str, value: &str| pairs.push(format!("{name}={}", encode_value(value)));
    add("utm_source", &parameters.source);
    add("utm_medium", &parameters.medium);
    add("utm_campaign", &parameters.campaign);
    add("utm_content", &parameters.content);
    if let Some(term) = &parameters.term {
        add("utm_term", term);
    }
    if let Some(id) = &parameters.id {
        add("utm_id", id);
    }
    let mut url = format!("{base}?{}", pairs.join("&"));
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(&fragment);
    }
    Ok(TaggedLink { url, warnings })
}
