//! What one licensee pays in a year (spec section 4): line resolution, tiers, percent of
//! price, discount, group caps, enterprise cap, rounding, and apportioning to lines and
//! countries.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;
use thiserror::Error;

use crate::dataset::{Dataset, Rate, RateSchedule, Sale, Usage};
use crate::date::Date;
use crate::issue::Issues;
use crate::money::{apportion, round};
use crate::pool::{Pool, Terms, schedule_for};
use crate::tiers::{BandUse, charge};

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
    for i in order {
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
    let total = years.iter().map(|y| y.payable).sum();
    Ok(FeeReport {
        currency: pool.dataset().pool.currency.clone(),
        decimals: pool.decimals(),
        years,
        total,
    })
}

/// Sales gathered on one line.
#[derive(Default)]
struct LineAcc<'s> {
    units: u64,
    /// Exact percent-of-price amount (0 for unit lines).
    percent_exact: Decimal,
    /// Per country: units, and the exact percent-of-price amount.
    by_country: BTreeMap<&'s str, (u64, Decimal)>,
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
    let terms = pool.terms();
    let mut acc: Vec<Option<LineAcc>> = (0..schedule.lines.len()).map(|_| None).collect();
    let mut exempt: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    for (k, sale) in sales.iter().enumerate() {
        let l = resolve(terms, s_pos, schedule, sale).map_err(|e| (Some(k), Box::new(e)))?;
        if schedule.requires_patent_in_force && pool.index().country_days(year, &sale.country) == 0
        {
            *exempt
                .entry((sale.product.as_str(), sale.country.as_str()))
                .or_default() += sale.units;
            continue;
        }
        let line = &schedule.lines[l];
        let a = acc[l].get_or_insert_with(LineAcc::default);
        a.units = a.units.saturating_add(sale.units);
        let sale_exact = match &line.rate {
            Rate::PercentOfPrice {
                percent_of_price,
                min_per_unit,
                max_per_unit,
            } => {
                let price = sale.price.ok_or_else(|| {
                    (
                        Some(k),
                        Box::new(FeeErrorKind::MissingPrice {
                            product: sale.product.clone(),
                            country: sale.country.clone(),
                        }),
                    )
                })?;
                let mut per_unit = price * percent_of_price;
                if let Some(lo) = min_per_unit {
                    per_unit = per_unit.max(*lo);
                }
                if let Some(hi) = max_per_unit {
                    per_unit = per_unit.min(*hi);
                }
                Decimal::from(sale.units) * per_unit
            }
            _ => Decimal::ZERO,
        };
        a.percent_exact += sale_exact;
        let c = a.by_country.entry(sale.country.as_str()).or_default();
        c.0 = c.0.saturating_add(sale.units);
        c.1 += sale_exact;
    }

    // Step 3: each line's exact amount.
    let mut lines: Vec<(usize, LineAcc, LineFee)> = acc
        .into_iter()
        .enumerate()
        .filter_map(|(i, a)| a.map(|a| (i, a)))
        .map(|(i, a)| {
            let line = &schedule.lines[i];
            let (bands, exact) = match &line.rate {
                Rate::PerUnit { per_unit } => (Vec::new(), Decimal::from(a.units) * per_unit),
                Rate::Tiers { tiers, tier_mode } => {
                    let bands = charge(tiers, *tier_mode, a.units);
                    let exact = bands.iter().map(|b| b.amount).sum();
                    (bands, exact)
                }
                Rate::PercentOfPrice { .. } => (Vec::new(), a.percent_exact),
            };
            let fee = LineFee {
                product: line.product.clone(),
                region: line.region.clone(),
                units: a.units,
                bands,
                exact,
                discounted: exact,
                capped: exact,
                amount: Decimal::ZERO,
            };
            (i, a, fee)
        })
        .collect();
    lines.sort_by(|a, b| (&a.2.product, &a.2.region).cmp(&(&b.2.product, &b.2.region)));

    // Step 4: gross and the largest applicable discount.
    let gross: Decimal = lines.iter().map(|l| l.2.exact).sum();
    let discount_applied = signed.and_then(|signed| {
        schedule
            .discounts
            .iter()
            .filter(|d| signed < d.signed_before)
            .max_by(|a, b| a.percent.cmp(&b.percent).then_with(|| b.id.cmp(&a.id)))
            .map(|d| AppliedDiscount {
                id: d.id.clone(),
                percent: d.percent,
            })
    });
    let percent = discount_applied
        .as_ref()
        .map_or(Decimal::ZERO, |d| d.percent);
    let discount = gross * percent;
    for l in &mut lines {
        l.2.discounted = l.2.exact * (Decimal::ONE - percent);
        l.2.capped = l.2.discounted;
    }

    // Step 5: group caps scale their lines down to the cap.
    let mut group_caps_applied = Vec::new();
    for cap in &schedule.group_caps {
        let in_group = |p: &str| cap.products.iter().any(|g| g == p);
        let sum: Decimal = lines
            .iter()
            .filter(|l| in_group(&l.2.product))
            .map(|l| l.2.discounted)
            .sum();
        if sum > cap.amount {
            for l in lines.iter_mut().filter(|l| in_group(&l.2.product)) {
                l.2.capped = l.2.discounted * cap.amount / sum;
            }
            group_caps_applied.push(cap.id.clone());
        }
    }

    // Step 6: the enterprise cap, then rounding.
    let after_group_caps: Decimal = lines.iter().map(|l| l.2.capped).sum();
    let annual_cap_applied = schedule.annual_cap.is_some_and(|c| after_group_caps > c);
    let unrounded = match schedule.annual_cap {
        Some(c) if annual_cap_applied => c,
        _ => after_group_caps,
    };
    let decimals = pool.decimals();
    let payable = round(unrounded, decimals);

    // Step 7: apportion to lines, and to countries by their exact shares.
    let line_weights: Vec<((&str, &str), Decimal)> = lines
        .iter()
        .map(|l| ((l.2.product.as_str(), l.2.region.as_str()), l.2.capped))
        .collect();
    let line_parts = apportion(payable, &line_weights, decimals);
    let mut country_weights: BTreeMap<&str, Decimal> = BTreeMap::new();
    for (i, a, fee) in &lines {
        let is_percent = matches!(schedule.lines[*i].rate, Rate::PercentOfPrice { .. });
        for (country, (units, sale_exact)) in &a.by_country {
            let share = if is_percent {
                ratio(fee.capped, *sale_exact, fee.exact)
            } else {
                ratio(fee.capped, Decimal::from(*units), Decimal::from(a.units))
            };
            *country_weights.entry(country).or_default() += share;
        }
    }
    let country_weights: Vec<(&str, Decimal)> = country_weights.into_iter().collect();
    let country_parts = apportion(payable, &country_weights, decimals);
    let zero = |n: usize| vec![round(Decimal::ZERO, decimals); n];
    let countries = country_weights
        .iter()
        .zip(country_parts.unwrap_or_else(|| zero(country_weights.len())))
        .map(|((c, _), amount)| CountryFee {
            country: (*c).to_owned(),
            amount: with_scale(amount, decimals),
        })
        .collect();
    let n = lines.len();
    let lines = lines
        .into_iter()
        .zip(line_parts.unwrap_or_else(|| zero(n)))
        .map(|((_, _, mut fee), amount)| {
            fee.amount = with_scale(amount, decimals);
            fee
        })
        .collect();

    Ok(FeeYear {
        year,
        schedule: schedule.id.clone(),
        gross,
        discount_applied,
        discount,
        group_caps_applied: group_caps_applied.clone(),
        after_group_caps,
        annual_cap_applied,
        cap_applied: annual_cap_applied || !group_caps_applied.is_empty(),
        payable: with_scale(payable, decimals),
        lines,
        countries,
        exempt: exempt
            .into_iter()
            .map(|((product, country), units)| ExemptSale {
                product: product.to_owned(),
                country: country.to_owned(),
                units,
            })
            .collect(),
    })
}

/// `amount × part / whole`, 0 when the whole is 0.
fn ratio(amount: Decimal, part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        Decimal::ZERO
    } else {
        amount * part / whole
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
    if !terms.has_product(&sale.product) {
        return Err(FeeErrorKind::UnknownProduct(sale.product.clone()));
    }
    terms
        .resolve_line(s_pos, &sale.product, &sale.country)
        .ok_or_else(|| FeeErrorKind::NoLine {
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
