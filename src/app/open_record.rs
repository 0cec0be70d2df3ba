//! Which stored workspace this tab shows, the revision its next save must find, and this
//! tab's token. Per-tab state, so it lives here rather than in storage.

use std::cell::RefCell;

use microplan_workspace::store::index::new_workspace_id;
use microplan_workspace::store::lifecycle::SeenMeta;
use microplan_workspace::store::records::StoredRevision;

/// The stored workspace this tab shows, and the revision its next save must find.
#[derive(Clone)]
pub(crate) struct OpenRecord {
    pub id: String,
    pub base: SeenMeta,
    pub created_at: String,
}

thread_local! {
    /// Per tab: names this page's records of edits left when closing.
    static TAB: String = new_workspace_id(js_sys::Date::now(), js_sys::Math::random());
    /// Per tab: the workspace this tab shows (another tab may show another).
    static OPEN: RefCell<Option<OpenRecord>> = const { RefCell::new(None) };
}

pub(crate) fn tab_token() -> String {
    TAB.with(Clone::clone)
}

pub(crate) fn set_open(record: Option<OpenRecord>) {
    OPEN.with(|open| *open.borrow_mut() = record);
}

/// Id, last seen meta and creation time of the open workspace.
pub(crate) fn open_record() -> Option<OpenRecord> {
    OPEN.with(|open| open.borrow().clone())
}

pub(crate) fn open_id() -> Option<String> {
    OPEN.with(|open| open.borrow().as_ref().map(|record| record.id.clone()))
}

pub(crate) fn open_seen() -> Option<SeenMeta> {
    OPEN.with(|open| open.borrow().as_ref().map(|record| record.base.clone()))
}

pub(crate) fn open_revision() -> Option<StoredRevision> {
    OPEN.with(|open| open.borrow().as_ref().map(|record| record.base.revision()))
}

/// Sets the revision the next save expects, when `id` (or, with `None`, any workspace) is
/// still the open one; says whether it was.
pub(crate) fn set_open_base(id: Option<&str>, base: SeenMeta) -> bool {
    OPEN.with(|open| match open.borrow_mut().as_mut() {
        Some(open) if id.is_none_or(|id| open.id == id) => {
            open.base = base;
            true
        }
        _ => false,
    })
}
