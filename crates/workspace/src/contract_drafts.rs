//! Contract drafts built from a workspace's results and programme: the campaigns, their
//! creators and windows, and the choices prefilled for each creator.

use chrono::NaiveDate;

use microplan_plan::contract::choices::{ContractChoices, CreatorParty};
use microplan_plan::contract::labels::percent;
use microplan_plan::markets::Market;

use crate::Workspace;

/// Campaign names known to the workspace: results, activation plans and saved drafts.
pub fn campaign_names(workspace: &Workspace) -> Vec<String> {
    let mut names: Vec<String> = workspace
        .results
        .iter()
        .map(|r| r.campaign.trim().to_string())
        .chain(
            workspace
                .activation_plans
                .iter()
                .map(|p| p.name.trim().to_string()),
        )
        .chain(
            workspace
                .contracts
                .iter()
                .map(|d| d.choices.campaign.trim().to_string()),
        )
        .filter(|n| !n.is_empty())
        .collect();
    names.sort_by_key(|n| n.to_lowercase());
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    names
}

/// Creators taking part in a campaign: in its results or its gifting records.
pub fn campaign_handles(workspace: &Workspace, campaign: &str) -> Vec<String> {
    let wanted = campaign.trim().to_lowercase();
    let mut handles: Vec<String> = workspace
        .results
        .iter()
        .filter(|r| r.campaign.trim().to_lowercase() == wanted)
        .map(|r| r.handle.clone())
        .chain(
            workspace
                .gifting_history
                .iter()
                .filter(|g| g.activation.trim().to_lowercase() == wanted)
                .map(|g| g.handle.clone()),
        )
        .collect();
    handles.sort();
    handles.dedup();
    handles
}

/// The template's choices for one creator of the workspace: their handle, platform and
/// name, the market of their country (else the template's), and their quoted fee when the
/// template has none in the same currency.
pub fn choices_for_creator(
    workspace: &Workspace,
    handle: &str,
    template: &ContractChoices,
) -> Option<ContractChoices> {
    let creator = workspace.creators.iter().find(|c| {
        c.handle
            .eq_ignore_ascii_case(handle.trim().trim_start_matches('@'))
    })?;
    let mut choices = template.clone();
    choices.creator = CreatorParty {
        handle: creator.handle.clone(),
        platform: creator.platform.clone(),
        legal_name: creator.display_name.clone().unwrap_or_default(),
        address: String::new(),
    };
    if let Some(market) = creator.country.as_deref().and_then(Market::for_country) {
        if market != template.market {
            choices.market = market;
            let usual = microplan_plan::contract::defaults::default_governing_law(template.market);
            if choices.governing_law.trim() == usual {
                choices.governing_law =
                    microplan_plan::contract::defaults::default_governing_law(market).to_string();
            }
        }
    }
    if choices.has_fee() && choices.compensation.fee.is_none() {
        if let Some(fee) = creator.fee.as_ref().filter(|f| {
            f.currency
                .eq_ignore_ascii_case(choices.compensation.currency.trim())
        }) {
            let pieces = microplan_plan::deliverables::total_pieces(&choices.deliverables);
            choices.compensation.fee = Some(fee.amount * f64::from(pieces.max(1)));
        }
    }
    Some(choices)
}

/// One set of choices per creator of the campaign, from one template.
pub fn drafts_for_campaign(
    workspace: &Workspace,
    campaign: &str,
    template: &ContractChoices,
) -> Vec<ContractChoices> {
    let mut template = template.clone();
    template.campaign = campaign.trim().to_string();
    campaign_handles(workspace, campaign)
        .iter()
        .filter_map(|h| choices_for_creator(workspace, h, &template))
        .collect()
}

/// The posting window of a campaign planned as an activation, if there is one.
pub fn campaign_window(workspace: &Workspace, campaign: &str) -> Option<(NaiveDate, NaiveDate)> {
    let wanted = campaign.trim().to_lowercase();
    workspace
        .activation_plans
        .iter()
        .find(|p| p.name.trim().to_lowercase() == wanted)
        .map(|p| (p.window_start, p.window_end))
}

/// Default choices for a campaign of this workspace, starting today, with the campaign's
/// own posting window when it is planned as an activation.
pub fn campaign_template(
    workspace: &Workspace,
    campaign: &str,
    brand: &str,
    today: NaiveDate,
) -> ContractChoices {
    let mut choices =
        ContractChoices::new(campaign, brand, CreatorParty::default(), Market::Uk, today);
    if let Some((start, end)) = campaign_window(workspace, campaign) {
        choices.set_posting_window(start, end);
    }
    let kpis = programme_kpis(workspace);
    if !kpis.is_empty() {
        choices.reporting.kpis = kpis;
    }
    choices
}

/// The programme's KPIs (primary first) with their targets and measurement methods, so the
/// agreement measures what the programme set out to move.
pub fn programme_kpis(workspace: &Workspace) -> Vec<microplan_plan::contract::choices::Kpi> {
    use microplan_plan::objectives::TargetForm;
    let Some(plan) = workspace.programme.objectives.as_ref() else {
        return Vec::new();
    };
    plan.metrics()
        .into_iter()
        .map(|metric| microplan_plan::contract::choices::Kpi {
            metric: metric.name.trim().to_string(),
            target: match metric.target.filter(|t| t.value.is_finite()) {
                Some(t) if t.form == TargetForm::PercentUplift => {
                    format!(
                        "{}{} over the baseline",
                        if t.value >= 0.0 { "+" } else { "" },
                        percent(t.value)
                    )
                }
                Some(t) => format!("{}× the baseline", (t.value * 100.0).round() / 100.0),
                None => String::new(),
            },
            data_source: metric.method.label().to_string(),
        })
        .collect()
}
