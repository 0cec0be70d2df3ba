//! Sections whose own capability is not built yet: they say so plainly, and show the
//! workspace tables that will feed them, so imported data can already be checked.

use leptos::prelude::*;

use super::sections::Section;
use super::table_view::TableView;
use crate::io::TableKind;

/// The tables a section reads.
fn tables_for(section: Section) -> &'static [TableKind] {
    match section {
        Section::Communities => &[TableKind::Communities],
        Section::Results => &[TableKind::Results],
        _ => &[],
    }
}

#[component]
pub fn SectionPage(section: Section) -> impl IntoView {
    let tables = tables_for(section);
    view! {
        <h1 id="section-heading" tabindex="-1">{section.title()}</h1>
        <p class="lead">{section.purpose()}</p>
        <NotBuiltNotice what=if tables.is_empty() {
            "This section's tools are not part of this version of Microplan. Nothing here \
             computes or pretends to."
        } else {
            "This section's tools are not part of this version of Microplan. Nothing here \
             computes or pretends to. The tables it will work from are below: you can already \
             import, check and export them."
        } />
        {tables.iter().map(|kind| view! { <TableView kind=*kind /> }).collect_view()}
    }
}

/// Says plainly what a section cannot do yet.
#[component]
pub fn NotBuiltNotice(what: &'static str) -> impl IntoView {
    view! {
        <div class="card notice-card" role="note">
            <h2>"Not built yet"</h2>
            <p>{what}</p>
        </div>
    }
}
