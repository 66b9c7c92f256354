//! What one licensee pays in a year (spec section 4): line resolution, tiers, percent of
//! price, discount, group caps, enterprise cap, rounding, and apportioning to lines and
//! countries.

pub mod csv;
mod income;
#[cfg(test)]
mod reference;
pub mod tiers;
mod totals;

pub use income::{Income, pool_income};

use rust_decimal::Decimal;
use serde::Serialize;
use thiserror::Error;

use crate::fees::tiers::{BandUse, amount, charge};
use crate::model::dataset::{Dataset, Discount, Rate, RateSchedule, Sale, Usage};
use crate::model::date::Date;
use crate::model::issue::Issues;
use crate::model::money::{apportion, checked_sum, minor_units, mul_div, round};
use crate::pool::index::YearCounts;
use crate::pool::{Pool, Terms, schedule_for};

/// The default interest-balance reference line: royalty at 25 % of unit profit (a heuristic,
/// never a verdict), shared by the Fees page and the royalty stack.
pub const DEFAULT_REFERENCE: Decimal = Decimal::from_parts(25, 0, 0, false, 2);

/// Why a fee cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FeeErrorKind {
    /// No schedule covers the year.
    #[error("no rate schedule covers {0}")]
    NoSchedule(i32),
    /// The product is not in the dataset.
    #[error("unknown product \"{0}\"")]
    UnknownProduct(String),
    /// No line applies to the sale.
    #[error(
        "schedule \"{schedule}\" has no rate line for product \"{product}\" in {country} (region {region}) and no \"*\" line for it"
    )]
    NoLine {
        /// Schedule id.
        schedule: String,
        /// Product id.
        product: String,
        /// Country of sale.
        country: String,
        /// The country's region, or "none".
        region: String,
    },
    /// A percent-of-price line needs the sale's price.
    #[error(
        "product \"{product}\" in {country} is charged a percentage of the price, so the sale needs a `price`"
    )]
    MissingPrice {
        /// Product id.
        product: String,
        /// Country of sale.
        country: String,
    },
    /// A total passes the 28 digits of exact decimal arithmetic.
    #[error("this total is too large to compute exactly")]
    TooLarge,
}

/// A fee error located in a usage profile.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("year {year}{}: {kind}", .sale.map(|s| format!(", sale {}", s + 1)).unwrap_or_default())]
pub struct FeeError {
    /// Position of the year entry in the profile.
    pub year_index: usize,
    /// The year.
    pub year: i32,
    /// Position of the sale in that year, when one sale is at fault.
    pub sale: Option<usize>,
    /// What is wrong (boxed: errors are rare, results are many).
    pub kind: Box<FeeErrorKind>,
}

impl FeeError {
    /// The JSON path of the fault inside the profile.
    #[must_use]
    pub fn path(&self) -> String {
        match self.sale {
            Some(s) => format!("years[{}].sales[{s}]", self.year_index),
            None => format!("years[{}].year", self.year_index),
        }
    }
}

/// A licensee's fees over the years of its profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeeReport {
    /// Currency of every amount.
    pub currency: String,
    /// Decimals of the currency.
    pub decimals: u32,
    /// One entry per year, ascending.
    pub years: Vec<FeeYear>,
    /// Σ payable.
    pub total: Decimal,
}

/// The discount that applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedDiscount {
    /// Discount id.
    pub id: String,
    /// Fraction taken off.
    pub percent: Decimal,
}

/// Fees of one year, with every intermediate step (for the explain view).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeeYear {
    /// The year.
    pub year: i32,
    /// Schedule id.
    pub schedule: String,
    /// Σ exact line amounts (step 4).
    pub gross: Decimal,
    /// The largest applicable discount, if any.
    pub discount_applied: Option<AppliedDiscount>,
    /// gross × discount percent.
    pub discount: Decimal,
    /// Group caps that bit (step 5).
    pub group_caps_applied: Vec<String>,
    /// Σ lines after step 5, before the enterprise cap.
    pub after_group_caps: Decimal,
    /// Whether the enterprise cap bit (step 6).
    pub annual_cap_applied: bool,
    /// Whether any cap bit.
    pub cap_applied: bool,
    /// What is due, rounded.
    pub payable: Decimal,
    /// Per line, sorted by product then region.
    pub lines: Vec<LineFee>,
    /// Per country, sorted by code.
    pub countries: Vec<CountryFee>,
    /// Royalty-free sales where no pool patent counts, sorted by product then country.
    pub exempt: Vec<ExemptSale>,
}

/// One rate line's part of a year's fees.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineFee {
    /// Product id.
    pub product: String,
    /// Region id or "*".
    pub region: String,
    /// Units resolved to the line.
    pub units: u64,
    /// Bands used, for tiered lines.
    pub bands: Vec<BandUse>,
    /// Exact amount (step 3).
    pub exact: Decimal,
    /// After the discount (step 4).
    pub discounted: Decimal,
    /// After group caps (step 5): the weight for apportioning.
    pub capped: Decimal,
    /// The line's apportioned share of `payable`.
    pub amount: Decimal,
}

/// A country's part of a year's fees.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryFee {
    /// Country code.
    pub country: String,
    /// Apportioned share of `payable`.
    pub amount: Decimal,
}

/// Units sold royalty-free because no pool patent counts in the country that year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExemptSale {
    /// Product id.
    pub product: String,
    /// Country of sale.
    pub country: String,
    /// Units.
    pub units: u64,
}

/// Fees of a whole usage profile, years ascending.
///
/// # Errors
/// The first year or sale that cannot be charged (no schedule, no line, no price).
pub fn compute_fees(pool: &Pool, usage: &Usage) -> Result<FeeReport, FeeError> {
    let mut order: Vec<usize> = (0..usage.years.len()).collect();
    order.sort_by_key(|&i| usage.years[i].year);
    let mut years = Vec::with_capacity(order.len());
    for &i in &order {
        let y = &usage.years[i];
        let fy = fees_for_year(pool, usage.signed, y.year, &y.sales).map_err(|(sale, kind)| {
            FeeError {
                year_index: i,
                year: y.year,
                sale,
                kind,
            }
        })?;
        years.push(fy);
    }
    let mut total = Decimal::ZERO;
    for (y, &i) in years.iter().zip(&order) {
        total = total.checked_add(y.payable).ok_or_else(|| FeeError {
            year_index: i,
            year: y.year,
            sale: None,
            kind: Box::new(FeeErrorKind::TooLarge),
        })?;
    }
    Ok(FeeReport {
        currency: pool.dataset().pool.currency.clone(),
        decimals: pool.decimals(),
        years,
        total,
    })
}

/// Fees of one year's sales. Errors carry the position of the sale at fault.
///
/// # Errors
/// No schedule for the year, a sale with no line or without a needed price.
pub fn fees_for_year(
    pool: &Pool,
    signed: Option<Date>,
    year: i32,
    sales: &[Sale],
) -> Result<FeeYear, (Option<usize>, Box<FeeErrorKind>)> {
    let (s_pos, _) = pool
        .schedule_for(year)
        .ok_or_else(|| (None, Box::new(FeeErrorKind::NoSchedule(year))))?;
    fees_under_schedule(pool, s_pos, signed, year, sales)
}

/// Fees of one year's sales under the schedule at position `s_pos`, whatever years it
/// covers: "what would this year cost under the other schedule".
///
/// # Errors
/// An unknown schedule position, a sale with no line or without a needed price.
pub fn fees_under_schedule(
    pool: &Pool,
    s_pos: usize,
    signed: Option<Date>,
    year: i32,
    sales: &[Sale],
) -> Result<FeeYear, (Option<usize>, Box<FeeErrorKind>)> {
    let schedule = pool
        .dataset()
        .rate_schedules
        .get(s_pos)
        .ok_or_else(|| (None, Box::new(FeeErrorKind::NoSchedule(year))))?;
    let by = ByName {
        pool,
        s_pos,
        schedule,
        year,
    };
    let mut scratch = FeeScratch::default();
    let calc = year_calc(pool, s_pos, signed, year, sales, &by, &mut scratch, true)?;
    let schedule = calc.schedule;
    let decimals = pool.decimals();
    let line_weights: Vec<((&str, &str), Decimal)> = scratch
        .lines
        .iter()
        .map(|l| {
            let line = &schedule.lines[l.line];
            ((line.product.as_str(), line.region.as_str()), l.capped)
        })
        .collect();
    let line_parts = apportion(calc.payable, &line_weights, decimals);
    let n = scratch.lines.len();
    let lines = scratch
        .lines
        .drain(..)
        .zip(line_parts.unwrap_or_else(|| zeros(n, decimals)))
        .map(|(l, amount)| {
            let line = &schedule.lines[l.line];
            LineFee {
                product: line.product.clone(),
                region: line.region.clone(),
                units: l.units,
                bands: l.bands,
                exact: l.exact,
                discounted: l.discounted,
                capped: l.capped,
                amount: with_scale(amount, decimals),
            }
        })
        .collect();
    let countries = scratch
        .weights
        .iter()
        .zip(&calc.country_amounts)
        .map(|((c, _), amount)| CountryFee {
            country: (*c).to_owned(),
            amount: *amount,
        })
        .collect();
    // Stable: the units of a (product, country) add up in sale order.
    scratch.exempt.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut exempt: Vec<ExemptSale> = Vec::new();
    for &(product, country, units) in &scratch.exempt {
        match exempt.last_mut() {
            Some(e) if e.product == product && e.country == country => {
                e.units = e.units.saturating_add(units);
            }
            _ => exempt.push(ExemptSale {
                product: product.to_owned(),
                country: country.to_owned(),
                units,
            }),
        }
    }
    let group_caps_applied: Vec<String> = calc
        .group_caps_applied
        .iter()
        .map(|&id| id.to_owned())
        .collect();
    Ok(FeeYear {
        year,
        schedule: schedule.id.clone(),
        gross: calc.gross,
        discount_applied: calc.discount_applied.map(|d| AppliedDiscount {
            id: d.id.clone(),
            percent: d.percent,
        }),
        discount: calc.discount,
        cap_applied: calc.annual_cap_applied || !group_caps_applied.is_empty(),
        group_caps_applied,
        after_group_caps: calc.after_group_caps,
        annual_cap_applied: calc.annual_cap_applied,
        payable: with_scale(calc.payable, decimals),
        lines,
        countries,
        exempt,
    })
}

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

/// One charged sale, for the split of its line's amount by country.
struct Cell<K> {
    /// The line's place in (product, region) order.
    rank: usize,
    line: usize,
    country: K,
    units: u64,
    exact: Decimal,
}

/// A used line through steps 3 to 5.
struct LineCalc {
    line: usize,
    is_percent: bool,
    units: u64,
    /// Collected only for a [`FeeYear`].
    bands: Vec<BandUse>,
    exact: Decimal,
    discounted: Decimal,
    capped: Decimal,
}

impl FeeYear {
    /// The year's payable per product (Σ of the product's apportioned lines), by product id.
    #[must_use]
    pub fn by_product(&self) -> Vec<(String, Decimal)> {
        let mut m: std::collections::BTreeMap<&str, Decimal> = std::collections::BTreeMap::new();
        for l in &self.lines {
            *m.entry(&l.product).or_default() += l.amount;
        }
        m.into_iter().map(|(p, a)| (p.to_owned(), a)).collect()
    }
}

/// The buffers of one year's fee computation. [`pool_income`] keeps one
/// across all licensees, so a licensee costs no allocation beyond its apportioning.
#[derive(Default)]
pub(crate) struct FeeScratch<'a, K> {
    acc: Vec<LineAcc>,
    cells: Vec<Cell<K>>,
    lines: Vec<LineCalc>,
    shares: Vec<(K, Decimal)>,
    /// Per country, sorted by code: its exact weight in the split of `payable`.
    pub(crate) weights: Vec<(K, Decimal)>,
    exempt: Vec<(&'a str, &'a str, u64)>,
}

/// A year's fees as numbers; the lines are in the scratch's `lines`, the countries in its
/// `weights`.
pub(crate) struct YearCalc<'a> {
    schedule: &'a RateSchedule,
    gross: Decimal,
    discount_applied: Option<&'a Discount>,
    discount: Decimal,
    group_caps_applied: Vec<&'a str>,
    after_group_caps: Decimal,
    annual_cap_applied: bool,
    /// Rounded to the currency, not yet rescaled.
    payable: Decimal,
    /// Per country of the scratch's `weights`: its apportioned share of `payable`, rescaled.
    pub(crate) country_amounts: Vec<Decimal>,
}

/// Steps 1 to 6 of a year's fees and the split of `payable` by country (step 7), without
/// the strings of a [`FeeYear`]: sales are resolved to line numbers once, lines ordered by a
/// precomputed rank, and the bands of tiered lines collected only when `with_bands`.
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
) -> Result<YearCalc<'a>, (Option<usize>, Box<FeeErrorKind>)> {
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
        lines,
        shares,
        weights,
        exempt,
    } = scratch;
    acc.clear();
    acc.resize(schedule.lines.len(), LineAcc::default());
    cells.clear();
    lines.clear();
    exempt.clear();
    for (k, sale) in sales.iter().enumerate() {
        let (l, country) = by.resolve(k, sale).map_err(|e| (Some(k), Box::new(e)))?;
        if schedule.requires_patent_in_force && by.uncovered(country, sale) {
            exempt.push((&sale.product, &sale.country, sale.units));
            continue;
        }
        let line = &schedule.lines[l];
        let a = &mut acc[l];
        a.used = true;
        a.units = a.units.saturating_add(sale.units);
        let sale_exact = percent_amount(&line.rate, sale).map_err(|e| (Some(k), Box::new(e)))?;
        a.percent_exact = a
            .percent_exact
            .checked_add(sale_exact)
            .ok_or_else(|| too_large(Some(k)))?;
        cells.push(Cell {
            rank: lookup.rank[l],
            line: l,
            country,
            units: sale.units,
            exact: sale_exact,
        });
    }

    // Step 3: each line's exact amount.
    for (i, a) in acc.iter().enumerate().filter(|(_, a)| a.used) {
        let line = &schedule.lines[i];
        // A line's amount is at most its units at its highest rate: when that fits, so do the
        // amount and every band's part of it.
        if Decimal::from(a.units)
            .checked_mul(top_rate(&line.rate))
            .is_none()
        {
            return Err(too_large(None));
        }
        let (bands, exact) = match &line.rate {
            Rate::PerUnit { per_unit } => (Vec::new(), Decimal::from(a.units) * per_unit),
            Rate::Tiers { tiers, tier_mode } if with_bands => {
                let bands = charge(tiers, *tier_mode, a.units);
                let exact = bands.iter().map(|b| b.amount).sum();
                (bands, exact)
            }
            Rate::Tiers { tiers, tier_mode } => (Vec::new(), amount(tiers, *tier_mode, a.units)),
            Rate::PercentOfPrice { .. } => (Vec::new(), a.percent_exact),
        };
        lines.push(LineCalc {
            line: i,
            is_percent: matches!(line.rate, Rate::PercentOfPrice { .. }),
            units: a.units,
            bands,
            exact,
            discounted: exact,
            capped: exact,
        });
    }
    lines.sort_by_key(|l| lookup.rank[l.line]);
    for (pos, l) in lines.iter().enumerate() {
        acc[l.line].pos = pos;
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

    // Step 7, by country: each line's capped amount split by its countries' exact shares,
    // lines in (product, region) order and each line's countries by code. A stable sort keeps
    // the sales of one line and country in sale order, so their sums add up as before.
    cells.sort_by(|a, b| (a.rank, a.country).cmp(&(b.rank, b.country)));
    shares.clear();
    let mut k = 0;
    while let Some(first) = cells.get(k) {
        let (line, country) = (first.line, first.country);
        let (mut units, mut sale_exact) = (0u64, Decimal::ZERO);
        while let Some(c) = cells
            .get(k)
            .filter(|c| c.line == line && c.country == country)
        {
            units = units.saturating_add(c.units);
            sale_exact += c.exact;
            k += 1;
        }
        let fee = &lines[acc[line].pos];
        let share = if fee.is_percent {
            ratio(fee.capped, sale_exact, fee.exact)
        } else {
            ratio(fee.capped, Decimal::from(units), Decimal::from(fee.units))
        };
        shares.push((country, share));
    }
    // Stable: a country's shares add up in line order.
    shares.sort_by(|a, b| a.0.cmp(&b.0));
    weights.clear();
    for &(country, share) in shares.iter() {
        match weights.last_mut() {
            Some(w) if w.0 == country => w.1 += share,
            _ => weights.push((country, share)),
        }
    }
    let country_amounts = apportion(payable, weights, decimals)
        .unwrap_or_else(|| zeros(weights.len(), decimals))
        .into_iter()
        .map(|a| with_scale(a, decimals))
        .collect();

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

/// How a sale finds its line and its country: by name for any sales, by the numbers a pool
/// keeps for its licensees' sales.
pub(crate) trait SaleKey<'a> {
    /// A country, ordered as the codes are.
    type Country: Ord + Copy;
    /// The line of the `k`-th sale and its country, or why it has no line.
    fn resolve(&self, k: usize, sale: &'a Sale) -> Result<(usize, Self::Country), FeeErrorKind>;
    /// Whether no pool patent counts in the sale's country this year.
    fn uncovered(&self, country: Self::Country, sale: &Sale) -> bool;
}

/// Sales resolved by their product and country codes.
struct ByName<'p> {
    pool: &'p Pool,
    s_pos: usize,
    schedule: &'p RateSchedule,
    year: i32,
}

impl<'a> SaleKey<'a> for ByName<'_> {
    type Country = &'a str;

    fn resolve(&self, _: usize, sale: &'a Sale) -> Result<(usize, &'a str), FeeErrorKind> {
        resolve(self.pool.terms(), self.s_pos, self.schedule, sale).map(|l| (l, &*sale.country))
    }

    fn uncovered(&self, _: &'a str, sale: &Sale) -> bool {
        self.pool.index().country_days(self.year, &sale.country) == 0
    }
}

/// The sales of one licensee's year in the pool's dataset, by the numbers of
/// [`Pool::sale_keys`](crate::pool::Pool).
pub(crate) struct ByNumber<'p> {
    pub(crate) pool: &'p Pool,
    pub(crate) s_pos: usize,
    pub(crate) schedule: &'p RateSchedule,
    /// Per sale: product position and country number.
    pub(crate) keys: &'p [(Option<usize>, u32)],
    pub(crate) counts: Option<&'p YearCounts>,
}

impl<'a> SaleKey<'a> for ByNumber<'_> {
    type Country = u32;

    fn resolve(&self, k: usize, sale: &'a Sale) -> Result<(usize, u32), FeeErrorKind> {
        let terms = self.pool.terms();
        let numbers = self.pool.sale_keys();
        let Some(&(product, country)) = self.keys.get(k) else {
            // The keys are built from these very sales; without one, the name says why.
            return Err(resolve(terms, self.s_pos, self.schedule, sale)
                .err()
                .unwrap_or_else(|| FeeErrorKind::UnknownProduct(sale.product.clone())));
        };
        let line = product.and_then(|p| {
            let slot = numbers.region_slot(country)?;
            terms.line_at(self.s_pos, p, slot)
        });
        match line {
            Some(l) => Ok((l, country)),
            // The error names the product, country and region: by name, as any sale.
            None => resolve(terms, self.s_pos, self.schedule, sale).map(|l| (l, country)),
        }
    }

    fn uncovered(&self, country: u32, _: &Sale) -> bool {
        let days = self
            .counts
            .zip(self.pool.sale_keys().index_pos(country))
            .and_then(|(y, c)| y.country_days.get(c).copied());
        days.unwrap_or(0) == 0
    }
}

/// A total that does not fit, at the sale that made it (or the year).
fn too_large(sale: Option<usize>) -> (Option<usize>, Box<FeeErrorKind>) {
    (sale, Box::new(FeeErrorKind::TooLarge))
}

/// The most a unit of a unit-priced or tiered line costs; 0 for percent-of-price lines,
/// whose sales are added up one by one.
fn top_rate(rate: &Rate) -> Decimal {
    match rate {
        Rate::PerUnit { per_unit } => *per_unit,
        Rate::Tiers { tiers, .. } => tiers
            .iter()
            .map(|t| t.per_unit)
            .max()
            .unwrap_or(Decimal::ZERO),
        Rate::PercentOfPrice { .. } => Decimal::ZERO,
    }
}

/// What apportioning gives when every weight is 0.
fn zeros(n: usize, decimals: u32) -> Vec<Decimal> {
    vec![round(Decimal::ZERO, decimals); n]
}

/// A sale's exact amount on a percent-of-price line (spec 4.3: units × clamp(price ×
/// percent, min, max)); 0 on other lines, whose amount is the line's, not the sale's.
pub(crate) fn percent_amount(rate: &Rate, sale: &Sale) -> Result<Decimal, FeeErrorKind> {
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
    Decimal::from(sale.units)
        .checked_mul(per_unit)
        .ok_or(FeeErrorKind::TooLarge)
}

/// `amount × part / whole`, 0 when the whole is 0.
fn ratio(amount: Decimal, part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        Decimal::ZERO
    } else {
        mul_div(amount, part, whole)
    }
}

fn with_scale(mut d: Decimal, decimals: u32) -> Decimal {
    d.rescale(decimals);
    d
}

/// The line position a sale resolves to, or why none does.
fn resolve(
    terms: &Terms,
    s_pos: usize,
    schedule: &RateSchedule,
    sale: &Sale,
) -> Result<usize, FeeErrorKind> {
    let Ok(line) = terms.fast_line(s_pos, &sale.product, &sale.country) else {
        return Err(FeeErrorKind::UnknownProduct(sale.product.clone()));
    };
    line.ok_or_else(|| FeeErrorKind::NoLine {
        schedule: schedule.id.clone(),
        product: sale.product.clone(),
        country: sale.country.clone(),
        region: terms.region_of(&sale.country).unwrap_or("none").to_owned(),
    })
}

/// Reports every sale of `usage` that could not be charged under `d`'s terms, with paths
/// under `at` (empty for a usage file of its own). A sale on a percent-of-price line must
/// carry a price even in a year where it would be exempt, so the profile stays usable when
/// patents are added.
pub fn check_usage_against(d: &Dataset, usage: &Usage, at: &str, issues: &mut Issues) {
    let terms = Terms::new(d);
    check_usage_with(d, &terms, usage, at, issues);
}

/// Every rule of spec section 2 that relates parts of a dataset: those of `io::validate`, then
/// the licensee estimates checked against the dataset's own terms (which needs the fee rules)
/// and their totals bounded so no sum of them can overflow.
pub(crate) fn check_dataset(d: &Dataset, issues: &mut Issues) {
    if !crate::io::validate::check_dataset(d, issues) {
        return;
    }
    let terms = Terms::new(d);
    for (i, l) in d.licensees.iter().enumerate() {
        check_usage_with(d, &terms, &l.usage, &format!("licensees[{i}]"), issues);
    }
    if issues.is_empty() {
        totals::check_totals(d, issues);
    }
}

pub(crate) fn check_usage_with(
    d: &Dataset,
    terms: &Terms,
    usage: &Usage,
    at: &str,
    issues: &mut Issues,
) {
    let prefix = if at.is_empty() {
        String::new()
    } else {
        format!("{at}.")
    };
    for (i, y) in usage.years.iter().enumerate() {
        let Some((s_pos, schedule)) = schedule_for(d, y.year) else {
            issues.push(
                format!("{prefix}years[{i}].year"),
                FeeErrorKind::NoSchedule(y.year).to_string(),
            );
            continue;
        };
        for (k, sale) in y.sales.iter().enumerate() {
            let path = || format!("{prefix}years[{i}].sales[{k}]");
            match resolve(terms, s_pos, schedule, sale) {
                Err(e @ FeeErrorKind::UnknownProduct(_)) => {
                    issues.push(format_args!("{}.product", path()), e.to_string());
                }
                Err(e) => issues.push(path(), e.to_string()),
                Ok(l) => {
                    if matches!(schedule.lines[l].rate, Rate::PercentOfPrice { .. })
                        && sale.price.is_none()
                    {
                        issues.push(
                            format_args!("{}.price", path()),
                            FeeErrorKind::MissingPrice {
                                product: sale.product.clone(),
                                country: sale.country.clone(),
                            }
                            .to_string(),
                        );
                    }
                }
            }
        }
    }
}
