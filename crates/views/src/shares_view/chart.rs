//! Chart scaling: the members' amounts year by year as bar heights, and the largest members.

use rust_decimal::Decimal;
use serde::Serialize;

use poolcalc_engine::shares::Shares;

use crate::format::grouped;

use super::totals::range_totals;

/// A line chart of several members' yearly amounts, scaled for drawing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// The years along the x axis.
    pub years: Vec<i32>,
    /// Axis ticks: position from 0 (bottom) to 1 (top) and the amount printed there.
    pub ticks: Vec<(f64, String)>,
    /// One line per member: id and the height (0–1) of each year's point.
    pub series: Vec<(String, Vec<f64>)>,
}

/// Scales the `ids` members' amounts of `years` for a chart with four gridlines above 0.
/// Heights are for drawing only; every amount printed comes from `format::grouped`.
#[must_use]
pub fn chart(years: &[Shares], ids: &[String], decimals: u32) -> Chart {
    let amount = |s: &Shares, id: &str| {
        s.members
            .iter()
            .find(|m| m.id == id)
            .map_or(Decimal::ZERO, |m| m.amount)
    };
    let max = years
        .iter()
        .flat_map(|s| ids.iter().map(move |id| amount(s, id)))
        .max()
        .unwrap_or_default();
    let top = nice_ceiling(max);
    let height = |a: Decimal| {
        if top.is_zero() {
            0.0
        } else {
            decimal_f64(a / top)
        }
    };
    let ticks = (0..=4u32)
        .map(|i| {
            let v = top * Decimal::from(i) / Decimal::from(4u32);
            (f64::from(i) / 4.0, grouped(v, decimals.min(2)))
        })
        .collect();
    Chart {
        years: years.iter().map(|s| s.year).collect(),
        ticks,
        series: ids
            .iter()
            .map(|id| {
                (
                    id.clone(),
                    years.iter().map(|s| height(amount(s, id))).collect(),
                )
            })
            .collect(),
    }
}

/// The members with the largest totals over `years`, at most `n`, largest first.
#[must_use]
pub fn top_members(years: &[Shares], n: usize) -> Vec<String> {
    let Some(t) = range_totals(years) else {
        return Vec::new();
    };
    let mut members = t.members;
    members.sort_by(|a, b| b.amount.cmp(&a.amount).then_with(|| a.id.cmp(&b.id)));
    members.into_iter().take(n).map(|m| m.id).collect()
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `v`: a round top for an axis.
fn nice_ceiling(v: Decimal) -> Decimal {
    if v <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let mut unit = Decimal::ONE;
    while unit * Decimal::TEN <= v {
        unit *= Decimal::TEN;
    }
    while unit > v {
        unit /= Decimal::TEN;
    }
    [
        Decimal::ONE,
        Decimal::TWO,
        Decimal::new(25, 1),
        Decimal::from(5),
        Decimal::TEN,
    ]
    .into_iter()
    .map(|k| k * unit)
    .find(|c| *c >= v)
    .unwrap_or(v)
}

fn decimal_f64(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}
