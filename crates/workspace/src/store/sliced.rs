//! Reading a large stored table in slices, so a page can paint between them: the table's JSON
//! array is cut into its top-level elements by a small scanner that knows strings and escapes,
//! and the elements are typed a few megabytes at a time. The stored text is the same as ever
//! (what `serde_json` writes); only the reading is cut up, and its result equals one
//! `serde_json::from_str` of the whole table.

use std::future::Future;
use std::ops::Range;

use crate::tables::decode_table;
use crate::Workspace;

/// Text typed between two pauses.
pub const SLICE_BYTES: usize = 2_000_000;

/// The byte ranges of the top-level elements of a JSON array (without the whitespace around
/// them), or `None` when `text` is not one array whose brackets and quotes balance. Only the
/// structure is checked; the elements are checked when they are typed.
pub fn array_elements(text: &str) -> Option<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let open = bytes.iter().position(|&b| !is_space(b))?;
    if bytes.get(open) != Some(&b'[') {
        return None;
    }
    let mut elements = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut start: Option<usize> = None;
    let mut position = open.checked_add(1)?;
    while let Some(&b) = bytes.get(position) {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else {
            match b {
                b'"' => {
                    in_string = true;
                    start.get_or_insert(position);
                }
                b'[' | b'{' => {
                    depth = depth.checked_add(1)?;
                    start.get_or_insert(position);
                }
                b']' | b'}' if depth > 0 => depth -= 1,
                b']' => {
                    // The closing bracket: only whitespace may follow.
                    if let Some(start) = start {
                        elements.push(start..trim_end(bytes, start, position));
                    } else if !elements.is_empty() {
                        return None; // "[1,]"
                    }
                    let rest = bytes.get(position.checked_add(1)?..)?;
                    return rest.iter().all(|&b| is_space(b)).then_some(elements);
                }
                b',' if depth == 0 => {
                    let element_start = start.take()?;
                    elements.push(element_start..trim_end(bytes, element_start, position));
                }
                _ if is_space(b) => {}
                _ => {
                    start.get_or_insert(position);
                }
            }
        }
        position = position.checked_add(1)?;
    }
    None
}

/// `end` moved back over whitespace, not before `start`.
fn trim_end(bytes: &[u8], start: usize, end: usize) -> usize {
    let mut end = end;
    while end > start
        && bytes
            .get(end.wrapping_sub(1))
            .is_some_and(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        end -= 1;
    }
    end
}

/// Appends the rows of `from`'s `table` to `into`'s; false for a table that is not rows.
fn append_rows(into: &mut Workspace, from: &mut Workspace, table: &str) -> bool {
    macro_rules! append {
        ($($table:ident),*) => {
            match table {
                $(stringify!($table) => {
                    let rows = std::mem::take(&mut *from.$table);
                    into.$table.extend(rows);
                    true
                })*
                _ => false,
            }
        };
    }
    row_tables!(append)
}

/// [`decode_table`], typing a large table of rows a slice at a time with `pause` awaited
/// between slices. `None` for a name that is not a table; the result equals `decode_table`'s.
pub async fn decode_table_in_slices<P, F>(
    workspace: &mut Workspace,
    table: &str,
    text: &str,
    pause: P,
) -> Option<serde_json::Result<()>>
where
    P: Fn() -> F,
    F: Future<Output = ()>,
{
    let elements = match array_elements(text) {
        Some(elements) if text.len() > SLICE_BYTES => elements,
        _ => return decode_table(workspace, table, text),
    };
    let mut slice = String::new();
    let mut rows = Workspace::default();
    let mut first = true;
    let mut remaining = elements.iter().peekable();
    while remaining.peek().is_some() {
        slice.clear();
        slice.push('[');
        while let Some(range) = remaining.peek() {
            if slice.len() > SLICE_BYTES {
                break;
            }
            if slice.len() > 1 {
                slice.push(',');
            }
            slice.push_str(text.get((*range).clone()).unwrap_or_default());
            remaining.next();
        }
        slice.push(']');
        let target = if first { &mut *workspace } else { &mut rows };
        if let Err(error) = decode_table(target, table, &slice)? {
            return Some(Err(error));
        }
        if !first && !append_rows(workspace, &mut rows, table) {
            // Not a table of rows after all: typed whole, as before.
            return decode_table(workspace, table, text);
        }
        first = false;
        pause().await;
    }
    Some(Ok(()))
}
