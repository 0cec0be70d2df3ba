//! App-wide reactive state, shared through context. Signals are `Copy`, so is `AppState`.

use leptos::prelude::*;

use microplan_audit::reuse::MeasuredCreators;
use microplan_workspace::store::WorkspaceIndex;
use microplan_workspace::Workspace;

/// What the user should know about saving.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Opening storage and reading the index.
    Starting,
    /// Everything on screen is stored; the time is shown to the user.
    Saved(String),
    /// A save is scheduled or running.
    Saving,
    /// The last save failed; the previous saved version is intact.
    Failed(String),
    /// Storage cannot be used at all: work lives in this tab only.
    MemoryOnly(String),
}

/// Stored data that could not be read. Its raw text is kept in storage and offered for
/// download; nothing overwrites it until the user deletes it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnreadableRecord {
    pub key: String,
    pub label: String,
    pub reason: String,
    pub raw: String,
}

/// The open workspace changed in another tab while this one had unsaved edits.
#[derive(Debug, Clone, PartialEq)]
pub struct EditConflict {
    pub name: String,
    /// The other tab deleted it rather than saving a newer version.
    pub deleted: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u64,
    pub text: String,
    pub is_error: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub index: RwSignal<WorkspaceIndex>,
    /// The open workspace; `None` before the first one exists or while switching.
    pub workspace: RwSignal<Option<Workspace>>,
    pub save_status: RwSignal<SaveStatus>,
    pub unreadable: RwSignal<Vec<UnreadableRecord>>,
    /// Set while the user must choose between this tab's edits and another tab's version.
    pub conflict: RwSignal<Option<EditConflict>>,
    pub notices: RwSignal<Vec<Notice>>,
    /// Long work in progress (import, load): label and fraction done.
    pub busy: RwSignal<Option<(String, f64)>>,
    /// The audit's measurements of each creator, reused while that creator's inputs stay the
    /// same (see `microplan_audit::reuse`).
    pub measured: StoredValue<MeasuredCreators>,
    next_notice: StoredValue<u64>,
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            index: RwSignal::new(WorkspaceIndex::default()),
            workspace: RwSignal::new(None),
            save_status: RwSignal::new(SaveStatus::Starting),
            unreadable: RwSignal::new(Vec::new()),
            conflict: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            busy: RwSignal::new(None),
            measured: StoredValue::new(MeasuredCreators::default()),
            next_notice: StoredValue::new(0),
        }
    }

    pub fn notify(&self, text: impl Into<String>) {
        self.push_notice(text.into(), false);
    }

    pub fn notify_error(&self, text: impl Into<String>) {
        self.push_notice(text.into(), true);
    }

    fn push_notice(&self, text: String, is_error: bool) {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        self.notices.update(|notices| {
            notices.push(Notice { id, text, is_error });
            // Keep the stack short: the oldest notices go first.
            let excess = notices.len().saturating_sub(4);
            notices.drain(..excess);
        });
        let notices = self.notices;
        if !is_error {
            set_timeout(
                move || notices.update(|list| list.retain(|notice| notice.id != id)),
                std::time::Duration::from_secs(6),
            );
        }
    }

    pub fn dismiss(&self, id: u64) {
        self.notices
            .update(|list| list.retain(|notice| notice.id != id));
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

pub fn app_state() -> AppState {
    expect_context::<AppState>()
}
