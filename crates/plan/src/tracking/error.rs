//! Why a tracking link or discount code could not be made. `Display` gives the sentence
//! the Tracking page shows, quoting what was typed and saying how to fix it.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrackingError {
    /// The landing page field is empty.
    NoLandingPage,
    /// The address holds a space; `before` is the text up to it.
    SpaceInAddress { shown: String, before: String },
    /// The address is a `mailto:`, `tel:` ... address, not a web page.
    NotAWebPage { shown: String, scheme: String },
    /// The address does not start with http:// or https://.
    NoScheme { shown: String },
    /// The address carries a user name or password before the site.
    CredentialsInAddress { shown: String },
    /// The text after the colon in the site is not a port number.
    PortNotNumber { shown: String, port: String },
    /// Nothing between https:// and the path.
    NoSiteName { shown: String },
    /// The site name has no dot (and is not localhost).
    NotFullSiteName { shown: String, name: String },
    /// Two dots in a row, or a dot at an end of the site name.
    EmptySiteNamePart { shown: String, name: String },
    /// A part of the site name starts or ends with a hyphen.
    HyphenAtPartEdge { shown: String, name: String },
    /// The site name holds a character a domain cannot.
    BadSiteCharacter { shown: String, bad: char },
    /// The creator has no platform for utm_source.
    NoPlatform { handle: String },
    /// The campaign name is empty once cleaned for utm_campaign.
    NoCampaign,
    /// The handle is empty once cleaned for utm_content.
    HandleWithoutLetters { handle: String },
    /// No code pattern was entered.
    NoCodePattern,
    /// The pattern opens a `{` and never closes it.
    UnclosedPlaceholder { pattern: String },
    /// The pattern uses {PCT} without a discount between 1% and 99%.
    NoDiscountForPct,
    /// The pattern uses a placeholder other than HANDLE, PCT or CAMPAIGN.
    UnknownPlaceholder { placeholder: String },
    /// The pattern gives no letters at all.
    EmptyCode { pattern: String },
    /// Every suffix for this creator's code is taken.
    NoFreeCode { handle: String },
    /// No creator was chosen for the links.
    NoCreators,
}

impl fmt::Display for TrackingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrackingError::NoLandingPage => {
                write!(f, "Enter the landing page address, e.g. https://shop.example/bars.")
            }
            TrackingError::SpaceInAddress { shown, before } => {
                write!(f, "`{shown}` contains a space (after `{before}`); remove it or write %20.")
            }
            TrackingError::NotAWebPage { shown, scheme } => write!(
                f,
                "`{shown}` is a {scheme}: address; UTM parameters only work on web pages (https://...)."
            ),
            TrackingError::NoScheme { shown } => {
                write!(f, "`{shown}` has no https:// in front; did you mean https://{shown} ?")
            }
            TrackingError::CredentialsInAddress { shown } => write!(
                f,
                "`{shown}` contains a user name or password before the site (`@`); use the plain page address."
            ),
            TrackingError::PortNotNumber { shown, port } => {
                write!(f, "`{shown}`: the port `{port}` after the colon must be a number.")
            }
            TrackingError::NoSiteName { shown } => {
                write!(f, "`{shown}` has no site name after https://.")
            }
            TrackingError::NotFullSiteName { shown, name } => write!(
                f,
                "`{shown}`: `{name}` is not a full site name; it needs a domain such as {name}.com."
            ),
            TrackingError::EmptySiteNamePart { shown, name } => {
                write!(f, "`{shown}`: the site name `{name}` has an empty part between dots.")
            }
            TrackingError::HyphenAtPartEdge { shown, name } => {
                write!(f, "`{shown}`: a part of `{name}` starts or ends with a hyphen.")
            }
            TrackingError::BadSiteCharacter { shown, bad } => {
                write!(f, "`{shown}`: the site name cannot contain `{bad}`.")
            }
            TrackingError::NoPlatform { handle } => write!(
                f,
                "@{handle} has no platform; utm_source needs one (instagram, tiktok ...)."
            ),
            TrackingError::NoCampaign => write!(f, "Name the campaign: it becomes utm_campaign."),
            TrackingError::HandleWithoutLetters { handle } => write!(
                f,
                "The handle `{handle}` has no letters or digits to put in utm_content."
            ),
            TrackingError::NoCodePattern => {
                write!(f, "Enter a code pattern such as {{HANDLE}}{{PCT}}.")
            }
            TrackingError::UnclosedPlaceholder { pattern } => {
                write!(f, "The pattern `{pattern}` opens a {{ that is never closed.")
            }
            TrackingError::NoDiscountForPct => {
                write!(f, "The pattern uses {{PCT}}: enter a discount between 1% and 99%.")
            }
            TrackingError::UnknownPlaceholder { placeholder } => write!(
                f,
                "Unknown placeholder {{{placeholder}}} in the pattern; use {{HANDLE}}, {{PCT}} or {{CAMPAIGN}}."
            ),
            TrackingError::EmptyCode { pattern } => {
                write!(f, "The pattern `{pattern}` gives an empty code; add {{HANDLE}}.")
            }
            TrackingError::NoFreeCode { handle } => {
                write!(f, "No free code left for @{handle} with this pattern.")
            }
            TrackingError::NoCreators => write!(f, "Choose at least one creator."),
        }
    }
}

impl std::error::Error for TrackingError {}

impl From<TrackingError> for String {
    fn from(error: TrackingError) -> Self {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tracking::{parse_landing_page, render_code, CodeInputs};

    #[test]
    fn messages_quote_what_was_typed() {
        let error = parse_landing_page("shop.example/bars").unwrap_err();
        assert_eq!(
            error,
            TrackingError::NoScheme {
                shown: "shop.example/bars".into()
            }
        );
        assert_eq!(
            String::from(error),
            "`shop.example/bars` has no https:// in front; did you mean https://shop.example/bars ?"
        );
        assert_eq!(
            parse_landing_page("https://shop..example").unwrap_err().to_string(),
            "`https://shop..example`: the site name `shop..example` has an empty part between dots."
        );
        assert_eq!(
            parse_landing_page("https://shop.example:80a")
                .unwrap_err()
                .to_string(),
            "`https://shop.example:80a`: the port `80a` after the colon must be a number."
        );
        let inputs = CodeInputs {
            handle: "levain_lotte",
            campaign: "Spring",
            discount: None,
        };
        assert_eq!(
            render_code(" ", &inputs).unwrap_err().to_string(),
            "Enter a code pattern such as {HANDLE}{PCT}."
        );
        assert_eq!(
            render_code("{PCT}", &inputs).unwrap_err().to_string(),
            "The pattern uses {PCT}: enter a discount between 1% and 99%."
        );
        assert_eq!(
            render_code("{HANDLE", &inputs).unwrap_err().to_string(),
            "The pattern `{HANDLE` opens a { that is never closed."
        );
        assert_eq!(
            render_code("{name}", &inputs).unwrap_err().to_string(),
            "Unknown placeholder {NAME} in the pattern; use {HANDLE}, {PCT} or {CAMPAIGN}."
        );
    }
}
