//! Saved briefs and playbook templates: a brief that worked becomes a template, and a
//! template becomes a new brief in one step with its prompts, audience segments and
//! reporting template.

use serde::{Deserialize, Serialize};

use super::CampaignBrief;

/// A brief kept for reuse, without the campaign-specific parts (name, creators, window).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefTemplate {
    pub id: String,
    pub name: String,
    /// Which brief it was saved from, for the list.
    #[serde(default)]
    pub saved_from: String,
    pub brief: CampaignBrief,
}

/// Every brief and template of a workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct BriefBook {
    #[serde(default)]
    pub briefs: Vec<CampaignBrief>,
    #[serde(default)]
    pub templates: Vec<BriefTemplate>,
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "brief".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `stem`, or `stem-2`, `stem-3` ... whichever is not taken.
fn free_id(stem: &str, taken: &[&str]) -> String {
    let mut candidate = stem.to_string();
    let mut number = 2;
    while taken.contains(&candidate.as_str()) {
        candidate = format!("{stem}-{number}");
        number += 1;
    }
    candidate
}

/// `Autumn launch`, or `Autumn launch (2)` ... whichever no brief uses yet.
fn free_name(name: &str, taken: &[&str]) -> String {
    let name = if name.trim().is_empty() {
        "New campaign"
    } else {
        name.trim()
    };
    let mut candidate = name.to_string();
    let mut number = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{name} ({number})");
        number += 1;
    }
    candidate
}

impl BriefBook {
    pub fn brief(&self, id: &str) -> Option<&CampaignBrief> {
        self.briefs.iter().find(|b| b.id == id)
    }

    pub fn brief_mut(&mut self, id: &str) -> Option<&mut CampaignBrief> {
        self.briefs.iter_mut().find(|b| b.id == id)
    }

    /// Adds a new brief with the defaults; names and ids are made unique. Returns its id.
    pub fn add_brief(&mut self, name: &str) -> String {
        let brief = CampaignBrief::new("", name);
        self.insert(brief)
    }

    fn insert(&mut self, mut brief: CampaignBrief) -> String {
        let names: Vec<&str> = self.briefs.iter().map(|b| b.name.as_str()).collect();
        brief.name = free_name(&brief.name, &names);
        let ids: Vec<&str> = self.briefs.iter().map(|b| b.id.as_str()).collect();
        brief.id = free_id(&slug(&brief.name), &ids);
        let id = brief.id.clone();
        self.briefs.push(brief);
        id
    }

    pub fn remove_brief(&mut self, id: &str) {
        self.briefs.retain(|b| b.id != id);
    }

    /// Saves a brief as a template. Returns the template id, or `None` if there is no such brief.
    pub fn save_as_template(&mut self, brief_id: &str, template_name: &str) -> Option<String> {
        let source = self.brief(brief_id)?.clone();
        let mut kept = source.clone();
        kept.creators.clear();
        kept.posting_window = None;
        let names: Vec<&str> = self.templates.iter().map(|t| t.name.as_str()).collect();
        let wanted = if template_name.trim().is_empty() {
            source.name.as_str()
        } else {
            template_name
        };
        let name = free_name(wanted, &names);
        let ids: Vec<&str> = self.templates.iter().map(|t| t.id.as_str()).collect();
        let id = free_id(&format!("template-{}", slug(&name)), &ids);
        self.templates.push(BriefTemplate {
            id: id.clone(),
            name,
            saved_from: source.name,
            brief: kept,
        });
        Some(id)
    }

    /// A new brief from a template (one click): everything the template held, a fresh name
    /// and id, no creators and no window yet. Returns the new brief's id.
    pub fn use_template(&mut self, template_id: &str, campaign_name: &str) -> Option<String> {
        let template = self.templates.iter().find(|t| t.id == template_id)?;
        let mut brief = template.brief.clone();
        brief.name = if campaign_name.trim().is_empty() {
            template.name.clone()
        } else {
            campaign_name.to_string()
        };
        Some(self.insert(brief))
    }

    pub fn remove_template(&mut self, id: &str) {
        self.templates.retain(|t| t.id != id);
    }
}
