//! Small SVG charts shared by every section: a line chart (series, shaded bands, vertical
//! markers, horizontal thresholds) and a bar chart (with optional interval whiskers).
//!
//! Charts take plain data and are not reactive themselves: wrap them in `move || view! {..}`.
//! Each one is a `<figure>` whose SVG carries the title and a one-line summary as its
//! accessible name, so a screen reader hears what a sighted reader sees.

use leptos::prelude::*;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SeriesStyle {
    #[default]
    Line,
    Dashed,
    Points,
    /// A staircase: each value holds until the next x.
    Step,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub points: Vec<(f64, f64)>,
    pub style: SeriesStyle,
}

/// A shaded range, e.g. a benchmark band or a confidence sequence: `(x, low, high)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub label: String,
    pub points: Vec<(f64, f64, f64)>,
}

/// A vertical line at `x` with a label, e.g. a follower spike.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub label: String,
}

/// A horizontal line at `y` with a label, e.g. a target.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub y: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub interval: Option<(f64, f64)>,
    pub highlight: bool,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 42.0;

/// Maps a data range onto a pixel range.
#[derive(Clone, Copy)]
struct Scale {
    low: f64,
    high: f64,
    from: f64,
    to: f64,
}

impl Scale {
    fn at(self, value: f64) -> f64 {
        let span = self.high - self.low;
        let t = if span > 0.0 { (value - self.low) / span } else { 0.5 };
        self.from + t * (self.to - self.from)
    }
}

/// The smallest and largest finite value, or `None` when there is none.
fn extent(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.filter(|v| v.is_finite()).fold(None, |range, v| match range {
        None => Some((v, v)),
        Some((low, high)) => Some((low.min(v), high.max(v))),
    })
}

/// A round tick step (1, 2 or 5 times a power of ten) giving about `count` ticks.
fn nice_step(span: f64, count: f64) -> f64 {
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
fn nice_range(low: f64, high: f64, format: AxisFormat) -> (f64, f64, Vec<f64>) {
    let (low, high) = if high - low > 0.0 { (low, high) } else { (low - 1.0, high + 1.0) };
    let step = if format == AxisFormat::Date {
        // Whole days, weeks or months read better on a date axis than 2, 5 or 20 days.
        let days = (high - low) / 5.0;
        [1.0, 7.0, 14.0, 28.0, 91.0, 182.0, 364.0].into_iter().find(|s| *s >= days).unwrap_or(364.0)
    } else {
        let step = nice_step(high - low, 5.0);
        if format == AxisFormat::Integer { step.max(1.0) } else { step }
    };
    let first = (low / step).floor() * step;
    let last = (high / step).ceil() * step;
    let count = ((last - first) / step).round().clamp(1.0, 20.0) as usize;
    let ticks = (0..=count).map(|i| first + step * i as f64).collect();
    (first, last, ticks)
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn date_label(days: f64) -> String {
    use chrono::Datelike;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1);
    let date = epoch.and_then(|e| e.checked_add_signed(chrono::TimeDelta::try_days(days.round() as i64)?));
    match date {
        Some(d) => format!("{} {}", d.day(), MONTHS[d.month0() as usize % 12]),
        None => String::new(),
    }
}

/// `label` cut to `chars` characters with "…" when it is longer.
fn fit_label(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(chars.saturating_sub(1)).collect::<String>())
    }
}

/// A value as an axis or tooltip label; `step` picks the number of decimals.
fn axis_label(value: f64, format: AxisFormat, step: f64) -> String {
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

fn tick_step(ticks: &[f64]) -> f64 {
    match ticks {
        [a, b, ..] => b - a,
        _ => 1.0,
    }
}

/// Vertical range: starts at zero when the data is non-negative and zero is not far away,
/// so that bars and rates are not exaggerated.
fn value_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (low, high) = extent(values).unwrap_or((0.0, 1.0));
    if low >= 0.0 && low <= high * 0.6 {
        (0.0, high)
    } else {
        let pad = (high - low) * 0.05;
        (low - pad, high + pad)
    }
}

fn path_of(points: &[(f64, f64)], x: Scale, y: Scale, step: bool) -> String {
    let mut d = String::new();
    for (i, (px, py)) in points.iter().filter(|(a, b)| a.is_finite() && b.is_finite()).enumerate() {
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

fn band_path(points: &[(f64, f64, f64)], x: Scale, y: Scale) -> String {
    let finite: Vec<_> = points.iter().filter(|(a, b, c)| a.is_finite() && b.is_finite() && c.is_finite()).collect();
    let mut d = String::new();
    for (i, (px, _, high)) in finite.iter().enumerate() {
        d.push_str(&format!("{}{:.1},{:.1}", if i == 0 { "M" } else { "L" }, x.at(*px), y.at(*high)));
    }
    for (px, low, _) in finite.iter().rev() {
        d.push_str(&format!("L{:.1},{:.1}", x.at(*px), y.at(*low)));
    }
    if !d.is_empty() {
        d.push('Z');
    }
    d
}

/// Horizontal grid lines with labels on the left, and the axis titles.
fn y_axis(ticks: Vec<f64>, y: Scale, format: AxisFormat, y_label: String, x_label: String) -> impl IntoView {
    let step = tick_step(&ticks);
    view! {
        {ticks.into_iter().map(|t| view! {
            <line class="grid" x1=LEFT x2=WIDTH - RIGHT y1=y.at(t) y2=y.at(t) />
            <text class="tick" x=LEFT - 6.0 y=y.at(t) + 4.0 text-anchor="end">{axis_label(t, format, step)}</text>
        }).collect_view()}
        <text class="axis-title" x=LEFT y=HEIGHT - 4.0>{x_label}</text>
        <text class="axis-title" x="12" y=TOP + (HEIGHT - TOP - BOTTOM) / 2.0
            transform=format!("rotate(-90 12 {})", TOP + (HEIGHT - TOP - BOTTOM) / 2.0) text-anchor="middle">{y_label}</text>
    }
}

fn legend(items: Vec<(String, String)>) -> impl IntoView {
    (!items.is_empty()).then(|| view! {
        <ul class="chart-legend">
            {items.into_iter().map(|(class, label)| view! {
                <li><span class=format!("swatch {class}") aria-hidden="true"></span>{label}</li>
            }).collect_view()}
        </ul>
    })
}

#[component]
pub fn LineChart(
    title: String,
    summary: String,
    x_label: String,
    y_label: String,
    #[prop(optional)] x_format: AxisFormat,
    #[prop(optional)] y_format: AxisFormat,
    series: Vec<Series>,
    #[prop(optional)] bands: Vec<Band>,
    #[prop(optional)] markers: Vec<Marker>,
    #[prop(optional)] thresholds: Vec<Threshold>,
) -> impl IntoView {
    let xs = series.iter().flat_map(|s| s.points.iter().map(|p| p.0))
        .chain(bands.iter().flat_map(|b| b.points.iter().map(|p| p.0)))
        .chain(markers.iter().map(|m| m.x));
    let (x_low, x_high) = extent(xs).unwrap_or((0.0, 1.0));
    let (x_low, x_high) = if x_high > x_low { (x_low, x_high) } else { (x_low - 1.0, x_high + 1.0) };
    let ys = series.iter().flat_map(|s| s.points.iter().map(|p| p.1))
        .chain(bands.iter().flat_map(|b| b.points.iter().flat_map(|p| [p.1, p.2])))
        .chain(thresholds.iter().map(|t| t.y));
    let (y_low, y_high) = value_range(ys);
    let (y_low, y_high, y_ticks) = nice_range(y_low, y_high, y_format);
    let (_, _, x_ticks) = nice_range(x_low, x_high, x_format);
    let x_ticks: Vec<f64> = x_ticks.into_iter().filter(|t| *t >= x_low && *t <= x_high).collect();
    let x = Scale { low: x_low, high: x_high, from: LEFT, to: WIDTH - RIGHT };
    let y = Scale { low: y_low, high: y_high, from: HEIGHT - BOTTOM, to: TOP };
    let x_step = tick_step(&x_ticks);
    let mut legend_items: Vec<(String, String)> =
        bands.iter().enumerate().map(|(i, b)| (format!("band band-{}", i % 3), b.label.clone())).collect();
    legend_items.extend(series.iter().enumerate().map(|(i, s)| (format!("series-{}", i % 4), s.label.clone())));
    legend_items.extend(thresholds.iter().map(|t| ("threshold".to_string(), t.label.clone())));
    legend_items.extend(markers.first().map(|m| ("marker".to_string(), m.label.clone())));
    let aria = format!("{title}. {summary}");
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=aria>
                {y_axis(y_ticks, y, y_format, y_label, x_label)}
                {x_ticks.into_iter().map(|t| view! {
                    <text class="tick" x=x.at(t) y=HEIGHT - BOTTOM + 16.0 text-anchor="middle">{axis_label(t, x_format, x_step)}</text>
                }).collect_view()}
                {bands.iter().enumerate().map(|(i, b)| view! {
                    <path class=format!("band band-{}", i % 3) d=band_path(&b.points, x, y) />
                }).collect_view()}
                {thresholds.iter().map(|t| view! {
                    <line class="threshold" x1=LEFT x2=WIDTH - RIGHT y1=y.at(t.y) y2=y.at(t.y) />
                }).collect_view()}
                {markers.iter().map(|m| view! {
                    <line class="marker" x1=x.at(m.x) x2=x.at(m.x) y1=TOP y2=HEIGHT - BOTTOM>
                        <title>{m.label.clone()}</title>
                    </line>
                }).collect_view()}
                {series.iter().enumerate().map(|(i, s)| {
                    let class = format!("series-{}", i % 4);
                    match s.style {
                        SeriesStyle::Points => s.points.iter()
                            .filter(|(a, b)| a.is_finite() && b.is_finite())
                            .map(|(px, py)| view! { <circle class=format!("dot {class}") cx=x.at(*px) cy=y.at(*py) r="3.5" /> })
                            .collect_view()
                            .into_any(),
                        style => view! {
                            <path
                                class=format!("line {class}")
                                class:dashed=style == SeriesStyle::Dashed
                                d=path_of(&s.points, x, y, style == SeriesStyle::Step)
                            />
                        }.into_any(),
                    }
                }).collect_view()}
            </svg>
            <figcaption><strong>{title}</strong>" "<span class="hint">{summary}</span></figcaption>
            {legend(legend_items)}
        </figure>
    }
}

#[component]
pub fn BarChart(
    title: String,
    summary: String,
    x_label: String,
    y_label: String,
    #[prop(optional)] y_format: AxisFormat,
    bars: Vec<Bar>,
    #[prop(optional)] thresholds: Vec<Threshold>,
) -> impl IntoView {
    let ys = bars.iter().flat_map(|b| {
        let (low, high) = b.interval.unwrap_or((b.value, b.value));
        [b.value, low, high, 0.0]
    }).chain(thresholds.iter().map(|t| t.y));
    let (y_low, y_high) = value_range(ys);
    let (y_low, y_high, y_ticks) = nice_range(y_low, y_high, y_format);
    let y = Scale { low: y_low, high: y_high, from: HEIGHT - BOTTOM, to: TOP };
    let slot = (WIDTH - LEFT - RIGHT) / bars.len().max(1) as f64;
    // Bars stay slim when there are few of them: one wide slab reads as a block, not a value.
    let width = (slot * 0.7).clamp(1.0, 56.0);
    // Label every bar when they fit, else every n-th, so labels never overlap.
    let label_every = ((bars.len() as f64 * 40.0 / (WIDTH - LEFT - RIGHT)).ceil() as usize).max(1);
    // As many characters as the label's own slot holds (about 6.5 units a character at the
    // tick size); a longer name ends in "…" and keeps its full text in the tooltip.
    let label_chars = ((slot * label_every as f64 / 6.5).floor() as usize).max(4);
    let zero = y.at(0.0_f64.clamp(y_low, y_high));
    let step = tick_step(&y_ticks);
    let aria = format!("{title}. {summary}");
    let threshold_items: Vec<(String, String)> =
        thresholds.iter().map(|t| ("threshold".to_string(), t.label.clone())).collect();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=aria>
                {y_axis(y_ticks, y, y_format, y_label, x_label)}
                {bars.iter().enumerate().map(|(i, b)| {
                    let centre = LEFT + slot * (i as f64 + 0.5);
                    let top = y.at(b.value);
                    view! {
                        <rect
                            class="bar"
                            class:highlight=b.highlight
                            x=centre - width / 2.0
                            y=top.min(zero)
                            width=width
                            height=(zero - top).abs().max(0.5)
                        >
                            <title>{format!("{}: {}", b.label, axis_label(b.value, y_format, step / 10.0))}</title>
                        </rect>
                        {b.interval.map(|(low, high)| view! {
                            <line class="whisker" x1=centre x2=centre y1=y.at(low) y2=y.at(high) />
                        })}
                        {(i % label_every == 0).then(|| view! {
                            <text class="tick" x=centre y=HEIGHT - BOTTOM + 16.0 text-anchor="middle">
                                <title>{b.label.clone()}</title>
                                {fit_label(&b.label, label_chars)}
                            </text>
                        })}
                        // Values printed on the bars when they fit, so a bar too short to see still reads.
                        {(label_every == 1 && bars.len() <= 12).then(|| {
                            let peak = b.interval.map_or(b.value, |(_, high)| high.max(b.value));
                            view! {
                                <text class="bar-value" x=centre y=y.at(peak).min(zero) - 4.0 text-anchor="middle">
                                    {axis_label(b.value, y_format, step / 10.0)}
                                </text>
                            }
                        })}
                    }
                }).collect_view()}
                {thresholds.iter().map(|t| view! {
                    <line class="threshold" x1=LEFT x2=WIDTH - RIGHT y1=y.at(t.y) y2=y.at(t.y) />
                }).collect_view()}
            </svg>
            <figcaption><strong>{title}</strong>" "<span class="hint">{summary}</span></figcaption>
            {legend(threshold_items)}
        </figure>
    }
}
