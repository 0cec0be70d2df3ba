//! Small cell readers for text-like values: missing markers, booleans, lists, handles,
//! codes, and the spreadsheet-formula guard.

/// Cells that mean "no value" in exports and hand-made sheets.
const MISSING_MARKERS: [&str; 8] = ["", "-", "--", "—", "–", "n/a", "na", "null"];

/// True when a trimmed cell means "no value": empty, `-`, `n/a`, `NA`, `null`, `—`.
pub fn is_missing(cell: &str) -> bool {
    let trimmed = cell.trim();
    // Every marker is at most 4 characters; skip the allocation for real values.
    if trimmed.chars().nth(4).is_some() {
        return false;
    }
    // Short ASCII cells ("no", "yes", "12") are most of them: compared without lowercasing
    // into a new string. Other text lowercases by Unicode rules, as before.
    if trimmed.is_ascii() {
        let is = |marker: &str| trimmed.eq_ignore_ascii_case(marker);
        return MISSING_MARKERS.iter().any(|m| is(m)) || is("#n/a") || is("none");
    }
    let lower = trimmed.to_lowercase();
    MISSING_MARKERS.contains(&lower.as_str()) || lower == "#n/a" || lower == "none"
}

/// First characters a spreadsheet may run as a formula (OWASP CSV injection guidance).
fn starts_like_formula(text: &str) -> bool {
    matches!(
        text.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// True when export must add a leading `'`: the text starts like a formula, or is already
/// `'`-prefixed formula-like text (so the `'` the user typed survives a round trip).
pub fn needs_formula_guard(text: &str) -> bool {
    starts_like_formula(text.trim_start_matches('\''))
}

/// Export form of a text cell: a leading `'` stops spreadsheets running it as a formula.
pub fn guard_formula(text: &str) -> String {
    if needs_formula_guard(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Import form of a text cell: removes the `'` that [`guard_formula`] added.
pub fn unguard_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_formula_guard(rest) => rest,
        _ => text,
    }
}

/// A handle as stored: no leading `@`, no surrounding spaces (see `normalise_handle`).
pub fn clean_handle(text: &str) -> String {
    microplan_model::rows::normalise_handle(text).to_string()
}

/// A platform as stored: lowercase, with the usual short forms spelled out.
pub fn clean_platform(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    match lower.as_str() {
        "ig" | "insta" => "instagram".to_string(),
        "tt" => "tiktok".to_string(),
        "yt" => "youtube".to_string(),
        _ => lower,
    }
}

/// An ISO 3166 alpha-2 country code, uppercased; `None` when it is not two letters.
pub fn parse_country(text: &str) -> Option<String> {
    let code = text.trim().to_ascii_uppercase();
    let is_code = code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic());
    is_code.then_some(code)
}

/// An ISO 4217 currency code from a code (`eur`) or a symbol (`€`).
pub fn parse_currency(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if let Some(code) = currency_for_symbol(trimmed) {
        return Some(code.to_string());
    }
    let code = trimmed.to_ascii_uppercase();
    let is_code = code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic());
    is_code.then_some(code)
}

/// Currency symbols found in money cells, longest first so `US$` wins over `$`.
pub const CURRENCY_SYMBOLS: [(&str, &str); 13] = [
    ("US$", "USD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("NZ$", "NZD"),
    ("R$", "BRL"),
    ("zł", "PLN"),
    ("Kč", "CZK"),
    ("€", "EUR"),
    ("$", "USD"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
];

/// Finds a currency symbol or three-letter code at either end of a money cell.
pub(crate) fn take_currency(text: &str) -> (String, Option<(String, String)>) {
    let trimmed = text.trim();
    let (sign, unsigned) = match trimmed.strip_prefix('-') {
        Some(rest) => ("-", rest.trim_start()),
        None => ("", trimmed),
    };
    for (symbol, code) in CURRENCY_SYMBOLS {
        if let Some(rest) = unsigned.strip_prefix(symbol) {
            return (
                format!("{sign}{rest}"),
                Some((symbol.to_string(), code.to_string())),
            );
        }
        if let Some(rest) = unsigned.strip_suffix(symbol) {
            return (
                format!("{sign}{rest}"),
                Some((symbol.to_string(), code.to_string())),
            );
        }
    }
    let letters = |part: &str| part.len() == 3 && part.chars().all(|c| c.is_ascii_alphabetic());
    let head = unsigned.get(..3).filter(|part| letters(part));
    let tail = unsigned
        .len()
        .checked_sub(3)
        .and_then(|at| unsigned.get(at..))
        .filter(|part| letters(part));
    if let Some(code) = head {
        let rest = unsigned.get(3..).unwrap_or("");
        return (
            format!("{sign}{rest}"),
            Some((code.to_string(), code.to_ascii_uppercase())),
        );
    }
    if let Some(code) = tail {
        let rest = unsigned
            .get(..unsigned.len().saturating_sub(3))
            .unwrap_or("");
        return (
            format!("{sign}{rest}"),
            Some((code.to_string(), code.to_ascii_uppercase())),
        );
    }
    (trimmed.to_string(), None)
}

pub fn currency_for_symbol(symbol: &str) -> Option<&'static str> {
    CURRENCY_SYMBOLS
        .iter()
        .find(|(s, _)| *s == symbol)
        .map(|(_, code)| *code)
}

/// Whether a bare `$` in a cell agrees with a currency code from elsewhere.
pub fn symbol_allows(symbol_code: &str, symbol: &str, code: &str) -> bool {
    symbol_code == code || (symbol == "$" && code.ends_with('D'))
}

/// Reads yes/no cells. `checkbox` columns also read an empty cell as "no".
pub fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "t" | "1" | "x" | "✓" | "✔" | "☑" | "ja" | "oui" | "sí" | "si" => {
            Some(true)
        }
        "no" | "n" | "false" | "f" | "0" | "✗" | "✘" | "☐" | "nein" | "non" => Some(false),
        _ => None,
    }
}

/// Splits a list cell on `;`, `|` or `,`, trimming items and dropping empty ones.
pub fn parse_list(text: &str, lowercase: bool) -> Vec<String> {
    if is_missing(text) {
        return Vec::new();
    }
    text.split([';', '|', ','])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            if lowercase {
                item.to_lowercase()
            } else {
                item.to_string()
            }
        })
        .collect()
}

/// Export form of a list.
pub fn join_list(items: &[String]) -> String {
    items.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_markers_are_recognised() {
        for cell in [
            "", "  ", "-", "—", "–", "n/a", "N/A", "NA", "null", "NULL", "#N/A", "None",
        ] {
            assert!(is_missing(cell), "{cell:?}");
        }
        for cell in ["0", "nan", "a", "no", "nõ", "nulls"] {
            assert!(!is_missing(cell), "{cell:?}");
        }
    }

    #[test]
    fn formula_guard_round_trips() {
        for text in [
            "=SUM(A1)", "+1", "-x", "@me", "\tx", "'=x", "''-x", "plain", "'quoted", "",
        ] {
            let guarded = guard_formula(text);
            assert_eq!(unguard_formula(&guarded), text, "{text:?}");
        }
        assert_eq!(guard_formula("=1+1"), "'=1+1");
        assert_eq!(guard_formula("'=1"), "''=1");
        assert_eq!(guard_formula("it's"), "it's");
        assert_eq!(unguard_formula("'=1"), "=1");
        assert_eq!(unguard_formula("'hello"), "'hello");
    }

    #[test]
    fn handles_platforms_countries_currencies() {
        assert_eq!(clean_handle(" @peak_pace "), "peak_pace");
        // Every leading @ goes, so the stored handle reads back the same from an export.
        assert_eq!(clean_handle("@@x"), "x");
        assert_eq!(clean_handle("\u{feff}@nora"), "nora");
        assert_eq!(clean_platform("Instagram"), "instagram");
        assert_eq!(clean_platform("IG"), "instagram");
        assert_eq!(parse_country("gb"), Some("GB".into()));
        assert_eq!(parse_country("GBR"), None);
        assert_eq!(parse_currency("eur"), Some("EUR".into()));
        assert_eq!(parse_currency("€"), Some("EUR".into()));
        assert_eq!(parse_currency("euro"), None);
        assert!(symbol_allows("USD", "$", "CAD"));
        assert!(!symbol_allows("EUR", "€", "GBP"));
    }

    #[test]
    fn booleans_in_every_spelling() {
        for yes in ["yes", "Y", "TRUE", "1", "x", "X", "✓"] {
            assert_eq!(parse_bool(yes), Some(true), "{yes}");
        }
        for no in ["no", "N", "false", "0"] {
            assert_eq!(parse_bool(no), Some(false), "{no}");
        }
        assert_eq!(parse_bool("maybe"), None);
    }

    #[test]
    fn lists_split_on_any_separator() {
        assert_eq!(
            parse_list("Trail Running; Outdoors|fitness, ", true),
            ["trail running", "outdoors", "fitness"]
        );
        assert_eq!(
            parse_list("#Sourdough, #Bread", false),
            ["#Sourdough", "#Bread"]
        );
        assert!(parse_list("n/a", true).is_empty());
        assert_eq!(join_list(&["a".into(), "b c".into()]), "a; b c");
    }
}
