//! Checking and encoding a large table for a save a slice at a time, before the save, so the
//! page can paint between slices. The save itself stays one step that builds its whole
//! transaction at once: it uses a prepared text only while the workspace still holds the very
//! table it was prepared from, and checks and encodes any other table as before. A table with
//! a problem is not prepared, so the save reports it exactly as it always has.
//!
//! The text is what `serde_json::to_string` writes for the whole table: a JSON array is `[`,
//! its elements joined by `,`, and `]`, and a slice of rows is written as such an array.

use std::future::Future;

use microplan_model::shared::TableIdentity;

use crate::tables::table_identity;
use crate::validate::validate_encoded_table;
use crate::Workspace;

/// Rows checked and encoded between two pauses: 1,000 creators (the widest rows) take about
/// 20 ms in the browser; 4,000 took 60-78 ms, a frame gap of their own after an import.
pub const ROWS_PER_SLICE: usize = 1_000;

/// One table checked and encoded ahead of a save.
#[derive(Clone)]
pub struct PreparedTable {
    pub table: &'static str,
    identity: TableIdentity,
    pub text: String,
}

impl PreparedTable {
    /// True while `workspace` holds the very table this was prepared from.
    pub fn fits(&self, workspace: &Workspace) -> bool {
        table_identity(workspace, self.table)
            .is_some_and(|identity| TableIdentity::same(&identity, &self.identity))
    }
}

/// Where in `prepared` the table `table` of `workspace` is, when one fits.
fn fitting(prepared: &[PreparedTable], workspace: &Workspace, table: &str) -> Option<usize> {
    prepared
        .iter()
        .position(|p| p.table == table && p.fits(workspace))
}

/// The prepared text of `table` for `workspace`, when one fits.
pub fn prepared_text<'a>(
    prepared: &'a [PreparedTable],
    workspace: &Workspace,
    table: &str,
) -> Option<&'a str> {
    let at = fitting(prepared, workspace, table)?;
    prepared.get(at).map(|p| p.text.as_str())
}

/// [`prepared_text`], moved out of `prepared`: a save takes it without copying tens of MB.
pub fn take_prepared_text(
    prepared: &mut Vec<PreparedTable>,
    workspace: &Workspace,
    table: &str,
) -> Option<String> {
    let at = fitting(prepared, workspace, table)?;
    Some(prepared.swap_remove(at).text)
}

/// Whether `a` and `b` are the same text, byte for byte. Compares eight bytes a step: in wasm
/// this is several times faster than the byte-wise `memcmp` that `==` calls, which matters for
/// the tens of MB of a large table's text.
pub fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let ((a_words, a_rest), (b_words, b_rest)) = (a.as_chunks::<8>(), b.as_chunks::<8>());
    a_rest == b_rest
        && a_words
            .iter()
            .zip(b_words)
            .all(|(x, y)| u64::from_ne_bytes(*x) == u64::from_ne_bytes(*y))
}

/// Appends a slice of rows, written as a JSON array, to the text of the whole array.
fn append_elements(text: &mut String, slice: &str) {
    let inner = slice
        .strip_prefix('[')
        .and_then(|s| s.strip_suffix(']'))
        .unwrap_or_default();
    if inner.is_empty() {
        return;
    }
    if text.len() > 1 {
        text.push(',');
    }
    text.push_str(inner);
}

/// Checks and encodes a large table of rows with `pause` awaited between slices. `None` for a
/// table that is small, not rows, or has a problem: the save checks and encodes those itself.
pub async fn prepare_table_in_slices<P, F>(
    workspace: &Workspace,
    table: &'static str,
    pause: P,
) -> Option<PreparedTable>
where
    P: Fn() -> F,
    F: Future<Output = ()>,
{
    macro_rules! prepare_rows {
        ($($name:ident),*) => {
            match table {
                $(stringify!($name) => {
                    let rows = &workspace.$name;
                    if rows.len() <= ROWS_PER_SLICE {
                        return None;
                    }
                    let mut text = String::from("[");
                    for chunk in rows.chunks(ROWS_PER_SLICE) {
                        let mut part = Workspace::default();
                        *part.$name = chunk.to_vec();
                        let encoded = serde_json::to_string(chunk).ok()?;
                        validate_encoded_table(&part, table, &encoded).ok()?;
                        append_elements(&mut text, &encoded);
                        pause().await;
                    }
                    text.push(']');
                    text
                })*
                _ => return None,
            }
        };
    }
    let text = row_tables!(prepare_rows);
    Some(PreparedTable {
        table,
        identity: table_identity(workspace, table)?,
        text,
    })
}
