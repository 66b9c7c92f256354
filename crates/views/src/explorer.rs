//! What the pool explorer shows about a dataset: counts as of a day, members and patents
//! filtered and sorted, patents in force year by year, the readable form of the rate terms
//! and what the dataset discloses. The web app renders these; it computes nothing itself.
//!
//! "In force on a day" and "in force in a year" follow the spec's counting rule (status
//! `in_force`, granted ≤ day < expires, member in the pool that day; see
//! [`poolcalc_engine::pool::index::PoolIndex::patent_span`]). A patent is in force *in a year* when it counts
//! on at least one day of that year, the same rule as `YearCounts::member_patents`.

use std::collections::HashSet;

use poolcalc_engine::model::date::{Date, Span};
use poolcalc_engine::pool::Pool;

mod coverage;
mod members;
mod patents;
mod terms;

pub use coverage::{Coverage, axis_ticks, coverage};
pub use members::{
    CountryCount, MemberDetail, MemberRow, MemberSort, YearCount, filter_sort_members,
    member_detail, member_rows,
};
pub use patents::{PatentFilter, filter_patents, patent_position};
// The Overview calls these by their old names here.
pub use crate::format::{group_digits, percent_exact as percent_text};
pub use terms::{Band, Disclosed, Disclosure, DisclosureItem, disclosure, tier_bands};

/// The headline numbers of the pool card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PoolCounts {
    /// Members listed.
    pub members: usize,
    /// Members in the pool on the day.
    pub members_in_pool: usize,
    /// Patents listed, whatever their status.
    pub patents: usize,
    /// Patents that count on the day.
    pub patents_in_force: usize,
    /// Families with a patent that counts on the day (families are per member).
    pub families_in_force: usize,
    /// Countries with a patent that counts on the day.
    pub countries_in_force: usize,
    /// Countries named by any patent.
    pub countries: usize,
}

/// Counts of `pool` on `day`.
#[must_use]
pub fn pool_counts(pool: &Pool, day: Date) -> PoolCounts {
    let d = pool.dataset();
    let mut families: HashSet<(&str, &str, bool)> = HashSet::new();
    let mut countries: HashSet<&str> = HashSet::new();
    let mut patents_in_force = 0;
    for (i, p) in d.patents.iter().enumerate() {
        if counts_on(pool, i, day) {
            patents_in_force += 1;
            families.insert(family_key(p));
            countries.insert(p.country.as_str());
        }
    }
    PoolCounts {
        members: d.members.len(),
        members_in_pool: d
            .members
            .iter()
            .filter(|m| m.joined <= day && m.exited.is_none_or(|e| day < e))
            .count(),
        patents: d.patents.len(),
        patents_in_force,
        families_in_force: families.len(),
        countries_in_force: countries.len(),
        countries: pool.index().countries().len(),
    }
}

/// (member, family or patent id, has a family): families are per member, and a patent
/// without a family is its own, kept apart from a family that happens to share its id.
fn family_key(p: &poolcalc_engine::model::dataset::Patent) -> (&str, &str, bool) {
    (
        p.member.as_str(),
        p.family.as_deref().unwrap_or(&p.id),
        p.family.is_some(),
    )
}

fn counts_on(pool: &Pool, i: usize, day: Date) -> bool {
    pool.index()
        .patent_span(i)
        .is_some_and(|s| s.start <= day && day < s.end)
}

fn counts_in(span: Option<Span>, year: i32) -> bool {
    span.is_some_and(|s| s.intersect(Span::year(year)).is_some())
}

/// First and last year (inclusive) in which patent `i` counts.
fn year_range_of(pool: &Pool, i: usize) -> Option<(i32, i32)> {
    pool.index()
        .patent_span(i)
        .map(|s| (s.start.year(), s.end.plus_days(-1).year()))
}
