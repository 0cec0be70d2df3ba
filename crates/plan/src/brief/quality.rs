//! The brief's quality check: the seeds' failure modes, each as a plain warning with what to
//! change. Warnings never block: the user decides.

use super::CampaignBrief;
use crate::deliverables::checklist_problems;
use microplan_model::limits::{date_in_range, date_problem};

/// Above this many mandatory facts the brief warns: "a small set of mandatory facts".
pub const MAX_MANDATORY_FACTS: usize = 5;
/// Simultaneous activation works inside a 2-3 week window.
const LONGEST_WINDOW_DAYS: i64 = 21;
/// A quotation this long reads as a script rather than a fact.
const SCRIPT_QUOTE_WORDS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QualityKind {
    TooManyMandatoryFacts,
    ScriptedWording,
    MissingDisclosure,
    UnclearDisclosureLabel,
    MissingPostingWindow,
    PostingWindowProblem,
    MissingCallToAction,
    MissingObjective,
    MissingCreativeFreedom,
    MissingDeliverables,
    DeliverableProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualityIssue {
    pub kind: QualityKind,
    pub message: String,
}

fn issue(kind: QualityKind, message: impl Into<String>) -> QualityIssue {
    QualityIssue {
        kind,
        message: message.into(),
    }
}

const SCRIPT_PHRASES: [&str; 14] = [
    "say exactly",
    "word for word",
    "word-for-word",
    "verbatim",
    "script",
    "must say",
    "exact words",
    "exact wording",
    "read out",
    "use this caption",
    "copy this caption",
    "caption must read",
    "use the phrase",
    "repeat after",
];

/// The longest run of words inside straight or curly double quotes.
fn longest_quote_words(text: &str) -> usize {
    let mut longest = 0;
    let mut inside: Option<String> = None;
    for c in text.chars() {
        let is_quote = matches!(c, '"' | '“' | '”' | '«' | '»');
        match (&mut inside, is_quote) {
            (None, true) => inside = Some(String::new()),
            (Some(quoted), true) => {
                longest = longest.max(quoted.split_whitespace().count());
                inside = None;
            }
            (Some(quoted), false) => quoted.push(c),
            (None, false) => {}
        }
    }
    longest
}

fn scripted(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    if let Some(phrase) = SCRIPT_PHRASES.iter().find(|p| lower.contains(*p)) {
        return Some(format!("“{phrase}”"));
    }
    let words = longest_quote_words(text);
    (words >= SCRIPT_QUOTE_WORDS).then(|| format!("a {words}-word quotation"))
}

fn filled(items: &[String]) -> impl Iterator<Item = &String> {
    items.iter().filter(|item| !item.trim().is_empty())
}

/// Every problem the seeds warn about, in the order of the brief's sections.
pub fn check_brief(brief: &CampaignBrief) -> Vec<QualityIssue> {
    let mut issues = Vec::new();
    if brief.objective.trim().is_empty() {
        issues.push(issue(
            QualityKind::MissingObjective,
            "State the one objective in a sentence: what should change for the audience?",
        ));
    }
    let facts = filled(&brief.mandatory_facts).count();
    if facts > MAX_MANDATORY_FACTS {
        issues.push(issue(
            QualityKind::TooManyMandatoryFacts,
            format!(
                "{facts} mandatory facts: keep the {MAX_MANDATORY_FACTS} the audience most needs. Long \
                 must-say lists turn posts into ads that the community scrolls past."
            ),
        ));
    }
    let fields: [(&str, Vec<&String>); 4] = [
        ("Mandatory facts", filled(&brief.mandatory_facts).collect()),
        ("Non-negotiables", filled(&brief.non_negotiables).collect()),
        ("Mission", vec![&brief.mission]),
        ("Call to action", vec![&brief.call_to_action]),
    ];
    for (field, items) in fields {
        for item in items {
            if let Some(what) = scripted(item) {
                issues.push(issue(
                    QualityKind::ScriptedWording,
                    format!(
                        "{field}: “{}” looks scripted ({what}). Say what the audience must understand \
                         and let the creator find the words.",
                        item.trim()
                    ),
                ));
            }
        }
    }
    match brief.market {
        None => issues.push(issue(
            QualityKind::MissingDisclosure,
            "Pick the market: its disclosure rules (label, placement, video) go into the brief.",
        )),
        Some(market) => {
            let rules = market.rules();
            let texts = brief
                .non_negotiables
                .iter()
                .chain(&brief.mandatory_facts)
                .chain(std::iter::once(&brief.call_to_action));
            for text in texts {
                let check = crate::markets::check_caption(text, market);
                for label in check.unclear_labels {
                    issues.push(issue(
                        QualityKind::UnclearDisclosureLabel,
                        format!(
                            "“{label}” is a label {} regulators call unclear; ask for “{}” instead.",
                            market.name(),
                            rules.preferred_label()
                        ),
                    ));
                }
            }
        }
    }
    match brief.posting_window {
        None => issues.push(issue(
            QualityKind::MissingPostingWindow,
            "Set the posting window (“please post between DATE and DATE”) so the community sees the posts together.",
        )),
        Some(window) if !(date_in_range(window.start) && date_in_range(window.end)) => {
            let message = date_problem("The posting window's opening", window.start)
                .or_else(|| date_problem("The posting window's close", window.end))
                .unwrap_or_default();
            issues.push(issue(QualityKind::PostingWindowProblem, message))
        }
        Some(window) if window.end < window.start => {
            issues.push(issue(QualityKind::PostingWindowProblem, "The posting window ends before it starts."))
        }
        Some(window) if window.days() > LONGEST_WINDOW_DAYS => issues.push(issue(
            QualityKind::PostingWindowProblem,
            format!(
                "The window is {} days: simultaneous activation works best inside 2-3 weeks.",
                window.days()
            ),
        )),
        Some(_) => {}
    }
    if brief.call_to_action.trim().is_empty() {
        issues.push(issue(
            QualityKind::MissingCallToAction,
            "Add a call to action: the one thing a follower should do next.",
        ));
    }
    if brief.creative_freedom.trim().is_empty() {
        issues.push(issue(
            QualityKind::MissingCreativeFreedom,
            "Say explicitly that the creator uses their own voice and local references.",
        ));
    }
    if brief.deliverables.is_empty() {
        issues.push(issue(
            QualityKind::MissingDeliverables,
            "List the deliverables: platform, format and how many.",
        ));
    }
    for problem in checklist_problems(&brief.deliverables) {
        issues.push(issue(QualityKind::DeliverableProblem, problem));
    }
    issues
}
