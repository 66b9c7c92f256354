//! The join / exit evaluator: a patent holder joining with its patents, or a member leaving,
//! as a scenario, and what that changes year by year — for the holder itself (income, income
//! per patent, share of patents against share of income, against a bilateral licence) and
//! for every other member.

use std::collections::HashSet;
use std::ops::RangeInclusive;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::holder::{MemberYear, member_year_in};
use crate::shares_view::{IncomeSource, income_follows_patents};
use poolcalc_engine::model::dataset::{Distribution, Member, Patent};
use poolcalc_engine::model::date::Date;
use poolcalc_engine::model::issue::Issue;
use poolcalc_engine::model::text::Text;
use poolcalc_engine::pool::Pool;
use poolcalc_engine::pool::index::PoolIndex;
use poolcalc_engine::scenario::{Change, Scenario, apply_scenario};
use poolcalc_engine::shares::{
    ShareChange, Shares, SplitBasis, compare_shares, distribute, distribute_on,
};

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

/// The pool after a member joins or leaves, as much of it as a split needs.
#[derive(Debug)]
pub enum AfterPool {
    /// The changed dataset, validated and indexed in full.
    Whole(Box<Pool>),
    /// The pool's members after the change (a joining one last) and the pool's index with
    /// the change counted in; licensee income is the pool's own. Nothing of the pool is
    /// copied but its member list and its index tables.
    Reindexed {
        members: Vec<Member>,
        index: PoolIndex,
        currency: String,
        decimals: u32,
    },
}

impl AfterPool {
    /// `scenario` applied to `before` in full (a member leaving, any other change).
    ///
    /// # Errors
    /// The scenario's problems, as [`apply_scenario`] reports them.
    pub fn applying(before: &Pool, scenario: &Scenario) -> Result<AfterPool, Vec<Issue>> {
        apply_scenario(before.dataset(), scenario).map(|d| AfterPool::Whole(Box::new(Pool::new(d))))
    }

    /// `member` joining `before` with `patents`, for an evaluation of `years`. The same as
    /// [`Self::applying`] the [`join_scenario`], but without copying, validating and indexing
    /// the whole pool again when it can be avoided: when the joining patents are checked on
    /// their own and, where licensees pay only where a pool patent is in force, they cover
    /// no country the pool leaves uncovered in those years (so income stays the pool's).
    ///
    /// # Errors
    /// The scenario's problems, as [`apply_scenario`] reports them.
    pub fn join(
        before: &Pool,
        member: Member,
        patents: Vec<Patent>,
        years: RangeInclusive<i32>,
    ) -> Result<AfterPool, Vec<Issue>> {
        let d = before.dataset();
        let ids: HashSet<&str> = patents.iter().map(|p| p.id.as_str()).collect();
        let checked = !d.members.iter().any(|m| m.id == member.id)
            && patents.iter().all(|p| p.member == member.id)
            && ids.len() == patents.len()
            && !d.patents.iter().any(|p| ids.contains(p.id.as_str()));
        if !checked {
            // The full path reports every problem with its path.
            return Self::applying(before, &join_scenario(member, patents));
        }
        let mut members = d.members.clone();
        members.push(member.clone());
        let index = before.index().with_joining(&members, &patents);
        if income_moves(before, &index, years) {
            return Self::applying(before, &join_scenario(member, patents));
        }
        Ok(Self::reindexed(before, members, index))
    }

    /// `member` leaving `before` on `from`, for an evaluation of `years`: the same as
    /// [`Self::applying`] the [`exit_scenario`], recounting only that member's patents when
    /// the pool's income stays as it is.
    ///
    /// # Errors
    /// The scenario's problems, as [`apply_scenario`] reports them.
    pub fn leave(
        before: &Pool,
        member: &str,
        from: Date,
        years: RangeInclusive<i32>,
    ) -> Result<AfterPool, Vec<Issue>> {
        let d = before.dataset();
        let whole = || Self::applying(before, &exit_scenario(member, from));
        let Some(m) = d.members.iter().position(|x| x.id == member) else {
            return whole();
        };
        if from <= d.members[m].joined {
            return whole();
        }
        let mut members = d.members.clone();
        let exited = &mut members[m].exited;
        *exited = Some(exited.map_or(from, |e| e.min(from)));
        let own: Vec<(usize, Patent)> = d
            .patents
            .iter()
            .enumerate()
            .filter(|(_, p)| p.member == member)
            .map(|(i, p)| (i, p.clone()))
            .collect();
        let index = before
            .index()
            .with_member_recounted(&d.members, &members, &own);
        if income_moves(before, &index, years) {
            return whole();
        }
        Ok(Self::reindexed(before, members, index))
    }

    fn reindexed(before: &Pool, members: Vec<Member>, index: PoolIndex) -> AfterPool {
        AfterPool::Reindexed {
            members,
            index,
            currency: before.dataset().pool.currency.clone(),
            decimals: before.decimals(),
        }
    }

    /// What a split reads of the pool afterwards.
    #[must_use]
    pub fn basis(&self) -> SplitBasis<'_> {
        match self {
            AfterPool::Whole(p) => SplitBasis::of(p),
            AfterPool::Reindexed {
                members,
                index,
                currency,
                decimals,
            } => SplitBasis {
                members,
                index,
                currency,
                decimals: *decimals,
            },
        }
    }
}

/// Compares `before` and `after` (the same pool with a member joining or leaving) over
/// `years`, both split by `rule`. Income comes from `source`; with licensee income, the
/// changed pool's income is computed again only where it can differ (a schedule that charges
/// only where a pool patent is in force), so the result equals `holder::compare_years`.
#[must_use]
pub fn evaluate(
    before: &Pool,
    after: &AfterPool,
    years: RangeInclusive<i32>,
    rule: &Distribution,
    source: &IncomeSource<'_>,
    subject: &str,
    bilateral: Option<Decimal>,
) -> Vec<EvaluationYear> {
    let recompute = matches!(source, IncomeSource::Licensees(_)) && income_follows_patents(before);
    let basis = after.basis();
    years
        .map(|year| {
            let income_before = source.of(before, year);
            let income_after = match after {
                AfterPool::Whole(p)
                    if recompute && coverage_differs(before.index(), p.index(), year) =>
                {
                    poolcalc_engine::fees::pool_income(p, year)
                }
                _ => income_before.clone(),
            };
            let b = distribute(before, year, &income_before, rule);
            let a = distribute_on(&basis, year, &income_after, rule);
            let subject_of = |index: &PoolIndex, s: &Shares| {
                let i = s.members.iter().position(|m| m.id == subject)?;
                member_year_in(index, s, i)
            };
            let subject_before = subject_of(before.index(), &b);
            let subject_after = subject_of(basis.index, &a);
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

/// Whether licensees would pay differently with `after`'s patents in some of `years` (a
/// schedule charging only where a pool patent is in force, and a country's coverage changing).
fn income_moves(before: &Pool, after: &PoolIndex, years: RangeInclusive<i32>) -> bool {
    income_follows_patents(before)
        && years
            .into_iter()
            .any(|y| coverage_differs(before.index(), after, y))
}

/// Whether some country has a pool patent counting in `year` in one index and none in the
/// other: the only way patents change what licensees pay (spec 4.2, royalty only where a
/// pool patent is in force), so otherwise the year's income is the same in both.
fn coverage_differs(before: &PoolIndex, after: &PoolIndex, year: i32) -> bool {
    let covered = |i: &PoolIndex, c: &str| i.country_days(year, c) > 0;
    before
        .countries()
        .iter()
        .chain(after.countries())
        .any(|c| covered(before, c) != covered(after, c))
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
