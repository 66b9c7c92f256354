//! Step 7 by country (spec section 4): each line's capped amount split among the countries
//! its sales are attributed to, and `payable` apportioned by those exact shares.

use rust_decimal::Decimal;

use crate::model::money::{apportion, mul_div, round};

/// One charged sale, for the split of its line's amount by country.
pub(crate) struct Cell<K> {
    /// The line's place in (product, region) order.
    pub(crate) rank: usize,
    pub(crate) line: usize,
    /// The country the sale's amount is attributed to.
    pub(crate) country: K,
    pub(crate) units: u64,
    /// What the sale weighs on a line split by amounts (its exact amount on a percent line,
    /// its measure on a service line); 0 otherwise.
    pub(crate) exact: Decimal,
}

/// What a line's amount is split by among its countries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Split {
    /// Units (per-unit and tiered lines).
    Units,
    /// The cells' `exact` (percent-of-price and service lines).
    Exact,
    /// One equal part per country (a service line whose every measure is 0).
    Countries,
}

/// A line as step 7 reads it.
pub(crate) trait SplitLine {
    /// How its amount is split.
    fn split(&self) -> Split;
    /// The whole the parts are taken from: its units, exact amount, measure or countries.
    fn split_total(&self) -> Decimal;
    /// Its amount after the group caps.
    fn capped(&self) -> Decimal;
}

/// Splits each line's capped amount among the countries of its cells (sorted here by line
/// rank, then country) and apportions `payable` by the countries' exact shares: the weights
/// per country in `weights` (sorted by country), the apportioned amounts returned in order.
/// `line_of` gives the line of a cell's line number.
pub(crate) fn by_country<'l, K: Ord + Copy, L: SplitLine + 'l>(
    cells: &mut [Cell<K>],
    line_of: impl Fn(usize) -> Option<&'l L>,
    shares: &mut Vec<(K, Decimal)>,
    weights: &mut Vec<(K, Decimal)>,
    payable: Decimal,
    decimals: u32,
) -> Vec<Decimal> {
    // Lines in (product, region) order and each line's countries by code. A stable sort keeps
    // the sales of one line and country in sale order, so their sums add up as before.
    cells.sort_by_key(|c| (c.rank, c.country));
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
        let Some(fee) = line_of(line) else { continue };
        let part = match fee.split() {
            Split::Units => Decimal::from(units),
            Split::Exact => sale_exact,
            Split::Countries => Decimal::ONE,
        };
        shares.push((country, ratio(fee.capped(), part, fee.split_total())));
    }
    // Stable: a country's shares add up in line order.
    shares.sort_by_key(|s| s.0);
    weights.clear();
    for &(country, share) in shares.iter() {
        match weights.last_mut() {
            Some(w) if w.0 == country => w.1 += share,
            _ => weights.push((country, share)),
        }
    }
    apportion(payable, weights, decimals)
        .unwrap_or_else(|| zeros(weights.len(), decimals))
        .into_iter()
        .map(|a| with_scale(a, decimals))
        .collect()
}

/// `amount × part / whole`, 0 when the whole is 0.
fn ratio(amount: Decimal, part: Decimal, whole: Decimal) -> Decimal {
    if whole.is_zero() {
        Decimal::ZERO
    } else {
        mul_div(amount, part, whole)
    }
}

/// What apportioning gives when every weight is 0.
pub(crate) fn zeros(n: usize, decimals: u32) -> Vec<Decimal> {
    vec![round(Decimal::ZERO, decimals); n]
}

/// `d` with exactly `decimals` decimals, as amounts are reported.
pub(crate) fn with_scale(mut d: Decimal, decimals: u32) -> Decimal {
    d.rescale(decimals);
    d
}
