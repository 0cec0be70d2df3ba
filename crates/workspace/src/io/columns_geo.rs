//! Regional series of a geo test, read from a CSV in either layout:
//! - long: one row per region and date (`Region, Week, Orders`);
//! - wide: one row per date and one column per region (`Date, North, South, ...`).
//!
//! The file goes through the same reader as every import (encodings, delimiters, `1,234`,
//! `1.2k`, decimal commas) and every problem names the line, the column and the fix.

use std::collections::HashMap;

use chrono::NaiveDate;

use microplan_uplift::geo::panel::MAX_REGIONS;
use microplan_uplift::geo::GeoPoint;

use super::error::ImportError;
use super::headers::find_header;
use microplan_csv::date::{read_date, DateOrder, DateReading};
use microplan_csv::number::parse_number;

const REGION_HEADERS: [&str; 12] = [
    "region",
    "geo",
    "market",
    "state",
    "city",
    "area",
    "dma",
    "country",
    "territory",
    "zone",
    "province",
    "region name",
];
const DATE_HEADERS: [&str; 10] = [
    "date",
    "day",
    "week",
    "month",
    "period",
    "week start",
    "week of",
    "report date",
    "time",
    "year",
];
const METRIC_HEADERS: [&str; 12] = [
    "orders",
    "revenue",
    "sales",
    "conversions",
    "sign ups",
    "signups",
    "visits",
    "sessions",
    "value",
    "metric",
    "units",
    "purchases",
];

/// Which layout the file had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeoLayout {
    Long,
    Wide,
}

/// The points read from a regional series file, with what the import screen says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoSeriesImport {
    pub layout: GeoLayout,
    /// The metric column's header (long), or `value` (wide, where columns are regions).
    pub metric: String,
    pub points: Vec<GeoPoint>,
    pub regions: usize,
    pub dates: usize,
    /// Things decided while reading (empty cells left out, the date order chosen).
    pub notes: Vec<String>,
}

/// Reads a regional series (see the module documentation).
pub fn read_geo_series(bytes: &[u8]) -> Result<GeoSeriesImport, ImportError> {
    let table = microplan_csv::read::read_csv(bytes)?;
    let date_col = find_header(&table.headers, &DATE_HEADERS).ok_or_else(|| {
        ImportError::missing_column("the file needs a date column (Date, Day, Week or Month)")
    })?;
    let header = |i: usize| table.headers.get(i).cloned().unwrap_or_default();
    let cell = |row: &microplan_csv::read::RawRow, i: usize| {
        row.cells
            .get(i)
            .map(|c| c.trim().to_string())
            .unwrap_or_default()
    };
    let order = date_order(&table, date_col)?;
    let mut notes: Vec<String> = table.notes.clone();
    let mut points: Vec<GeoPoint> = Vec::new();
    let mut seen: HashMap<(String, NaiveDate), usize> = HashMap::new();
    let mut push = |region: String,
                    date: NaiveDate,
                    value: f64,
                    line: usize|
     -> Result<(), ImportError> {
        if let Some(first) = seen.insert((region.clone(), date), line) {
            return Err(ImportError::line(line, format!(
                "{region} on {date} appears twice (first on line {first}); keep one row per region and date"
            )));
        }
        points.push(GeoPoint {
            region,
            date,
            value,
        });
        Ok(())
    };
    let layout = match find_header(&table.headers, &REGION_HEADERS) {
        Some(region_col) => {
            let metric_col = find_header(&table.headers, &METRIC_HEADERS)
                .filter(|&c| c != region_col && c != date_col)
                .or_else(|| (0..table.headers.len()).find(|&c| c != region_col && c != date_col))
                .ok_or_else(|| ImportError::missing_column("the file needs a metric column (Orders, Revenue or Sales) beside the region and the date"))?;
            let metric = header(metric_col);
            for row in &table.rows {
                let region = cell(row, region_col);
                if region.is_empty() {
                    return Err(ImportError::cell(
                        row.line,
                        header(region_col),
                        "the region is empty; name the region of every row",
                    ));
                }
                let date = parse_date(&cell(row, date_col), order, row.line, &header(date_col))?;
                let text = cell(row, metric_col);
                if text.is_empty() {
                    return Err(ImportError::cell(
                        row.line,
                        metric.as_str(),
                        "the value is empty; write 0 for a date with none, or delete the row",
                    ));
                }
                let value = parse_number(&text, table.decimal_comma).map_err(|p| {
                    ImportError::cell(
                        row.line,
                        metric.as_str(),
                        format!("{}; {}", p.problem, p.fix),
                    )
                })?;
                push(region, date, value, row.line)?;
            }
            (GeoLayout::Long, metric)
        }
        None => {
            let region_cols: Vec<usize> = (0..table.headers.len())
                .filter(|&c| c != date_col)
                .collect();
            if region_cols.is_empty() {
                return Err(ImportError::missing_column("the file needs a region column (Region, Market or State) or one column per region beside the date"));
            }
            let mut empty = 0usize;
            for row in &table.rows {
                let date = parse_date(&cell(row, date_col), order, row.line, &header(date_col))?;
                for &c in &region_cols {
                    let text = cell(row, c);
                    if text.is_empty() {
                        empty += 1;
                        continue;
                    }
                    let value = parse_number(&text, table.decimal_comma).map_err(|p| {
                        ImportError::cell(row.line, header(c), format!("{}; {}", p.problem, p.fix))
                    })?;
                    push(header(c), date, value, row.line)?;
                }
            }
            if empty > 0 {
                notes.push(format!("{empty} empty cells were left out; a date missing in any region is left out of the analysis"));
            }
            (GeoLayout::Wide, "value".to_string())
        }
    };
    let mut regions: Vec<&str> = points.iter().map(|p| p.region.as_str()).collect();
    regions.sort_unstable();
    regions.dedup();
    let mut dates: Vec<NaiveDate> = points.iter().map(|p| p.date).collect();
    dates.sort_unstable();
    dates.dedup();
    if regions.len() < 2 {
        return Err(ImportError::file(
            "the file needs at least two regions: the treated ones and at least one held back",
        ));
    }
    if regions.len() > MAX_REGIONS {
        return Err(ImportError::file(format!("the file has {} regions; at most {MAX_REGIONS} can be analysed here (merge small regions)", regions.len())));
    }
    if let Some(DateOrder::MonthFirst) = order {
        notes.push("dates were read month-first (mm/dd/yyyy), as some of them can only be".into());
    }
    let (region_count, date_count) = (regions.len(), dates.len());
    Ok(GeoSeriesImport {
        layout: layout.0,
        metric: layout.1,
        points,
        regions: region_count,
        dates: date_count,
        notes,
    })
}

/// The day/month order of the date column: the one some cell proves, else none needed.
fn date_order(
    table: &microplan_csv::read::RawTable,
    date_col: usize,
) -> Result<Option<DateOrder>, ImportError> {
    let mut found: Option<DateOrder> = None;
    for row in &table.rows {
        let text = row.cells.get(date_col).map(|c| c.trim()).unwrap_or("");
        if let Ok(DateReading::Ordered(_, order)) = read_date(text) {
            match found {
                Some(earlier) if earlier != order => {
                    return Err(ImportError::line(
                        row.line,
                        "the dates mix day-first and month-first; write every date as 2026-04-03",
                    ))
                }
                _ => found = Some(order),
            }
        }
    }
    Ok(found)
}

fn parse_date(
    text: &str,
    order: Option<DateOrder>,
    line: usize,
    column: &str,
) -> Result<NaiveDate, ImportError> {
    if text.is_empty() {
        return Err(ImportError::cell(
            line,
            column,
            "the date is empty; write the date of every row, such as 2026-04-03",
        ));
    }
    // A bare year (yearly series) is read as 1 January.
    if text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()) {
        if let Some(date) = text
            .parse::<i32>()
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        {
            if microplan_model::limits::date_in_range(date) {
                return Ok(date);
            }
        }
    }
    match read_date(text) {
        Ok(DateReading::Clear(date) | DateReading::Ordered(date, _)) => Ok(date),
        Ok(reading @ DateReading::Ambiguous { .. }) => match order {
            Some(order) => Ok(reading.in_order(order)),
            None => Err(ImportError::cell(line, column, format!(
                "“{text}” could be day-first or month-first and no date in the file decides; write the dates as 2026-04-03"
            ))),
        },
        Err(p) => Err(ImportError::cell(line, column, format!("{}; {}", p.problem, p.fix))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_files_are_read_with_the_metric_named_by_its_header() {
        let csv = "Region,Week,Orders\nNorth,2026-03-02,120\nSouth,2026-03-02,\"1,040\"\nNorth,2026-03-09,131\nSouth,2026-03-09,98.5\n";
        let read = read_geo_series(csv.as_bytes()).unwrap();
        assert_eq!(
            (read.layout, read.metric.as_str(), read.regions, read.dates),
            (GeoLayout::Long, "Orders", 2, 2)
        );
        assert_eq!(read.points[1].value, 1040.0);
        assert_eq!(
            read.points[3],
            GeoPoint {
                region: "South".into(),
                date: NaiveDate::from_ymd_opt(2026, 3, 9).unwrap(),
                value: 98.5
            }
        );
    }

    #[test]
    fn wide_files_take_every_other_column_as_a_region() {
        let csv = "Date;Lyon;Nantes;Lille\n03/13/2026;10;12;\n03/14/2026;11;1,5k;9\n";
        let read = read_geo_series(csv.as_bytes()).unwrap();
        assert_eq!(
            (read.layout, read.regions, read.dates, read.points.len()),
            (GeoLayout::Wide, 3, 2, 5)
        );
        assert_eq!(read.points[3].value, 1500.0);
        assert!(
            read.notes.iter().any(|n| n.contains("1 empty cells")),
            "{:?}",
            read.notes
        );
        assert!(read.notes.iter().any(|n| n.contains("month-first")));
    }

    #[test]
    fn problems_name_the_line_the_column_and_the_fix() {
        let bad =
            read_geo_series(b"Region,Date,Orders\nNorth,2026-03-02,12\nSouth,2026-03-02,abc\n")
                .unwrap_err()
                .to_string();
        assert!(
            bad.starts_with("line 3, column “Orders”: `abc` is not a number"),
            "{bad}"
        );
        let empty = read_geo_series(b"Region,Date,Orders\nNorth,2026-03-02,\nSouth,2026-03-02,1\n")
            .unwrap_err()
            .to_string();
        assert!(
            empty.contains("line 2") && empty.contains("write 0"),
            "{empty}"
        );
        let twice =
            read_geo_series(b"Region,Date,Orders\nNorth,2026-03-02,1\nNorth,2026-03-02,2\n")
                .unwrap_err()
                .to_string();
        assert!(
            twice.contains("line 3") && twice.contains("first on line 2"),
            "{twice}"
        );
        let ambiguous = read_geo_series(b"Date,A,B\n03/04/2026,1,2\n")
            .unwrap_err()
            .to_string();
        assert!(
            ambiguous.contains("line 2") && ambiguous.contains("2026-04-03"),
            "{ambiguous}"
        );
        assert!(read_geo_series(b"Region,Orders\nNorth,1\n")
            .unwrap_err()
            .to_string()
            .contains("date column"));
        assert!(read_geo_series(b"Region,Date,Orders\nNorth,2026-03-02,1\n")
            .unwrap_err()
            .to_string()
            .contains("two regions"));
        let no_date = read_geo_series(b"Region,Date,Orders\nNorth,,1\nSouth,2026-03-02,1\n")
            .unwrap_err()
            .to_string();
        assert!(
            no_date.contains("line 2, column “Date”: the date is empty"),
            "{no_date}"
        );
        // Yearly series: a bare year is 1 January.
        let yearly =
            read_geo_series(b"Year,California,Utah\n1988,90.1,60\n1989,82.4,58\n").unwrap();
        assert_eq!(
            yearly.points[2].date,
            NaiveDate::from_ymd_opt(1989, 1, 1).unwrap()
        );
    }
}
