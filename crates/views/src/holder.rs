//! The patent holder's view: a member's share against its patents, income over the years,
//! what joining or leaving changes, and the arithmetic of one member's share.

use rust_decimal::Decimal;
use serde::Serialize;

use poolcalc_engine::fees::{Income, pool_income};
use poolcalc_engine::model::dataset::{Distribution, Method, Uncovered};
use poolcalc_engine::pool::Pool;
use poolcalc_engine::pool::index::PoolIndex;
use poolcalc_engine::shares::{ShareChange, Shares, compare_shares, distribute};

/// A member's year in numbers people compare.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberYear {
    /// Member id.
    pub id: String,
    /// Money received.
    pub amount: Decimal,
    /// Patents that count on at least one day of the year.
    pub patents: u32,
    /// amount / patents.
    pub per_patent: Option<Decimal>,
    /// The member's fraction of the pool's patents that count this year.
    pub share_of_patents: Option<Decimal>,
    /// The member's fraction of the money shared out.
    pub share_of_income: Option<Decimal>,
}

fn ratio(a: Decimal, b: Decimal) -> Option<Decimal> {
    (!b.is_zero()).then(|| a / b)
}

/// Per member: amount, patents in force, income per patent, share of patents and of income.
#[must_use]
pub fn member_years(pool: &Pool, shares: &Shares) -> Vec<MemberYear> {
    let totals = YearTotals::of(pool.index(), shares);
    (0..shares.members.len())
        .filter_map(|i| totals.member(i))
        .collect()
}

/// The row of member `i` alone (an evaluator follows one member over many years; each row
/// costs three divisions).
#[must_use]
pub fn member_year_in(index: &PoolIndex, shares: &Shares, i: usize) -> Option<MemberYear> {
    YearTotals::of(index, shares).member(i)
}

/// What every member's row of a year is compared with.
struct YearTotals<'a> {
    shares: &'a Shares,
    patents: &'a [u32],
    all_patents: u32,
    shared: Decimal,
}

impl<'a> YearTotals<'a> {
    fn of(index: &'a PoolIndex, shares: &'a Shares) -> Self {
        let patents = index
            .year(shares.year)
            .map_or(&[][..], |c| &c.member_patents[..]);
        let n = shares.members.len().min(patents.len());
        YearTotals {
            shares,
            patents,
            all_patents: patents[..n].iter().sum(),
            shared: shares.members.iter().map(|m| m.amount).sum(),
        }
    }

    fn member(&self, i: usize) -> Option<MemberYear> {
        let m = self.shares.members.get(i)?;
        let patents = self.patents.get(i).copied().unwrap_or(0);
        Some(MemberYear {
            id: m.id.clone(),
            amount: m.amount,
            patents,
            per_patent: ratio(m.amount, Decimal::from(patents)),
            share_of_patents: ratio(Decimal::from(patents), Decimal::from(self.all_patents)),
            share_of_income: ratio(m.amount, self.shared),
        })
    }
}

/// Members whose income falls by more than half from one year to the next: `(member, year)`.
#[must_use]
pub fn halvings(projection: &[Shares]) -> Vec<(String, i32)> {
    let mut out = Vec::new();
    for pair in projection.windows(2) {
        for m in &pair[0].members {
            let before = m.amount;
            let after = pair[1]
                .members
                .iter()
                .find(|x| x.id == m.id)
                .map_or(Decimal::ZERO, |x| x.amount);
            if before > Decimal::ZERO && after * Decimal::TWO < before {
                out.push((m.id.clone(), pair[1].year));
            }
        }
    }
    out
}

/// One year of a before/after comparison (a member joining or leaving, a scenario).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeYear {
    /// The year.
    pub year: i32,
    /// The split as things are.
    pub before: Shares,
    /// The split after the change.
    pub after: Shares,
    /// Member by member.
    pub changes: Vec<ShareChange>,
}

/// Compares two pools (the dataset, and the dataset after a change) year by year, each with its
/// own licensees' income and its own distribution rule.
#[must_use]
pub fn compare_years(
    before: &Pool,
    after: &Pool,
    years: std::ops::RangeInclusive<i32>,
    rule_before: &Distribution,
    rule_after: &Distribution,
) -> Vec<ChangeYear> {
    years
        .map(|year| {
            let b = distribute(before, year, &pool_income(before, year), rule_before);
            let a = distribute(after, year, &pool_income(after, year), rule_after);
            ChangeYear {
                year,
                changes: compare_shares(&b, &a),
                before: b,
                after: a,
            }
        })
        .collect()
}

/// A country's contribution to one member's weight under `country_of_sale`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryContribution {
    /// Country code.
    pub country: String,
    /// The country's part of the distributable income.
    pub part: Decimal,
    /// The member's patent-days there (or in the whole pool, for an uncovered country spread pro rata).
    pub member_days: u64,
    /// All patent-days there (or in the whole pool).
    pub total_days: u64,
    /// No pool patent counts there this year.
    pub uncovered: bool,
    /// part × member_days / total_days (0 when retained).
    pub contribution: Decimal,
}

/// The arithmetic of one member's share in a year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShareExplain {
    /// Member id.
    pub id: String,
    /// The method.
    pub method: Method,
    /// The member's exact weight.
    pub weight: Decimal,
    /// Σ weights of all members.
    pub total_weight: Decimal,
    /// What was shared out: distributable − unallocated.
    pub shared: Decimal,
    /// shared × weight / total_weight, before apportioning.
    pub exact: Decimal,
    /// The apportioned amount.
    pub amount: Decimal,
    /// Country by country, under `country_of_sale`.
    pub countries: Vec<CountryContribution>,
}

/// Explains member `id`'s share of `year`.
#[must_use]
pub fn explain_share(
    pool: &Pool,
    year: i32,
    income: &Income,
    rule: &Distribution,
    id: &str,
) -> Option<ShareExplain> {
    let shares = distribute(pool, year, income, rule);
    let m = pool.dataset().members.iter().position(|m| m.id == id)?;
    let share = shares.members.get(m)?;
    let total_weight: Decimal = shares.members.iter().map(|x| x.weight).sum();
    let shared = shares.distributable - shares.unallocated;
    let counts = pool.index().year(year);
    let member_days_total = counts.map_or(0, |c| c.member_days[m]);
    let pool_days_total: u64 = counts.map_or(0, |c| c.member_days.iter().sum());
    let countries = if rule.method == Method::CountryOfSale {
        shares
            .country_parts
            .iter()
            .map(|cp| {
                let (member_days, total_days) = if cp.uncovered {
                    (member_days_total, pool_days_total)
                } else {
                    let c = pool.index().country_position(&cp.country);
                    let days = counts
                        .zip(c)
                        .and_then(|(y, c)| {
                            y.country_member_days
                                .iter()
                                .find(|e| e.0 as usize == c && e.1 as usize == m)
                                .map(|e| e.2)
                        })
                        .unwrap_or(0);
                    (days, pool.index().country_days(year, &cp.country))
                };
                let kept = cp.uncovered && rule.uncovered == Uncovered::Retained;
                CountryContribution {
                    country: cp.country.clone(),
                    part: cp.amount,
                    member_days,
                    total_days,
                    uncovered: cp.uncovered,
                    contribution: if kept {
                        Decimal::ZERO
                    } else {
                        ratio(
                            cp.amount * Decimal::from(member_days),
                            Decimal::from(total_days),
                        )
                        .unwrap_or_default()
                    },
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    Some(ShareExplain {
        id: id.to_owned(),
        method: rule.method,
        weight: share.weight,
        total_weight,
        shared,
        exact: ratio(shared * share.weight, total_weight).unwrap_or_default(),
        amount: share.amount,
        countries,
    })
}
