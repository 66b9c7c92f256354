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
