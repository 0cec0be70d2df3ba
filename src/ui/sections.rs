//! The app's sections and hash routing (`#/creators`), which works on any static host and
//! under any sub-path without server rewrites.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overview,
    Programme,
    Creators,
    Communities,
    Briefs,
    Contracts,
    Tracking,
    Results,
    UpliftTests,
    Data,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Overview,
        Section::Programme,
        Section::Creators,
        Section::Communities,
        Section::Briefs,
        Section::Contracts,
        Section::Tracking,
        Section::Results,
        Section::UpliftTests,
        Section::Data,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Section::Overview => "",
            Section::Programme => "programme",
            Section::Creators => "creators",
            Section::Communities => "communities",
            Section::Briefs => "briefs",
            Section::Contracts => "contracts",
            Section::Tracking => "tracking",
            Section::Results => "results",
            Section::UpliftTests => "uplift-tests",
            Section::Data => "data",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Programme => "Programme & objectives",
            Section::Creators => "Creators",
            Section::Communities => "Communities",
            Section::Briefs => "Briefs",
            Section::Contracts => "Contracts",
            Section::Tracking => "Tracking",
            Section::Results => "Results",
            Section::UpliftTests => "Uplift tests",
            Section::Data => "Data",
        }
    }

    /// One line on what the section is for, in the user's words.
    pub fn purpose(self) -> &'static str {
        match self {
            Section::Overview => "Your workspaces and the workflow at a glance.",
            Section::Programme => {
                "Pick the objective, the primary KPI and its measurement, targets as uplift over \
                 a baseline, and the thresholds that trigger pause, optimise or scale."
            }
            Section::Creators => {
                "Audit and score creators reproducibly: engagement with its uncertainty, comment \
                 quality, follower anomalies with evidence, and a ranked shortlist."
            }
            Section::Communities => {
                "Map interest communities and plan simultaneous activations: how many creators \
                 to gift so that enough of them post inside one window."
            }
            Section::Briefs => {
                "Write audience-first briefs with mandatory facts, disclosure rules for the \
                 market and real creative freedom."
            }
            Section::Contracts => {
                "Draft fair partnership terms from the brief: deliverables, usage licence, \
                 exclusivity, makegoods and kill fees."
            }
            Section::Tracking => {
                "Build UTM links, unique promo codes and landing pages per creator and \
                 deliverable."
            }
            Section::Results => {
                "Measure what creators delivered: ER, CTR, CPA, ROAS, honest attribution and \
                 an EMV that shows its rates."
            }
            Section::UpliftTests => {
                "Plan tests before launch and get an honest verdict after: incrementality with \
                 a control group, A/B tests, brand lift."
            }
            Section::Data => {
                "Import and export every table as CSV, move whole workspaces as one file, and \
                 see what is stored in this browser."
            }
        }
    }

    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    pub fn from_hash(hash: &str) -> Section {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        let slug = slug.split(['/', '?']).next().unwrap_or("");
        Section::ALL.into_iter().find(|s| s.slug() == slug).unwrap_or(Section::Overview)
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The section named by the URL, kept in step with back/forward and link clicks.
pub fn use_current_section() -> ReadSignal<Section> {
    let (section, set_section) = signal(Section::from_hash(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_section.set(Section::from_hash(&current_hash()));
    });
    on_cleanup(move || handle.remove());
    section
}
