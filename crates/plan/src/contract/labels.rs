//! Names of the choices in the user's words, and the number formats used in contract text.

use super::choices::{
    CompensationModel, Copyright, ExclusivityKind, FinalEdit, Makegood, PaymentTrigger,
};

macro_rules! labelled {
    ($kind:ty, [$($variant:ident => $code:literal, $label:literal),+ $(,)?]) => {
        impl $kind {
            pub const ALL: &'static [$kind] = &[$(<$kind>::$variant),+];
            pub fn code(self) -> &'static str {
                match self { $(<$kind>::$variant => $code),+ }
            }
            pub fn label(self) -> &'static str {
                match self { $(<$kind>::$variant => $label),+ }
            }
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == text.trim())
            }
        }
    };
}

labelled!(FinalEdit, [
    Creator => "creator", "the creator has the final edit",
    Joint => "joint", "the creator leads; both agree the final cut",
    Brand => "brand", "the brand has the final edit",
]);

labelled!(CompensationModel, [
    FlatFee => "flat_fee", "flat fee",
    ProductOnly => "product_only", "product only (gifted)",
    Affiliate => "affiliate", "affiliate commission",
    Hybrid => "hybrid", "hybrid: fee plus commission",
]);

labelled!(PaymentTrigger, [
    OnPosting => "on_posting", "when every deliverable is live",
    HalfUpfront => "half_upfront", "half on signature, half when every deliverable is live",
    OnReport => "on_report", "when the performance report is delivered",
]);

labelled!(Makegood, [
    RemedialContent => "remedial_content", "remedial content",
    AdjustedFee => "adjusted_fee", "adjusted fee",
    CreatorChooses => "creator_chooses", "the creator chooses remedial content or an adjusted fee",
    None => "none", "none",
]);

labelled!(Copyright, [
    CreatorKeeps => "creator_keeps", "the creator keeps copyright",
    AssignedToBrand => "assigned_to_brand", "copyright is assigned to the brand",
]);

labelled!(ExclusivityKind, [
    None => "none", "none",
    Exclusive => "exclusive", "category exclusivity",
    FirstRefusal => "first_refusal", "first right of refusal",
]);

/// `£1,250` or `£12.50` (the policy of `microplan_model::format`); never NaN (a non-finite amount reads "an amount to agree").
pub fn money(amount: f64, currency: &str) -> String {
    // Beyond a trillion the cents no longer fit the arithmetic below: no real fee is that big.
    if !amount.is_finite() || amount.abs() >= 1e12 {
        return "an amount to agree".into();
    }
    microplan_model::format::money(amount, currency)
}

/// A fraction as a percentage for contract text: 0.25 -> `25%`, 0.125 -> `12.5%`.
pub fn percent(fraction: f64) -> String {
    if !(fraction * 100.0).is_finite() || (fraction * 100.0).abs() >= 1e15 {
        return "a share to agree".into();
    }
    microplan_model::format::percent(fraction)
}

/// A count or threshold for text: `50`, `12.5`; non-finite reads "a number to agree".
pub fn quantity(value: f64) -> String {
    if !value.is_finite() {
        "a number to agree".into()
    } else if value.fract() == 0.0 {
        microplan_model::format::count_text(value)
    } else {
        microplan_model::format::number_text(value, 2)
    }
}

/// `1 day`, `3 days`.
pub fn days(count: u32) -> String {
    if count == 1 {
        "1 day".into()
    } else {
        format!("{count} days")
    }
}

/// `1 month`, `6 months`.
pub fn months(count: u32) -> String {
    if count == 1 {
        "1 month".into()
    } else {
        format!("{count} months")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_groups_thousands_and_keeps_cents() {
        assert_eq!(money(1250.0, "GBP"), "£1,250");
        assert_eq!(money(12.5, "EUR"), "€12.50");
        assert_eq!(money(1_234_567.891, "USD"), "$1,234,567.89");
        assert_eq!(money(0.0, "GBP"), "£0");
        assert_eq!(money(900.0, "SEK"), "900 SEK");
        assert_eq!(money(f64::NAN, "GBP"), "an amount to agree");
        assert_eq!(money(-2e306, "GBP"), "an amount to agree");
        assert_eq!(quantity(50.0), "50");
        assert_eq!(quantity(10000.0), "10,000");
        assert_eq!(quantity(12.345), "12.35");
        assert_eq!(quantity(f64::NEG_INFINITY), "a number to agree");
    }

    #[test]
    fn percent_reads_fractions() {
        assert_eq!(percent(0.25), "25%");
        assert_eq!(percent(0.125), "12.5%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(f64::INFINITY), "a share to agree");
        assert_eq!(percent(-2.3e306), "a share to agree");
    }

    #[test]
    fn every_label_parses_back_from_its_code() {
        for v in CompensationModel::ALL {
            assert_eq!(CompensationModel::parse(v.code()), Some(*v));
        }
        for v in Makegood::ALL {
            assert_eq!(Makegood::parse(v.code()), Some(*v));
        }
        assert_eq!(FinalEdit::parse("nobody"), None);
        assert_eq!(days(1), "1 day");
        assert_eq!(months(6), "6 months");
    }
}
