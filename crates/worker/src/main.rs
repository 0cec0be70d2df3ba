//! The compute worker's entry: listens for one job, posts progress and one final message.
//! Built by Trunk as a Web Worker (see index.html); a job's error is a `Failed` message,
//! never a panic, so the page always hears back.

#[cfg(target_arch = "wasm32")]
mod entry;

#[cfg(target_arch = "wasm32")]
fn main() {
    entry::start();
}

/// Natively there is no worker to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
