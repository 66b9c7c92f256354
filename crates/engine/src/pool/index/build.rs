//! Counting a pool's patent-days in slices: [`IndexBuild::step`] takes the next patents each
//! call, so a page can draw between slices of a million-patent pool; run to its end at once it
//! is [`PoolIndex::build`]. It owns only numbers and the few member and country ids, and is
//! handed the same member and patent lists on every call.

use std::hash::BuildHasher;

use rust_decimal::Decimal;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};

use super::{Calendar, PoolIndex, YearCounts, count_cells};
use crate::model::dataset::{Member, Patent, PatentStatus};
use crate::model::date::{Date, Span, YEARS};

/// An index being counted.
#[derive(Debug, Default)]
pub(crate) struct IndexBuild {
    /// The next patent of the current pass.
    next: usize,
    /// Whether the first pass (members, spans, countries) is over.
    scanned: bool,
    first_year: i32,
    member_pos: FxHashMap<String, usize>,
    /// Each patent's member position; the previous patent's is reused when the id repeats.
    member_of: Vec<Option<usize>>,
    spans: Vec<Option<Span>>,
    distinct: FxHashSet<String>,
    countries: Vec<String>,
    country_pos: FxHashMap<String, u32>,
    calendar: Calendar,
    years: Vec<YearCounts>,
    /// Each counted patent's (country, member) cell and span, summed per cell at the end.
    cells: Vec<(u32, u32, Span)>,
    families: Families,
    /// Each counted patent's family number and span; grouped by sorting at the end.
    family_spans: Vec<(u32, Span)>,
}

impl IndexBuild {
    /// A count of `members`' patents, members by their position in the list.
    pub(crate) fn new(members: &[Member]) -> IndexBuild {
        let mut member_pos = FxHashMap::default();
        for (i, m) in members.iter().enumerate() {
            member_pos.entry(m.id.clone()).or_insert(i);
        }
        IndexBuild {
            member_pos,
            ..IndexBuild::default()
        }
    }

    /// How many patents of the two passes are done, of twice `patents.len()`.
    pub(crate) fn done(&self, patents: &[Patent]) -> usize {
        if self.scanned {
            patents.len() + self.next
        } else {
            self.next
        }
    }

    /// Counts at most `max` more patents (at least one); `true` once every patent is in.
    pub(crate) fn step(&mut self, members: &[Member], patents: &[Patent], max: usize) -> bool {
        let end = self.next.saturating_add(max.max(1)).min(patents.len());
        if self.scanned {
            for i in self.next..end {
                self.count(members.len(), patents, i);
            }
        } else {
            for i in self.next..end {
                self.scan(members, patents, i);
            }
        }
        self.next = end;
        if end == patents.len() && !self.scanned {
            self.tables(members.len());
            self.scanned = true;
            self.next = 0;
        }
        self.scanned && self.next == patents.len()
    }

    /// The first pass over patent `i`: its member, the days it counts, its country.
    fn scan(&mut self, members: &[Member], patents: &[Patent], i: usize) {
        let p = &patents[i];
        // A member's patents are usually listed together: the previous answer is reused.
        let m = match i.checked_sub(1).and_then(|j| patents.get(j)) {
            Some(prev) if prev.member == p.member => self.member_of[i - 1],
            _ => self.member_pos.get(p.member.as_str()).copied(),
        };
        self.member_of.push(m);
        let span = m.and_then(|m| members.get(m)).and_then(|m| {
            if p.status != PatentStatus::InForce {
                return None;
            }
            let own = Span {
                // Without a grant date the span starts with the member's joining (or the
                // first year a date may name), never with year 1.
                start: p.granted.unwrap_or(Date::year_start(*YEARS.start())),
                end: p.expires,
            };
            let membership = Span {
                start: m.joined,
                end: m.exited.unwrap_or(Date::year_start(*YEARS.end() + 1)),
            };
            own.intersect(membership)
        });
        self.spans.push(span);
        // Deduplicated before sorting: a pool has far fewer countries than patents.
        if !self.distinct.contains(&p.country) {
            self.distinct.insert(p.country.clone());
        }
    }

    /// Between the passes: the countries in order and the tables for the years counted.
    fn tables(&mut self, members: usize) {
        let mut countries: Vec<String> = std::mem::take(&mut self.distinct).into_iter().collect();
        countries.sort_unstable();
        self.country_pos = countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        let counted = self.spans.iter().flatten();
        let first_year = counted.clone().map(|s| s.start).min().map_or(0, Date::year);
        self.first_year = first_year;
        let last_year = counted
            .map(|s| s.end.plus_days(-1))
            .max()
            .map_or(-1, Date::year);
        self.calendar = Calendar::new(first_year, last_year);
        self.years = (0..self.calendar.years())
            .map(|_| YearCounts::zeros(members, countries.len()))
            .collect();
        self.countries = countries;
        self.cells.reserve(self.spans.len());
        self.family_spans.reserve(self.spans.len());
    }

    /// The second pass over patent `i`: its days added to its member's, country's, cell's
    /// and family's counts.
    fn count(&mut self, members: usize, patents: &[Patent], i: usize) {
        let (Some(Some(span)), Some(Some(m))) = (self.spans.get(i), self.member_of.get(i)) else {
            return;
        };
        let (span, m, p) = (*span, *m, &patents[i]);
        let c = self.country_pos.get(&p.country).map_or(0, |&c| c as usize);
        // days × weight of a whole year of 365 and of 366 days, multiplied once per patent:
        // most of a span's years are whole (the sums, in the same order, are the same).
        let mut whole: [Option<Decimal>; 2] = [None, None];
        let years = &mut self.years;
        self.calendar.for_each_year(span, |y, days| {
            let yc = &mut years[y];
            yc.member_days[m] += u64::from(days);
            let weighted = |days: u32| Decimal::from(days) * p.weight;
            yc.member_weighted[m] += match days {
                365 | 366 => *whole[days as usize - 365].get_or_insert_with(|| weighted(days)),
                _ => weighted(days),
            };
            yc.member_patents[m] += 1;
            yc.country_days[c] += u64::from(days);
        });
        let n = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        self.cells.push((n(c), n(m), span));
        let number = self.families.number(patents, i, m, members);
        self.family_spans.push((number, span));
    }

    /// The index, once [`Self::step`] returned `true`.
    pub(crate) fn finish(self, members: usize) -> PoolIndex {
        let IndexBuild {
            first_year,
            spans,
            countries,
            country_pos,
            calendar,
            mut years,
            cells,
            families,
            mut family_spans,
            ..
        } = self;
        family_spans.sort_unstable_by_key(|&(f, s)| (f, s.start));
        for run in family_spans.chunk_by(|a, b| a.0 == b.0) {
            let Some(&m) = run
                .first()
                .and_then(|(f, _)| families.member.get(*f as usize))
            else {
                continue;
            };
            let mut count = |s: Span| {
                calendar.for_each_year(s, |y, days| {
                    years[y].member_family_days[m] += u64::from(days);
                });
            };
            // The family's spans merged where they overlap, in order of start.
            let mut current: Option<Span> = None;
            for &(_, s) in run {
                match &mut current {
                    Some(c) if s.start <= c.end => c.end = c.end.max(s.end),
                    _ => {
                        if let Some(done) = current.replace(s) {
                            count(done);
                        }
                    }
                }
            }
            if let Some(done) = current {
                count(done);
            }
        }
        count_cells(&mut years, cells, &calendar);
        PoolIndex {
            first_year,
            years,
            countries,
            country_pos,
            member_count: members,
            spans,
        }
    }
}

/// Family numbers by (member, family name), holding no name: an entry is found by the
/// name's hash and keeps the family's first patent, whose name is compared. A name whose
/// hash another name of the member already has is kept in `collided`.
#[derive(Debug, Default)]
struct Families {
    by_hash: FxHashMap<(usize, u64), (u32, u32)>,
    collided: FxHashMap<(usize, String), u32>,
    /// Per family number, its member.
    member: Vec<usize>,
    /// The previous patent's (slot, number): a family's patents are usually listed together,
    /// and a million-patent pool's table misses the cache.
    last: Option<(usize, usize, u32)>,
}

/// A patent's family name: without a family it is its own, under its id.
fn family_name(p: &Patent) -> &str {
    p.family.as_deref().unwrap_or(p.id.as_str())
}

impl Families {
    /// The number of the family of patent `i` (of member `m`).
    fn number(&mut self, patents: &[Patent], i: usize, m: usize, members: usize) -> u32 {
        let p = &patents[i];
        // A patent without a family is kept apart from a family that shares its id.
        let slot = if p.family.is_some() { m } else { m + members };
        let name = family_name(p);
        if let Some((prev, prev_slot, number)) = self.last
            && prev_slot == slot
            && patents.get(prev).map(family_name) == Some(name)
        {
            self.last = Some((i, slot, number));
            return number;
        }
        let next = u32::try_from(self.member.len()).unwrap_or(u32::MAX);
        let number = match self.by_hash.get(&(slot, FxBuildHasher.hash_one(name))) {
            None => {
                self.by_hash
                    .insert((slot, FxBuildHasher.hash_one(name)), (n(i), next));
                self.member.push(m);
                next
            }
            Some(&(first, number))
                if patents.get(first as usize).map(family_name) == Some(name) =>
            {
                number
            }
            Some(_) => *self
                .collided
                .entry((slot, name.to_owned()))
                .or_insert_with(|| {
                    self.member.push(m);
                    next
                }),
        };
        self.last = Some((i, slot, number));
        number
    }
}

fn n(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
