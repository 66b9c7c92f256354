//! The summaries the Fees page shows next to the fee report: units, royalty-free units (and
//! of them those paid upstream), royalty per unit.

use rust_decimal::Decimal;
use serde::Serialize;

use poolcalc_engine::fees::{ExemptReason, FeeReport, FeeYear};
use poolcalc_engine::model::dataset::Usage;

/// Units and royalty per unit of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearSummary {
    /// The year.
    pub year: i32,
    /// Every unit sold (royalty-free ones included).
    pub units: u64,
    /// Units sold royalty-free: no pool patent in force where sold (or made), or paid
    /// upstream.
    pub exempt_units: u64,
    /// Of those, the units a supplier paid for (version 2).
    pub paid_upstream_units: u64,
    /// What is due.
    pub payable: Decimal,
    /// payable / units.
    pub per_unit: Option<Decimal>,
}

/// The same over all the years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalSummary {
    /// Every unit sold.
    pub units: u64,
    /// Units sold royalty-free.
    pub exempt_units: u64,
    /// Of those, the units paid upstream.
    pub paid_upstream_units: u64,
    /// Σ payable.
    pub payable: Decimal,
    /// payable / units.
    pub per_unit: Option<Decimal>,
}

/// The year's exempt units whose reason passes `which`.
fn exempt(fy: &FeeYear, which: impl Fn(ExemptReason) -> bool) -> u64 {
    fy.exempt
        .iter()
        .filter(|e| which(e.reason))
        .fold(0u64, |a, e| a.saturating_add(e.units))
}

fn per(amount: Decimal, units: u64) -> Option<Decimal> {
    (units > 0).then(|| amount / Decimal::from(units))
}

/// Units and effective royalty per unit, per year of the report and in total.
#[must_use]
pub fn summarize(usage: &Usage, report: &FeeReport) -> (Vec<YearSummary>, TotalSummary) {
    let years: Vec<YearSummary> = report
        .years
        .iter()
        .map(|fy| {
            let units = usage
                .years
                .iter()
                .filter(|y| y.year == fy.year)
                .flat_map(|y| &y.sales)
                .fold(0u64, |a, s| a.saturating_add(s.units));
            YearSummary {
                year: fy.year,
                units,
                exempt_units: exempt(fy, |_| true),
                paid_upstream_units: exempt(fy, |r| r == ExemptReason::PaidUpstream),
                payable: fy.payable,
                per_unit: per(fy.payable, units),
            }
        })
        .collect();
    let sum = |f: fn(&YearSummary) -> u64| years.iter().fold(0u64, |a, y| a.saturating_add(f(y)));
    let units = sum(|y| y.units);
    let total = TotalSummary {
        units,
        exempt_units: sum(|y| y.exempt_units),
        paid_upstream_units: sum(|y| y.paid_upstream_units),
        payable: report.total,
        per_unit: per(report.total, units),
    };
    (years, total)
}
