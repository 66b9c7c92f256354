//! Service lines in the fee loop (pool-dataset-v2 section 3): a service sale's weighted
//! measures, the tier and amount of its line, and the split of that amount by country.

use rust_decimal::Decimal;

use crate::fees::split::{Cell, Split};
use crate::model::service::{Measures, ServiceTier, reached_tier, service_amount};

/// One service sale, kept until its line's basis of split is known.
pub(crate) struct ServiceCell<K> {
    /// The line's place in (product, region) order.
    pub(crate) rank: usize,
    pub(crate) line: usize,
    /// The country the sale's amount is attributed to.
    pub(crate) country: K,
    /// Its users and subscribers weighted by region, and its revenue.
    pub(crate) measures: Measures,
}

/// What a service line's amount is split by among its countries: weighted users; where
/// those add up to 0, weighted subscribers; then revenue; where all are 0, one equal part
/// per country of its sales.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Basis {
    Users,
    Subscribers,
    Revenue,
    Countries,
}

impl Basis {
    /// The basis of a line whose sales add up to `m`.
    fn of(m: &Measures) -> Basis {
        if !m.users.is_zero() {
            Basis::Users
        } else if !m.subscribers.is_zero() {
            Basis::Subscribers
        } else if !m.revenue.is_zero() {
            Basis::Revenue
        } else {
            Basis::Countries
        }
    }

    /// What one sale (or the whole line) weighs under this basis.
    fn part(self, m: &Measures) -> Decimal {
        match self {
            Basis::Users => m.users,
            Basis::Subscribers => m.subscribers,
            Basis::Revenue => m.revenue,
            Basis::Countries => Decimal::ZERO,
        }
    }
}

/// The measures of line `line`: the sum over its sales in `service` (sorted by line), or
/// `None` when they pass what a Decimal holds.
pub(crate) fn line_measures<K>(service: &[ServiceCell<K>], line: usize) -> Option<Measures> {
    let start = service.partition_point(|c| c.line < line);
    service[start..]
        .iter()
        .take_while(|c| c.line == line)
        .try_fold(Measures::default(), |sum, c| sum.checked_add(&c.measures))
}

/// A service line's step 3: the tier its measures reach, its exact amount (tier amount less
/// the credit, never below 0), and how it is split: the split, its whole (0 for an equal
/// split, counted as the countries come in [`add_cells`]) and the basis.
pub(crate) fn line_amount(
    tiers: &[ServiceTier],
    credit: Option<Decimal>,
    m: &Measures,
) -> (Option<usize>, Decimal, Split, Decimal, Basis) {
    let tier = reached_tier(tiers, m);
    let basis = Basis::of(m);
    let split = if basis == Basis::Countries {
        Split::Countries
    } else {
        Split::Exact
    };
    (
        tier,
        service_amount(tiers, credit, tier),
        split,
        basis.part(m),
        basis,
    )
}

/// Turns the service sales (sorted by line and country, each in sale order) into cells
/// weighing by their line's basis. `line` is told each sale's line and whether the sale
/// starts a new country of it (an equal split counts its countries), and gives the line's
/// basis.
pub(crate) fn add_cells<K: Ord + Copy>(
    service: &[ServiceCell<K>],
    cells: &mut Vec<Cell<K>>,
    mut line: impl FnMut(usize, bool) -> Option<Basis>,
) {
    let mut previous = None;
    for c in service.iter() {
        let new_country = previous != Some((c.line, c.country));
        previous = Some((c.line, c.country));
        let Some(basis) = line(c.line, new_country) else {
            continue;
        };
        cells.push(Cell {
            rank: c.rank,
            line: c.line,
            country: c.country,
            units: 0,
            exact: basis.part(&c.measures),
        });
    }
}
