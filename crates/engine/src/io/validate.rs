//! Rules that relate several parts of a dataset (spec section 2): unique ids, references,
//! regions, overlapping schedules, group caps, products without a line, and the market
//! estimate's sales. Field-level checks happen while reading (`dataset_read`).

use std::collections::{BTreeMap, HashSet};

use rustc_hash::FxHashSet;

use crate::io::json::Value;
use crate::model::dataset::{ANY_REGION, Dataset};
use crate::model::date::YEARS;
use crate::model::issue::Issues;

/// The most members a dataset may have: far more than any pool has (a few hundred), and the
/// index's per-member tables over 301 years stay near 100 MB.
pub(crate) const MAX_MEMBERS: usize = 10_000;

/// The most schedule × product × region combinations (regions counting "in no region"): the
/// fee lookups hold one line each, 64 MB at most. A real pool has a few thousand.
pub(crate) const MAX_RATE_CELLS: usize = 4_000_000;

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
    check_schedules(d, issues);
    // Every schedule covers a year of 1900–2200, so more than 301 of them overlap (reported
    // above); their year searches would then grow with schedules × licensee years.
    if d.rate_schedules.len() > YEARS.clone().count() {
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

fn check_schedules(d: &Dataset, issues: &mut Issues) {
    let products: HashSet<&str> = d.products.iter().map(|p| p.id.as_str()).collect();
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
            let overlap_from = s.from_year.max(other.from_year);
            if s.covers(overlap_from) && other.covers(overlap_from) {
                overlaps_found += 1;
                issues.push(
                    format!("{at}.from_year"),
                    format!(
                        "schedule \"{}\" overlaps schedule \"{}\" (rate_schedules[{k}]) in {overlap_from}",
                        s.id, other.id
                    ),
                );
            }
        }
    }
    if !compared_all {
        issues.count_more(overlapping_pairs(d).saturating_sub(overlaps_found));
    }
    for (i, p) in d.products.iter().enumerate() {
        if !priced.contains(p.id.as_str()) {
            issues.push(
                format!("products[{i}]"),
                format!("product \"{}\" has no rate line in any schedule", p.id),
            );
        }
    }
}

/// How many pairs of schedules overlap, without comparing every pair: all pairs but those
/// where one schedule ends before the other begins (for each schedule, the schedules whose
/// last year is before its first, found by binary search among the sorted last years).
fn overlapping_pairs(d: &Dataset) -> usize {
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
fn unknown(what: &str, id: &str) -> String {
    format!("unknown {what} \"{id}\"")
}

fn unknown_region(id: &str) -> String {
    format!("unknown region \"{id}\" (use a region id or \"*\")")
}

/// The `id` strings of the objects of list `key`, or `None` when one cannot be read (then
/// what refers to them is not checked: the id's own problem is reported already).
/// A list that may be left out (`regions`) has no ids then; a required one is not checked.
fn raw_ids<'v>(doc: &'v Value<'_>, key: &str, optional: bool) -> Option<FxHashSet<&'v str>> {
    let Some(Value::Array(items)) = doc.get(key) else {
        return (optional && doc.get(key).is_none()).then(FxHashSet::default);
    };
    items
        .iter()
        .map(|item| match item.get("id") {
            Some(Value::String(s)) => Some(s.as_ref()),
            _ => None,
        })
        .collect()
}

/// The items of list `key` of `v`, with their positions (none when it is not a list).
fn raw_items<'v, 'a>(v: &'v Value<'a>, key: &str) -> impl Iterator<Item = (usize, &'v Value<'a>)> {
    let items = match v.get(key) {
        Some(Value::Array(items)) => items.as_slice(),
        _ => &[],
    };
    items.iter().enumerate()
}

/// Reports references to unknown ids, read from the JSON tree itself: a file whose fields do
/// not all read never reaches [`check_dataset`], and its dangling references (a patent's
/// member, a line's product or region, a group cap's or a sale's product) would otherwise
/// show only once the other problems are fixed. The messages and paths are
/// [`check_dataset`]'s.
pub(crate) fn check_raw_references(doc: &Value<'_>, issues: &mut Issues) {
    let text = |v: &Value<'_>, key: &str| match v.get(key) {
        Some(Value::String(s)) => Some(s.to_string()),
        _ => None,
    };
    if let Some(members) = raw_ids(doc, "members", false) {
        for (i, p) in raw_items(doc, "patents") {
            if let Some(m) = text(p, "member").filter(|m| !members.contains(m.as_str())) {
                issues.push(format!("patents[{i}].member"), unknown("member", &m));
            }
        }
    }
    let products = raw_ids(doc, "products", false);
    let regions = raw_ids(doc, "regions", true);
    let known =
        |set: &Option<FxHashSet<&str>>, id: &str| set.as_ref().is_none_or(|s| s.contains(id));
    for (i, s) in raw_items(doc, "rate_schedules") {
        for (j, line) in raw_items(s, "lines") {
            if let Some(p) = text(line, "product").filter(|p| !known(&products, p)) {
                issues.push(
                    format!("rate_schedules[{i}].lines[{j}].product"),
                    unknown("product", &p),
                );
            }
            if let Some(r) = text(line, "region").filter(|r| r != ANY_REGION && !known(&regions, r))
            {
                issues.push(
                    format!("rate_schedules[{i}].lines[{j}].region"),
                    unknown_region(&r),
                );
            }
        }
        for (g, cap) in raw_items(s, "group_caps") {
            for (k, p) in raw_items(cap, "products") {
                if let Value::String(p) = p
                    && !known(&products, p)
                {
                    issues.push(
                        format!("rate_schedules[{i}].group_caps[{g}].products[{k}]"),
                        unknown("product", p),
                    );
                }
            }
        }
    }
    for (i, l) in raw_items(doc, "licensees") {
        for (j, y) in raw_items(l, "years") {
            for (k, sale) in raw_items(y, "sales") {
                if let Some(p) = text(sale, "product").filter(|p| !known(&products, p)) {
                    issues.push(
                        format!("licensees[{i}].years[{j}].sales[{k}].product"),
                        unknown("product", &p),
                    );
                }
            }
        }
    }
}
