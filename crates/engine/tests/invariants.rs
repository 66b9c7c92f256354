//! Property tests over random datasets: money always adds up and caps always hold.

mod common;

use common::pool;
use poolcalc_engine::model::dataset::Method;
use poolcalc_engine::{compute_fees, distribute, load_usage, pool_income};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

const COUNTRIES: [&str; 5] = ["US", "CN", "DE", "BR", "IN"];

#[derive(Debug, Clone)]
struct Params {
    members: Vec<(u16, Option<u16>)>,
    patents: Vec<(usize, usize, u16, u16, u8, bool)>,
    rate: (u8, u32, u32),
    caps: (Option<u32>, Option<u32>),
    requires: bool,
    discount: u8,
    fee: (u8, Option<u32>, Option<u32>),
    method: usize,
    retained: bool,
    sales: Vec<Vec<(usize, usize, u32, u32)>>,
    decimals: u32,
}

fn day(offset: u16) -> String {
    // Days from 2024-01-01 over about eight years.
    let base = poolcalc_engine::model::date::Date::year_start(2024);
    base.plus_days(i32::from(offset)).to_string()
}

fn params() -> impl Strategy<Value = Params> {
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

fn build(p: &Params) -> Value {
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn shares_fee_and_unallocated_add_up_to_income(p in params()) {
        let v = build(&p);
        let pool = pool(&v);
        for year in [2024, 2026, 2028] {
            let income = pool_income(&pool, year);
            let s = distribute(&pool, year, &income, &pool.dataset().distribution);
            let shared: Decimal = s.members.iter().map(|m| m.amount).sum();
            prop_assert_eq!(shared + s.management_fee + s.unallocated, s.income);
            prop_assert!(s.management_fee >= Decimal::ZERO && s.management_fee <= s.income);
            prop_assert!(s.members.iter().all(|m| m.amount >= Decimal::ZERO));
            let parts: Decimal = s.country_parts.iter().map(|c| c.amount).sum();
            if !s.country_parts.is_empty() {
                prop_assert_eq!(parts, s.distributable);
            }
        }
    }

    #[test]
    fn fees_add_up_and_caps_are_never_exceeded(p in params()) {
        let v = build(&p);
        let pool = pool(&v);
        for l in &v["licensees"].as_array().cloned().unwrap_or_default() {
            let mut u = l.clone();
            if let Some(o) = u.as_object_mut() {
                o.remove("id");
                o.insert("format".into(), json!("patent-pool-usage"));
                o.insert("version".into(), json!(1));
            }
            let usage = load_usage(&u.to_string()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            let report = compute_fees(&pool, &usage).map_err(|e| TestCaseError::fail(e.to_string()))?;
            for y in &report.years {
                let lines: Decimal = y.lines.iter().map(|l| l.amount).sum();
                let countries: Decimal = y.countries.iter().map(|c| c.amount).sum();
                prop_assert_eq!(lines, y.payable);
                prop_assert_eq!(countries, y.payable);
                if let Some(cap) = p.caps.1 {
                    prop_assert!(y.payable <= Decimal::from(cap));
                }
                if let Some(g) = p.caps.0 {
                    let group: Decimal = y.lines.iter().filter(|l| l.product == "x").map(|l| l.capped).sum();
                    // Scaling in 28-digit decimals may leave a last-digit excess, never a cent.
                    prop_assert!(group <= Decimal::from(g) + Decimal::new(1, 20));
                }
                prop_assert!(y.payable <= crate::round_up(y.gross, p.decimals));
            }
        }
    }
}

fn round_up(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::AwayFromZero)
}
