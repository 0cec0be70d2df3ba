//! Promo codes per creator from a pattern such as `{HANDLE}{PCT}`.
//!
//! Codes are uppercase and are said on camera, so they are built from whole words of the
//! handle (`muddy_miles_tom` gives MUDDYMILES, `levain_lotte` LEVAINLOTTE): a viewer hears a
//! word and types it. Words keep all their letters; the digits 0 and 1 are dropped from them,
//! so a code never holds a 0 or 1 that could be read as O, I or L. Every suffix the generator
//! adds, and the code of a handle with no usable letters, come from an alphabet without the
//! look-alikes 0, O, 1, I and L. The discount number of `{PCT}` is the one exception: it keeps
//! its digits (15 stays 15), because changing a number would change the offer.
//! Generation is deterministic: the same creators, pattern and taken codes give the same
//! codes, and a creator's code never collides with another (case-insensitively) or with a
//! code imported from the store.

use std::collections::HashSet;

use super::error::TrackingError;

/// Letters and digits that cannot be mistaken for one another.
pub const SAFE_ALPHABET: &str = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Suffixes that break collisions: digits after a letter (TOM2), letters after a digit
/// (TOM15B), so the discount number is never changed by what follows it.
const SUFFIX_DIGITS: &[u8] = b"23456789";
const SUFFIX_LETTERS: &[u8] = b"BCDEFGHJKMNPQRSTUVWXYZ";
const MAX_HANDLE_PART: usize = 12;
const MAX_CAMPAIGN_PART: usize = 8;
const MAX_CODE: usize = 24;
const MAX_SUFFIX_TRIES: usize = 5_000;

pub fn is_ambiguous(c: char) -> bool {
    matches!(c, '0' | 'O' | '1' | 'I' | 'L')
}

/// Latin letters with accents to their base letter, so `Zoë` gives `ZE`, not nothing.
fn fold_accent(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => "A",
        'ç' | 'ć' | 'č' => "C",
        'ď' | 'ð' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "E",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "I",
        'ł' => "L",
        'ñ' | 'ń' | 'ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "O",
        'ř' => "R",
        'ś' | 'š' | 'ş' => "S",
        'ť' | 'ţ' => "T",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "U",
        'ý' | 'ÿ' => "Y",
        'ź' | 'ż' | 'ž' => "Z",
        'ß' => "SS",
        'æ' => "AE",
        'œ' => "OE",
        'þ' => "TH",
        _ => "",
    }
}

/// The words of `text` as code characters: uppercase, accents folded, symbols dropped, and
/// the digits 0 and 1 dropped (look-alikes of O and I). `muddy_miles_tom` gives
/// `["MUDDY", "MILES", "TOM"]`.
pub fn code_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let folded = if c.is_ascii_alphanumeric() {
            c.to_ascii_uppercase().to_string()
        } else {
            fold_accent(c).to_string()
        };
        if folded.is_empty() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        word.extend(folded.chars().filter(|&ch| ch != '0' && ch != '1'));
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Whole words of `text` while they fit in `max` characters; a first word longer than that
/// is cut. `("muddy_miles_tom", 12)` gives `MUDDYMILES`.
fn words_within(text: &str, max: usize) -> String {
    let mut out = String::new();
    for word in code_words(text) {
        if out.is_empty() && word.len() > max {
            return word.chars().take(max).collect();
        }
        if out.len() + word.len() > max {
            break;
        }
        out.push_str(&word);
    }
    out
}

/// Literal pattern text as code characters.
pub fn code_letters(text: &str) -> String {
    code_words(text).concat()
}

/// Four safe characters from a hash of the handle, for handles with no usable letters
/// (`ナナ`, `__01`): deterministic, so a re-run gives the same code.
fn hashed_letters(handle: &str) -> String {
    // FNV-1a, 64 bit.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in handle.trim().to_lowercase().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let alphabet = SAFE_ALPHABET.as_bytes();
    let base = alphabet.len() as u64;
    let mut out = String::from("C");
    for _ in 0..4 {
        let index = (hash % base) as usize;
        out.push(alphabet.get(index).copied().unwrap_or(b'X') as char);
        hash /= base;
    }
    out
}

/// What one creator's code is made from.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInputs<'a> {
    pub handle: &'a str,
    pub campaign: &'a str,
    /// Discount as a fraction (0.15 for 15%), needed when the pattern uses `{PCT}`.
    pub discount: Option<f64>,
}

/// The code the pattern gives before collisions are resolved.
pub fn render_code(pattern: &str, inputs: &CodeInputs) -> Result<String, TrackingError> {
    let mut out = String::new();
    let mut rest = pattern.trim();
    if rest.is_empty() {
        return Err(TrackingError::NoCodePattern);
    }
    while let Some(open) = rest.find('{') {
        out.push_str(&code_letters(rest.get(..open).unwrap_or("")));
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find('}') else {
            return Err(TrackingError::UnclosedPlaceholder {
                pattern: pattern.to_string(),
            });
        };
        let token = after.get(..close).unwrap_or("").trim().to_ascii_uppercase();
        match token.as_str() {
            "HANDLE" => {
                let letters = words_within(inputs.handle, MAX_HANDLE_PART);
                if letters.is_empty() {
                    out.push_str(&hashed_letters(inputs.handle));
                } else {
                    out.push_str(&letters);
                }
            }
            "CAMPAIGN" => out.push_str(&words_within(inputs.campaign, MAX_CAMPAIGN_PART)),
            "PCT" => {
                let Some(discount) = inputs
                    .discount
                    .filter(|d| d.is_finite() && *d > 0.0 && *d < 1.0)
                else {
                    return Err(TrackingError::NoDiscountForPct);
                };
                out.push_str(&format!("{}", (discount * 100.0).round() as u32));
            }
            other => {
                return Err(TrackingError::UnknownPlaceholder {
                    placeholder: other.to_string(),
                })
            }
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    out.push_str(&code_letters(rest));
    if out.is_empty() {
        return Err(TrackingError::EmptyCode {
            pattern: pattern.to_string(),
        });
    }
    Ok(out.chars().take(MAX_CODE).collect())
}

/// The n-th collision suffix over an alphabet: 2, 3 ... 9, 22, 23 ... (bijective numbering).
fn suffix(mut n: usize, alphabet: &[u8]) -> String {
    let base = alphabet.len().max(1);
    let mut digits = Vec::new();
    loop {
        digits.push(alphabet.get(n % base).copied().unwrap_or(b'9'));
        if n < base {
            break;
        }
        n = n / base - 1;
    }
    digits.iter().rev().map(|b| *b as char).collect()
}

/// Codes for creators in order. `taken` holds codes already used elsewhere in the workspace
/// and codes imported from the store; a code equal to one of them (ignoring case) gets the
/// first free suffix.
pub fn assign_codes(
    pattern: &str,
    creators: &[CodeInputs],
    taken: &[String],
) -> Result<Vec<String>, TrackingError> {
    let mut used: HashSet<String> = taken
        .iter()
        .map(|code| code.trim().to_uppercase())
        .collect();
    let mut codes = Vec::with_capacity(creators.len());
    for inputs in creators {
        let base = render_code(pattern, inputs)?;
        let alphabet = if base.ends_with(|c: char| c.is_ascii_digit()) {
            SUFFIX_LETTERS
        } else {
            SUFFIX_DIGITS
        };
        let mut code = base.clone();
        let mut tries = 0;
        while used.contains(&code) {
            if tries >= MAX_SUFFIX_TRIES {
                return Err(TrackingError::NoFreeCode {
                    handle: inputs.handle.to_string(),
                });
            }
            code = format!("{base}{}", suffix(tries, alphabet));
            tries += 1;
        }
        used.insert(code.clone());
        codes.push(code);
    }
    Ok(codes)
}

#[cfg(test)]
pub(super) fn digit_suffix_for_test(n: usize) -> String {
    suffix(n, SUFFIX_DIGITS)
}
