//! The tables a workspace imports and exports.

use crate::domain::workspace::Workspace;

use super::columns::ColumnSpec;
use super::columns_campaigns::{COMMUNITIES, RESULTS, TEST_ARMS};
use super::columns_vetting::{COMMENT_SUMMARIES, CREATORS, FOLLOWER_HISTORY, POSTS};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKind {
    Creators,
    Posts,
    FollowerHistory,
    CommentSummaries,
    Communities,
    Results,
    TestArms,
}

impl TableKind {
    pub const ALL: [TableKind; 7] = [
        TableKind::Creators,
        TableKind::Posts,
        TableKind::FollowerHistory,
        TableKind::CommentSummaries,
        TableKind::Communities,
        TableKind::Results,
        TableKind::TestArms,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TableKind::Creators => "Creators",
            TableKind::Posts => "Posts",
            TableKind::FollowerHistory => "Follower history",
            TableKind::CommentSummaries => "Comment summaries",
            TableKind::Communities => "Communities",
            TableKind::Results => "Campaign results",
            TableKind::TestArms => "Test arms",
        }
    }

    /// Used for export file names: `creators.csv`.
    pub fn file_stem(self) -> &'static str {
        match self {
            TableKind::Creators => "creators",
            TableKind::Posts => "posts",
            TableKind::FollowerHistory => "follower_history",
            TableKind::CommentSummaries => "comment_summaries",
            TableKind::Communities => "communities",
            TableKind::Results => "results",
            TableKind::TestArms => "test_arms",
        }
    }

    /// What one row is, in one sentence for the import screen.
    pub fn describe(self) -> &'static str {
        match self {
            TableKind::Creators => {
                "One row per creator account: handle, platform, followers and terms."
            }
            TableKind::Posts => {
                "One row per post: who posted it, when, and its likes, comments and views."
            }
            TableKind::FollowerHistory => {
                "One row per creator and date: the follower count on that day."
            }
            TableKind::CommentSummaries => {
                "One row per post: a digest of its comments (no comment text is stored)."
            }
            TableKind::Communities => {
                "One row per interest community: its name, hashtags and where it gathers."
            }
            TableKind::Results => {
                "One row per campaign deliverable: its reach, engagement, clicks, orders and cost."
            }
            TableKind::TestArms => {
                "One row per arm of an uplift test: units, conversions and revenue."
            }
        }
    }

    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            TableKind::Creators => CREATORS,
            TableKind::Posts => POSTS,
            TableKind::FollowerHistory => FOLLOWER_HISTORY,
            TableKind::CommentSummaries => COMMENT_SUMMARIES,
            TableKind::Communities => COMMUNITIES,
            TableKind::Results => RESULTS,
            TableKind::TestArms => TEST_ARMS,
        }
    }

    /// The columns that identify a row; rows with equal keys are the same row.
    pub fn key_columns(self) -> &'static [&'static str] {
        match self {
            TableKind::Creators => &["platform", "handle"],
            TableKind::Posts => &["handle", "post_id"],
            TableKind::FollowerHistory => &["handle", "date"],
            TableKind::CommentSummaries => &["handle", "post_id"],
            TableKind::Communities => &["name"],
            TableKind::Results => &["campaign", "handle", "deliverable"],
            TableKind::TestArms => &["test", "arm"],
        }
    }

    pub fn row_count(self, workspace: &Workspace) -> usize {
        match self {
            TableKind::Creators => workspace.creators.len(),
            TableKind::Posts => workspace.posts.len(),
            TableKind::FollowerHistory => workspace.follower_history.len(),
            TableKind::CommentSummaries => workspace.comment_summaries.len(),
            TableKind::Communities => workspace.communities.len(),
            TableKind::Results => workspace.results.len(),
            TableKind::TestArms => workspace.test_arms.len(),
        }
    }
}
