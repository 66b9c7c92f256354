//! Whether the totals a dataset's market estimate can form fit exact decimal arithmetic.
//!
//! A Decimal holds 28 digits, and rust_decimal panics past them. A sale holds at most 10^12
//! units at rates of at most 10^12, but tens of thousands of such sales in one year would still
//! add up past 28 digits in a licensee's fees or in the pool's income. The fee loop checks
//! what it adds ([`crate::fees::FeeErrorKind::TooLarge`]); pool income sums over licensees, and
//! projections and members' totals over years, with no one to tell, so a dataset whose
//! licensee sales could pass the bound below is invalid instead.

use rust_decimal::Decimal;

use crate::model::dataset::{Dataset, Rate, RateSchedule};
use crate::model::issue::Issues;
use crate::model::money::minor_units;
use crate::model::service::Measures;
use crate::pool::schedule_admitting;

/// The most a year's pool income may reach, in minor units: 10^28, below a Decimal's
/// 7.9 × 10^28, so sums of rounded parts cannot pass it either.
const MAX_MINOR_UNITS: Decimal =
    Decimal::from_parts(0x1000_0000, 0x3E25_0261, 0x204F_CE5E, false, 0);

/// The most one unit can cost under `schedule`: its highest per-unit rate, tier rate or
/// percent-of-price floor or ceiling. A percent-of-price sale costs at most its price a unit
/// (the percentage is at most 1), or the floor when that is higher.
fn top_rate(schedule: &RateSchedule) -> Decimal {
    let rates = schedule.lines.iter().flat_map(|l| match &l.rate {
        Rate::PerUnit { per_unit } => vec![*per_unit],
        Rate::Tiers { tiers, .. } => tiers.iter().map(|t| t.per_unit).collect(),
        Rate::PercentOfPrice {
            min_per_unit,
            max_per_unit,
            ..
        } => min_per_unit.iter().chain(max_per_unit).copied().collect(),
        // Charged by the line, not the unit: bounded per sale in `check_totals`.
        Rate::ServiceTiers { .. } => Vec::new(),
    });
    rates.max().unwrap_or(Decimal::ZERO)
}

/// The most a service line of `schedule` costs a year: its highest tier amount.
fn top_service_amount(schedule: &RateSchedule) -> Decimal {
    let amounts = schedule.lines.iter().flat_map(|l| match &l.rate {
        Rate::ServiceTiers { service_tiers, .. } => {
            service_tiers.iter().map(|t| t.amount).collect()
        }
        _ => Vec::new(),
    });
    amounts.max().unwrap_or(Decimal::ZERO)
}

/// Reports the licensee-year at which the dataset's licensee sales, every unit at the highest
/// rate it could pay, pass [`MAX_MINOR_UNITS`] in all, over every year: each fee, each year's
/// pool income and any sum of them over years (a projection, a member's total) stay below
/// that bound, so none of their sums can overflow. Runs on a dataset without other problems
/// (its schedules do not overlap, so there are at most a few hundred).
pub(crate) fn check_totals(d: &Dataset, issues: &mut Issues) {
    let tops: Vec<Decimal> = d.rate_schedules.iter().map(top_rate).collect();
    let top_services: Vec<Decimal> = d.rate_schedules.iter().map(top_service_amount).collect();
    let limit = MAX_MINOR_UNITS / minor_units(d.pool.currency_decimals);
    // Service measures are summed per licensee-year in the fee loop: their sums, every
    // user and subscriber at the heaviest region weight, must fit a Decimal too.
    let heaviest = d
        .regions
        .iter()
        .map(crate::model::dataset::Region::user_weight)
        .fold(Decimal::ONE, Decimal::max);
    let mut sum = Decimal::ZERO;
    for (li, l) in d.licensees.iter().enumerate() {
        for (yi, y) in l.usage.years.iter().enumerate() {
            let Some((s, _)) = schedule_admitting(d, y.year, l.usage.signed) else {
                continue;
            };
            let mut measures = Some(Measures::default());
            for sale in &y.sales {
                if let Some(service) = &sale.service() {
                    measures = measures
                        .zip(service.weighted(heaviest))
                        .and_then(|(m, s)| m.checked_add(&s));
                }
                // A service sale can at most bring its line to the top tier.
                let most = if sale.service().is_some() {
                    Some(top_services[s])
                } else {
                    let rate = tops[s].max(sale.price.unwrap_or(Decimal::ZERO));
                    Decimal::from(sale.units).checked_mul(rate)
                };
                sum = most
                    .and_then(|m| sum.checked_add(m))
                    .unwrap_or(Decimal::MAX);
            }
            if sum > limit || measures.is_none() {
                issues.push(
                    format!("licensees[{li}].years[{yi}]"),
                    format!(
                        "this total is too large to compute exactly: the licensees' sales up to here could owe more than {limit} {} in all",
                        d.pool.currency
                    ),
                );
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_is_ten_to_the_28() {
        assert_eq!(
            MAX_MINOR_UNITS,
            Decimal::from_i128_with_scale(10i128.pow(28), 0)
        );
    }
}
