//! The licensees' sales of a dataset resolved once to numbers (countries, products, regions,
//! index positions), so a year of pool income hashes and compares no string.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::dataset::Dataset;
use crate::pool::Terms;
use crate::pool::index::PoolIndex;

/// The country number of a sale that names no country of manufacture.
pub(crate) const NO_COUNTRY: u32 = u32::MAX;
/// The licensees' sales of the dataset resolved once to numbers, so a year of pool income
/// hashes and compares no string.
#[derive(Debug, Clone, Default)]
pub(crate) struct SaleKeys {
    /// The countries of all sales (of sale and of manufacture), sorted: a country's number
    /// is its place here, so numbers order as the codes do.
    pub(crate) countries: Vec<String>,
    /// Per country number: its region slot in [`ScheduleLookup`].
    region_slot: Vec<usize>,
    /// Per country number: its position in the index, if the pool has patents there.
    index_pos: Vec<Option<usize>>,
    /// Per licensee, per usage year (dataset order): where its sales are in `sales`.
    ranges: Vec<Vec<std::ops::Range<usize>>>,
    /// Per sale: the product's position (`None` when unknown) and the country number.
    sales: Vec<(Option<usize>, u32)>,
    /// Per sale: the number of its country of manufacture, [`NO_COUNTRY`] when none; empty
    /// when no sale gives one (every version 1 dataset), so those cost nothing.
    made_in: Vec<u32>,
}

impl SaleKeys {
    pub(super) fn new(d: &Dataset, terms: &Terms, index: &PoolIndex) -> SaleKeys {
        // Deduplicated before sorting: sales far outnumber countries.
        let all_sales = || {
            d.licensees
                .iter()
                .flat_map(|l| &l.usage.years)
                .flat_map(|y| &y.sales)
        };
        let distinct: FxHashSet<&str> = all_sales()
            .flat_map(|s| std::iter::once(s.country.as_str()).chain(s.made_in()))
            .collect();
        let any_made_in = all_sales().any(|s| s.made_in().is_some());
        let mut countries: Vec<&str> = distinct.into_iter().collect();
        countries.sort_unstable();
        let number: FxHashMap<&str, u32> = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (*c, u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let mut ranges = Vec::with_capacity(d.licensees.len());
        let mut sales = Vec::new();
        let mut made_in = Vec::new();
        for l in &d.licensees {
            let mut years = Vec::with_capacity(l.usage.years.len());
            for y in &l.usage.years {
                let start = sales.len();
                sales.extend(y.sales.iter().map(|s| {
                    let product = terms.products.get(s.product.as_str()).copied();
                    (
                        product,
                        number.get(s.country.as_str()).copied().unwrap_or(0),
                    )
                }));
                if any_made_in {
                    made_in.extend(y.sales.iter().map(|s| {
                        s.made_in()
                            .and_then(|m| number.get(m).copied())
                            .unwrap_or(NO_COUNTRY)
                    }));
                }
                years.push(start..sales.len());
            }
            ranges.push(years);
        }
        SaleKeys {
            region_slot: countries.iter().map(|c| terms.region_slot(c)).collect(),
            index_pos: countries
                .iter()
                .map(|c| index.country_position(c))
                .collect(),
            countries: countries.into_iter().map(str::to_owned).collect(),
            ranges,
            sales,
            made_in,
        }
    }

    /// The keys of the sales of usage year `y` of licensee `l`, if both exist.
    pub(crate) fn sales_of(&self, l: usize, y: usize) -> Option<&[(Option<usize>, u32)]> {
        let range = self.ranges.get(l)?.get(y)?;
        self.sales.get(range.clone())
    }

    /// The countries of manufacture of the sales of usage year `y` of licensee `l`: empty
    /// when no sale of the pool gives one.
    pub(crate) fn made_in_of(&self, l: usize, y: usize) -> &[u32] {
        self.ranges
            .get(l)
            .and_then(|years| years.get(y))
            .and_then(|range| self.made_in.get(range.clone()))
            .unwrap_or(&[])
    }

    /// The region slot of country number `c`.
    pub(crate) fn region_slot(&self, c: u32) -> Option<usize> {
        self.region_slot.get(c as usize).copied()
    }

    /// The index position of country number `c`.
    pub(crate) fn index_pos(&self, c: u32) -> Option<usize> {
        self.index_pos.get(c as usize).copied().flatten()
    }
}
