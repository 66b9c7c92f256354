//! A year's pool income (spec section 5, step 1): what the dataset's licensee estimates pay,
//! by country of sale, computed with the fee loop's own buffers.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::fees::{ByNumber, FeeScratch, year_calc};
use crate::pool::Pool;

/// A year's pool income, in total and by country of sale.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Income {
    /// Σ of the country amounts.
    pub total: Decimal,
    /// Income per country, sorted by code.
    pub by_country: Vec<(String, Decimal)>,
}

impl Income {
    /// Income entered as a total with its split by country (for "what if income were X").
    #[must_use]
    pub fn from_countries(mut by_country: Vec<(String, Decimal)>) -> Income {
        by_country.sort_by(|a, b| a.0.cmp(&b.0));
        Income {
            total: by_country.iter().map(|(_, a)| *a).sum(),
            by_country,
        }
    }
}

/// Income of `year` from the dataset's licensee estimates: Σ of their payable, and Σ of their
/// country amounts. A licensee whose fees cannot be computed (which validation rules out)
/// contributes nothing.
#[must_use]
pub fn pool_income(pool: &Pool, year: i32) -> Income {
    // The licensees' sales are resolved to numbers once per pool, so a year of tens of
    // thousands of sales hashes no string; the fee buffers are reused across licensees.
    let numbers = pool.sale_keys();
    let counts = pool.index().year(year);
    let mut by_country: Vec<Option<Decimal>> = vec![None; numbers.countries.len()];
    let mut scratch = FeeScratch::default();
    // Each licensee under its own schedule (version 2 section 4); without signing-date
    // schedules that is the year's one schedule, found once.
    let signing = pool
        .dataset()
        .rate_schedules
        .iter()
        .any(|s| s.applies_to.is_some());
    let for_all = pool.schedule_for(year);
    for (li, l) in pool.dataset().licensees.iter().enumerate() {
        for (yi, y) in l.usage.years.iter().enumerate() {
            if y.year != year {
                continue;
            }
            let found = if signing {
                pool.schedule_admitting(year, l.usage.signed)
            } else {
                for_all
            };
            let Some((s_pos, schedule)) = found else {
                continue;
            };
            let Some(keys) = numbers.sales_of(li, yi) else {
                continue;
            };
            let by = ByNumber {
                pool,
                s_pos,
                schedule,
                keys,
                made_in: numbers.made_in_of(li, yi),
                counts,
            };
            let calc = year_calc(
                pool,
                s_pos,
                l.usage.signed,
                year,
                &y.sales,
                &by,
                &mut scratch,
                false,
            );
            if let Ok(calc) = calc {
                for (&(country, _), amount) in scratch.weights.iter().zip(calc.country_amounts) {
                    if let Some(sum) = by_country.get_mut(country as usize) {
                        *sum.get_or_insert(Decimal::ZERO) += amount;
                    }
                }
            }
        }
    }
    let by_country = by_country
        .into_iter()
        .zip(&numbers.countries)
        .filter_map(|(amount, c)| amount.map(|a| (c.clone(), a)))
        .collect();
    Income::from_countries(by_country)
}
