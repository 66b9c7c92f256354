//! A scenario applied to a dataset: each change made to a copy, which is then validated
//! again (docs/scenario-format.md).

use rust_decimal::Decimal;

use crate::model::dataset::{
    Dataset, Discount, GroupCap, MAX_SALE_UNITS, Rate, RateLine, RateSchedule,
};
use crate::model::issue::{Issue, Issues};
use crate::model::money::MAX_AMOUNT;
use crate::scenario::{Change, Scenario};

/// Applies a scenario to a dataset: the changed dataset, validated again.
///
/// # Errors
/// Changes that name what does not exist, or a result that is no longer a valid dataset.
pub fn apply_scenario(base: &Dataset, scenario: &Scenario) -> Result<Dataset, Vec<Issue>> {
    let mut d = base.clone();
    let mut issues = Issues::default();
    for (i, change) in scenario.changes.iter().enumerate() {
        let at = format!("changes[{i}]");
        if let Err(message) = apply_change(&mut d, change) {
            issues.push(at, message);
        }
    }
    if issues.is_empty() {
        crate::fees::check_dataset(&d, &mut issues);
    }
    if issues.is_empty() {
        Ok(d)
    } else {
        Err(issues.into_vec())
    }
}

fn schedules<'a>(
    d: &'a mut Dataset,
    only: Option<&String>,
) -> Result<Vec<&'a mut RateSchedule>, String> {
    let picked: Vec<&mut RateSchedule> = d
        .rate_schedules
        .iter_mut()
        .filter(|s| only.is_none_or(|id| &s.id == id))
        .collect();
    if picked.is_empty() {
        return Err(match only {
            Some(id) => format!("no rate schedule \"{id}\""),
            None => "the dataset has no rate schedule".to_owned(),
        });
    }
    Ok(picked)
}

/// Scales a line's rates by `factor`. Factors of several changes compound before the result
/// is validated again, so each product is checked here: past [`MAX_AMOUNT`] it is an error.
fn scale_rate(rate: &mut Rate, factor: Decimal) -> Result<(), String> {
    let scale = |amount: &mut Decimal| -> Result<(), String> {
        match amount.checked_mul(factor) {
            Some(scaled) if scaled <= MAX_AMOUNT => {
                *amount = scaled;
                Ok(())
            }
            _ => Err(format!(
                "this total is too large to compute exactly: {amount} × {factor} is more than {MAX_AMOUNT}, the largest amount the calculator takes"
            )),
        }
    };
    match rate {
        Rate::PerUnit { per_unit } => scale(per_unit)?,
        Rate::Tiers { tiers, .. } => {
            for t in tiers.iter_mut() {
                scale(&mut t.per_unit)?;
            }
        }
        Rate::PercentOfPrice {
            percent_of_price,
            min_per_unit,
            max_per_unit,
        } => {
            *percent_of_price = percent_of_price
                .checked_mul(factor)
                .map_or(Decimal::ONE, |p| p.min(Decimal::ONE));
            for m in min_per_unit.iter_mut().chain(max_per_unit.iter_mut()) {
                scale(m)?;
            }
        }
        // The credit scales with the amounts, so the line's amount (tier less credit)
        // scales by the factor too; thresholds are volumes and stay.
        Rate::ServiceTiers {
            service_tiers,
            credit,
        } => {
            for t in service_tiers.iter_mut() {
                scale(&mut t.amount)?;
            }
            if let Some(c) = credit {
                scale(c)?;
            }
        }
    }
    Ok(())
}

fn apply_change(d: &mut Dataset, change: &Change) -> Result<(), String> {
    match change {
        Change::ScaleRates {
            factor,
            schedule,
            product,
            region,
        } => {
            let mut hits = 0;
            for s in schedules(d, schedule.as_ref())? {
                for line in s.lines.iter_mut().filter(|l| {
                    product.as_ref().is_none_or(|p| &l.product == p)
                        && region.as_ref().is_none_or(|r| &l.region == r)
                }) {
                    scale_rate(&mut line.rate, *factor)?;
                    hits += 1;
                }
            }
            if hits == 0 {
                return Err("no rate line matches this product and region".into());
            }
        }
        Change::SetRate {
            schedule,
            product,
            region,
            rate,
        } => {
            for s in schedules(d, schedule.as_ref())? {
                match s
                    .lines
                    .iter_mut()
                    .find(|l| &l.product == product && &l.region == region)
                {
                    Some(line) => line.rate = rate.clone(),
                    None => s.lines.push(RateLine {
                        product: product.clone(),
                        region: region.clone(),
                        rate: rate.clone(),
                    }),
                }
            }
        }
        Change::SetAnnualCap { schedule, amount } => {
            for s in schedules(d, schedule.as_ref())? {
                s.annual_cap = *amount;
            }
        }
        Change::SetGroupCap {
            schedule,
            id,
            products,
            amount,
        } => {
            for s in schedules(d, schedule.as_ref())? {
                match (s.group_caps.iter_mut().find(|g| &g.id == id), products) {
                    (Some(g), p) => {
                        g.amount = *amount;
                        if let Some(p) = p {
                            g.products.clone_from(p);
                        }
                    }
                    (None, Some(p)) => s.group_caps.push(GroupCap {
                        id: id.clone(),
                        products: p.clone(),
                        amount: *amount,
                    }),
                    (None, None) => {
                        return Err(format!(
                            "schedule \"{}\" has no group cap \"{id}\"; give `products` to add one",
                            s.id
                        ));
                    }
                }
            }
        }
        Change::SetDiscount {
            schedule,
            id,
            percent,
            signed_before,
        } => {
            for s in schedules(d, schedule.as_ref())? {
                let discount = Discount {
                    id: id.clone(),
                    percent: *percent,
                    signed_before: *signed_before,
                };
                match s.discounts.iter_mut().find(|x| &x.id == id) {
                    Some(x) => *x = discount,
                    None => s.discounts.push(discount),
                }
            }
        }
        Change::RemoveDiscount { schedule, id } => {
            let mut hits = 0;
            for s in schedules(d, schedule.as_ref())? {
                let before = s.discounts.len();
                s.discounts.retain(|x| &x.id != id);
                hits += before - s.discounts.len();
            }
            if hits == 0 {
                return Err(format!("no discount \"{id}\" to remove"));
            }
        }
        Change::SetManagementFee { management_fee } => {
            d.distribution.management_fee = management_fee.clone()
        }
        Change::SetMethod { method, uncovered } => {
            d.distribution.method = *method;
            if let Some(u) = uncovered {
                d.distribution.uncovered = *u;
            }
        }
        Change::SetMaxRateRise { max_rate_rise } => d.pool.max_rate_rise = *max_rate_rise,
        Change::ScaleVolumes {
            factor,
            growth,
            base_year,
        } => scale_volumes(d, *factor, *growth, *base_year)?,
        Change::AddMember { member, patents } => {
            if d.members.iter().any(|m| m.id == member.id) {
                return Err(format!("a member \"{}\" already exists", member.id));
            }
            if let Some(p) = patents.iter().find(|p| p.member != member.id) {
                return Err(format!(
                    "patent \"{}\" belongs to \"{}\", not to the joining member \"{}\"",
                    p.id, p.member, member.id
                ));
            }
            d.members.push(member.clone());
            d.patents.extend(patents.iter().cloned());
        }
        Change::RemoveMember { member, from } => {
            let m = d
                .members
                .iter_mut()
                .find(|m| &m.id == member)
                .ok_or_else(|| format!("no member \"{member}\""))?;
            if *from <= m.joined {
                return Err(format!(
                    "{member} joined on {}; it can only leave after that",
                    m.joined
                ));
            }
            m.exited = Some(m.exited.map_or(*from, |e| e.min(*from)));
        }
    }
    Ok(())
}

fn scale_volumes(
    d: &mut Dataset,
    factor: Decimal,
    growth: Decimal,
    base_year: Option<i32>,
) -> Result<(), String> {
    let base = base_year
        .or_else(|| {
            d.licensees
                .iter()
                .flat_map(|l| l.usage.years.iter().map(|y| y.year))
                .min()
        })
        .unwrap_or(0);
    let step = Decimal::ONE + growth;
    for l in &mut d.licensees {
        for y in &mut l.usage.years {
            let mut m = factor;
            for _ in 0..(y.year - base).unsigned_abs() {
                m = if y.year >= base {
                    m.checked_mul(step)
                } else {
                    m.checked_div(step)
                }
                .ok_or_else(|| {
                    format!(
                        "growth over {} years is too large to compute",
                        (y.year - base).abs()
                    )
                })?;
            }
            for s in &mut y.sales {
                let too_large = || match s.service() {
                    None => format!(
                        "this total is too large to compute exactly: {} units × {m} is more than a sale may hold ({MAX_SALE_UNITS})",
                        s.units
                    ),
                    Some(_) => format!(
                        "this total is too large to compute exactly: a service sale's users, subscribers or revenue × {m} pass what a sale may hold ({MAX_SALE_UNITS} users or subscribers, {MAX_AMOUNT} of revenue)"
                    ),
                };
                *s = s.checked_scaled(m).ok_or_else(too_large)?;
            }
        }
    }
    Ok(())
}
