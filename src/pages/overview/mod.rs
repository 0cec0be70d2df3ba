//! The landing page: what Microplan is for, the workflow, and the workspaces.

use leptos::prelude::*;

use crate::app::sections::Section;
use crate::app::state::app_state;
use crate::widgets::empty_state::LoadDemoButton;
use crate::widgets::workspace_manager::WorkspaceManager;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let state = app_state();
    let has_workspace = move || state.workspace.with(Option::is_some);
    view! {
        <h1 id="section-heading" tabindex="-1">"Plan and prove micro-influencer programmes"</h1>
        <p class="lead">
            "Microplan vets creators with a reproducible audit, plans community activations, writes \
             briefs and fair contract terms, and proves uplift with real control groups. It runs \
             entirely in this browser: no account, no upload, nothing leaves your machine."
        </p>
        <Show when=move || !has_workspace()>
            <div class="card callout">
                <h2>"Start here"</h2>
                <p>
                    "Load the demo workspace to explore a complete programme (two communities, 40 \
                     creators, a finished pilot with a control group), or create an empty \
                     workspace below and import your own CSV files."
                </p>
                <LoadDemoButton />
            </div>
        </Show>
        <WorkspaceManager />
        <section class="card" aria-labelledby="workflow-heading">
            <h2 id="workflow-heading">"The workflow"</h2>
            <ol class="workflow">
                {Section::ALL
                    .into_iter()
                    .filter(|section| *section != Section::Overview)
                    .map(|section| {
                        view! {
                            <li>
                                <a href=section.href()>{section.title()}</a>
                                <p>{section.purpose()}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
