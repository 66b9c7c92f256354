//! Management: the administrator's fee in money and as a share of income, and whether its
//! minimum or maximum sets it; market-based sustainability: pool income by year over the
//! projection and the years in which it falls by more than half.

use rust_decimal::Decimal;

use super::{Basis, Indicator, IndicatorId, Row, Status, Subject, Value, fraction, indicator};
use poolcalc_engine::model::dataset::ManagementFee;
use poolcalc_engine::model::money::round;
use poolcalc_engine::shares::management_fee;

/// What sets the fee on `income` (rounded to `decimals`), and the fee the percentage alone gives.
pub(crate) fn binding(fee: &ManagementFee, income: Decimal, decimals: u32) -> (Status, Decimal) {
    let by_percent = round(income * fee.percent, decimals);
    let min = fee.min.map(|m| round(m, decimals));
    let max = fee.max.map(|m| round(m, decimals));
    let after_min = min.map_or(by_percent, |m| by_percent.max(m));
    let after_max = max.map_or(after_min, |m| after_min.min(m));
    let status = if after_max > income {
        Status::WholeIncome
    } else if after_max < after_min {
        Status::MaxBinds
    } else if after_min > by_percent {
        Status::MinBinds
    } else {
        Status::NeitherBinds
    };
    (status, by_percent)
}

pub(super) fn section(b: &Basis<'_>) -> Vec<Indicator> {
    let rule = &b.pool.dataset().distribution.management_fee;
    let dp = b.pool.decimals();
    let income = round(b.income(b.year).total, dp);
    let fee = management_fee(rule, income, dp);
    let of_income = super::ratio(fee, income).map_or(Value::None, fraction);
    let (status, by_percent) = binding(rule, income, dp);
    let (mut min_years, mut max_years) = (Vec::new(), Vec::new());
    for year in b.projection() {
        match binding(rule, round(b.income(year).total, dp), dp).0 {
            Status::MinBinds => min_years.push(year),
            Status::MaxBinds => max_years.push(year),
            _ => {}
        }
    }
    vec![
        indicator(
            IndicatorId::ManagementFee,
            vec![Row::new(Subject::Pool, b.money(fee)).detail(of_income)],
        ),
        indicator(
            IndicatorId::FeeBinding,
            vec![Row::new(Subject::Pool, b.money(by_percent)).status(status)],
        ),
        indicator(
            IndicatorId::YearsMinBinds,
            vec![Row::new(Subject::Pool, Value::Years(min_years))],
        ),
        indicator(
            IndicatorId::YearsMaxBinds,
            vec![Row::new(Subject::Pool, Value::Years(max_years))],
        ),
    ]
}

pub(super) fn sustainability(b: &Basis<'_>) -> Vec<Indicator> {
    let mut rows = Vec::new();
    let mut halvings = Vec::new();
    let mut before: Option<Decimal> = None;
    for year in b.projection() {
        let income = round(b.income(year).total, b.pool.decimals());
        let mut row = Row::new(Subject::Year { year }, b.money(income));
        if before.is_some_and(|p| p > Decimal::ZERO && income * Decimal::TWO < p) {
            halvings.push(year);
            row = row.status(Status::FallsByMoreThanHalf);
        }
        rows.push(row);
        before = Some(income);
    }
    vec![
        indicator(IndicatorId::PoolIncome, rows),
        indicator(
            IndicatorId::IncomeHalvings,
            vec![Row::new(Subject::Pool, Value::Years(halvings))],
        ),
    ]
}
