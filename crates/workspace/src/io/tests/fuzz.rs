//! Random input never panics: arbitrary bytes, delimiter-and-quote soup, and tables built
//! from real header names and awkward cell values, through every step of the pipeline.

use proptest::prelude::*;

use crate::io::apply::{apply_import, apply_preview, ImportMode};
use crate::io::export::{export_csv, table_cells};
use crate::io::mapping::{
    is_raw_comments_file, propose_mapping, propose_mapping_for_table, unmapped_headers,
};
use crate::io::platforms::propose_platform;
use crate::io::table::TableKind;
use crate::io::validate::{ImportOptions, Validation};
use crate::Workspace;
use microplan_csv::read::read_csv;

/// Runs everything after reading; any panic fails the property.
fn run_pipeline(bytes: &[u8]) {
    let Ok(table) = read_csv(bytes) else { return };
    let _ = is_raw_comments_file(&table.headers);
    for kind in TableKind::ALL {
        let mut filled = table.clone();
        let mut proposed = propose_mapping_for_table(kind, &filled);
        propose_platform(kind, &mut filled, &mut proposed);
        let _ = unmapped_headers(&filled.headers, &proposed);
        for mapping in [
            propose_mapping(kind, &table.headers),
            propose_mapping_for_table(kind, &table),
        ] {
            for currency in ["", "USD", "€"] {
                let options = ImportOptions {
                    default_currency: currency.into(),
                };
                let mut validation = Validation::new(
                    kind,
                    &table.headers,
                    &mapping,
                    table.decimal_comma,
                    &options,
                );
                for chunk in table.rows.chunks(3) {
                    validation.push_rows(chunk);
                }
                let preview = validation.finish();
                let _ = preview.preview_cells(5);
                let _ = preview.errors.iter().map(ToString::to_string).count();
                let mut workspace = Workspace::empty("Fuzz");
                apply_import(&mut workspace, preview.valid.clone(), ImportMode::Merge);
                apply_preview(&mut workspace, preview, ImportMode::Merge);
                let _ = export_csv(kind, &workspace);
                let _ = table_cells(kind, &workspace, 1..usize::MAX);
            }
        }
    }
}

const CELLS: &[&str] = &[
    "",
    "-",
    "n/a",
    "NA",
    "—",
    "0",
    "1,234",
    "1.234",
    "1 234",
    "12,5",
    "1.234,56",
    "1.2k",
    "1,2k",
    "1.2kk",
    "3.4M",
    "2B",
    "-5",
    "5%",
    "150%",
    "0.05",
    "1e400",
    "€1,200.50",
    "1.200,50 €",
    "$",
    "US$ 5",
    "EUR",
    "xx",
    "2026-03-01",
    "01/03/2026",
    "13/01/2026",
    "01/13/2026",
    "31/02/2026",
    "Mar 1, 2026",
    "46082",
    "yes",
    "no",
    "x",
    "✓",
    "maybe",
    "@",
    "@nora",
    "'=1+1",
    "=cmd",
    "active",
    "signed",
    "a;b|c",
    "\"q\"\"uote\"",
    "\"multi\nline\"",
    "(5)",
    "٣",
    "18446744073709551616",
    "4294967296",
    "1e3",
    "T",
    "00000",
    "sep=;",
];

const HEADERS: &[&str] = &[
    "handle",
    "Username",
    "@handle",
    "platform",
    "Follower Count",
    "followers",
    "Niche",
    "fee",
    "Rate",
    "currency",
    "date",
    "Publish time",
    "Date",
    "likes",
    "comments",
    "views",
    "Plays",
    "post_id",
    "Post ID",
    "total",
    "generic_share",
    "emoji_share",
    "specific_share",
    "duplicate_share",
    "distinct_commenters",
    "creator_replies",
    "max_thread_depth",
    "name",
    "campaign",
    "deliverable",
    "revenue",
    "cost",
    "cost_currency",
    "test",
    "arm",
    "is_control",
    "units",
    "conversions",
    "status",
    "country",
    "account_created",
    "sponsored",
    "disclosure",
    "",
];

fn structured_csv() -> impl Strategy<Value = String> {
    let delimiter = prop::sample::select(vec![",", ";", "\t", "|"]);
    let headers = prop::collection::vec(prop::sample::select(HEADERS.to_vec()), 1..12);
    let rows = prop::collection::vec(
        prop::collection::vec(prop::sample::select(CELLS.to_vec()), 0..14),
        0..12,
    );
    let newline = prop::sample::select(vec!["\n", "\r\n", "\r"]);
    (delimiter, headers, rows, newline, any::<bool>()).prop_map(
        |(delimiter, headers, rows, newline, sep_line)| {
            let mut csv = if sep_line {
                format!("sep={delimiter}{newline}")
            } else {
                String::new()
            };
            csv.push_str(&headers.join(delimiter));
            for row in rows {
                csv.push_str(newline);
                csv.push_str(&row.join(delimiter));
            }
            csv
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        run_pipeline(&bytes);
    }

    #[test]
    fn utf16_looking_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..400), big_endian in any::<bool>()) {
        let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        bytes.extend(body);
        run_pipeline(&bytes);
    }

    #[test]
    fn delimiter_and_quote_soup_never_panics(text in "[a-z0-9,;\t|\"'\\n\\r =@%€$.,kKmM/:\u{FEFF}-]{0,300}") {
        run_pipeline(text.as_bytes());
    }

    #[test]
    fn realistic_tables_with_awkward_cells_never_panic(csv in structured_csv()) {
        run_pipeline(csv.as_bytes());
    }
}
