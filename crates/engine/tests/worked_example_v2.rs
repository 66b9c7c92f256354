//! The version 2 worked example (pool-dataset-v2 examples-v2, checked by hand by the spec's
//! authors, README.md beside the data): every figure of its fees, shares and terms history,
//! to the cent.

use poolcalc_engine::fees::history::terms_history;
use poolcalc_engine::output::{fees_json, shares_json, terms_history_json};
use poolcalc_engine::{Pool, compute_fees, distribute, load_dataset, load_usage, pool_income};
use serde_json::json;

const POOL: &str = include_str!("data/v2/pool.json");
const USAGE: &str = include_str!("data/v2/usage.json");

fn pool() -> Pool {
    Pool::new(load_dataset(POOL).unwrap_or_else(|i| panic!("the v2 example is valid: {i:#?}")))
}

#[test]
fn fees_match_the_readme_to_the_cent() {
    let usage = load_usage(USAGE).unwrap_or_else(|i| panic!("valid usage: {i:#?}"));
    let report = compute_fees(&pool(), &usage).unwrap_or_else(|e| panic!("{e}"));
    let expected = json!({
        "currency": "USD",
        "years": [
            {
                "year": 2026,
                "schedule": "2026-2027",
                "gross": "20260",
                "discount": "0",
                "cap_applied": false,
                "payable": "20260.00",
                "lines": [
                    {"product": "dec", "region": "*", "units": 1000, "amount": "200.00"},
                    {"product": "svc", "region": "*", "units": 0,
                     "measures": {"users": "110000", "subscribers": "10000", "revenue": "0"},
                     "tier": 1, "amount": "20000.00"},
                    {"product": "tv", "region": "*", "units": 60, "amount": "60.00"}
                ],
                "countries": [
                    {"country": "CN", "amount": "200.00"},
                    {"country": "IN", "amount": "9090.91"},
                    {"country": "US", "amount": "10969.09"}
                ],
                "exempt": [
                    {"product": "dec", "country": "BR", "units": 500, "reason": "not_in_force"},
                    {"product": "tv", "country": "US", "units": 40, "reason": "paid_upstream"}
                ]
            },
            {
                "year": 2028,
                "schedule": "2028-existing",
                "gross": "85400",
                "discount": "0",
                "cap_applied": false,
                "payable": "85400.00",
                "lines": [
                    {"product": "dec", "region": "*", "units": 2000, "amount": "400.00"},
                    {"product": "svc", "region": "*", "units": 0,
                     "measures": {"users": "1200000", "subscribers": "0", "revenue": "0"},
                     "tier": 2, "amount": "85000.00"}
                ],
                "countries": [{"country": "US", "amount": "85400.00"}],
                "exempt": []
            }
        ],
        "total": "105660.00"
    });
    assert_eq!(fees_json(&report), expected);
}

#[test]
fn the_licensee_estimate_is_the_usage_file() {
    let pool = pool();
    let usage = load_usage(USAGE).unwrap_or_else(|i| panic!("{i:#?}"));
    assert_eq!(pool.dataset().licensees[0].usage, usage);
}

#[test]
fn shares_of_2026_by_country_of_sale() {
    let pool = pool();
    let income = pool_income(&pool, 2026);
    let by_country: Vec<(&str, String)> = income
        .by_country
        .iter()
        .map(|(c, a)| (c.as_str(), a.to_string()))
        .collect();
    assert_eq!(
        by_country,
        [
            ("CN", "200.00".to_owned()),
            ("IN", "9090.91".to_owned()),
            ("US", "10969.09".to_owned())
        ]
    );
    let shares = distribute(&pool, 2026, &income, &pool.dataset().distribution);
    let parts: Vec<(&str, String, bool)> = shares
        .country_parts
        .iter()
        .map(|p| (p.country.as_str(), p.amount.to_string(), p.uncovered))
        .collect();
    assert_eq!(
        parts,
        [
            ("CN", "180.00".to_owned(), false),
            ("IN", "8181.82".to_owned(), false),
            ("US", "9872.18".to_owned(), false)
        ]
    );
    let got = shares_json(&shares, pool.decimals());
    assert_eq!(got["income"], "20260.00");
    assert_eq!(got["management_fee"], "2026.00");
    assert_eq!(got["distributable"], "18234.00");
    assert_eq!(got["unallocated"], "0.00");
    assert_eq!(got["members"][0]["id"], "alpha");
    assert_eq!(got["members"][0]["amount"], "9872.18");
    assert_eq!(got["members"][1]["id"], "beta");
    assert_eq!(got["members"][1]["amount"], "8361.82");
}

#[test]
fn terms_history_lists_every_shared_rate_and_flags_one_rise() {
    let pool = pool();
    let got = terms_history_json(&terms_history(pool.dataset()));
    let change = |to: &str,
                  product: &str,
                  field: &str,
                  old: &str,
                  new: &str,
                  rise: Option<&str>,
                  over: bool| {
        json!({
            "product": product, "region": "*", "from_schedule": "2026-2027", "to_schedule": to,
            "field": field, "old": old, "new": new, "rise": rise, "over": over
        })
    };
    let expected = json!({
        "max_rate_rise": "0.20",
        "changes": [
            change("2028-existing", "dec", "per_unit", "0.20", "0.20", Some("0.0000"), false),
            change("2028-existing", "tv", "per_unit", "1.00", "1.00", Some("0.0000"), false),
            change("2028-existing", "svc", "service_tiers[0].amount", "0", "0", None, false),
            change("2028-existing", "svc", "service_tiers[1].amount", "25000", "25000", Some("0.0000"), false),
            change("2028-existing", "svc", "service_tiers[2].amount", "90000", "90000", Some("0.0000"), false),
            change("2028-new", "dec", "per_unit", "0.20", "0.25", Some("0.2500"), true),
            change("2028-new", "tv", "per_unit", "1.00", "1.10", Some("0.1000"), false),
            change("2028-new", "svc", "service_tiers[0].amount", "0", "0", None, false),
            change("2028-new", "svc", "service_tiers[1].amount", "25000", "30000", Some("0.2000"), false),
            change("2028-new", "svc", "service_tiers[2].amount", "90000", "100000", Some("0.1111"), false)
        ],
        "over": 1
    });
    assert_eq!(got, expected);
}

#[test]
fn a_licensee_signed_from_2026_pays_the_new_terms_in_2028() {
    let pool = pool();
    let mut usage = load_usage(USAGE).unwrap_or_else(|i| panic!("{i:#?}"));
    usage.signed = poolcalc_engine::model::date::Date::parse("2026-01-01");
    let report = compute_fees(&pool, &usage).unwrap_or_else(|e| panic!("{e}"));
    let y2028 = &report.years[1];
    assert_eq!(y2028.schedule, "2028-new");
    // dec 2,000 × 0.25 = 500; svc tier 2 100,000 − 5,000 = 95,000.
    assert_eq!(y2028.payable.to_string(), "95500.00");
    // Without a signing date no 2028 schedule admits it.
    usage.signed = None;
    let err = compute_fees(&pool, &usage)
        .err()
        .map(|e| (e.path(), e.to_string()));
    assert_eq!(
        err,
        Some((
            "years[1].year".to_owned(),
            "year 2028: no rate schedule covering 2028 admits a licensee without a signing date"
                .to_owned()
        ))
    );
}

#[test]
fn the_results_csv_gives_reasons_tiers_and_measures() {
    let usage = load_usage(USAGE).unwrap_or_else(|i| panic!("{i:#?}"));
    let report = compute_fees(&pool(), &usage).unwrap_or_else(|e| panic!("{e}"));
    let csv = poolcalc_engine::fees::csv::write_fees_csv(&report);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "year,kind,product,region,country,units,amount,currency,reason,tier,users,subscribers,revenue"
    );
    assert!(
        lines.contains(&"2026,line,svc,*,,0,20000.00,USD,,1,110000,10000,0"),
        "{csv}"
    );
    assert!(
        lines.contains(&"2026,exempt,tv,,US,40,0.00,USD,paid_upstream,,,,"),
        "{csv}"
    );
    assert!(
        lines.contains(&"2026,exempt,dec,,BR,500,0.00,USD,not_in_force,,,,"),
        "{csv}"
    );
}
