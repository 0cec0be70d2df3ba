//! Each section's code is its own download. The build (`scripts/build_app.mjs`) splits the
//! app's wasm at the functions below, so the first screen needs only the shell, the overview
//! and the store; a section's code is fetched the first time it is opened (and by the service
//! worker at install, for offline use). A failed fetch is shown with a retry, never a panic.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::app::sections::Section;
use crate::app::split_code::{loaded_now, ready_now};
use crate::pages;

/// A section whose code could not be fetched (offline on a first visit, a dropped connection).
#[derive(Debug, Clone, Copy)]
pub struct SectionCodeMissing;

impl From<SplitLoaderError> for SectionCodeMissing {
    fn from(_: SplitLoaderError) -> Self {
        SectionCodeMissing
    }
}

type SectionView = Result<AnyView, SectionCodeMissing>;

// One split point per section. `fallible` makes a failed fetch an `Err` (a plain `#[lazy]`
// would panic); the attribute needs the result type to say so.
#[wasm_split(section_data, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_data))]
fn data_view() -> Result<AnyView, SectionCodeMissing> {
    Ok(view! { <pages::data::DataPage /> }.into_any())
}

#[wasm_split(section_programme, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_programme))]
fn programme_view() -> Result<AnyView, SectionCodeMissing> {
    Ok(view! { <pages::programme::ProgrammePage /> }.into_any())
}

#[wasm_split(section_briefs, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_briefs))]
fn briefs_view() -> Result<AnyView, SectionCodeMissing> {
    Ok(view! { <pages::briefs::BriefsPage /> }.into_any())
}

#[wasm_split(section_tracking, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_tracking))]
fn tracking_view() -> Result<AnyView, SectionCodeMissing> {
    Ok(view! { <pages::tracking::TrackingPage /> }.into_any())
}

#[wasm_split(section_uplift, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_uplift))]
fn uplift_view() -> Result<AnyView, SectionCodeMissing> {
    Ok(view! { <pages::uplift::UpliftPage /> }.into_any())
}

#[wasm_split(section_creators, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_creators))]
fn creators_view() -> Result<AnyView, SectionCodeMissing> {
    Ok(view! { <pages::creators::CreatorsPage /> }.into_any())
}

#[wasm_split(section_contracts, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_contracts))]
fn contracts_view() -> Result<AnyView, SectionCodeMissing> {
    Ok(view! { <pages::contracts::ContractsPage /> }.into_any())
}

#[wasm_split(section_communities, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_communities))]
fn communities_view() -> Result<AnyView, SectionCodeMissing> {
    Ok(view! { <pages::communities::CommunitiesPage /> }.into_any())
}

#[wasm_split(section_results, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_results))]
fn results_view() -> Result<AnyView, SectionCodeMissing> {
    Ok(view! { <pages::results::ResultsPage /> }.into_any())
}

/// Fetches a section's code (at once when it is already here).
pub async fn load(section: Section) -> Result<(), SectionCodeMissing> {
    match section {
        Section::Overview => Ok(()),
        Section::Data => preload_data().await,
        Section::Programme => preload_programme().await,
        Section::Briefs => preload_briefs().await,
        Section::Tracking => preload_tracking().await,
        Section::UpliftTests => preload_uplift().await,
        Section::Creators => preload_creators().await,
        Section::Contracts => preload_contracts().await,
        Section::Communities => preload_communities().await,
        Section::Results => preload_results().await,
    }
    .map_err(SectionCodeMissing::from)
}

/// Whether the section's code is here (asking starts fetching it when it is not).
pub fn is_loaded(section: Section) -> bool {
    loaded_now(load(section))
}

/// The page of a section whose code [`load`] has fetched, built at once; `None` while the
/// code is not here. Built outside any `<Suspense>`, so what a page loads for itself (its
/// own resources) never replaces the whole page with a loading note.
pub fn loaded_view(section: Section) -> Option<SectionView> {
    let view = std::pin::pin!(section_view(section));
    ready_now(view)
}

async fn section_view(section: Section) -> SectionView {
    match section {
        Section::Overview => Ok(view! { <pages::overview::OverviewPage /> }.into_any()),
        Section::Data => data_view().await,
        Section::Programme => programme_view().await,
        Section::Briefs => briefs_view().await,
        Section::Tracking => tracking_view().await,
        Section::UpliftTests => uplift_view().await,
        Section::Creators => creators_view().await,
        Section::Contracts => contracts_view().await,
        Section::Communities => communities_view().await,
        Section::Results => results_view().await,
    }
}
