//! The app's sections and hash routing (`#/creators`), which works on any static host and
//! under any sub-path without server rewrites.

use leptos::prelude::*;

use microplan_workspace::store::route::Route;

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
        Section::from_slug(&Route::parse(hash).section)
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

impl Section {
    pub fn from_slug(slug: &str) -> Section {
        Section::ALL
            .into_iter()
            .find(|s| s.slug() == slug)
            .unwrap_or(Section::Overview)
    }
}

/// The route the URL names, shared through context and kept in step with back/forward.
#[derive(Clone, Copy)]
pub struct CurrentRoute(RwSignal<Route>);

/// The section named by the URL, kept in step with back/forward and link clicks.
pub fn use_current_section() -> Memo<Section> {
    let route = RwSignal::new(Route::parse(&current_hash()));
    provide_context(CurrentRoute(route));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&current_hash()));
    });
    on_cleanup(move || handle.remove());
    Memo::new(move |_| route.with(|r| Section::from_slug(&r.section)))
}

/// The item open in one section, kept in the URL (`#/briefs/<id>`): selecting one adds a
/// history entry, a reload reopens it, and the back button closes it again.
#[derive(Clone, Copy)]
pub struct UrlSelection {
    pub selected: RwSignal<Option<String>>,
    /// An id the URL named that this workspace does not have.
    pub missing: RwSignal<Option<String>>,
    section: Section,
    route: RwSignal<Route>,
}

impl UrlSelection {
    pub fn new(section: Section) -> Self {
        let route = use_context::<CurrentRoute>()
            .map(|current| current.0)
            .unwrap_or_else(|| RwSignal::new(Route::parse(&current_hash())));
        let item_in_url =
            move |r: &Route| (Section::from_slug(&r.section) == section).then(|| r.item.clone());
        let selected = RwSignal::new(route.with_untracked(item_in_url).flatten());
        let selection = UrlSelection {
            selected,
            missing: RwSignal::new(None),
            section,
            route,
        };
        // The URL changed (back, forward, a link): show what it names.
        Effect::new(move |_| {
            if let Some(item) = route.with(item_in_url) {
                if selected.get_untracked() != item {
                    selected.set(item);
                }
            }
        });
        // The user opened or closed an item: record it as a new history entry.
        Effect::new(move |_| {
            let chosen = selected.get();
            if chosen.is_some() {
                selection.missing.set(None);
            }
            if let Some(item) = route.with_untracked(item_in_url) {
                if item != chosen {
                    let hash = Route {
                        section: section.slug().to_string(),
                        item: chosen,
                    }
                    .to_hash();
                    window().location().set_hash(&hash).ok();
                }
            }
        });
        selection
    }

    /// Once the workspace is open, an id it does not hold is dropped with a note, in place of
    /// the URL entry, so back does not lead to it again. `exists` answers `None` while no
    /// workspace is open.
    pub fn drop_missing(self, exists: impl Fn(&str) -> Option<bool> + 'static) {
        Effect::new(move |_| {
            let Some(id) = self.selected.get() else {
                return;
            };
            if exists(&id) != Some(false) {
                return;
            }
            self.missing.set(Some(id));
            self.replace(None);
        });
    }

    /// Shows `item` in place of the current URL entry, adding no history step.
    pub fn replace(self, item: Option<String>) {
        let route = Route {
            section: self.section.slug().to_string(),
            item: item.clone(),
        };
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&route.to_hash()),
            );
        }
        self.route.set(route);
        self.selected.set(item);
    }
}

/// The short note shown when the URL named an item this workspace does not have.
#[component]
pub fn MissingItemNote(selection: UrlSelection, noun: &'static str) -> impl IntoView {
    move || {
        selection.missing.get().map(|id| {
            view! {
                <p class="card notice" role="status" data-testid="missing-item">
                    {format!("The link named the {noun} “{id}”, which is not in this workspace: it was renamed or deleted, or the link is from another workspace.")}
                </p>
            }
        })
    }
}

const MENU_TOGGLE_ID: &str = "section-menu-toggle";
const SECTION_LIST_ID: &str = "section-list";

fn focus_element(selector: &str) {
    use wasm_bindgen::JsCast;
    if let Ok(Some(element)) = document().query_selector(selector) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// The button that opens the section list on narrow screens (hidden on wide ones, where the
/// list is always shown). Escape closes the list and brings focus back here.
#[component]
pub fn MenuToggle(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <button
            id=MENU_TOGGLE_ID
            class="menu-toggle"
            aria-controls=SECTION_LIST_ID
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    open.set(false);
                }
            }
        >
            <span aria-hidden="true">"☰"</span>
            "Menu"
        </button>
    }
}

/// The list of sections: a side column on wide screens, a menu opened by [`MenuToggle`] on
/// narrow ones. Choosing a section closes the menu; the section's heading then takes focus.
#[component]
pub fn SectionNav(section: Memo<Section>, open: RwSignal<bool>) -> impl IntoView {
    // Opening moves focus to the current section's link, so the list is read from there.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if is_open && was_open == Some(false) {
            focus_element(&format!("#{SECTION_LIST_ID} a[aria-current=\"page\"]"));
        }
        is_open
    });
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            focus_element(&format!("#{MENU_TOGGLE_ID}"));
        }
    };
    view! {
        <nav id=SECTION_LIST_ID class="side-nav" class:open=move || open.get() aria-label="Sections" on:keydown=close_on_escape>
            <ul>
                {Section::ALL
                    .into_iter()
                    .map(|item| {
                        view! {
                            <li>
                                <a
                                    href=item.href()
                                    aria-current=move || (section.get() == item).then_some("page")
                                    on:click=move |_| open.set(false)
                                >
                                    {item.title()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
