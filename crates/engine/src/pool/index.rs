//! Patent-days counted once per dataset (per member, family, country and year), so that fees
//! and shares for a year never rescan the patent list.

mod build;

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

pub(crate) use self::build::IndexBuild;
use crate::model::dataset::{Dataset, Member, Patent};
use crate::model::date::{Date, Span};

/// What counts in one year.
#[derive(Debug, Clone, Default)]
pub struct YearCounts {
    /// Patent-days per member (dataset order).
    pub member_days: Vec<u64>,
    /// Days on which at least one patent of a family counts, summed over the member's families.
    pub member_family_days: Vec<u64>,
    /// Patent-days × patent weight per member.
    pub member_weighted: Vec<Decimal>,
    /// Patents that count on at least one day, per member.
    pub member_patents: Vec<u32>,
    /// Patent-days per country (by [`PoolIndex::countries`] position).
    pub country_days: Vec<u64>,
    /// Patent-days per (country position, member position), sorted, zero entries left out.
    pub country_member_days: Vec<(u32, u32, u64)>,
}

impl YearCounts {
    /// A year with nothing counted yet.
    fn zeros(members: usize, countries: usize) -> YearCounts {
        YearCounts {
            member_days: vec![0; members],
            member_family_days: vec![0; members],
            member_weighted: vec![Decimal::ZERO; members],
            member_patents: vec![0; members],
            country_days: vec![0; countries],
            country_member_days: Vec::new(),
        }
    }
}

/// The dataset's patent-days, indexed.
#[derive(Debug, Clone, Default)]
pub struct PoolIndex {
    first_year: i32,
    years: Vec<YearCounts>,
    countries: Vec<String>,
    /// Fx-hashed: looked up once per sale when fees exempt uncovered countries.
    country_pos: FxHashMap<String, u32>,
    member_count: usize,
    /// For each patent, the days on which it counts (status, grant, expiry and membership).
    spans: Vec<Option<Span>>,
}

impl PoolIndex {
    /// Counts every patent's days once.
    #[must_use]
    pub fn build(d: &Dataset) -> PoolIndex {
        Self::build_from(&d.members, &d.patents)
    }

    /// Counts the days of `patents`, members by their position in `members`.
    fn build_from(members: &[Member], patents: &[Patent]) -> PoolIndex {
        let mut build = IndexBuild::new(members);
        while !build.step(members, patents, usize::MAX) {}
        build.finish(members.len())
    }

    /// This index with the patents of members joining the pool added: `members` is the
    /// member list afterwards (this index's members first, in order), and every patent of
    /// `patents` belongs to a member with no patent here, so no family spans the two and the
    /// counts simply add up. Costs the new patents and one pass over the tables, not a
    /// recount of the whole pool.
    #[must_use]
    pub fn with_joining(&self, members: &[Member], patents: &[Patent]) -> PoolIndex {
        let extra = Self::build_from(members, patents);
        let mut out = self.combined(&[(&extra, Sign::Add)], members.len());
        out.spans = self.spans.iter().chain(&extra.spans).copied().collect();
        out
    }

    /// This index with one member's patents counted again under a changed membership (a
    /// member leaving): `before` and `after` are the member lists, `patents` all of that
    /// member's patents with their positions in the dataset. Its old counts are taken out and
    /// the new ones added; a member's families are its own, so nothing else moves.
    #[must_use]
    pub fn with_member_recounted(
        &self,
        before: &[Member],
        after: &[Member],
        patents: &[(usize, Patent)],
    ) -> PoolIndex {
        let own: Vec<Patent> = patents.iter().map(|(_, p)| p.clone()).collect();
        let old = Self::build_from(before, &own);
        let new = Self::build_from(after, &own);
        let mut out = self.combined(
            &[(&old, Sign::Subtract), (&new, Sign::Add)],
            after.len().max(self.member_count),
        );
        out.spans = self.spans.clone();
        for ((i, _), span) in patents.iter().zip(&new.spans) {
            if let Some(slot) = out.spans.get_mut(*i) {
                *slot = *span;
            }
        }
        out
    }

    /// The tables of this index with `parts` added or taken out (spans left empty).
    fn combined(&self, parts: &[(&PoolIndex, Sign)], member_count: usize) -> PoolIndex {
        let mut countries: Vec<String> = self.countries.clone();
        for (part, _) in parts {
            countries.extend(part.countries.iter().cloned());
        }
        countries.sort_unstable();
        countries.dedup();
        let position =
            |c: &String| u32::try_from(countries.binary_search(c).unwrap_or(0)).unwrap_or(u32::MAX);
        let remap_of = |index: &PoolIndex| index.countries.iter().map(position).collect::<Vec<_>>();
        let ours = remap_of(self);
        let theirs: Vec<Vec<u32>> = parts.iter().map(|(p, _)| remap_of(p)).collect();
        let (mut first, mut last) = self.year_range().unwrap_or((i32::MAX, i32::MIN));
        for (part, _) in parts {
            if let Some((a, b)) = part.year_range() {
                first = first.min(a);
                last = last.max(b);
            }
        }
        if first > last {
            (first, last) = (0, -1);
        }
        let years = (first..=last)
            .map(|year| {
                let mut yc = YearCounts::zeros(member_count, countries.len());
                // Positions keep their order when remapped, so every list stays sorted and
                // merging is enough.
                let remapped = |part: Option<&YearCounts>, remap: &[u32]| {
                    part.map(|p| {
                        p.country_member_days
                            .iter()
                            .map(|&(c, m, d)| (remap[c as usize], m, d))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
                };
                if let Some(own) = self.year(year) {
                    add_counts(&mut yc, own, &ours, Sign::Add);
                }
                let mut cells = remapped(self.year(year), &ours);
                for ((part, sign), remap) in parts.iter().zip(&theirs) {
                    if let Some(counts) = part.year(year) {
                        add_counts(&mut yc, counts, remap, *sign);
                    }
                    cells = merge_cells(cells, remapped(part.year(year), remap), *sign);
                }
                yc.country_member_days = cells;
                yc
            })
            .collect();
        let country_pos = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        PoolIndex {
            first_year: first,
            years,
            countries,
            country_pos,
            member_count,
            spans: Vec::new(),
        }
    }

    /// The counts of `year` (all zero outside the years any patent counts).
    #[must_use]
    pub fn year(&self, year: i32) -> Option<&YearCounts> {
        let i = usize::try_from(year - self.first_year).ok()?;
        self.years.get(i)
    }

    /// Countries where the pool has patents, sorted.
    #[must_use]
    pub fn countries(&self) -> &[String] {
        &self.countries
    }

    /// Position of a country in [`Self::countries`].
    #[must_use]
    pub fn country_position(&self, country: &str) -> Option<usize> {
        self.country_pos.get(country).map(|&c| c as usize)
    }

    /// Patent-days of the pool in `country` during `year`; 0 means the country is uncovered.
    #[must_use]
    pub fn country_days(&self, year: i32, country: &str) -> u64 {
        match (self.year(year), self.country_position(country)) {
            (Some(y), Some(c)) => y.country_days[c],
            _ => 0,
        }
    }

    /// Patent-days per member in `year`, dataset order.
    #[must_use]
    pub fn member_days(&self, year: i32) -> Vec<u64> {
        self.year(year)
            .map_or_else(|| vec![0; self.member_count], |y| y.member_days.clone())
    }

    /// The span of days on which patent `i` counts, if any.
    #[must_use]
    pub fn patent_span(&self, i: usize) -> Option<Span> {
        self.spans.get(i).copied().flatten()
    }

    /// First and last year in which any patent counts.
    #[must_use]
    pub fn year_range(&self) -> Option<(i32, i32)> {
        let n = i32::try_from(self.years.len()).ok()?;
        (n > 0).then_some((self.first_year, self.first_year + n - 1))
    }

    /// Bytes held by the index's tables (an estimate for the performance report).
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        let per_year: usize = self
            .years
            .iter()
            .map(|y| {
                y.member_days.len() * 8 * 2
                    + y.member_weighted.len() * 16
                    + y.member_patents.len() * 4
                    + y.country_days.len() * 8
                    + y.country_member_days.len() * 16
            })
            .sum();
        per_year + self.spans.len() * 12 + self.countries.len() * 32
    }
}

/// Patent-days per (country, member) cell and year, into each year's sorted list (zero cells
/// left out). The patents' spans are sorted by cell and each run of one cell summed per year:
/// a dense (country × member × year) table of the million-patent pool (150 × 3,000 × 30
/// cells, 54 MB) missed the cache once per patent, and a list per patent-year was sorted
/// 15 M long.
fn count_cells(years: &mut [YearCounts], mut cells: Vec<(u32, u32, Span)>, calendar: &Calendar) {
    cells.sort_unstable_by_key(|&(c, m, _)| (c, m));
    let mut sums = vec![0u64; years.len()];
    for run in cells.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        for &(_, _, span) in run {
            calendar.for_each_year(span, |y, days| sums[y] += u64::from(days));
        }
        let (c, m, _) = run[0];
        for (yc, sum) in years.iter_mut().zip(&mut sums) {
            if *sum > 0 {
                yc.country_member_days.push((c, m, *sum));
                *sum = 0;
            }
        }
    }
}

/// Whether a part of an index is added or taken out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    Add,
    Subtract,
}

impl Sign {
    fn apply_u64(self, a: u64, b: u64) -> u64 {
        match self {
            Sign::Add => a.saturating_add(b),
            Sign::Subtract => a.saturating_sub(b),
        }
    }
}

/// Adds (or takes out) one year's per-member and per-country counts, countries moved by
/// `remap`.
fn add_counts(into: &mut YearCounts, part: &YearCounts, remap: &[u32], sign: Sign) {
    for (a, b) in into.member_days.iter_mut().zip(&part.member_days) {
        *a = sign.apply_u64(*a, *b);
    }
    for (a, b) in into
        .member_family_days
        .iter_mut()
        .zip(&part.member_family_days)
    {
        *a = sign.apply_u64(*a, *b);
    }
    for (a, b) in into.member_weighted.iter_mut().zip(&part.member_weighted) {
        match sign {
            Sign::Add => *a += b,
            Sign::Subtract => *a -= b,
        }
    }
    for (a, b) in into.member_patents.iter_mut().zip(&part.member_patents) {
        *a = match sign {
            Sign::Add => a.saturating_add(*b),
            Sign::Subtract => a.saturating_sub(*b),
        };
    }
    for (c, days) in part.country_days.iter().enumerate() {
        if let Some(slot) = remap
            .get(c)
            .and_then(|&to| into.country_days.get_mut(to as usize))
        {
            *slot = sign.apply_u64(*slot, *days);
        }
    }
}

/// Merges two sorted (country, member, days) lists, adding (or taking out) the days of `b`;
/// cells left with no days are dropped, as a fresh count never lists them.
fn merge_cells(
    a: Vec<(u32, u32, u64)>,
    b: Vec<(u32, u32, u64)>,
    sign: Sign,
) -> Vec<(u32, u32, u64)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let order = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => (x.0, x.1).cmp(&(y.0, y.1)),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        let cell = match order {
            std::cmp::Ordering::Less => {
                i += 1;
                a[i - 1]
            }
            std::cmp::Ordering::Greater => {
                j += 1;
                let y = b[j - 1];
                (y.0, y.1, sign.apply_u64(0, y.2))
            }
            std::cmp::Ordering::Equal => {
                let (x, y) = (a[i], b[j]);
                i += 1;
                j += 1;
                (x.0, x.1, sign.apply_u64(x.2, y.2))
            }
        };
        if cell.2 > 0 {
            out.push(cell);
        }
    }
    out
}

/// The first day of each year of the index's range, to split spans into years without
/// calendar arithmetic in the counting loop.
#[derive(Debug, Default)]
struct Calendar {
    starts: Vec<Date>,
}

impl Calendar {
    fn new(first_year: i32, last_year: i32) -> Calendar {
        let starts = if last_year < first_year {
            Vec::new()
        } else {
            (first_year..=last_year + 1).map(Date::year_start).collect()
        };
        Calendar { starts }
    }

    fn years(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Calls `f(year offset, days)` for each year of the range the span touches.
    fn for_each_year(&self, span: Span, mut f: impl FnMut(usize, u32)) {
        let first = self
            .starts
            .partition_point(|d| *d <= span.start)
            .saturating_sub(1);
        for y in first..self.years() {
            let year = Span {
                start: self.starts[y],
                end: self.starts[y + 1],
            };
            if year.start >= span.end {
                break;
            }
            if let Some(part) = span.intersect(year) {
                f(y, part.len());
            }
        }
    }
}

#[cfg(test)]
mod tests;
