//! Dates in stored workspaces as ISO 8601 text (`2026-03-01`), read by a small parser of our
//! own: chrono's general parser would otherwise be the only reason its format machinery is
//! in the bundle.

use chrono::NaiveDate;
use serde::de::Error;
use serde::{Deserialize, Deserializer, Serializer};

/// `2026-03-01`, also with a sign for years beyond 9999 (`+12026-03-01`), as chrono writes
/// them.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (1, text.get(1..)?),
        Some(b'-') => (-1, text.get(1..)?),
        _ => (1, text),
    };
    let mut parts = rest.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next().filter(|m| m.len() == 2)?.parse().ok()?;
    let day: u32 = parts.next().filter(|d| d.len() == 2)?.parse().ok()?;
    NaiveDate::from_ymd_opt(sign * year, month, day)
}

fn read<'de, D: Deserializer<'de>>(text: &str) -> Result<NaiveDate, D::Error> {
    parse_iso_date(text)
        .ok_or_else(|| D::Error::custom(format!("`{text}` is not a date such as 2026-03-01")))
}

/// `#[serde(with = "iso_date")]` for `NaiveDate` fields.
pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(deserializer)?;
    read::<D>(&text)
}

/// `#[serde(with = "iso_date::optional")]` for `Option<NaiveDate>` fields.
pub mod optional {
    use super::*;

    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.collect_str(date),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            Some(text) => read::<D>(&text).map(Some),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_chrono_writes() {
        for (y, m, d) in [
            (2026, 3, 1),
            (1, 1, 1),
            (9999, 12, 31),
            (12026, 2, 28),
            (-44, 3, 15),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("valid test date");
            assert_eq!(parse_iso_date(&date.to_string()), Some(date), "{date}");
        }
    }

    #[test]
    fn refuses_what_is_not_an_iso_date() {
        for text in [
            "",
            "2026",
            "2026-3-01",
            "2026-02-30",
            "01/03/2026",
            "+",
            "-",
            "2026-03-01x",
            "x-01-01",
        ] {
            assert_eq!(parse_iso_date(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_safe(text in ".{0,24}") {
            let _ = parse_iso_date(&text);
        }
    }
}
