//! Builders for small hand-computed datasets, written in the dataset format itself.

#![allow(dead_code)]

use poolcalc_engine::model::dataset::Usage;
use poolcalc_engine::{
    FeeReport, Pool, Shares, compute_fees, distribute, load_dataset, pool_income,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// A one-member, one-product pool with a single open schedule; tests replace parts.
pub fn base() -> Value {
    json!({
        "format": "patent-pool-dataset",
        "version": 1,
        "pool": {"id": "t", "name": "Test pool", "currency": "USD"},
        "regions": [
            {"id": "r1", "name": "Region 1", "countries": ["US", "DE", "JP"]},
            {"id": "r2", "name": "Region 2", "default": true}
        ],
        "members": [{"id": "a", "name": "A", "country": "US", "joined": "2000-01-01"}],
        "patents": [{"id": "p1", "member": "a", "country": "US", "number": "US1", "expires": "2040-01-01"}],
        "products": [{"id": "dec", "name": "Decoder", "unit": "unit"}],
        "rate_schedules": [{"id": "s", "from_year": 2020, "lines": [{"product": "dec", "region": "*", "per_unit": "1"}]}],
        "distribution": {"management_fee": {"percent": "0"}, "method": "per_patent"}
    })
}

/// Loads a dataset value, panicking with every problem if it is invalid.
pub fn pool(v: &Value) -> Pool {
    match load_dataset(&v.to_string()) {
        Ok(d) => Pool::new(d),
        Err(issues) => panic!("invalid test dataset: {issues:#?}"),
    }
}

/// One sale: product, country, units, price.
pub type SaleRow<'a> = (&'a str, &'a str, u64, Option<&'a str>);

/// A usage profile from `(year, [sale])`.
pub fn usage(signed: Option<&str>, years: &[(i32, &[SaleRow<'_>])]) -> Usage {
    let mut v = json!({
        "format": "patent-pool-usage", "version": 1, "licensee": "L",
        "years": years.iter().map(|(y, sales)| json!({
            "year": y,
            "sales": sales.iter().map(|(p, c, u, price)| {
                let mut s = json!({"product": p, "country": c, "units": u});
                if let Some(price) = price { s["price"] = json!(price); }
                s
            }).collect::<Vec<_>>()
        })).collect::<Vec<_>>()
    });
    if let Some(s) = signed {
        v["signed"] = json!(s);
    }
    match poolcalc_engine::load_usage(&v.to_string()) {
        Ok(u) => u,
        Err(issues) => panic!("invalid test usage: {issues:#?}"),
    }
}

/// Every problem `load_dataset` finds in `v`, as `path: message` lines.
pub fn problems(v: &Value) -> Vec<String> {
    match load_dataset(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(issues) => issues.iter().map(ToString::to_string).collect(),
    }
}

/// Fails unless `v` has a problem at `path` whose message contains `words`.
pub fn assert_problem(v: &Value, path: &str, words: &str) {
    let all = problems(v);
    assert!(
        all.iter()
            .any(|p| p.starts_with(&format!("{path}: ")) && p.contains(words)),
        "expected `{path}: …{words}…` in {all:#?}"
    );
}

/// Fees of a usage under a dataset.
pub fn fees(v: &Value, u: &Usage) -> FeeReport {
    match compute_fees(&pool(v), u) {
        Ok(r) => r,
        Err(e) => panic!("fees failed: {e}"),
    }
}

/// Shares of `year` with income from the dataset's licensees.
pub fn shares(v: &Value, year: i32) -> Shares {
    let p = pool(v);
    let rule = p.dataset().distribution.clone();
    distribute(&p, year, &pool_income(&p, year), &rule)
}

/// A decimal from a literal.
pub fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|_| panic!("bad decimal {s}"))
}

/// Member amounts as strings, dataset order.
pub fn amounts(s: &Shares) -> Vec<String> {
    s.members.iter().map(|m| m.amount.to_string()).collect()
}

// Bundled datasets and stacks, found as the CLI and the app find them.

use poolcalc_engine::stack::{PoolSet, Stack, StackReport, compute_stack, load_stack, pool_set};
use std::path::PathBuf;
use std::sync::Arc;

pub fn public(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../public")
        .join(path)
}

pub fn read(path: &str) -> String {
    let p = public(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A bundled dataset by id, as the CLI and the app find it: through datasets/index.json.
pub fn bundled(id: &str) -> Result<Arc<Pool>, String> {
    let index: Value =
        serde_json::from_str(&read("datasets/index.json")).map_err(|e| e.to_string())?;
    let file = index["datasets"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["id"] == id)
        .and_then(|e| e["file"].as_str())
        .ok_or_else(|| format!("no bundled dataset {id}"))?;
    let d = load_dataset(&read(&format!("datasets/{file}"))).map_err(|i| format!("{i:?}"))?;
    Ok(Arc::new(Pool::new(d)))
}

pub fn stack_file(file: &str) -> (Stack, PoolSet, StackReport) {
    let stack =
        load_stack(&read(&format!("stacks/{file}"))).unwrap_or_else(|i| panic!("{file}: {i:#?}"));
    let pools = pool_set(&stack, bundled).unwrap_or_else(|i| panic!("{file}: {i:#?}"));
    let report = compute_stack(&stack, &pools).unwrap_or_else(|i| panic!("{file}: {i:#?}"));
    (stack, pools, report)
}

/// The dataset of the spec's worked example (tests/data/pool.json).
pub fn worked_dataset() -> poolcalc_engine::Dataset {
    load_dataset(include_str!("../data/pool.json")).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The usage profile of the spec's worked example (tests/data/usage.json).
pub fn worked_usage() -> Usage {
    poolcalc_engine::load_usage(include_str!("../data/usage.json"))
        .unwrap_or_else(|e| panic!("{e:?}"))
}

// Version 2 (pool-dataset-v2): the same base pool declared version 2, and usage profiles
// written as JSON sales, since v2 sales carry more than (product, country, units, price).

/// [`base`] as a version 2 dataset.
pub fn base_v2() -> Value {
    let mut v = base();
    v["version"] = json!(2);
    v
}

/// A version 2 usage profile from `(year, sales as JSON)`.
pub fn usage_v2(signed: Option<&str>, years: &[(i32, Value)]) -> Usage {
    let mut v = json!({
        "format": "patent-pool-usage", "version": 2, "licensee": "L",
        "years": years.iter().map(|(y, sales)| json!({"year": y, "sales": sales})).collect::<Vec<_>>()
    });
    if let Some(s) = signed {
        v["signed"] = json!(s);
    }
    match poolcalc_engine::load_usage(&v.to_string()) {
        Ok(u) => u,
        Err(issues) => panic!("invalid test usage: {issues:#?}"),
    }
}

/// The `fees --json` year of `sales` in 2026 by a (version 2) licensee without a signing date.
pub fn fees_2026(v: &Value, sales: Value) -> Value {
    let u = usage_v2(None, &[(2026, sales)]);
    fees_json_of(v, &u)["years"][0].clone()
}

/// The `fees --json` output of a usage under a dataset.
pub fn fees_json_of(v: &Value, u: &Usage) -> Value {
    poolcalc_engine::output::fees_json(&fees(v, u))
}
