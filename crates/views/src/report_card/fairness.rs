//! Non-discrimination: the fairness check (the same sales under every region, signing date
//! and product grouping the terms allow) for the licensee paying most in the year, with the
//! rule behind each difference.

use rust_decimal::Decimal;

use super::{Basis, Indicator, IndicatorId, Row, Status, Subject, Value, indicator};
use crate::policy::{Variant, non_discrimination};
use poolcalc_engine::fees::fees_for_year;
use poolcalc_engine::model::dataset::Licensee;

/// The licensee with the largest payable in `year` (the first among equals), and that payable.
fn reference_licensee<'a>(b: &Basis<'a>) -> Option<(&'a Licensee, Decimal)> {
    let mut best: Option<(&Licensee, Decimal)> = None;
    for l in &b.pool.dataset().licensees {
        let sales: Vec<_> = l
            .usage
            .years
            .iter()
            .filter(|y| y.year == b.year)
            .flat_map(|y| y.sales.iter().cloned())
            .collect();
        if sales.is_empty() {
            continue;
        }
        if let Ok(fy) = fees_for_year(b.pool, l.usage.signed, b.year, &sales)
            && best.is_none_or(|(_, p)| fy.payable > p)
        {
            best = Some((l, fy.payable));
        }
    }
    best
}

/// Whether the year's schedule would charge a sale in `country`: it charges everywhere, or
/// a pool patent counts there.
fn covered(b: &Basis<'_>, country: &str) -> bool {
    let charges_only_where_covered = b
        .pool
        .schedule_for(b.year)
        .is_some_and(|(_, s)| s.requires_patent_in_force.is_required());
    !charges_only_where_covered || b.pool.index().country_days(b.year, country) > 0
}

pub(super) fn section(b: &Basis<'_>) -> Vec<Indicator> {
    let Some((licensee, payable)) = reference_licensee(b) else {
        return [
            IndicatorId::ReferenceLicensee,
            IndicatorId::VariantPayable,
            IndicatorId::VariantsDiffering,
        ]
        .iter()
        .map(|&id| {
            indicator(
                id,
                vec![Row::new(Subject::Pool, Value::None).status(Status::NoSales)],
            )
        })
        .collect();
    };
    let (_, variants) = non_discrimination(b.pool, &licensee.usage, b.year);
    let mut differing = 0;
    let rows = variants
        .into_iter()
        .map(|v| {
            let rule = match &v.variant {
                Variant::Region { country, .. } if !covered(b, country) => Status::NoPoolPatent,
                Variant::Region { .. } => Status::RegionLine,
                Variant::Signing { .. } => Status::Discount,
                Variant::Product { .. } => Status::ProductLine,
            };
            let subject = Subject::Variant { variant: v.variant };
            match (v.payable, v.difference) {
                (Ok(p), Some(diff)) => {
                    let status = if diff.is_zero() {
                        Status::SameAsActual
                    } else {
                        differing += 1;
                        rule
                    };
                    Row::new(subject, b.money(p))
                        .detail(b.money(diff))
                        .status(status)
                }
                (Ok(p), None) => Row::new(subject, b.money(p)).status(Status::CannotCompute),
                (Err(_), _) => Row::new(subject, Value::None).status(Status::CannotCompute),
            }
        })
        .collect();
    vec![
        indicator(
            IndicatorId::ReferenceLicensee,
            vec![Row::new(
                Subject::Licensee {
                    id: licensee.id.clone(),
                },
                b.money(payable),
            )],
        ),
        indicator(IndicatorId::VariantPayable, rows),
        indicator(
            IndicatorId::VariantsDiffering,
            vec![Row::new(Subject::Pool, Value::Count(differing))],
        ),
    ]
}
