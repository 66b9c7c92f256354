//! How a year's pool income is split (spec section 5): the management fee, member weights by
//! each method, uncovered countries, and one apportioning over the exact weights.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::fees::{Income, pool_income};
use crate::model::dataset::{Distribution, ManagementFee, Member, Method, Uncovered};
use crate::model::money::{apportion, mul_div, round};
use crate::pool::Pool;
use crate::pool::index::PoolIndex;

/// One member's share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberShare {
    /// Member id.
    pub id: String,
    /// The exact weight of section 5.
    pub weight: Decimal,
    /// Money received.
    pub amount: Decimal,
}

/// A year's split of income.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shares {
    /// The year.
    pub year: i32,
    /// Currency.
    pub currency: String,
    /// The rule used.
    pub method: Method,
    /// Pool income.
    pub income: Decimal,
    /// Income by country, as given.
    pub income_by_country: Vec<(String, Decimal)>,
    /// The administrator's fee.
    pub management_fee: Decimal,
    /// income − management fee.
    pub distributable: Decimal,
    /// Kept back: retained uncovered income, or everything when no member has weight.
    pub unallocated: Decimal,
    /// For `country_of_sale`: each country's part of the distributable income and whether a
    /// pool patent counts there.
    pub country_parts: Vec<CountryPart>,
    /// Members in dataset order.
    pub members: Vec<MemberShare>,
}

/// A country's part of the distributable income under `country_of_sale`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryPart {
    /// Country code.
    pub country: String,
    /// Its part of `distributable`.
    pub amount: Decimal,
    /// Whether no pool patent counts there this year.
    pub uncovered: bool,
}

/// The management fee of spec 5.2: income × percent, rounded, clamped to [min, max], never
/// above income.
#[must_use]
pub fn management_fee(fee: &ManagementFee, income: Decimal, decimals: u32) -> Decimal {
    let mut f = round(income * fee.percent, decimals);
    if let Some(min) = fee.min {
        f = f.max(round(min, decimals));
    }
    if let Some(max) = fee.max {
        f = f.min(round(max, decimals));
    }
    f.min(income)
}

/// What a split reads of a pool: its members in order, their patent-days, the currency.
/// A pool gives one ([`SplitBasis::of`]); so does a pool with a member joining, without
/// copying the pool (`poolcalc_views::membership_change::AfterPool`).
#[derive(Debug, Clone, Copy)]
pub struct SplitBasis<'a> {
    pub members: &'a [Member],
    pub index: &'a PoolIndex,
    pub currency: &'a str,
    pub decimals: u32,
}

impl<'a> SplitBasis<'a> {
    /// What a split of income reads of `pool`.
    #[must_use]
    pub fn of(pool: &'a Pool) -> Self {
        SplitBasis {
            members: &pool.dataset().members,
            index: pool.index(),
            currency: &pool.dataset().pool.currency,
            decimals: pool.decimals(),
        }
    }
}

/// Splits `income` of `year` among members under `rule`.
#[must_use]
pub fn distribute(pool: &Pool, year: i32, income: &Income, rule: &Distribution) -> Shares {
    distribute_on(&SplitBasis::of(pool), year, income, rule)
}

/// [`distribute`] on what a split reads.
#[must_use]
pub fn distribute_on(
    basis: &SplitBasis<'_>,
    year: i32,
    income: &Income,
    rule: &Distribution,
) -> Shares {
    let decimals = basis.decimals;
    let income_total = round(income.total, decimals);
    let fee = management_fee(&rule.management_fee, income_total, decimals);
    let distributable = income_total - fee;
    let members = basis.members.len();
    let index = basis.index;
    let counts = index.year(year);
    let per_patent: Vec<Decimal> = (0..members)
        .map(|m| Decimal::from(counts.map_or(0, |c| c.member_days[m])))
        .collect();
    let mut unallocated = Decimal::ZERO;
    let mut country_parts = Vec::new();
    let weights: Vec<Decimal> = match rule.method {
        Method::PerPatent => per_patent.clone(),
        Method::PerFamily => (0..members)
            .map(|m| Decimal::from(counts.map_or(0, |c| c.member_family_days[m])))
            .collect(),
        Method::Weighted => (0..members)
            .map(|m| counts.map_or(Decimal::ZERO, |c| c.member_weighted[m]))
            .collect(),
        Method::CountryOfSale => {
            let mut w = vec![Decimal::ZERO; members];
            let keyed: Vec<(&str, Decimal)> = income
                .by_country
                .iter()
                .map(|(c, a)| (c.as_str(), *a))
                .collect();
            let parts = apportion(distributable, &keyed, decimals).unwrap_or_default();
            let total_days: Decimal = per_patent.iter().copied().sum();
            let mut quotients: FxHashMap<u64, Decimal> = FxHashMap::default();
            for ((country, _), part) in keyed.iter().zip(parts) {
                let days_here = index.country_days(year, country);
                let uncovered = days_here == 0;
                country_parts.push(CountryPart {
                    country: (*country).to_owned(),
                    amount: part,
                    uncovered,
                });
                if part.is_zero() {
                    continue;
                }
                if !uncovered {
                    let c = index.country_position(country).unwrap_or(usize::MAX);
                    let cells = counts.map_or(&[][..], |y| &y.country_member_days[..]);
                    let start = cells.partition_point(|e| (e.0 as usize) < c);
                    let total = Decimal::from(days_here);
                    // Members of equal patent-days in a country (whole years of equal patent
                    // counts are common) get the same quotient: it is computed once.
                    quotients.clear();
                    for &(cc, m, days) in &cells[start..] {
                        if cc as usize != c {
                            break;
                        }
                        w[m as usize] += *quotients
                            .entry(days)
                            .or_insert_with(|| mul_div(part, Decimal::from(days), total));
                    }
                } else if rule.uncovered == Uncovered::Retained || total_days.is_zero() {
                    unallocated += part;
                } else {
                    for (wm, pm) in w.iter_mut().zip(&per_patent) {
                        *wm += mul_div(part, *pm, total_days);
                    }
                }
            }
            w
        }
    };
    let keyed: Vec<(&str, Decimal)> = basis
        .members
        .iter()
        .zip(&weights)
        .map(|(m, w)| (m.id.as_str(), *w))
        .collect();
    let to_share = distributable - unallocated;
    let amounts = match apportion(to_share, &keyed, decimals) {
        Some(a) => a,
        None => {
            unallocated = distributable;
            vec![round(Decimal::ZERO, decimals); members]
        }
    };
    let scaled = |mut v: Decimal| {
        v.rescale(decimals);
        v
    };
    Shares {
        year,
        currency: basis.currency.to_owned(),
        method: rule.method,
        income: scaled(income_total),
        income_by_country: income.by_country.clone(),
        management_fee: scaled(fee),
        distributable: scaled(distributable),
        unallocated: scaled(unallocated),
        country_parts,
        members: basis
            .members
            .iter()
            .zip(weights)
            .zip(amounts)
            .map(|((m, weight), amount)| MemberShare {
                id: m.id.clone(),
                weight,
                amount: scaled(amount),
            })
            .collect(),
    }
}

/// Shares for each year of `years`, income from the dataset's licensees.
#[must_use]
pub fn project(
    pool: &Pool,
    years: std::ops::RangeInclusive<i32>,
    rule: &Distribution,
) -> Vec<Shares> {
    years
        .map(|y| distribute(pool, y, &pool_income(pool, y), rule))
        .collect()
}

fn amounts_by_id(s: &Shares) -> HashMap<&str, Decimal> {
    s.members
        .iter()
        .map(|m| (m.id.as_str(), m.amount))
        .collect()
}

/// A member's share before and after a change (a scenario, a member joining or leaving).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShareChange {
    /// Member id.
    pub id: String,
    /// Amount under the first split (0 when not a member there).
    pub before: Decimal,
    /// Amount under the second split (0 when not a member there).
    pub after: Decimal,
    /// after − before.
    pub change: Decimal,
}

/// Member by member, what changes from `before` to `after`: the members of `before` in their
/// order, then those only in `after`.
#[must_use]
pub fn compare_shares(before: &Shares, after: &Shares) -> Vec<ShareChange> {
    // By id through maps: a pool of a few hundred members compared year after year would
    // otherwise cost a quadratic search each time.
    let (was, is) = (amounts_by_id(before), amounts_by_id(after));
    let ids = before.members.iter().chain(
        after
            .members
            .iter()
            .filter(|m| !was.contains_key(m.id.as_str())),
    );
    ids.map(|m| {
        let amount =
            |map: &HashMap<&str, Decimal>| map.get(m.id.as_str()).copied().unwrap_or(Decimal::ZERO);
        let (b, a) = (amount(&was), amount(&is));
        ShareChange {
            id: m.id.clone(),
            before: b,
            after: a,
            change: a - b,
        }
    })
    .collect()
}
