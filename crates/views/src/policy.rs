//! The policy view: scenarios side by side, a sensitivity sweep of one parameter, and the
//! non-discrimination check (the same sales under each region, signing date and product).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::balance::indicators;
use poolcalc_engine::fees::pool_income;
use poolcalc_engine::fees::{FeeReport, compute_fees};
use poolcalc_engine::model::dataset::{Dataset, ManagementFee, Usage};
use poolcalc_engine::model::issue::Issue;
use poolcalc_engine::pool::Pool;
use poolcalc_engine::scenario::{Change, Scenario, apply_scenario};
use poolcalc_engine::shares::{Shares, distribute};

/// One scenario's headline numbers for a year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioResult {
    /// Scenario name.
    pub name: String,
    /// The year's split of income.
    pub shares: Shares,
    /// The reference licensee's fees (all its years), when one is given.
    pub reference: Option<Result<FeeReport, String>>,
    /// The highest royalty share of unit profit among the reference licensee's products in
    /// the year, where the dataset gives margins.
    pub max_share_of_profit: Option<Decimal>,
}

/// Applies each scenario to `base` and computes its year: shares, and a reference licensee's
/// fees with its highest royalty share of profit.
///
/// # Errors
/// The problems of the first scenario that cannot be applied, with its position.
pub fn compare_scenarios(
    base: &Dataset,
    scenarios: &[Scenario],
    year: i32,
    reference: Option<&Usage>,
) -> Result<Vec<ScenarioResult>, (usize, Vec<Issue>)> {
    scenarios
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let d = apply_scenario(base, s).map_err(|e| (i, e))?;
            Ok(evaluate(&Pool::new(d), &s.name, year, reference))
        })
        .collect()
}

fn evaluate(pool: &Pool, name: &str, year: i32, reference: Option<&Usage>) -> ScenarioResult {
    let shares = distribute(
        pool,
        year,
        &pool_income(pool, year),
        &pool.dataset().distribution,
    );
    let report = reference.map(|u| compute_fees(pool, u).map_err(|e| e.to_string()));
    let max_share_of_profit = match (reference, &report) {
        (Some(u), Some(Ok(r))) => indicators(pool, u, r, Decimal::ONE)
            .iter()
            .filter(|i| i.year == year)
            .filter_map(|i| i.share_of_profit)
            .max(),
        _ => None,
    };
    ScenarioResult {
        name: name.to_owned(),
        shares,
        reference: report,
        max_share_of_profit,
    }
}

/// The parameter a sweep varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SweepParameter {
    /// Every rate multiplied by (1 + value): value −0.5 is −50 %.
    RateChange,
    /// The management fee percent set to value (min and max kept).
    ManagementFee,
}

/// One point of a sweep.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepPoint {
    /// The parameter's value.
    pub value: Decimal,
    /// What the reference licensee pays in the year (its burden).
    pub licensee_payable: Option<Decimal>,
    /// Pool income in the year.
    pub income: Decimal,
    /// What members receive together (distributable − unallocated).
    pub member_income: Decimal,
    /// The administrator's fee.
    pub management_fee: Decimal,
    /// The reference licensee's highest royalty share of unit profit.
    pub max_share_of_profit: Option<Decimal>,
    /// Whether that share is above the reference line.
    pub above_reference: bool,
}

/// Evenly spaced values from `from` to `to` inclusive (`points` ≥ 2).
#[must_use]
pub fn steps(from: Decimal, to: Decimal, points: usize) -> Vec<Decimal> {
    let n = points.max(2);
    let step = (to - from) / Decimal::from(n - 1);
    (0..n).map(|i| from + step * Decimal::from(i)).collect()
}

/// Varies one parameter over `values` (on top of `base`) and computes each point's year.
///
/// # Errors
/// A point whose dataset becomes invalid (for example a fee percent above 1), with its value.
pub fn sweep(
    base: &Dataset,
    parameter: SweepParameter,
    values: &[Decimal],
    year: i32,
    reference: Option<&Usage>,
    reference_line: Decimal,
) -> Result<Vec<SweepPoint>, (Decimal, Vec<Issue>)> {
    values
        .iter()
        .map(|&value| {
            let change = match parameter {
                SweepParameter::RateChange => Change::ScaleRates {
                    factor: Decimal::ONE + value,
                    schedule: None,
                    product: None,
                    region: None,
                },
                SweepParameter::ManagementFee => Change::SetManagementFee {
                    management_fee: ManagementFee {
                        percent: value,
                        ..base.distribution.management_fee.clone()
                    },
                },
            };
            let s = Scenario {
                name: String::new(),
                changes: vec![change],
            };
            let d = apply_scenario(base, &s).map_err(|e| (value, e))?;
            let r = evaluate(&Pool::new(d), "", year, reference);
            let payable = match &r.reference {
                Some(Ok(f)) => f.years.iter().find(|y| y.year == year).map(|y| y.payable),
                _ => None,
            };
            Ok(SweepPoint {
                value,
                licensee_payable: payable,
                income: r.shares.income,
                member_income: r.shares.distributable - r.shares.unallocated,
                management_fee: r.shares.management_fee,
                max_share_of_profit: r.max_share_of_profit,
                above_reference: r.max_share_of_profit.is_some_and(|s| s > reference_line),
            })
        })
        .collect()
}

/// Why a variant's payable differs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Variant {
    /// All the sales made in one region (at a country of that region).
    Region {
        /// Region id.
        region: String,
        /// The country standing for it.
        country: String,
    },
    /// Signed before a discount's date (or with no discount).
    Signing {
        /// Discount id, or none.
        discount: Option<String>,
    },
    /// All the units sold as one product.
    Product {
        /// Product id.
        product: String,
    },
}

/// The same sales under one variant of the terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VariantResult {
    /// What was varied.
    pub variant: Variant,
    /// Payable in the year, or why it cannot be computed (no line for that product there).
    pub payable: Result<Decimal, String>,
    /// payable − the actual payable.
    pub difference: Option<Decimal>,
}

/// The non-discrimination check for one licensee and year: its actual payable, and the same
/// sales moved to each region, signed before each discount (and never), and sold as each
/// product.
#[must_use]
pub fn non_discrimination(
    pool: &Pool,
    usage: &Usage,
    year: i32,
) -> (Option<Decimal>, Vec<VariantResult>) {
    let d = pool.dataset();
    let sales: Vec<poolcalc_engine::model::dataset::Sale> = usage
        .years
        .iter()
        .filter(|y| y.year == year)
        .flat_map(|y| y.sales.clone())
        .collect();
    let payable = |signed, sales: &[poolcalc_engine::model::dataset::Sale]| {
        poolcalc_engine::fees::fees_for_year(pool, signed, year, sales)
            .map(|f| f.payable)
            .map_err(|(_, e)| e.to_string())
    };
    let actual = payable(usage.signed, &sales).ok();
    let mut out = Vec::new();
    let mut push = |variant, p: Result<Decimal, String>| {
        let difference = p.as_ref().ok().zip(actual).map(|(p, a)| *p - a);
        out.push(VariantResult {
            variant,
            payable: p,
            difference,
        });
    };
    for r in &d.regions {
        // A country standing for the region: its first listed one, or for the default region a
        // code no region lists ("ZZ" is reserved for private use, so it is never listed).
        let country = r
            .countries
            .first()
            .cloned()
            .unwrap_or_else(|| "ZZ".to_owned());
        let moved: Vec<_> = sales
            .iter()
            .map(|s| poolcalc_engine::model::dataset::Sale {
                country: country.clone(),
                ..s.clone()
            })
            .collect();
        push(
            Variant::Region {
                region: r.id.clone(),
                country,
            },
            payable(usage.signed, &moved),
        );
    }
    if let Some((_, schedule)) = pool.schedule_for(year) {
        for disc in &schedule.discounts {
            push(
                Variant::Signing {
                    discount: Some(disc.id.clone()),
                },
                payable(Some(disc.signed_before.plus_days(-1)), &sales),
            );
        }
        push(Variant::Signing { discount: None }, payable(None, &sales));
    }
    for p in &d.products {
        let as_product: Vec<_> = sales
            .iter()
            .map(|s| poolcalc_engine::model::dataset::Sale {
                product: p.id.clone(),
                ..s.clone()
            })
            .collect();
        push(
            Variant::Product {
                product: p.id.clone(),
            },
            payable(usage.signed, &as_product),
        );
    }
    (actual, out)
}
