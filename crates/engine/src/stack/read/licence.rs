//! A stack's licences (pool parts, bilateral and known licences), reference lines and
//! what-if changes.

use rust_decimal::Decimal;

use crate::io::json::{FromJson, Obj, Reader, Value, check_fraction, check_id};
use crate::io::read::{amount, id, opt_amount};
use crate::model::date::Date;
use crate::model::issue::Path;
use crate::model::text::Text;
use crate::stack::{Basis, Bilateral, Licence, PoolRef, Reference, Terms, WhatIf, presets};

use super::{opt_fraction, year_range};

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
