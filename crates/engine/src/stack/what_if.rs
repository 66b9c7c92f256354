//! What-if: the stack with some licences dropped, a licence's rates scaled or a pool licence
//! signed on another date, computed like any stack and set against the stack as saved.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::Serialize;

use super::compute::{PoolSet, StackReport, compute_stack};
use super::{Stack, Terms, WhatIf};
use crate::model::issue::Issue;
use crate::pool::Pool;
use crate::scenario::{Change, Scenario, apply_scenario};

/// The stack after the changes, and the difference against the saved one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WhatIfReport {
    /// The changed stack's results.
    pub report: StackReport,
    /// Per licence of the saved stack, totals over every year.
    pub licences: Vec<LicenceDiff>,
    /// Per year, the stack's totals.
    pub years: Vec<YearDiff>,
    /// Over every year.
    pub total: YearDiff,
}

/// A licence's total, saved against changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LicenceDiff {
    /// Licence id.
    pub id: String,
    /// Saved stack.
    pub base: Decimal,
    /// After the changes (0 when dropped).
    pub what_if: Decimal,
    /// what_if − base.
    pub difference: Decimal,
}

/// The stack's payable and royalty per unit, saved against changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearDiff {
    /// The year (0 for the total over every year).
    pub year: i32,
    /// Saved payable.
    pub base: Decimal,
    /// Changed payable.
    pub what_if: Decimal,
    /// what_if − base.
    pub difference: Decimal,
    /// Saved royalty per unit.
    pub base_per_unit: Option<Decimal>,
    /// Changed royalty per unit.
    pub what_if_per_unit: Option<Decimal>,
}

fn diff(year: i32, base: &super::Burden, what_if: &super::Burden) -> YearDiff {
    YearDiff {
        year,
        base: base.payable,
        what_if: what_if.payable,
        difference: what_if.payable - base.payable,
        base_per_unit: base.per_unit,
        what_if_per_unit: what_if.per_unit,
    }
}

/// Applies `changes` (in order) to the stack and compares the result with `base`, the
/// stack's own report.
///
/// # Errors
/// A change naming a licence that is not there (or was dropped), a pool whose terms the
/// rate change breaks (`what_if[i]` paths), or the changed stack's own problems.
pub fn compute_what_if(
    stack: &Stack,
    pools: &PoolSet,
    changes: &[WhatIf],
    base: &StackReport,
) -> Result<WhatIfReport, Vec<Issue>> {
    let mut variant = stack.clone();
    variant.what_if.clear();
    let mut variant_pools = pools.clone();
    let mut issues = Vec::new();
    for (k, change) in changes.iter().enumerate() {
        if let Err(e) = apply(&mut variant, &mut variant_pools, change) {
            issues.push(Issue::new(format!("what_if[{k}]"), e));
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let report = compute_stack(&variant, &variant_pools)?;
    let licences = base
        .licences
        .iter()
        .map(|b| {
            let what_if = report
                .licences
                .iter()
                .find(|l| l.id == b.id)
                .map_or(Decimal::ZERO, |l| l.total.payable);
            LicenceDiff {
                id: b.id.clone(),
                base: b.total.payable,
                what_if,
                difference: what_if - b.total.payable,
            }
        })
        .collect();
    let years = base
        .years
        .iter()
        .zip(&report.years)
        .map(|(b, w)| diff(b.year, &b.total, &w.total))
        .collect();
    Ok(WhatIfReport {
        total: diff(0, &base.total, &report.total),
        licences,
        years,
        report,
    })
}

fn apply(stack: &mut Stack, pools: &mut PoolSet, change: &WhatIf) -> Result<(), String> {
    let id = match change {
        WhatIf::Drop { licence }
        | WhatIf::ScaleRates { licence, .. }
        | WhatIf::SetSigned { licence, .. } => licence,
    };
    let Some(pos) = stack.licences.iter().position(|l| &l.id == id) else {
        return Err(format!(
            "no licence \"{id}\" (left out by an earlier change?)"
        ));
    };
    if let WhatIf::Drop { .. } = change {
        stack.licences.remove(pos);
        pools.0.remove(id);
        return Ok(());
    }
    match (change, &mut stack.licences[pos].terms) {
        (WhatIf::Drop { .. }, _) => {}
        (WhatIf::ScaleRates { factor, .. }, Terms::Pool { product, .. }) => {
            let pool = pools
                .get(id)
                .ok_or("the pool of this licence is not loaded")?;
            let scenario = Scenario {
                name: String::new(),
                changes: vec![Change::ScaleRates {
                    factor: *factor,
                    schedule: None,
                    product: Some(product.clone()),
                    region: None,
                }],
            };
            let scaled = apply_scenario(pool.dataset(), &scenario).map_err(|issues| {
                let first = issues.first().map(ToString::to_string).unwrap_or_default();
                format!("the pool's rates cannot be scaled: {first}")
            })?;
            pools.0.insert(id.clone(), Arc::new(Pool::new(scaled)));
        }
        (WhatIf::ScaleRates { factor, .. }, Terms::Bilateral(b)) => {
            *b = b
                .scaled(*factor)
                .ok_or("the scaled amounts are too large")?;
        }
        (WhatIf::ScaleRates { factor, .. }, Terms::Known { per_year }) => {
            *per_year = per_year
                .checked_mul(*factor)
                .ok_or("the scaled amount is too large")?;
        }
        (WhatIf::SetSigned { signed, .. }, Terms::Pool { signed: s, .. }) => *s = *signed,
        (WhatIf::SetSigned { .. }, _) => {
            return Err(format!(
                "\"{id}\" is not a pool licence: only a pool licence has a signing date"
            ));
        }
    }
    Ok(())
}
