//! The arithmetic of the charts in `charts`: the drawing area, value ranges widened to round
//! ticks, axis labels, the SVG paths of lines and bands, and where the bars go. It uses no
//! browser API, so it compiles natively and its numbers are tested there.

/// How axis values are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AxisFormat {
    #[default]
    Number,
    Integer,
    /// Values are fractions (0.25 is shown as 25%).
    Percent,
    /// Values are days since 1970-01-01.
    Date,
}

pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 260.0;
pub const LEFT: f64 = 64.0;
pub const RIGHT: f64 = 16.0;
pub const TOP: f64 = 14.0;
pub const BOTTOM: f64 = 42.0;

/// Maps a data range onto a pixel range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub low: f64,
    pub high: f64,
    pub from: f64,
    pub to: f64,
}

impl Scale {
    pub fn at(self, value: f64) -> f64 {
        let span = self.high - self.low;
        let t = if span > 0.0 {
            (value - self.low) / span
        } else {
            0.5
        };
        self.from + t * (self.to - self.from)
    }
}

/// The smallest and largest finite value, or `None` when there is none.
pub fn extent(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .filter(|v| v.is_finite())
        .fold(None, |range, v| match range {
            None => Some((v, v)),
            Some((low, high)) => Some((low.min(v), high.max(v))),
        })
}

/// A round tick step (1, 2 or 5 times a power of ten) giving about `count` ticks.
pub fn nice_step(span: f64, count: f64) -> f64 {
    let raw = (span / count).max(f64::MIN_POSITIVE);
    let magnitude = 10f64.powf(raw.log10().floor());
    let scaled = raw / magnitude;
    let nice = if scaled <= 1.0 {
        1.0
    } else if scaled <= 2.0 {
        2.0
    } else if scaled <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Widens a value range to round ends and returns it with its ticks.
pub fn nice_range(low: f64, high: f64, format: AxisFormat) -> (f64, f64, Vec<f64>) {
    let (low, high) = if high - low > 0.0 {
        (low, high)
    } else {
        (low - 1.0, high + 1.0)
    };
    let step = if format == AxisFormat::Date {
        // Whole days, weeks or months read better on a date axis than 2, 5 or 20 days.
        let days = (high - low) / 5.0;
        [1.0, 7.0, 14.0, 28.0, 91.0, 182.0, 364.0]
            .into_iter()
            .find(|s| *s >= days)
            .unwrap_or(364.0)
    } else {
        let step = nice_step(high - low, 5.0);
        if format == AxisFormat::Integer {
            step.max(1.0)
        } else {
            step
        }
    };
    let first = (low / step).floor() * step;
    let last = (high / step).ceil() * step;
    let count = ((last - first) / step).round().clamp(1.0, 20.0) as usize;
    let ticks = (0..=count).map(|i| first + step * i as f64).collect();
    (first, last, ticks)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub fn date_label(days: f64) -> String {
    use chrono::Datelike;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1);
    let date =
        epoch.and_then(|e| e.checked_add_signed(chrono::TimeDelta::try_days(days.round() as i64)?));
    match date {
        Some(d) => format!("{} {}", d.day(), MONTHS[d.month0() as usize % 12]),
        None => String::new(),
    }
}

/// A whole-number category as a bar label: plain digits, as a count on an axis reads.
pub fn count_label(count: usize) -> String {
    count.to_string()
}

/// `label` cut to `chars` characters with "…" when it is longer.
pub fn fit_label(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars {
        label.to_string()
    } else {
        format!(
            "{}…",
            label
                .chars()
                .take(chars.saturating_sub(1))
                .collect::<String>()
        )
    }
}

/// A value as an axis or tooltip label; `step` picks the number of decimals.
pub fn axis_label(value: f64, format: AxisFormat, step: f64) -> String {
    let decimals = |scaled_step: f64| -> usize {
        if scaled_step >= 1.0 || scaled_step <= 0.0 {
            0
        } else {
            (-scaled_step.log10().floor()).clamp(0.0, 4.0) as usize
        }
    };
    match format {
        AxisFormat::Percent => format!("{:.*}%", decimals(step * 100.0), value * 100.0),
        AxisFormat::Date => date_label(value),
        AxisFormat::Integer | AxisFormat::Number => {
            let magnitude = value.abs();
            if magnitude >= 1e6 {
                format!("{:.*}M", decimals(step / 1e6), value / 1e6)
            } else if magnitude >= 1e4 {
                format!("{:.*}k", decimals(step / 1e3), value / 1e3)
            } else {
                format!("{:.*}", decimals(step), value)
            }
        }
    }
}

pub fn tick_step(ticks: &[f64]) -> f64 {
    match ticks {
        [a, b, ..] => b - a,
        _ => 1.0,
    }
}

/// Vertical range: starts at zero when the data is non-negative and zero is not far away,
/// so that bars and rates are not exaggerated.
pub fn value_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = extent(values).unwrap_or((0.0, 1.0));
    if low >= 0.0 && low <= high * 0.6 {
        (0.0, high)
    } else {
        let pad = (high - low) * 0.05;
        (low - pad, high + pad)
    }
}

pub fn path_of(points: &[(f64, f64)], x: Scale, y: Scale, step: bool) -> String {
    let mut d = String::new();
    for (i, (px, py)) in points
        .iter()
        .filter(|(a, b)| a.is_finite() && b.is_finite())
        .enumerate()
    {
        let (sx, sy) = (x.at(*px), y.at(*py));
        if i == 0 {
            d.push_str(&format!("M{sx:.1},{sy:.1}"));
        } else if step {
            d.push_str(&format!("H{sx:.1}V{sy:.1}"));
        } else {
            d.push_str(&format!("L{sx:.1},{sy:.1}"));
        }
    }
    d
}

pub fn band_path(points: &[(f64, f64, f64)], x: Scale, y: Scale) -> String {
    let finite: Vec<_> = points
        .iter()
        .filter(|(a, b, c)| a.is_finite() && b.is_finite() && c.is_finite())
        .collect();
    let mut d = String::new();
    for (i, (px, _, high)) in finite.iter().enumerate() {
        d.push_str(&format!(
            "{}{:.1},{:.1}",
            if i == 0 { "M" } else { "L" },
            x.at(*px),
            y.at(*high)
        ));
    }
    for (px, low, _) in finite.iter().rev() {
        d.push_str(&format!("L{:.1},{:.1}", x.at(*px), y.at(*low)));
    }
    if !d.is_empty() {
        d.push('Z');
    }
    d
}

/// Where the bars of a bar chart go and how much of their labels fits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BarLayout {
    /// The width each bar's slot takes across the plot.
    pub slot: f64,
    /// The drawn width of a bar.
    pub width: f64,
    /// Every n-th bar is labelled, so labels never overlap.
    pub label_every: usize,
    /// The characters a label keeps before it ends in "…".
    pub label_chars: usize,
}

/// The layout of `count` bars across the plot area.
pub fn bar_layout(count: usize) -> BarLayout {
    let slot = (WIDTH - LEFT - RIGHT) / count.max(1) as f64;
    // Bars stay slim when there are few of them: one wide slab reads as a block, not a value.
    let width = (slot * 0.7).clamp(1.0, 56.0);
    // Label every bar when they fit, else every n-th, so labels never overlap.
    let label_every = ((count as f64 * 40.0 / (WIDTH - LEFT - RIGHT)).ceil() as usize).max(1);
    // As many characters as the label's own slot holds (about 6.5 units a character at the
    // tick size); a longer name ends in "…" and keeps its full text in the tooltip.
    let label_chars = ((slot * label_every as f64 / 6.5).floor() as usize).max(4);
    BarLayout {
        slot,
        width,
        label_every,
        label_chars,
    }
}

impl BarLayout {
    /// The x of the middle of bar `index`.
    pub fn centre(&self, index: usize) -> f64 {
        LEFT + self.slot * (index as f64 + 0.5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn all_close(got: &[f64], want: &[f64]) -> bool {
        got.len() == want.len() && got.iter().zip(want).all(|(a, b)| close(*a, *b))
    }

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        // 10 / 5 = 2; 7 / 5 = 1.4 rounds up to 2; 0.3 / 5 = 0.06 rounds up to 0.1.
        assert!(close(nice_step(10.0, 5.0), 2.0));
        assert!(close(nice_step(7.0, 5.0), 2.0));
        assert!(close(nice_step(0.3, 5.0), 0.1));
        assert!(close(nice_step(97.0, 5.0), 20.0));
    }

    #[test]
    fn a_range_widens_to_round_ticks() {
        let (low, high, ticks) = nice_range(0.0, 97.0, AxisFormat::Number);
        assert_eq!((low, high), (0.0, 100.0));
        assert!(all_close(&ticks, &[0.0, 20.0, 40.0, 60.0, 80.0, 100.0]));
        // One value: widened by one each way, then ticks every 0.5.
        let (low, high, ticks) = nice_range(3.0, 3.0, AxisFormat::Number);
        assert!(close(low, 2.0) && close(high, 4.0));
        assert!(all_close(&ticks, &[2.0, 2.5, 3.0, 3.5, 4.0]));
    }

    #[test]
    fn integer_axes_never_tick_between_whole_numbers() {
        let (_, _, ticks) = nice_range(0.0, 2.0, AxisFormat::Integer);
        assert!(all_close(&ticks, &[0.0, 1.0, 2.0]));
        let (_, _, ticks) = nice_range(0.0, 2.0, AxisFormat::Number);
        assert!(all_close(&ticks, &[0.0, 0.5, 1.0, 1.5, 2.0]));
    }

    #[test]
    fn date_axes_tick_in_days_weeks_or_months() {
        // 60 days / 5 = 12, so two-week ticks.
        let (low, high, ticks) = nice_range(0.0, 60.0, AxisFormat::Date);
        assert_eq!((low, high), (0.0, 70.0));
        assert!(all_close(&ticks, &[0.0, 14.0, 28.0, 42.0, 56.0, 70.0]));
    }

    #[test]
    fn value_ranges_start_at_zero_unless_that_exaggerates() {
        assert_eq!(value_range([2.0, 5.0, 10.0].into_iter()), (0.0, 10.0));
        // 8 is above 60% of 10: padded by 5% of the span instead.
        let (low, high) = value_range([8.0, 10.0].into_iter());
        assert!(close(low, 7.9) && close(high, 10.1));
        let (low, high) = value_range([-1.0, 3.0].into_iter());
        assert!(close(low, -1.2) && close(high, 3.2));
        assert_eq!(value_range(std::iter::empty()), (0.0, 1.0));
        assert_eq!(
            extent([f64::NAN, 4.0, 1.0, f64::INFINITY].into_iter()),
            Some((1.0, 4.0))
        );
        assert_eq!(extent([f64::NAN].into_iter()), None);
    }

    #[test]
    fn a_scale_maps_data_onto_pixels() {
        let x = Scale {
            low: 0.0,
            high: 10.0,
            from: LEFT,
            to: WIDTH - RIGHT,
        };
        assert!(close(x.at(0.0), 64.0));
        assert!(close(x.at(5.0), 344.0));
        assert!(close(x.at(10.0), 624.0));
        // The vertical axis runs upwards: the top of the range is the top margin.
        let y = Scale {
            low: 0.0,
            high: 1.0,
            from: HEIGHT - BOTTOM,
            to: TOP,
        };
        assert!(close(y.at(1.0), 14.0));
        assert!(close(y.at(0.5), 116.0));
        // An empty range puts every value in the middle.
        let flat = Scale {
            low: 3.0,
            high: 3.0,
            from: 0.0,
            to: 100.0,
        };
        assert!(close(flat.at(3.0), 50.0));
    }

    #[test]
    fn axis_labels_carry_as_many_decimals_as_the_step() {
        assert_eq!(axis_label(0.25, AxisFormat::Percent, 0.05), "25%");
        assert_eq!(axis_label(0.125, AxisFormat::Percent, 0.005), "12.5%");
        assert_eq!(axis_label(25_000.0, AxisFormat::Number, 5_000.0), "25k");
        assert_eq!(
            axis_label(1_500_000.0, AxisFormat::Number, 500_000.0),
            "1.5M"
        );
        assert_eq!(axis_label(2.5, AxisFormat::Number, 0.5), "2.5");
        assert_eq!(axis_label(40.0, AxisFormat::Integer, 10.0), "40");
        assert_eq!(axis_label(0.0, AxisFormat::Date, 7.0), "1 Jan");
        // 2024-01-01 is day 19,723; 59 days later is the leap day.
        assert_eq!(axis_label(19_723.0, AxisFormat::Date, 7.0), "1 Jan");
        assert_eq!(axis_label(19_782.0, AxisFormat::Date, 7.0), "29 Feb");
    }

    #[test]
    fn counted_categories_are_plain_digits() {
        assert_eq!(count_label(0), "0");
        assert_eq!(count_label(12), "12");
        // No thousands separator: a category is a name, not an amount.
        assert_eq!(count_label(1500), "1500");
    }

    #[test]
    fn labels_are_cut_with_an_ellipsis() {
        assert_eq!(fit_label("Instagram", 5), "Inst…");
        assert_eq!(fit_label("abc", 3), "abc");
        assert_eq!(fit_label("Zoë", 2), "Z…");
    }

    #[test]
    fn tick_step_is_the_gap_between_the_first_two_ticks() {
        assert_eq!(tick_step(&[0.0, 20.0, 40.0]), 20.0);
        assert_eq!(tick_step(&[5.0]), 1.0);
    }

    #[test]
    fn paths_skip_values_that_cannot_be_drawn() {
        let x = Scale {
            low: 0.0,
            high: 10.0,
            from: 0.0,
            to: 100.0,
        };
        let y = Scale {
            low: 0.0,
            high: 10.0,
            from: 100.0,
            to: 0.0,
        };
        let points = [(0.0, 0.0), (5.0, f64::NAN), (10.0, 10.0)];
        assert_eq!(path_of(&points, x, y, false), "M0.0,100.0L100.0,0.0");
        assert_eq!(path_of(&points, x, y, true), "M0.0,100.0H100.0V0.0");
        let band = [(0.0, 1.0, 3.0), (10.0, 2.0, 4.0)];
        assert_eq!(
            band_path(&band, x, y),
            "M0.0,70.0L100.0,60.0L100.0,80.0L0.0,90.0Z"
        );
        assert_eq!(band_path(&[], x, y), "");
    }

    #[test]
    fn few_bars_are_slim_and_all_labelled() {
        // The plot is 640 - 64 - 16 = 560 wide: four slots of 140, bars capped at 56.
        let layout = bar_layout(4);
        assert_eq!(
            layout,
            BarLayout {
                slot: 140.0,
                width: 56.0,
                label_every: 1,
                label_chars: 21
            }
        );
        assert!(close(layout.centre(0), 134.0));
        assert!(close(layout.centre(3), 554.0));
        assert_eq!(
            bar_layout(0),
            BarLayout {
                slot: 560.0,
                width: 56.0,
                label_every: 1,
                label_chars: 86
            }
        );
    }

    #[test]
    fn many_bars_label_every_nth() {
        // 30 bars: slots of 18.67, 30 × 40 / 560 = 2.14 so every third is labelled, with
        // 18.67 × 3 / 6.5 = 8.6 characters.
        let layout = bar_layout(30);
        assert!(close(layout.slot, 560.0 / 30.0));
        assert!(close(layout.width, 0.7 * 560.0 / 30.0));
        assert_eq!((layout.label_every, layout.label_chars), (3, 8));
        // 1,000 bars: never thinner than one unit; every 72nd labelled, 0.56 × 72 / 6.5 = 6.2 characters.
        let layout = bar_layout(1000);
        assert_eq!(
            (layout.width, layout.label_every, layout.label_chars),
            (1.0, 72, 6)
        );
    }
}
