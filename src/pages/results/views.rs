//! The Results views (Overview, Performance, Attribution, Decisions, Report, Data), the tab
//! bar that switches them, and the one-sentence conclusion each view opens with. The view
//! is the URL's item (`#/results/attribution`), so a reload keeps it and back returns.

use leptos::prelude::*;

use microplan_workspace::decisions::Decisions;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsView {
    Overview,
    Performance,
    Attribution,
    Decisions,
    Report,
    Data,
}

impl ResultsView {
    pub const ALL: [ResultsView; 6] = [
        ResultsView::Overview,
        ResultsView::Performance,
        ResultsView::Attribution,
        ResultsView::Decisions,
        ResultsView::Report,
        ResultsView::Data,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ResultsView::Overview => "overview",
            ResultsView::Performance => "performance",
            ResultsView::Attribution => "attribution",
            ResultsView::Decisions => "decisions",
            ResultsView::Report => "report",
            ResultsView::Data => "data",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ResultsView::Overview => "Overview",
            ResultsView::Performance => "Performance",
            ResultsView::Attribution => "Attribution",
            ResultsView::Decisions => "Decisions",
            ResultsView::Report => "Report",
            ResultsView::Data => "Sentiment and data",
        }
    }

    /// The view an URL item names; none or an unknown one is the overview.
    pub fn from_item(item: Option<&str>) -> ResultsView {
        ResultsView::ALL
            .into_iter()
            .find(|v| item == Some(v.slug()))
            .unwrap_or(ResultsView::Overview)
    }

    pub fn href(self) -> String {
        format!("#/results/{}", self.slug())
    }
}

/// The tab bar: links, so each view has its address, opens in a new tab and is reached by
/// Tab and Enter; the current one is marked for screen readers.
#[component]
pub fn ResultsTabs(current: Memo<ResultsView>) -> impl IntoView {
    view! {
        <nav class="results-tabs" aria-label="Results views">
            <ul>
                {ResultsView::ALL.into_iter().map(|view| view! {
                    <li>
                        <a href=view.href() aria-current=move || (current.get() == view).then_some("page")>
                            {view.label()}
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// The view's conclusion, first and in one sentence.
#[component]
pub fn Conclusion(text: Signal<String>) -> impl IntoView {
    view! { <p class="results-conclusion" data-testid="results-conclusion">{move || text.get()}</p> }
}

/// A conclusion read from the shared decisions, empty until a workspace is open.
pub fn conclusion_of(
    computed: Memo<Option<Decisions>>,
    sentence: fn(&Decisions) -> String,
) -> Signal<String> {
    Signal::derive(move || computed.with(|d| d.as_ref().map(sentence).unwrap_or_default()))
}
