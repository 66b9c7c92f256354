//! The numbers behind the member-shares page: a distribution rule and an income built from
//! what a person typed, the check that shares + fee + unallocated = income, totals over a
//! range of years, projections with a given income, and chart scaling. The page itself only
//! renders these.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use rust_decimal::Decimal;
use serde::Serialize;

use poolcalc_engine::fees::{Income, pool_income};
use poolcalc_engine::model::dataset::{Distribution, ManagementFee, Method, Uncovered};
use poolcalc_engine::model::money::{apportion, round};
use poolcalc_engine::pool::Pool;
use poolcalc_engine::shares::{Shares, distribute};

use crate::format::{grouped, parse_amount, parse_optional_percent};

/// What is wrong with a typed rule; the page says it in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RuleProblem {
    /// The method is not one of the four.
    Method,
    /// The fee percent is not a number from 0 to 100.
    FeePercent,
    /// The minimum fee is not an amount of 0 or more.
    FeeMin,
    /// The maximum fee is not an amount of 0 or more.
    FeeMax,
    /// The maximum is below the minimum.
    MaxBelowMin,
}

/// A distribution rule as typed: method and uncovered handling by their JSON names, the fee
/// as a percent ("10" for 10 %), min and max as amounts ("" for none).
#[derive(Debug, Clone, Copy)]
pub struct RuleText<'a> {
    /// `per_patent`, `per_family`, `weighted` or `country_of_sale`.
    pub method: &'a str,
    /// `pro_rata` or `retained`.
    pub uncovered: &'a str,
    /// Percent of income, 0–100.
    pub fee_percent: &'a str,
    /// Lowest fee, or empty.
    pub fee_min: &'a str,
    /// Highest fee, or empty.
    pub fee_max: &'a str,
}

/// The rule a person typed, or every problem with it.
///
/// # Errors
/// Each field that cannot be read, and a maximum below the minimum.
pub fn rule_from_text(t: &RuleText<'_>) -> Result<Distribution, Vec<RuleProblem>> {
    let mut problems = Vec::new();
    let method = Method::parse(t.method);
    if method.is_none() {
        problems.push(RuleProblem::Method);
    }
    let uncovered = if t.uncovered == "retained" {
        Uncovered::Retained
    } else {
        Uncovered::ProRata
    };
    let percent = parse_optional_percent(t.fee_percent)
        .ok()
        .flatten()
        .filter(|p| (Decimal::ZERO..=Decimal::ONE).contains(p));
    if percent.is_none() {
        problems.push(RuleProblem::FeePercent);
    }
    let optional = |text: &str, problem: RuleProblem, problems: &mut Vec<RuleProblem>| {
        if text.trim().is_empty() {
            None
        } else {
            let v = parse_amount(text).ok();
            if v.is_none() {
                problems.push(problem);
            }
            v
        }
    };
    let min = optional(t.fee_min, RuleProblem::FeeMin, &mut problems);
    let max = optional(t.fee_max, RuleProblem::FeeMax, &mut problems);
    if let (Some(lo), Some(hi)) = (min, max)
        && hi < lo
    {
        problems.push(RuleProblem::MaxBelowMin);
    }
    match (method, percent) {
        (Some(method), Some(percent)) if problems.is_empty() => Ok(Distribution {
            management_fee: ManagementFee {
                percent,
                min,
                max,
            },
            method,
            uncovered,
        }),
        _ => Err(problems),
    }
}

/// What is wrong with a typed income.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum IncomeProblem {
    /// The total is not an amount of 0 or more.
    Total,
    /// A line of the split by country is not `CC amount` (1-based line number).
    CountryLine(usize),
    /// A country appears twice in the split (its code).
    CountryTwice(String),
}

/// Income a person typed. With a split by country (one `CC amount` a line, e.g. `CN 1200`), the
/// income is that split and its sum. Without one, the total is spread over countries in
/// proportion to `reference` (the licensees' income of the year), so the country-of-sale rule
/// still has countries to work with; with no reference the split stays empty.
///
/// # Errors
/// The first problem found.
pub fn income_from_text(
    total: &str,
    split: &str,
    reference: &Income,
    decimals: u32,
) -> Result<Income, IncomeProblem> {
    let lines: Vec<(usize, &str)> = split
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    if !lines.is_empty() {
        let mut by_country: BTreeMap<String, Decimal> = BTreeMap::new();
        for (n, line) in lines {
            let mut parts = line
                .split(|c: char| c.is_whitespace() || c == ':' || c == '=' || c == ';')
                .filter(|p| !p.is_empty());
            let code = parts.next().unwrap_or("");
            let amount = parts.next().and_then(|a| parse_amount(a).ok());
            let code_ok = code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic());
            match (code_ok, amount, parts.next()) {
                (true, Some(a), None) => {
                    let code = code.to_ascii_uppercase();
                    if by_country.insert(code.clone(), a).is_some() {
                        return Err(IncomeProblem::CountryTwice(code));
                    }
                }
                _ => return Err(IncomeProblem::CountryLine(n)),
            }
        }
        return Ok(Income::from_countries(by_country.into_iter().collect()));
    }
    let total = parse_amount(total).map_err(|_| IncomeProblem::Total)?;
    let total = round(total, decimals);
    let keyed: Vec<(&str, Decimal)> = reference
        .by_country
        .iter()
        .map(|(c, a)| (c.as_str(), *a))
        .collect();
    let by_country = match apportion(total, &keyed, decimals) {
        Some(parts) => keyed
            .iter()
            .zip(parts)
            .map(|((c, _), a)| ((*c).to_owned(), a))
            .collect(),
        None => Vec::new(),
    };
    Ok(Income { total, by_country })
}

/// The check line: shares + management fee + unallocated, against income.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShareCheck {
    /// Σ of the members' amounts.
    pub shares: Decimal,
    /// The management fee.
    pub management_fee: Decimal,
    /// Kept back.
    pub unallocated: Decimal,
    /// shares + fee + unallocated.
    pub sum: Decimal,
    /// Pool income.
    pub income: Decimal,
    /// sum = income exactly.
    pub balanced: bool,
}

/// The check line of one year's split.
#[must_use]
pub fn check(s: &Shares) -> ShareCheck {
    let shares: Decimal = s.members.iter().map(|m| m.amount).sum();
    let sum = shares + s.management_fee + s.unallocated;
    ShareCheck {
        shares,
        management_fee: s.management_fee,
        unallocated: s.unallocated,
        sum,
        income: s.income,
        balanced: sum == s.income,
    }
}

/// Several years added up, member by member.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RangeTotals {
    /// First year.
    pub from: i32,
    /// Last year.
    pub to: i32,
    /// Σ income, fee, unallocated and shares, with the check.
    pub check: ShareCheck,
    /// Σ distributable (income − fee).
    pub distributable: Decimal,
    /// Per member (dataset order): id, Σ amount, fraction of Σ shares.
    pub members: Vec<RangeMember>,
}

/// One member over a range of years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RangeMember {
    /// Member id.
    pub id: String,
    /// Σ of its yearly amounts.
    pub amount: Decimal,
    /// Its fraction of everything shared out over the range.
    pub share_of_income: Option<Decimal>,
}

/// Adds up consecutive years of one pool (same members in every year).
#[must_use]
pub fn range_totals(years: &[Shares]) -> Option<RangeTotals> {
    let first = years.first()?;
    let last = years.last()?;
    let mut amounts: Vec<Decimal> = vec![Decimal::ZERO; first.members.len()];
    let (mut income, mut fee, mut unallocated, mut distributable) =
        (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for s in years {
        income += s.income;
        fee += s.management_fee;
        unallocated += s.unallocated;
        distributable += s.distributable;
        for (a, m) in amounts.iter_mut().zip(&s.members) {
            *a += m.amount;
        }
    }
    let shares: Decimal = amounts.iter().copied().sum();
    let sum = shares + fee + unallocated;
    Some(RangeTotals {
        from: first.year,
        to: last.year,
        check: ShareCheck {
            shares,
            management_fee: fee,
            unallocated,
            sum,
            income,
            balanced: sum == income,
        },
        distributable,
        members: first
            .members
            .iter()
            .zip(amounts)
            .map(|(m, amount)| RangeMember {
                id: m.id.clone(),
                amount,
                share_of_income: (!shares.is_zero()).then(|| amount / shares),
            })
            .collect(),
    })
}

/// Whether a pool's income depends on which patents are in force (a schedule charges only
/// where a pool patent counts), so a member joining or leaving can change it.
#[must_use]
pub fn income_follows_patents(pool: &Pool) -> bool {
    pool.dataset()
        .rate_schedules
        .iter()
        .any(|s| s.requires_patent_in_force.is_required())
}

/// The years a page offers: those with licensee sales, else those with patents in force.
#[must_use]
pub fn income_years(pool: &Pool) -> Option<(i32, i32)> {
    let years = pool
        .dataset()
        .licensees
        .iter()
        .flat_map(|l| l.usage.years.iter().map(|y| y.year));
    years
        .fold(None, |acc: Option<(i32, i32)>, y| {
            Some(acc.map_or((y, y), |(a, b)| (a.min(y), b.max(y))))
        })
        .or_else(|| pool.index().year_range())
        .map(|(a, b)| (a.min(b), a.max(b)))
}

/// The licensees' income of every year in `years`, computed once so that changing the rule
/// only re-splits it.
#[must_use]
pub fn licensee_incomes(pool: &Pool, years: RangeInclusive<i32>) -> BTreeMap<i32, Income> {
    years.map(|y| (y, pool_income(pool, y))).collect()
}

/// Where a year's income comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum IncomeSource<'a> {
    /// The dataset's licensees (computed incomes by year; a missing year is computed).
    Licensees(&'a BTreeMap<i32, Income>),
    /// The same typed income in every year.
    Entered(&'a Income),
}

impl IncomeSource<'_> {
    /// The income of `year` for `pool`.
    #[must_use]
    pub fn of(&self, pool: &Pool, year: i32) -> Income {
        match self {
            IncomeSource::Licensees(cache) => cache
                .get(&year)
                .cloned()
                .unwrap_or_else(|| pool_income(pool, year)),
            IncomeSource::Entered(income) => (*income).clone(),
        }
    }
}

/// Shares for each year of `years` under `rule`, income from `source`.
#[must_use]
pub fn project_with(
    pool: &Pool,
    years: RangeInclusive<i32>,
    rule: &Distribution,
    source: &IncomeSource<'_>,
) -> Vec<Shares> {
    years
        .map(|y| distribute(pool, y, &source.of(pool, y), rule))
        .collect()
}

/// A line chart of several members' yearly amounts, scaled for drawing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// The years along the x axis.
    pub years: Vec<i32>,
    /// Axis ticks: position from 0 (bottom) to 1 (top) and the amount printed there.
    pub ticks: Vec<(f64, String)>,
    /// One line per member: id and the height (0–1) of each year's point.
    pub series: Vec<(String, Vec<f64>)>,
}

/// Scales the `ids` members' amounts of `years` for a chart with four gridlines above 0.
/// Heights are for drawing only; every amount printed comes from `format::grouped`.
#[must_use]
pub fn chart(years: &[Shares], ids: &[String], decimals: u32) -> Chart {
    let amount = |s: &Shares, id: &str| {
        s.members
            .iter()
            .find(|m| m.id == id)
            .map_or(Decimal::ZERO, |m| m.amount)
    };
    let max = years
        .iter()
        .flat_map(|s| ids.iter().map(move |id| amount(s, id)))
        .max()
        .unwrap_or_default();
    let top = nice_ceiling(max);
    let height = |a: Decimal| {
        if top.is_zero() {
            0.0
        } else {
            decimal_f64(a / top)
        }
    };
    let ticks = (0..=4u32)
        .map(|i| {
            let v = top * Decimal::from(i) / Decimal::from(4u32);
            (f64::from(i) / 4.0, grouped(v, decimals.min(2)))
        })
        .collect();
    Chart {
        years: years.iter().map(|s| s.year).collect(),
        ticks,
        series: ids
            .iter()
            .map(|id| {
                (
                    id.clone(),
                    years.iter().map(|s| height(amount(s, id))).collect(),
                )
            })
            .collect(),
    }
}

/// The members with the largest totals over `years`, at most `n`, largest first.
#[must_use]
pub fn top_members(years: &[Shares], n: usize) -> Vec<String> {
    let Some(t) = range_totals(years) else {
        return Vec::new();
    };
    let mut members = t.members;
    members.sort_by(|a, b| b.amount.cmp(&a.amount).then_with(|| a.id.cmp(&b.id)));
    members.into_iter().take(n).map(|m| m.id).collect()
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `v`: a round top for an axis.
fn nice_ceiling(v: Decimal) -> Decimal {
    if v <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let mut unit = Decimal::ONE;
    while unit * Decimal::TEN <= v {
        unit *= Decimal::TEN;
    }
    while unit > v {
        unit /= Decimal::TEN;
    }
    [
        Decimal::ONE,
        Decimal::TWO,
        Decimal::new(25, 1),
        Decimal::from(5),
        Decimal::TEN,
    ]
    .into_iter()
    .map(|k| k * unit)
    .find(|c| *c >= v)
    .unwrap_or(v)
}

fn decimal_f64(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(0.0)
}

/// Member by member, the change from one range's totals to another's (e.g. the dataset's own
/// rule against the rule being tried), in `before`'s order.
#[must_use]
pub fn compare_totals(
    before: &RangeTotals,
    after: &RangeTotals,
) -> Vec<poolcalc_engine::shares::ShareChange> {
    before
        .members
        .iter()
        .map(|b| {
            let a = after
                .members
                .iter()
                .find(|m| m.id == b.id)
                .map_or(Decimal::ZERO, |m| m.amount);
            poolcalc_engine::shares::ShareChange {
                id: b.id.clone(),
                before: b.amount,
                after: a,
                change: a - b.amount,
            }
        })
        .collect()
}
