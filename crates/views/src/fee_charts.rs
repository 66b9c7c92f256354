//! Geometry of the fee calculator's two small charts, so the page only draws: payable per
//! year stacked by product, and royalty per unit against volume (log scale of units, with
//! the tier breaks sampled on both sides). Money stays `Decimal`; only pixel positions are
//! `f64`.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use poolcalc_engine::model::dataset::Rate;
use poolcalc_engine::pool::Pool;

/// The drawing area: the whole SVG and the margins kept for the axes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Frame {
    /// SVG width.
    pub width: f64,
    /// SVG height.
    pub height: f64,
    /// Left margin (y-axis labels).
    pub left: f64,
    /// Right margin.
    pub right: f64,
    /// Top margin.
    pub top: f64,
    /// Bottom margin (x-axis labels).
    pub bottom: f64,
}

impl Frame {
    /// Bottom edge of the plot.
    #[must_use]
    pub fn base(&self) -> f64 {
        self.height - self.bottom
    }

    /// Right edge of the plot.
    #[must_use]
    pub fn end(&self) -> f64 {
        self.width - self.right
    }

    fn plot_w(&self) -> f64 {
        (self.width - self.left - self.right).max(1.0)
    }

    fn plot_h(&self) -> f64 {
        (self.height - self.top - self.bottom).max(1.0)
    }

    /// Label position just left of the y axis.
    #[must_use]
    pub fn y_label_x(&self) -> f64 {
        self.left - 6.0
    }

    /// Label position just below the x axis.
    #[must_use]
    pub fn x_label_y(&self) -> f64 {
        self.height - self.bottom + 16.0
    }
}

/// A labelled position on an axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    /// The value.
    pub value: Decimal,
    /// Pixel position (y for a value axis, x for the units axis).
    pub pos: f64,
}

/// A product's part of a bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// Product id.
    pub key: String,
    /// Its amount.
    pub value: Decimal,
    /// Top edge.
    pub y: f64,
    /// Height.
    pub height: f64,
}

/// One year's bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    /// The year.
    pub year: i32,
    /// Left edge.
    pub x: f64,
    /// Width.
    pub width: f64,
    /// Centre, for the label.
    pub mid: f64,
    /// Σ of the segments.
    pub total: Decimal,
    /// Bottom-up.
    pub segments: Vec<Segment>,
}

/// The stacked bar chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StackedBars {
    /// The frame it was laid out in.
    pub frame: Frame,
    /// One per year.
    pub bars: Vec<Bar>,
    /// Value-axis ticks.
    pub ticks: Vec<Tick>,
}

fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// Ticks from 0 to a round top at or above `max`: steps of 1, 2 or 5 × 10ⁿ, about four.
#[must_use]
pub fn nice_ticks(max: Decimal) -> Vec<Decimal> {
    if max <= Decimal::ZERO {
        return vec![Decimal::ZERO, Decimal::ONE];
    }
    let raw = max / Decimal::from(4);
    let mut p = Decimal::ONE;
    while p * Decimal::TEN <= raw && p < Decimal::from(1_000_000_000_000_000u64) {
        p *= Decimal::TEN;
    }
    while p > raw && p > Decimal::new(1, 12) {
        p /= Decimal::TEN;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|m| p * Decimal::from(m))
        .find(|s| *s >= raw)
        .unwrap_or(p * Decimal::TEN);
    let mut ticks = vec![Decimal::ZERO];
    let mut v = Decimal::ZERO;
    while v < max && ticks.len() < 12 {
        v += step;
        ticks.push(v.normalize());
    }
    ticks
}

fn value_y(frame: &Frame, top: Decimal, v: Decimal) -> f64 {
    let f = if top.is_zero() {
        0.0
    } else {
        to_f64(v / top).clamp(0.0, 1.0)
    };
    frame.base() - f * frame.plot_h()
}

/// Lays out `years` (each with its amounts per product) as stacked bars.
#[must_use]
pub fn stacked_bars(years: &[(i32, Vec<(String, Decimal)>)], frame: Frame) -> StackedBars {
    let totals: Vec<Decimal> = years
        .iter()
        .map(|(_, parts)| parts.iter().map(|p| p.1).sum())
        .collect();
    let max = totals.iter().copied().max().unwrap_or_default();
    let values = nice_ticks(max);
    let top = values.last().copied().unwrap_or(Decimal::ONE);
    let n = years.len().max(1) as f64;
    let slot = frame.plot_w() / n;
    let width = (slot * 0.6).min(48.0);
    let bars = years
        .iter()
        .zip(&totals)
        .enumerate()
        .map(|(i, ((year, parts), total))| {
            let x = frame.left + slot * i as f64 + (slot - width) / 2.0;
            let mut below = Decimal::ZERO;
            let segments = parts
                .iter()
                .map(|(key, value)| {
                    let y0 = value_y(&frame, top, below);
                    below += *value;
                    let y1 = value_y(&frame, top, below);
                    Segment {
                        key: key.clone(),
                        value: *value,
                        y: y1,
                        height: (y0 - y1).max(0.0),
                    }
                })
                .collect();
            Bar {
                year: *year,
                x,
                width,
                mid: x + width / 2.0,
                total: *total,
                segments,
            }
        })
        .collect();
    StackedBars {
        frame,
        bars,
        ticks: values
            .into_iter()
            .map(|value| Tick {
                pos: value_y(&frame, top, value),
                value,
            })
            .collect(),
    }
}

/// The volumes to sample for the royalty curve of `product` in `year`: 1-2-5 steps from
/// 1,000 to well past `current` and the last tier break, plus each tier break and the unit
/// after it (where an all-units rate jumps), plus `current` itself.
#[must_use]
pub fn curve_volumes(pool: &Pool, year: i32, product: &str, current: u64) -> Vec<u64> {
    let mut breaks: Vec<u64> = Vec::new();
    if let Some((_, s)) = pool.schedule_for(year) {
        for l in s.lines.iter().filter(|l| l.product == product) {
            if let Rate::Tiers { tiers, .. } = &l.rate {
                breaks.extend(tiers.iter().filter_map(|t| t.up_to));
            }
        }
    }
    let last = breaks.iter().copied().max().unwrap_or(0);
    let top = current
        .saturating_mul(4)
        .max(last.saturating_mul(4))
        .clamp(1_000_000, 10_000_000_000_000);
    let mut v: Vec<u64> = Vec::new();
    let mut p: u64 = 1_000;
    while p <= top {
        for m in [1, 2, 5] {
            let x = p.saturating_mul(m);
            if x <= top {
                v.push(x);
            }
        }
        p = p.saturating_mul(10);
    }
    for b in breaks {
        v.push(b);
        v.push(b.saturating_add(1));
    }
    if current > 0 {
        v.push(current);
    }
    v.retain(|&x| x > 0);
    v.sort_unstable();
    v.dedup();
    v
}

/// A point of the curve in pixels.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurveDot {
    /// Units.
    pub units: u64,
    /// Royalty per unit.
    pub per_unit: Decimal,
    /// Pixel x.
    pub x: f64,
    /// Pixel y.
    pub y: f64,
}

/// The royalty-per-unit curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curve {
    /// The frame it was laid out in.
    pub frame: Frame,
    /// The points, by units.
    pub dots: Vec<CurveDot>,
    /// SVG polyline `points` attribute.
    pub polyline: String,
    /// Per-unit ticks (y).
    pub y_ticks: Vec<Tick>,
    /// Powers of ten of units (x).
    pub x_ticks: Vec<(u64, f64)>,
    /// Where the current volume is, if it is on the curve.
    pub current: Option<CurveDot>,
}

/// Lays out `(units, per_unit)` points on a log scale of units.
#[must_use]
pub fn curve(points: &[(u64, Decimal)], current: u64, frame: Frame) -> Curve {
    let lo = points.first().map_or(1, |p| p.0.max(1));
    let hi = points.last().map_or(10, |p| p.0.max(lo + 1));
    let (l0, l1) = ((lo as f64).log10(), (hi as f64).log10());
    let span = (l1 - l0).max(1e-9);
    let x_of = |u: u64| frame.left + ((u.max(1) as f64).log10() - l0) / span * frame.plot_w();
    let max = points.iter().map(|p| p.1).max().unwrap_or_default();
    let values = nice_ticks(max);
    let top = values.last().copied().unwrap_or(Decimal::ONE);
    let dots: Vec<CurveDot> = points
        .iter()
        .map(|&(units, per_unit)| CurveDot {
            units,
            per_unit,
            x: x_of(units),
            y: value_y(&frame, top, per_unit),
        })
        .collect();
    let polyline = dots
        .iter()
        .map(|d| format!("{:.1},{:.1}", d.x, d.y))
        .collect::<Vec<_>>()
        .join(" ");
    let mut x_ticks = Vec::new();
    let mut p: u64 = 1;
    while p <= hi {
        if p >= lo {
            x_ticks.push((p, x_of(p)));
        }
        p = p.saturating_mul(10);
        if p == u64::MAX {
            break;
        }
    }
    let current = dots.iter().find(|d| d.units == current).cloned();
    Curve {
        frame,
        dots,
        polyline,
        y_ticks: values
            .into_iter()
            .map(|value| Tick {
                pos: value_y(&frame, top, value),
                value,
            })
            .collect(),
        x_ticks,
        current,
    }
}

// The Fees page calls it by its old name here.
pub use crate::format::group_digits;
