//! The members of the pool: their rows (patents, families and countries in force), sorted
//! and filtered, and one member's detail.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::collections::HashSet;

use poolcalc_engine::model::dataset::Dataset;
use poolcalc_engine::model::date::Date;
use poolcalc_engine::pool::Pool;

use super::counts_in;
use super::coverage::Coverage;
use super::coverage::coverage;
use super::patents::Needle;

/// One row of the members table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    /// Position in the dataset's member list.
    pub index: usize,
    /// Patents listed for the member, whatever their status.
    pub patents: usize,
    /// Patents in force in the year.
    pub patents_in_force: usize,
    /// Families with a patent in force in the year.
    pub families_in_force: usize,
    /// Countries with a patent of the member in force in the year.
    pub countries_in_force: usize,
    /// First day in the pool.
    pub joined: Date,
    /// First day out of the pool.
    pub exited: Option<Date>,
}

/// Every member with its counts for `year`, in dataset order.
#[must_use]
pub fn member_rows(pool: &Pool, year: i32) -> Vec<MemberRow> {
    let d = pool.dataset();
    let pos: HashMap<&str, usize> = d
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut rows: Vec<MemberRow> = d
        .members
        .iter()
        .enumerate()
        .map(|(index, m)| MemberRow {
            index,
            patents: 0,
            patents_in_force: 0,
            families_in_force: 0,
            countries_in_force: 0,
            joined: m.joined,
            exited: m.exited,
        })
        .collect();
    let mut families: HashSet<(usize, &str, bool)> = HashSet::new();
    let mut countries: HashSet<(usize, &str)> = HashSet::new();
    for (i, p) in d.patents.iter().enumerate() {
        let Some(&m) = pos.get(p.member.as_str()) else {
            continue;
        };
        rows[m].patents += 1;
        if counts_in(pool.index().patent_span(i), year) {
            rows[m].patents_in_force += 1;
            let family = (m, p.family.as_deref().unwrap_or(&p.id), p.family.is_some());
            if families.insert(family) {
                rows[m].families_in_force += 1;
            }
            if countries.insert((m, p.country.as_str())) {
                rows[m].countries_in_force += 1;
            }
        }
    }
    rows
}

/// Columns the members table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MemberSort {
    /// Name in the reader's language.
    #[default]
    Name,
    /// Home country.
    Country,
    /// Patents in force in the year.
    PatentsInForce,
    /// Families in force in the year.
    FamiliesInForce,
    /// Countries covered in the year.
    CountriesInForce,
    /// Joining date.
    Joined,
    /// Exit date (members still in the pool last).
    Exited,
}

impl MemberSort {
    /// Every column with its name in URLs.
    pub const ALL: [(MemberSort, &'static str); 7] = [
        (MemberSort::Name, "name"),
        (MemberSort::Country, "country"),
        (MemberSort::PatentsInForce, "patents"),
        (MemberSort::FamiliesInForce, "families"),
        (MemberSort::CountriesInForce, "countries"),
        (MemberSort::Joined, "joined"),
        (MemberSort::Exited, "exited"),
    ];

    /// The URL name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("name", |(_, n)| n)
    }

    /// The column with this URL name.
    #[must_use]
    pub fn parse(name: &str) -> Option<MemberSort> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
    }
}

/// The rows whose member id, name (in `lang`) or country contains `query` (any case), sorted
/// by `by`, ties in dataset order.
#[must_use]
pub fn filter_sort_members(
    d: &Dataset,
    rows: &[MemberRow],
    query: &str,
    by: MemberSort,
    descending: bool,
    lang: &str,
) -> Vec<MemberRow> {
    let needle = Needle::new(query);
    let mut out: Vec<MemberRow> = rows
        .iter()
        .filter(|r| {
            d.members.get(r.index).is_some_and(|m| {
                needle.found_in(&m.id)
                    || needle.found_in(m.name.get(lang))
                    || needle.found_in(&m.country)
            })
        })
        .cloned()
        .collect();
    let name = |r: &MemberRow| d.members.get(r.index).map_or("", |m| m.name.get(lang));
    let country = |r: &MemberRow| d.members.get(r.index).map_or("", |m| m.country.as_str());
    out.sort_by(|a, b| {
        let order = match by {
            MemberSort::Name => name(a)
                .to_lowercase()
                .cmp(&name(b).to_lowercase())
                .then_with(|| name(a).cmp(name(b))),
            MemberSort::Country => country(a).cmp(country(b)),
            MemberSort::PatentsInForce => a.patents_in_force.cmp(&b.patents_in_force),
            MemberSort::FamiliesInForce => a.families_in_force.cmp(&b.families_in_force),
            MemberSort::CountriesInForce => a.countries_in_force.cmp(&b.countries_in_force),
            MemberSort::Joined => a.joined.cmp(&b.joined),
            // Still in the pool sorts after every exit date.
            MemberSort::Exited => match (a.exited, b.exited) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            },
        };
        let order = if descending { order.reverse() } else { order };
        order.then_with(|| a.index.cmp(&b.index))
    });
    out
}

/// Patents listed and in force in a year, for one country of one member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCount {
    /// Country code.
    pub country: String,
    /// Patents listed there.
    pub patents: usize,
    /// Patents in force there in the year.
    pub in_force: usize,
}

/// Patents in force in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearCount {
    /// The year.
    pub year: i32,
    /// Patents in force on at least one day of it.
    pub patents: usize,
}

/// What the member page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberDetail {
    /// Position of the member in the dataset.
    pub index: usize,
    /// Positions of its patents in the dataset, in dataset order.
    pub patents: Vec<usize>,
    /// Its countries, by code.
    pub countries: Vec<CountryCount>,
    /// Its patents in force per year, over the years any pool patent counts.
    pub by_year: Vec<YearCount>,
}

/// The member with id `id`, its patents and countries (in force in `year`) and its coverage.
#[must_use]
pub fn member_detail(pool: &Pool, id: &str, year: i32) -> Option<MemberDetail> {
    let d = pool.dataset();
    let index = d.members.iter().position(|m| m.id == id)?;
    let patents: Vec<usize> = d
        .patents
        .iter()
        .enumerate()
        .filter(|(_, p)| p.member == id)
        .map(|(i, _)| i)
        .collect();
    let mut countries: BTreeMap<&str, CountryCount> = BTreeMap::new();
    for &i in &patents {
        let c = d.patents[i].country.as_str();
        let entry = countries.entry(c).or_insert_with(|| CountryCount {
            country: c.to_owned(),
            patents: 0,
            in_force: 0,
        });
        entry.patents += 1;
        if counts_in(pool.index().patent_span(i), year) {
            entry.in_force += 1;
        }
    }
    Some(MemberDetail {
        index,
        by_year: coverage(pool, &Coverage::Member(id.to_owned())),
        patents,
        countries: countries.into_values().collect(),
    })
}
