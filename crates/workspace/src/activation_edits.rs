//! Changes the Communities section makes to a workspace, with the checks that keep names
//! unique and references intact.

use std::fmt;

use chrono::NaiveDate;

use crate::Workspace;
use microplan_audit::{handle_key, CreatorAudit};
use microplan_model::rows::{Community, PipelineStatus};

use microplan_plan::activation::ecosystem::is_member;
use microplan_plan::activation::{
    records_of, same_name, ActivationPlan, Arrangement, GiftingRecord, ShippingTime,
};

/// Why a community or an activation plan was not saved. `Display` gives the sentence the
/// Communities section shows after "Not saved: ".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivationEditError {
    /// A shipping-time part that is not `COUNTRY=days`.
    NotCountryAndDays { part: String },
    /// The community's name is empty.
    CommunityUnnamed,
    /// Another community has this name already (compared without case or spaces).
    CommunityExists { name: String },
    /// The plan's name is empty.
    PlanUnnamed,
    /// The plan names no community.
    PlanWithoutCommunity,
    /// The posting window ends before it starts.
    WindowEndsBeforeStart,
    /// The plan wants no posts.
    NoPostsWanted,
}

impl fmt::Display for ActivationEditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActivationEditError::NotCountryAndDays { part } => {
                write!(f, "`{part}` is not a country and days: write it like GB=2")
            }
            ActivationEditError::CommunityUnnamed => {
                write!(f, "give the community a name, such as Trail running")
            }
            ActivationEditError::CommunityExists { name } => write!(
                f,
                "a community called “{name}” exists already: pick another name"
            ),
            ActivationEditError::PlanUnnamed => write!(
                f,
                "give the activation a name, such as Sourdough January challenge"
            ),
            ActivationEditError::PlanWithoutCommunity => {
                write!(f, "choose the community the activation is for")
            }
            ActivationEditError::WindowEndsBeforeStart => {
                write!(
                    f,
                    "the posting window ends before it starts: move the end date"
                )
            }
            ActivationEditError::NoPostsWanted => {
                write!(f, "set the number of posts wanted to 1 or more")
            }
        }
    }
}

impl std::error::Error for ActivationEditError {}

/// Callers that carry messages as text (the UI) keep the same words.
impl From<ActivationEditError> for String {
    fn from(error: ActivationEditError) -> Self {
        error.to_string()
    }
}

/// `trailrunning, #ukrunchat fell` -> `["#trailrunning", "#ukrunchat", "#fell"]`.
pub fn parse_hashtags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for raw in text.split([',', ';', ' ', '\n', '\t']) {
        let word = raw.trim().trim_start_matches('#');
        if word.is_empty() {
            continue;
        }
        let tag = format!("#{word}");
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            tags.push(tag);
        }
    }
    tags
}

/// `GB=2; DE=4` -> shipping times; names the part that is not a country and days.
pub fn parse_shipping_days(text: &str) -> Result<Vec<ShippingTime>, ActivationEditError> {
    let mut times: Vec<ShippingTime> = Vec::new();
    for part in text
        .split([';', ',', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let time =
            ShippingTime::parse(part).ok_or_else(|| ActivationEditError::NotCountryAndDays {
                part: part.to_string(),
            })?;
        times.retain(|t| t.country != time.country);
        times.push(time);
    }
    Ok(times)
}

/// Adds a community, or replaces the one named `original`; a rename follows into the
/// creators' memberships and the activation plans.
pub fn save_community(
    workspace: &mut Workspace,
    original: Option<&str>,
    mut community: Community,
) -> Result<(), ActivationEditError> {
    community.name = community.name.trim().to_string();
    if community.name.is_empty() {
        return Err(ActivationEditError::CommunityUnnamed);
    }
    let clash = workspace.communities.iter().any(|c| {
        same_name(&c.name, &community.name) && !original.is_some_and(|o| same_name(o, &c.name))
    });
    if clash {
        return Err(ActivationEditError::CommunityExists {
            name: community.name,
        });
    }
    match original.and_then(|o| {
        workspace
            .communities
            .iter()
            .position(|c| same_name(&c.name, o))
    }) {
        Some(index) => {
            let old = workspace
                .communities
                .get(index)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            if old != community.name {
                for creator in &mut workspace.creators {
                    for name in &mut creator.communities {
                        if same_name(name, &old) {
                            *name = community.name.clone();
                        }
                    }
                }
                for plan in &mut workspace.activation_plans {
                    if same_name(&plan.community, &old) {
                        plan.community = community.name.clone();
                    }
                }
            }
            if let Some(slot) = workspace.communities.get_mut(index) {
                *slot = community;
            }
        }
        None => workspace.communities.push(community),
    }
    Ok(())
}

/// Removes a community and the creators' memberships of it; its plans stay, as history.
pub fn remove_community(workspace: &mut Workspace, name: &str) {
    workspace.communities.retain(|c| !same_name(&c.name, name));
    for creator in &mut workspace.creators {
        creator.communities.retain(|c| !same_name(c, name));
    }
}

/// Adds or removes a creator's membership of a community.
pub fn set_membership(workspace: &mut Workspace, handle: &str, community: &str, member: bool) {
    let key = handle_key(handle);
    for creator in workspace
        .creators
        .iter_mut()
        .filter(|c| handle_key(&c.handle) == key)
    {
        creator.communities.retain(|c| !same_name(c, community));
        if member {
            creator.communities.push(community.to_string());
        }
    }
}

/// Checks a plan before it is saved.
pub fn check_plan(plan: &ActivationPlan) -> Result<(), ActivationEditError> {
    if plan.name.trim().is_empty() {
        return Err(ActivationEditError::PlanUnnamed);
    }
    if plan.community.trim().is_empty() {
        return Err(ActivationEditError::PlanWithoutCommunity);
    }
    if plan.window_end < plan.window_start {
        return Err(ActivationEditError::WindowEndsBeforeStart);
    }
    if plan.target_posts == 0 {
        return Err(ActivationEditError::NoPostsWanted);
    }
    Ok(())
}

/// Saves a plan, replacing the one with the same name; `true` when it replaced one.
pub fn save_plan(
    workspace: &mut Workspace,
    mut plan: ActivationPlan,
) -> Result<bool, ActivationEditError> {
    plan.name = plan.name.trim().to_string();
    check_plan(&plan)?;
    match workspace
        .activation_plans
        .iter_mut()
        .find(|p| same_name(&p.name, &plan.name))
    {
        Some(slot) => {
            *slot = plan;
            Ok(true)
        }
        None => {
            workspace.activation_plans.push(plan);
            Ok(false)
        }
    }
}

/// Removes a plan and its roster.
pub fn remove_plan(workspace: &mut Workspace, name: &str) {
    workspace
        .activation_plans
        .retain(|p| !same_name(&p.name, name));
    workspace
        .gifting_history
        .retain(|r| !same_name(&r.activation, name));
}

/// Fills the roster of a plan up to its paid and gifted counts with active members of its
/// community not yet on it, best audit score first (unscored last): the best become the paid
/// creators. Returns how many were added.
pub fn fill_roster(workspace: &mut Workspace, plan_name: &str, audits: &[CreatorAudit]) -> usize {
    let Some(plan) = workspace
        .activation_plans
        .iter()
        .find(|p| same_name(&p.name, plan_name))
        .cloned()
    else {
        return 0;
    };
    let on_roster: Vec<String> = records_of(&workspace.gifting_history, &plan.name)
        .map(|r| handle_key(&r.handle))
        .collect();
    let count = |arrangement: Arrangement| {
        records_of(&workspace.gifting_history, &plan.name)
            .filter(|r| r.arrangement == arrangement)
            .count() as u64
    };
    let paid_missing = plan.paid_creators.saturating_sub(count(Arrangement::Paid));
    let gifted_missing = plan
        .gifted_creators
        .saturating_sub(count(Arrangement::Gifted));
    let score = |handle: &str| {
        let key = handle_key(handle);
        audits
            .iter()
            .find(|a| handle_key(&a.handle) == key)
            .and_then(|a| a.score)
            .filter(|s| s.is_finite())
    };
    let mut candidates: Vec<(String, Option<f64>)> = workspace
        .creators
        .iter()
        .filter(|c| is_member(c, &plan.community) && c.status != PipelineStatus::Dropped)
        .filter(|c| !on_roster.contains(&handle_key(&c.handle)))
        .map(|c| (c.handle.clone(), score(&c.handle)))
        .collect();
    candidates.sort_by(|a, b| {
        b.1.unwrap_or(-1.0)
            .total_cmp(&a.1.unwrap_or(-1.0))
            .then(a.0.cmp(&b.0))
    });
    let mut added = 0;
    for (index, (handle, _)) in candidates.into_iter().enumerate() {
        let arrangement = if (index as u64) < paid_missing {
            Arrangement::Paid
        } else if (index as u64) < paid_missing + gifted_missing {
            Arrangement::Gifted
        } else {
            break;
        };
        workspace.gifting_history.push(GiftingRecord {
            activation: plan.name.clone(),
            handle,
            arrangement,
            shipped_on: None,
            posted: None,
            posted_on: None,
        });
        added += 1;
    }
    added
}

/// Records whether a creator posted for an activation, and when.
pub fn set_outcome(
    workspace: &mut Workspace,
    activation: &str,
    handle: &str,
    posted: Option<bool>,
    posted_on: Option<NaiveDate>,
) {
    for record in workspace.gifting_history.iter_mut() {
        if same_name(&record.activation, activation) && same_name(&record.handle, handle) {
            record.posted = posted;
            record.posted_on = if posted == Some(true) {
                posted_on
            } else {
                None
            };
        }
    }
}

/// Takes a creator off an activation's roster.
pub fn remove_from_roster(workspace: &mut Workspace, activation: &str, handle: &str) {
    workspace
        .gifting_history
        .retain(|r| !(same_name(&r.activation, activation) && same_name(&r.handle, handle)));
}
