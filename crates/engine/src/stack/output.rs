//! The stable `poolcalc stack --json` output (docs/stack-format.md): payable amounts with the
//! currency's decimals, amounts per unit with two more, shares as fractions with 6 decimals.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::Basis;
use super::compute::{Burden, LicenceKind, StackReport};
use super::reference::ReferenceYear;
use super::what_if::{WhatIfReport, YearDiff};
use crate::model::money::format_money;

/// Decimals of a share of price or profit in the output.
pub const SHARE_DECIMALS: u32 = 6;

struct Fmt {
    dp: u32,
}

impl Fmt {
    fn money(&self, d: Decimal) -> Value {
        json!(format_money(d, self.dp))
    }

    fn per_unit(&self, d: Option<Decimal>) -> Value {
        d.map_or(Value::Null, |d| json!(format_money(d, self.dp + 2)))
    }

    fn share(d: Option<Decimal>) -> Value {
        d.map_or(Value::Null, |d| json!(format_money(d, SHARE_DECIMALS)))
    }

    fn burden(&self, b: &Burden) -> Value {
        json!({
            "units": b.units,
            "payable": self.money(b.payable),
            "per_unit": self.per_unit(b.per_unit),
            "share_of_price": Self::share(b.share_of_price),
            "share_of_profit": Self::share(b.share_of_profit),
        })
    }

    fn with(&self, mut v: Value, key: &str, extra: Value) -> Value {
        if let Some(o) = v.as_object_mut() {
            o.insert(key.to_owned(), extra);
        }
        v
    }

    fn against(&self, r: &ReferenceYear) -> Value {
        json!({"headroom": self.per_unit(r.headroom), "above": r.above})
    }

    fn diff(&self, d: &YearDiff) -> Value {
        json!({
            "base": self.money(d.base),
            "what_if": self.money(d.what_if),
            "difference": self.money(d.difference),
            "base_per_unit": self.per_unit(d.base_per_unit),
            "what_if_per_unit": self.per_unit(d.what_if_per_unit),
        })
    }
}

/// `poolcalc stack --json` (without what-if).
#[must_use]
pub fn stack_json(r: &StackReport) -> Value {
    let f = Fmt { dp: r.decimals };
    let years: Vec<i32> = r.years.iter().map(|y| y.year).collect();
    json!({
        "currency": r.currency,
        "price": f.money(r.price),
        "unit_profit": f.per_unit(r.unit_profit),
        "licences": r.licences.iter().map(|l| {
            let mut v = f.burden(&l.total);
            if let Some(o) = v.as_object_mut() {
                o.insert("id".into(), json!(l.id));
                o.insert("name".into(), json!(l.name.get("en")));
                match &l.kind {
                    LicenceKind::Pool { pool } => {
                        o.insert("type".into(), json!("pool"));
                        o.insert("pool".into(), json!(pool));
                    }
                    LicenceKind::Bilateral => { o.insert("type".into(), json!("bilateral")); }
                    LicenceKind::Known => { o.insert("type".into(), json!("known")); }
                }
                o.insert("years".into(), json!(l.years.iter().zip(&years).map(|(b, y)| {
                    f.with(f.burden(b), "year", json!(y))
                }).collect::<Vec<_>>()));
            }
            v
        }).collect::<Vec<_>>(),
        "years": r.years.iter().map(|y| {
            let v = f.with(f.burden(&y.total), "year", json!(y.year));
            f.with(v, "remaining_margin", f.per_unit(y.remaining_margin))
        }).collect::<Vec<_>>(),
        "total": f.with(f.burden(&r.total), "remaining_margin", f.per_unit(r.remaining_margin)),
        "overlap": r.overlap.iter().map(|p| json!({
            "a": p.a,
            "b": p.b,
            "count": p.count,
            "patents": p.patents,
        })).collect::<Vec<_>>(),
        "references": r.references.iter().map(|x| json!({
            "id": x.reference.id,
            "label": x.reference.label.get("en"),
            "basis": match x.reference.basis { Basis::Price => "price", Basis::Profit => "profit" },
            "value": x.reference.value.normalize().to_string(),
            "upper": x.reference.upper.map(|u| u.normalize().to_string()),
            "per_unit": f.per_unit(x.per_unit),
            "upper_per_unit": f.per_unit(x.upper_per_unit),
            "years": x.years.iter().zip(&years).map(|(a, y)| f.with(f.against(a), "year", json!(y))).collect::<Vec<_>>(),
            "total": f.against(&x.total),
        })).collect::<Vec<_>>(),
    })
}

/// The `what_if` part of `poolcalc stack --json`: the difference against the saved stack.
#[must_use]
pub fn what_if_json(w: &WhatIfReport) -> Value {
    let f = Fmt {
        dp: w.report.decimals,
    };
    json!({
        "licences": w.licences.iter().map(|l| json!({
            "id": l.id,
            "base": f.money(l.base),
            "what_if": f.money(l.what_if),
            "difference": f.money(l.difference),
        })).collect::<Vec<_>>(),
        "years": w.years.iter().map(|y| f.with(f.diff(y), "year", json!(y.year))).collect::<Vec<_>>(),
        "total": f.diff(&w.total),
        "stack": stack_json(&w.report),
    })
}
