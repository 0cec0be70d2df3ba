//! Bytes to text: UTF-8 (with or without BOM) and UTF-16 (LE or BE, with or without BOM),
//! with a message naming the actual problem for anything else.

use std::fmt;

use super::limits::{MAX_COLUMNS, MAX_LINE_BYTES};
use microplan_model::money::group_thousands;

/// Why a file could not be read as a table at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    /// A workbook or other zipped file rather than CSV; names the format.
    Spreadsheet(&'static str),
    /// A NUL byte at this byte offset of the file: binary data, not text.
    NulBytes {
        offset: usize,
    },
    /// Bytes that are not UTF-8, starting at this byte offset (on this 1-based line).
    InvalidUtf8 {
        offset: usize,
        line: usize,
        byte: u8,
    },
    NoHeader,
    /// The header has more named columns than [`MAX_COLUMNS`].
    TooManyColumns {
        columns: usize,
    },
    /// A line of the file is longer than [`MAX_LINE_BYTES`].
    LineTooLong {
        line: usize,
        bytes: usize,
    },
}

fn count(value: usize) -> String {
    group_thousands(u64::try_from(value).unwrap_or(u64::MAX))
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => write!(f, "The file is empty. Fix: choose a CSV file with a header row and at least one row of data."),
            ReadError::Spreadsheet(format) => write!(
                f,
                "The file is {format}, not CSV. Fix: open it in your spreadsheet and use File > Save As (or Download) > CSV UTF-8, then import that file."
            ),
            ReadError::NulBytes { offset } => write!(
                f,
                "NUL bytes at byte offset {}: this looks like a binary file, e.g. a spreadsheet .xlsx, not CSV text. Fix: open it in your spreadsheet and save it as CSV UTF-8, then import that file.",
                count(*offset)
            ),
            ReadError::InvalidUtf8 { offset, line, byte } => write!(
                f,
                "The file is not UTF-8 text: byte offset {} (line {line}) holds the byte 0x{byte:02X}, which UTF-8 does not allow there; the file was probably saved as Windows-1252 or Latin-1. Fix: re-save it as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8 (Comma delimited)), then import that file.",
                count(*offset)
            ),
            ReadError::NoHeader => write!(
                f,
                "The file has no header row. Fix: make the first line the column names, such as handle,platform,followers."
            ),
            ReadError::TooManyColumns { columns } => write!(
                f,
                "The header has {} columns; the limit is {}, more than any real export has. Fix: delete the columns you do not need (or export fewer), save the file and import it again.",
                count(*columns),
                count(MAX_COLUMNS)
            ),
            ReadError::LineTooLong { line, bytes } => write!(
                f,
                "Line {line} is {} bytes long; the limit is 1 MB ({} bytes) per line, longer than any real cell. The file is probably not a CSV table, or its line breaks were lost. Fix: check it in a text editor and save it as CSV with one row per line.",
                count(*bytes),
                count(MAX_LINE_BYTES)
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// Decoded text, the encoding's name for the UI, and notes on anything repaired.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub notes: Vec<String>,
}

fn spreadsheet_format(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("a zipped file such as an Excel workbook (.xlsx) or OpenDocument spreadsheet (.ods)")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("an old Excel workbook (.xls)")
    } else if bytes.starts_with(b"%PDF") {
        Some("a PDF document")
    } else {
        None
    }
}

/// Decodes UTF-16 by hand; lone surrogates become U+FFFD and are counted.
fn decode_utf16(bytes: &[u8], little_endian: bool) -> (String, usize) {
    let units = bytes.chunks_exact(2).map(|pair| match pair {
        [a, b] if little_endian => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let mut replaced = 0;
    let text = char::decode_utf16(units)
        .map(|unit| {
            unit.unwrap_or_else(|_| {
                replaced += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    (text, replaced)
}

/// UTF-16 without a BOM shows up as zero bytes in every other position: `Some(true)` for
/// little-endian (zeros at odd offsets), `Some(false)` for big-endian.
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = bytes.get(..bytes.len().min(4096))?;
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zero_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zero_at(0), zero_at(1));
    if odd * 10 >= pairs * 3 && even * 10 < pairs {
        Some(true)
    } else if even * 10 >= pairs * 3 && odd * 10 < pairs {
        Some(false)
    } else {
        None
    }
}

/// How decoded text maps back to file bytes, to name the offset of a NUL character.
#[derive(Clone, Copy)]
enum Layout {
    Utf8 { prefix: usize },
    Utf16 { prefix: usize },
}

fn utf16_text(rest: &[u8], little_endian: bool, notes: &mut Vec<String>) -> String {
    let (text, replaced) = decode_utf16(rest, little_endian);
    if replaced > 0 {
        notes.push(format!(
            "{} character(s) were damaged in the file and are shown as \u{FFFD}; check the rows that contain it.",
            count(replaced)
        ));
    }
    if rest.len() % 2 == 1 {
        notes.push("The file ends with half a character, which was dropped.".to_string());
    }
    text
}

/// Counts line breaks (`\n`, `\r\n` or a lone `\r`) in a byte range: every `\n`, plus every
/// `\r` not followed by `\n`. Readers call it on every record, so it looks at eight bytes
/// at a time.
pub(crate) fn count_line_breaks(bytes: &[u8]) -> usize {
    let (mut newlines, mut returns, mut crlf) = (0u32, 0u32, 0u32);
    // Whether the previous word ended in `\r` (a CRLF may straddle two words).
    let mut return_before = false;
    let mut words = bytes.chunks_exact(8);
    let mut count = |word: u64| {
        let (lf, cr) = (bytes_equal(word, b'\n'), bytes_equal(word, b'\r'));
        newlines = newlines.wrapping_add(marks(lf));
        returns = returns.wrapping_add(marks(cr));
        // Byte i is `\r` and byte i + 1 is `\n` (little-endian: i + 1 is the higher byte).
        crlf = crlf.wrapping_add(marks(cr & (lf >> 8)));
        crlf = crlf.wrapping_add(u32::from(return_before && lf & 0x80 != 0));
        return_before = cr >> 63 != 0;
    };
    for word in &mut words {
        count(load_word(word));
    }
    count(padded_word(words.remainder()));
    // Every CRLF pair holds one `\r`, so the difference never wraps.
    let breaks = newlines.wrapping_add(returns.saturating_sub(crlf));
    breaks as usize
}

/// How many bytes of a [`bytes_equal`] mask are marked: the marks moved to each byte's low
/// bit and summed into the top byte by one multiply (at most 8, so no byte overflows).
fn marks(mask: u64) -> u32 {
    ((mask >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as u32
}

/// Eight bytes as one little-endian word in a single load; a shorter slice is padded.
pub(crate) fn load_word(bytes: &[u8]) -> u64 {
    match <[u8; 8]>::try_from(bytes) {
        Ok(word) => u64::from_le_bytes(word),
        Err(_) => padded_word(bytes),
    }
}

/// Up to eight bytes as one little-endian word, padded with zero bytes (never a line break).
pub(crate) fn padded_word(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    for (slot, byte) in word.iter_mut().zip(bytes) {
        *slot = *byte;
    }
    u64::from_le_bytes(word)
}

/// The high bit of every byte of `word` that equals `byte`, others 0. Exact: no carry
/// crosses a byte (each sum is at most 0x7F + 0x7F).
pub(crate) fn bytes_equal(word: u64, byte: u8) -> u64 {
    const LOW_SEVEN: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let diff = word ^ (0x0101_0101_0101_0101 * u64::from(byte));
    !(((diff & LOW_SEVEN).wrapping_add(LOW_SEVEN)) | diff) & !LOW_SEVEN
}

fn invalid_utf8(bytes: &[u8], prefix: usize, error: std::str::Utf8Error) -> ReadError {
    let at = error.valid_up_to();
    let before = bytes.get(..at).unwrap_or(&[]);
    ReadError::InvalidUtf8 {
        offset: prefix.saturating_add(at),
        line: count_line_breaks(before).saturating_add(1),
        byte: bytes.get(at).copied().unwrap_or(0),
    }
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    if let Some(format) = spreadsheet_format(bytes) {
        return Err(ReadError::Spreadsheet(format));
    }
    let mut notes = Vec::new();
    let utf16_bom = match bytes.strip_prefix(&[0xFF, 0xFE]) {
        Some(rest) => Some((rest, true, "UTF-16 LE")),
        None => bytes
            .strip_prefix(&[0xFE, 0xFF])
            .map(|rest| (rest, false, "UTF-16 BE")),
    };
    if let Some((rest, little_endian, name)) = utf16_bom {
        let text = utf16_text(rest, little_endian, &mut notes);
        return checked(text, name, notes, Layout::Utf16 { prefix: 2 });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let text = std::str::from_utf8(rest).map_err(|error| invalid_utf8(rest, 3, error))?;
        return checked(
            text.to_string(),
            "UTF-8 with BOM",
            notes,
            Layout::Utf8 { prefix: 3 },
        );
    }
    // NUL bytes are valid UTF-8, so UTF-16 without a BOM must be recognised first.
    if let Some(first_nul) = bytes.iter().position(|b| *b == 0) {
        return match bomless_utf16(bytes) {
            Some(little_endian) => {
                let text = utf16_text(bytes, little_endian, &mut notes);
                let name = if little_endian {
                    "UTF-16 LE (no BOM)"
                } else {
                    "UTF-16 BE (no BOM)"
                };
                checked(text, name, notes, Layout::Utf16 { prefix: 0 })
            }
            None => Err(ReadError::NulBytes { offset: first_nul }),
        };
    }
    let text = std::str::from_utf8(bytes).map_err(|error| invalid_utf8(bytes, 0, error))?;
    checked(text.to_string(), "UTF-8", notes, Layout::Utf8 { prefix: 0 })
}

/// [`decode`] of a file the caller no longer needs: plain UTF-8 (the usual case) becomes the
/// text without a copy, which halves the memory a large import needs.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, ReadError> {
    let has_bom = [&[0xFF, 0xFE][..], &[0xFE, 0xFF], &[0xEF, 0xBB, 0xBF]]
        .iter()
        .any(|bom| bytes.starts_with(bom));
    let needs_checks = has_bom
        || bytes.contains(&0)
        || bytes.iter().all(|b| b.is_ascii_whitespace())
        || spreadsheet_format(&bytes).is_some();
    if needs_checks {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        // No NUL byte: the text needs only the checks after that search.
        Ok(text) => checked_without_nul(text, "UTF-8", Vec::new()),
        Err(error) => decode(error.as_bytes()),
    }
}

/// The checks every decoded text goes through.
fn checked(
    text: String,
    encoding: &'static str,
    notes: Vec<String>,
    layout: Layout,
) -> Result<Decoded, ReadError> {
    // A CSV never holds NUL characters; they mean a binary file.
    if let Some(at) = text.find('\0') {
        let before = text.get(..at).unwrap_or("");
        let offset = match layout {
            Layout::Utf8 { prefix } => prefix.saturating_add(at),
            Layout::Utf16 { prefix } => {
                prefix.saturating_add(before.encode_utf16().count().saturating_mul(2))
            }
        };
        return Err(ReadError::NulBytes { offset });
    }
    checked_without_nul(text, encoding, notes)
}

/// [`checked`] of a text known to hold no NUL character.
fn checked_without_nul(
    text: String,
    encoding: &'static str,
    notes: Vec<String>,
) -> Result<Decoded, ReadError> {
    let text = text
        .strip_prefix('\u{FEFF}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(Decoded {
        text,
        encoding,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
        let mut bytes = match (bom, little_endian) {
            (false, _) => vec![],
            (true, true) => vec![0xFF, 0xFE],
            (true, false) => vec![0xFE, 0xFF],
        };
        for unit in text.encode_utf16() {
            bytes.extend(if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    }

    #[test]
    fn reads_each_encoding() {
        let plain = decode("a,b\n1,2".as_bytes()).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), ("a,b\n1,2", "UTF-8"));
        let bom = decode("\u{FEFF}a;é".as_bytes()).unwrap();
        assert_eq!((bom.text.as_str(), bom.encoding), ("a;é", "UTF-8 with BOM"));
        let le = decode(&utf16("a\tb\n😀", true, true)).unwrap();
        assert_eq!((le.text.as_str(), le.encoding), ("a\tb\n😀", "UTF-16 LE"));
        let be = decode(&utf16("a\tb", false, true)).unwrap();
        assert_eq!((be.text.as_str(), be.encoding), ("a\tb", "UTF-16 BE"));
    }

    #[test]
    fn utf16_without_a_bom_is_recognised_by_its_zero_bytes() {
        let text = "handle\tfollowers\nanna\t1200\nbjörn\t15\n";
        for (little_endian, name) in [(true, "UTF-16 LE (no BOM)"), (false, "UTF-16 BE (no BOM)")] {
            let bytes = utf16(text, little_endian, false);
            let decoded = decode(&bytes).unwrap();
            assert_eq!((decoded.text.as_str(), decoded.encoding), (text, name));
            let owned = decode_owned(bytes).unwrap();
            assert_eq!((owned.text.as_str(), owned.encoding), (text, name));
        }
    }

    #[test]
    fn lone_surrogates_are_replaced_and_reported() {
        let mut bytes = utf16("a,b\n", true, true);
        bytes.extend([0x00, 0xD8, b'x', 0x00]);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "a,b\n\u{FFFD}x");
        assert_eq!(decoded.notes.len(), 1);
    }

    #[test]
    fn nul_bytes_name_their_offset_and_a_binary_file() {
        // "a" at 0, NUL at 1: too few zeros to be UTF-16.
        let error = decode(b"a\0b,c,d,e,f,g,h,i").unwrap_err();
        assert_eq!(error, ReadError::NulBytes { offset: 1 });
        assert!(error.to_string().starts_with("NUL bytes at byte offset 1: this looks like a binary file, e.g. a spreadsheet .xlsx"), "{error}");
        let mut far = vec![b'x'; 1500];
        far.push(0);
        assert_eq!(
            decode_owned(far).unwrap_err().to_string().get(..33),
            Some("NUL bytes at byte offset 1,500: t")
        );
        // After a UTF-8 BOM the offset counts the BOM's 3 bytes.
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\0").unwrap_err(),
            ReadError::NulBytes { offset: 5 }
        );
        // In UTF-16 with a BOM: BOM 2 bytes, "ab" 4 bytes, then the NUL unit.
        assert_eq!(
            decode(&utf16("ab\0c", true, true)).unwrap_err(),
            ReadError::NulBytes { offset: 6 }
        );
    }

    #[test]
    fn invalid_utf8_names_offset_line_and_byte() {
        let error = decode(b"name\ncaf\xe9").unwrap_err();
        assert_eq!(
            error,
            ReadError::InvalidUtf8 {
                offset: 8,
                line: 2,
                byte: 0xE9
            }
        );
        let message = error.to_string();
        assert!(
            message.starts_with(
                "The file is not UTF-8 text: byte offset 8 (line 2) holds the byte 0xE9"
            ),
            "{message}"
        );
        assert!(message.contains("re-save it as CSV UTF-8"), "{message}");
        assert_eq!(
            decode_owned(b"\xEF\xBB\xBFa\xff".to_vec()).unwrap_err(),
            ReadError::InvalidUtf8 {
                offset: 4,
                line: 1,
                byte: 0xFF
            }
        );
    }

    #[test]
    fn line_breaks_count_lf_crlf_and_lone_cr_once_each() {
        assert_eq!(count_line_breaks(b""), 0);
        assert_eq!(count_line_breaks(b"a\nb\r\nc\rd"), 3);
        assert_eq!(count_line_breaks(b"\r\n\r\n"), 2);
        assert_eq!(count_line_breaks(b"\r\r\n\n\r"), 4);
        // A range ending in `\r` counts it: the caller never splits a CRLF.
        assert_eq!(count_line_breaks(b"x\r"), 1);
        // CRLF across the eight-byte words, and every mix against a byte-by-byte count.
        assert_eq!(count_line_breaks(b"1234567\r\n890\r"), 2);
        let sample = b"a\r\nbc\rd\n\n\r\r\n\xe9xyz\r\n12345678\r\r\n\n";
        for from in 0..sample.len() {
            for to in from..=sample.len() {
                let part = &sample[from..to];
                let slow = part
                    .iter()
                    .enumerate()
                    .filter(|(i, b)| {
                        **b == b'\n' || (**b == b'\r' && part.get(i + 1) != Some(&b'\n'))
                    })
                    .count();
                assert_eq!(count_line_breaks(part), slow, "{part:?}");
            }
        }
    }

    #[test]
    fn rejects_empty_and_spreadsheet_files_with_a_fix() {
        assert_eq!(decode(b"").err(), Some(ReadError::Empty));
        assert_eq!(decode(b" \r\n").err(), Some(ReadError::Empty));
        assert!(matches!(
            decode(b"PK\x03\x04rest"),
            Err(ReadError::Spreadsheet(_))
        ));
    }
}
