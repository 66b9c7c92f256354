//! References to unknown ids found in the JSON tree itself, for a file whose fields do not
//! all read (so the typed checks of `validate` cannot run yet).

use rustc_hash::FxHashSet;

use crate::io::json::Value;
use crate::io::validate::{unknown, unknown_region};
use crate::model::dataset::ANY_REGION;
use crate::model::issue::Issues;

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
