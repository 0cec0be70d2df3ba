//! Hand-checked values for every number form the import accepts or refuses.

use microplan_csv::money::parse_money;
use microplan_csv::number::{decimal_evidence, parse_count, parse_fraction, parse_number};

const POINT: bool = false;
const COMMA: bool = true;

#[test]
fn counts_with_separators_and_abbreviations() {
    let cases: [(&str, bool, u64); 20] = [
        ("0", POINT, 0),
        (" 42 ", POINT, 42),
        ("1,234", POINT, 1234),
        ("1 234", POINT, 1234),
        ("1\u{a0}234", COMMA, 1234),
        ("1'234", POINT, 1234),
        ("1,234,567", POINT, 1_234_567),
        ("1.234", COMMA, 1234),
        ("1.234.567", COMMA, 1_234_567),
        ("1.2k", POINT, 1200),
        ("1,2k", COMMA, 1200),
        ("1.2K", COMMA, 1200),
        ("12.3k", POINT, 12_300),
        ("1.25k", POINT, 1250),
        ("1.2345k", POINT, 1235),
        ("3.4M", POINT, 3_400_000),
        ("2B", POINT, 2_000_000_000),
        ("1.5bn", POINT, 1_500_000_000),
        ("1000000000000", POINT, 1_000_000_000_000),
        ("1e3", POINT, 1000),
    ];
    for (text, decimal_comma, expected) in cases {
        assert_eq!(
            parse_count(text, decimal_comma),
            Ok(expected),
            "{text:?} decimal_comma={decimal_comma}"
        );
    }
}

#[test]
fn counts_refuse_with_a_concrete_fix() {
    let kk = parse_count("1.2kk", POINT).unwrap_err();
    assert_eq!(kk.problem, "`1.2kk` is not a number");
    assert_eq!(kk.fix, "write a whole number such as 1200 or 1.2k");
    let letters = parse_count("lots", POINT).unwrap_err();
    assert_eq!(letters.problem, "`lots` is not a number");
    let negative = parse_count("-5", POINT).unwrap_err();
    assert!(negative.problem.contains("negative"), "{negative:?}");
    let fractional = parse_count("12.5", POINT).unwrap_err();
    assert_eq!(fractional.problem, "`12.5` is not a whole number");
    assert_eq!(fractional.fix, "write a whole number such as 13");
    // A European thousands separator read in a decimal-comma file.
    let european = parse_count("1,234", COMMA).unwrap_err();
    assert!(
        european.fix.starts_with("did you mean 1234?"),
        "{european:?}"
    );
    let wrong_convention = parse_count("12,5", POINT).unwrap_err();
    assert_eq!(wrong_convention.problem, "`12,5` is not a whole number");
    assert!(
        wrong_convention.fix == "write a whole number such as 13",
        "{wrong_convention:?}"
    );
    assert!(parse_count("99999999999999999999", POINT)
        .unwrap_err()
        .problem
        .contains("too large"));
    assert!(parse_count("1.2.3", POINT).is_err());
    // A leading zero group is no thousands separator.
    assert_eq!(
        parse_count("0,100", POINT).unwrap_err().problem,
        "`0,100` is not a whole number"
    );
    assert_eq!(
        parse_number("0,034", POINT).unwrap_err().fix,
        "did you mean 0.034? (this file is read with `.` as the decimal separator)"
    );
    assert!(parse_count("", POINT).is_err());
    assert!(parse_count("k", POINT).is_err());
}

#[test]
fn numbers_keep_sign_and_decimals() {
    let cases: [(&str, bool, f64); 8] = [
        ("-12.5", POINT, -12.5),
        ("+3", POINT, 3.0),
        ("(5)", POINT, -5.0),
        ("1,234.56", POINT, 1234.56),
        ("1.234,56", COMMA, 1234.56),
        ("0,034", COMMA, 0.034),
        ("1.5e-3", POINT, 0.0015),
        ("2.5k", POINT, 2500.0),
    ];
    for (text, decimal_comma, expected) in cases {
        assert_eq!(parse_number(text, decimal_comma), Ok(expected), "{text:?}");
    }
    assert!(parse_number("NaN", POINT).is_err());
    assert!(parse_number("inf", POINT).is_err());
    assert!(parse_number("1e999", POINT).is_err());
}

#[test]
fn fractions_from_percentages_and_plain_rates() {
    let cases: [(&str, bool, f64); 9] = [
        ("5%", POINT, 0.05),
        ("5 %", POINT, 0.05),
        ("0.05", POINT, 0.05),
        ("12.5%", POINT, 0.125),
        ("3,4%", COMMA, 0.034),
        ("0,034", COMMA, 0.034),
        ("100%", POINT, 1.0),
        ("1", POINT, 1.0),
        ("0", POINT, 0.0),
    ];
    for (text, decimal_comma, expected) in cases {
        assert_eq!(
            parse_fraction(text, decimal_comma),
            Ok(expected),
            "{text:?}"
        );
    }
    let bare = parse_fraction("5", POINT).unwrap_err();
    assert_eq!(bare.problem, "`5` is more than 100%");
    assert_eq!(
        bare.fix,
        "did you mean 5%? Rates are fractions: write 5% or 0.05"
    );
    assert!(parse_fraction("150%", POINT)
        .unwrap_err()
        .problem
        .contains("more than 100%"));
    assert!(parse_fraction("-1%", POINT)
        .unwrap_err()
        .problem
        .contains("negative"));
    assert!(parse_fraction("5k%", POINT).is_err());
    assert!(parse_fraction("high", POINT).is_err());
}

#[test]
fn money_with_symbols_and_codes() {
    let cases: [(&str, bool, f64, Option<&str>); 10] = [
        ("€1,200.50", POINT, 1200.5, Some("EUR")),
        ("$99", POINT, 99.0, Some("USD")),
        ("£5", POINT, 5.0, Some("GBP")),
        ("1.200,50 €", COMMA, 1200.5, Some("EUR")),
        ("EUR 1200", POINT, 1200.0, Some("EUR")),
        ("250 usd", POINT, 250.0, Some("USD")),
        ("US$ 1.2k", POINT, 1200.0, Some("USD")),
        ("-€5", POINT, -5.0, Some("EUR")),
        ("1200", POINT, 1200.0, None),
        ("0.1", POINT, 0.1, None),
    ];
    for (text, decimal_comma, amount, currency) in cases {
        let cell = parse_money(text, decimal_comma).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        assert_eq!(
            (cell.amount, cell.currency.as_deref()),
            (amount, currency),
            "{text:?}"
        );
    }
    assert!(parse_money("€", POINT).is_err());
    assert!(parse_money("free", POINT).is_err());
}

#[test]
fn decimal_evidence_votes_only_when_unambiguous() {
    let cases: [(&str, Option<bool>); 12] = [
        ("12,5", Some(true)),
        ("1.234,56", Some(true)),
        ("0,034", Some(true)),
        ("€12,50", Some(true)),
        ("1.234.567", Some(true)),
        ("12.5", Some(false)),
        ("1,234.56", Some(false)),
        ("0.034", Some(false)),
        ("1,234", None),
        ("2026", None),
        ("01.03.2026", None),
        ("trail running", None),
    ];
    for (cell, expected) in cases {
        assert_eq!(decimal_evidence(cell), expected, "{cell:?}");
    }
}

#[test]
fn counts_and_amounts_beyond_any_real_value_are_cell_problems() {
    let too_many = parse_count("1000000000001", POINT).expect_err("refused");
    assert_eq!(
        too_many.problem,
        "`1000000000001` is larger than any real count"
    );
    assert_eq!(
        too_many.fix,
        "check the value; counts up to 1,000,000,000,000 are supported"
    );
    assert!(parse_count("18446744073709551615", POINT).is_err());
    assert_eq!(parse_number("-1000000000000", POINT), Ok(-1e12));
    let too_much = parse_number("2e12", POINT).expect_err("refused");
    assert_eq!(too_much.problem, "`2e12` is larger than any real amount");
}
