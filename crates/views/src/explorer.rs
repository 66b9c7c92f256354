//! What the pool explorer shows about a dataset: counts as of a day, members and patents
//! filtered and sorted, patents in force year by year, the readable form of the rate terms
//! and what the dataset discloses. The web app renders these; it computes nothing itself.
//!
//! "In force on a day" and "in force in a year" follow the spec's counting rule (status
//! `in_force`, granted ≤ day < expires, member in the pool that day; see
//! [`poolcalc_engine::pool::index::PoolIndex::patent_span`]). A patent is in force *in a year* when it counts
//! on at least one day of that year, the same rule as `YearCounts::member_patents`.

use std::collections::{BTreeMap, HashMap, HashSet};

use rust_decimal::Decimal;

use poolcalc_engine::model::dataset::{Dataset, PatentStatus, Tier};
use poolcalc_engine::model::date::{Date, Span};
use poolcalc_engine::pool::Pool;

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

/// A patent search: every field that is set must match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PatentFilter {
    /// Text found (any case) in the patent's id, number or family.
    pub text: String,
    /// Owning member's id.
    pub member: Option<String>,
    /// Country of grant.
    pub country: Option<String>,
    /// Legal status.
    pub status: Option<PatentStatus>,
    /// Family id, exactly.
    pub family: Option<String>,
    /// Expiring in this year or later.
    pub expires_from: Option<i32>,
    /// Expiring in this year or earlier.
    pub expires_to: Option<i32>,
}

impl PatentFilter {
    /// Reads a filter from URL query pairs (`q`, `member`, `country`, `status`, `family`,
    /// `expires_from`, `expires_to`). Empty or unreadable values are left unset, so a
    /// hand-edited link still opens.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> PatentFilter {
        let mut f = PatentFilter::default();
        let text = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
        for (k, v) in pairs {
            match k {
                "q" => v.trim().clone_into(&mut f.text),
                "member" => f.member = text(v),
                "country" => f.country = text(v).map(|c| c.to_uppercase()),
                "status" => {
                    f.status = PatentStatus::ALL
                        .iter()
                        .find(|(_, n)| *n == v.trim())
                        .map(|(s, _)| *s);
                }
                "family" => f.family = text(v),
                "expires_from" => f.expires_from = v.trim().parse().ok(),
                "expires_to" => f.expires_to = v.trim().parse().ok(),
                _ => {}
            }
        }
        f
    }

    /// The query pairs that [`Self::from_query`] reads back, unset fields left out.
    #[must_use]
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if !self.text.is_empty() {
            q.push(("q", self.text.clone()));
        }
        if let Some(m) = &self.member {
            q.push(("member", m.clone()));
        }
        if let Some(c) = &self.country {
            q.push(("country", c.clone()));
        }
        if let Some(s) = self.status {
            q.push(("status", s.as_str().to_owned()));
        }
        if let Some(f) = &self.family {
            q.push(("family", f.clone()));
        }
        if let Some(y) = self.expires_from {
            q.push(("expires_from", y.to_string()));
        }
        if let Some(y) = self.expires_to {
            q.push(("expires_to", y.to_string()));
        }
        q
    }

    /// Whether nothing is filtered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == PatentFilter::default()
    }
}

/// Positions (in dataset order) of the patents of `d` that match `f`.
#[must_use]
pub fn filter_patents(d: &Dataset, f: &PatentFilter) -> Vec<u32> {
    let needle = Needle::new(&f.text);
    d.patents
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            f.member.as_ref().is_none_or(|m| p.member == *m)
                && f.country.as_ref().is_none_or(|c| p.country == *c)
                && f.status.is_none_or(|s| p.status == s)
                && f.family
                    .as_ref()
                    .is_none_or(|fam| p.family.as_ref() == Some(fam))
                && f.expires_from.is_none_or(|y| p.expires.year() >= y)
                && f.expires_to.is_none_or(|y| p.expires.year() <= y)
                && (needle.is_empty()
                    || needle.found_in(&p.id)
                    || needle.found_in(&p.number)
                    || p.family.as_deref().is_some_and(|fam| needle.found_in(fam)))
        })
        .filter_map(|(i, _)| u32::try_from(i).ok())
        .collect()
}

/// The position of the patent with id `id`.
#[must_use]
pub fn patent_position(d: &Dataset, id: &str) -> Option<usize> {
    d.patents.iter().position(|p| p.id == id)
}

/// Case-insensitive substring search that allocates nothing per candidate for ASCII queries,
/// which is what keeps a search of 100,000 patents within a frame.
struct Needle {
    lower: String,
    ascii: bool,
}

impl Needle {
    fn new(query: &str) -> Needle {
        let lower = query.trim().to_lowercase();
        Needle {
            ascii: lower.is_ascii(),
            lower,
        }
    }

    fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    fn found_in(&self, hay: &str) -> bool {
        if self.lower.is_empty() {
            return true;
        }
        if self.ascii {
            let n = self.lower.as_bytes();
            hay.as_bytes()
                .windows(n.len())
                .any(|w| w.eq_ignore_ascii_case(n))
        } else {
            hay.to_lowercase().contains(&self.lower)
        }
    }
}

/// One volume band of a tiered rate, with its first unit spelled out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    /// First unit of the band (1 for the first).
    pub from: u64,
    /// Last unit of the band; `None` for the open last band.
    pub to: Option<u64>,
    /// Money per unit in the band.
    pub per_unit: Decimal,
}

/// The bands of `tiers`: each starts one unit above the previous band's `up_to`.
#[must_use]
pub fn tier_bands(tiers: &[Tier]) -> Vec<Band> {
    let mut from = 1u64;
    tiers
        .iter()
        .map(|t| {
            let band = Band {
                from,
                to: t.up_to,
                per_unit: t.per_unit,
            };
            from = t.up_to.map_or(from, |u| u.saturating_add(1));
            band
        })
        .collect()
}

// The Overview calls these by their old names here.
pub use crate::format::{group_digits, percent_exact as percent_text};

/// The parts of a pool's disclosure the transparency checklist looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisclosureItem {
    /// The list of patents.
    PatentList,
    /// Expiry dates of the patents.
    ExpiryDates,
    /// Grant dates of the patents.
    GrantDates,
    /// Patent families.
    Families,
    /// Essentiality: which standard each patent is declared to.
    Essentiality,
    /// Royalty rates.
    Rates,
    /// Caps (per licensee per year, or per product group).
    Caps,
    /// Early-signing discounts.
    Discounts,
    /// The distribution rule.
    DistributionRule,
    /// The administrator's management fee.
    ManagementFee,
    /// Licensees (the market estimate).
    Licensees,
    /// Sources for the facts.
    Sources,
}

impl DisclosureItem {
    /// A stable name (for test ids and translation keys).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            DisclosureItem::PatentList => "patent_list",
            DisclosureItem::ExpiryDates => "expiry_dates",
            DisclosureItem::GrantDates => "grant_dates",
            DisclosureItem::Families => "families",
            DisclosureItem::Essentiality => "essentiality",
            DisclosureItem::Rates => "rates",
            DisclosureItem::Caps => "caps",
            DisclosureItem::Discounts => "discounts",
            DisclosureItem::DistributionRule => "distribution_rule",
            DisclosureItem::ManagementFee => "management_fee",
            DisclosureItem::Licensees => "licensees",
            DisclosureItem::Sources => "sources",
        }
    }
}

/// How much of an item a dataset discloses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disclosed {
    /// Fully.
    Yes,
    /// For `with` of `of` patents (or schedules).
    Partly {
        /// How many carry it.
        with: usize,
        /// How many there are.
        of: usize,
    },
    /// Not at all.
    No,
}

/// One line of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Disclosure {
    /// What is looked at.
    pub item: DisclosureItem,
    /// How much is disclosed.
    pub status: Disclosed,
}

/// What `d` discloses and leaves out, in checklist order.
#[must_use]
pub fn disclosure(d: &Dataset) -> Vec<Disclosure> {
    let patents = d.patents.len();
    let share = |with: usize, of: usize| match (with, of) {
        (_, 0) | (0, _) => Disclosed::No,
        (w, o) if w >= o => Disclosed::Yes,
        (with, of) => Disclosed::Partly { with, of },
    };
    let present = |yes: bool| if yes { Disclosed::Yes } else { Disclosed::No };
    let granted = d.patents.iter().filter(|p| p.granted.is_some()).count();
    let families = d.patents.iter().filter(|p| p.family.is_some()).count();
    let declared = d.patents.iter().filter(|p| !p.standards.is_empty()).count();
    // Standards named for the pool but for no patent: the reader learns the field, not which
    // patent is essential to what.
    let essentiality = match share(declared, patents) {
        Disclosed::No if !d.pool.standards.is_empty() && patents > 0 => Disclosed::Partly {
            with: 0,
            of: patents,
        },
        other => other,
    };
    let schedules = d.rate_schedules.len();
    let capped = d
        .rate_schedules
        .iter()
        .filter(|s| s.annual_cap.is_some() || !s.group_caps.is_empty())
        .count();
    let discounted = d
        .rate_schedules
        .iter()
        .filter(|s| !s.discounts.is_empty())
        .count();
    let with_lines = d
        .rate_schedules
        .iter()
        .filter(|s| !s.lines.is_empty())
        .count();
    vec![
        Disclosure {
            item: DisclosureItem::PatentList,
            status: present(patents > 0),
        },
        Disclosure {
            item: DisclosureItem::ExpiryDates,
            // Required of every patent by the format.
            status: present(patents > 0),
        },
        Disclosure {
            item: DisclosureItem::GrantDates,
            status: share(granted, patents),
        },
        Disclosure {
            item: DisclosureItem::Families,
            status: share(families, patents),
        },
        Disclosure {
            item: DisclosureItem::Essentiality,
            status: essentiality,
        },
        Disclosure {
            item: DisclosureItem::Rates,
            status: share(with_lines, schedules),
        },
        Disclosure {
            item: DisclosureItem::Caps,
            status: share(capped, schedules),
        },
        Disclosure {
            item: DisclosureItem::Discounts,
            status: share(discounted, schedules),
        },
        Disclosure {
            item: DisclosureItem::DistributionRule,
            // Required by the format: a valid dataset always states its method.
            status: Disclosed::Yes,
        },
        Disclosure {
            item: DisclosureItem::ManagementFee,
            status: Disclosed::Yes,
        },
        Disclosure {
            item: DisclosureItem::Licensees,
            status: present(!d.licensees.is_empty()),
        },
        Disclosure {
            item: DisclosureItem::Sources,
            status: present(!d.pool.sources.is_empty()),
        },
    ]
}
