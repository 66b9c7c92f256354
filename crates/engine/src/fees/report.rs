//! A licensee's fees as a report: per year, its lines, countries and royalty-free units, with
//! every intermediate step the explain view prints.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::fees::tiers::BandUse;
use crate::model::service::Measures;

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
    /// Royalty-free units: sales where no pool patent counts, and units paid upstream; per
    /// product, country of sale and reason, sorted so.
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
    /// A service line's measures and the tier they reach (version 2).
    pub service: Option<ServiceLineFee>,
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

/// What a service line's sales add up to, and the tier that reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceLineFee {
    /// Weighted users and subscribers, and revenue.
    pub measures: Measures,
    /// The tier reached (its position), `None` when no tier qualifies.
    pub tier: Option<usize>,
}

/// Why units are royalty-free.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExemptReason {
    /// No pool patent counts in the country of sale (nor, under `made_or_sold`, in the
    /// country of manufacture) that year.
    NotInForce,
    /// A supplier up the chain paid for them.
    PaidUpstream,
}

impl ExemptReason {
    /// The JSON name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ExemptReason::NotInForce => "not_in_force",
            ExemptReason::PaidUpstream => "paid_upstream",
        }
    }
}

/// Units sold royalty-free: no pool patent counts where they were sold (or made), or they
/// were paid upstream.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExemptSale {
    /// Product id.
    pub product: String,
    /// Country of sale.
    pub country: String,
    /// Units (0 for a service sale).
    pub units: u64,
    /// Why.
    pub reason: ExemptReason,
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
