//! Validation reports every problem at once, each with its JSON path (spec section 2).

mod common;

use common::{assert_problem, base, problems};
use poolcalc_engine::{load_dataset, load_usage};
use serde_json::json;

#[test]
fn the_base_dataset_is_valid() {
    assert_eq!(problems(&base()), Vec::<String>::new());
}

#[test]
fn syntax_errors_give_line_and_column() {
    let err =
        load_dataset("{\n  \"format\": \"patent-pool-dataset\",\n  oops\n}").expect_err("bad json");
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].path, "line 3, column 3");
    assert!(err[0].message.starts_with("not valid JSON"));
}

#[test]
fn unknown_fields_are_errors_but_extensions_are_allowed() {
    let mut v = base();
    v["pool"]["colour"] = json!("red");
    v["pool"]["extensions"] = json!({"colour": "red"});
    v["patents"][0]["extensions"] = json!({"x": 1});
    assert_eq!(
        problems(&v),
        ["pool.colour: unknown field `colour` (put extra data inside `extensions`)"]
    );
}

#[test]
fn unknown_fields_of_a_large_object_are_reported_in_key_order_and_known_ones_are_not() {
    // More fields than an object of the format has, with the known ones sorted last, and a
    // repeated key (the last value counts, as in any JSON object read here).
    let mut v = base();
    for i in (0..70).rev() {
        v["patents"][0][format!("a{i:02}")] = json!(i);
    }
    let mut text = v.to_string();
    text = text.replacen("\"a00\":0", "\"a00\":0,\"a00\":\"again\"", 1);
    let issues = load_dataset(&text).expect_err("unknown fields");
    let expected: Vec<String> = (0..70)
        .map(|i| {
            format!(
                "patents[0].a{i:02}: unknown field `a{i:02}` (put extra data inside `extensions`)"
            )
        })
        .collect();
    let found: Vec<String> = issues.iter().map(ToString::to_string).collect();
    assert_eq!(found, expected);
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut v = base();
    v["patents"][0]["expires"] = json!("2040-13-01");
    v["patents"][0]["country"] = json!("usa");
    v["members"][0]["joined"] = json!(20200101);
    v["distribution"]["management_fee"]["percent"] = json!("1.5");
    let all = problems(&v);
    assert_eq!(all.len(), 4, "{all:#?}");
    assert_problem(&v, "patents[0].expires", "not a date");
    assert_problem(&v, "patents[0].country", "not a country code");
    assert_problem(&v, "members[0].joined", "expected a string");
    assert_problem(&v, "distribution.management_fee.percent", "outside 0–1");
}

#[test]
fn money_must_be_a_decimal_string_and_not_negative() {
    let mut v = base();
    v["rate_schedules"][0]["lines"][0]["per_unit"] = json!(0.2);
    assert_problem(
        &v,
        "rate_schedules[0].lines[0].per_unit",
        "decimals are written as strings",
    );
    v["rate_schedules"][0]["lines"][0]["per_unit"] = json!("1e3");
    assert_problem(&v, "rate_schedules[0].lines[0].per_unit", "not a decimal");
    v["rate_schedules"][0]["lines"][0]["per_unit"] = json!("-0.20");
    assert_problem(&v, "rate_schedules[0].lines[0].per_unit", "negative");
}

#[test]
fn negative_units_are_errors() {
    let mut v = base();
    v["licensees"] = json!([{"id": "l", "licensee": "L", "years": [{"year": 2026, "sales": [{"product": "dec", "country": "US", "units": -5}]}]}]);
    assert_problem(
        &v,
        "licensees[0].years[0].sales[0].units",
        "must not be negative",
    );
}

#[test]
fn duplicate_ids() {
    let mut v = base();
    v["patents"] = json!([
        {"id": "p1", "member": "a", "country": "US", "number": "1", "expires": "2040-01-01"},
        {"id": "p1", "member": "a", "country": "US", "number": "2", "expires": "2040-01-01"}
    ]);
    assert_problem(&v, "patents[1].id", "used twice");
}

#[test]
fn unknown_references() {
    let mut v = base();
    v["patents"][0]["member"] = json!("ghost");
    v["rate_schedules"][0]["lines"] = json!([
        {"product": "dec", "region": "*", "per_unit": "1"},
        {"product": "dec", "region": "r9", "per_unit": "1"},
        {"product": "ufo", "region": "*", "per_unit": "1"}
    ]);
    v["licensees"] = json!([{"id": "l", "licensee": "L", "years": [{"year": 2026, "sales": [{"product": "nope", "country": "US", "units": 1}]}]}]);
    assert_problem(&v, "patents[0].member", "unknown member \"ghost\"");
    assert_problem(
        &v,
        "rate_schedules[0].lines[1].region",
        "unknown region \"r9\"",
    );
    assert_problem(
        &v,
        "rate_schedules[0].lines[2].product",
        "unknown product \"ufo\"",
    );
    assert_problem(
        &v,
        "licensees[0].years[0].sales[0].product",
        "unknown product \"nope\"",
    );
}

#[test]
fn date_order_rules() {
    let mut v = base();
    v["patents"][0]["granted"] = json!("2040-01-01");
    v["members"][0]["exited"] = json!("1999-01-01");
    assert_problem(&v, "patents[0].expires", "not after granted");
    assert_problem(&v, "members[0].exited", "not after joined");
}

#[test]
fn tier_rules() {
    let mut v = base();
    v["rate_schedules"][0]["lines"][0] = json!({"product": "dec", "region": "*", "tiers": [
        {"up_to": 100, "per_unit": "1"}, {"up_to": 50, "per_unit": "1"}, {"up_to": 200, "per_unit": "1"}
    ]});
    assert_problem(
        &v,
        "rate_schedules[0].lines[0].tiers[1].up_to",
        "must be above the band before",
    );
    assert_problem(
        &v,
        "rate_schedules[0].lines[0].tiers[2].up_to",
        "last band must be open",
    );
}

#[test]
fn a_line_takes_exactly_one_kind_of_rate() {
    let mut v = base();
    v["rate_schedules"][0]["lines"][0]["percent_of_price"] = json!("0.1");
    assert_problem(
        &v,
        "rate_schedules[0].lines[0]",
        "exactly one of per_unit, percent_of_price",
    );
}

#[test]
fn overlapping_schedules() {
    let mut v = base();
    v["rate_schedules"] = json!([
        {"id": "a", "from_year": 2020, "to_year": 2025, "lines": [{"product": "dec", "region": "*", "per_unit": "1"}]},
        {"id": "b", "from_year": 2025, "lines": [{"product": "dec", "region": "*", "per_unit": "1"}]}
    ]);
    assert_problem(&v, "rate_schedules[1].from_year", "overlaps schedule \"a\"");
}

#[test]
fn region_rules() {
    let mut v = base();
    v["regions"] = json!([
        {"id": "r1", "name": "R1", "countries": ["US", "DE"]},
        {"id": "r2", "name": "R2", "countries": ["DE"]},
        {"id": "r3", "name": "R3", "default": true},
        {"id": "r4", "name": "R4", "default": true}
    ]);
    assert_problem(&v, "regions[1].countries[0]", "already in region \"r1\"");
    assert_problem(&v, "regions[3].default", "second default region");
}

#[test]
fn a_product_with_no_rate_line() {
    let mut v = base();
    v["products"] = json!([{"id": "dec", "name": "D"}, {"id": "enc", "name": "E"}]);
    assert_problem(&v, "products[1]", "no rate line");
}

#[test]
fn group_cap_products_in_one_group_only() {
    let mut v = base();
    v["rate_schedules"][0]["group_caps"] = json!([
        {"id": "g1", "products": ["dec"], "amount": "10"},
        {"id": "g2", "products": ["dec"], "amount": "10"}
    ]);
    assert_problem(
        &v,
        "rate_schedules[0].group_caps[1].products[0]",
        "already in group cap \"g1\"",
    );
}

#[test]
fn licensee_sales_must_be_chargeable() {
    let mut v = base();
    v["rate_schedules"][0]["lines"][0] =
        json!({"product": "dec", "region": "*", "percent_of_price": "0.02"});
    v["licensees"] = json!([{"id": "l", "licensee": "L", "years": [
        {"year": 2010, "sales": []},
        {"year": 2026, "sales": [{"product": "dec", "country": "US", "units": 1}]}
    ]}]);
    assert_problem(
        &v,
        "licensees[0].years[0].year",
        "no rate schedule covers 2010",
    );
    assert_problem(
        &v,
        "licensees[0].years[1].sales[0].price",
        "needs a `price`",
    );
}

#[test]
fn wrong_format_or_version() {
    let mut v = base();
    v["version"] = json!(3);
    assert_problem(&v, "version", "not supported");
    let mut v = base();
    v["format"] = json!("patent-pool-usage");
    assert_problem(&v, "format", "expected \"patent-pool-dataset\"");
}

#[test]
fn usage_profiles_are_strict_too() {
    let err = load_usage(r#"{"format": "patent-pool-usage", "version": 1, "licensee": "L", "years": [{"year": 2026, "sales": [{"product": "d", "country": "US", "units": 1, "prise": "3"}]}, {"year": 2026, "sales": []}]}"#)
        .expect_err("typo and duplicate year");
    let all: Vec<String> = err.iter().map(ToString::to_string).collect();
    assert!(
        all.iter()
            .any(|p| p.starts_with("years[0].sales[0].prise: unknown field")),
        "{all:#?}"
    );
    assert!(
        all.iter()
            .any(|p| p.starts_with("years[1].year: year 2026 appears twice")),
        "{all:#?}"
    );
}
