//! The spec's worked example (checked by hand by the spec's authors): fees for every year and
//! the 2028 split under every method must match to the cent.

use poolcalc_engine::model::dataset::Method;
use poolcalc_engine::output::{fees_json, shares_json};
use poolcalc_engine::{Pool, compute_fees, distribute, load_dataset, load_usage, pool_income};
use rust_decimal::Decimal;
use serde_json::Value;

const POOL: &str = include_str!("data/pool.json");
const USAGE: &str = include_str!("data/usage.json");
const EXPECTED_FEES: &str = include_str!("data/expected-fees.json");
const EXPECTED_SHARES: &str = include_str!("data/expected-distribute-2028.json");

fn pool() -> Pool {
    Pool::new(load_dataset(POOL).expect("the worked example is valid"))
}

#[test]
fn fees_match_the_expected_output_exactly() {
    let usage = load_usage(USAGE).expect("valid usage");
    let report = compute_fees(&pool(), &usage).expect("fees compute");
    let expected: Value = serde_json::from_str(EXPECTED_FEES).expect("json");
    assert_eq!(fees_json(&report), expected);
}

#[test]
fn shares_match_for_every_method() {
    let pool = pool();
    let expected: Value = serde_json::from_str(EXPECTED_SHARES).expect("json");
    let income = pool_income(&pool, 2028);
    for (method, name) in Method::ALL {
        let mut rule = pool.dataset().distribution.clone();
        rule.method = method;
        let got = shares_json(&distribute(&pool, 2028, &income, &rule), pool.decimals());
        let want = &expected[name];
        for key in [
            "year",
            "currency",
            "income",
            "management_fee",
            "distributable",
            "unallocated",
        ] {
            assert_eq!(got[key], want[key], "{name}: {key}");
        }
        let (got_m, want_m) = (got["members"].as_array(), want["members"].as_array());
        let (Some(got_m), Some(want_m)) = (got_m, want_m) else {
            panic!("{name}: members missing");
        };
        assert_eq!(got_m.len(), want_m.len());
        for (g, w) in got_m.iter().zip(want_m) {
            assert_eq!(g["id"], w["id"], "{name}");
            assert_eq!(g["amount"], w["amount"], "{name}: amount of {}", w["id"]);
            // Weights under country_of_sale are not finite decimals: compare within 1e-20.
            let gw: Decimal = g["weight"]
                .as_str()
                .and_then(|s| s.parse().ok())
                .unwrap_or(Decimal::MIN);
            let ww = w["weight"].as_str().unwrap_or_default();
            let ww: Decimal = ww[..ww.len().min(28)].parse().unwrap_or(Decimal::MAX);
            assert!(
                (gw - ww).abs() < Decimal::new(1, 20),
                "{name}: weight {gw} vs {ww}"
            );
        }
    }
}

#[test]
fn income_by_country_adds_up_to_income() {
    let pool = pool();
    let income = pool_income(&pool, 2028);
    let countries: Vec<(&str, String)> = income
        .by_country
        .iter()
        .map(|(c, a)| (c.as_str(), a.to_string()))
        .collect();
    assert_eq!(
        countries,
        [
            ("CN", "255.88".to_owned()),
            ("DE", "794.12".to_owned()),
            ("US", "200.00".to_owned())
        ]
    );
    assert_eq!(income.total.to_string(), "1250.00");
}
