//! The raw comments import split by byte range: each worker reads only its part of the file,
//! so the reading shrinks as workers are added.
//!
//! Share `k` of `n` owns the records from `own_start(k)` to `own_start(k + 1)`:
//! - `first(k)` is the first record starting at or after the cut `k·len/n`;
//! - `own_start(k)` is the first record from `first(k)` on whose creator differs from the
//!   creator of `first(k)` (share 0 starts at the first data record). The creator whose
//!   comments cross a cut thus belongs to the share before it, which reads on past its cut.
//!
//! A share after the first cannot tell a line break inside a quoted comment from one between
//! records, so it guesses `first(k)` (the first line start after its cut where the next
//! records have the header's width); the share before it, reading from a known record
//! start, finds the true `first(k)`. The page compares them ([`crate::part_numbering`]) and
//! also checks that no creator was read by two shares (a file that does not list each
//! creator's comments together). When any check fails the page reads the file by creator
//! instead, so the result is always exactly what one pass over the whole file gives. A share
//! that sees creators come back again and again stops early, so an interleaved file costs
//! little before it is read by creator.

use std::collections::HashMap;

use microplan_audit::comments::CommentSettings;
use microplan_audit::handle_key;
use microplan_csv::read::{record_reader, CsvChunks, Take};
use microplan_workspace::io::raw_comments::CommentFile;

use crate::comments::{ShareRows, READING_PART};
use crate::protocol::{CommentShareResult, PartEnds, PartReading};

/// A file read a byte range at a time (a browser `File`; bytes in tests).
pub trait FileSlices {
    fn size(&self) -> u64;
    /// Bytes `start..end` (clamped to the file).
    fn read(&self, start: u64, end: u64) -> Result<Vec<u8>, String>;
}

impl FileSlices for &[u8] {
    fn size(&self) -> u64 {
        self.len() as u64
    }

    fn read(&self, start: u64, end: u64) -> Result<Vec<u8>, String> {
        let end = usize::try_from(end).unwrap_or(usize::MAX).min(self.len());
        let start = usize::try_from(start).unwrap_or(usize::MAX).min(end);
        Ok(self.get(start..end).unwrap_or(&[]).to_vec())
    }
}

/// Read from the file's start for its header and delimiter: more than the delimiter is
/// sniffed from, so a part finds the same delimiter as the whole file.
const HEAD_BYTES: u64 = 2_000_000;
/// Read past a part's end for the creator whose comments cross it (a creator's comments are
/// typically tens to hundreds of KB); a longer run makes the share read 16 times as far, then
/// on to the end of the file.
const OVERRUN_BYTES: u64 = 2_000_000;
/// Line starts tried for a part's first record before taking the first one.
const GUESSES: usize = 64;
/// Records that must have the header's width after a guessed first record.
const RECORDS_CHECKED: usize = 4;

/// Where share `share` of `shares` is cut.
pub fn cut(share: u32, shares: u32, size: u64) -> u64 {
    let at = u128::from(size) * u128::from(share) / u128::from(shares.max(1));
    u64::try_from(at).unwrap_or(size)
}

/// Reads share `share` of `shares` of a comments file by byte range and analyses the
/// creators it owns. An error is a file the worker could not read at all; a part that cannot
/// be read alone comes back as [`PartReading::Unusable`].
pub fn analyse_comment_range(
    file: &dyn FileSlices,
    share: u32,
    shares: u32,
    settings: &CommentSettings,
    progress: &mut dyn FnMut(f64),
) -> Result<CommentShareResult, String> {
    let size = file.size();
    let next = (share + 1 < shares).then(|| cut(share + 1, shares, size));
    let cuts = (cut(share, shares, size), next);
    analyse_comment_part(file, cuts, OVERRUN_BYTES, settings, progress)
}

/// [`analyse_comment_range`] between two cuts: from `from` (0 for the first share) to `to`
/// (`None` for the last), reading `overrun` bytes past `to`, then more as needed.
pub fn analyse_comment_part(
    file: &dyn FileSlices,
    (from, to): (u64, Option<u64>),
    overrun: u64,
    settings: &CommentSettings,
    progress: &mut dyn FnMut(f64),
) -> Result<CommentShareResult, String> {
    let unusable =
        || ShareRows::default().analyse(settings, Some(PartReading::Unusable), &mut |_| {});
    let Some(head) = Head::read(file)? else {
        return Ok(unusable());
    };
    for overrun in [overrun, overrun.saturating_mul(16), u64::MAX] {
        let end = to.map_or(file.size(), |to| to.saturating_add(overrun));
        match read_part(file, &head, from, to, end, progress)? {
            PartRead::Done(rows, ends) => {
                return Ok((*rows).analyse(settings, Some(PartReading::Read(ends)), progress))
            }
            PartRead::Unusable => return Ok(unusable()),
            PartRead::NeedsMore => continue,
        }
    }
    Ok(unusable())
}

/// The header, delimiter and first data record of the file, read from its start.
struct Head {
    headers: Vec<String>,
    delimiter: u8,
    /// Byte offset and line of the first data record (or the blank lines before it).
    data_start: u64,
    data_line: usize,
}

impl Head {
    /// `None` when the start does not give what the whole file would (not UTF-8, a header
    /// longer than the start read, ...).
    fn read(file: &dyn FileSlices) -> Result<Option<Head>, String> {
        let mut bytes = file.read(0, HEAD_BYTES)?;
        let whole = bytes.len() as u64 >= file.size();
        if !whole {
            let Some(last_break) = bytes.iter().rposition(|b| *b == b'\n') else {
                return Ok(None);
            };
            bytes.truncate(last_break + 1);
        }
        let Ok(chunks) = CsvChunks::open(&bytes) else {
            return Ok(None);
        };
        let (Some(data_start), true) = (chunks.file_offset(), chunks.sniffed_in_full(whole)) else {
            return Ok(None);
        };
        Ok(Some(Head {
            headers: chunks.headers.clone(),
            delimiter: chunks.delimiter,
            data_start: data_start as u64,
            data_line: chunks.line(),
        }))
    }
}

enum PartRead {
    Done(Box<ShareRows>, PartEnds),
    Unusable,
    /// The part's last creator runs past the bytes read.
    NeedsMore,
}

/// Reads the part from cut `from` to cut `to`, with the file's bytes up to `end`.
fn read_part(
    file: &dyn FileSlices,
    head: &Head,
    from: u64,
    to: Option<u64>,
    end: u64,
    progress: &mut dyn FnMut(f64),
) -> Result<PartRead, String> {
    let first_share = from == 0;
    if !first_share && from <= head.data_start {
        return Ok(PartRead::Unusable);
    }
    // A later share reads the byte before its cut, to see whether the cut starts a line.
    let read_from = if first_share {
        head.data_start
    } else {
        from - 1
    };
    let end = end.min(file.size());
    let mut bytes = file.read(read_from, end)?;
    let at_file_end = read_from + bytes.len() as u64 >= file.size();
    let start = if first_share {
        0
    } else {
        match guess_first_record(&bytes, head) {
            Some(start) => start,
            None if at_file_end => return Ok(PartRead::Unusable),
            None => return Ok(PartRead::NeedsMore),
        }
    };
    // Only whole lines: the bytes read may end inside one.
    let text_end = if at_file_end {
        bytes.len()
    } else {
        match bytes.iter().rposition(|b| *b == b'\n') {
            Some(last_break) if last_break >= start => last_break + 1,
            _ => return Ok(PartRead::NeedsMore),
        }
    };
    bytes.truncate(text_end);
    bytes.drain(..start);
    let base = read_from + start as u64;
    if bytes.contains(&0) {
        return Ok(PartRead::Unusable);
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Ok(PartRead::Unusable);
    };
    let first_line = if first_share { head.data_line } else { 1 };
    let Ok(mut part) =
        CommentFile::open_part(text, head.headers.clone(), head.delimiter, first_line)
    else {
        return Ok(PartRead::Unusable);
    };
    let next_cut = to.map(|to| usize::try_from(to.saturating_sub(base)).unwrap_or(usize::MAX));
    let mut rows = ShareRows::default();
    let mut walk = PartWalk::new(next_cut);
    // A later share first passes the creator it leaves to the share before.
    if !first_share {
        while !part.is_done() {
            let mut pass = |at: usize, handle: Option<&str>| walk.leading(at, handle);
            part.read_chunk_where(usize::MAX, &mut pass, &mut Vec::new(), &mut Vec::new());
        }
        part.resume();
    }
    let own_start = (
        part.chunks().offset(),
        part.rows_read(),
        part.chunks().line(),
    );
    // Progress counts this part's bytes, up to the next cut.
    let part_bytes = to.unwrap_or(file.size()).saturating_sub(base).max(1) as f64;
    while !walk.stopped && !part.is_done() {
        rows.read_chunk(&mut part, &mut |at, handle| walk.own(at, handle));
        let done = part.chunks().offset() as f64 / part_bytes;
        progress(READING_PART * done.min(1.0));
    }
    if walk.interleaved {
        return Ok(PartRead::Unusable);
    }
    let end_at = (
        part.chunks().offset(),
        part.rows_read(),
        part.chunks().line(),
    );
    // Short of the file's end, the part must end at a creator change, on a whole record.
    let ends_whole = walk.stopped && ends_before(&part, end_at.0);
    if !at_file_end && !ends_whole {
        return Ok(PartRead::NeedsMore);
    }
    let absolute = |offset: usize| base + offset as u64;
    Ok(PartRead::Done(
        Box::new(rows),
        PartEnds {
            first_record: absolute(walk.first_record.unwrap_or(own_start.0)),
            own_start: absolute(own_start.0),
            own_start_row: own_start.1,
            own_start_line: own_start.2,
            next_first_record: walk.next_first_record.map(absolute),
            end: absolute(end_at.0),
            end_row: end_at.1,
            end_line: end_at.2,
        },
    ))
}

/// Whether the record at `offset` of the part ends before the part's text does, so its
/// creator was read from the whole record (the bytes read may end inside it).
fn ends_before(part: &CommentFile, offset: usize) -> bool {
    let rest = part.chunks().text().as_bytes().get(offset..).unwrap_or(&[]);
    let mut reader = record_reader(rest, part.chunks().delimiter);
    let mut record = csv::ByteRecord::new();
    matches!(reader.read_byte_record(&mut record), Ok(true))
        && (reader.position().byte() as usize) < rest.len()
}

/// The first line start after the byte before the cut (`bytes[0]`) where the next records
/// have the header's width; the first line start when none of the first few has.
fn guess_first_record(bytes: &[u8], head: &Head) -> Option<usize> {
    let line_starts = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(at, _)| at + 1)
        .filter(|at| *at < bytes.len());
    let mut first = None;
    for start in line_starts.take(GUESSES) {
        first.get_or_insert(start);
        if has_header_width(bytes.get(start..).unwrap_or(&[]), head) {
            return Some(start);
        }
    }
    first
}

fn has_header_width(bytes: &[u8], head: &Head) -> bool {
    let mut reader = record_reader(bytes, head.delimiter);
    let mut record = csv::ByteRecord::new();
    let mut checked = 0;
    while checked < RECORDS_CHECKED {
        match reader.read_byte_record(&mut record) {
            Ok(true) if record.len() == head.headers.len() => checked += 1,
            Ok(true) if record.iter().all(|cell| cell.trim_ascii().is_empty()) => {}
            Ok(false) => return checked > 0,
            _ => return false,
        }
    }
    true
}

/// Which records of a part its share owns, decided record by record (offsets in the part).
struct PartWalk {
    /// Offset of the part's next cut.
    next_cut: Option<usize>,
    first_record: Option<usize>,
    next_first_record: Option<usize>,
    /// The creator of the first record, while passing it; then the creator of the record at
    /// the next cut, while reading on past the cut.
    run: Option<CreatorId>,
    /// The run being read is the one at the next cut: its end is the part's end.
    trailing: bool,
    stopped: bool,
    creators: CreatorIds,
    /// The previous own record's creator, and how often an own record's creator came back
    /// after another's.
    previous: Option<CreatorId>,
    returns: usize,
    /// Creators come back so often that the file interleaves them: the parts would not meet.
    interleaved: bool,
}

/// A creator's key as a number, or `NONE` for a record without a handle.
type CreatorId = u32;

/// Creator keys numbered in order of appearance; a handle spelled as the previous record's
/// costs no lookup (exports repeat a handle for many rows).
#[derive(Default)]
struct CreatorIds {
    ids: HashMap<String, CreatorId>,
    last: Option<(String, CreatorId)>,
}

impl CreatorIds {
    const NONE: CreatorId = CreatorId::MAX;

    /// The creator's id, and whether it is new.
    fn of(&mut self, handle: Option<&str>) -> (CreatorId, bool) {
        let Some(handle) = handle else {
            return (Self::NONE, false);
        };
        if let Some((spelling, id)) = &self.last {
            if spelling == handle {
                return (*id, false);
            }
        }
        let next = CreatorId::try_from(self.ids.len()).unwrap_or(Self::NONE - 1);
        let mut new = false;
        let id = *self.ids.entry(handle_key(handle)).or_insert_with(|| {
            new = true;
            next
        });
        self.last = Some((handle.to_string(), id));
        (id, new)
    }
}

/// Creators coming back after another's, in one part, that mark a file as interleaved.
const RETURNS_INTERLEAVED: usize = 16;

impl PartWalk {
    fn new(next_cut: Option<usize>) -> PartWalk {
        PartWalk {
            next_cut,
            first_record: None,
            next_first_record: None,
            run: None,
            trailing: false,
            stopped: false,
            creators: CreatorIds::default(),
            previous: None,
            returns: 0,
            interleaved: false,
        }
    }

    fn note_next_cut(&mut self, at: usize) -> bool {
        let reached = self.next_cut.is_some_and(|cut| at >= cut);
        if reached && self.next_first_record.is_none() {
            self.next_first_record = Some(at);
            return true;
        }
        false
    }

    /// Passing the first creator of a later share's part; stops at the first record of
    /// another creator, where the share's own records start.
    fn leading(&mut self, at: usize, handle: Option<&str>) -> Take {
        let (creator, _) = self.creators.of(handle);
        self.first_record.get_or_insert(at);
        let run = *self.run.get_or_insert(creator);
        if run != creator {
            self.run = None;
            if self.next_first_record.is_some() {
                // The first creator runs past the next cut: this share owns nothing.
                self.stopped = true;
            }
            return Take::Stop;
        }
        self.note_next_cut(at);
        Take::Skip
    }

    /// The share's own records; past the next cut, the creator of the record there.
    fn own(&mut self, at: usize, handle: Option<&str>) -> Take {
        if self.stopped {
            return Take::Stop;
        }
        let (creator, new) = self.creators.of(handle);
        // A record without a handle (a broken row) does not break a creator's run.
        let returned = self.previous.is_some_and(|previous| previous != creator) && !new;
        if returned && creator != CreatorIds::NONE {
            self.returns += 1;
            if self.returns >= RETURNS_INTERLEAVED {
                self.interleaved = true;
                self.stopped = true;
                return Take::Stop;
            }
        }
        if creator != CreatorIds::NONE {
            self.previous = Some(creator);
        }
        if self.note_next_cut(at) {
            self.trailing = true;
            self.run = Some(creator);
            return Take::Keep;
        }
        if self.trailing && self.run != Some(creator) {
            self.stopped = true;
            return Take::Stop;
        }
        Take::Keep
    }
}
