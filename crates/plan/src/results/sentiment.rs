//! Sentiment of campaign comments from a small, written-down lexicon, so the programme's
//! "positive sentiment share" is a count anyone can redo by hand.
//!
//! A comment is positive when it holds more positive than negative words or emoji, negative
//! when it holds more negative ones, and neutral otherwise (no match, or a tie). A word right
//! after a negation ("not", "no", "never", "nicht", "pas", "kein") counts for the other side:
//! "not good" is negative, "not bad" positive. Creator replies are not counted. Only the
//! counts per creator are kept; the comment text is shown as examples at import and dropped.

use serde::{Deserialize, Serialize};

use microplan_audit::RawComment;

/// Words and emoji read as positive about the product or the post (English, German, French,
/// Spanish, Dutch). Matched on whole lowercase words.
pub const POSITIVE_WORDS: &[&str] = &[
    "love",
    "loved",
    "loving",
    "great",
    "good",
    "amazing",
    "awesome",
    "delicious",
    "tasty",
    "yummy",
    "best",
    "perfect",
    "excellent",
    "favourite",
    "favorite",
    "recommend",
    "recommended",
    "brilliant",
    "fantastic",
    "nice",
    "happy",
    "thanks",
    "thank",
    "helpful",
    "works",
    "worked",
    "buying",
    "bought",
    "ordered",
    "lecker",
    "toll",
    "super",
    "gut",
    "genial",
    "délicieux",
    "delicieux",
    "génial",
    "parfait",
    "bon",
    "rico",
    "encanta",
    "perfecto",
    "heerlijk",
    "lekker",
];

/// Words and emoji read as negative.
pub const NEGATIVE_WORDS: &[&str] = &[
    "bad",
    "awful",
    "terrible",
    "horrible",
    "disgusting",
    "gross",
    "dry",
    "bland",
    "overpriced",
    "expensive",
    "broke",
    "broken",
    "stale",
    "hate",
    "hated",
    "worst",
    "disappointed",
    "disappointing",
    "meh",
    "fake",
    "scam",
    "returned",
    "refund",
    "schlecht",
    "teuer",
    "eklig",
    "mauvais",
    "cher",
    "nul",
    "malo",
    "caro",
    "vies",
    "duur",
];

const POSITIVE_EMOJI: &[char] = &[
    '❤', '😍', '🔥', '👏', '😋', '🤤', '💪', '🙌', '👍', '🥰', '💯',
];
const NEGATIVE_EMOJI: &[char] = &['👎', '😡', '🤢', '🤮', '😞', '😒', '💩', '😠'];
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "isn't", "wasn't", "don't", "nicht", "kein", "pas", "nunca", "niet",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sentiment {
    Positive,
    Neutral,
    Negative,
}

/// How one comment reads, with the words that decided it.
pub fn classify_sentiment(text: &str) -> (Sentiment, Vec<String>) {
    let lower = text.to_lowercase();
    let (mut positive, mut negative, mut evidence) = (0i32, 0i32, Vec::new());
    let mut negated = false;
    for word in lower.split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\''))
    {
        if word.is_empty() {
            continue;
        }
        if NEGATIONS.contains(&word) {
            negated = true;
            continue;
        }
        let side = if POSITIVE_WORDS.contains(&word) {
            1
        } else if NEGATIVE_WORDS.contains(&word) {
            -1
        } else {
            0
        };
        if side != 0 {
            let side = if negated { -side } else { side };
            if side > 0 {
                positive += 1
            } else {
                negative += 1
            }
            evidence.push(if negated {
                format!("not {word}")
            } else {
                word.to_string()
            });
        }
        negated = false;
    }
    for c in lower.chars() {
        if POSITIVE_EMOJI.contains(&c) {
            positive += 1;
            evidence.push(c.to_string());
        } else if NEGATIVE_EMOJI.contains(&c) {
            negative += 1;
            evidence.push(c.to_string());
        }
    }
    let sentiment = match positive.cmp(&negative) {
        std::cmp::Ordering::Greater => Sentiment::Positive,
        std::cmp::Ordering::Less => Sentiment::Negative,
        std::cmp::Ordering::Equal => Sentiment::Neutral,
    };
    (sentiment, evidence)
}

/// The stored result for one creator: counts only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentimentTally {
    pub handle: String,
    pub positive: u64,
    pub neutral: u64,
    pub negative: u64,
}

impl SentimentTally {
    pub fn total(&self) -> u64 {
        self.positive
            .saturating_add(self.neutral)
            .saturating_add(self.negative)
    }

    /// Positive / all classified comments; `None` when there are none.
    pub fn positive_share(&self) -> Option<f64> {
        let total = self.total();
        (total > 0).then(|| self.positive as f64 / total as f64)
    }
}

/// A few comments per class with the words that decided them, for the import screen only.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentimentExamples {
    pub positive: Vec<(String, Vec<String>)>,
    pub neutral: Vec<(String, Vec<String>)>,
    pub negative: Vec<(String, Vec<String>)>,
}

const EXAMPLES_PER_CLASS: usize = 3;

/// Counts per creator (in order of first appearance) and examples, from `(handle, comment)`
/// rows; creator replies are left out.
pub fn tally_sentiment(rows: &[(String, RawComment)]) -> (Vec<SentimentTally>, SentimentExamples) {
    let mut tallies: Vec<SentimentTally> = Vec::new();
    let mut examples = SentimentExamples::default();
    for (handle, comment) in rows.iter().filter(|(_, c)| !c.is_creator_reply) {
        let key = microplan_audit::handle_key(handle);
        let at = match tallies
            .iter()
            .position(|t| microplan_audit::handle_key(&t.handle) == key)
        {
            Some(at) => at,
            None => {
                tallies.push(SentimentTally {
                    handle: handle.clone(),
                    positive: 0,
                    neutral: 0,
                    negative: 0,
                });
                tallies.len() - 1
            }
        };
        let (sentiment, evidence) = classify_sentiment(&comment.text);
        let (count, list) = match (tallies.get_mut(at), sentiment) {
            (Some(t), Sentiment::Positive) => (&mut t.positive, &mut examples.positive),
            (Some(t), Sentiment::Neutral) => (&mut t.neutral, &mut examples.neutral),
            (Some(t), Sentiment::Negative) => (&mut t.negative, &mut examples.negative),
            (None, _) => continue,
        };
        *count += 1;
        if list.len() < EXAMPLES_PER_CLASS && !comment.text.trim().is_empty() {
            list.push((comment.text.chars().take(140).collect(), evidence));
        }
    }
    (tallies, examples)
}

/// All creators together: (positive, classified).
pub fn sentiment_totals(tallies: &[SentimentTally]) -> (u64, u64) {
    tallies.iter().fold((0u64, 0u64), |(p, n), t| {
        (p.saturating_add(t.positive), n.saturating_add(t.total()))
    })
}

/// Replaces the stored counts of the creators in `tallies`; other creators keep theirs.
pub fn apply_sentiment(stored: &mut Vec<SentimentTally>, tallies: Vec<SentimentTally>) {
    use microplan_audit::handle_key;
    let replaced: Vec<String> = tallies.iter().map(|t| handle_key(&t.handle)).collect();
    stored.retain(|t| !replaced.contains(&handle_key(&t.handle)));
    stored.extend(tallies);
}

/// Writes the stored totals into the programme's positive-sentiment signal. Returns false
/// when the programme has no objective (and so no signals) or there are no counts.
pub fn use_as_sentiment_signal(
    sentiment: &[SentimentTally],
    programme: &mut crate::objectives::Programme,
) -> bool {
    use crate::objectives::SignalKind;
    let (positive, classified) = sentiment_totals(sentiment);
    let Some(plan) = programme.objectives.as_mut() else {
        return false;
    };
    match plan
        .signals
        .iter_mut()
        .find(|s| s.kind == SignalKind::Sentiment)
    {
        Some(signal) if classified > 0 => {
            signal.numerator = Some(positive);
            signal.denominator = Some(classified);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(text: &str, reply: bool) -> RawComment {
        RawComment {
            post_id: "p1".into(),
            comment_id: None,
            commenter: "fan".into(),
            text: text.into(),
            is_creator_reply: reply,
            parent: None,
        }
    }

    #[test]
    fn words_emoji_and_negation_decide_a_comment() {
        assert_eq!(
            classify_sentiment("Love this bar, so tasty!").0,
            Sentiment::Positive
        );
        assert_eq!(
            classify_sentiment("Bit dry and overpriced").0,
            Sentiment::Negative
        );
        // "not good": good is negated, so one negative word.
        let (sentiment, evidence) = classify_sentiment("Honestly not good on a long run");
        assert_eq!(
            (sentiment, evidence),
            (Sentiment::Negative, vec!["not good".to_string()])
        );
        assert_eq!(classify_sentiment("not bad at all").0, Sentiment::Positive);
        assert_eq!(classify_sentiment("🔥🔥").0, Sentiment::Positive);
        assert_eq!(
            classify_sentiment("Which flavour is this?").0,
            Sentiment::Neutral
        );
        // One positive (love) and one negative (expensive): a tie is neutral.
        assert_eq!(
            classify_sentiment("love it but expensive").0,
            Sentiment::Neutral
        );
        assert_eq!(classify_sentiment("Echt lecker!").0, Sentiment::Positive);
    }

    #[test]
    fn tallies_count_per_creator_and_leave_replies_out() {
        let rows = vec![
            ("anna".to_string(), comment("so good", false)),
            ("Anna".to_string(), comment("too dry", false)),
            ("anna".to_string(), comment("thanks, love you all", true)),
            ("ben".to_string(), comment("where can I buy it?", false)),
            ("anna".to_string(), comment("amazing 😍", false)),
        ];
        let (tallies, examples) = tally_sentiment(&rows);
        // anna: positive "so good", "amazing 😍"; negative "too dry"; the reply is not counted.
        assert_eq!(tallies.len(), 2);
        assert_eq!(
            (tallies[0].positive, tallies[0].neutral, tallies[0].negative),
            (2, 0, 1)
        );
        assert_eq!(tallies[0].positive_share(), Some(2.0 / 3.0));
        assert_eq!((tallies[1].neutral, tallies[1].total()), (1, 1));
        assert_eq!(sentiment_totals(&tallies), (2, 4));
        assert_eq!(examples.negative[0].0, "too dry");
        assert_eq!(examples.negative[0].1, vec!["dry".to_string()]);
        let empty = SentimentTally {
            handle: "x".into(),
            positive: 0,
            neutral: 0,
            negative: 0,
        };
        assert_eq!(empty.positive_share(), None);

        let mut stored = vec![
            SentimentTally {
                handle: "ANNA".into(),
                positive: 9,
                neutral: 9,
                negative: 9,
            },
            SentimentTally {
                handle: "cat".into(),
                positive: 1,
                neutral: 0,
                negative: 0,
            },
        ];
        apply_sentiment(&mut stored, tallies);
        // anna replaced (2, 0, 1), cat kept (1, 0, 0), ben added (0, 1, 0): 3 of 5 positive.
        assert_eq!(stored.len(), 3);
        assert_eq!(sentiment_totals(&stored), (3, 5));
        let mut programme = crate::objectives::Programme::default();
        assert!(
            !use_as_sentiment_signal(&stored, &mut programme),
            "no objective, no signal to fill"
        );
        programme.objectives = Some(crate::objectives::propose(
            crate::objectives::Objective::Engagement,
        ));
        assert!(use_as_sentiment_signal(&stored, &mut programme));
        let plan = programme.objectives.as_ref().unwrap();
        let signal = plan
            .signals
            .iter()
            .find(|s| s.kind == crate::objectives::SignalKind::Sentiment)
            .unwrap();
        assert_eq!((signal.numerator, signal.denominator), (Some(3), Some(5)));
    }
}
