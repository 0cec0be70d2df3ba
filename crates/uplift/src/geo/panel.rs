//! Lines regional series up by date: one value per region and date, on the dates every
//! region reports (rows repeating a region and date are added together).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;

use super::GeoPoint;
use microplan_stats::{StatsError, StatsResult};

/// Regions beyond this many would make the placebo fits too slow for a page.
pub const MAX_REGIONS: usize = 500;

/// Values by region (outer, in the order asked) and date (inner, ascending).
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub regions: Vec<String>,
    pub dates: Vec<NaiveDate>,
    pub values: Vec<Vec<f64>>,
    /// Dates some region reports but another does not; left out of the analysis.
    pub dropped_dates: usize,
}

/// The panel of `regions` from `points`, on the dates every one of them has.
pub fn build_panel(points: &[GeoPoint], regions: &[String]) -> StatsResult<Panel> {
    if regions.len() > MAX_REGIONS {
        return Err(StatsError::TooLarge {
            what: format!(
                "a test with {} regions (at most {MAX_REGIONS})",
                regions.len()
            ),
        });
    }
    let position: HashMap<&str, usize> = regions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.as_str(), i))
        .collect();
    let mut by_region: Vec<BTreeMap<NaiveDate, f64>> = vec![BTreeMap::new(); regions.len()];
    for point in points {
        let Some(series) = position
            .get(point.region.as_str())
            .and_then(|&i| by_region.get_mut(i))
        else {
            continue;
        };
        if !point.value.is_finite() {
            return Err(StatsError::NotFinite {
                what: format!("the value of {} on {}", point.region, point.date),
            });
        }
        *series.entry(point.date).or_insert(0.0) += point.value;
    }
    if let Some((i, _)) = by_region.iter().enumerate().find(|(_, s)| s.is_empty()) {
        let name = regions.get(i).cloned().unwrap_or_default();
        return Err(StatsError::Empty {
            what: format!("the region “{name}”"),
        });
    }
    let all_dates: BTreeSet<NaiveDate> = by_region.iter().flat_map(|s| s.keys().copied()).collect();
    let dates: Vec<NaiveDate> = all_dates
        .iter()
        .copied()
        .filter(|d| by_region.iter().all(|s| s.contains_key(d)))
        .collect();
    let values = by_region
        .iter()
        .map(|s| {
            dates
                .iter()
                .map(|d| s.get(d).copied().unwrap_or(0.0))
                .collect()
        })
        .collect();
    Ok(Panel {
        regions: regions.to_vec(),
        dropped_dates: all_dates.len().saturating_sub(dates.len()),
        dates,
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(region: &str, day: u32, value: f64) -> GeoPoint {
        GeoPoint {
            region: region.into(),
            date: NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
            value,
        }
    }

    #[test]
    fn dates_missing_in_one_region_are_dropped_and_repeats_added() {
        let points = vec![
            point("North", 1, 5.0),
            point("North", 2, 6.0),
            point("North", 2, 1.0),
            point("South", 2, 3.0),
            point("South", 3, 4.0),
            point("North", 3, 2.0),
        ];
        let panel = build_panel(&points, &["North".into(), "South".into()]).unwrap();
        assert_eq!(panel.dates.len(), 2);
        assert_eq!(panel.values, vec![vec![7.0, 2.0], vec![3.0, 4.0]]);
        assert_eq!(panel.dropped_dates, 1);
        assert!(matches!(
            build_panel(&points, &["West".into()]),
            Err(StatsError::Empty { .. })
        ));
        let bad = vec![point("North", 1, f64::NAN)];
        assert!(matches!(
            build_panel(&bad, &["North".into()]),
            Err(StatsError::NotFinite { .. })
        ));
    }
}
