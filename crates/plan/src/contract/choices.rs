//! The choices a contract is drafted from, with sensible, creator-fair defaults as data.
//! Rates and shares are fractions (0.25 = 25 %); money amounts are in `currency`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::deliverables::Deliverable;
use crate::markets::Market;

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Party {
    /// Legal name (a company, or the creator's own name).
    pub name: String,
    #[serde(default)]
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CreatorParty {
    pub handle: String,
    pub platform: String,
    #[serde(default)]
    pub legal_name: String,
    #[serde(default)]
    pub address: String,
}

/// Dates of the agreement and how long posts stay up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    #[serde(with = "microplan_model::iso_date")]
    pub term_start: NaiveDate,
    #[serde(with = "microplan_model::iso_date")]
    pub term_end: NaiveDate,
    #[serde(with = "microplan_model::iso_date")]
    pub posting_start: NaiveDate,
    #[serde(with = "microplan_model::iso_date")]
    pub posting_end: NaiveDate,
    /// Days each post stays live after it is published.
    pub live_days: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FinalEdit {
    /// The creator has primary creative control and the final edit.
    #[default]
    Creator,
    /// The creator leads; both parties must agree the final cut.
    Joint,
    Brand,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreativeControl {
    pub final_edit: FinalEdit,
    /// Revision rounds included in the fee.
    pub revision_rounds: u32,
    /// Days the creator has to make each revision.
    pub revision_days: u32,
    /// Days the brand has to review a draft.
    pub review_days: u32,
    /// Whether a draft counts as approved when the brand does not answer in time.
    pub silence_is_approval: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompensationModel {
    #[default]
    FlatFee,
    ProductOnly,
    Affiliate,
    /// A fixed fee plus commission on attributed sales.
    Hybrid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentTrigger {
    /// When every deliverable is live.
    #[default]
    OnPosting,
    /// Half on signature, half when every deliverable is live.
    HalfUpfront,
    /// When the agreed performance report has been delivered.
    OnReport,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Makegood {
    /// A replacement or extra post when a deliverable is missed or falls short.
    #[default]
    RemedialContent,
    /// The fee goes down in proportion to what was not delivered.
    AdjustedFee,
    /// The creator picks between remedial content and an adjusted fee.
    CreatorChooses,
    None,
}

/// A bonus paid when a measured outcome reaches a threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bonus {
    /// What is counted: "code redemptions", "link clicks".
    pub metric: String,
    pub threshold: f64,
    pub amount: f64,
}

/// Shares of the fee owed when the brand cancels (fractions; 0.25 = 25 %).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KillFee {
    pub enabled: bool,
    pub before_content: f64,
    pub after_draft: f64,
    pub after_posting: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Compensation {
    pub model: CompensationModel,
    /// ISO 4217 code.
    pub currency: String,
    /// The fixed fee (flat fee and hybrid).
    pub fee: Option<f64>,
    /// The product given, in words.
    #[serde(default)]
    pub product: String,
    /// Retail value of the product, in `currency`.
    pub product_value: Option<f64>,
    /// Commission on attributed sales (affiliate and hybrid), a fraction.
    pub commission_rate: Option<f64>,
    /// Days after a click or code use during which a sale counts.
    pub attribution_days: u32,
    /// Part of the fixed fee paid only when the KPI target is met, a fraction.
    pub outcome_share: Option<f64>,
    pub trigger: PaymentTrigger,
    /// Days after the trigger by which the brand pays.
    pub payment_days: u32,
    pub bonus: Option<Bonus>,
    pub makegood: Makegood,
    pub kill_fee: KillFee,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Reposting the creator's post on the brand's own social accounts.
    OrganicSocial,
    Website,
    Email,
    /// The brand runs the content as paid ads from its own accounts.
    PaidSocial,
    /// The brand runs ads through the creator's account ("whitelisting", "Spark Ads").
    Whitelisting,
    OutOfHome,
    InStore,
}

impl Channel {
    pub const ALL: [Channel; 7] = [
        Channel::OrganicSocial,
        Channel::Website,
        Channel::Email,
        Channel::PaidSocial,
        Channel::Whitelisting,
        Channel::OutOfHome,
        Channel::InStore,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Channel::OrganicSocial => "organic_social",
            Channel::Website => "website",
            Channel::Email => "email",
            Channel::PaidSocial => "paid_social",
            Channel::Whitelisting => "whitelisting",
            Channel::OutOfHome => "out_of_home",
            Channel::InStore => "in_store",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::OrganicSocial => "organic repost on the brand's social accounts",
            Channel::Website => "brand website",
            Channel::Email => "brand email newsletters",
            Channel::PaidSocial => "paid social ads from the brand's accounts",
            Channel::Whitelisting => "whitelisting (ads run through the creator's account)",
            Channel::OutOfHome => "out-of-home advertising (posters, screens)",
            Channel::InStore => "in-store displays",
        }
    }

    /// Paid media: priced separately from the content fee.
    pub fn is_paid(self) -> bool {
        matches!(
            self,
            Channel::PaidSocial | Channel::Whitelisting | Channel::OutOfHome
        )
    }

    pub fn parse(text: &str) -> Option<Channel> {
        let wanted = text.trim().to_ascii_lowercase();
        Channel::ALL.into_iter().find(|c| c.code() == wanted)
    }
}

/// One cell of the licence matrix: a channel, where, and for how long.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UsageGrant {
    pub channel: Channel,
    pub territory: String,
    /// Months from the first post.
    pub months: u32,
    /// For paid usage: the ad platforms the brand may run the content on ("Meta", "TikTok");
    /// empty when the agreement names none.
    #[serde(default)]
    pub platforms: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Copyright {
    #[default]
    CreatorKeeps,
    AssignedToBrand,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Licence {
    pub grants: Vec<UsageGrant>,
    /// Fee for paid usage (paid social, whitelisting, out-of-home), on top of the content fee.
    pub paid_usage_fee: Option<f64>,
    pub copyright: Copyright,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusivityKind {
    #[default]
    None,
    /// No work for competitors in the category during the period.
    Exclusive,
    /// The creator tells the brand first about competing offers; the brand may match them.
    FirstRefusal,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Exclusivity {
    pub kind: ExclusivityKind,
    pub category: String,
    #[serde(default)]
    pub competitors: Vec<String>,
    /// Days before the posting window opens.
    pub days_before: u32,
    /// Days after the posting window closes.
    pub days_after: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub metric: String,
    /// A target as the programme states it ("+20 % over baseline"); may be empty.
    #[serde(default)]
    pub target: String,
    pub data_source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportingCadence {
    /// 7 and 30 days after each post.
    #[default]
    AfterEachPost,
    Weekly,
    Monthly,
    EndOfCampaign,
}

impl ReportingCadence {
    pub const ALL: [ReportingCadence; 4] = [
        ReportingCadence::AfterEachPost,
        ReportingCadence::Weekly,
        ReportingCadence::Monthly,
        ReportingCadence::EndOfCampaign,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReportingCadence::AfterEachPost => "after_each_post",
            ReportingCadence::Weekly => "weekly",
            ReportingCadence::Monthly => "monthly",
            ReportingCadence::EndOfCampaign => "end_of_campaign",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == text.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            ReportingCadence::AfterEachPost => "7 and 30 days after each post",
            ReportingCadence::Weekly => "every week during the campaign",
            ReportingCadence::Monthly => "every month during the term",
            ReportingCadence::EndOfCampaign => "once, after the posting window closes",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reporting {
    pub kpis: Vec<Kpi>,
    pub cadence: ReportingCadence,
    /// Screenshots of native analytics are due this many days after each reporting date.
    pub due_days: u32,
}

/// Everything a contract is drafted from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContractChoices {
    pub campaign: String,
    pub brand: Party,
    pub creator: CreatorParty,
    pub market: Market,
    /// "England and Wales", "France", ...
    pub governing_law: String,
    pub schedule: Schedule,
    pub deliverables: Vec<Deliverable>,
    pub creative: CreativeControl,
    pub compensation: Compensation,
    pub licence: Licence,
    pub exclusivity: Exclusivity,
    pub reporting: Reporting,
}
