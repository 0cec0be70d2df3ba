//! Defaults and whole-draft edits of the choices: the fair starting point for a new draft,
//! and changes that keep related choices in step (market, posting window).

use chrono::NaiveDate;

use microplan_model::limits::add_days_saturating;

use super::choices::*;
use crate::deliverables::{Deliverable, DeliverableFormat};
use crate::markets::Market;

/// The law a market's contracts usually name.
pub fn default_governing_law(market: Market) -> &'static str {
    match market {
        Market::Us => "the State of New York",
        Market::Uk => "England and Wales",
        Market::France => "France",
        Market::Ireland => "Ireland",
        Market::Canada => "the Province of Ontario",
        Market::Australia => "New South Wales",
        Market::EuDefault => "the country of the brand's registered office",
    }
}

/// The usual currency of a market.
pub fn default_currency(market: Market) -> &'static str {
    match market {
        Market::Us => "USD",
        Market::Uk => "GBP",
        Market::Canada => "CAD",
        Market::Australia => "AUD",
        Market::France | Market::Ireland | Market::EuDefault => "EUR",
    }
}

impl ContractChoices {
    /// Sensible defaults: one short video, creator has the final edit, one revision in 3 days,
    /// flat fee paid net 30 after posting, 25/50/100 % kill fee, organic reuse for 6 months in
    /// the market, no exclusivity, reports 7 and 30 days after each post.
    pub fn new(
        campaign: &str,
        brand: &str,
        creator: CreatorParty,
        market: Market,
        start: NaiveDate,
    ) -> Self {
        let posting_start = add_days_saturating(start, 14);
        let posting_end = add_days_saturating(start, 34);
        let live_days = 90;
        let territory = market.name().to_string();
        ContractChoices {
            campaign: campaign.trim().to_string(),
            brand: Party {
                name: brand.trim().to_string(),
                address: String::new(),
            },
            creator,
            market,
            governing_law: default_governing_law(market).to_string(),
            schedule: Schedule {
                term_start: start,
                term_end: add_days_saturating(posting_end, i64::from(live_days)),
                posting_start,
                posting_end,
                live_days,
            },
            deliverables: vec![Deliverable {
                min_length: Some(30),
                file_types: vec!["mp4".into(), "mov".into()],
                aspect_ratio: Some("9:16".into()),
                turnaround_days: Some(7),
                ..Deliverable::new("instagram", DeliverableFormat::ShortVideo, 1)
            }],
            creative: CreativeControl {
                final_edit: FinalEdit::Creator,
                revision_rounds: 1,
                revision_days: 3,
                review_days: 3,
                silence_is_approval: true,
            },
            compensation: Compensation {
                model: CompensationModel::FlatFee,
                currency: default_currency(market).to_string(),
                fee: None,
                product: String::new(),
                product_value: None,
                commission_rate: None,
                attribution_days: 30,
                outcome_share: None,
                trigger: PaymentTrigger::OnPosting,
                payment_days: 30,
                bonus: None,
                makegood: Makegood::RemedialContent,
                kill_fee: KillFee {
                    enabled: true,
                    before_content: 0.25,
                    after_draft: 0.5,
                    after_posting: 1.0,
                },
            },
            licence: Licence {
                grants: vec![UsageGrant {
                    channel: Channel::OrganicSocial,
                    territory,
                    months: 6,
                    platforms: String::new(),
                }],
                paid_usage_fee: None,
                copyright: Copyright::CreatorKeeps,
            },
            exclusivity: Exclusivity::default(),
            reporting: Reporting {
                kpis: vec![Kpi {
                    metric: "Engagement rate by reach".into(),
                    target: String::new(),
                    data_source: "Native platform analytics (screenshots)".into(),
                }],
                cadence: ReportingCadence::AfterEachPost,
                due_days: 3,
            },
        }
    }

    /// Whether the creator is paid money in some form (not product only).
    pub fn has_fee(&self) -> bool {
        matches!(
            self.compensation.model,
            CompensationModel::FlatFee | CompensationModel::Hybrid
        )
    }

    pub fn has_paid_usage(&self) -> bool {
        self.licence.grants.iter().any(|g| g.channel.is_paid())
    }

    /// The creator's name for documents: the legal name, else `@handle`.
    pub fn creator_name(&self) -> String {
        let legal = self.creator.legal_name.trim();
        if legal.is_empty() {
            format!("@{}", self.creator.handle.trim().trim_start_matches('@'))
        } else {
            legal.to_string()
        }
    }
}

impl ContractChoices {
    /// Switches the market; the governing law, currency and licence territories follow it
    /// where they still hold the previous market's defaults (the user's own entries stay).
    pub fn set_market(&mut self, market: Market) {
        let old = self.market;
        if self.governing_law.trim() == default_governing_law(old)
            || self.governing_law.trim().is_empty()
        {
            self.governing_law = default_governing_law(market).to_string();
        }
        if self.compensation.currency.trim() == default_currency(old) {
            self.compensation.currency = default_currency(market).to_string();
        }
        for grant in &mut self.licence.grants {
            if grant.territory.trim() == old.name() {
                grant.territory = market.name().to_string();
            }
        }
        self.market = market;
    }
}

impl ContractChoices {
    /// Sets the posting window; the term grows to hold it (from 14 days before it opens to
    /// the end of the live duration after it closes) and never shrinks.
    pub fn set_posting_window(&mut self, start: NaiveDate, end: NaiveDate) {
        let s = &mut self.schedule;
        s.posting_start = start;
        s.posting_end = end;
        s.term_start = s.term_start.min(add_days_saturating(start, -14));
        s.term_end = s
            .term_end
            .max(add_days_saturating(end, i64::from(s.live_days)));
    }
}
