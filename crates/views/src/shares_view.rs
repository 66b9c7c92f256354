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

use crate::format::{parse_amount, parse_optional_percent};

mod chart;
mod totals;

pub use chart::{Chart, chart, top_members};
pub use totals::{RangeMember, RangeTotals, ShareCheck, check, compare_totals, range_totals};

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
            management_fee: ManagementFee { percent, min, max },
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
