//! The version 2 in-force and upstream-paid rules (pool-dataset-v2), each on a small pool
//! computed by hand. Service lines: v2_services.rs; signing-date schedules: v2_schedules.rs.

mod common;

use common::{amounts, base_v2, fees_2026, pool, shares, usage_v2};
use poolcalc_engine::compute_fees;
use serde_json::{Value, json};

/// The base pool (one patent, in the US) with a second member holding a patent in DE, and
/// the schedule's in-force rule set to `rule`.
fn two_countries(rule: Value) -> Value {
    let mut v = base_v2();
    v["members"] = json!([
        {"id": "a", "name": "A", "country": "US", "joined": "2000-01-01"},
        {"id": "b", "name": "B", "country": "DE", "joined": "2000-01-01"}
    ]);
    v["patents"] = json!([
        {"id": "p1", "member": "a", "country": "US", "number": "US1", "expires": "2040-01-01"},
        {"id": "p2", "member": "b", "country": "DE", "number": "DE2", "expires": "2040-01-01"}
    ]);
    v["rate_schedules"][0]["requires_patent_in_force"] = rule;
    v
}

#[test]
fn made_or_sold_charges_where_made_when_the_country_of_sale_is_not_covered() {
    let v = two_countries(json!("made_or_sold"));
    let y = fees_2026(
        &v,
        json!([
            {"product": "dec", "country": "BR", "made_in": "US", "units": 10},
            {"product": "dec", "country": "BR", "made_in": "CN", "units": 5},
            {"product": "dec", "country": "BR", "units": 3},
            {"product": "dec", "country": "DE", "made_in": "BR", "units": 7}
        ]),
    );
    // BR made in US: 10 × 1, to US; made in CN (not covered) or nowhere: exempt, 5 + 3;
    // sold in DE (covered): 7, to DE whatever its made_in.
    assert_eq!(y["payable"], "17.00");
    assert_eq!(y["lines"][0]["units"], 17);
    assert_eq!(
        y["countries"],
        json!([
            {"country": "DE", "amount": "7.00"},
            {"country": "US", "amount": "10.00"}
        ])
    );
    assert_eq!(
        y["exempt"],
        json!([
            {"product": "dec", "country": "BR", "units": 8, "reason": "not_in_force"}
        ])
    );
}

#[test]
fn the_sale_rule_ignores_where_a_sale_was_made_as_version_1_does() {
    for rule in [json!(true), json!("sale")] {
        let v = two_countries(rule);
        let y = fees_2026(
            &v,
            json!([
                {"product": "dec", "country": "BR", "made_in": "US", "units": 10},
                {"product": "dec", "country": "US", "made_in": "BR", "units": 4}
            ]),
        );
        assert_eq!(y["payable"], "4.00");
        assert_eq!(y["countries"], json!([{"country": "US", "amount": "4.00"}]));
        assert_eq!(y["exempt"][0]["units"], 10);
    }
    // Without the rule every sale pays, attributed to its country of sale.
    let v = two_countries(json!(false));
    let y = fees_2026(
        &v,
        json!([
            {"product": "dec", "country": "BR", "made_in": "US", "units": 10}
        ]),
    );
    assert_eq!(
        y["countries"],
        json!([{"country": "BR", "amount": "10.00"}])
    );
}

#[test]
fn pool_income_follows_the_made_in_attribution_into_country_of_sale_shares() {
    let mut v = two_countries(json!("made_or_sold"));
    v["distribution"]["method"] = json!("country_of_sale");
    v["licensees"] = json!([{"id": "l", "licensee": "L", "years": [{"year": 2026, "sales": [
        {"product": "dec", "country": "BR", "made_in": "DE", "units": 100},
        {"product": "dec", "country": "US", "units": 50}
    ]}]}]);
    let s = shares(&v, 2026);
    assert_eq!(s.income.to_string(), "150.00");
    let by_country: Vec<(String, String)> = s
        .income_by_country
        .iter()
        .map(|(c, a)| (c.clone(), a.to_string()))
        .collect();
    assert_eq!(
        by_country,
        [
            ("DE".into(), "100.00".into()),
            ("US".into(), "50.00".into())
        ]
    );
    // DE's 100 go to b (its only patent there), US's 50 to a.
    assert_eq!(amounts(&s), ["50.00", "100.00"]);
    assert_eq!(s.unallocated.to_string(), "0.00");
}

#[test]
fn upstream_paid_units_are_exempt_and_count_toward_no_tier() {
    let mut v = base_v2();
    v["rate_schedules"][0]["lines"][0] = json!({"product": "dec", "region": "*",
        "tiers": [{"up_to": 100, "per_unit": "0"}, {"up_to": null, "per_unit": "1.00"}]});
    let y = fees_2026(
        &v,
        json!([
            {"product": "dec", "country": "US", "units": 150, "upstream_paid_units": 60},
            {"product": "dec", "country": "US", "units": 20, "upstream_paid_units": 5}
        ]),
    );
    // 90 + 15 = 105 charged units: 100 free, 5 at 1.00; without the upstream units it would
    // have been 170 − 100 = 70.
    assert_eq!(y["payable"], "5.00");
    assert_eq!(y["lines"][0]["units"], 105);
    assert_eq!(
        y["exempt"],
        json!([
            {"product": "dec", "country": "US", "units": 65, "reason": "paid_upstream"}
        ])
    );
}

#[test]
fn a_sale_all_paid_upstream_needs_no_rate_line() {
    let mut v = base_v2();
    // A line for Region 1 only: BR (Region 2) has none.
    v["rate_schedules"][0]["lines"][0]["region"] = json!("r1");
    let y = fees_2026(
        &v,
        json!([
            {"product": "dec", "country": "BR", "units": 10, "upstream_paid_units": 10},
            {"product": "dec", "country": "US", "units": 2}
        ]),
    );
    assert_eq!(y["payable"], "2.00");
    assert_eq!(
        y["exempt"],
        json!([
            {"product": "dec", "country": "BR", "units": 10, "reason": "paid_upstream"}
        ])
    );
    // One unit left to charge needs the line like any sale.
    let u = usage_v2(
        None,
        &[(
            2026,
            json!([
                {"product": "dec", "country": "BR", "units": 10, "upstream_paid_units": 9}
            ]),
        )],
    );
    let err = compute_fees(&pool(&v), &u)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("has no rate line for product \"dec\" in BR"),
        "{err}"
    );
}

#[test]
fn a_sale_not_in_force_is_exempt_whole_even_when_partly_paid_upstream() {
    let mut v = base_v2();
    v["rate_schedules"][0]["requires_patent_in_force"] = json!(true);
    let y = fees_2026(
        &v,
        json!([
            {"product": "dec", "country": "BR", "units": 10, "upstream_paid_units": 4},
            {"product": "dec", "country": "US", "units": 10, "upstream_paid_units": 4}
        ]),
    );
    assert_eq!(y["payable"], "6.00");
    assert_eq!(
        y["exempt"],
        json!([
            {"product": "dec", "country": "BR", "units": 10, "reason": "not_in_force"},
            {"product": "dec", "country": "US", "units": 4, "reason": "paid_upstream"}
        ])
    );
}
