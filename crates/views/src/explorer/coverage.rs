//! Patents in force year by year, for the pool, a member or a country, and the chart's axis.

use poolcalc_engine::pool::Pool;

use super::members::YearCount;
use super::year_range_of;

/// Whose patents a coverage series counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Coverage {
    /// Every patent of the pool.
    #[default]
    Pool,
    /// The patents of the member with this id.
    Member(String),
    /// The patents granted in this country.
    Country(String),
}

/// Patents in force per year for `scope`, one entry per year from the first to the last year
/// in which any pool patent counts (empty when none ever does).
#[must_use]
pub fn coverage(pool: &Pool, scope: &Coverage) -> Vec<YearCount> {
    let Some((first, last)) = pool.index().year_range() else {
        return Vec::new();
    };
    let mut counts: Vec<YearCount> = (first..=last)
        .map(|year| YearCount { year, patents: 0 })
        .collect();
    for (i, p) in pool.dataset().patents.iter().enumerate() {
        let wanted = match scope {
            Coverage::Pool => true,
            Coverage::Member(m) => p.member == *m,
            Coverage::Country(c) => p.country == *c,
        };
        if !wanted {
            continue;
        }
        if let Some((from, to)) = year_range_of(pool, i) {
            for y in from.max(first)..=to.min(last) {
                if let Some(c) = usize::try_from(y - first)
                    .ok()
                    .and_then(|k| counts.get_mut(k))
                {
                    c.patents += 1;
                }
            }
        }
    }
    counts
}

/// Round values for a chart axis from 0 to at least `max`: steps of 1, 2 or 5 × 10ⁿ, about
/// `wanted` of them. The last tick is ≥ `max`.
#[must_use]
pub fn axis_ticks(max: usize, wanted: usize) -> Vec<usize> {
    let wanted = wanted.max(1);
    if max == 0 {
        return vec![0, 1];
    }
    let raw = max.div_ceil(wanted).max(1);
    let mut magnitude = 1usize;
    while magnitude.saturating_mul(10) <= raw {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10 * magnitude);
    let top = max.div_ceil(step) * step;
    (0..=top / step).map(|k| k * step).collect()
}
