//! Interest balance across pools: where a royalty stack is open beside the report, what its
//! licences together take per unit of the stacked product, against its price and unit profit
//! (the guidelines ask a pool's rates to leave the industry its reasonable profit, and a
//! product pays many pools at once).

use super::{
    Basis, Indicator, IndicatorId, Row, Status, Subject, Value, fraction, indicator, money_at,
};
use poolcalc_engine::model::text::Text;
use poolcalc_engine::stack::{Burden, LicenceKind, StackReport};

/// A stack's results as the report reads them.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenStack {
    /// The stacked product's name.
    pub name: Text,
    /// The stack's results (`poolcalc_engine::stack::compute_stack`).
    pub report: StackReport,
}

/// The report year's figures when the stack has sales that year, else its whole span.
fn burdens(s: &StackReport, year: i32) -> (Burden, Vec<Burden>) {
    match s.years.iter().position(|y| y.year == year) {
        Some(i) => (
            s.years[i].total.clone(),
            s.licences.iter().map(|l| l.years[i].clone()).collect(),
        ),
        None => (
            s.total.clone(),
            s.licences.iter().map(|l| l.total.clone()).collect(),
        ),
    }
}

/// The two stack indicators: royalty per unit with its share of price, and its share of unit
/// profit against the reference line; one row per licence, then the stack's total.
pub(super) fn section(b: &Basis<'_>, open: &OpenStack) -> Vec<Indicator> {
    let s = &open.report;
    let pool_id = &b.pool.dataset().pool.id;
    let (total, parts) = burdens(s, b.year);
    let mut rows: Vec<(Subject, Burden)> = s
        .licences
        .iter()
        .zip(parts)
        .map(|(l, burden)| {
            let this_pool = matches!(&l.kind, LicenceKind::Pool { pool } if pool == pool_id);
            let subject = Subject::Stack {
                licence: Some(l.id.clone()),
                name: l.name.clone(),
                this_pool,
            };
            (subject, burden)
        })
        .collect();
    rows.push((
        Subject::Stack {
            licence: None,
            name: open.name.clone(),
            this_pool: false,
        },
        total,
    ));
    let per_unit = rows
        .iter()
        .map(|(subject, x)| match x.per_unit {
            Some(r) => {
                let row = Row::new(subject.clone(), money_at(r, s.decimals));
                match x.share_of_price {
                    Some(f) => row.detail(fraction(f)),
                    None => row,
                }
            }
            None => Row::new(subject.clone(), Value::None).status(Status::NoSales),
        })
        .collect();
    let of_profit = rows
        .into_iter()
        .map(|(subject, x)| match (x.per_unit, x.share_of_profit) {
            (None, _) => Row::new(subject, Value::None).status(Status::NoSales),
            (Some(_), None) => Row::new(subject, Value::None).status(Status::NoMargin),
            (Some(_), Some(f)) => Row::new(subject, fraction(f)).status(if f > b.reference {
                Status::AboveReference
            } else {
                Status::AtOrBelowReference
            }),
        })
        .collect();
    vec![
        indicator(IndicatorId::StackPerUnit, per_unit),
        indicator(IndicatorId::StackShareOfProfit, of_profit),
    ]
}
