//! Steps 2 to 7 of a year's fees as numbers (spec section 4 with the version 2 rules): each
//! sale's line, coverage and upstream-paid units, each line's exact amount, the discount,
//! group caps, enterprise cap, rounding and the split of `payable` by country.

use rust_decimal::Decimal;

use crate::fees::FeeErrorKind;
use crate::fees::check::sale_shape;
use crate::fees::exempt::{Coverage, coverage};
use crate::fees::keys::SaleKey;
use crate::fees::report::ExemptReason;
use crate::fees::service::{self, Basis, ServiceCell};
use crate::fees::split::{Cell, Split, SplitLine, by_country};
use crate::fees::tiers::{BandUse, amount, charge};
use crate::model::dataset::{Discount, Rate, RateSchedule, Sale};
use crate::model::date::Date;
use crate::model::money::{checked_sum, minor_units, mul_div, round};
use crate::model::service::{Measures, ProductKind};
use crate::pool::Pool;

/// A fee error at a sale (its position) or at the year (`None`).
pub(crate) type Fault = (Option<usize>, Box<FeeErrorKind>);

/// Sales gathered on one line of the schedule.
#[derive(Clone, Default)]
struct LineAcc {
    used: bool,
    units: u64,
    /// Exact percent-of-price amount (0 for unit lines).
    percent_exact: Decimal,
    /// Position of the line in [`FeeScratch::lines`] once they are ordered.
    pos: usize,
}

/// A used line through steps 3 to 5.
pub(crate) struct LineCalc {
    pub(crate) line: usize,
    split: Split,
    /// The whole its amount is split by (see [`SplitLine::split_total`]).
    split_total: Decimal,
    /// A service line's basis of split.
    basis: Option<Basis>,
    pub(crate) units: u64,
    /// Collected only for a [`crate::fees::FeeYear`].
    pub(crate) bands: Vec<BandUse>,
    /// A service line's measures and the tier they reach (boxed: most lines are not).
    pub(crate) service: Option<Box<(Measures, Option<usize>)>>,
    pub(crate) exact: Decimal,
    pub(crate) discounted: Decimal,
    pub(crate) capped: Decimal,
}

impl SplitLine for LineCalc {
    fn split(&self) -> Split {
        self.split
    }

    fn split_total(&self) -> Decimal {
        self.split_total
    }

    fn capped(&self) -> Decimal {
        self.capped
    }
}

/// The buffers of one year's fee computation. [`crate::fees::pool_income`] keeps one
/// across all licensees, so a licensee costs no allocation beyond its apportioning.
#[derive(Default)]
pub(crate) struct FeeScratch<'a, K> {
    acc: Vec<LineAcc>,
    cells: Vec<Cell<K>>,
    service: Vec<ServiceCell<K>>,
    pub(crate) lines: Vec<LineCalc>,
    shares: Vec<(K, Decimal)>,
    /// Per country, sorted by code: its exact weight in the split of `payable`.
    pub(crate) weights: Vec<(K, Decimal)>,
    /// Royalty-free units in sale order: product, country of sale, units, reason.
    pub(crate) exempt: Vec<(&'a str, &'a str, u64, ExemptReason)>,
}

/// A year's fees as numbers; the lines are in the scratch's `lines`, the countries in its
/// `weights`.
pub(crate) struct YearCalc<'a> {
    pub(crate) schedule: &'a RateSchedule,
    pub(crate) gross: Decimal,
    pub(crate) discount_applied: Option<&'a Discount>,
    pub(crate) discount: Decimal,
    pub(crate) group_caps_applied: Vec<&'a str>,
    pub(crate) after_group_caps: Decimal,
    pub(crate) annual_cap_applied: bool,
    /// Rounded to the currency, not yet rescaled.
    pub(crate) payable: Decimal,
    /// Per country of the scratch's `weights`: its apportioned share of `payable`, rescaled.
    pub(crate) country_amounts: Vec<Decimal>,
}

/// Steps 2 to 6 of a year's fees and the split of `payable` by country (step 7), without
/// the strings of a [`crate::fees::FeeYear`]: sales are resolved to line numbers once, lines
/// ordered by a precomputed rank, and the bands of tiered lines collected only when
/// `with_bands`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn year_calc<'a, R: SaleKey<'a>>(
    pool: &'a Pool,
    s_pos: usize,
    signed: Option<Date>,
    year: i32,
    sales: &'a [Sale],
    by: &R,
    scratch: &mut FeeScratch<'a, R::Country>,
    with_bands: bool,
) -> Result<YearCalc<'a>, Fault> {
    let no_schedule = || (None, Box::new(FeeErrorKind::NoSchedule(year)));
    let schedule = pool
        .dataset()
        .rate_schedules
        .get(s_pos)
        .ok_or_else(no_schedule)?;
    let lookup = pool
        .terms()
        .schedule_lookup_at(s_pos)
        .ok_or_else(no_schedule)?;
    let FeeScratch {
        acc,
        cells,
        service,
        lines,
        shares,
        weights,
        exempt,
    } = scratch;
    acc.clear();
    acc.resize(schedule.lines.len(), LineAcc::default());
    cells.clear();
    service.clear();
    lines.clear();
    exempt.clear();
    let fault = |k: usize| move |e: FeeErrorKind| (Some(k), Box::new(e));
    for (k, sale) in sales.iter().enumerate() {
        let upstream = sale.upstream_paid_units().unwrap_or(0).min(sale.units);
        let charged = sale.units - upstream;
        // A sale all paid upstream resolves to no line (v2 2); every other one needs its
        // line, exempt or not, as in version 1.
        let (line, country) = if upstream > 0 && charged == 0 {
            upstream_only(pool, sale).map_err(fault(k))?;
            (None, by.country(k, sale).map_err(fault(k))?)
        } else {
            let (l, country) = by.resolve(k, sale).map_err(fault(k))?;
            // Only a sale of version 2 shape, or on a service line, can be of the wrong one.
            let service_line = matches!(schedule.lines[l].rate, Rate::ServiceTiers { .. });
            if sale.service().is_some() || service_line {
                let kind = if service_line {
                    ProductKind::Service
                } else {
                    ProductKind::Device
                };
                if let Some((_, e)) = sale_shape(kind, sale) {
                    return Err(fault(k)(e));
                }
            }
            (Some(l), country)
        };
        let rule = schedule.requires_patent_in_force;
        let attributed = match coverage(rule, country, || by.made_in(k, sale), |c| by.covered(c)) {
            Coverage::Exempt => {
                exempt.push((
                    &sale.product,
                    &sale.country,
                    sale.units,
                    ExemptReason::NotInForce,
                ));
                continue;
            }
            Coverage::Charged(c) => c,
        };
        if upstream > 0 {
            exempt.push((
                &sale.product,
                &sale.country,
                upstream,
                ExemptReason::PaidUpstream,
            ));
        }
        let Some(l) = line else { continue };
        let rate = &schedule.lines[l].rate;
        let a = &mut acc[l];
        a.used = true;
        if let Rate::ServiceTiers { .. } = rate {
            let measures = sale
                .service()
                .and_then(|s| s.weighted(by.user_weight(k, sale)))
                .ok_or_else(|| too_large(Some(k)))?;
            service.push(ServiceCell {
                rank: lookup.rank[l],
                line: l,
                country: attributed,
                measures,
            });
            continue;
        }
        a.units = a.units.saturating_add(charged);
        let sale_exact = percent_amount(rate, sale, charged).map_err(fault(k))?;
        a.percent_exact = a
            .percent_exact
            .checked_add(sale_exact)
            .ok_or_else(|| too_large(Some(k)))?;
        cells.push(Cell {
            rank: lookup.rank[l],
            line: l,
            country: attributed,
            units: charged,
            exact: sale_exact,
        });
    }

    // Step 3: each line's exact amount. Service sales by line (and country, for step 7),
    // stable so a line's sales add up in sale order.
    if !service.is_empty() {
        service.sort_by_key(|c| (c.line, c.country));
    }
    for (i, a) in acc.iter().enumerate().filter(|(_, a)| a.used) {
        lines.push(line_calc(
            i,
            a,
            &schedule.lines[i].rate,
            service,
            with_bands,
        )?);
    }
    lines.sort_by_key(|l| lookup.rank[l.line]);
    for (pos, l) in lines.iter().enumerate() {
        acc[l.line].pos = pos;
    }
    if !service.is_empty() {
        service::add_cells(service, cells, |line, new_country| {
            let fee = acc.get(line).and_then(|a| lines.get_mut(a.pos))?;
            let basis = fee.basis?;
            if basis == Basis::Countries && new_country {
                fee.split_total += Decimal::ONE;
            }
            Some(basis)
        });
    }

    // Step 4: gross and the largest applicable discount.
    let gross = checked_sum(lines.iter().map(|l| l.exact)).ok_or_else(|| too_large(None))?;
    let discount_applied = signed.and_then(|signed| {
        schedule
            .discounts
            .iter()
            .filter(|d| signed < d.signed_before)
            .max_by(|a, b| a.percent.cmp(&b.percent).then_with(|| b.id.cmp(&a.id)))
    });
    let percent = discount_applied.map_or(Decimal::ZERO, |d| d.percent);
    let discount = gross * percent;
    for l in lines.iter_mut() {
        l.discounted = l.exact * (Decimal::ONE - percent);
        l.capped = l.discounted;
    }

    // Step 5: group caps scale their lines down to the cap.
    let mut group_caps_applied = Vec::new();
    for (cap, in_cap) in schedule.group_caps.iter().zip(&lookup.in_cap) {
        let in_group = |l: &LineCalc| in_cap[l.line];
        let sum: Decimal = lines
            .iter()
            .filter(|l| in_group(l))
            .map(|l| l.discounted)
            .sum();
        if sum > cap.amount {
            for l in lines.iter_mut().filter(|l| in_group(l)) {
                l.capped = mul_div(l.discounted, cap.amount, sum);
            }
            group_caps_applied.push(cap.id.as_str());
        }
    }

    // Step 6: the enterprise cap, then rounding.
    let after_group_caps: Decimal = lines.iter().map(|l| l.capped).sum();
    let annual_cap_applied = schedule.annual_cap.is_some_and(|c| after_group_caps > c);
    let unrounded = match schedule.annual_cap {
        Some(c) if annual_cap_applied => c,
        _ => after_group_caps,
    };
    let decimals = pool.decimals();
    let payable = round(unrounded, decimals);
    // Apportioning counts in minor units: payable × 10^decimals must fit too.
    if payable.checked_mul(minor_units(decimals)).is_none() {
        return Err(too_large(None));
    }

    // Step 7, by country.
    let line_of = |line: usize| acc.get(line).and_then(|a| lines.get(a.pos));
    let country_amounts = by_country(cells, line_of, shares, weights, payable, decimals);

    Ok(YearCalc {
        schedule,
        gross,
        discount_applied,
        discount,
        group_caps_applied,
        after_group_caps,
        annual_cap_applied,
        payable,
        country_amounts,
    })
}

/// A used line's step 3: its exact amount, and how step 7 splits it. `service` holds the
/// year's service sales sorted by line.
fn line_calc<K>(
    i: usize,
    a: &LineAcc,
    rate: &Rate,
    service: &[ServiceCell<K>],
    with_bands: bool,
) -> Result<LineCalc, Fault> {
    // A line's amount is at most its units at its highest rate: when that fits, so do the
    // amount and every band's part of it.
    if Decimal::from(a.units).checked_mul(top_rate(rate)).is_none() {
        return Err(too_large(None));
    }
    let units = Decimal::from(a.units);
    let mut line = LineCalc {
        line: i,
        split: Split::Units,
        split_total: units,
        basis: None,
        units: a.units,
        bands: Vec::new(),
        service: None,
        exact: Decimal::ZERO,
        discounted: Decimal::ZERO,
        capped: Decimal::ZERO,
    };
    line.exact = match rate {
        Rate::PerUnit { per_unit } => units * per_unit,
        Rate::Tiers { tiers, tier_mode } if with_bands => {
            line.bands = charge(tiers, *tier_mode, a.units);
            line.bands.iter().map(|b| b.amount).sum()
        }
        Rate::Tiers { tiers, tier_mode } => amount(tiers, *tier_mode, a.units),
        Rate::PercentOfPrice { .. } => {
            line.split = Split::Exact;
            line.split_total = a.percent_exact;
            a.percent_exact
        }
        Rate::ServiceTiers {
            service_tiers,
            credit,
        } => {
            let measures = service::line_measures(service, i).ok_or_else(|| too_large(None))?;
            let (tier, exact, split, total, basis) =
                service::line_amount(service_tiers, *credit, &measures);
            line.split = split;
            line.split_total = total;
            line.basis = Some(basis);
            line.service = Some(Box::new((measures, tier)));
            exact
        }
    };
    line.discounted = line.exact;
    line.capped = line.exact;
    Ok(line)
}

/// Checks a sale whose every unit was paid upstream, which resolves to no line: its product
/// must exist and be a device.
fn upstream_only(pool: &Pool, sale: &Sale) -> Result<(), FeeErrorKind> {
    match pool.terms().product_kind(&sale.product) {
        None => Err(FeeErrorKind::UnknownProduct(sale.product.clone())),
        Some(kind) => sale_shape(kind, sale).map_or(Ok(()), |(_, e)| Err(e)),
    }
}

/// A total that does not fit, at the sale that made it (or the year).
fn too_large(sale: Option<usize>) -> Fault {
    (sale, Box::new(FeeErrorKind::TooLarge))
}

/// The most a unit of a unit-priced or tiered line costs; 0 for percent-of-price lines,
/// whose sales are added up one by one, and for service lines, charged by tier.
fn top_rate(rate: &Rate) -> Decimal {
    match rate {
        Rate::PerUnit { per_unit } => *per_unit,
        Rate::Tiers { tiers, .. } => tiers
            .iter()
            .map(|t| t.per_unit)
            .max()
            .unwrap_or(Decimal::ZERO),
        Rate::PercentOfPrice { .. } | Rate::ServiceTiers { .. } => Decimal::ZERO,
    }
}

/// The exact amount of `units` of a sale on a percent-of-price line (spec 4.3: units ×
/// clamp(price × percent, min, max)); 0 on other lines, whose amount is the line's, not the
/// sale's.
pub(crate) fn percent_amount(
    rate: &Rate,
    sale: &Sale,
    units: u64,
) -> Result<Decimal, FeeErrorKind> {
    let Rate::PercentOfPrice {
        percent_of_price,
        min_per_unit,
        max_per_unit,
    } = rate
    else {
        return Ok(Decimal::ZERO);
    };
    let price = sale.price.ok_or_else(|| FeeErrorKind::MissingPrice {
        product: sale.product.clone(),
        country: sale.country.clone(),
    })?;
    let mut per_unit = price * percent_of_price;
    if let Some(lo) = min_per_unit {
        per_unit = per_unit.max(*lo);
    }
    if let Some(hi) = max_per_unit {
        per_unit = per_unit.min(*hi);
    }
    Decimal::from(units)
        .checked_mul(per_unit)
        .ok_or(FeeErrorKind::TooLarge)
}
