//! The licensee's view of interest balance: royalty per unit against price and unit profit,
//! a reference line (the "25 % of profit" rule of thumb, configurable, never a verdict), and
//! what the same sales would cost under each of the dataset's rate schedules.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use poolcalc_engine::fees::{FeeReport, fees_under_schedule};
use poolcalc_engine::model::dataset::{Sale, Usage};
use poolcalc_engine::pool::Pool;

pub use poolcalc_engine::fees::DEFAULT_REFERENCE;

/// Interest-balance indicators of one product in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicators {
    /// The year.
    pub year: i32,
    /// Product id.
    pub product: String,
    /// Units sold (exempt ones included: the burden is spread over everything sold).
    pub units: u64,
    /// The product's part of `payable` (Σ of its apportioned lines).
    pub royalty: Decimal,
    /// royalty / units.
    pub per_unit: Option<Decimal>,
    /// Average net price of the sales that give one, else the product's typical price.
    pub price: Option<Decimal>,
    /// per_unit / price.
    pub share_of_price: Option<Decimal>,
    /// price × the industry margin, where the dataset gives one.
    pub unit_profit: Option<Decimal>,
    /// per_unit / unit_profit.
    pub share_of_profit: Option<Decimal>,
    /// Whether share_of_profit is above the reference line.
    pub above_reference: bool,
}

fn ratio(a: Decimal, b: Decimal) -> Option<Decimal> {
    (!b.is_zero()).then(|| a / b)
}

/// Indicators per year and product for a usage and its fee report.
#[must_use]
pub fn indicators(
    pool: &Pool,
    usage: &Usage,
    report: &FeeReport,
    reference: Decimal,
) -> Vec<Indicators> {
    let mut out = Vec::new();
    for fy in &report.years {
        let sales: Vec<&Sale> = usage
            .years
            .iter()
            .filter(|y| y.year == fy.year)
            .flat_map(|y| &y.sales)
            .collect();
        let royalty: BTreeMap<String, Decimal> = fy.by_product().into_iter().collect();
        let mut products: Vec<&str> = sales.iter().map(|s| s.product.as_str()).collect();
        products.sort_unstable();
        products.dedup();
        for product in products {
            let of_product = sales.iter().filter(|s| s.product == product);
            let units: u64 = of_product.clone().map(|s| s.units).sum();
            let (priced_units, revenue) = of_product
                .filter_map(|s| s.price.map(|p| (s.units, p * Decimal::from(s.units))))
                .fold((0u64, Decimal::ZERO), |(u, r), (su, sr)| (u + su, r + sr));
            let info = pool.dataset().products.iter().find(|p| p.id == product);
            let price = ratio(revenue, Decimal::from(priced_units))
                .or_else(|| info.and_then(|p| p.typical_price));
            let royalty = royalty.get(product).copied().unwrap_or_default();
            let per_unit = ratio(royalty, Decimal::from(units));
            let unit_profit = price
                .zip(info.and_then(|p| p.industry_margin))
                .map(|(p, m)| p * m);
            let share_of_price = per_unit.zip(price).and_then(|(r, p)| ratio(r, p));
            let share_of_profit = per_unit.zip(unit_profit).and_then(|(r, p)| ratio(r, p));
            out.push(Indicators {
                year: fy.year,
                product: product.to_owned(),
                units,
                royalty,
                per_unit,
                price,
                share_of_price,
                unit_profit,
                share_of_profit,
                above_reference: share_of_profit.is_some_and(|s| s > reference),
            });
        }
    }
    out
}

/// What the usage's total would be under one schedule, for every year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleTotal {
    /// Schedule id.
    pub schedule: String,
    /// Σ payable over the usage's years, or why it cannot be computed.
    pub total: Result<Decimal, String>,
}

/// The usage's total under each of the dataset's schedules (each applied to every year).
#[must_use]
pub fn totals_under_each_schedule(pool: &Pool, usage: &Usage) -> Vec<ScheduleTotal> {
    pool.dataset()
        .rate_schedules
        .iter()
        .enumerate()
        .map(|(s, schedule)| {
            let total = usage
                .years
                .iter()
                .map(|y| {
                    fees_under_schedule(pool, s, usage.signed, y.year, &y.sales)
                        .map(|fy| fy.payable)
                        .map_err(|(_, e)| e.to_string())
                })
                .sum::<Result<Decimal, String>>();
            ScheduleTotal {
                schedule: schedule.id.clone(),
                total,
            }
        })
        .collect()
}

/// One point of the royalty-against-volume curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurvePoint {
    /// Units sold.
    pub units: u64,
    /// What they cost in the year (tiers, discount and caps applied).
    pub payable: Decimal,
    /// payable / units.
    pub per_unit: Option<Decimal>,
}

/// Payable and royalty per unit for one product sold in one country at each volume, alone.
///
/// # Errors
/// The message of a sale that cannot be charged (no schedule, no line, a missing price).
pub fn royalty_curve(
    pool: &Pool,
    usage_signed: Option<poolcalc_engine::model::date::Date>,
    year: i32,
    sale: &Sale,
    volumes: &[u64],
) -> Result<Vec<CurvePoint>, String> {
    volumes
        .iter()
        .map(|&units| {
            let s = Sale {
                units,
                ..sale.clone()
            };
            let fy = poolcalc_engine::fees::fees_for_year(
                pool,
                usage_signed,
                year,
                std::slice::from_ref(&s),
            )
            .map_err(|(_, e)| e.to_string())?;
            Ok(CurvePoint {
                units,
                payable: fy.payable,
                per_unit: ratio(fy.payable, Decimal::from(units)),
            })
        })
        .collect()
}
