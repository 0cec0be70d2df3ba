//! Bytes to text: UTF-8 (with or without BOM) and UTF-16 (LE or BE), with a plain message
//! for anything else.

use std::fmt;

/// Why a file could not be read as a table at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    /// A workbook or other zipped file rather than CSV; names the format.
    Spreadsheet(&'static str),
    NotText,
    NoHeader,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => write!(f, "The file is empty. Fix: choose a CSV file with a header row and at least one row of data."),
            ReadError::Spreadsheet(format) => write!(
                f,
                "The file is {format}, not CSV. Fix: open it in your spreadsheet and use File > Save As (or Download) > CSV UTF-8, then import that file."
            ),
            ReadError::NotText => write!(
                f,
                "The file is not UTF-8 or UTF-16 text; re-save it as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8 (Comma delimited)), then import that file."
            ),
            ReadError::NoHeader => write!(
                f,
                "The file has no header row. Fix: make the first line the column names, such as handle,platform,followers."
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// Decoded text, the encoding's name for the UI, and notes on anything repaired.
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

/// UTF-16 without a BOM shows up as zero bytes in every other position.
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

pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    if let Some(format) = spreadsheet_format(bytes) {
        return Err(ReadError::Spreadsheet(format));
    }
    let mut notes = Vec::new();
    let utf16 = match bytes.strip_prefix(&[0xFF, 0xFE]) {
        Some(rest) => Some((rest, true, "UTF-16 LE")),
        None => bytes
            .strip_prefix(&[0xFE, 0xFF])
            .map(|rest| (rest, false, "UTF-16 BE")),
    };
    let (text, encoding) = if let Some((rest, little_endian, name)) = utf16 {
        let (text, replaced) = decode_utf16(rest, little_endian);
        if replaced > 0 {
            notes.push(format!(
                "{replaced} character(s) were damaged in the file and are shown as \u{FFFD}; check the rows that contain it."
            ));
        }
        if rest.len() % 2 == 1 {
            notes.push("The file ends with half a character, which was dropped.".to_string());
        }
        (text, name)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (
            std::str::from_utf8(rest)
                .map_err(|_| ReadError::NotText)?
                .to_string(),
            "UTF-8 with BOM",
        )
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_string(), "UTF-8")
    } else if let Some(little_endian) = bomless_utf16(bytes) {
        let (text, _) = decode_utf16(bytes, little_endian);
        (
            text,
            if little_endian {
                "UTF-16 LE (no BOM)"
            } else {
                "UTF-16 BE (no BOM)"
            },
        )
    } else {
        return Err(ReadError::NotText);
    };
    checked(text, encoding, notes)
}

/// [`decode`] of a file the caller no longer needs: plain UTF-8 (the usual case) becomes the
/// text without a copy, which halves the memory a large import needs.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, ReadError> {
    let has_bom = [&[0xFF, 0xFE][..], &[0xFE, 0xFF], &[0xEF, 0xBB, 0xBF]]
        .iter()
        .any(|bom| bytes.starts_with(bom));
    if has_bom || bytes.iter().all(|b| b.is_ascii_whitespace()) || spreadsheet_format(&bytes).is_some() {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => checked(text, "UTF-8", Vec::new()),
        Err(error) => decode(error.as_bytes()),
    }
}

/// The checks every decoded text goes through.
fn checked(text: String, encoding: &'static str, notes: Vec<String>) -> Result<Decoded, ReadError> {
    // A CSV never holds NUL characters; they mean a binary file or a wrong guess above.
    if text.contains('\0') {
        return Err(ReadError::NotText);
    }
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

    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        let mut bytes = if little_endian {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
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
        let le = decode(&utf16("a\tb\n😀", true)).unwrap();
        assert_eq!((le.text.as_str(), le.encoding), ("a\tb\n😀", "UTF-16 LE"));
        let be = decode(&utf16("a\tb", false)).unwrap();
        assert_eq!((be.text.as_str(), be.encoding), ("a\tb", "UTF-16 BE"));
    }

    #[test]
    fn lone_surrogates_are_replaced_and_reported() {
        let mut bytes = utf16("a,b\n", true);
        bytes.extend([0x00, 0xD8, b'x', 0x00]);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "a,b\n\u{FFFD}x");
        assert_eq!(decoded.notes.len(), 1);
    }

    #[test]
    fn rejects_junk_with_a_fix() {
        assert_eq!(decode(b"").err(), Some(ReadError::Empty));
        assert_eq!(decode(b" \r\n").err(), Some(ReadError::Empty));
        let latin1 = decode(b"name\ncaf\xe9").err().unwrap();
        assert!(
            latin1.to_string().contains("re-save it as CSV UTF-8"),
            "{latin1}"
        );
        assert!(matches!(
            decode(b"PK\x03\x04rest"),
            Err(ReadError::Spreadsheet(_))
        ));
        assert_eq!(decode(b"a\0b,c").err(), Some(ReadError::NotText));
    }
}
