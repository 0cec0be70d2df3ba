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
    let mut scanner = ArrayScanner::new(text)?;
    let mut elements = Vec::new();
    loop {
        match scanner.next_element(text) {
            Scanned::Element(range) => elements.push(range),
            Scanned::End => return Some(elements),
            Scanned::Invalid => return None,
        }
    }
}

/// What the scanner found next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scanned {
    Element(Range<usize>),
    /// The closing bracket, with only whitespace after it.
    End,
    /// Not one array whose brackets and quotes balance.
    Invalid,
}

/// Finds a JSON array's top-level elements one at a time, so a large text is scanned a slice
/// at a time along with its typing rather than in one go.
pub struct ArrayScanner {
    /// Where the next element's scan starts.
    position: usize,
    /// Whether the last element ended at a comma (another must follow).
    after_comma: bool,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl ArrayScanner {
    /// Starts after the opening bracket; `None` when `text` does not open with one.
    pub fn new(text: &str) -> Option<ArrayScanner> {
        let bytes = text.as_bytes();
        let open = bytes.iter().position(|&b| !is_space(b))?;
        if bytes.get(open) != Some(&b'[') {
            return None;
        }
        Some(ArrayScanner {
            position: open.checked_add(1)?,
            after_comma: false,
        })
    }

    /// The next element of `text` (the text the scanner was made for).
    pub fn next_element(&mut self, text: &str) -> Scanned {
        self.scan(text.as_bytes()).unwrap_or(Scanned::Invalid)
    }

    fn scan(&mut self, bytes: &[u8]) -> Option<Scanned> {
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        let mut start: Option<usize> = None;
        let mut position = self.position;
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
                        if let Some(start) = start {
                            // The last element; the next call finds the bracket again.
                            self.position = position;
                            self.after_comma = false;
                            return Some(Scanned::Element(start..trim_end(bytes, start, position)));
                        }
                        // "[1,]" has no last element; only whitespace may follow the bracket.
                        let rest = bytes.get(position.checked_add(1)?..)?;
                        let end = !self.after_comma && rest.iter().all(|&b| is_space(b));
                        self.position = bytes.len();
                        return Some(if end { Scanned::End } else { Scanned::Invalid });
                    }
                    b',' if depth == 0 => {
                        let element_start = start.take()?;
                        self.position = position.checked_add(1)?;
                        self.after_comma = true;
                        return Some(Scanned::Element(
                            element_start..trim_end(bytes, element_start, position),
                        ));
                    }
                    _ if is_space(b) => {}
                    _ => {
                        start.get_or_insert(position);
                    }
                }
            }
            position = position.checked_add(1)?;
        }
        Some(Scanned::Invalid)
    }
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
    let mut scanner = match ArrayScanner::new(text) {
        Some(scanner) if text.len() > SLICE_BYTES => scanner,
        _ => return decode_table(workspace, table, text),
    };
    let mut slice = String::new();
    let mut rows = Workspace::default();
    let mut first = true;
    let mut next = scanner.next_element(text);
    loop {
        slice.clear();
        slice.push('[');
        // The elements up to a slice's size are scanned and copied; then they are typed.
        while slice.len() <= SLICE_BYTES {
            match next {
                Scanned::Element(range) => {
                    if slice.len() > 1 {
                        slice.push(',');
                    }
                    slice.push_str(text.get(range).unwrap_or_default());
                    next = scanner.next_element(text);
                }
                Scanned::End => break,
                // Not one array after all: typed whole, where serde_json says what is wrong.
                Scanned::Invalid => return decode_table(workspace, table, text),
            }
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
        if next == Scanned::End {
            return Some(Ok(()));
        }
    }
}
