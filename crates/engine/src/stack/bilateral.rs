//! What a bilateral licence costs in a year: per unit, plus percent of price clamped per unit,
//! plus the lump sum, lowered to the annual cap, rounded half away from zero.

use rust_decimal::Decimal;

use super::Bilateral;
use crate::model::money::round;

impl Bilateral {
    /// The payable for `units` sold at `price` in a year, rounded to `decimals`; `None` when an
    /// amount does not fit a decimal (never for amounts the reader accepts).
    #[must_use]
    pub fn payable(&self, units: u64, price: Decimal, decimals: u32) -> Option<Decimal> {
        let units = Decimal::from(units);
        let per_unit = self.per_unit.unwrap_or_default();
        let percent = match self.percent_of_price {
            Some(p) => {
                let mut each = price.checked_mul(p)?;
                if let Some(lo) = self.min_per_unit {
                    each = each.max(lo);
                }
                if let Some(hi) = self.max_per_unit {
                    each = each.min(hi);
                }
                each
            }
            None => Decimal::ZERO,
        };
        let mut amount = units
            .checked_mul(per_unit.checked_add(percent)?)?
            .checked_add(self.lump_sum.unwrap_or_default())?;
        if let Some(cap) = self.annual_cap {
            amount = amount.min(cap);
        }
        Some(round(amount, decimals))
    }

    /// The terms with every amount multiplied by `factor` (the percent kept at most 1).
    #[must_use]
    pub fn scaled(&self, factor: Decimal) -> Option<Bilateral> {
        let scale = |v: Option<Decimal>| match v {
            Some(d) => d.checked_mul(factor).map(Some),
            None => Some(None),
        };
        Some(Bilateral {
            per_unit: scale(self.per_unit)?,
            percent_of_price: scale(self.percent_of_price)?.map(|p| p.min(Decimal::ONE)),
            min_per_unit: scale(self.min_per_unit)?,
            max_per_unit: scale(self.max_per_unit)?,
            lump_sum: scale(self.lump_sum)?,
            annual_cap: self.annual_cap,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn parts_add_then_the_cap_applies() {
        let b = Bilateral {
            per_unit: Some(d("0.10")),
            percent_of_price: Some(d("0.01")),
            min_per_unit: Some(d("0.50")),
            max_per_unit: Some(d("2.00")),
            lump_sum: Some(d("1000")),
            annual_cap: None,
        };
        // 0.01 × 30 = 0.30, raised to the 0.50 minimum: 1,000 × (0.10 + 0.50) + 1,000.
        assert_eq!(b.payable(1000, d("30"), 2), Some(d("1600.00")));
        // 0.01 × 450 = 4.50, lowered to 2.00: 1,000 × 2.10 + 1,000.
        assert_eq!(b.payable(1000, d("450"), 2), Some(d("3100.00")));
        let capped = Bilateral {
            annual_cap: Some(d("2500")),
            ..b.clone()
        };
        assert_eq!(capped.payable(1000, d("450"), 2), Some(d("2500")));
        // No units: the lump sum is still due.
        assert_eq!(b.payable(0, d("450"), 2), Some(d("1000.00")));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        let b = Bilateral {
            percent_of_price: Some(d("0.00325")),
            ..Bilateral::default()
        };
        // 0.00325 × 199.99 = 0.6499675 a unit; × 3 = 1.9499025 → 1.95.
        assert_eq!(b.payable(3, d("199.99"), 2), Some(d("1.95")));
    }

    #[test]
    fn scaling_keeps_the_cap_and_bounds_the_percent() {
        let b = Bilateral {
            per_unit: Some(d("1")),
            percent_of_price: Some(d("0.6")),
            annual_cap: Some(d("10")),
            ..Bilateral::default()
        };
        let s = b.scaled(d("2")).unwrap_or_default();
        assert_eq!(s.per_unit, Some(d("2")));
        assert_eq!(s.percent_of_price, Some(Decimal::ONE));
        assert_eq!(s.annual_cap, Some(d("10")));
    }
}
