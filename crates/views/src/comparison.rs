//! What the Scenarios page shows around `policy`: rows of a side-by-side comparison with the
//! differences against the first scenario, crossings of the interest-balance reference line in
//! a sweep, percentages for people, and chart positions. The web app only lays these out.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::policy::{ScenarioResult, SweepPoint};

/// What a comparison row measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "member", rename_all = "snake_case")]
pub enum RowKind {
    /// Pool income in the year.
    Income,
    /// The administrator's fee.
    ManagementFee,
    /// Income kept back (retained uncovered income, or no member with weight).
    Unallocated,
    /// One member's share (member id).
    Member(String),
    /// The reference licensee's payable in the year.
    LicenseePayable,
    /// The reference licensee's highest royalty share of unit profit (a fraction).
    MaxShareOfProfit,
}

/// One scenario's value in a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The value; none when the scenario has no such member or the number cannot be computed.
    pub value: Option<Decimal>,
    /// value − the first scenario's value, when both exist.
    pub difference: Option<Decimal>,
    /// Whether this cell differs from the first scenario's (a value that appears or vanishes
    /// differs too). Never true in the first column.
    pub differs: bool,
}

/// One line of the comparison table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// What it measures.
    pub kind: RowKind,
    /// One cell per scenario, in the order compared.
    pub cells: Vec<Cell>,
}

fn payable_in(r: &ScenarioResult, year: i32) -> Option<Decimal> {
    match &r.reference {
        Some(Ok(report)) => report
            .years
            .iter()
            .find(|y| y.year == year)
            .map(|y| y.payable),
        _ => None,
    }
}

fn row(kind: RowKind, values: Vec<Option<Decimal>>) -> Row {
    let first = values.first().copied().flatten();
    let first_present = values.first().is_some_and(Option::is_some);
    let cells = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let difference = v.zip(first).map(|(v, f)| v - f);
            let differs =
                i > 0 && (difference.is_some_and(|d| !d.is_zero()) || v.is_some() != first_present);
            Cell {
                value: *v,
                difference,
                differs,
            }
        })
        .collect();
    Row { kind, cells }
}

/// The comparison table of `results` (from `compare_scenarios` for `year`): income, fee,
/// unallocated, each member's share (members of every scenario, in order of first
/// appearance), the reference licensee's payable and its highest share of profit.
#[must_use]
pub fn comparison_rows(results: &[ScenarioResult], year: i32) -> Vec<Row> {
    let mut rows = vec![
        row(
            RowKind::Income,
            results.iter().map(|r| Some(r.shares.income)).collect(),
        ),
        row(
            RowKind::ManagementFee,
            results
                .iter()
                .map(|r| Some(r.shares.management_fee))
                .collect(),
        ),
        row(
            RowKind::Unallocated,
            results.iter().map(|r| Some(r.shares.unallocated)).collect(),
        ),
    ];
    let mut members: Vec<&str> = Vec::new();
    for r in results {
        for m in &r.shares.members {
            if !members.contains(&m.id.as_str()) {
                members.push(&m.id);
            }
        }
    }
    for id in members {
        rows.push(row(
            RowKind::Member(id.to_owned()),
            results
                .iter()
                .map(|r| {
                    r.shares
                        .members
                        .iter()
                        .find(|m| m.id == id)
                        .map(|m| m.amount)
                })
                .collect(),
        ));
    }
    if results.iter().any(|r| r.reference.is_some()) {
        rows.push(row(
            RowKind::LicenseePayable,
            results.iter().map(|r| payable_in(r, year)).collect(),
        ));
        rows.push(row(
            RowKind::MaxShareOfProfit,
            results.iter().map(|r| r.max_share_of_profit).collect(),
        ));
    }
    rows
}

/// Indices of the sweep points where the reference line is crossed: the point's
/// `above_reference` differs from the point before it.
#[must_use]
pub fn reference_crossings(points: &[SweepPoint]) -> Vec<usize> {
    (1..points.len())
        .filter(|&i| points[i].above_reference != points[i - 1].above_reference)
        .collect()
}

/// Where each value sits between the axis ends, 0.0 (bottom) to 1.0 (top), for charts. The
/// axis runs from the smaller of 0 and the lowest value to the largest value (or 1 above the
/// bottom when all are equal), so bars start at zero. Missing values sit at 0. Returns the
/// axis ends too, for its labels.
#[must_use]
pub fn chart_positions(values: &[Option<Decimal>]) -> (Decimal, Decimal, Vec<f64>) {
    let present = values.iter().flatten();
    let lo = present
        .clone()
        .copied()
        .min()
        .unwrap_or_default()
        .min(Decimal::ZERO);
    let mut hi = present
        .copied()
        .max()
        .unwrap_or_default()
        .max(Decimal::ZERO);
    if hi <= lo {
        hi = lo + Decimal::ONE;
    }
    let span = hi - lo;
    let pos = values
        .iter()
        .map(|v| {
            v.map_or(0.0, |v| {
                ((v - lo) / span).to_f64().unwrap_or(0.0).clamp(0.0, 1.0)
            })
        })
        .collect();
    (lo, hi, pos)
}
