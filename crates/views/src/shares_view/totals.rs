//! The check that shares + management fee + unallocated = income, and totals over a range of
//! years with their changes member by member.

use rust_decimal::Decimal;
use serde::Serialize;

use poolcalc_engine::shares::Shares;

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
