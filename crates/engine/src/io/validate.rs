//! Rules that relate several parts of a dataset (spec section 2): unique ids, references,
//! regions, overlapping schedules, group caps, products without a line, and the market
//! estimate's sales. Field-level checks happen while reading (`dataset_read`).

use std::collections::{BTreeMap, HashSet};

use rustc_hash::FxHashSet;

use crate::model::dataset::{ANY_REGION, Dataset};
use crate::model::issue::Issues;

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
pub(crate) fn check_dataset(d: &Dataset, issues: &mut Issues) {
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

    let members: FxHashSet<&str> = d.members.iter().map(|m| m.id.as_str()).collect();
    for (i, p) in d.patents.iter().enumerate() {
        if !members.contains(p.member.as_str()) {
            issues.push(
                format!("patents[{i}].member"),
                format!("unknown member \"{}\"", p.member),
            );
        }
    }
    check_schedules(d, issues);
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
    for (i, s) in d.rate_schedules.iter().enumerate() {
        let at = format!("rate_schedules[{i}]");
        let mut lines_seen = HashSet::new();
        for (j, line) in s.lines.iter().enumerate() {
            if !products.contains(line.product.as_str()) {
                issues.push(
                    format!("{at}.lines[{j}].product"),
                    format!("unknown product \"{}\"", line.product),
                );
            }
            if line.region != ANY_REGION && !regions.contains(line.region.as_str()) {
                issues.push(
                    format!("{at}.lines[{j}].region"),
                    format!(
                        "unknown region \"{}\" (use a region id or \"*\")",
                        line.region
                    ),
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
                    issues.push(path.as_str(), format!("unknown product \"{p}\""));
                }
                if let Some(first) = grouped.insert(p, &cap.id) {
                    issues.push(
                        path,
                        format!("product \"{p}\" is already in group cap \"{first}\"; a product may be in one group only"),
                    );
                }
            }
        }
        for (k, other) in d.rate_schedules.iter().enumerate().take(i) {
            let overlap_from = s.from_year.max(other.from_year);
            if s.covers(overlap_from) && other.covers(overlap_from) {
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
    for (i, p) in d.products.iter().enumerate() {
        if !priced.contains(p.id.as_str()) {
            issues.push(
                format!("products[{i}]"),
                format!("product \"{}\" has no rate line in any schedule", p.id),
            );
        }
    }
}
