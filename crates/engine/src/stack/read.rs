//! Reading a stack file: every problem found, each with its JSON path, as the dataset reader
//! reports them; an embedded dataset is read and validated by the dataset reader itself, its
//! problems placed under `licences[i].dataset`.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::{
    Basis, Bilateral, CountryUnits, Licence, MAX_COUNTRIES, MAX_LICENCES, MAX_LINES, MAX_YEARS,
    PoolRef, Reference, STACK_FORMAT, SalesYear, Stack, StackProduct, StackSales, Terms, WhatIf,
    presets,
};
use crate::io::json::{
    FromJson, Obj, Reader, Value, check_country, check_fraction, check_id, parse_json,
};
use crate::io::read::{amount, currency, header, id, opt_amount};
use crate::model::dataset::{MAX_SALE_UNITS, check_sale_units};
use crate::model::date::Date;
use crate::model::issue::{Issue, Issues, Path};
use crate::model::text::Text;

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

fn too_many(issues: &mut Issues, list: &str, len: usize, max: usize) {
    if len > max {
        issues.push(list, format!("{len} entries: a stack takes at most {max}"));
    }
}

fn unique<'a>(issues: &mut Issues, list: &str, ids: impl Iterator<Item = &'a str>) {
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
fn opt_fraction(o: &mut Obj<'_, '_>, r: &mut Reader, key: &'static str) -> Option<Option<Decimal>> {
    let v = o.opt::<Decimal>(r, key)?;
    if let Some(d) = v {
        check_fraction(r, &o.at(key), d);
    }
    Some(v)
}

/// `from_year` and `to_year`, the second not before the first.
fn year_range(o: &mut Obj<'_, '_>, r: &mut Reader) -> Option<(Option<i32>, Option<i32>)> {
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

impl FromJson for StackProduct {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let name = o.req::<Text>(r, "name");
        let (currency, decimals) = currency(&mut o, r);
        let price = amount(&mut o, r, "price");
        if price.is_some_and(|p| p <= Decimal::ZERO) {
            r.issues.push(o.at("price"), "the price must be above 0");
        }
        let margin = opt_fraction(&mut o, r, "industry_margin");
        let cost = opt_amount(&mut o, r, "unit_cost");
        if let (Some(Some(_)), Some(Some(_))) = (margin, cost) {
            r.issues
                .push(o.path(), "give `industry_margin` or `unit_cost`, not both");
        }
        if let (Some(p), Some(Some(c))) = (price, cost)
            && c > p
        {
            r.issues.push(
                o.at("unit_cost"),
                format!("unit_cost {c} is above the price {p}"),
            );
        }
        o.finish(r);
        Some(StackProduct {
            name: name?,
            currency: currency?,
            currency_decimals: decimals?
                .and_then(|d| u32::try_from(d.min(6)).ok())
                .unwrap_or_else(crate::model::dataset::default_decimals),
            price: price?,
            industry_margin: margin?,
            unit_cost: cost?,
        })
    }
}

impl FromJson for StackSales {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let years = o.req::<Vec<SalesYear>>(r, "years");
        let fill_to = o.opt::<i32>(r, "fill_to");
        let growth = o.opt::<Decimal>(r, "growth");
        if let Some(Some(g)) = growth
            && (g <= -Decimal::ONE || g > Decimal::TEN)
        {
            r.issues.push(
                o.at("growth"),
                format!("growth {g} is outside the range above −1 and up to 10 (a fraction: \"0.05\" for 5 %)"),
            );
        }
        if let Some(years) = &years {
            check_years(r, &o, years, fill_to.flatten());
        }
        o.finish(r);
        Some(StackSales {
            years: years?,
            fill_to: fill_to?,
            growth: growth?.unwrap_or_default(),
        })
    }
}

fn check_years(r: &mut Reader, o: &Obj<'_, '_>, years: &[SalesYear], fill_to: Option<i32>) {
    let at = o.at("years");
    if years.is_empty() {
        r.issues.push(at, "give the units of at least one year");
        return;
    }
    let mut seen = BTreeSet::new();
    for (i, y) in years.iter().enumerate() {
        if !seen.insert(y.year) {
            r.issues.push(
                format!("{at}[{i}].year"),
                format!(
                    "year {} appears twice; put all its countries in one entry",
                    y.year
                ),
            );
        }
    }
    let (Some(first), Some(last)) = (seen.first().copied(), seen.last().copied()) else {
        return;
    };
    let end = fill_to.unwrap_or(last).max(last);
    if fill_to.is_some_and(|t| t < last) {
        r.issues.push(
            o.at("fill_to"),
            format!(
                "fill_to {} is before the last year given, {last}",
                fill_to.unwrap_or(last)
            ),
        );
    }
    if i64::from(end) - i64::from(first) >= MAX_YEARS as i64 {
        r.issues.push(
            o.path(),
            format!("{first}–{end} is more than {MAX_YEARS} years, the most a stack covers"),
        );
    }
}

impl FromJson for SalesYear {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let year = o.req::<i32>(r, "year");
        let countries = o.req::<Vec<CountryUnits>>(r, "countries");
        if let Some(cs) = &countries {
            if cs.len() > MAX_COUNTRIES {
                r.issues.push(
                    o.at("countries"),
                    format!(
                        "{} countries: a year takes at most {MAX_COUNTRIES}",
                        cs.len()
                    ),
                );
            }
            let mut seen = BTreeSet::new();
            for (i, c) in cs.iter().enumerate() {
                if !seen.insert(c.country.as_str()) {
                    r.issues.push(
                        format!("{}[{i}].country", o.at("countries")),
                        format!("{} appears twice in this year", c.country),
                    );
                }
            }
        }
        o.finish(r);
        Some(SalesYear {
            year: year?,
            countries: countries?,
        })
    }
}

impl FromJson for CountryUnits {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let country = o.req::<String>(r, "country");
        if let Some(c) = &country {
            check_country(r, &o.at("country"), c);
        }
        let units = o.req::<u64>(r, "units").and_then(|u| {
            check_sale_units(u)
                .map_err(|e| r.issues.push(o.at("units"), e))
                .ok()
        });
        o.finish(r);
        Some(CountryUnits {
            country: country?,
            units: units?,
        })
    }
}

impl FromJson for Licence {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let id = id(&mut o, r, "id");
        let name = o.opt::<Text>(r, "name");
        let years = year_range(&mut o, r);
        let kind = o.req::<String>(r, "type");
        let terms = match kind.as_deref() {
            Some("pool") => read_pool(&mut o, r),
            Some("bilateral") => read_bilateral(&mut o, r).map(Terms::Bilateral),
            Some("known") => {
                amount(&mut o, r, "per_year").map(|per_year| Terms::Known { per_year })
            }
            Some(other) => {
                r.issues.push(
                    o.at("type"),
                    format!("\"{other}\" is not one of: pool, bilateral, known"),
                );
                None
            }
            None => None,
        };
        // Fields of another type of licence are reported as unknown.
        o.finish(r);
        let (from_year, to_year) = years?;
        Some(Licence {
            id: id?,
            name: name?,
            from_year,
            to_year,
            terms: terms?,
        })
    }
}

fn read_pool(o: &mut Obj<'_, '_>, r: &mut Reader) -> Option<Terms> {
    let dataset = o.req::<PoolRef>(r, "dataset");
    let product = id(o, r, "product");
    let signed = o.opt::<Date>(r, "signed");
    Some(Terms::Pool {
        dataset: dataset?,
        product: product?,
        signed: signed?,
    })
}

fn read_bilateral(o: &mut Obj<'_, '_>, r: &mut Reader) -> Option<Bilateral> {
    let per_unit = opt_amount(o, r, "per_unit");
    let percent = opt_fraction(o, r, "percent_of_price");
    let min = opt_amount(o, r, "min_per_unit");
    let max = opt_amount(o, r, "max_per_unit");
    let lump_sum = opt_amount(o, r, "lump_sum");
    let annual_cap = opt_amount(o, r, "annual_cap");
    let b = Bilateral {
        per_unit: per_unit?,
        percent_of_price: percent?,
        min_per_unit: min?,
        max_per_unit: max?,
        lump_sum: lump_sum?,
        annual_cap: annual_cap?,
    };
    if b.per_unit.is_none() && b.percent_of_price.is_none() && b.lump_sum.is_none() {
        r.issues.push(
            o.path(),
            "a bilateral licence needs at least one of `per_unit`, `percent_of_price` or `lump_sum`",
        );
    }
    if b.percent_of_price.is_none() && (b.min_per_unit.is_some() || b.max_per_unit.is_some()) {
        r.issues.push(
            o.path(),
            "`min_per_unit` and `max_per_unit` bound `percent_of_price`, which is missing",
        );
    }
    if let (Some(lo), Some(hi)) = (b.min_per_unit, b.max_per_unit)
        && hi < lo
    {
        r.issues.push(
            o.at("max_per_unit"),
            format!("max_per_unit {hi} is below min_per_unit {lo}"),
        );
    }
    Some(b)
}

impl FromJson for PoolRef {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        match v {
            Value::String(s) => {
                check_id(r, path, s);
                Some(PoolRef::Bundled(s.to_string()))
            }
            Value::Object(_) => {
                let mut sub = Reader::default();
                let d = crate::io::read::read_dataset(&mut sub, v);
                if let Some(d) = &d
                    && sub.issues.is_empty()
                {
                    crate::io::validate::check_dataset(d, &mut sub.issues);
                }
                let ok = sub.issues.is_empty();
                let at = path.to_string();
                for i in sub.issues.into_vec() {
                    let p = if i.path.is_empty() {
                        at.clone()
                    } else {
                        format!("{at}.{}", i.path)
                    };
                    r.issues.push(p, i.message);
                }
                d.filter(|_| ok).map(|d| PoolRef::Embedded(Box::new(d)))
            }
            other => {
                r.expected(path, "a bundled dataset's id or a whole dataset", other);
                None
            }
        }
    }
}

impl FromJson for Reference {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        if o.has("preset") {
            let name = o.req::<String>(r, "preset");
            o.finish(r);
            let name = name?;
            let found = presets().into_iter().find(|p| p.id == name);
            if found.is_none() {
                let ids: Vec<String> = presets().into_iter().map(|p| p.id).collect();
                r.issues.push(
                    Path::Key(path, "preset"),
                    format!("\"{name}\" is not one of: {}", ids.join(", ")),
                );
            }
            return found;
        }
        let id = id(&mut o, r, "id");
        let label = o.req::<Text>(r, "label");
        let basis = o.req::<String>(r, "basis").and_then(|b| match b.as_str() {
            "price" => Some(Basis::Price),
            "profit" => Some(Basis::Profit),
            other => {
                r.issues.push(
                    o.at("basis"),
                    format!("\"{other}\" is not one of: price, profit"),
                );
                None
            }
        });
        let value = o.req::<Decimal>(r, "value");
        if let Some(d) = value {
            check_fraction(r, &o.at("value"), d);
        }
        let upper = opt_fraction(&mut o, r, "upper");
        if let (Some(lo), Some(Some(hi))) = (value, upper)
            && hi < lo
        {
            r.issues
                .push(o.at("upper"), format!("upper {hi} is below value {lo}"));
        }
        let source = o.opt::<Text>(r, "source");
        o.finish(r);
        Some(Reference {
            id: id?,
            label: label?,
            basis: basis?,
            value: value?,
            upper: upper?,
            source: source?,
        })
    }
}

impl FromJson for WhatIf {
    fn from_json(r: &mut Reader, v: &Value<'_>, path: &Path<'_>) -> Option<Self> {
        let mut o = r.object(v, path)?;
        let kind = o.req::<String>(r, "type");
        let licence = o.req::<String>(r, "licence");
        let change = match kind.as_deref() {
            Some("drop") => licence.map(|licence| WhatIf::Drop { licence }),
            Some("scale_rates") => {
                let factor = amount(&mut o, r, "factor");
                Some(WhatIf::ScaleRates {
                    licence: licence?,
                    factor: factor?,
                })
            }
            Some("set_signed") => {
                if v.get("signed").is_none() {
                    r.issues.push(
                        o.path(),
                        "missing field `signed` (a date, or null for not signed)",
                    );
                }
                let signed = o.opt::<Date>(r, "signed");
                Some(WhatIf::SetSigned {
                    licence: licence?,
                    signed: signed?,
                })
            }
            Some(other) => {
                r.issues.push(
                    o.at("type"),
                    format!("\"{other}\" is not one of: drop, scale_rates, set_signed"),
                );
                None
            }
            None => None,
        };
        o.finish(r);
        change
    }
}
