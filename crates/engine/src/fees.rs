//! What one licensee pays in a year (spec section 4 and the version 2 rules): the schedule
//! that admits it, line resolution, coverage where sold or made, upstream-paid units, tiers,
//! percent of price, service tiers, discount, group caps, enterprise cap, rounding, and
//! apportioning to lines and countries. The loop is in `calc`; this module builds reports.

mod calc;
mod check;
pub mod csv;
mod error;
mod exempt;
pub mod history;
mod income;
mod keys;
#[cfg(test)]
mod reference;
mod report;
mod service;
mod split;
pub mod tiers;
mod totals;

#[cfg(test)]
pub(crate) use calc::percent_amount;
pub(crate) use calc::{FeeScratch, year_calc};
pub use check::check_usage_against;
pub(crate) use check::{check_dataset, check_usage_with};
pub use error::{FeeError, FeeErrorKind};
pub use income::{Income, pool_income};
pub(crate) use keys::ByNumber;
pub use report::{
    AppliedDiscount, CountryFee, ExemptReason, ExemptSale, FeeReport, FeeYear, LineFee,
    ServiceLineFee,
};

use rust_decimal::Decimal;

use crate::fees::calc::Fault;
use crate::fees::keys::ByName;
use crate::fees::split::{with_scale, zeros};
use crate::model::dataset::{Sale, Usage};
use crate::model::date::Date;
use crate::model::money::apportion;
use crate::pool::Pool;

/// The default interest-balance reference line: royalty at 25 % of unit profit (a heuristic,
/// never a verdict), shared by the Fees page and the royalty stack.
pub const DEFAULT_REFERENCE: Decimal = Decimal::from_parts(25, 0, 0, false, 2);

/// Fees of a whole usage profile, years ascending.
///
/// # Errors
/// The first year or sale that cannot be charged (no schedule, no line, no price).
pub fn compute_fees(pool: &Pool, usage: &Usage) -> Result<FeeReport, FeeError> {
    let mut order: Vec<usize> = (0..usage.years.len()).collect();
    order.sort_by_key(|&i| usage.years[i].year);
    let mut years = Vec::with_capacity(order.len());
    for &i in &order {
        let y = &usage.years[i];
        let fy = fees_for_year(pool, usage.signed, y.year, &y.sales).map_err(|(sale, kind)| {
            FeeError {
                year_index: i,
                year: y.year,
                sale,
                kind,
            }
        })?;
        years.push(fy);
    }
    let mut total = Decimal::ZERO;
    for (y, &i) in years.iter().zip(&order) {
        total = total.checked_add(y.payable).ok_or_else(|| FeeError {
            year_index: i,
            year: y.year,
            sale: None,
            kind: Box::new(FeeErrorKind::TooLarge),
        })?;
    }
    Ok(FeeReport {
        currency: pool.dataset().pool.currency.clone(),
        decimals: pool.decimals(),
        years,
        total,
    })
}

/// Fees of one year's sales. Errors carry the position of the sale at fault.
///
/// # Errors
/// No schedule for the year (or none admitting the licensee), a sale with no line or
/// without a needed price, or a sale whose fields do not fit its product's kind.
pub fn fees_for_year(
    pool: &Pool,
    signed: Option<Date>,
    year: i32,
    sales: &[Sale],
) -> Result<FeeYear, Fault> {
    let (s_pos, _) = pool.schedule_admitting(year, signed).ok_or_else(|| {
        let kind = if pool.schedule_for(year).is_some() {
            FeeErrorKind::NotAdmitted { year, signed }
        } else {
            FeeErrorKind::NoSchedule(year)
        };
        (None, Box::new(kind))
    })?;
    fees_under_schedule(pool, s_pos, signed, year, sales)
}

/// Fees of one year's sales under the schedule at position `s_pos`, whatever years it
/// covers: "what would this year cost under the other schedule".
///
/// # Errors
/// An unknown schedule position, a sale with no line or without a needed price.
pub fn fees_under_schedule(
    pool: &Pool,
    s_pos: usize,
    signed: Option<Date>,
    year: i32,
    sales: &[Sale],
) -> Result<FeeYear, Fault> {
    let schedule = pool
        .dataset()
        .rate_schedules
        .get(s_pos)
        .ok_or_else(|| (None, Box::new(FeeErrorKind::NoSchedule(year))))?;
    let by = ByName {
        pool,
        s_pos,
        schedule,
        year,
    };
    let mut scratch = FeeScratch::default();
    let calc = year_calc(pool, s_pos, signed, year, sales, &by, &mut scratch, true)?;
    let schedule = calc.schedule;
    let decimals = pool.decimals();
    let line_weights: Vec<((&str, &str), Decimal)> = scratch
        .lines
        .iter()
        .map(|l| {
            let line = &schedule.lines[l.line];
            ((line.product.as_str(), line.region.as_str()), l.capped)
        })
        .collect();
    let line_parts = apportion(calc.payable, &line_weights, decimals);
    let n = scratch.lines.len();
    let lines = scratch
        .lines
        .drain(..)
        .zip(line_parts.unwrap_or_else(|| zeros(n, decimals)))
        .map(|(l, amount)| {
            let line = &schedule.lines[l.line];
            LineFee {
                product: line.product.clone(),
                region: line.region.clone(),
                units: l.units,
                bands: l.bands,
                service: l.service.map(|s| ServiceLineFee {
                    measures: s.0,
                    tier: s.1,
                }),
                exact: l.exact,
                discounted: l.discounted,
                capped: l.capped,
                amount: with_scale(amount, decimals),
            }
        })
        .collect();
    let countries = scratch
        .weights
        .iter()
        .zip(&calc.country_amounts)
        .map(|((c, _), amount)| CountryFee {
            country: (*c).to_owned(),
            amount: *amount,
        })
        .collect();
    let exempt = exempt::summed(&mut scratch.exempt);
    let group_caps_applied: Vec<String> = calc
        .group_caps_applied
        .iter()
        .map(|&id| id.to_owned())
        .collect();
    Ok(FeeYear {
        year,
        schedule: schedule.id.clone(),
        gross: calc.gross,
        discount_applied: calc.discount_applied.map(|d| AppliedDiscount {
            id: d.id.clone(),
            percent: d.percent,
        }),
        discount: calc.discount,
        cap_applied: calc.annual_cap_applied || !group_caps_applied.is_empty(),
        group_caps_applied,
        after_group_caps: calc.after_group_caps,
        annual_cap_applied: calc.annual_cap_applied,
        payable: with_scale(calc.payable, decimals),
        lines,
        countries,
        exempt,
    })
}
