//! Sizes at the edge: a sale may hold at most `MAX_SALE_UNITS` units and an amount is at most
//! `MAX_AMOUNT`; the largest sales at the largest rates a dataset may hold are computed
//! without the engine stopping, with money that still adds up.

use poolcalc_engine::io::usage_csv::read_sales_csv;
use poolcalc_engine::model::dataset::{MAX_SALE_UNITS, Method};
use poolcalc_engine::{Pool, compute_fees, distribute, load_dataset, load_usage, pool_income};
use rust_decimal::Decimal;
use serde_json::{Value, json};

const POOL: &str = include_str!("data/pool.json");
const USAGE: &str = include_str!("data/usage.json");

/// The worked example with every sale, the dataset's and the profile's, set to `units`.
fn with_units(text: &str, units: u64) -> Value {
    let mut v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let years = if v.get("licensees").is_some() {
        v["licensees"]
            .as_array_mut()
            .into_iter()
            .flatten()
            .flat_map(|l| l["years"].as_array_mut().into_iter().flatten())
            .collect::<Vec<_>>()
    } else {
        v["years"].as_array_mut().into_iter().flatten().collect()
    };
    for y in years {
        for s in y["sales"].as_array_mut().into_iter().flatten() {
            s["units"] = json!(units);
        }
    }
    v
}

fn issues(result: Result<impl Sized, Vec<poolcalc_engine::Issue>>) -> Vec<String> {
    result
        .err()
        .map(|i| i.iter().map(ToString::to_string).collect())
        .unwrap_or_default()
}

#[test]
fn more_units_than_a_sale_may_hold_are_errors_with_their_path() {
    let too_many = MAX_SALE_UNITS + 1;
    let dataset = with_units(POOL, too_many);
    let found = issues(load_dataset(&dataset.to_string()));
    assert!(
        found
            .iter()
            .any(|i| i.starts_with("licensees[0].years[0].sales[0].units: ")
                && i.contains("the most a sale may hold is 1000000000000")),
        "{found:#?}"
    );
    let usage = with_units(USAGE, too_many);
    let found = issues(load_usage(&usage.to_string()));
    assert!(
        found
            .iter()
            .any(|i| i.starts_with("years[0].sales[0].units: ")),
        "{found:#?}"
    );
    let (years, bad) = read_sales_csv(
        "year,product,country,units,price\n2028,dec,US,1000000000001,\n2028,dec,US,5,\n",
    );
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(years.iter().map(|y| y.sales.len()).sum::<usize>(), 1);
}

/// Every per-unit rate of the dataset set to `rate`.
fn with_per_unit_rates(mut v: Value, rate: &str) -> Value {
    for schedule in v["rate_schedules"].as_array_mut().into_iter().flatten() {
        for line in schedule["lines"].as_array_mut().into_iter().flatten() {
            if line.get("per_unit").is_some() {
                line["per_unit"] = json!(rate);
            }
        }
    }
    v
}

#[test]
fn amounts_past_a_trillion_are_errors_with_their_path() {
    let dataset = with_per_unit_rates(
        serde_json::from_str(POOL).unwrap_or(Value::Null),
        "1000000000000.01",
    );
    let found = issues(load_dataset(&dataset.to_string()));
    assert!(
        found
            .iter()
            .any(|i| i.starts_with("rate_schedules[0].lines[3].per_unit: ")
                && i.contains("the largest amount the calculator takes")),
        "{found:#?}"
    );
    let (_, bad) = read_sales_csv(
        "year,product,country,units,price\n2028,tv,US,5,1e30\n2028,tv,US,5,99999999999999999999\n",
    );
    assert_eq!(bad.len(), 2, "{bad:?}");
}

#[test]
fn the_largest_sales_are_computed_and_add_up() {
    let largest = with_units(POOL, MAX_SALE_UNITS);
    // The example's own rates, and the largest a unit: amount × units then passes 28 digits.
    for dataset in [
        largest.clone(),
        with_per_unit_rates(largest, "1000000000000"),
    ] {
        compute_and_check(&dataset);
    }
}

fn compute_and_check(dataset: &Value) {
    let pool = match load_dataset(&dataset.to_string()) {
        Ok(d) => Pool::new(d),
        Err(issues) => panic!("{issues:#?}"),
    };
    let usage = match load_usage(&with_units(USAGE, MAX_SALE_UNITS).to_string()) {
        Ok(u) => u,
        Err(issues) => panic!("{issues:#?}"),
    };
    let report = match compute_fees(&pool, &usage) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let payable: Decimal = report.years.iter().map(|y| y.payable).sum();
    assert_eq!(payable, report.total);
    assert!(report.total > Decimal::ZERO);

    let years: Vec<i32> = pool
        .dataset()
        .licensees
        .iter()
        .flat_map(|l| l.usage.years.iter().map(|y| y.year))
        .collect();
    for year in years {
        let income = pool_income(&pool, year);
        for (method, _) in Method::ALL {
            let mut rule = pool.dataset().distribution.clone();
            rule.method = method;
            let shares = distribute(&pool, year, &income, &rule);
            let members: Decimal = shares.members.iter().map(|m| m.amount).sum();
            assert_eq!(
                members + shares.management_fee + shares.unallocated,
                shares.income,
                "{year} {method:?}"
            );
        }
    }
}

/// The worked example's pool with every per-unit rate at the largest amount, `decimals`
/// currency decimals and the licensees of `licensees`.
fn largest_rates(decimals: u32, licensees: Value) -> Value {
    let mut v = with_per_unit_rates(
        serde_json::from_str(POOL).unwrap_or(Value::Null),
        "1000000000000",
    );
    v["pool"]["currency_decimals"] = json!(decimals);
    v["licensees"] = licensees;
    v
}

/// One year (2028) of `count` sales of `units` televisions in the US.
fn tv_year(count: usize, units: u64) -> Value {
    let sales: Vec<Value> = (0..count)
        .map(|_| json!({"product": "tv", "country": "US", "units": units}))
        .collect();
    json!({"year": 2028, "sales": sales})
}

fn profile(years: Value) -> poolcalc_engine::Usage {
    let v = json!({"format": "patent-pool-usage", "version": 1, "licensee": "L", "years": years});
    load_usage(&v.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
}

fn pool_of(v: &Value) -> Pool {
    Pool::new(load_dataset(&v.to_string()).unwrap_or_else(|e| panic!("{e:#?}")))
}

const TOO_LARGE: &str = "this total is too large to compute exactly";

#[test]
fn many_maximal_sales_on_one_line_are_an_error_not_a_panic() {
    let pool = pool_of(&largest_rates(2, json!([])));
    // 80,000 sales of 10^12 units at 10^12 a unit: 8 × 10^28 passes a Decimal.
    let usage = profile(json!([tv_year(80_000, MAX_SALE_UNITS)]));
    let err = compute_fees(&pool, &usage).err();
    let err = err.unwrap_or_else(|| panic!("fees of 8 × 10^28 were computed"));
    assert_eq!(err.to_string(), format!("year 2028: {TOO_LARGE}"));
    assert_eq!(err.path(), "years[0].year");
    // Just inside: 70,000 such sales are 7 × 10^28, but a cent of it is 7 × 10^30.
    let usage = profile(json!([tv_year(70_000, MAX_SALE_UNITS)]));
    assert!(compute_fees(&pool, &usage).is_err());
    // A licensee's years summed past 28 digits: each year fits (in whole units), the total
    // of the two does not.
    let pool = pool_of(&largest_rates(0, json!([])));
    let mut next = tv_year(50_000, MAX_SALE_UNITS);
    next["year"] = json!(2029);
    let usage = profile(json!([tv_year(50_000, MAX_SALE_UNITS), next]));
    let err = compute_fees(&pool, &usage).err();
    let err = err.unwrap_or_else(|| panic!("a total of 10^29 was computed"));
    assert_eq!(err.to_string(), format!("year 2029: {TOO_LARGE}"));
    let usage = profile(json!([tv_year(50_000, MAX_SALE_UNITS)]));
    let report = compute_fees(&pool, &usage).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.total, big(5, 28));
}

/// m × 10^e.
fn big(m: i128, e: u32) -> Decimal {
    Decimal::from_i128_with_scale(m * 10i128.pow(e), 0)
}

#[test]
fn percent_of_price_sales_summed_past_28_digits_are_an_error_at_the_sale() {
    let mut v = largest_rates(0, json!([]));
    v["rate_schedules"][1]["lines"][2] =
        json!({"product": "tv", "region": "r1", "percent_of_price": "1"});
    let pool = pool_of(&v);
    // US is in r1: each sale is 10^12 units at a price of 10^12.
    let sales: Vec<Value> = (0..80_000)
        .map(|_| json!({"product": "tv", "country": "US", "units": MAX_SALE_UNITS, "price": "1000000000000"}))
        .collect();
    let usage = profile(json!([{"year": 2028, "sales": sales}]));
    let err = compute_fees(&pool, &usage).err();
    let err = err.unwrap_or_else(|| panic!("computed"));
    assert!(err.path().starts_with("years[0].sales["), "{}", err.path());
    assert!(err.to_string().ends_with(TOO_LARGE), "{err}");
}

#[test]
fn rounding_a_large_payable_to_six_decimals_is_an_error_not_a_panic() {
    let pool = pool_of(&largest_rates(6, json!([])));
    // 10^24 to be paid; in millionths that is 10^30.
    let usage = profile(json!([tv_year(1, MAX_SALE_UNITS)]));
    let err = compute_fees(&pool, &usage).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("year 2028: this total is too large to compute exactly")
    );
    // With 2 decimals the same sale is computed.
    let pool = pool_of(&largest_rates(2, json!([])));
    let report = compute_fees(&pool, &usage).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.total, big(1, 24));
}

#[test]
fn pool_income_over_licensees_past_28_digits_is_a_validation_error() {
    // Each licensee owes 6 × 10^25 (6 × 10^27 cents, which fits); 2,000 of them owe 1.2 × 10^29.
    let licensees: Vec<Value> = (0..2000)
        .map(|i| json!({"id": format!("l{i}"), "licensee": "L", "years": [tv_year(60, MAX_SALE_UNITS)]}))
        .collect();
    let v = largest_rates(2, Value::Array(licensees));
    let found = issues(load_dataset(&v.to_string()));
    assert!(
        found.iter().any(|i| i.starts_with("licensees[")
            && i.contains(".years[0]: this total is too large to compute exactly")),
        "{found:#?}"
    );
    assert!(
        found.len() < 10,
        "one problem per year, not per licensee: {found:#?}"
    );
    // One such licensee is a valid dataset whose income is computed.
    let one = largest_rates(
        2,
        json!([{"id": "l", "licensee": "L", "years": [tv_year(60, MAX_SALE_UNITS)]}]),
    );
    let pool = pool_of(&one);
    let income = pool_income(&pool, 2028);
    assert_eq!(income.total, big(6, 25));
}

fn scenario(changes: Value) -> poolcalc_engine::scenario::Scenario {
    let s = json!({"format": "poolcalc-scenario", "version": 1, "name": "t", "changes": changes});
    poolcalc_engine::scenario::load_scenario(&s.to_string()).unwrap_or_else(|e| panic!("{e:?}"))
}

#[test]
fn scenario_factors_that_compound_past_the_limits_are_errors_at_the_change() {
    use poolcalc_engine::scenario::apply_scenario;
    let base = pool_of(&serde_json::from_str(POOL).unwrap_or(Value::Null));
    let rates = scenario(json!([
        {"type": "scale_rates", "factor": "1000000"},
        {"type": "scale_rates", "factor": "1000000"},
        {"type": "scale_rates", "factor": "1000000"}
    ]));
    let found = issues(apply_scenario(base.dataset(), &rates));
    assert!(
        found
            .iter()
            .any(|i| i.starts_with("changes[1]: ") && i.contains(TOO_LARGE)),
        "{found:#?}"
    );
    let volumes = scenario(json!([
        {"type": "scale_volumes", "factor": "1000000000000"},
        {"type": "scale_volumes", "factor": "1000000000000"}
    ]));
    let found = issues(apply_scenario(base.dataset(), &volumes));
    assert!(
        found
            .iter()
            .any(|i| i.starts_with("changes[0]: ") && i.contains(TOO_LARGE)),
        "{found:#?}"
    );
    // Growth compounding over 128 years: 1000 × 2^128 is no Decimal.
    let growth = scenario(json!([
        {"type": "scale_volumes", "factor": "1000", "growth": "1", "base_year": 1900}
    ]));
    let found = issues(apply_scenario(base.dataset(), &growth));
    assert!(
        found.iter().any(|i| i.starts_with("changes[0]: ")),
        "{found:#?}"
    );
}
