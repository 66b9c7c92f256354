//! Reading a stack file: every problem found, each with its JSON path, as the dataset reader
//! reports them; an embedded dataset is read and validated by the dataset reader itself, its
//! problems placed under `licences[i].dataset`.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::{
    Licence, MAX_LICENCES, MAX_LINES, Reference, STACK_FORMAT, Stack, StackProduct, StackSales,
    Terms, WhatIf,
};
use crate::io::json::{Obj, Reader, check_fraction, parse_json};
use crate::io::read::header;
use crate::model::dataset::MAX_SALE_UNITS;
use crate::model::issue::{Issue, Issues, Path};

mod licence;
mod product;

/// Reads a stack file (`"format": "poolcalc-stack", "version": 1`).
///
/// # Errors
/// Every problem found, each with its JSON path.
pub fn load_stack(json: &str) -> Result<Stack, Vec<Issue>> {
    let value = parse_json(json).map_err(Issues::into_vec)?;
    let mut r = Reader::default();
    let stack = r.object(&value, &Path::Root).and_then(|mut o| {
        let head = header(&mut o, &mut r, STACK_FORMAT);
        let product = o.req::<StackProduct>(&mut r, "product");
        let sales = o.req::<StackSales>(&mut r, "sales");
        let licences = o.req::<Vec<Licence>>(&mut r, "licences");
        let references = o.list::<Reference>(&mut r, "references");
        let what_if = o.list::<WhatIf>(&mut r, "what_if");
        o.finish(&mut r);
        head?;
        Some(Stack {
            product: product?,
            sales: sales?,
            licences: licences?,
            references: references?,
            what_if: what_if?,
        })
    });
    if let Some(s) = &stack
        && r.issues.is_empty()
    {
        check_stack(s, &mut r.issues);
    }
    match stack {
        Some(s) if r.issues.is_empty() => Ok(s),
        _ => Err(r.issues.into_vec()),
    }
}

/// Rules across the stack's parts.
fn check_stack(s: &Stack, issues: &mut Issues) {
    if s.licences.is_empty() {
        issues.push("licences", "a stack needs at least one licence");
    }
    too_many(issues, "licences", s.licences.len(), MAX_LICENCES);
    too_many(issues, "references", s.references.len(), MAX_LINES);
    too_many(issues, "what_if", s.what_if.len(), MAX_LINES);
    unique(issues, "licences", s.licences.iter().map(|l| l.id.as_str()));
    unique(
        issues,
        "references",
        s.references.iter().map(|l| l.id.as_str()),
    );
    for (i, w) in s.what_if.iter().enumerate() {
        let (licence, needs_pool) = match w {
            WhatIf::Drop { licence } | WhatIf::ScaleRates { licence, .. } => (licence, false),
            WhatIf::SetSigned { licence, .. } => (licence, true),
        };
        match s.licences.iter().find(|l| &l.id == licence) {
            None => issues.push(
                format!("what_if[{i}].licence"),
                format!("no licence has the id \"{licence}\""),
            ),
            Some(l) if needs_pool && !matches!(l.terms, Terms::Pool { .. }) => issues.push(
                format!("what_if[{i}].licence"),
                format!(
                    "\"{licence}\" is not a pool licence: only a pool licence has a signing date"
                ),
            ),
            Some(_) => {}
        }
    }
    if let Some((year, _)) = s
        .units_per_year()
        .into_iter()
        .find(|(_, units)| *units > MAX_SALE_UNITS)
    {
        issues.push(
            "sales",
            format!("{year}: more than {MAX_SALE_UNITS} units in a year, the most a stack takes"),
        );
    }
}

pub(super) fn too_many(issues: &mut Issues, list: &str, len: usize, max: usize) {
    if len > max {
        issues.push(list, format!("{len} entries: a stack takes at most {max}"));
    }
}

pub(super) fn unique<'a>(issues: &mut Issues, list: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            issues.push(
                format!("{list}[{i}].id"),
                format!("id \"{id}\" is used twice in {list}"),
            );
        }
    }
}

/// A fraction field that may be absent.
pub(super) fn opt_fraction(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
    key: &'static str,
) -> Option<Option<Decimal>> {
    let v = o.opt::<Decimal>(r, key)?;
    if let Some(d) = v {
        check_fraction(r, &o.at(key), d);
    }
    Some(v)
}

/// `from_year` and `to_year`, the second not before the first.
pub(super) fn year_range(
    o: &mut Obj<'_, '_>,
    r: &mut Reader,
) -> Option<(Option<i32>, Option<i32>)> {
    let from = o.opt::<i32>(r, "from_year");
    let to = o.opt::<i32>(r, "to_year");
    if let (Some(Some(f)), Some(Some(t))) = (from, to)
        && t < f
    {
        r.issues.push(
            o.at("to_year"),
            format!("to_year {t} is before from_year {f}"),
        );
    }
    Some((from?, to?))
}
