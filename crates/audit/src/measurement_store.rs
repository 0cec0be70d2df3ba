//! Each creator's measurements ([`CreatorMetrics`]) with the fingerprint of their inputs, as
//! text stored beside the workspace, so opening it again scores from kept measurements and
//! measures nobody (the bootstrap intervals of `interval_memo` then only serve creators whose
//! inputs changed).
//!
//! An entry is used only when its handle key and fingerprint equal those of the creator being
//! audited, and the fingerprint covers the creator's rows and every setting the measurements
//! read: a stale or foreign entry can only miss. What the fingerprint cannot see is a change of
//! the measuring code; `MEASUREMENT_REVISION` covers that (and `INTERVAL_REVISION`, whose
//! intervals the measurements hold), and a test (`tests/measurement_store.rs`) pins the demo's
//! stored measurements so a change that forgets to raise it fails.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::fast_hash::FastMap;
use crate::interval_memo::INTERVAL_REVISION;
use crate::CreatorMetrics;

/// Raise whenever `measure` can return something else for the same inputs and settings.
pub const MEASUREMENT_REVISION: u32 = 1;

/// Measurements by handle key, each with the fingerprint of the inputs it was measured from.
pub(crate) type Entries = FastMap<String, (u64, CreatorMetrics)>;

#[derive(Serialize)]
struct StoredMeasurements<'a> {
    revision: u32,
    interval_revision: u32,
    entries: Vec<(&'a str, u64, &'a CreatorMetrics)>,
}

/// Read side: entries stay raw, so one that does not read back is dropped alone.
#[derive(Deserialize)]
struct ReadMeasurements<'a> {
    revision: u32,
    interval_revision: u32,
    #[serde(borrow)]
    entries: Vec<(String, u64, &'a RawValue)>,
}

/// Whether `metrics` reads back from its JSON text unchanged (a non-finite number does not:
/// JSON writes it as null). Only such entries are stored, so a stored entry never differs
/// from what measuring gives.
fn reads_back(metrics: &CreatorMetrics) -> bool {
    serde_json::to_string(metrics)
        .ok()
        .and_then(|text| serde_json::from_str::<CreatorMetrics>(&text).ok())
        .is_some_and(|read| read == *metrics)
}

/// The entries as stored text, in handle-key order so the same measurements always store the
/// same text; `None` when there are none.
pub(crate) fn encode(entries: &Entries) -> Option<String> {
    let mut kept: Vec<(&str, u64, &CreatorMetrics)> = entries
        .iter()
        .filter(|(_, (_, metrics))| reads_back(metrics))
        .map(|(key, (fingerprint, metrics))| (key.as_str(), *fingerprint, metrics))
        .collect();
    if kept.is_empty() {
        return None;
    }
    kept.sort_unstable_by(|a, b| a.0.cmp(b.0));
    serde_json::to_string(&StoredMeasurements {
        revision: MEASUREMENT_REVISION,
        interval_revision: INTERVAL_REVISION,
        entries: kept,
    })
    .ok()
}

/// Stored entries, or `None` when the text is damaged or written by another revision of the
/// measuring or interval code (every creator is then measured, as on a first open). A single
/// entry that does not read is left out.
pub(crate) fn decode(text: &str) -> Option<Entries> {
    let stored: ReadMeasurements<'_> = serde_json::from_str(text).ok()?;
    if stored.revision != MEASUREMENT_REVISION || stored.interval_revision != INTERVAL_REVISION {
        return None;
    }
    Some(
        stored
            .entries
            .into_iter()
            .filter_map(|(key, fingerprint, raw)| {
                let metrics = serde_json::from_str::<CreatorMetrics>(raw.get()).ok()?;
                Some((key, (fingerprint, metrics)))
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_empty_or_other_revision_texts_are_ignored() {
        assert!(decode("").is_none());
        assert!(decode("{\"revision\":1").is_none());
        assert!(encode(&Entries::default()).is_none());
        let empty = format!(
            "{{\"revision\":{MEASUREMENT_REVISION},\"interval_revision\":{INTERVAL_REVISION},\"entries\":[]}}"
        );
        assert!(decode(&empty).is_some_and(|entries| entries.is_empty()));
        let newer = format!(
            "{{\"revision\":{},\"interval_revision\":{INTERVAL_REVISION},\"entries\":[]}}",
            MEASUREMENT_REVISION + 1
        );
        assert!(decode(&newer).is_none());
        let other_intervals = format!(
            "{{\"revision\":{MEASUREMENT_REVISION},\"interval_revision\":{},\"entries\":[]}}",
            INTERVAL_REVISION + 1
        );
        assert!(decode(&other_intervals).is_none());
        // An entry whose measurements do not read is dropped, the others kept.
        let one_bad = format!(
            "{{\"revision\":{MEASUREMENT_REVISION},\"interval_revision\":{INTERVAL_REVISION},\"entries\":[[\"a\",7,{{\"followers\":\"x\"}}]]}}"
        );
        assert!(decode(&one_bad).is_some_and(|entries| entries.is_empty()));
    }
}
