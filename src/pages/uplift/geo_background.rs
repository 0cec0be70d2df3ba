//! The regional test's statistics in a compute worker (`app::worker_pool`), so the page
//! keeps answering while they run. Every request is tagged; a reply that is not for the
//! latest request of its kind and test (the user changed the input meanwhile) is dropped.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use leptos::task::spawn_local;

use crate::app::worker_pool::run_jobs;
use microplan_worker::protocol::{Job, Reply};

thread_local! {
    /// The latest request's tag per kind and test (per tab, like all page state).
    static LATEST: RefCell<HashMap<String, u64>> = RefCell::new(HashMap::new());
    static NEXT_TAG: Cell<u64> = const { Cell::new(0) };
}

/// Starts a new request under `key` and returns its tag; earlier tags become stale.
fn new_request(key: &str) -> u64 {
    let tag = NEXT_TAG.with(|next| {
        let tag = next.get().wrapping_add(1);
        next.set(tag);
        tag
    });
    LATEST.with(|latest| latest.borrow_mut().insert(key.to_string(), tag));
    tag
}

/// Whether `tag` is still the latest request under `key`.
fn is_latest(key: &str, tag: u64) -> bool {
    LATEST.with(|latest| latest.borrow().get(key) == Some(&tag))
}

/// Runs `job` in a worker and hands `deliver` what `pick` takes from its reply, unless a
/// newer request under `key` started meanwhile. A worker that cannot start or stops gives
/// an error sentence, shown where the analysis's own error would be.
pub(super) fn in_background<T: 'static>(
    key: String,
    job: Job,
    pick: fn(Reply) -> Option<Result<T, String>>,
    deliver: impl Fn(Result<T, String>) + 'static,
) {
    let tag = new_request(&key);
    spawn_local(async move {
        let outcome = match run_jobs(vec![job], None, |_| {}).await {
            Ok(replies) => replies
                .into_iter()
                .next()
                .and_then(pick)
                .unwrap_or_else(|| {
                    Err("the background worker answered another question".to_string())
                }),
            Err(error) => Err(format!(
                "it could not be computed in the background: {error}"
            )),
        };
        if is_latest(&key, tag) {
            deliver(outcome);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_latest_request_of_a_key_is_current() {
        let first = new_request("analysis:Spring");
        let other = new_request("analysis:Autumn");
        assert!(is_latest("analysis:Spring", first));
        let second = new_request("analysis:Spring");
        assert!(!is_latest("analysis:Spring", first));
        assert!(is_latest("analysis:Spring", second));
        assert!(is_latest("analysis:Autumn", other));
    }
}
