//! A validated dataset together with everything computed once for it: the patent-day index,
//! the lookups of regions and rate lines, and the licensees' sales as numbers (`sale_keys`).

pub mod index;
mod sale_keys;

pub(crate) use sale_keys::{NO_COUNTRY, SaleKeys};

use std::collections::HashMap;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use crate::model::dataset::{ANY_REGION, Dataset, RateSchedule};
use crate::model::date::Date;
use crate::model::service::ProductKind;
use crate::pool::index::PoolIndex;

/// A dataset ready for computing: validated, indexed, with its lookups built.
#[derive(Debug, Clone)]
pub struct Pool {
    dataset: Dataset,
    index: PoolIndex,
    terms: Terms,
    sale_keys: SaleKeys,
}
/// Lookups of a dataset's licensing terms: which region a country is in, which line a sale
/// resolves to.
#[derive(Debug, Clone)]
pub struct Terms {
    /// Product id → position in the dataset's products (the first, if repeated).
    products: FxHashMap<String, usize>,
    region_ids: Vec<String>,
    region_of: FxHashMap<String, usize>,
    default_region: Option<usize>,
    /// Per schedule: product → its lines as (region id or "*", line position).
    lines: Vec<HashMap<String, Vec<(String, usize)>>>,
    /// Per schedule, what the fee loop needs without comparing strings.
    fast: Vec<ScheduleLookup>,
    /// Per region slot (regions, then "in no region"): its `user_weight`.
    user_weights: Vec<Decimal>,
    /// Per product position: device or service.
    kinds: Vec<ProductKind>,
}

/// One schedule's lines resolved once, so that a sale costs two hash lookups (its product and
/// its country) instead of string searches, and lines are ordered and grouped by number.
#[derive(Debug, Clone)]
pub(crate) struct ScheduleLookup {
    /// `[product × (regions + 1) + region]`: the line a sale resolves to; the last region slot
    /// is "in no region".
    line_of: Vec<Option<usize>>,
    /// Per line: its place in (product, region) order, the order of [`crate::fees::FeeYear`]
    /// lines.
    pub(crate) rank: Vec<usize>,
    /// Per group cap, per line: whether the line's product is in the group.
    pub(crate) in_cap: Vec<Vec<bool>>,
}

impl Pool {
    /// Indexes a dataset. The dataset should have passed validation (`load_dataset` does
    /// both); on an unvalidated one, computations return errors rather than panic.
    #[must_use]
    pub fn new(dataset: Dataset) -> Pool {
        let index = PoolIndex::build(&dataset);
        Pool::with_index(dataset, index)
    }

    /// A dataset with its index, counted already (in slices, by `load::Loader`): the
    /// lookups of its terms and sales are built.
    pub(crate) fn with_index(dataset: Dataset, index: PoolIndex) -> Pool {
        let terms = Terms::new(&dataset);
        let sale_keys = SaleKeys::new(&dataset, &terms, &index);
        Pool {
            dataset,
            index,
            terms,
            sale_keys,
        }
    }

    /// The licensees' sales resolved to numbers.
    pub(crate) fn sale_keys(&self) -> &SaleKeys {
        &self.sale_keys
    }

    /// The dataset.
    #[must_use]
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The patent-day index.
    #[must_use]
    pub fn index(&self) -> &PoolIndex {
        &self.index
    }

    /// The lookups of the licensing terms.
    #[must_use]
    pub fn terms(&self) -> &Terms {
        &self.terms
    }

    /// Decimals of the pool's currency.
    #[must_use]
    pub fn decimals(&self) -> u32 {
        self.dataset.pool.currency_decimals
    }

    /// The first schedule covering `year`, with its position: the pool's terms of that year
    /// as a page shows them. A licensee's fees use [`Self::schedule_admitting`].
    #[must_use]
    pub fn schedule_for(&self, year: i32) -> Option<(usize, &RateSchedule)> {
        schedule_for(&self.dataset, year)
    }

    /// The schedule a licensee signed on `signed` is charged under in `year`.
    #[must_use]
    pub fn schedule_admitting(
        &self,
        year: i32,
        signed: Option<Date>,
    ) -> Option<(usize, &RateSchedule)> {
        schedule_admitting(&self.dataset, year, signed)
    }
}

/// The first schedule of `d` covering `year`, with its position. Without signing-date
/// schedules (every version 1 dataset) it is the only one.
#[must_use]
pub fn schedule_for(d: &Dataset, year: i32) -> Option<(usize, &RateSchedule)> {
    d.rate_schedules
        .iter()
        .enumerate()
        .find(|(_, s)| s.covers(year))
}

/// The schedule of `d` covering `year` that admits a licensee signed on `signed`
/// (pool-dataset-v2 4), with its position.
#[must_use]
pub fn schedule_admitting(
    d: &Dataset,
    year: i32,
    signed: Option<Date>,
) -> Option<(usize, &RateSchedule)> {
    d.rate_schedules
        .iter()
        .enumerate()
        .find(|(_, s)| s.covers(year) && s.admits(signed))
}
impl Terms {
    /// Builds the lookups of a dataset.
    #[must_use]
    pub fn new(dataset: &Dataset) -> Terms {
        let mut region_of = FxHashMap::default();
        for (i, r) in dataset.regions.iter().enumerate() {
            for c in &r.countries {
                region_of.entry(c.clone()).or_insert(i);
            }
        }
        let default_region = dataset.regions.iter().position(|r| r.default);
        let lines = dataset
            .rate_schedules
            .iter()
            .map(|s| {
                let mut by_product: HashMap<String, Vec<(String, usize)>> = HashMap::new();
                for (i, l) in s.lines.iter().enumerate() {
                    by_product
                        .entry(l.product.clone())
                        .or_default()
                        .push((l.region.clone(), i));
                }
                by_product
            })
            .collect();
        let mut products = FxHashMap::default();
        for (i, p) in dataset.products.iter().enumerate() {
            products.entry(p.id.clone()).or_insert(i);
        }
        let mut terms = Terms {
            products,
            region_ids: dataset.regions.iter().map(|r| r.id.clone()).collect(),
            region_of,
            default_region,
            lines,
            fast: Vec::new(),
            user_weights: dataset
                .regions
                .iter()
                .map(crate::model::dataset::Region::user_weight)
                .chain(std::iter::once(Decimal::ONE))
                .collect(),
            kinds: dataset.products.iter().map(|p| p.kind).collect(),
        };
        terms.fast = dataset
            .rate_schedules
            .iter()
            .enumerate()
            .map(|(s, schedule)| terms.schedule_lookup(dataset, s, schedule))
            .collect();
        terms
    }

    fn schedule_lookup(&self, d: &Dataset, s: usize, schedule: &RateSchedule) -> ScheduleLookup {
        let slots = self.region_ids.len() + 1;
        let mut line_of = vec![None; d.products.len() * slots];
        for (p, product) in d.products.iter().enumerate() {
            for slot in 0..slots {
                // Through the string lookup, so both paths resolve alike by construction.
                let region = self.region_ids.get(slot).map(String::as_str);
                line_of[p * slots + slot] = self.resolve_in_region(s, &product.id, region);
            }
        }
        let mut order: Vec<usize> = (0..schedule.lines.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&schedule.lines[a], &schedule.lines[b]);
            (&a.product, &a.region).cmp(&(&b.product, &b.region))
        });
        let mut rank = vec![0; order.len()];
        for (r, &l) in order.iter().enumerate() {
            rank[l] = r;
        }
        let in_cap = schedule
            .group_caps
            .iter()
            .map(|cap| {
                schedule
                    .lines
                    .iter()
                    .map(|l| cap.products.contains(&l.product))
                    .collect()
            })
            .collect();
        ScheduleLookup {
            line_of,
            rank,
            in_cap,
        }
    }

    /// What the fee loop reads of schedule `s`.
    pub(crate) fn schedule_lookup_at(&self, s: usize) -> Option<&ScheduleLookup> {
        self.fast.get(s)
    }

    /// [`Self::resolve_line`] by two hash lookups: `Err(())` when the product is unknown,
    /// `Ok(None)` when no line applies.
    pub(crate) fn fast_line(
        &self,
        s: usize,
        product: &str,
        country: &str,
    ) -> Result<Option<usize>, ()> {
        let p = *self.products.get(product).ok_or(())?;
        Ok(self.line_at(s, p, self.region_slot(country)))
    }

    /// The region slot of a country in [`ScheduleLookup`]: its region, or the last slot for
    /// "in no region".
    fn region_slot(&self, country: &str) -> usize {
        self.region_of
            .get(country)
            .copied()
            .or(self.default_region)
            .filter(|&r| r < self.region_ids.len())
            .unwrap_or(self.region_ids.len())
    }

    /// The `user_weight` of the region slot (1 for "in no region").
    pub(crate) fn user_weight_at(&self, slot: Option<usize>) -> Decimal {
        slot.and_then(|s| self.user_weights.get(s))
            .copied()
            .unwrap_or(Decimal::ONE)
    }

    /// How much a user or subscriber in `country` counts: its region's `user_weight`, 1 in
    /// no region.
    #[must_use]
    pub fn user_weight_of(&self, country: &str) -> Decimal {
        self.user_weight_at(Some(self.region_slot(country)))
    }

    /// Whether `product` is a device or a service; `None` when it is not in the dataset.
    #[must_use]
    pub fn product_kind(&self, product: &str) -> Option<ProductKind> {
        self.products
            .get(product)
            .and_then(|&p| self.kinds.get(p))
            .copied()
    }

    /// The line of schedule `s` for product position `p` in region slot `slot`.
    pub(crate) fn line_at(&self, s: usize, p: usize, slot: usize) -> Option<usize> {
        let slots = self.region_ids.len() + 1;
        self.fast
            .get(s)?
            .line_of
            .get(p * slots + slot)
            .copied()
            .flatten()
    }

    /// The region a country belongs to: the one listing it, else the default, else none.
    #[must_use]
    pub fn region_of(&self, country: &str) -> Option<&str> {
        self.region_of
            .get(country)
            .copied()
            .or(self.default_region)
            .and_then(|i| self.region_ids.get(i))
            .map(String::as_str)
    }

    /// The line of schedule `s` a sale of `product` in `country` resolves to (spec 4.2): the
    /// line for the country's region, else the product's `"*"` line.
    #[must_use]
    pub fn resolve_line(&self, s: usize, product: &str, country: &str) -> Option<usize> {
        self.resolve_in_region(s, product, self.region_of(country))
    }

    fn resolve_in_region(&self, s: usize, product: &str, region: Option<&str>) -> Option<usize> {
        let candidates = self.lines.get(s)?.get(product)?;
        let find = |region: &str| {
            candidates
                .iter()
                .find(|(r, _)| r == region)
                .map(|(_, i)| *i)
        };
        region.and_then(find).or_else(|| find(ANY_REGION))
    }
}
