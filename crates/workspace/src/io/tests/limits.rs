//! Input limits through the whole reader: wide headers and endless lines are refused at
//! once with the limit named, and files just inside the limits still read.

use std::time::Instant;

use proptest::prelude::*;

use microplan_csv::decode::ReadError;
use microplan_csv::limits::MAX_COLUMNS;
use microplan_csv::read::{read_csv, CsvChunks};

fn header_of(columns: usize) -> String {
    (1..=columns)
        .map(|i| format!("c{i}"))
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn a_thousand_columns_read_and_one_more_is_refused() {
    let fits = format!(
        "{}\n{}\n",
        header_of(MAX_COLUMNS),
        vec!["1"; MAX_COLUMNS].join(",")
    );
    let table = read_csv(fits.as_bytes()).unwrap();
    assert_eq!((table.headers.len(), table.rows.len()), (1_000, 1));
    let wide = format!("{}\n{}\n", header_of(1_001), vec!["1"; 1_001].join(","));
    assert_eq!(
        read_csv(wide.as_bytes()).unwrap_err(),
        ReadError::TooManyColumns { columns: 1_001 }
    );
    // Trailing empty header cells (a spreadsheet's unused columns) do not count.
    let padded = format!("{}{}\n1\n", header_of(MAX_COLUMNS), ",".repeat(5_000));
    assert_eq!(read_csv(padded.as_bytes()).unwrap().headers.len(), 1_000);
}

#[test]
fn a_hundred_thousand_column_header_is_refused_quickly() {
    let row = vec!["12"; 100_000].join(",");
    let file = format!("{}\n{row}\n{row}\n", header_of(100_000));
    let started = Instant::now();
    let error = CsvChunks::open(file.as_bytes()).err();
    let elapsed = started.elapsed();
    assert_eq!(error, Some(ReadError::TooManyColumns { columns: 100_000 }));
    eprintln!("100,000-column header refused in {elapsed:?}");
    assert!(elapsed.as_secs() < 10, "{elapsed:?}");
}

#[test]
fn a_fifty_megabyte_line_is_refused_quickly_with_its_line_number() {
    let file = format!(
        "handle,followers\r\nanna,12\r\n{}\r\n",
        "x".repeat(50_000_000)
    );
    let started = Instant::now();
    let error = read_csv(file.as_bytes()).unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(
        error,
        ReadError::LineTooLong {
            line: 3,
            bytes: 50_000_000
        }
    );
    eprintln!("50 MB line refused in {elapsed:?}");
    assert!(elapsed.as_secs() < 10, "{elapsed:?}");
    assert!(
        error
            .to_string()
            .starts_with("Line 3 is 50,000,000 bytes long; the limit is 1 MB"),
        "{error}"
    );
}

#[test]
fn bomless_utf16_reads_as_a_table() {
    let text = "handle\tplatform\tfollowers\nanna\tinstagram\t1200\n";
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let table = read_csv(&bytes).unwrap();
    assert_eq!(table.encoding, "UTF-16 LE (no BOM)");
    assert_eq!(table.headers, ["handle", "platform", "followers"]);
    assert_eq!(table.rows[0].cells, ["anna", "instagram", "1200"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_header_is_refused_exactly_when_it_passes_the_column_limit(columns in 900usize..1_100) {
        let file = format!("{}\n{}\n", header_of(columns), vec!["1"; columns].join(","));
        let result = read_csv(file.as_bytes());
        if columns > MAX_COLUMNS {
            prop_assert_eq!(result.err(), Some(ReadError::TooManyColumns { columns }));
        } else {
            prop_assert_eq!(result.map(|t| t.headers.len()).ok(), Some(columns));
        }
    }

    #[test]
    fn printable_text_as_bomless_utf16_decodes_back(text in "[a-zA-Z0-9,;.@é ]{1,40}[a-z]", little_endian in any::<bool>()) {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|unit| if little_endian { unit.to_le_bytes() } else { unit.to_be_bytes() })
            .collect();
        let table = read_csv(&bytes);
        prop_assert!(table.is_ok(), "{:?}", table.err());
        let encoding = if little_endian { "UTF-16 LE (no BOM)" } else { "UTF-16 BE (no BOM)" };
        prop_assert_eq!(table.map(|t| t.encoding).ok(), Some(encoding));
    }
}
