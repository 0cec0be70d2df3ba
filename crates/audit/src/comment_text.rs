//! Reading one comment: normalised text, the generic-praise lexicon, the three comment
//! kinds (emoji-only, generic, specific) and character shingles for near-duplicate checks.
//!
//! Rules, in order:
//! 1. **Emoji-only**: the comment has no letter or digit at all (emoji, punctuation, nothing).
//! 2. **Specific**: it asks a question (`?`, `¿`, `？`) or has at least
//!    [`SPECIFIC_MIN_CONTENT_WORDS`] content words. Content words are the words left after
//!    removing @mentions, links, phrases of the generic-praise lexicon and filler words.
//! 3. **Generic**: everything else - lexicon praise ("love this", "so cute", "toll",
//!    "génial", "bellissimo" ...) or too short to say anything about the content.
//!
//! Matching is case- and accent-insensitive (é -> e, ü -> u, ß -> ss ...). The lexicon covers
//! English, German, French, Spanish, Dutch and Italian.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::fast_hash::{FastMap, FastSet};
use super::lexicon::{FILLER_WORDS, GENERIC_PHRASES};

/// A comment needs this many content words (or a question) to count as specific.
pub const SPECIFIC_MIN_CONTENT_WORDS: usize = 3;
/// Length of the character shingles used for near-duplicate detection.
pub const SHINGLE_CHARS: usize = 3;

/// What kind of comment a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentKind {
    EmojiOnly,
    Generic,
    Specific,
}

/// The accent-free spelling of a lowercase letter (é -> e, ß -> ss); `None` when it has none.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'æ' => "ae",
        'ç' | 'č' | 'ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ñ' | 'ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        'š' | 'ś' => "s",
        'ž' | 'ź' | 'ż' => "z",
        _ => return None,
    })
}

/// Invisible emoji modifiers that should not make two comments differ.
fn is_modifier(c: char) -> bool {
    matches!(
        c,
        '\u{FE0E}' | '\u{FE0F}' | '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}'
    )
}

fn is_link_or_mention(word: &str) -> bool {
    let starts = |prefix: &str| {
        word.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    word.starts_with('@') || starts("http://") || starts("https://") || starts("www.")
}

/// Normalised comment text, the basis of duplicate detection: lowercase, accents folded,
/// @mentions and links removed, punctuation turned into spaces, emoji kept, invisible emoji
/// modifiers dropped, runs of one character longer than two cut to two ("soooo" -> "soo",
/// "🔥🔥🔥" -> "🔥🔥"), whitespace collapsed.
pub fn normalise_comment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalise_comment_into(text, &mut out);
    out
}

/// [`normalise_comment`] appended to `out` (what `out` held stays as it was), so the texts
/// of many comments can share one string.
pub fn normalise_comment_into(text: &str, out: &mut String) {
    let start = out.len();
    let mut out = Normaliser {
        text: out,
        start,
        last: None,
        run: 0,
    };
    for word in text.split_whitespace() {
        if is_link_or_mention(word) {
            continue;
        }
        if word.is_ascii() {
            // Fast path for plain ASCII words: no UTF-8 decoding, no Unicode tables.
            for byte in word.bytes() {
                let c = char::from(byte.to_ascii_lowercase());
                if byte.is_ascii_alphanumeric() {
                    out.push(c);
                } else if byte.is_ascii_punctuation() || byte.is_ascii_whitespace() {
                    out.push(' ');
                } else {
                    out.classify(c);
                }
            }
        } else {
            for c in word.chars().flat_map(char::to_lowercase) {
                out.classify(c);
            }
        }
        out.push(' ');
    }
    if out.text.len() > start && out.text.ends_with(' ') {
        out.text.pop();
    }
}

/// Builds normalised text one character at a time (single pass, no intermediate strings),
/// appending to `text` after its first `start` bytes.
struct Normaliser<'a> {
    text: &'a mut String,
    start: usize,
    last: Option<char>,
    run: usize,
}

impl Normaliser<'_> {
    fn classify(&mut self, c: char) {
        if c.is_alphanumeric() {
            match fold_char(c) {
                Some(folded) => folded.chars().for_each(|f| self.push(f)),
                None => self.push(c),
            }
        } else if c.is_ascii_punctuation() || c.is_whitespace() || is_other_punctuation(c) {
            self.push(' ');
        } else if !is_modifier(c) {
            self.push(c);
        }
    }

    /// Appends a character, collapsing spaces and cutting runs of one character at two.
    #[inline]
    fn push(&mut self, c: char) {
        if c == ' ' && (self.text.len() == self.start || self.last == Some(' ')) {
            return;
        }
        if self.last == Some(c) {
            self.run += 1;
        } else {
            self.last = Some(c);
            self.run = 1;
        }
        if self.run <= 2 {
            self.text.push(c);
        }
    }
}

fn is_other_punctuation(c: char) -> bool {
    matches!(
        c,
        '¡' | '¿'
            | '…'
            | '«'
            | '»'
            | '‘'
            | '’'
            | '“'
            | '”'
            | '–'
            | '—'
            | '·'
            | '？'
            | '！'
            | '。'
            | '、'
    )
}

/// Words of a normalised text: maximal runs of letters and digits.
fn words(normalised: &str) -> Vec<&str> {
    normalised
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect()
}

struct Lexicon {
    /// Generic phrases by their first word, longest phrase first.
    phrases: FastMap<&'static str, Vec<Vec<&'static str>>>,
    fillers: FastSet<&'static str>,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut phrases: FastMap<&'static str, Vec<Vec<&'static str>>> = FastMap::default();
        for phrase in GENERIC_PHRASES {
            let parts: Vec<&'static str> = phrase.split(' ').filter(|w| !w.is_empty()).collect();
            if let Some(first) = parts.first().copied() {
                phrases.entry(first).or_default().push(parts);
            }
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|phrase| std::cmp::Reverse(phrase.len()));
        }
        Lexicon {
            phrases,
            fillers: FILLER_WORDS.iter().copied().collect(),
        }
    })
}

/// Walks the words of a normalised text, skipping generic-praise phrases and filler words, and
/// hands each content word to `found`; stops after `limit` content words. Returns the count.
fn scan_content_words<'a>(
    normalised: &'a str,
    limit: usize,
    mut found: impl FnMut(&'a str),
) -> usize {
    let lexicon = lexicon();
    let mut words = normalised
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut count = 0;
    while count < limit {
        let Some(word) = words.next() else { break };
        let phrase = lexicon.phrases.get(word).and_then(|candidates| {
            candidates.iter().find(|phrase| {
                let mut ahead = words.clone();
                phrase
                    .iter()
                    .skip(1)
                    .all(|part| ahead.next() == Some(*part))
            })
        });
        if let Some(phrase) = phrase {
            for _ in 1..phrase.len() {
                words.next();
            }
        } else if !lexicon.fillers.contains(word) {
            found(word);
            count += 1;
        }
    }
    count
}

/// Words that are neither part of a generic-praise phrase nor filler words.
pub fn content_words(normalised: &str) -> Vec<&str> {
    let mut content = Vec::new();
    scan_content_words(normalised, usize::MAX, |word| content.push(word));
    content
}

/// Whether a normalised text contains at least one generic-praise phrase.
pub fn has_generic_phrase(normalised: &str) -> bool {
    let lexicon = lexicon();
    let all = words(normalised);
    (0..all.len()).any(|index| {
        all.get(index)
            .and_then(|word| lexicon.phrases.get(word))
            .is_some_and(|candidates| {
                candidates.iter().any(|phrase| {
                    all.get(index..index + phrase.len())
                        .is_some_and(|window| window == phrase.as_slice())
                })
            })
    })
}

/// Whether a text holds a question mark (`?`, `¿` or `？`). One byte search for `?`, and the
/// other two only in non-ASCII text: a search for any of three characters decodes every
/// character of the text.
pub fn asks_question(text: &str) -> bool {
    text.contains('?') || (!text.is_ascii() && (text.contains('¿') || text.contains('？')))
}

/// Classifies a raw comment text by the rules in the module documentation.
pub fn classify_comment(text: &str) -> CommentKind {
    classify_normalised(text, &normalise_comment(text))
}

/// [`classify_comment`] when the normalised text is already at hand (`normalised` must be
/// `normalise_comment(text)`).
pub fn classify_normalised(text: &str, normalised: &str) -> CommentKind {
    if !text.chars().any(char::is_alphanumeric) {
        return CommentKind::EmojiOnly;
    }
    if asks_question(text) {
        return CommentKind::Specific;
    }
    if scan_content_words(normalised, SPECIFIC_MIN_CONTENT_WORDS, |_| {})
        >= SPECIFIC_MIN_CONTENT_WORDS
    {
        CommentKind::Specific
    } else {
        CommentKind::Generic
    }
}

/// Character shingles of a normalised text: every run of [`SHINGLE_CHARS`] (3) consecutive
/// characters, packed exactly into one number (21 bits per character, so no two shingles
/// collide), sorted and without repeats. A shorter text is one shingle; an empty text has none.
pub fn shingles(normalised: &str) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::with_capacity(normalised.len());
    for_each_shingle(normalised, |shingle| out.push(shingle));
    out.sort_unstable();
    out.dedup();
    out
}

/// Every shingle of [`shingles`] in text order, repeats included, without building a list.
pub fn for_each_shingle(normalised: &str, mut found: impl FnMut(u64)) {
    const MASK: u64 = (1 << (21 * SHINGLE_CHARS)) - 1;
    let (mut packed, mut seen) = (0u64, 0usize);
    for c in normalised.chars() {
        packed = ((packed << 21) | u64::from(u32::from(c))) & MASK;
        seen += 1;
        if seen >= SHINGLE_CHARS {
            found(packed);
        }
    }
    match seen {
        1 => found((1 << 63) | packed),
        2 => found((1 << 63) | (1 << 62) | packed),
        _ => {}
    }
}

/// Jaccard similarity `|A ∩ B| / |A ∪ B|` of two sorted shingle lists; 0 when both are empty.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_folds_case_accents_mentions_and_runs() {
        assert_eq!(normalise_comment("  Génial!!! @anna  "), "genial");
        assert_eq!(normalise_comment("Soooo GOOD 🔥🔥🔥🔥"), "soo good 🔥🔥");
        assert_eq!(
            normalise_comment("nice pic https://spam.example ❤️"),
            "nice pic ❤"
        );
        assert_eq!(normalise_comment("J'adore"), "j adore");
        assert_eq!(normalise_comment("Straße"), "strasse");
    }

    #[test]
    fn normalising_into_a_shared_string_appends_the_same_text() {
        let mut shared = String::from("nice pic ");
        for text in [
            "  Génial!!! @anna  ",
            " ",
            "Soooo GOOD 🔥🔥🔥🔥 ",
            "!!",
            "J'adore",
        ] {
            let start = shared.len();
            normalise_comment_into(text, &mut shared);
            assert_eq!(&shared[start..], normalise_comment(text), "{text:?}");
        }
        assert!(shared.starts_with("nice pic "));
    }

    #[test]
    fn question_marks_of_three_scripts() {
        for text in ["why?", "¿por qué", "なぜ？", "é?", "?"] {
            assert!(asks_question(text), "{text}");
        }
        for text in ["", "why", "pourquoi ¡", "なぜ", "¡qué!"] {
            assert!(!asks_question(text), "{text}");
        }
    }

    #[test]
    fn emoji_only_comments() {
        assert_eq!(classify_comment("🔥🔥"), CommentKind::EmojiOnly);
        assert_eq!(classify_comment("😍 !!"), CommentKind::EmojiOnly);
        assert_eq!(classify_comment(""), CommentKind::EmojiOnly);
    }

    #[test]
    fn generic_praise_in_six_languages() {
        for text in [
            "Love this!!",
            "so cute 😍",
            "Amazing",
            "nice pic",
            "Super!",
            "Génial",
            "toll",
            "Bellissimo",
            "me encanta",
            "Prachtig 😍",
            "wunderschön",
            "trop beau",
            "love this bread",
            "@friend",
            "Que bonito!",
            "che bello",
            "mooi zo",
        ] {
            assert_eq!(classify_comment(text), CommentKind::Generic, "{text}");
        }
    }

    #[test]
    fn specific_comments() {
        for text in [
            "What hydration did you use?",
            "the climb at mile 12 looked brutal, fair play",
            "Welches Mehl nimmst du für den Roggen Sauerteig",
            "¿cuánto tiempo fermenta",
            "Your crumb shot makes me want to bake tonight",
        ] {
            assert_eq!(classify_comment(text), CommentKind::Specific, "{text}");
        }
    }

    #[test]
    fn content_words_drop_praise_and_filler() {
        // "love this" is a phrase, "so" and "much" are filler: only "bread" is left.
        assert_eq!(content_words("love this bread so much"), vec!["bread"]);
        assert!(has_generic_phrase("wow so cute"));
        assert!(!has_generic_phrase("crumb structure"));
    }

    #[test]
    fn jaccard_of_shingles_hand_checked() {
        // "nice pic" has 6 shingles (nic ice "ce " "e p" " pi" pic); "nice pics" adds "ics":
        // 6 shared / 7 in the union = 0.857.
        let a = shingles("nice pic");
        let b = shingles("nice pics");
        assert_eq!((a.len(), b.len()), (6, 7));
        assert!((jaccard(&a, &b) - 6.0 / 7.0).abs() < 1e-12);
        // "love this" (7 shingles) vs "love it" (5): lov, ove, "ve " shared -> 3 / 9.
        assert!((jaccard(&shingles("love this"), &shingles("love it")) - 3.0 / 9.0).abs() < 1e-12);
        assert_eq!(shingles("ok").len(), 1);
        assert!(shingles("").is_empty());
        assert_eq!(jaccard(&[], &[]), 0.0);
    }
}
