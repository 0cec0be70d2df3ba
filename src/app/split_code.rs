//! Calling code that the build split into a download of its own (see
//! `scripts/build_app.mjs`): a `#[wasm_split]` function is async, since its module may still
//! have to be fetched, but once fetched it answers on its first poll, so callers that cannot
//! wait (memos, views) call it through [`ready_now`].

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// The future's output if it is ready on its first poll; `None` when it would have to wait
/// (a split function whose module is not here yet).
pub(crate) fn ready_now<T>(mut future: Pin<&mut impl Future<Output = T>>) -> Option<T> {
    let mut context = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut context) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

/// Whether `load` (a split module's preload) finds its module already here; asking starts
/// fetching it when it is not.
pub(crate) fn loaded_now<E>(load: impl Future<Output = Result<(), E>>) -> bool {
    matches!(ready_now(std::pin::pin!(load)), Some(Ok(())))
}
