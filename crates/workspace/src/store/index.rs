//! The list of workspaces kept beside them: names, sizes and which one is open.

use serde::{Deserialize, Serialize};

use super::error::RecordError;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceMeta {
    pub id: String,
    pub name: String,
    /// ISO 8601 timestamps.
    pub created_at: String,
    pub updated_at: String,
    pub rows: usize,
    /// Counts the saves of this workspace; a write expecting an older one is refused.
    #[serde(default)]
    pub revision: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct WorkspaceIndex {
    pub active: Option<String>,
    pub workspaces: Vec<WorkspaceMeta>,
}

impl WorkspaceIndex {
    pub fn find(&self, id: &str) -> Option<&WorkspaceMeta> {
        self.workspaces.iter().find(|meta| meta.id == id)
    }

    /// Inserts or replaces the entry with the same id.
    pub fn upsert(&mut self, meta: WorkspaceMeta) {
        match self
            .workspaces
            .iter_mut()
            .find(|existing| existing.id == meta.id)
        {
            Some(existing) => *existing = meta,
            None => self.workspaces.push(meta),
        }
    }

    pub fn remove(&mut self, id: &str) {
        self.workspaces.retain(|meta| meta.id != id);
        if self.active.as_deref() == Some(id) {
            self.active = self.workspaces.first().map(|meta| meta.id.clone());
        }
    }

    /// A name not yet used: `base`, else `base (2)`, `base (3)` ...
    pub fn unique_name(&self, base: &str) -> String {
        let base = base.trim();
        let base = if base.is_empty() {
            "Untitled workspace"
        } else {
            base
        };
        let taken = |name: &str| self.workspaces.iter().any(|meta| meta.name == name);
        if !taken(base) {
            return base.to_string();
        }
        (2..)
            .map(|n| format!("{base} ({n})"))
            .find(|candidate| !taken(candidate))
            .unwrap_or_else(|| base.to_string())
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    pub fn decode(text: &str) -> Result<WorkspaceIndex, RecordError> {
        serde_json::from_str(text).map_err(|error| RecordError::IndexNotReadable {
            reason: error.to_string(),
        })
    }
}

/// A workspace id that sorts by creation time and does not collide in practice:
/// milliseconds since the epoch plus a random suffix, both base 36.
pub fn new_workspace_id(now_ms: f64, random_unit: f64) -> String {
    let millis = if now_ms.is_finite() && now_ms > 0.0 {
        now_ms as u64
    } else {
        0
    };
    let unit = if random_unit.is_finite() {
        random_unit.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let suffix = (unit * 36f64.powi(6)) as u64;
    format!("ws-{}-{:0>6}", base36(millis), base36(suffix))
}

fn base36(mut value: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(value % 36) as usize]);
        value /= 36;
        if value == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: &str, name: &str) -> WorkspaceMeta {
        WorkspaceMeta {
            id: id.into(),
            name: name.into(),
            created_at: String::new(),
            updated_at: String::new(),
            rows: 0,
            revision: 0,
        }
    }

    #[test]
    fn unique_names_count_up() {
        let mut index = WorkspaceIndex::default();
        assert_eq!(index.unique_name("Brand"), "Brand");
        index.upsert(meta("a", "Brand"));
        index.upsert(meta("b", "Brand (2)"));
        assert_eq!(index.unique_name("Brand"), "Brand (3)");
        assert_eq!(index.unique_name("  "), "Untitled workspace");
    }

    #[test]
    fn removing_the_active_workspace_opens_another() {
        let mut index = WorkspaceIndex {
            active: Some("b".into()),
            ..Default::default()
        };
        index.upsert(meta("a", "A"));
        index.upsert(meta("b", "B"));
        index.upsert(meta("b", "B renamed"));
        assert_eq!(index.workspaces.len(), 2);
        assert_eq!(index.find("b").map(|m| m.name.as_str()), Some("B renamed"));
        index.remove("b");
        assert_eq!(index.active.as_deref(), Some("a"));
        index.remove("a");
        assert_eq!(index.active, None);
    }

    #[test]
    fn ids_are_base36_time_plus_suffix() {
        assert_eq!(new_workspace_id(36.0 * 36.0, 0.0), "ws-100-000000");
        assert_eq!(new_workspace_id(f64::NAN, f64::INFINITY), "ws-0-000000");
        assert_eq!(base36(35), "z");
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_text_never_panics_the_index_loader(text in ".{0,300}") {
            let _ = WorkspaceIndex::decode(&text);
        }
    }

    #[test]
    fn index_round_trips_and_rejects_garbage() {
        let mut index = WorkspaceIndex {
            active: Some("a".into()),
            ..Default::default()
        };
        index.upsert(meta("a", "A"));
        assert_eq!(WorkspaceIndex::decode(&index.encode()), Ok(index));
        assert!(WorkspaceIndex::decode("[").is_err());
    }
}
