//! One hand-computed example per distribution rule of spec section 5.

mod common;

use common::{amounts, base, d, pool, shares};
use poolcalc_engine::model::dataset::{Method, Uncovered};
use poolcalc_engine::shares::management_fee;
use poolcalc_engine::{Income, distribute};
use serde_json::{Value, json};

/// Two members in 2027 (365 days): a has 2 US patents (one family) and 1 DE patent weighted 3;
/// b has 1 CN patent and joins on 2027-07-01 (184 days); c exits on 2027-04-01 (90 days).
fn pool_2027(method: &str) -> Value {
    let mut v = base();
    v["members"] = json!([
        {"id": "a", "name": "A", "country": "US", "joined": "2000-01-01"},
        {"id": "b", "name": "B", "country": "CN", "joined": "2027-07-01"},
        {"id": "c", "name": "C", "country": "DE", "joined": "2000-01-01", "exited": "2027-04-01"}
    ]);
    v["patents"] = json!([
        {"id": "a1", "member": "a", "family": "f", "country": "US", "number": "1", "expires": "2040-01-01"},
        {"id": "a2", "member": "a", "family": "f", "country": "US", "number": "2", "expires": "2040-01-01"},
        {"id": "a3", "member": "a", "country": "DE", "number": "3", "expires": "2040-01-01", "weight": "3"},
        {"id": "b1", "member": "b", "country": "CN", "number": "4", "expires": "2040-01-01"},
        {"id": "c1", "member": "c", "country": "DE", "number": "5", "expires": "2040-01-01"}
    ]);
    v["distribution"] = json!({"management_fee": {"percent": "0.10"}, "method": method});
    v["licensees"] = json!([{"id": "l", "licensee": "L", "years": [{"year": 2027, "sales": [
        {"product": "dec", "country": "US", "units": 500},
        {"product": "dec", "country": "DE", "units": 300},
        {"product": "dec", "country": "BR", "units": 200}
    ]}]}]);
    v
}

#[test]
fn per_patent_counts_patent_days_with_joining_and_exiting() {
    let s = shares(&pool_2027("per_patent"), 2027);
    assert_eq!(
        (s.income, s.management_fee, s.distributable),
        (d("1000.00"), d("100.00"), d("900.00"))
    );
    let weights: Vec<String> = s.members.iter().map(|m| m.weight.to_string()).collect();
    // a: 3 × 365 = 1095; b: 184; c: 90 (January to March).
    assert_eq!(weights, ["1095", "184", "90"]);
    // 900 × 1095/1369 = 719.868…, × 184/1369 = 120.964…, × 90/1369 = 59.167…
    assert_eq!(amounts(&s), ["719.87", "120.96", "59.17"]);
}

#[test]
fn per_family_counts_a_family_once() {
    let s = shares(&pool_2027("per_family"), 2027);
    let weights: Vec<String> = s.members.iter().map(|m| m.weight.to_string()).collect();
    // a: family f (365) + a3 alone (365) = 730.
    assert_eq!(weights, ["730", "184", "90"]);
}

#[test]
fn weighted_multiplies_patent_days_by_weight() {
    let s = shares(&pool_2027("weighted"), 2027);
    let weights: Vec<String> = s
        .members
        .iter()
        .map(|m| m.weight.normalize().to_string())
        .collect();
    assert_eq!(weights, ["1825", "184", "90"]);
}

#[test]
fn country_of_sale_with_uncovered_pro_rata_and_retained() {
    // Income US 500, DE 300, BR 200; distributable 900 → US 450, DE 270, BR 180 (uncovered).
    // DE: a3 365 days, c1 90 days → a 270 × 365/455, c 270 × 90/455.
    let v = pool_2027("country_of_sale");
    let s = shares(&v, 2027);
    assert_eq!(s.unallocated, d("0.00"));
    let parts: Vec<String> = s
        .country_parts
        .iter()
        .map(|p| format!("{} {} {}", p.country, p.amount, p.uncovered))
        .collect();
    assert_eq!(
        parts,
        ["BR 180.00 true", "DE 270.00 false", "US 450.00 false"]
    );
    // BR spread by per-patent weights 1095:184:90 of 1369.
    let a = d("450") + d("270") * d("365") / d("455") + d("180") * d("1095") / d("1369");
    assert!((s.members[0].weight - a).abs() < d("0.0000000001"));
    let total: rust_decimal::Decimal = s.members.iter().map(|m| m.amount).sum();
    assert_eq!(total, d("900.00"));

    let mut retained = v.clone();
    retained["distribution"]["uncovered"] = json!("retained");
    let s = shares(&retained, 2027);
    assert_eq!(s.unallocated, d("180.00"));
    let total: rust_decimal::Decimal = s.members.iter().map(|m| m.amount).sum();
    assert_eq!(total + s.unallocated + s.management_fee, s.income);
    assert_eq!(
        s.members[1].amount,
        d("0.00"),
        "b has no patent where sales were made"
    );
}

#[test]
fn management_fee_rounds_then_clamps_and_never_exceeds_income() {
    let mut v = pool_2027("per_patent");
    v["distribution"]["management_fee"] = json!({"percent": "0.125", "min": "50", "max": "120"});
    let p = pool(&v);
    let fee = &p.dataset().distribution.management_fee;
    assert_eq!(
        management_fee(fee, d("1000.00"), 2),
        d("120"),
        "125 capped at max 120"
    );
    assert_eq!(
        management_fee(fee, d("100.00"), 2),
        d("50"),
        "12.50 raised to min 50"
    );
    assert_eq!(
        management_fee(fee, d("30.00"), 2),
        d("30.00"),
        "never above income"
    );
    assert_eq!(
        management_fee(fee, d("500.04"), 2),
        d("62.51"),
        "62.505 rounds half away from zero"
    );
}

#[test]
fn no_weight_at_all_leaves_everything_unallocated() {
    let v = pool_2027("per_patent");
    let p = pool(&v);
    let income = Income::from_countries(vec![("US".into(), d("100.00"))]);
    let mut rule = p.dataset().distribution.clone();
    rule.method = Method::PerPatent;
    // 2050: every patent has expired.
    let s = distribute(&p, 2050, &income, &rule);
    assert_eq!((s.management_fee, s.unallocated), (d("10.00"), d("90.00")));
    assert!(s.members.iter().all(|m| m.amount.is_zero()));
    rule.method = Method::CountryOfSale;
    rule.uncovered = Uncovered::ProRata;
    let s = distribute(&p, 2050, &income, &rule);
    assert_eq!(s.unallocated, d("90.00"));
}

#[test]
fn leap_year_counts_february_29() {
    let mut v = base();
    v["patents"][0]["granted"] = json!("2028-02-28");
    v["members"] = json!([
        {"id": "a", "name": "A", "country": "US", "joined": "2000-01-01"},
        {"id": "z", "name": "Z", "country": "US", "joined": "2000-01-01"}
    ]);
    v["patents"] = json!([
        {"id": "p1", "member": "a", "country": "US", "number": "1", "granted": "2028-02-28", "expires": "2028-03-01"},
        {"id": "p2", "member": "z", "country": "US", "number": "2", "expires": "2029-01-01"}
    ]);
    let p = pool(&v);
    // 28 and 29 February 2028: two days; p2 counts all 366 days of 2028.
    assert_eq!(p.index().member_days(2028), [2, 366]);
    assert_eq!(p.index().member_days(2027), [0, 365]);
}
