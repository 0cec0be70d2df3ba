//! Demo content for the contract generator: one draft agreement with a sourdough creator
//! for the January activation, so a workshop sees a complete term sheet at once.

use chrono::NaiveDate;

use crate::activation::PLANNED_ACTIVATION;
use microplan_plan::contract::{
    Bonus, Channel, ContractChoices, ContractDraft, CreatorParty, DraftStatus, ExclusivityKind,
    Kpi, UsageGrant,
};
use microplan_plan::deliverables::{Deliverable, DeliverableFormat};
use microplan_plan::markets::Market;

/// The demo creator the draft is with (a UK creator in the January activation).
pub const DEMO_CONTRACT_HANDLE: &str = "levain_lotte";

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The demo agreement's choices.
pub fn demo_contract_choices() -> ContractChoices {
    let creator = CreatorParty {
        handle: DEMO_CONTRACT_HANDLE.into(),
        platform: "instagram".into(),
        legal_name: "Lotte Levain".into(),
        address: String::new(),
    };
    let mut c = ContractChoices::new(
        PLANNED_ACTIVATION,
        "Hearth & Trail Ltd",
        creator,
        Market::Uk,
        date(2026, 12, 14),
    );
    c.schedule.posting_start = date(2027, 1, 11);
    c.schedule.posting_end = date(2027, 1, 24);
    c.schedule.term_end = date(2027, 4, 30);
    c.deliverables = vec![
        Deliverable {
            min_length: Some(30),
            file_types: vec!["mp4".into(), "mov".into()],
            aspect_ratio: Some("9:16".into()),
            turnaround_days: Some(7),
            ..Deliverable::new("instagram", DeliverableFormat::ShortVideo, 1)
        },
        Deliverable {
            aspect_ratio: Some("9:16".into()),
            turnaround_days: Some(3),
            file_types: vec!["mp4".into(), "jpg".into()],
            ..Deliverable::new("instagram", DeliverableFormat::Story, 3)
        },
    ];
    c.compensation.fee = Some(250.0);
    c.compensation.product = "a starter kit (bar assortment, banneton and flour)".into();
    c.compensation.product_value = Some(45.0);
    c.compensation.bonus = Some(Bonus {
        metric: "code redemptions".into(),
        threshold: 50.0,
        amount: 75.0,
    });
    c.licence.grants = vec![
        UsageGrant {
            channel: Channel::OrganicSocial,
            territory: "United Kingdom".into(),
            months: 6,
            platforms: String::new(),
        },
        UsageGrant {
            channel: Channel::Website,
            territory: "United Kingdom".into(),
            months: 6,
            platforms: String::new(),
        },
    ];
    c.exclusivity.kind = ExclusivityKind::FirstRefusal;
    c.exclusivity.category = "energy bars and snack bars".into();
    c.exclusivity.days_after = 30;
    c.reporting.kpis = vec![
        Kpi {
            metric: "Engagement rate by reach".into(),
            target: String::new(),
            data_source: "Native Instagram insights (screenshots)".into(),
        },
        Kpi {
            metric: "Code redemptions".into(),
            target: "50 in the window".into(),
            data_source: "Shop orders with the creator's code".into(),
        },
    ];
    c
}

/// The saved drafts of the demo workspace.
pub fn contracts() -> Vec<ContractDraft> {
    vec![ContractDraft {
        version: 1,
        status: DraftStatus::Draft,
        saved_on: date(2026, 11, 1),
        choices: demo_contract_choices(),
        edit_stamp: 0,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use microplan_plan::contract::check_choices;

    #[test]
    fn the_demo_draft_is_consistent_and_its_creator_exists() {
        let problems = check_choices(&demo_contract_choices());
        assert_eq!(problems, Vec::new());
        let demo = crate::demo_workspace();
        let creator = demo
            .creators
            .iter()
            .find(|c| c.handle == DEMO_CONTRACT_HANDLE)
            .expect("demo creator");
        assert_eq!(creator.country.as_deref(), Some("GB"));
        assert_eq!(demo.contracts.len(), 1);
        assert!(
            microplan_workspace::contract_drafts::campaign_handles(&demo, PLANNED_ACTIVATION)
                .contains(&DEMO_CONTRACT_HANDLE.to_string())
        );
    }
}
