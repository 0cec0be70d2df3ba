//! The versioned envelope around a stored workspace. The same format is the workspace file
//! users export and import, so a file from an older version opens in a newer app.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use super::migrations::migrate;
use crate::Workspace;

/// Version of the stored workspace format; bump it and add a migration for every change
/// that old data cannot be read through with `#[serde(default)]`, and for every addition an
/// older app must not silently drop when it saves (it refuses newer versions instead).
/// Version 3 added the programme, briefs, tracking, contracts, activations, test plans and
/// daily series, and the audit settings. Version 4 stores each table as its own record in
/// the browser (see `tables`); the workspace inside is the same as in version 3.
pub const SCHEMA_VERSION: u32 = 4;
pub const APP_NAME: &str = "microplan";

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    app: &'static str,
    schema_version: u32,
    saved_at: &'a str,
    workspace: &'a Workspace,
}

/// The workspace stays raw JSON until its version is known: a current one is typed straight
/// from the text (fast, and the only typed decoding path in the bundle); an older one goes
/// through the `Value` tree for its migrations first.
#[derive(Deserialize)]
struct EnvelopeIn<'a> {
    app: Option<String>,
    schema_version: Option<u32>,
    #[serde(borrow)]
    workspace: Option<&'a RawValue>,
}

/// Why stored or imported data could not be read. The raw text is never discarded by the
/// caller: it stays in storage and is offered for download.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    NotJson(String),
    NotMicroplan,
    NewerVersion(u32),
    Damaged(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotJson(reason) => write!(
                f,
                "the data is not valid JSON ({reason}); it may have been cut off or edited by hand"
            ),
            LoadError::NotMicroplan => write!(
                f,
                "this is not a Microplan workspace file (it has no `app: microplan` envelope)"
            ),
            LoadError::NewerVersion(version) => write!(
                f,
                "it was saved by a newer Microplan (format {version}, this app reads up to \
                 {SCHEMA_VERSION}); open it with the newer version"
            ),
            LoadError::Damaged(reason) => write!(f, "the workspace inside is damaged: {reason}"),
        }
    }
}

/// Serialises a workspace in the current format. `saved_at` is an ISO 8601 timestamp.
pub fn encode_workspace(workspace: &Workspace, saved_at: &str) -> String {
    let envelope = EnvelopeOut {
        app: APP_NAME,
        schema_version: SCHEMA_VERSION,
        saved_at,
        workspace,
    };
    // Serialising plain structs with string keys cannot fail; an empty object is a safe
    // fallback that `decode_workspace` reports as damaged rather than loading silently.
    serde_json::to_string(&envelope).unwrap_or_else(|_| "{}".to_string())
}

/// Reads a stored or imported workspace of any known format version.
pub fn decode_workspace(text: &str) -> Result<Workspace, LoadError> {
    // Valid JSON of another shape (a number, a list) is not ours rather than damaged JSON.
    let envelope: EnvelopeIn =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|error| {
            match error.is_data() {
                true => LoadError::NotMicroplan,
                false => LoadError::NotJson(error.to_string()),
            }
        })?;
    if envelope.app.as_deref() != Some(APP_NAME) {
        return Err(LoadError::NotMicroplan);
    }
    let version = envelope.schema_version.ok_or(LoadError::NotMicroplan)?;
    if version > SCHEMA_VERSION {
        return Err(LoadError::NewerVersion(version));
    }
    let stored = envelope
        .workspace
        .ok_or_else(|| LoadError::Damaged("no workspace".into()))?;
    let current: Cow<str> = if version == SCHEMA_VERSION {
        Cow::Borrowed(stored.get())
    } else {
        let tree: Value = serde_json::from_str(stored.get())
            .map_err(|error| LoadError::Damaged(error.to_string()))?;
        Cow::Owned(
            migrate(tree, version)
                .map_err(|error| LoadError::Damaged(error.into()))?
                .to_string(),
        )
    };
    serde_json::from_str(&current).map_err(|error| LoadError::Damaged(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_one_file_loads_with_its_lists_split() {
        let text = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/store/workspace_v1.json"
        ));
        let workspace = decode_workspace(text).expect("v1 fixture loads");
        assert_eq!(workspace.name, "Oat & Trail spring");
        let creator = &workspace.creators[0];
        assert_eq!(creator.categories, vec!["trail running", "outdoors"]);
        assert_eq!(creator.communities, vec!["Trail running"]);
        assert_eq!(workspace.posts[0].topics, vec!["race report"]);
        assert_eq!(
            workspace.communities[0].hashtags,
            vec!["#trailrunning", "#fellrunning"]
        );
        assert_eq!(workspace.posts[0].likes, 412);
    }

    #[test]
    fn a_version_two_file_loads_with_the_newer_tables_empty() {
        let text = r##"{"app":"microplan","schema_version":2,"saved_at":"2026-11-22T10:00:00Z",
            "workspace":{"name":"Autumn","communities":[{"name":"Trail running","description":"",
            "hashtags":["#trail"],"where_online":null}]}}"##;
        let workspace = decode_workspace(text).expect("v2 file loads");
        assert_eq!(workspace.name, "Autumn");
        assert_eq!(workspace.communities[0].hashtags, vec!["#trail"]);
        assert!(workspace.contracts.is_empty() && workspace.test_plans.is_empty());
        // Saving writes the current version, which an older app then refuses instead of
        // dropping the tables it does not know.
        assert!(
            encode_workspace(&workspace, "2026-12-01T10:00:00Z").contains(r#""schema_version":4"#)
        );
    }

    #[test]
    fn refuses_other_files_with_reasons() {
        assert!(matches!(
            decode_workspace("{not json"),
            Err(LoadError::NotJson(_))
        ));
        assert_eq!(
            decode_workspace(r#"{"name":"x"}"#),
            Err(LoadError::NotMicroplan)
        );
        assert_eq!(decode_workspace("42"), Err(LoadError::NotMicroplan));
        let newer = r#"{"app":"microplan","schema_version":99,"workspace":{}}"#;
        assert_eq!(decode_workspace(newer), Err(LoadError::NewerVersion(99)));
        let damaged = r#"{"app":"microplan","schema_version":2,"workspace":{"name":5}}"#;
        assert!(matches!(
            decode_workspace(damaged),
            Err(LoadError::Damaged(_))
        ));
        let message = decode_workspace(newer).unwrap_err().to_string();
        assert!(message.contains("newer Microplan"), "{message}");
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in ".{0,400}") {
            let _ = decode_workspace(&text);
        }

        #[test]
        fn arbitrary_json_envelopes_never_panic(version in 0u32..5, body in ".{0,200}") {
            let text = format!(
                r#"{{"app":"microplan","schema_version":{version},"workspace":{body}}}"#
            );
            let _ = decode_workspace(&text);
        }
    }
}
