//! A validated dataset together with everything computed once for it: the patent-day index
//! and the lookups of regions and rate lines.

use std::collections::{HashMap, HashSet};

use crate::dataset::{ANY_REGION, Dataset, RateSchedule};
use crate::index::PoolIndex;

/// A dataset ready for computing: validated, indexed, with its lookups built.
#[derive(Debug, Clone)]
pub struct Pool {
    dataset: Dataset,
    index: PoolIndex,
    terms: Terms,
}

/// Lookups of a dataset's licensing terms: which region a country is in, which line a sale
/// resolves to.
#[derive(Debug, Clone)]
pub struct Terms {
    products: HashSet<String>,
    region_ids: Vec<String>,
    region_of: HashMap<String, usize>,
    default_region: Option<usize>,
    /// Per schedule: product → its lines as (region id or "*", line position).
    lines: Vec<HashMap<String, Vec<(String, usize)>>>,
}

impl Pool {
    /// Indexes a dataset. The dataset should have passed validation (`load_dataset` does
    /// both); on an unvalidated one, computations return errors rather than panic.
    #[must_use]
    pub fn new(dataset: Dataset) -> Pool {
        let index = PoolIndex::build(&dataset);
        let terms = Terms::new(&dataset);
        Pool {
            dataset,
            index,
            terms,
        }
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

    /// What a split of income reads of this pool.
    #[must_use]
    pub fn split_basis(&self) -> crate::distribute::SplitBasis<'_> {
        crate::distribute::SplitBasis {
            members: &self.dataset.members,
            index: &self.index,
            currency: &self.dataset.pool.currency,
            decimals: self.decimals(),
        }
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

    /// The schedule covering `year`, with its position.
    #[must_use]
    pub fn schedule_for(&self, year: i32) -> Option<(usize, &RateSchedule)> {
        schedule_for(&self.dataset, year)
    }
}

/// The schedule of `d` covering `year`, with its position.
#[must_use]
pub fn schedule_for(d: &Dataset, year: i32) -> Option<(usize, &RateSchedule)> {
    d.rate_schedules
        .iter()
        .enumerate()
        .find(|(_, s)| s.covers(year))
}

impl Terms {
    /// Builds the lookups of a dataset.
    #[must_use]
    pub fn new(dataset: &Dataset) -> Terms {
        let mut region_of = HashMap::new();
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
        Terms {
            products: dataset.products.iter().map(|p| p.id.clone()).collect(),
            region_ids: dataset.regions.iter().map(|r| r.id.clone()).collect(),
            region_of,
            default_region,
            lines,
        }
    }

    /// Whether the dataset has this product.
    #[must_use]
    pub fn has_product(&self, product: &str) -> bool {
        self.products.contains(product)
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
        let candidates = self.lines.get(s)?.get(product)?;
        let find = |region: &str| {
            candidates
                .iter()
                .find(|(r, _)| r == region)
                .map(|(_, i)| *i)
        };
        self.region_of(country)
            .and_then(find)
            .or_else(|| find(ANY_REGION))
    }
}
