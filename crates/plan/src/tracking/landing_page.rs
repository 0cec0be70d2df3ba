//! Landing-page address checks: a clear error for every way a pasted address goes wrong,
//! and the parts the link builder needs (query and fragment kept as they were).

use super::error::TrackingError;

/// A landing page split into the parts the UTM builder works with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LandingPage {
    /// `https://shop.example/bars`, with non-ASCII path characters percent-encoded.
    pub base: String,
    /// The existing query without the leading `?`, split on `&`, empty pairs dropped.
    pub query: Vec<String>,
    /// The fragment without `#`, when there is one.
    pub fragment: Option<String>,
    /// Things that work but deserve a look (plain http, parameters that get replaced).
    pub warnings: Vec<String>,
}

fn is_hex(byte: u8) -> bool {
    byte.is_ascii_hexdigit()
}

/// Percent-encodes what a URL cannot carry raw (non-ASCII, controls, quotes, `<>`), keeping
/// existing `%XX` escapes and every character already legal in a URL.
pub fn encode_url_part(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let keep = match byte {
            b'%' => {
                bytes.get(index + 1).is_some_and(|b| is_hex(*b))
                    && bytes.get(index + 2).is_some_and(|b| is_hex(*b))
            }
            b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}' => false,
            0x21..=0x7e => true,
            _ => false,
        };
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
        index += 1;
    }
    out
}

fn check_host(host: &str, shown: &str) -> Result<(), TrackingError> {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => name,
        Some((_, port)) if !host.starts_with('[') => {
            return Err(TrackingError::PortNotNumber {
                shown: shown.to_string(),
                port: port.to_string(),
            });
        }
        _ => host,
    };
    if name.is_empty() {
        return Err(TrackingError::NoSiteName {
            shown: shown.to_string(),
        });
    }
    if name.eq_ignore_ascii_case("localhost") {
        return Ok(());
    }
    if !name.contains('.') {
        return Err(TrackingError::NotFullSiteName {
            shown: shown.to_string(),
            name: name.to_string(),
        });
    }
    for label in name.split('.') {
        if label.is_empty() {
            return Err(TrackingError::EmptySiteNamePart {
                shown: shown.to_string(),
                name: name.to_string(),
            });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(TrackingError::HyphenAtPartEdge {
                shown: shown.to_string(),
                name: name.to_string(),
            });
        }
        if let Some(bad) = label.chars().find(|c| !(c.is_alphanumeric() || *c == '-')) {
            return Err(TrackingError::BadSiteCharacter {
                shown: shown.to_string(),
                bad,
            });
        }
    }
    Ok(())
}

/// Checks a landing page the user typed or pasted.
pub fn parse_landing_page(text: &str) -> Result<LandingPage, TrackingError> {
    let shown = text.trim();
    if shown.is_empty() {
        return Err(TrackingError::NoLandingPage);
    }
    if let Some(position) = shown.find(char::is_whitespace) {
        return Err(TrackingError::SpaceInAddress {
            shown: shown.to_string(),
            before: shown.get(..position).unwrap_or("").to_string(),
        });
    }
    let lower = shown.to_ascii_lowercase();
    let (scheme, rest) = if lower.starts_with("https://") {
        ("https", shown.get(8..).unwrap_or(""))
    } else if lower.starts_with("http://") {
        ("http", shown.get(7..).unwrap_or(""))
    } else if let Some((scheme, _)) = shown.split_once(':').filter(|(s, _)| {
        !s.is_empty()
            && !s.contains(['/', '.'])
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    }) {
        return Err(TrackingError::NotAWebPage {
            shown: shown.to_string(),
            scheme: scheme.to_string(),
        });
    } else {
        return Err(TrackingError::NoScheme {
            shown: shown.to_string(),
        });
    };
    let (before_fragment, fragment) = match rest.split_once('#') {
        Some((before, fragment)) => (before, Some(fragment.to_string())),
        None => (rest, None),
    };
    let (site_and_path, query) = match before_fragment.split_once('?') {
        Some((before, query)) => (before, query),
        None => (before_fragment, ""),
    };
    let (host, path) = match site_and_path.find('/') {
        Some(position) => site_and_path.split_at(position),
        None => (site_and_path, ""),
    };
    if host.contains('@') {
        return Err(TrackingError::CredentialsInAddress {
            shown: shown.to_string(),
        });
    }
    check_host(host, shown)?;
    let mut warnings = Vec::new();
    if scheme == "http" {
        warnings.push("The page uses http://; browsers mark it as not secure. Use https:// if the site supports it.".to_string());
    }
    let query: Vec<String> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(encode_url_part)
        .collect();
    Ok(LandingPage {
        base: format!(
            "{scheme}://{}{}",
            host.to_lowercase(),
            encode_url_part(path)
        ),
        query,
        fragment: fragment.map(|f| encode_url_part(&f)),
        warnings,
    })
}
