//! The validation pool-dataset-v2 section 6 adds, each problem at its JSON path in plain
//! words, and the version rule: a version 1 file that uses a version 2 field is an error
//! naming it.

mod common;

use common::{assert_problem, base, base_v2, problems};
use poolcalc_engine::load_usage;
use serde_json::{Value, json};

/// The base v2 pool with a service product `svc` (its line in tier form) and one licensee
/// selling `sale`.
fn with_sale(sale: Value) -> Value {
    let mut v = base_v2();
    v["products"] = json!([
        {"id": "dec", "name": "Decoder"},
        {"id": "svc", "name": "Streaming", "kind": "service"}
    ]);
    v["rate_schedules"][0]["lines"] = json!([
        {"product": "dec", "region": "*", "per_unit": "1"},
        {"product": "svc", "region": "*", "service_tiers": [{"amount": "0"}, {"users": 10, "amount": "5"}]}
    ]);
    v["licensees"] =
        json!([{"id": "l", "licensee": "L", "years": [{"year": 2026, "sales": [sale]}]}]);
    v
}

const SALE: &str = "licensees[0].years[0].sales[0]";

#[test]
fn the_base_pool_with_a_service_is_valid() {
    let v = with_sale(json!({"product": "svc", "country": "US", "users": 3}));
    assert_eq!(problems(&v), Vec::<String>::new());
    // Every measure is optional.
    let v = with_sale(json!({"product": "svc", "country": "US"}));
    assert_eq!(problems(&v), Vec::<String>::new());
}

#[test]
fn made_in_must_be_a_country_code() {
    let v = with_sale(json!({"product": "dec", "country": "US", "made_in": "usa", "units": 1}));
    assert_problem(
        &v,
        &format!("{SALE}.made_in"),
        "\"usa\" is not a country code",
    );
}

#[test]
fn upstream_paid_units_are_at_most_the_units_and_only_on_devices() {
    let v = with_sale(
        json!({"product": "dec", "country": "US", "units": 10, "upstream_paid_units": 11}),
    );
    assert_problem(
        &v,
        &format!("{SALE}.upstream_paid_units"),
        "11 upstream-paid units are more than the sale's 10 units",
    );
    let v =
        with_sale(json!({"product": "svc", "country": "US", "users": 1, "upstream_paid_units": 1}));
    assert_problem(
        &v,
        &format!("{SALE}.upstream_paid_units"),
        "product \"svc\" is a service, charged by users, subscribers or revenue: its sales give no `upstream_paid_units`",
    );
}

#[test]
fn service_sales_give_no_units_or_price_and_device_sales_no_measures() {
    let v = with_sale(json!({"product": "svc", "country": "US", "units": 1}));
    assert_problem(&v, &format!("{SALE}.units"), "its sales give no `units`");
    let v = with_sale(json!({"product": "svc", "country": "US", "users": 1, "price": "2.00"}));
    assert_problem(&v, &format!("{SALE}.price"), "its sales give no `price`");
    for field in ["users", "subscribers"] {
        let v = with_sale(json!({"product": "dec", "country": "US", field: 4}));
        assert_problem(
            &v,
            &format!("{SALE}.{field}"),
            &format!("product \"dec\" is a device, charged per unit: its sales give no `{field}`"),
        );
    }
    let v = with_sale(json!({"product": "dec", "country": "US", "revenue": "4"}));
    assert_problem(
        &v,
        &format!("{SALE}.revenue"),
        "its sales give no `revenue`",
    );
    let v = with_sale(json!({"product": "dec", "country": "US"}));
    assert_problem(
        &v,
        SALE,
        "missing field `units` (product \"dec\" is a device, charged per unit)",
    );
    // Both at once is wrong whatever the product.
    let v = with_sale(json!({"product": "dec", "country": "US", "units": 1, "users": 2}));
    assert_problem(
        &v,
        &format!("{SALE}.users"),
        "not both: `users` is given with `units`",
    );
}

#[test]
fn lines_must_fit_their_products_kind() {
    let mut v = with_sale(json!({"product": "svc", "country": "US", "users": 1}));
    v["rate_schedules"][0]["lines"][1] = json!({"product": "svc", "region": "*", "per_unit": "1"});
    assert_problem(
        &v,
        "rate_schedules[0].lines[1]",
        "product \"svc\" is a service: its lines give `service_tiers`",
    );
    let mut v = with_sale(json!({"product": "dec", "country": "US", "units": 1}));
    v["rate_schedules"][0]["lines"][0] =
        json!({"product": "dec", "region": "*", "service_tiers": [{"amount": "1"}]});
    assert_problem(
        &v,
        "rate_schedules[0].lines[0].service_tiers",
        "product \"dec\" is a device: `service_tiers` are for products of kind \"service\"",
    );
}

#[test]
fn service_tier_amounts_must_not_decrease_and_weights_and_credits_not_be_negative() {
    let mut v = with_sale(json!({"product": "svc", "country": "US", "users": 1}));
    v["rate_schedules"][0]["lines"][1]["service_tiers"] =
        json!([{"amount": "10"}, {"users": 5, "amount": "9.99"}]);
    assert_problem(
        &v,
        "rate_schedules[0].lines[1].service_tiers[1].amount",
        "amount 9.99 is below the tier before it (10): amounts must not decrease",
    );
    let mut v = with_sale(json!({"product": "svc", "country": "US", "users": 1}));
    v["rate_schedules"][0]["lines"][1]["service_tiers"] = json!([]);
    assert_problem(
        &v,
        "rate_schedules[0].lines[1].service_tiers",
        "at least one tier",
    );
    let mut v = with_sale(json!({"product": "svc", "country": "US", "users": 1}));
    v["rate_schedules"][0]["lines"][1]["credit"] = json!("-1");
    assert_problem(&v, "rate_schedules[0].lines[1].credit", "-1 is negative");
    let mut v = with_sale(json!({"product": "svc", "country": "US", "users": 1}));
    v["regions"][1]["user_weight"] = json!("-0.5");
    assert_problem(&v, "regions[1].user_weight", "-0.5 is negative");
    let mut v = with_sale(json!({"product": "dec", "country": "US", "units": 1}));
    v["rate_schedules"][0]["lines"][0]["credit"] = json!("1");
    assert_problem(
        &v,
        "rate_schedules[0].lines[0].credit",
        "`credit` belongs to a `service_tiers` line only",
    );
}

#[test]
fn a_sale_holds_at_most_a_trillion_users() {
    let v = with_sale(json!({"product": "svc", "country": "US", "users": 1_000_000_000_001u64}));
    assert_problem(
        &v,
        &format!("{SALE}.users"),
        "1000000000001 users in one sale: the most a sale may hold is 1000000000000",
    );
}

/// Two schedules from 2026 with these `applies_to` (none when null).
fn two_from_2026(a: Value, b: Value) -> Value {
    let mut v = base_v2();
    let line = json!([{"product": "dec", "region": "*", "per_unit": "1"}]);
    let mut s0 = json!({"id": "a", "from_year": 2026, "lines": line});
    let mut s1 = json!({"id": "b", "from_year": 2026, "lines": line});
    if !a.is_null() {
        s0["applies_to"] = a;
    }
    if !b.is_null() {
        s1["applies_to"] = b;
    }
    v["rate_schedules"] = json!([s0, s1]);
    v
}

#[test]
fn applies_to_needs_signed_from_before_signed_before() {
    let v = two_from_2026(
        json!({"signed_from": "2026-01-01", "signed_before": "2026-01-01"}),
        json!({"signed_before": "2020-01-01"}),
    );
    assert_problem(
        &v,
        "rate_schedules[0].applies_to.signed_from",
        "signed_from 2026-01-01 is not before signed_before 2026-01-01",
    );
}

#[test]
fn schedules_of_the_same_years_must_not_admit_the_same_licensee() {
    // Apart by signing date: valid.
    let v = two_from_2026(
        json!({"signed_before": "2026-01-01"}),
        json!({"signed_from": "2026-01-01"}),
    );
    assert_eq!(problems(&v), Vec::<String>::new());
    // Both admit licensees signed from 2025-06-01 to 2025-12-31.
    let v = two_from_2026(
        json!({"signed_before": "2026-01-01"}),
        json!({"signed_from": "2025-06-01"}),
    );
    assert_problem(
        &v,
        "rate_schedules[1].from_year",
        "schedule \"b\" overlaps schedule \"a\" (rate_schedules[0]) in 2026 for licensees signed on 2025-06-01",
    );
    // Both admit every licensee signed before 2020.
    let v = two_from_2026(
        json!({"signed_before": "2026-01-01"}),
        json!({"signed_before": "2020-01-01"}),
    );
    assert_problem(
        &v,
        "rate_schedules[1].from_year",
        "in 2026 for licensees signed before 2020-01-01",
    );
    // A schedule without applies_to admits everyone, so it meets any other.
    let v = two_from_2026(Value::Null, json!({"signed_from": "2026-01-01"}));
    assert_eq!(
        problems(&v),
        [
            "rate_schedules[1].from_year: schedule \"b\" overlaps schedule \"a\" (rate_schedules[0]) in 2026"
        ]
    );
}

#[test]
fn a_licensee_no_schedule_admits_is_an_error_naming_year_and_date() {
    let mut v = two_from_2026(
        json!({"signed_before": "2026-01-01"}),
        json!({"signed_from": "2026-01-01"}),
    );
    v["licensees"] = json!([{"id": "l", "licensee": "L", "years": [{"year": 2026, "sales": []}]}]);
    assert_problem(
        &v,
        "licensees[0].years[0].year",
        "no rate schedule covering 2026 admits a licensee without a signing date",
    );
}

#[test]
fn a_version_1_file_that_uses_a_version_2_field_is_an_error_naming_it() {
    let cases: [(&str, Value, &str); 7] = [
        (
            "pool.max_rate_rise",
            json!({"pool": {"max_rate_rise": "0.2"}}),
            "`max_rate_rise`",
        ),
        (
            "regions[1].user_weight",
            json!({"regions": {"1": {"user_weight": "0.5"}}}),
            "`user_weight`",
        ),
        (
            "products[0].kind",
            json!({"products": {"0": {"kind": "device"}}}),
            "`kind`",
        ),
        (
            "rate_schedules[0].applies_to",
            json!({"rate_schedules": {"0": {"applies_to": {"signed_from": "2020-01-01"}}}}),
            "`applies_to`",
        ),
        (
            "rate_schedules[0].requires_patent_in_force",
            json!({"rate_schedules": {"0": {"requires_patent_in_force": "made_or_sold"}}}),
            "\"made_or_sold\"",
        ),
        (
            "rate_schedules[0].requires_patent_in_force",
            json!({"rate_schedules": {"0": {"requires_patent_in_force": "sale"}}}),
            "\"sale\"",
        ),
        (
            "rate_schedules[0].lines[0].credit",
            json!({"rate_schedules": {"0": {"lines": {"0": {"credit": "1"}}}}}),
            "`credit`",
        ),
    ];
    for (path, patch, what) in cases {
        let mut v = base();
        merge(&mut v, &patch);
        assert_problem(
            &v,
            path,
            &format!("{what} needs version 2 of the format: set \"version\": 2 to use it"),
        );
        // The same file as version 2 reads that field.
        v["version"] = json!(2);
        assert!(
            !problems(&v).iter().any(|p| p.contains("needs version 2")),
            "{path}"
        );
    }
    let mut v = base();
    v["rate_schedules"][0]["lines"][0] =
        json!({"product": "dec", "region": "*", "service_tiers": [{"amount": "1"}]});
    assert_eq!(
        problems(&v),
        [
            "rate_schedules[0].lines[0].service_tiers: `service_tiers` needs version 2 of the format: set \"version\": 2 to use it"
        ]
    );
    for (field, value) in [
        ("made_in", json!("US")),
        ("upstream_paid_units", json!(1)),
        ("users", json!(1)),
        ("subscribers", json!(1)),
        ("revenue", json!("1")),
    ] {
        let mut v = base();
        let mut sale = json!({"product": "dec", "country": "US", "units": 1});
        sale[field] = value;
        v["licensees"] = json!([{"id": "l", "licensee": "L", "years": [{"year": 2026, "sales": [sale.clone()]}]}]);
        assert_problem(
            &v,
            &format!("{SALE}.{field}"),
            &format!("`{field}` needs version 2"),
        );
        let usage = json!({"format": "patent-pool-usage", "version": 1, "licensee": "L",
            "years": [{"year": 2026, "sales": [sale]}]});
        let err = load_usage(&usage.to_string()).err().unwrap_or_default();
        assert_eq!(
            err.first().map(|i| i.path.clone()),
            Some(format!("years[0].sales[0].{field}"))
        );
    }
    // A version 1 sale still needs its units.
    let mut v = base();
    v["licensees"] = json!([{"id": "l", "licensee": "L", "years": [{"year": 2026, "sales": [{"product": "dec", "country": "US"}]}]}]);
    assert_problem(&v, SALE, "missing field `units`");
}

/// Sets the fields of `patch` into `v`; an object key that is a number indexes a list.
fn merge(v: &mut Value, patch: &Value) {
    let Value::Object(fields) = patch else {
        *v = patch.clone();
        return;
    };
    for (k, p) in fields {
        let target = match k.parse::<usize>() {
            Ok(i) => &mut v[i],
            Err(_) => &mut v[k.as_str()],
        };
        merge(target, p);
    }
}
