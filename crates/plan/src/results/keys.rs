//! The metrics the Results section reports: names, formulas and how to read them.

/// Every performance metric, counts first, then ratios.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetricKey {
    Reach,
    Views,
    Impressions,
    Engagements,
    LinkClicks,
    CodeRedemptions,
    Orders,
    Revenue,
    Cost,
    ErReach,
    ErViews,
    ErFollowers,
    Ctr,
    ClickToOrder,
    Cpm,
    Cpe,
    Cpc,
    Cpa,
    Roas,
    Roi,
    ShareRate,
    SaveRate,
    CommentToView,
}

use MetricKey::*;

impl MetricKey {
    pub const ALL: [MetricKey; 23] = [
        Reach,
        Views,
        Impressions,
        Engagements,
        LinkClicks,
        CodeRedemptions,
        Orders,
        Revenue,
        Cost,
        ErReach,
        ErViews,
        ErFollowers,
        Ctr,
        ClickToOrder,
        Cpm,
        Cpe,
        Cpc,
        Cpa,
        Roas,
        Roi,
        ShareRate,
        SaveRate,
        CommentToView,
    ];

    /// Stable lowercase key for storage and CSV headers.
    pub fn key(self) -> &'static str {
        match self {
            Reach => "reach",
            Views => "views",
            Impressions => "impressions",
            Engagements => "engagements",
            LinkClicks => "link_clicks",
            CodeRedemptions => "code_redemptions",
            Orders => "orders",
            Revenue => "revenue",
            Cost => "cost",
            ErReach => "er_reach",
            ErViews => "er_views",
            ErFollowers => "er_followers",
            Ctr => "ctr",
            ClickToOrder => "click_to_order",
            Cpm => "cpm",
            Cpe => "cpe",
            Cpc => "cpc",
            Cpa => "cpa",
            Roas => "roas",
            Roi => "roi",
            ShareRate => "share_rate",
            SaveRate => "save_rate",
            CommentToView => "comment_to_view",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Reach => "Reach",
            Views => "Views",
            Impressions => "Impressions",
            Engagements => "Engagements",
            LinkClicks => "Link clicks",
            CodeRedemptions => "Code redemptions",
            Orders => "Orders",
            Revenue => "Revenue",
            Cost => "Cost",
            ErReach => "ER (reach)",
            ErViews => "ER (views)",
            ErFollowers => "ER (followers)",
            Ctr => "CTR",
            ClickToOrder => "Click to order",
            Cpm => "CPM",
            Cpe => "CPE",
            Cpc => "CPC",
            Cpa => "CPA",
            Roas => "ROAS",
            Roi => "ROI",
            ShareRate => "Share rate",
            SaveRate => "Save rate",
            CommentToView => "Comment-to-view",
        }
    }

    /// The formula in words, with the rule for missing fields and the interval used.
    pub fn formula(self) -> &'static str {
        match self {
            Reach => "sum of reach over rows that report it",
            Views => "sum of views over rows that report it",
            Impressions => "sum of impressions over rows that report it",
            Engagements => {
                "likes + comments + shares + saves, summed over rows that report all four \
                 (a row missing shares or saves is unknown, not zero)"
            }
            LinkClicks => "sum of link clicks over rows that report them",
            CodeRedemptions => "sum of code redemptions over rows that report them",
            Orders => "sum of orders over rows that report them",
            Revenue => "sum of revenue in the reporting currency (other currencies left out)",
            Cost => {
                "sum of cost in the reporting currency (other currencies left out); a row \
                 without a cost uses fee + product value + shipping, and says so when a part \
                 is not given"
            }
            ErReach => {
                "(likes + comments + shares + saves) / reach; 95% Wilson interval over the \
                 summed counts"
            }
            ErViews => {
                "(likes + comments + shares + saves) / views; 95% Wilson interval over the \
                 summed counts"
            }
            ErFollowers => {
                "(likes + comments + shares + saves) / the creator's followers (Creators \
                 table), summed per deliverable; no interval, followers are not the people \
                 who saw the post"
            }
            Ctr => "link clicks / impressions; 95% Wilson interval",
            ClickToOrder => "orders / link clicks; 95% Wilson interval",
            Cpm => {
                "cost / impressions x 1000 (rows without impressions are left out, reach is \
                 never used instead)"
            }
            Cpe => {
                "cost / engagements; 95% interval from the exact Poisson interval of the \
                 engagement count: cost / upper .. cost / lower"
            }
            Cpc => {
                "cost / link clicks; 95% interval from the exact Poisson interval of the \
                 click count"
            }
            Cpa => {
                "cost / orders; 95% interval from the exact Poisson interval of the order \
                 count"
            }
            Roas => {
                "revenue / cost; no interval: revenue per order varies and the order-level \
                 amounts are not in this table"
            }
            Roi => {
                "(revenue - cost) / cost, gross: before product margin, so it overstates \
                 profit; no interval"
            }
            ShareRate => "shares / reach; 95% Wilson interval",
            SaveRate => "saves / reach; 95% Wilson interval",
            CommentToView => "comments / views; 95% Wilson interval",
        }
    }

    /// Money in the reporting currency (per unit for the cost-per metrics).
    pub fn is_money(self) -> bool {
        matches!(self, Revenue | Cost | Cpm | Cpe | Cpc | Cpa)
    }

    /// A fraction the UI shows as a percentage.
    pub fn is_rate(self) -> bool {
        matches!(
            self,
            ErReach
                | ErViews
                | ErFollowers
                | Ctr
                | ClickToOrder
                | Roi
                | ShareRate
                | SaveRate
                | CommentToView
        )
    }

    /// Whether a larger value is the better outcome (cost per outcome: smaller is better).
    pub fn higher_is_better(self) -> bool {
        !matches!(self, Cost | Cpm | Cpe | Cpc | Cpa)
    }

    /// The metric with this [`MetricKey::key`] (case-insensitive, surrounding space ignored).
    pub fn parse(key: &str) -> Option<Self> {
        let wanted = key.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|metric| metric.key() == wanted)
    }
}
