//! Small SVG charts shared by every section: a line chart (series, shaded bands, vertical
//! markers, horizontal thresholds) and a bar chart (with optional interval whiskers).
//!
//! Charts take plain data and are not reactive themselves: wrap them in `move || view! {..}`.
//! Each one is a `<figure>` whose SVG carries the title and a one-line summary as its
//! accessible name, so a screen reader hears what a sighted reader sees.

use leptos::oco::Oco;
use leptos::prelude::*;

pub use super::chart_scale::AxisFormat;
use super::chart_scale::{
    axis_label, band_path, bar_layout, count_label, extent, fit_label, nice_range, path_of,
    tick_step, value_range, BarLayout, Scale, BOTTOM, HEIGHT, LEFT, RIGHT, TOP, WIDTH,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SeriesStyle {
    #[default]
    Line,
    Dashed,
    Points,
    /// A staircase: each value holds until the next x.
    Step,
}

/// A chart's text: a literal or a label built from data, taken without copying a literal.
pub type ChartText = Oco<'static, str>;

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: ChartText,
    pub points: Vec<(f64, f64)>,
    pub style: SeriesStyle,
}

impl Series {
    pub fn new(label: impl Into<ChartText>, points: Vec<(f64, f64)>, style: SeriesStyle) -> Self {
        Series {
            label: label.into(),
            points,
            style,
        }
    }

    pub fn line(label: impl Into<ChartText>, points: Vec<(f64, f64)>) -> Self {
        Series::new(label, points, SeriesStyle::Line)
    }

    pub fn dashed(label: impl Into<ChartText>, points: Vec<(f64, f64)>) -> Self {
        Series::new(label, points, SeriesStyle::Dashed)
    }

    pub fn dots(label: impl Into<ChartText>, points: Vec<(f64, f64)>) -> Self {
        Series::new(label, points, SeriesStyle::Points)
    }
}

/// A shaded range, e.g. a benchmark band or a confidence sequence: `(x, low, high)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub label: ChartText,
    pub points: Vec<(f64, f64, f64)>,
}

impl Band {
    pub fn new(label: impl Into<ChartText>, points: Vec<(f64, f64, f64)>) -> Self {
        Band {
            label: label.into(),
            points,
        }
    }
}

/// A vertical line at `x` with a label, e.g. a follower spike.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub label: ChartText,
}

impl Marker {
    pub fn new(x: f64, label: impl Into<ChartText>) -> Self {
        Marker {
            x,
            label: label.into(),
        }
    }
}

/// A horizontal line at `y` with a label, e.g. a target.
#[derive(Debug, Clone, PartialEq)]
pub struct Threshold {
    pub y: f64,
    pub label: ChartText,
}

impl Threshold {
    pub fn new(y: f64, label: impl Into<ChartText>) -> Self {
        Threshold {
            y,
            label: label.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: ChartText,
    pub value: f64,
    pub interval: Option<(f64, f64)>,
    pub highlight: bool,
}

impl Bar {
    pub fn new(label: impl Into<ChartText>, value: f64) -> Self {
        Bar {
            label: label.into(),
            value,
            interval: None,
            highlight: false,
        }
    }

    /// A bar for a whole-number category, e.g. "3" posts out of a distribution.
    pub fn counted(count: usize, value: f64) -> Self {
        Bar::new(count_label(count), value)
    }

    /// With an interval drawn as a whisker, when there is one.
    pub fn with_interval(self, interval: Option<(f64, f64)>) -> Self {
        Bar { interval, ..self }
    }

    pub fn highlighted(self, highlight: bool) -> Self {
        Bar { highlight, ..self }
    }
}

/// Horizontal grid lines with labels on the left, and the axis titles.
fn y_axis(
    ticks: Vec<f64>,
    y: Scale,
    format: AxisFormat,
    y_label: ChartText,
    x_label: ChartText,
) -> impl IntoView {
    let step = tick_step(&ticks);
    view! {
        {ticks.into_iter().map(|t| view! {
            <line class="grid" x1=LEFT x2=WIDTH - RIGHT y1=y.at(t) y2=y.at(t) />
            <text class="tick" x=LEFT - 6.0 y=y.at(t) + 4.0 text-anchor="end">{axis_label(t, format, step)}</text>
        }).collect_view()}
        <text class="axis-title" x=LEFT y=HEIGHT - 4.0>{x_label.to_string()}</text>
        <text class="axis-title" x="12" y=TOP + (HEIGHT - TOP - BOTTOM) / 2.0
            transform=format!("rotate(-90 12 {})", TOP + (HEIGHT - TOP - BOTTOM) / 2.0) text-anchor="middle">{y_label.to_string()}</text>
    }
}

fn legend(items: Vec<(String, String)>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <ul class="chart-legend">
                {items.into_iter().map(|(class, label)| view! {
                    <li><span class=format!("swatch {class}") aria-hidden="true"></span>{label}</li>
                }).collect_view()}
            </ul>
        }
    })
}

#[component]
pub fn LineChart(
    #[prop(into)] title: ChartText,
    #[prop(into)] summary: ChartText,
    #[prop(into)] x_label: ChartText,
    #[prop(into)] y_label: ChartText,
    #[prop(optional)] x_format: AxisFormat,
    #[prop(optional)] y_format: AxisFormat,
    series: Vec<Series>,
    #[prop(optional)] bands: Vec<Band>,
    #[prop(optional)] markers: Vec<Marker>,
    #[prop(optional)] thresholds: Vec<Threshold>,
) -> impl IntoView {
    let xs = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .chain(bands.iter().flat_map(|b| b.points.iter().map(|p| p.0)))
        .chain(markers.iter().map(|m| m.x));
    let (x_low, x_high) = extent(xs).unwrap_or((0.0, 1.0));
    let (x_low, x_high) = if x_high > x_low {
        (x_low, x_high)
    } else {
        (x_low - 1.0, x_high + 1.0)
    };
    let ys = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.1))
        .chain(
            bands
                .iter()
                .flat_map(|b| b.points.iter().flat_map(|p| [p.1, p.2])),
        )
        .chain(thresholds.iter().map(|t| t.y));
    let (y_low, y_high) = value_range(ys);
    let (y_low, y_high, y_ticks) = nice_range(y_low, y_high, y_format);
    let (_, _, x_ticks) = nice_range(x_low, x_high, x_format);
    let x_ticks: Vec<f64> = x_ticks
        .into_iter()
        .filter(|t| *t >= x_low && *t <= x_high)
        .collect();
    let x = Scale {
        low: x_low,
        high: x_high,
        from: LEFT,
        to: WIDTH - RIGHT,
    };
    let y = Scale {
        low: y_low,
        high: y_high,
        from: HEIGHT - BOTTOM,
        to: TOP,
    };
    let x_step = tick_step(&x_ticks);
    let mut legend_items: Vec<(String, String)> = bands
        .iter()
        .enumerate()
        .map(|(i, b)| (format!("band band-{}", i % 3), b.label.to_string()))
        .collect();
    legend_items.extend(
        series
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("series-{}", i % 4), s.label.to_string())),
    );
    legend_items.extend(
        thresholds
            .iter()
            .map(|t| ("threshold".to_string(), t.label.to_string())),
    );
    legend_items.extend(
        markers
            .first()
            .map(|m| ("marker".to_string(), m.label.to_string())),
    );
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
                        <title>{m.label.to_string()}</title>
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
            <figcaption><strong>{title.to_string()}</strong>" "<span class="hint">{summary.to_string()}</span></figcaption>
            {legend(legend_items)}
        </figure>
    }
}

#[component]
pub fn BarChart(
    #[prop(into)] title: ChartText,
    #[prop(into)] summary: ChartText,
    #[prop(into)] x_label: ChartText,
    #[prop(into)] y_label: ChartText,
    #[prop(optional)] y_format: AxisFormat,
    bars: Vec<Bar>,
    #[prop(optional)] thresholds: Vec<Threshold>,
) -> impl IntoView {
    let ys = bars
        .iter()
        .flat_map(|b| {
            let (low, high) = b.interval.unwrap_or((b.value, b.value));
            [b.value, low, high, 0.0]
        })
        .chain(thresholds.iter().map(|t| t.y));
    let (y_low, y_high) = value_range(ys);
    let (y_low, y_high, y_ticks) = nice_range(y_low, y_high, y_format);
    let y = Scale {
        low: y_low,
        high: y_high,
        from: HEIGHT - BOTTOM,
        to: TOP,
    };
    let layout = bar_layout(bars.len());
    let BarLayout {
        width,
        label_every,
        label_chars,
        ..
    } = layout;
    let zero = y.at(0.0_f64.clamp(y_low, y_high));
    let step = tick_step(&y_ticks);
    let aria = format!("{title}. {summary}");
    let threshold_items: Vec<(String, String)> = thresholds
        .iter()
        .map(|t| ("threshold".to_string(), t.label.to_string()))
        .collect();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=aria>
                {y_axis(y_ticks, y, y_format, y_label, x_label)}
                {bars.iter().enumerate().map(|(i, b)| {
                    let centre = layout.centre(i);
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
                                <title>{b.label.to_string()}</title>
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
            <figcaption><strong>{title.to_string()}</strong>" "<span class="hint">{summary.to_string()}</span></figcaption>
            {legend(threshold_items)}
        </figure>
    }
}
