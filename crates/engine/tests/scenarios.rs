//! Scenarios change a dataset's terms, market or membership; the engine applies them.

mod common;

use common::{base, d, pool, usage};
use poolcalc_engine::scenario::{apply_scenario, load_scenario, load_scenarios, scenarios_to_json};
use poolcalc_engine::{Pool, compute_fees, distribute, load_dataset, pool_income};
use serde_json::json;

fn dataset() -> poolcalc_engine::Dataset {
    let mut v = base();
    v["members"] = json!([
        {"id": "a", "name": "A", "country": "US", "joined": "2000-01-01"},
        {"id": "b", "name": "B", "country": "CN", "joined": "2000-01-01"}
    ]);
    v["patents"] = json!([
        {"id": "a1", "member": "a", "country": "US", "number": "1", "expires": "2040-01-01"},
        {"id": "b1", "member": "b", "country": "CN", "number": "2", "expires": "2040-01-01"}
    ]);
    v["rate_schedules"][0]["lines"] = json!([
        {"product": "dec", "region": "r1", "per_unit": "2"},
        {"product": "dec", "region": "*", "per_unit": "1"}
    ]);
    v["licensees"] = json!([{"id": "l", "licensee": "L", "years": [
        {"year": 2026, "sales": [{"product": "dec", "country": "US", "units": 100}]},
        {"year": 2027, "sales": [{"product": "dec", "country": "US", "units": 100}]}
    ]}]);
    load_dataset(&v.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn scenario(changes: serde_json::Value) -> poolcalc_engine::scenario::Scenario {
    let s = json!({"format": "poolcalc-scenario", "version": 1, "name": "t", "changes": changes});
    load_scenario(&s.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn applied(changes: serde_json::Value) -> Pool {
    Pool::new(apply_scenario(&dataset(), &scenario(changes)).unwrap_or_else(|e| panic!("{e:?}")))
}

fn income(p: &Pool, year: i32) -> String {
    pool_income(p, year).total.to_string()
}

#[test]
fn scale_rates_by_region() {
    let p = applied(json!([{"type": "scale_rates", "factor": "1.5", "region": "r1"}]));
    assert_eq!(income(&p, 2026), "300.00");
    let all = applied(json!([{"type": "scale_rates", "factor": "0.5"}]));
    let u = usage(
        None,
        &[(2026, &[("dec", "US", 10, None), ("dec", "BR", 10, None)])],
    );
    assert_eq!(
        compute_fees(&all, &u).map(|r| r.total).ok(),
        Some(d("15.00"))
    );
}

#[test]
fn set_rate_replaces_a_line_with_tiers() {
    let p = applied(
        json!([{"type": "set_rate", "product": "dec", "region": "r1",
        "tiers": [{"up_to": 50, "per_unit": "0"}, {"up_to": null, "per_unit": "3"}]}]),
    );
    assert_eq!(income(&p, 2026), "150.00");
}

#[test]
fn caps_discounts_fee_and_method() {
    let p = applied(json!([
        {"type": "set_annual_cap", "amount": "120"},
        {"type": "set_discount", "id": "early", "percent": "0.5", "signed_before": "2030-01-01"},
        {"type": "set_management_fee", "management_fee": {"percent": "0.2"}},
        {"type": "set_method", "method": "country_of_sale", "uncovered": "retained"}
    ]));
    let u = usage(Some("2025-01-01"), &[(2026, &[("dec", "US", 100, None)])]);
    // 200 − 50 % = 100, under the cap of 120.
    assert_eq!(
        compute_fees(&p, &u).map(|r| r.total).ok(),
        Some(d("100.00"))
    );
    // The dataset's licensee has no signing date: no discount, 200 capped at 120.
    let s = distribute(&p, 2026, &pool_income(&p, 2026), &p.dataset().distribution);
    assert_eq!(s.income, d("120.00"));
    assert_eq!(s.management_fee, d("24.00"));
    // All income is from the US, where only a has a patent.
    assert_eq!(s.members[0].amount, d("96.00"));
    assert_eq!(s.members[1].amount, d("0.00"));
}

#[test]
fn scale_volumes_with_growth_rounds_units() {
    let p = applied(json!([{"type": "scale_volumes", "factor": "1.015", "growth": "0.10"}]));
    // 2026 is the base year: 100 × 1.015 = 101.5 → 102 units; 2027: 100 × 1.015 × 1.1 = 111.65 → 112.
    assert_eq!(income(&p, 2026), "204.00");
    assert_eq!(income(&p, 2027), "224.00");
}

#[test]
fn a_member_joins_and_one_leaves() {
    let joined = applied(json!([{"type": "add_member",
        "member": {"id": "c", "name": "C", "country": "DE", "joined": "2026-07-01"},
        "patents": [{"id": "c1", "member": "c", "country": "US", "number": "3", "expires": "2040-01-01"}]}]));
    let s = distribute(
        &joined,
        2026,
        &pool_income(&joined, 2026),
        &joined.dataset().distribution,
    );
    let weights: Vec<String> = s.members.iter().map(|m| m.weight.to_string()).collect();
    assert_eq!(weights, ["365", "365", "184"]);
    let left = applied(json!([{"type": "remove_member", "member": "b", "from": "2026-01-01"}]));
    let s = distribute(
        &left,
        2026,
        &pool_income(&left, 2026),
        &left.dataset().distribution,
    );
    assert_eq!(s.members[1].amount, d("0.00"));
    assert_eq!(s.members[0].amount, d("200.00"));
}

#[test]
fn changes_that_name_nothing_are_errors_with_their_position() {
    let s = scenario(json!([
        {"type": "scale_rates", "factor": "2", "product": "ghost"},
        {"type": "remove_member", "member": "zz", "from": "2027-01-01"},
        {"type": "set_rate", "product": "dec", "region": "nowhere", "per_unit": "1"}
    ]));
    let err = apply_scenario(&dataset(), &s).expect_err("three bad changes");
    let paths: Vec<&str> = err.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["changes[0]", "changes[1]"], "{err:?}");
    let ok_first_two = scenario(
        json!([{"type": "set_rate", "product": "dec", "region": "nowhere", "per_unit": "1"}]),
    );
    let err = apply_scenario(&dataset(), &ok_first_two).expect_err("unknown region after applying");
    assert!(
        err[0].message.contains("unknown region \"nowhere\""),
        "{err:?}"
    );
}

#[test]
fn scenario_files_are_strict_and_round_trip() {
    let bad = load_scenario(r#"{"format": "poolcalc-scenario", "version": 1, "name": "x", "changes": [{"type": "scale_rate", "factor": "2"}, {"type": "scale_rates", "factr": "2"}]}"#)
        .expect_err("typos");
    let shown: Vec<String> = bad.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|s| s.starts_with("changes[0].type: \"scale_rate\" is not a change")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|s| s.starts_with("changes[1].factr: unknown field")),
        "{shown:?}"
    );
    let s = scenario(json!([
        {"type": "set_rate", "product": "dec", "region": "r1", "percent_of_price": "0.02", "min_per_unit": "1"},
        {"type": "set_annual_cap", "amount": null},
        {"type": "add_member", "member": {"id": "c", "name": {"en": "C", "zh": "丙"}, "country": "DE", "joined": "2026-07-01"}, "patents": []}
    ]));
    assert_eq!(load_scenario(&s.to_json()).ok(), Some(s.clone()));
    let all = scenarios_to_json(&[s.clone(), s.clone()]);
    assert_eq!(load_scenarios(&all).ok(), Some(vec![s.clone(), s]));
}

#[test]
fn scenario_results_stay_valid_datasets() {
    let p = applied(json!([{"type": "scale_rates", "factor": "1.1"}]));
    let again = load_dataset(&p.dataset().to_json());
    assert!(again.is_ok(), "{again:?}");
    let _ = pool(&base());
}
