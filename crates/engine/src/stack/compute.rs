//! A stack's results: each licence's payable per year, per unit, as a share of price and of
//! unit profit, and the stack's totals. Pool licences are charged by [`compute_fees`] on
//! [`Stack::usage_for`]; the stack only adds the parts up.

use std::collections::BTreeMap;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::Serialize;

use super::overlap::{OverlapPair, overlaps};
use super::reference::{ReferenceResult, evaluate};
use super::{PoolRef, Stack, Terms};
use crate::fees::{FeeReport, compute_fees};
use crate::model::issue::{Issue, Issues};
use crate::model::text::Text;
use crate::pool::Pool;

/// The pools of a stack's pool licences, by licence id, ready for computing. Shared
/// (`Arc`), so a what-if or an edit elsewhere in the stack reuses them without re-indexing.
#[derive(Debug, Clone, Default)]
pub struct PoolSet(pub BTreeMap<String, Arc<Pool>>);

impl PoolSet {
    /// The pool of licence `id`.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Pool> {
        self.0.get(id).map(Arc::as_ref)
    }
}

/// Finds the pool of every pool licence: an embedded dataset as it is, a bundled one through
/// `bundled` (which loads it by id). Checks that each pool charges in the stack's currency
/// and has the product the licence names.
///
/// # Errors
/// Every licence whose pool cannot be had or does not fit, at its JSON path.
pub fn pool_set(
    stack: &Stack,
    mut bundled: impl FnMut(&str) -> Result<Arc<Pool>, String>,
) -> Result<PoolSet, Vec<Issue>> {
    let mut issues = Issues::default();
    let mut set = PoolSet::default();
    for (i, l) in stack.licences.iter().enumerate() {
        let Terms::Pool {
            dataset, product, ..
        } = &l.terms
        else {
            continue;
        };
        let at = format!("licences[{i}].dataset");
        let pool = match dataset {
            PoolRef::Embedded(d) => Arc::new(Pool::new(d.as_ref().clone())),
            PoolRef::Bundled(id) => match bundled(id) {
                Ok(p) => p,
                Err(e) => {
                    issues.push(at, e);
                    continue;
                }
            },
        };
        let d = pool.dataset();
        if d.pool.currency != stack.product.currency {
            issues.push(
                &at,
                format!(
                    "pool \"{}\" charges in {}, the stack is in {}: stacked amounts must share one currency",
                    d.pool.id, d.pool.currency, stack.product.currency
                ),
            );
        }
        if !d.products.iter().any(|p| &p.id == product) {
            let ids: Vec<&str> = d.products.iter().map(|p| p.id.as_str()).collect();
            issues.push(
                format!("licences[{i}].product"),
                format!(
                    "pool \"{}\" has no product \"{product}\"; its products are: {}",
                    d.pool.id,
                    ids.join(", ")
                ),
            );
        }
        set.0.insert(l.id.clone(), pool);
    }
    if issues.is_empty() {
        Ok(set)
    } else {
        Err(issues.into_vec())
    }
}

/// An amount against the units it is spread over, the price and the unit profit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Burden {
    /// What is due, rounded money.
    pub payable: Decimal,
    /// Units sold.
    pub units: u64,
    /// payable / units.
    pub per_unit: Option<Decimal>,
    /// per_unit / price.
    pub share_of_price: Option<Decimal>,
    /// per_unit / unit profit (when the profit is known and above 0).
    pub share_of_profit: Option<Decimal>,
}

impl Burden {
    fn new(payable: Decimal, units: u64, price: Decimal, profit: Option<Decimal>) -> Burden {
        let per_unit = payable.checked_div(Decimal::from(units));
        Burden {
            payable,
            units,
            per_unit,
            share_of_price: per_unit.and_then(|p| p.checked_div(price)),
            share_of_profit: per_unit
                .zip(profit.filter(|p| *p > Decimal::ZERO))
                .and_then(|(u, p)| u.checked_div(p)),
        }
    }
}

/// What kind of licence a part is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LicenceKind {
    /// A pool, with its dataset's id.
    Pool {
        /// `pool.id` of the dataset.
        pool: String,
    },
    /// A bilateral licence.
    Bilateral,
    /// A known amount.
    Known,
}

/// One licence's part of the stack.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LicencePart {
    /// Licence id.
    pub id: String,
    /// Display name: the licence's, else the pool's, else the id.
    pub name: Text,
    /// Pool, bilateral or known.
    pub kind: LicenceKind,
    /// Per year of sales, in the order of [`StackReport::years`].
    pub years: Vec<Burden>,
    /// Over every year.
    pub total: Burden,
    /// The pool's own fee report for the licence's years (pool licences only).
    pub fees: Option<FeeReport>,
}

/// The whole stack in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StackYear {
    /// The year.
    pub year: i32,
    /// Σ of the licences' parts.
    pub total: Burden,
    /// Unit profit − the stack's royalty per unit.
    pub remaining_margin: Option<Decimal>,
}

/// A stack's results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StackReport {
    /// Currency of every amount.
    pub currency: String,
    /// Its decimals.
    pub decimals: u32,
    /// Net price per unit.
    pub price: Decimal,
    /// Profit per unit before royalties, when known.
    pub unit_profit: Option<Decimal>,
    /// Per licence, in stack order.
    pub licences: Vec<LicencePart>,
    /// Per year of sales, ascending.
    pub years: Vec<StackYear>,
    /// Over every year.
    pub total: Burden,
    /// Unit profit − the stack's royalty per unit over every year.
    pub remaining_margin: Option<Decimal>,
    /// Patents found in more than one stacked pool, per pair of pool licences.
    pub overlap: Vec<OverlapPair>,
    /// The burden against each reference line.
    pub references: Vec<ReferenceResult>,
}

fn too_large(at: String) -> Issue {
    Issue::new(at, "the amounts are too large to add up")
}

fn sum(amounts: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    amounts
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, a| acc.checked_add(a))
}

/// Computes a stack with the pools of `pools` ([`pool_set`]).
///
/// # Errors
/// Each licence that cannot be charged (a pool's terms have no schedule or no line for a year
/// or country of sale, a pool missing from `pools`), at `licences[i]`.
pub fn compute_stack(stack: &Stack, pools: &PoolSet) -> Result<StackReport, Vec<Issue>> {
    let p = &stack.product;
    let profit = p.unit_profit();
    let units = stack.units_per_year();
    let mut issues = Vec::new();
    let mut licences = Vec::with_capacity(stack.licences.len());
    for (i, l) in stack.licences.iter().enumerate() {
        match licence_years(stack, i, pools, &units) {
            Ok((payable, kind, name, fees)) => {
                let years: Vec<Burden> = payable
                    .iter()
                    .zip(&units)
                    .map(|(a, (_, u))| Burden::new(*a, *u, p.price, profit))
                    .collect();
                let Some(total) = sum(payable) else {
                    issues.push(too_large(format!("licences[{i}]")));
                    continue;
                };
                let all_units = units.iter().map(|(_, u)| *u).sum();
                licences.push(LicencePart {
                    id: l.id.clone(),
                    name: l.name.clone().unwrap_or(name),
                    kind,
                    years,
                    total: Burden::new(total, all_units, p.price, profit),
                    fees,
                });
            }
            Err(issue) => issues.push(issue),
        }
    }
    if !issues.is_empty() {
        return Err(issues);
    }
    let mut years = Vec::with_capacity(units.len());
    for (y, (year, u)) in units.iter().enumerate() {
        let payable = sum(licences.iter().map(|l| l.years[y].payable))
            .ok_or_else(|| vec![too_large(format!("sales ({year})"))])?;
        let total = Burden::new(payable, *u, p.price, profit);
        years.push(StackYear {
            year: *year,
            remaining_margin: margin(profit, &total),
            total,
        });
    }
    let grand = sum(licences.iter().map(|l| l.total.payable))
        .ok_or_else(|| vec![too_large("licences".to_owned())])?;
    let total = Burden::new(grand, units.iter().map(|(_, u)| *u).sum(), p.price, profit);
    Ok(StackReport {
        currency: p.currency.clone(),
        decimals: p.currency_decimals,
        price: p.price,
        unit_profit: profit,
        references: evaluate(&stack.references, &years, &total, p.price, profit),
        remaining_margin: margin(profit, &total),
        overlap: overlaps(stack, pools),
        licences,
        years,
        total,
    })
}

fn margin(profit: Option<Decimal>, b: &Burden) -> Option<Decimal> {
    profit?.checked_sub(b.per_unit?)
}

type LicenceYears = (Vec<Decimal>, LicenceKind, Text, Option<FeeReport>);

/// Licence `i`'s payable in each year of `units`.
fn licence_years(
    stack: &Stack,
    i: usize,
    pools: &PoolSet,
    units: &[(i32, u64)],
) -> Result<LicenceYears, Issue> {
    let l = &stack.licences[i];
    let at = format!("licences[{i}]");
    let id_name = Text::Plain(l.id.clone());
    let decimals = stack.product.currency_decimals;
    match &l.terms {
        Terms::Pool { .. } => {
            let pool = pools
                .get(&l.id)
                .ok_or_else(|| Issue::new(&at, "the pool of this licence is not loaded"))?;
            let usage = stack
                .usage_for(i)
                .ok_or_else(|| Issue::new(&at, "not a pool licence"))?;
            let report = compute_fees(pool, &usage)
                .map_err(|e| Issue::new(&at, format!("year {}: {}", e.year, e.kind)))?;
            let by_year: BTreeMap<i32, Decimal> =
                report.years.iter().map(|y| (y.year, y.payable)).collect();
            let payable = units
                .iter()
                .map(|(y, _)| by_year.get(y).copied().unwrap_or_default())
                .collect();
            let d = &pool.dataset().pool;
            Ok((
                payable,
                LicenceKind::Pool { pool: d.id.clone() },
                d.name.clone(),
                Some(report),
            ))
        }
        Terms::Bilateral(b) => {
            let payable = units
                .iter()
                .map(|(y, u)| {
                    if l.in_force(*y) {
                        b.payable(*u, stack.product.price, decimals)
                    } else {
                        Some(Decimal::ZERO)
                    }
                })
                .collect::<Option<Vec<Decimal>>>()
                .ok_or_else(|| too_large(at.clone()))?;
            Ok((payable, LicenceKind::Bilateral, id_name, None))
        }
        Terms::Known { per_year } => {
            let payable = units
                .iter()
                .map(|(y, _)| {
                    if l.in_force(*y) {
                        crate::model::money::round(*per_year, decimals)
                    } else {
                        Decimal::ZERO
                    }
                })
                .collect();
            Ok((payable, LicenceKind::Known, id_name, None))
        }
    }
}
