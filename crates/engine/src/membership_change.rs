//! The join / exit evaluator: a patent holder joining with its patents, or a member leaving,
//! as a scenario, and what that changes year by year — for the holder itself (income, income
//! per patent, share of patents against share of income, against a bilateral licence) and
//! for every other member.

use std::ops::RangeInclusive;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::dataset::{Distribution, Member, Patent};
use crate::date::Date;
use crate::distribute::{ShareChange, Shares, compare_shares, distribute};
use crate::holder::{MemberYear, member_years};
use crate::pool::Pool;
use crate::scenario::{Change, Scenario};
use crate::shares_view::{IncomeSource, income_follows_patents};
use crate::text::Text;

/// A scenario in which `member` joins on `joined` with `patents` (which must be its own).
#[must_use]
pub fn join_scenario(member: Member, patents: Vec<Patent>) -> Scenario {
    Scenario {
        name: format!("{} joins", member.id),
        changes: vec![Change::AddMember { member, patents }],
    }
}

/// The joining member: `id` made unique against the dataset's members.
#[must_use]
pub fn candidate_member(
    existing: &[Member],
    id: &str,
    name: &str,
    country: &str,
    joined: Date,
) -> Member {
    let base = if id.trim().is_empty() {
        "candidate"
    } else {
        id.trim()
    };
    let mut unique = base.to_owned();
    let mut n = 2;
    while existing.iter().any(|m| m.id == unique) {
        unique = format!("{base}-{n}");
        n += 1;
    }
    Member {
        id: unique,
        name: Text::Plain(if name.trim().is_empty() {
            base.to_owned()
        } else {
            name.trim().to_owned()
        }),
        country: country.trim().to_ascii_uppercase(),
        joined,
        exited: None,
    }
}

/// A scenario in which `member` leaves the pool on `from` (its first day outside).
#[must_use]
pub fn exit_scenario(member: &str, from: Date) -> Scenario {
    Scenario {
        name: format!("{member} leaves"),
        changes: vec![Change::RemoveMember {
            member: member.to_owned(),
            from,
        }],
    }
}

/// One year of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvaluationYear {
    /// The year.
    pub year: i32,
    /// The split as things are.
    pub before: Shares,
    /// The split after the change.
    pub after: Shares,
    /// Member by member (the joining member last).
    pub changes: Vec<ShareChange>,
    /// The joining or leaving member as things are (none when it is not a member yet).
    pub subject_before: Option<MemberYear>,
    /// The joining or leaving member after the change.
    pub subject_after: Option<MemberYear>,
    /// The subject's amount after the change less the bilateral income typed in, if any.
    pub versus_bilateral: Option<Decimal>,
}

/// Compares `before` and `after` (the same pool with a member joining or leaving) over
/// `years`, both split by `rule`. Income comes from `source`; with licensee income, the
/// changed pool's income is computed again only where it can differ (a schedule that charges
/// only where a pool patent is in force), so the result equals `holder::compare_years`.
#[must_use]
pub fn evaluate(
    before: &Pool,
    after: &Pool,
    years: RangeInclusive<i32>,
    rule: &Distribution,
    source: &IncomeSource<'_>,
    subject: &str,
    bilateral: Option<Decimal>,
) -> Vec<EvaluationYear> {
    let recompute = matches!(source, IncomeSource::Licensees(_)) && income_follows_patents(after);
    years
        .map(|year| {
            let income_before = source.of(before, year);
            let income_after = if recompute && coverage_differs(before, after, year) {
                crate::distribute::pool_income(after, year)
            } else {
                income_before.clone()
            };
            let b = distribute(before, year, &income_before, rule);
            let a = distribute(after, year, &income_after, rule);
            let subject_of = |pool: &Pool, s: &Shares| {
                let i = s.members.iter().position(|m| m.id == subject)?;
                subject_year(pool, s, i)
            };
            let subject_before = subject_of(before, &b);
            let subject_after = subject_of(after, &a);
            let versus_bilateral =
                bilateral.map(|x| subject_after.as_ref().map_or(Decimal::ZERO, |s| s.amount) - x);
            EvaluationYear {
                year,
                changes: compare_shares(&b, &a),
                before: b,
                after: a,
                subject_before,
                subject_after,
                versus_bilateral,
            }
        })
        .collect()
}

/// Whether some country has a pool patent counting in `year` in one pool and none in the
/// other: the only way patents change what licensees pay (spec 4.2, royalty only where a
/// pool patent is in force), so otherwise the year's income is the same in both.
fn coverage_differs(before: &Pool, after: &Pool, year: i32) -> bool {
    let covered = |p: &Pool, c: &str| p.index().country_days(year, c) > 0;
    before
        .index()
        .countries()
        .iter()
        .chain(after.index().countries())
        .any(|c| covered(before, c) != covered(after, c))
}

/// One member's row of `member_years` without building every other member's row's ratios
/// twice: the pool-wide totals are needed anyway, so the full list is computed and one kept.
fn subject_year(pool: &Pool, s: &Shares, i: usize) -> Option<MemberYear> {
    member_years(pool, s).into_iter().nth(i)
}

/// Over all the years of an evaluation, member by member: Σ before, Σ after, Σ change.
#[must_use]
pub fn evaluation_totals(years: &[EvaluationYear]) -> Vec<ShareChange> {
    let mut out: Vec<ShareChange> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for y in years {
        for c in &y.changes {
            match at.get(&c.id).and_then(|&i| out.get_mut(i)) {
                Some(o) => {
                    o.before += c.before;
                    o.after += c.after;
                    o.change += c.change;
                }
                None => {
                    at.insert(c.id.clone(), out.len());
                    out.push(c.clone());
                }
            }
        }
    }
    out
}
