//! Heavy jobs that run in a Web Worker, off the page's thread: the message protocol shared
//! by the page and the worker, and the jobs themselves as pure functions (tested natively).
//! The worker's browser entry is `src/main.rs`; the page's side is `src/app/worker_pool.rs`.
//! Nothing here depends on the UI.

pub mod comment_ranges;
pub mod comments;
pub mod protocol;
pub mod uplift;

pub use comment_ranges::{analyse_comment_range, FileSlices};
pub use comments::{analyse_comment_share, merge_shares, part_numbering, share_of, MergedComments};
pub use protocol::{CommentShareResult, Job, Reply, WorkerMessage};
