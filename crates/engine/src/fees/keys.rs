//! How the fee loop finds a sale's line, its countries and whether a pool patent counts
//! there: by name for any sales, by the numbers a pool keeps for its licensees' sales.

use rust_decimal::Decimal;

use crate::fees::FeeErrorKind;
use crate::model::dataset::{RateSchedule, Sale};
use crate::pool::index::YearCounts;
use crate::pool::{NO_COUNTRY, Pool, Terms};

/// How a sale finds its line and its countries.
pub(crate) trait SaleKey<'a> {
    /// A country, ordered as the codes are.
    type Country: Ord + Copy;
    /// The line of the `k`-th sale and its country of sale, or why it has no line.
    fn resolve(&self, k: usize, sale: &'a Sale) -> Result<(usize, Self::Country), FeeErrorKind>;
    /// The country of sale of the `k`-th sale, without its line (a sale all paid upstream).
    fn country(&self, k: usize, sale: &'a Sale) -> Result<Self::Country, FeeErrorKind>;
    /// The country of manufacture of the `k`-th sale, when it gives one.
    fn made_in(&self, k: usize, sale: &'a Sale) -> Option<Self::Country>;
    /// Whether a pool patent counts in `country` on a day of the year.
    fn covered(&self, country: Self::Country) -> bool;
    /// How much the users and subscribers of the `k`-th sale count: its country's region's
    /// `user_weight`.
    fn user_weight(&self, k: usize, sale: &'a Sale) -> Decimal;
}

/// Sales resolved by their product and country codes.
pub(crate) struct ByName<'p> {
    pub(crate) pool: &'p Pool,
    pub(crate) s_pos: usize,
    pub(crate) schedule: &'p RateSchedule,
    pub(crate) year: i32,
}

impl<'a> SaleKey<'a> for ByName<'_> {
    type Country = &'a str;

    fn resolve(&self, _: usize, sale: &'a Sale) -> Result<(usize, &'a str), FeeErrorKind> {
        resolve(self.pool.terms(), self.s_pos, self.schedule, sale).map(|l| (l, &*sale.country))
    }

    fn country(&self, _: usize, sale: &'a Sale) -> Result<&'a str, FeeErrorKind> {
        Ok(&sale.country)
    }

    fn made_in(&self, _: usize, sale: &'a Sale) -> Option<&'a str> {
        sale.made_in()
    }

    fn covered(&self, country: &'a str) -> bool {
        self.pool.index().country_days(self.year, country) > 0
    }

    fn user_weight(&self, _: usize, sale: &'a Sale) -> Decimal {
        self.pool.terms().user_weight_of(&sale.country)
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
    /// Per sale: the number of its country of manufacture, [`NO_COUNTRY`] when it gives
    /// none; empty when no sale of the pool gives one.
    pub(crate) made_in: &'p [u32],
    pub(crate) counts: Option<&'p YearCounts>,
}

impl ByNumber<'_> {
    /// The keys of the `k`-th sale, or the error its name gives (the keys are built from
    /// these very sales, so only a mismatch of the two would miss one).
    fn keys_of(&self, k: usize, sale: &Sale) -> Result<(Option<usize>, u32), FeeErrorKind> {
        self.keys.get(k).copied().ok_or_else(|| {
            resolve(self.pool.terms(), self.s_pos, self.schedule, sale)
                .err()
                .unwrap_or_else(|| FeeErrorKind::UnknownProduct(sale.product.clone()))
        })
    }
}

impl<'a> SaleKey<'a> for ByNumber<'_> {
    type Country = u32;

    fn resolve(&self, k: usize, sale: &'a Sale) -> Result<(usize, u32), FeeErrorKind> {
        let terms = self.pool.terms();
        let numbers = self.pool.sale_keys();
        let (product, country) = self.keys_of(k, sale)?;
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

    fn country(&self, k: usize, sale: &'a Sale) -> Result<u32, FeeErrorKind> {
        self.keys_of(k, sale).map(|(_, c)| c)
    }

    fn made_in(&self, k: usize, _: &'a Sale) -> Option<u32> {
        self.made_in.get(k).copied().filter(|&c| c != NO_COUNTRY)
    }

    fn covered(&self, country: u32) -> bool {
        let days = self
            .counts
            .zip(self.pool.sale_keys().index_pos(country))
            .and_then(|(y, c)| y.country_days.get(c).copied());
        days.unwrap_or(0) > 0
    }

    fn user_weight(&self, k: usize, _: &'a Sale) -> Decimal {
        let slot = self
            .keys
            .get(k)
            .and_then(|&(_, c)| self.pool.sale_keys().region_slot(c));
        self.pool.terms().user_weight_at(slot)
    }
}

/// The line position a sale resolves to, or why none does.
pub(crate) fn resolve(
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
