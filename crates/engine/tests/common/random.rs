//! Random datasets for the property tests (invariants, v2_properties): members joining and
//! leaving, patents of every status, one kind of rate, caps, discounts, an in-force rule,
//! every distribution method and licensees selling in five countries.

use poolcalc_engine::model::dataset::Method;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

pub const COUNTRIES: [&str; 5] = ["US", "CN", "DE", "BR", "IN"];

#[derive(Debug, Clone)]
pub struct Params {
    pub members: Vec<(u16, Option<u16>)>,
    pub patents: Vec<(usize, usize, u16, u16, u8, bool)>,
    pub rate: (u8, u32, u32),
    pub caps: (Option<u32>, Option<u32>),
    pub requires: bool,
    pub discount: u8,
    pub fee: (u8, Option<u32>, Option<u32>),
    pub method: usize,
    pub retained: bool,
    pub sales: Vec<Vec<(usize, usize, u32, u32)>>,
    pub decimals: u32,
}

fn day(offset: u16) -> String {
    // Days from 2024-01-01 over about eight years.
    let base = poolcalc_engine::model::date::Date::year_start(2024);
    base.plus_days(i32::from(offset)).to_string()
}

pub fn params() -> impl Strategy<Value = Params> {
    (
        prop::collection::vec((0u16..2000, prop::option::of(1u16..2000)), 1..5),
        prop::collection::vec(
            (
                0usize..5,
                0usize..5,
                0u16..2900,
                1u16..1500,
                0u8..4,
                any::<bool>(),
            ),
            0..14,
        ),
        (0u8..3, 1u32..500, 1u32..5000),
        (
            prop::option::of(1u32..20_000),
            prop::option::of(1u32..50_000),
        ),
        any::<bool>(),
        0u8..60,
        (
            0u8..40,
            prop::option::of(0u32..500),
            prop::option::of(0u32..5000),
        ),
        0usize..4,
        any::<bool>(),
        prop::collection::vec(
            prop::collection::vec((0usize..2, 0usize..5, 0u32..200_000, 1u32..100_000), 0..6),
            1..4,
        ),
        0u32..3,
    )
        .prop_map(
            |(
                members,
                patents,
                rate,
                caps,
                requires,
                discount,
                fee,
                method,
                retained,
                sales,
                decimals,
            )| Params {
                members,
                patents,
                rate,
                caps,
                requires,
                discount,
                fee,
                method,
                retained,
                sales,
                decimals,
            },
        )
}

pub fn build(p: &Params) -> Value {
    let members: Vec<Value> = p
        .members
        .iter()
        .enumerate()
        .map(|(i, (joined, stay))| {
            let mut m = json!({"id": format!("m{i}"), "name": "M", "country": "US", "joined": day(*joined)});
            if let Some(s) = stay {
                m["exited"] = json!(day(joined + s));
            }
            m
        })
        .collect();
    let patents: Vec<Value> = p
        .patents
        .iter()
        .enumerate()
        .map(|(i, (m, c, granted, life, status, fam))| {
            let status = ["in_force", "in_force", "pending", "invalidated"][usize::from(*status)];
            let country = COUNTRIES[*c];
            let mut v = json!({
                "id": format!("p{i}"), "member": format!("m{}", m % p.members.len()),
                "country": country, "number": format!("N{i}"),
                "granted": day(*granted), "expires": day(granted + life), "status": status,
                "weight": format!("{}.5", i % 3)
            });
            if *fam {
                v["family"] = json!(format!("f{}", i % 3));
            }
            v
        })
        .collect();
    let (kind, a, b) = p.rate;
    let rate = |product: &str| match kind {
        0 => {
            json!({"product": product, "region": "*", "per_unit": Decimal::new(i64::from(a), 2).to_string()})
        }
        1 => json!({"product": product, "region": "*", "tiers": [
            {"up_to": 1000, "per_unit": "0"},
            {"up_to": 1000 + b, "per_unit": Decimal::new(i64::from(a), 2).to_string()},
            {"up_to": null, "per_unit": Decimal::new(i64::from(a), 3).to_string()}
        ]}),
        _ => {
            json!({"product": product, "region": "*", "percent_of_price": "0.0325", "min_per_unit": Decimal::new(i64::from(a), 3).to_string()})
        }
    };
    let mut schedule = json!({
        "id": "s", "from_year": 2024, "lines": [rate("x"), rate("y")],
        "requires_patent_in_force": p.requires,
        "discounts": [{"id": "d", "percent": Decimal::new(i64::from(p.discount), 2).to_string(), "signed_before": "2025-01-01"}]
    });
    if let Some(g) = p.caps.0 {
        schedule["group_caps"] = json!([{"id": "g", "products": ["x"], "amount": g.to_string()}]);
    }
    if let Some(c) = p.caps.1 {
        schedule["annual_cap"] = json!(c.to_string());
    }
    let mut fee = json!({"percent": Decimal::new(i64::from(p.fee.0), 2).to_string()});
    if let Some(min) = p.fee.1 {
        fee["min"] = json!(min.to_string());
    }
    if let Some(max) = p.fee.2 {
        fee["max"] = json!((p.fee.1.unwrap_or(0) + max).to_string());
    }
    let licensees: Vec<Value> = p
        .sales
        .iter()
        .enumerate()
        .map(|(i, rows)| {
            let sales: Vec<Value> = rows
                .iter()
                .map(|(prod, c, units, price)| {
                    let product = ["x", "y"][*prod];
                    let country = COUNTRIES[*c];
                    json!({"product": product, "country": country, "units": units,
                        "price": Decimal::new(i64::from(*price), 2).to_string()})
                })
                .collect();
            let years: Vec<Value> = [2024, 2026, 2028]
                .iter()
                .map(|y| json!({"year": y, "sales": sales}))
                .collect();
            let signed = if i % 2 == 0 {
                "2024-06-01"
            } else {
                "2026-01-01"
            };
            json!({"id": format!("l{i}"), "licensee": "L", "signed": signed, "years": years})
        })
        .collect();
    let method = Method::ALL[p.method].1;
    let uncovered = if p.retained { "retained" } else { "pro_rata" };
    json!({
        "format": "patent-pool-dataset", "version": 1,
        "pool": {"id": "p", "name": "P", "currency": "XTS", "currency_decimals": p.decimals},
        "regions": [{"id": "r", "name": "R", "default": true}],
        "members": members, "patents": patents,
        "products": [{"id": "x", "name": "X"}, {"id": "y", "name": "Y"}],
        "rate_schedules": [schedule],
        "distribution": {"management_fee": fee, "method": method, "uncovered": uncovered},
        "licensees": licensees
    })
}
