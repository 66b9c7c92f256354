//! Rules that relate several parts of a dataset (spec section 2 and version 2): unique ids,
//! references, regions, overlapping schedules (by years and signing dates), group caps,
//! lines of the right kind for their product, products without a line. Field-level checks
//! happen while reading (`read`); references in a file that does not read are in `raw`.

mod raw;

pub(crate) use raw::check_raw_references;

use std::collections::{BTreeMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::applies_to::{AppliesTo, admit_in_common};
use crate::model::dataset::{ANY_REGION, Dataset, Rate, RateLine, RateSchedule};
use crate::model::date::YEARS;
use crate::model::issue::Issues;
use crate::model::service::ProductKind;

/// The most members a dataset may have: far more than any pool has (a few hundred), and the
/// index's per-member tables over 301 years stay near 100 MB.
pub(crate) const MAX_MEMBERS: usize = 10_000;

/// The most schedule × product × region combinations (regions counting "in no region"): the
/// fee lookups hold one line each, 64 MB at most. A real pool has a few thousand.
pub(crate) const MAX_RATE_CELLS: usize = 4_000_000;

/// The most schedules a dataset may have once some admit licensees by signing date: far
/// more than a pool publishes (a few dozen), and their pairs are compared one by one.
pub(crate) const MAX_SIGNING_SCHEDULES: usize = 1000;

/// Reports ids that appear more than once in `items`.
fn unique_ids<'a>(issues: &mut Issues, list: &str, ids: impl ExactSizeIterator<Item = &'a str>) {
    // Fx-hashed and sized once: a pool has 100,000s of patent ids.
    let mut seen = FxHashSet::with_capacity_and_hasher(ids.len(), Default::default());
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            issues.push(
                format!("{list}[{i}].id"),
                format!("id \"{id}\" is used twice in {list}"),
            );
        }
    }
}

/// Checks the cross-references and set rules of a dataset whose fields all read correctly.
/// Returns whether its rate tables are small enough for the fee lookups to be built, which
/// the checks of `fees::check_dataset` that follow need.
pub(crate) fn check_dataset(d: &Dataset, issues: &mut Issues) -> bool {
    unique_ids(issues, "regions", d.regions.iter().map(|x| x.id.as_str()));
    unique_ids(issues, "members", d.members.iter().map(|x| x.id.as_str()));
    unique_ids(issues, "patents", d.patents.iter().map(|x| x.id.as_str()));
    unique_ids(issues, "products", d.products.iter().map(|x| x.id.as_str()));
    unique_ids(
        issues,
        "rate_schedules",
        d.rate_schedules.iter().map(|x| x.id.as_str()),
    );
    unique_ids(
        issues,
        "licensees",
        d.licensees.iter().map(|x| x.id.as_str()),
    );
    check_regions(d, issues);
    if d.members.len() > MAX_MEMBERS {
        // The index holds a row per member and year: this keeps it within ~100 MB.
        issues.push(
            "members",
            format!(
                "{} members: the calculator takes at most {MAX_MEMBERS}",
                d.members.len()
            ),
        );
    }

    let members: FxHashSet<&str> = d.members.iter().map(|m| m.id.as_str()).collect();
    for (i, p) in d.patents.iter().enumerate() {
        if !members.contains(p.member.as_str()) {
            issues.push(format!("patents[{i}].member"), unknown("member", &p.member));
        }
    }
    // Schedules apart by signing date need not overlap in years, so their number is not
    // bounded by the years; comparing them pair by pair is, by this.
    let signing = d.rate_schedules.iter().any(|s| s.applies_to.is_some());
    if signing && d.rate_schedules.len() > MAX_SIGNING_SCHEDULES {
        issues.push(
            "rate_schedules",
            format!(
                "{} schedules, some with `applies_to`: the calculator takes at most {MAX_SIGNING_SCHEDULES} when schedules admit licensees by signing date",
                d.rate_schedules.len()
            ),
        );
        return false;
    }
    let overlaps = check_schedules(d, issues);
    // Every schedule covers a year of 1900–2200, so more than 301 of them overlap (reported
    // above) unless signing dates keep them apart; the year searches of overlapping ones
    // would grow with schedules × licensee years.
    if d.rate_schedules.len() > YEARS.clone().count() && overlaps {
        return false;
    }
    // The fee lookups hold a line per schedule, product and region.
    let cells = d
        .rate_schedules
        .len()
        .saturating_mul(d.products.len())
        .saturating_mul(d.regions.len() + 1);
    if cells > MAX_RATE_CELLS {
        issues.push(
            "rate_schedules",
            format!(
                "{} schedules × {} products × {} regions: the calculator takes at most {MAX_RATE_CELLS} combinations",
                d.rate_schedules.len(),
                d.products.len(),
                d.regions.len() + 1
            ),
        );
        return false;
    }
    true
}

fn check_regions(d: &Dataset, issues: &mut Issues) {
    let mut default_seen = false;
    let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
    for (i, region) in d.regions.iter().enumerate() {
        if region.default {
            if default_seen {
                issues.push(
                    format!("regions[{i}].default"),
                    "a second default region; at most one region may be the default",
                );
            }
            default_seen = true;
        }
        for (j, c) in region.countries.iter().enumerate() {
            if let Some(first) = owner.insert(c, &region.id) {
                issues.push(
                    format!("regions[{i}].countries[{j}]"),
                    format!("country {c} is already in region \"{first}\""),
                );
            }
        }
    }
}

/// Checks the schedules; returns whether some overlap.
fn check_schedules(d: &Dataset, issues: &mut Issues) -> bool {
    let products: HashSet<&str> = d.products.iter().map(|p| p.id.as_str()).collect();
    let kinds: FxHashMap<&str, ProductKind> =
        d.products.iter().map(|p| (p.id.as_str(), p.kind)).collect();
    let regions: HashSet<&str> = d.regions.iter().map(|r| r.id.as_str()).collect();
    let mut priced: HashSet<&str> = HashSet::new();
    let (mut compared_all, mut overlaps_found) = (true, 0usize);
    for (i, s) in d.rate_schedules.iter().enumerate() {
        let at = format!("rate_schedules[{i}]");
        let mut lines_seen = HashSet::new();
        for (j, line) in s.lines.iter().enumerate() {
            if !products.contains(line.product.as_str()) {
                issues.push(
                    format!("{at}.lines[{j}].product"),
                    unknown("product", &line.product),
                );
            }
            if line.region != ANY_REGION && !regions.contains(line.region.as_str()) {
                issues.push(
                    format!("{at}.lines[{j}].region"),
                    unknown_region(&line.region),
                );
            }
            if !lines_seen.insert((&line.product, &line.region)) {
                issues.push(
                    format!("{at}.lines[{j}]"),
                    format!(
                        "a second line for product \"{}\" in region \"{}\"",
                        line.product, line.region
                    ),
                );
            }
            priced.insert(&line.product);
            if let Some(&kind) = kinds.get(line.product.as_str()) {
                check_line_kind(kind, line, &format!("{at}.lines[{j}]"), issues);
            }
        }
        unique_ids(
            issues,
            &format!("{at}.discounts"),
            s.discounts.iter().map(|x| x.id.as_str()),
        );
        unique_ids(
            issues,
            &format!("{at}.group_caps"),
            s.group_caps.iter().map(|x| x.id.as_str()),
        );
        let mut grouped: BTreeMap<&str, &str> = BTreeMap::new();
        for (g, cap) in s.group_caps.iter().enumerate() {
            for (k, p) in cap.products.iter().enumerate() {
                let path = format!("{at}.group_caps[{g}].products[{k}]");
                if !products.contains(p.as_str()) {
                    issues.push(path.as_str(), unknown("product", p));
                }
                if let Some(first) = grouped.insert(p, &cap.id) {
                    issues.push(
                        path,
                        format!("product \"{p}\" is already in group cap \"{first}\"; a product may be in one group only"),
                    );
                }
            }
        }
        // Pairs of schedules grow with the square of their number: once the list of problems
        // is full, the pairs are no longer compared one by one but counted at the end.
        for (k, other) in d.rate_schedules.iter().enumerate().take(i) {
            if issues.is_full() {
                compared_all = false;
                break;
            }
            if let Some(overlap_from) = overlap_year(s, other) {
                overlaps_found += 1;
                issues.push(
                    format!("{at}.from_year"),
                    format!(
                        "schedule \"{}\" overlaps schedule \"{}\" (rate_schedules[{k}]) in {overlap_from}{}",
                        s.id,
                        other.id,
                        shared_licensees(s.applies_to.as_ref(), other.applies_to.as_ref())
                    ),
                );
            }
        }
    }
    if !compared_all {
        issues.count_more(overlapping_pairs(d).saturating_sub(overlaps_found));
    }
    let overlapping = overlaps_found > 0 || !compared_all;
    for (i, p) in d.products.iter().enumerate() {
        if !priced.contains(p.id.as_str()) {
            issues.push(
                format!("products[{i}]"),
                format!("product \"{}\" has no rate line in any schedule", p.id),
            );
        }
    }
    overlapping
}

/// The first year two schedules both cover, when they admit a licensee in common (a
/// signing date, or a licensee without one).
fn overlap_year(a: &RateSchedule, b: &RateSchedule) -> Option<i32> {
    let from = a.from_year.max(b.from_year);
    (a.covers(from)
        && b.covers(from)
        && admit_in_common(a.applies_to.as_ref(), b.applies_to.as_ref()))
    .then_some(from)
}

/// A service product takes only `service_tiers` lines, a device product none (version 2).
fn check_line_kind(kind: ProductKind, line: &RateLine, at: &str, issues: &mut Issues) {
    let service_line = matches!(line.rate, Rate::ServiceTiers { .. });
    match (kind, service_line) {
        (ProductKind::Service, false) => issues.push(
            at,
            format!(
                "product \"{}\" is a service: its lines give `service_tiers`, not a per-unit, tiered or percentage rate",
                line.product
            ),
        ),
        (ProductKind::Device, true) => issues.push(
            format!("{at}.service_tiers"),
            format!(
                "product \"{}\" is a device: `service_tiers` are for products of kind \"service\"",
                line.product
            ),
        ),
        _ => {}
    }
}

/// Who two overlapping schedules both admit, for the message: nothing to add when one
/// admits every licensee (as in version 1).
fn shared_licensees(a: Option<&AppliesTo>, b: Option<&AppliesTo>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => match a.first_shared(b) {
            Some(date) => format!(" for licensees signed on {date}"),
            None => {
                let before = [a.signed_before, b.signed_before]
                    .into_iter()
                    .flatten()
                    .min();
                before.map_or_else(String::new, |d| format!(" for licensees signed before {d}"))
            }
        },
        _ => String::new(),
    }
}

/// How many pairs of schedules overlap, without comparing every pair: all pairs but those
/// where one schedule ends before the other begins (for each schedule, the schedules whose
/// last year is before its first, found by binary search among the sorted last years).
/// Schedules that admit licensees by signing date (at most [`MAX_SIGNING_SCHEDULES`]) are
/// compared pair by pair.
fn overlapping_pairs(d: &Dataset) -> usize {
    if d.rate_schedules.iter().any(|s| s.applies_to.is_some()) {
        let s = &d.rate_schedules;
        return (0..s.len())
            .map(|i| {
                (0..i)
                    .filter(|&k| overlap_year(&s[i], &s[k]).is_some())
                    .count()
            })
            .sum();
    }
    let n = d.rate_schedules.len();
    let mut ends: Vec<i32> = d
        .rate_schedules
        .iter()
        .map(|s| s.to_year.unwrap_or(i32::MAX))
        .collect();
    ends.sort_unstable();
    let apart: usize = d
        .rate_schedules
        .iter()
        .map(|s| ends.partition_point(|&e| e < s.from_year))
        .sum();
    (n * n.saturating_sub(1) / 2).saturating_sub(apart)
}

/// A reference to an id that is not there.
pub(super) fn unknown(what: &str, id: &str) -> String {
    format!("unknown {what} \"{id}\"")
}

pub(super) fn unknown_region(id: &str) -> String {
    format!("unknown region \"{id}\" (use a region id or \"*\")")
}
