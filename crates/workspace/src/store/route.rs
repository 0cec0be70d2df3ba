//! The URL hash as a section slug and the item open in it (`#/briefs/brief-3`), so a reload
//! or the back button keeps the user's place. Pure, so it is tested natively; the UI maps the
//! slug to its section.

/// A section slug and the id of the item open in it. Ids are percent-encoded in the URL.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    pub section: String,
    pub item: Option<String>,
}

impl Route {
    /// Reads `#/communities/Bread%20bakers` (the `#` and leading `/` optional); a query after
    /// `?` is ignored, an empty item is none.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or("");
        let (section, item) = match path.split_once('/') {
            Some((section, item)) => (section, item.trim_end_matches('/')),
            None => (path, ""),
        };
        Route {
            section: section.to_string(),
            item: (!item.is_empty()).then(|| percent_decode(item)),
        }
    }

    /// The hash for this route: `#/communities/Bread%20bakers`, or `#/communities`.
    pub fn to_hash(&self) -> String {
        match &self.item {
            Some(item) if !item.is_empty() => {
                format!("#/{}/{}", self.section, percent_encode(item))
            }
            _ => format!("#/{}", self.section),
        }
    }
}

/// Keeps letters, digits and `-._~`; every other byte of the UTF-8 text becomes `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undoes `percent_encode`. A `%` not followed by two hex digits is kept as it is, and bytes
/// that are not UTF-8 become U+FFFD, so a hand-edited URL never fails.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let hex = bytes.get(at + 1..at + 3).and_then(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        });
        match (byte, hex) {
            (b'%', Some(decoded)) => {
                out.push(decoded);
                at += 3;
            }
            _ => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(section: &str, item: Option<&str>) -> Route {
        Route {
            section: section.into(),
            item: item.map(String::from),
        }
    }

    #[test]
    fn parses_section_and_item() {
        assert_eq!(Route::parse("#/creators"), route("creators", None));
        assert_eq!(Route::parse("#/creators/"), route("creators", None));
        assert_eq!(Route::parse(""), route("", None));
        assert_eq!(Route::parse("#/"), route("", None));
        assert_eq!(
            Route::parse("#/briefs/brief-3"),
            route("briefs", Some("brief-3"))
        );
        assert_eq!(
            Route::parse("briefs/brief-3?x=1"),
            route("briefs", Some("brief-3"))
        );
        assert_eq!(
            Route::parse("#/communities/Bread%20bakers"),
            route("communities", Some("Bread bakers"))
        );
    }

    #[test]
    fn encodes_everything_outside_the_unreserved_set() {
        assert_eq!(percent_encode("@anna.b_k-1~"), "%40anna.b_k-1~");
        assert_eq!(percent_encode("a/b c#d?e%"), "a%2Fb%20c%23d%3Fe%25");
        // "é" is C3 A9 in UTF-8.
        assert_eq!(percent_encode("café"), "caf%C3%A9");
    }

    #[test]
    fn ids_survive_a_round_trip() {
        for id in [
            "Bread bakers",
            "@anna",
            "a/b#c?d",
            "100% wool",
            "café ☕",
            "x|y|v2",
        ] {
            let hash = route("contracts", Some(id)).to_hash();
            assert!(!hash[2..].contains(['#', '?', ' ']), "{hash}");
            assert_eq!(Route::parse(&hash), route("contracts", Some(id)));
        }
        assert_eq!(
            route("contracts", Some("a b")).to_hash(),
            "#/contracts/a%20b"
        );
        assert_eq!(route("contracts", None).to_hash(), "#/contracts");
        assert_eq!(route("contracts", Some("")).to_hash(), "#/contracts");
    }

    #[test]
    fn broken_escapes_are_kept_not_refused() {
        assert_eq!(percent_decode("50%"), "50%");
        assert_eq!(percent_decode("%zz1"), "%zz1");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }
}
