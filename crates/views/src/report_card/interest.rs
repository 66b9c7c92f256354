//! Interest balance: what the market estimate's licensees pay per unit of each product under
//! every schedule, against the product's typical price and its unit profit at the industry's
//! average margin; the years in which that share of profit is above the reference line.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{
    Basis, Indicator, IndicatorId, Row, Status, Subject, Value, fraction, indicator, ratio,
};
use poolcalc_engine::fees::fees_under_schedule;
use poolcalc_engine::model::dataset::Sale;

/// Units and royalty of one product over every licensee's sales of a year.
#[derive(Default, Clone, Copy)]
struct Market {
    units: u64,
    royalty: Decimal,
}

/// Per product, the year's sales of every licensee charged under schedule `s_pos`; and how
/// many licensees that schedule cannot charge.
fn market(b: &Basis<'_>, s_pos: usize, year: i32) -> (BTreeMap<String, Market>, u64) {
    let mut by_product: BTreeMap<String, Market> = BTreeMap::new();
    let mut failed = 0;
    for l in &b.pool.dataset().licensees {
        let sales: Vec<Sale> = l
            .usage
            .years
            .iter()
            .filter(|y| y.year == year)
            .flat_map(|y| y.sales.iter().cloned())
            .collect();
        if sales.is_empty() {
            continue;
        }
        let Ok(fy) = fees_under_schedule(b.pool, s_pos, l.usage.signed, year, &sales) else {
            failed += 1;
            continue;
        };
        for s in &sales {
            let m = by_product.entry(s.product.clone()).or_default();
            m.units = m.units.saturating_add(s.units);
        }
        for (product, royalty) in fy.by_product() {
            by_product.entry(product).or_default().royalty += royalty;
        }
    }
    (by_product, failed)
}

/// Royalty per unit, its share of typical price and of unit profit, for one product.
struct Burden {
    per_unit: Option<Decimal>,
    of_price: Option<Decimal>,
    of_profit: Option<Decimal>,
}

fn burden(b: &Basis<'_>, product: &str, m: Option<&Market>) -> Burden {
    let info = b.pool.dataset().products.iter().find(|p| p.id == product);
    let per_unit = m.and_then(|m| ratio(m.royalty, Decimal::from(m.units)));
    let price = info.and_then(|p| p.typical_price);
    let profit = price
        .zip(info.and_then(|p| p.industry_margin))
        .map(|(p, m)| p * m);
    Burden {
        per_unit,
        of_price: per_unit.zip(price).and_then(|(r, p)| ratio(r, p)),
        of_profit: per_unit.zip(profit).and_then(|(r, p)| ratio(r, p)),
    }
}

pub(super) fn section(b: &Basis<'_>) -> Vec<Indicator> {
    let d = b.pool.dataset();
    let (mut per_unit, mut of_price, mut of_profit, mut unchargeable) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (s_pos, schedule) in d.rate_schedules.iter().enumerate() {
        let (m, failed) = market(b, s_pos, b.year);
        if failed > 0 {
            unchargeable.push(Row::new(
                Subject::Schedule {
                    id: schedule.id.clone(),
                },
                Value::Count(failed),
            ));
        }
        for p in &d.products {
            let subject = Subject::Product {
                schedule: Some(schedule.id.clone()),
                product: p.id.clone(),
            };
            let x = burden(b, &p.id, m.get(&p.id));
            let Some(r) = x.per_unit else {
                for list in [&mut per_unit, &mut of_price, &mut of_profit] {
                    list.push(Row::new(subject.clone(), Value::None).status(Status::NoSales));
                }
                continue;
            };
            per_unit.push(Row::new(subject.clone(), b.money(r)));
            of_price.push(match x.of_price {
                Some(f) => Row::new(subject.clone(), fraction(f)),
                None => Row::new(subject.clone(), Value::None).status(Status::NoMargin),
            });
            of_profit.push(match x.of_profit {
                Some(f) => Row::new(subject, fraction(f)).status(if f > b.reference {
                    Status::AboveReference
                } else {
                    Status::AtOrBelowReference
                }),
                None => Row::new(subject, Value::None).status(Status::NoMargin),
            });
        }
    }
    let mut out = vec![
        indicator(IndicatorId::RoyaltyPerUnit, per_unit),
        indicator(IndicatorId::RoyaltyShareOfPrice, of_price),
        indicator(IndicatorId::RoyaltyShareOfProfit, of_profit),
        indicator(IndicatorId::YearsAboveReference, years_above(b)),
    ];
    if !unchargeable.is_empty() {
        out.push(indicator(IndicatorId::UnchargeableLicensees, unchargeable));
    }
    out
}

/// Per product with a margin, the projection's years above the reference line under the
/// schedule in force each year.
fn years_above(b: &Basis<'_>) -> Vec<Row> {
    let d = b.pool.dataset();
    let mut above: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
    for year in b.projection() {
        let Some((s_pos, _)) = b.pool.schedule_for(year) else {
            continue;
        };
        let (m, _) = market(b, s_pos, year);
        for p in &d.products {
            let x = burden(b, &p.id, m.get(&p.id));
            if x.of_profit.is_some_and(|f| f > b.reference) {
                above.entry(&p.id).or_default().push(year);
            }
        }
    }
    d.products
        .iter()
        .map(|p| {
            let subject = Subject::Product {
                schedule: None,
                product: p.id.clone(),
            };
            let has_margin = p.typical_price.is_some() && p.industry_margin.is_some();
            if has_margin {
                Row::new(
                    subject,
                    Value::Years(above.remove(p.id.as_str()).unwrap_or_default()),
                )
            } else {
                Row::new(subject, Value::None).status(Status::NoMargin)
            }
        })
        .collect()
}
