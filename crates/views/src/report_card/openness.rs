//! Openness: members joined and exited by year, and what a new member with the median
//! portfolio would receive in the year, and what the others would give up (the join
//! evaluator's numbers).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Basis, Indicator, IndicatorId, Row, Status, Subject, Value, fraction, indicator};
use crate::membership_change::{AfterPool, candidate_member, evaluate};
use crate::shares_view::IncomeSource;
use poolcalc_engine::model::dataset::Patent;
use poolcalc_engine::model::date::Date;

/// The id the joining candidate is given (made unique against the members).
pub const CANDIDATE_ID: &str = "median-portfolio";

pub(super) fn section(b: &Basis<'_>) -> Vec<Indicator> {
    let d = b.pool.dataset();
    let count = |years: &mut dyn Iterator<Item = i32>| {
        let mut by: BTreeMap<i32, u64> = BTreeMap::new();
        for y in years {
            *by.entry(y).or_default() += 1;
        }
        by.into_iter()
            .map(|(year, n)| Row::new(Subject::Year { year }, Value::Count(n)))
            .collect()
    };
    let mut out = vec![
        indicator(
            IndicatorId::JoinedByYear,
            count(&mut d.members.iter().map(|m| m.joined.year())),
        ),
        indicator(
            IndicatorId::ExitedByYear,
            count(&mut d.members.iter().filter_map(|m| m.exited.map(Date::year))),
        ),
    ];
    out.extend(median_joiner(b));
    out
}

/// The member whose patents in force in the year are the median among members holding any
/// (the lower middle for an even count; among equals the first in dataset order).
fn median_member(b: &Basis<'_>) -> Option<(usize, u32)> {
    let counts = b.pool.index().year(b.year)?;
    let mut holders: Vec<(usize, u32)> = counts
        .member_patents
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .collect();
    holders.sort_by_key(|&(i, n)| (n, i));
    let middle = holders.len().checked_sub(1)? / 2;
    holders.get(middle).copied()
}

fn median_joiner(b: &Basis<'_>) -> Vec<Indicator> {
    let d = b.pool.dataset();
    let ids = [
        IndicatorId::MedianPortfolio,
        IndicatorId::JoinerIncome,
        IndicatorId::OthersGiveUp,
        IndicatorId::LargestLoss,
    ];
    let none = |status| {
        ids.iter()
            .map(|&id| {
                indicator(
                    id,
                    vec![Row::new(Subject::Pool, Value::None).status(status)],
                )
            })
            .collect()
    };
    let Some((m, in_force)) = median_member(b) else {
        return none(Status::NoPatents);
    };
    let model = &d.members[m];
    let member = candidate_member(
        &d.members,
        CANDIDATE_ID,
        CANDIDATE_ID,
        &model.country,
        Date::year_start(b.year),
    );
    let patents: Vec<Patent> = d
        .patents
        .iter()
        .filter(|p| p.member == model.id)
        .map(|p| Patent {
            id: format!("{}:{}", member.id, p.id),
            member: member.id.clone(),
            family: p.family.as_ref().map(|f| format!("{}:{f}", member.id)),
            ..p.clone()
        })
        .collect();
    let subject = member.id.clone();
    let year = b.year..=b.year;
    let Ok(after) = AfterPool::join(b.pool, member, patents, year.clone()) else {
        return none(Status::CannotCompute);
    };
    let incomes: BTreeMap<i32, _> = [(b.year, b.income(b.year))].into_iter().collect();
    let source = IncomeSource::Licensees(&incomes);
    let rule = &d.distribution;
    let Some(e) = evaluate(b.pool, &after, year, rule, &source, &subject, None).pop() else {
        return none(Status::CannotCompute);
    };
    let joined = e.subject_after.as_ref();
    let income = joined.map_or(Value::None, |s| b.money(s.amount));
    let share = joined
        .and_then(|s| s.share_of_income)
        .map_or(Value::None, fraction);
    let losses = e.changes.iter().filter(|c| c.id != subject);
    let give_up: Decimal = losses
        .clone()
        .filter(|c| c.change < Decimal::ZERO)
        .map(|c| -c.change)
        .sum();
    let largest = losses
        .filter(|c| c.change < Decimal::ZERO)
        .min_by(|a, b| a.change.cmp(&b.change));
    let largest = match largest {
        Some(c) => Row::new(Subject::Member { id: c.id.clone() }, b.money(-c.change)),
        None => Row::new(Subject::Pool, b.money(Decimal::ZERO)),
    };
    vec![
        indicator(
            IndicatorId::MedianPortfolio,
            vec![Row::new(
                Subject::Member {
                    id: model.id.clone(),
                },
                Value::Count(u64::from(in_force)),
            )],
        ),
        indicator(
            IndicatorId::JoinerIncome,
            vec![Row::new(Subject::Member { id: subject }, income).detail(share)],
        ),
        indicator(
            IndicatorId::OthersGiveUp,
            vec![Row::new(Subject::Pool, b.money(give_up))],
        ),
        indicator(IndicatorId::LargestLoss, vec![largest]),
    ]
}
