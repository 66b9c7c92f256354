//! Revenue distribution: how concentrated member income and patents are, each member's share
//! of income against its share of patents, income per patent and its spread, and how the
//! shares move over the next ten years as patents expire (the year's income held).

use rust_decimal::Decimal;

use super::{
    AHEAD_YEARS, Basis, Indicator, IndicatorId, POINTS_DECIMALS, Row, Status, Subject, Value,
    fraction, indicator, ratio,
};
use crate::holder::{MemberYear, member_years};
use poolcalc_engine::model::money::round;
use poolcalc_engine::shares::{Shares, distribute};

/// Largest share, three largest together, and the Herfindahl–Hirschman points of `amounts`
/// (member by member, in any order).
pub(crate) struct Concentration {
    pub largest: Option<(usize, Decimal)>,
    pub top_three: Option<Decimal>,
    pub hhi: Option<Decimal>,
}

pub(crate) fn concentration(amounts: &[Decimal]) -> Concentration {
    let total: Decimal = amounts.iter().copied().sum();
    if total <= Decimal::ZERO {
        return Concentration {
            largest: None,
            top_three: None,
            hhi: None,
        };
    }
    let mut order: Vec<usize> = (0..amounts.len()).collect();
    // Largest first; among equals the first in dataset order.
    order.sort_by(|&a, &b| amounts[b].cmp(&amounts[a]).then(a.cmp(&b)));
    let share = |a: Decimal| a / total;
    let top_three = order.iter().take(3).map(|&i| amounts[i]).sum::<Decimal>();
    let hhi: Decimal = amounts.iter().map(|&a| share(a) * share(a)).sum();
    Concentration {
        largest: order.first().map(|&i| (i, share(amounts[i]))),
        top_three: Some(share(top_three)),
        hhi: Some({
            let mut p = round(hhi * Decimal::from(10_000), POINTS_DECIMALS);
            p.rescale(POINTS_DECIMALS);
            p
        }),
    }
}

fn points(p: Option<Decimal>) -> Value {
    p.map_or(Value::None, Value::Points)
}

fn share(p: Option<Decimal>) -> Value {
    p.map_or(Value::None, fraction)
}

pub(super) fn section(b: &Basis<'_>) -> Vec<Indicator> {
    let rule = &b.pool.dataset().distribution;
    let shares = distribute(b.pool, b.year, &b.income(b.year), rule);
    let rows = member_years(b.pool, &shares);
    let member = |i: usize| Subject::Member {
        id: rows.get(i).map(|m| m.id.clone()).unwrap_or_default(),
    };
    let amounts: Vec<Decimal> = rows.iter().map(|m| m.amount).collect();
    let patents: Vec<Decimal> = rows.iter().map(|m| Decimal::from(m.patents)).collect();
    let income = concentration(&amounts);
    let held = concentration(&patents);
    let largest = |c: &Concentration| match c.largest {
        Some((i, s)) => Row::new(member(i), fraction(s)),
        None => Row::new(Subject::Pool, Value::None),
    };
    let mut out = vec![
        indicator(IndicatorId::LargestIncomeShare, vec![largest(&income)]),
        indicator(
            IndicatorId::TopThreeIncomeShare,
            vec![Row::new(Subject::Pool, share(income.top_three))],
        ),
        indicator(
            IndicatorId::IncomeHhi,
            vec![Row::new(Subject::Pool, points(income.hhi))],
        ),
        indicator(IndicatorId::LargestPatentShare, vec![largest(&held)]),
        indicator(
            IndicatorId::TopThreePatentShare,
            vec![Row::new(Subject::Pool, share(held.top_three))],
        ),
        indicator(
            IndicatorId::PatentHhi,
            vec![Row::new(Subject::Pool, points(held.hhi))],
        ),
        indicator(IndicatorId::IncomeVsPatentShare, versus(&rows)),
    ];
    out.extend(per_patent(b, &rows));
    out.extend(ahead(b, &shares));
    out
}

/// Each member's share of income against its share of patents.
fn versus(rows: &[MemberYear]) -> Vec<Row> {
    rows.iter()
        .map(|m| {
            let subject = Subject::Member { id: m.id.clone() };
            let (Some(i), Some(p)) = (m.share_of_income, m.share_of_patents) else {
                return Row::new(subject, share(m.share_of_income))
                    .detail(share(m.share_of_patents));
            };
            // Compared as stated (rounded), so the words agree with the figures shown.
            let stated = |x: Decimal| round(x, super::FRACTION_DECIMALS);
            let status = match stated(i).cmp(&stated(p)) {
                std::cmp::Ordering::Greater => Status::IncomeShareAbove,
                std::cmp::Ordering::Less => Status::IncomeShareBelow,
                std::cmp::Ordering::Equal => Status::SharesEqual,
            };
            let (si, sp) = (fraction(i), fraction(p));
            Row::new(subject, si).detail(sp).status(status)
        })
        .collect()
}

/// Income per patent across the pool, its lowest and highest among members, and their ratio.
fn per_patent(b: &Basis<'_>, rows: &[MemberYear]) -> Vec<Indicator> {
    let shared: Decimal = rows.iter().map(|m| m.amount).sum();
    let all: u64 = rows.iter().map(|m| u64::from(m.patents)).sum();
    let pool = ratio(shared, Decimal::from(all)).map_or(Value::None, |v| b.money(v));
    let with: Vec<(&MemberYear, Decimal)> = rows
        .iter()
        .filter_map(|m| m.per_patent.map(|p| (m, p)))
        .collect();
    let low = with.iter().min_by(|a, b| a.1.cmp(&b.1));
    let high = with.iter().max_by(|a, b| a.1.cmp(&b.1));
    let row = |x: Option<&(&MemberYear, Decimal)>| match x {
        Some((m, p)) => Row::new(Subject::Member { id: m.id.clone() }, b.money(*p)),
        None => Row::new(Subject::Pool, Value::None).status(Status::NoPatents),
    };
    let spread = low
        .zip(high)
        .and_then(|(l, h)| ratio(h.1, l.1))
        .map_or(Value::None, |r| {
            Value::Ratio(round(r, super::FRACTION_DECIMALS).normalize())
        });
    vec![
        indicator(
            IndicatorId::IncomePerPatent,
            vec![Row::new(Subject::Pool, pool)],
        ),
        indicator(IndicatorId::IncomePerPatentLowest, vec![row(low)]),
        indicator(IndicatorId::IncomePerPatentHighest, vec![row(high)]),
        indicator(
            IndicatorId::IncomePerPatentRatio,
            vec![Row::new(Subject::Pool, spread)],
        ),
    ]
}

/// The next ten years with the report year's income: largest share, three largest, HHI and
/// patents in force, year by year.
fn ahead(b: &Basis<'_>, now: &Shares) -> Vec<Indicator> {
    let rule = &b.pool.dataset().distribution;
    let income = b.income(b.year);
    let (mut largest, mut top, mut hhi, mut patents) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for year in b.year..b.year.saturating_add(AHEAD_YEARS) {
        let s = if year == b.year {
            now.clone()
        } else {
            distribute(b.pool, year, &income, rule)
        };
        let amounts: Vec<Decimal> = s.members.iter().map(|m| m.amount).collect();
        let c = concentration(&amounts);
        let subject = Subject::Year { year };
        let row = |v: Value| {
            let none = v == Value::None;
            let r = Row::new(subject.clone(), v);
            if none { r.status(Status::NoPatents) } else { r }
        };
        largest.push(row(share(c.largest.map(|l| l.1))));
        top.push(row(share(c.top_three)));
        hhi.push(row(points(c.hhi)));
        let in_force: u64 = b
            .pool
            .index()
            .year(year)
            .map_or(0, |y| y.member_patents.iter().map(|&n| u64::from(n)).sum());
        patents.push(Row::new(subject, Value::Count(in_force)));
    }
    vec![
        indicator(IndicatorId::AheadLargestShare, largest),
        indicator(IndicatorId::AheadTopThreeShare, top),
        indicator(IndicatorId::AheadHhi, hhi),
        indicator(IndicatorId::AheadPatentsInForce, patents),
    ]
}
