//! One hand-computed example per fee rule of spec section 4.

mod common;

use common::{base, d, fees, pool, usage};
use poolcalc_engine::compute_fees;
use poolcalc_engine::fees::FeeErrorKind;
use serde_json::json;

fn avc_style() -> serde_json::Value {
    let mut v = base();
    v["rate_schedules"] = json!([{
        "id": "avc", "from_year": 2020, "annual_cap": "5000000",
        "lines": [{"product": "dec", "region": "*", "tiers": [
            {"up_to": 100000, "per_unit": "0"},
            {"up_to": 5000000, "per_unit": "0.20"},
            {"up_to": null, "per_unit": "0.10"}
        ]}]
    }]);
    v
}

#[test]
fn avc_free_band_then_tiers() {
    let u = usage(
        None,
        &[
            (2026, &[("dec", "CN", 100_000, None)]),
            (
                2027,
                &[("dec", "CN", 2_600_000, None), ("dec", "US", 400_000, None)],
            ),
        ],
    );
    let r = fees(&avc_style(), &u);
    assert_eq!(
        r.years[0].payable,
        d("0.00"),
        "the first 100,000 units are free"
    );
    // 2027: 3,000,000 units on one line: 2,900,000 × 0.20 = 580,000.
    assert_eq!(r.years[1].payable, d("580000.00"));
    assert_eq!(r.years[1].lines.len(), 1);
    let countries: Vec<String> = r.years[1]
        .countries
        .iter()
        .map(|c| format!("{} {}", c.country, c.amount))
        .collect();
    // Split by units: 2.6M / 3M and 0.4M / 3M of 580,000.
    assert_eq!(countries, ["CN 502666.67", "US 77333.33"]);
    assert!(!r.years[1].cap_applied);
}

#[test]
fn avc_enterprise_cap_bites() {
    // 60M units: 4.9M × 0.20 + 55M × 0.10 = 980,000 + 5,500,000 = 6,480,000 > 5,000,000.
    let u = usage(None, &[(2026, &[("dec", "CN", 60_000_000, None)])]);
    let y = &fees(&avc_style(), &u).years[0];
    assert_eq!(y.gross, d("6480000"));
    assert!(y.annual_cap_applied && y.cap_applied);
    assert_eq!(y.payable, d("5000000.00"));
    assert_eq!(y.lines[0].amount, d("5000000.00"));
}

#[test]
fn regional_lines_with_group_cap() {
    let mut v = base();
    v["products"] = json!([
        {"id": "tv", "name": "TV", "unit": "set"},
        {"id": "box", "name": "Set-top box", "unit": "unit"},
        {"id": "phone", "name": "Phone", "unit": "unit"}
    ]);
    v["rate_schedules"] = json!([{
        "id": "s", "from_year": 2020,
        "lines": [
            {"product": "tv", "region": "r1", "per_unit": "1.20"},
            {"product": "tv", "region": "r2", "per_unit": "0.60"},
            {"product": "box", "region": "*", "per_unit": "0.80"},
            {"product": "phone", "region": "*", "per_unit": "0.40"}
        ],
        "group_caps": [{"id": "home", "products": ["tv", "box"], "amount": "1000"}]
    }]);
    // tv US 500 × 1.20 = 600; tv BR (default region r2) 1000 × 0.60 = 600; box 500 × 0.80 = 400:
    // the home group is 1,600 > 1,000, scaled by 1000/1600. Phones are outside the group: 100.
    let u = usage(
        None,
        &[(
            2026,
            &[
                ("tv", "US", 500, None),
                ("tv", "BR", 1000, None),
                ("box", "DE", 500, None),
                ("phone", "DE", 250, None),
            ],
        )],
    );
    let y = &fees(&v, &u).years[0];
    assert_eq!(y.gross, d("1700"));
    assert_eq!(y.group_caps_applied, ["home"]);
    assert_eq!(y.payable, d("1100.00"));
    let lines: Vec<String> = y
        .lines
        .iter()
        .map(|l| format!("{}/{} {}", l.product, l.region, l.amount))
        .collect();
    assert_eq!(
        lines,
        [
            "box/* 250.00",
            "phone/* 100.00",
            "tv/r1 375.00",
            "tv/r2 375.00"
        ]
    );
    let countries: Vec<String> = y
        .countries
        .iter()
        .map(|c| format!("{} {}", c.country, c.amount))
        .collect();
    assert_eq!(countries, ["BR 375.00", "DE 350.00", "US 375.00"]);
}

#[test]
fn region_line_wins_over_star_and_star_is_the_fallback() {
    let mut v = base();
    v["rate_schedules"][0]["lines"] = json!([
        {"product": "dec", "region": "r1", "per_unit": "2"},
        {"product": "dec", "region": "*", "per_unit": "1"}
    ]);
    let u = usage(
        None,
        &[(2026, &[("dec", "JP", 10, None), ("dec", "IN", 10, None)])],
    );
    let y = &fees(&v, &u).years[0];
    assert_eq!(y.payable, d("30.00"));
}

#[test]
fn a_sale_with_no_line_is_an_error_naming_product_country_and_region() {
    let mut v = base();
    v["regions"] = json!([{"id": "r1", "name": "R1", "countries": ["US"]}]);
    v["rate_schedules"][0]["lines"] = json!([{"product": "dec", "region": "r1", "per_unit": "1"}]);
    let u = usage(
        None,
        &[(2026, &[("dec", "US", 1, None), ("dec", "FR", 1, None)])],
    );
    let err = compute_fees(&pool(&v), &u).expect_err("FR has no line");
    assert_eq!(err.sale, Some(1));
    assert!(
        matches!(&*err.kind, FeeErrorKind::NoLine { product, country, region, .. } if product == "dec" && country == "FR" && region == "none")
    );
    assert_eq!(err.path(), "years[0].sales[1]");
}

#[test]
fn no_schedule_for_the_year_is_an_error() {
    let u = usage(None, &[(2019, &[("dec", "US", 1, None)])]);
    let err = compute_fees(&pool(&base()), &u).expect_err("no 2019 schedule");
    assert_eq!(*err.kind, FeeErrorKind::NoSchedule(2019));
}

#[test]
fn percent_of_price_with_minimum_and_maximum() {
    let mut v = base();
    v["rate_schedules"][0]["lines"] = json!([
        {"product": "dec", "region": "*", "percent_of_price": "0.035", "min_per_unit": "5", "max_per_unit": "10"}
    ]);
    // 3.5% of 100 = 3.50 → raised to the 5.00 minimum; of 200 = 7.00; of 400 = 14 → 10 maximum.
    let u = usage(
        None,
        &[(
            2026,
            &[
                ("dec", "US", 10, Some("100")),
                ("dec", "US", 10, Some("200")),
                ("dec", "CN", 1, Some("400")),
            ],
        )],
    );
    let y = &fees(&v, &u).years[0];
    assert_eq!(y.gross, d("130"));
    assert_eq!(y.payable, d("130.00"));
    let countries: Vec<String> = y
        .countries
        .iter()
        .map(|c| format!("{} {}", c.country, c.amount))
        .collect();
    assert_eq!(countries, ["CN 10.00", "US 120.00"]);
    let missing = usage(None, &[(2026, &[("dec", "US", 1, None)])]);
    let err = compute_fees(&pool(&v), &missing).expect_err("price needed");
    assert!(matches!(*err.kind, FeeErrorKind::MissingPrice { .. }));
}

#[test]
fn the_largest_applicable_discount_counts_and_only_before_its_date() {
    let mut v = base();
    v["rate_schedules"][0]["discounts"] = json!([
        {"id": "early", "percent": "0.20", "signed_before": "2026-06-30"},
        {"id": "compliance", "percent": "0.05", "signed_before": "2027-01-01"}
    ]);
    let sales: &[common::SaleRow<'_>] = &[("dec", "US", 1000, None)];
    let early = &fees(&v, &usage(Some("2026-06-29"), &[(2026, sales)])).years[0];
    assert_eq!((early.discount, early.payable), (d("200"), d("800.00")));
    assert_eq!(
        early.discount_applied.as_ref().map(|a| a.id.as_str()),
        Some("early")
    );
    // Signing on the date itself is not "before": only the compliance discount remains.
    let on_date = &fees(&v, &usage(Some("2026-06-30"), &[(2026, sales)])).years[0];
    assert_eq!(on_date.payable, d("950.00"));
    let unsigned = &fees(&v, &usage(None, &[(2026, sales)])).years[0];
    assert_eq!(unsigned.payable, d("1000.00"));
    assert!(unsigned.discount_applied.is_none());
}

#[test]
fn in_force_requirement_exempts_sales_and_their_units_count_toward_no_tier() {
    let mut v = base();
    v["patents"] = json!([
        {"id": "p1", "member": "a", "country": "US", "number": "US1", "expires": "2040-01-01"},
        {"id": "p2", "member": "a", "country": "DE", "number": "DE1", "expires": "2026-07-01"}
    ]);
    v["rate_schedules"] = json!([{
        "id": "s", "from_year": 2020, "requires_patent_in_force": true,
        "lines": [{"product": "dec", "region": "*", "tiers": [{"up_to": 1000, "per_unit": "1"}, {"up_to": null, "per_unit": "0.5"}]}]
    }]);
    // BR has no patent: exempt, and its 5,000 units do not push US units into the cheaper band.
    // DE's patent counts for part of 2026 (until 1 July): not exempt that year, exempt in 2027.
    let u = usage(
        None,
        &[
            (
                2026,
                &[
                    ("dec", "BR", 5000, None),
                    ("dec", "US", 800, None),
                    ("dec", "DE", 100, None),
                ],
            ),
            (2027, &[("dec", "DE", 100, None)]),
        ],
    );
    let r = fees(&v, &u);
    assert_eq!(r.years[0].payable, d("900.00"));
    let exempt: Vec<String> = r.years[0]
        .exempt
        .iter()
        .map(|e| format!("{} {} {}", e.product, e.country, e.units))
        .collect();
    assert_eq!(exempt, ["dec BR 5000"]);
    assert_eq!(r.years[1].payable, d("0.00"));
    assert_eq!(r.years[1].exempt.len(), 1);
    assert!(r.years[1].lines.is_empty());
}

#[test]
fn without_the_requirement_uncovered_countries_pay() {
    let u = usage(None, &[(2026, &[("dec", "BR", 10, None)])]);
    let y = &fees(&base(), &u).years[0];
    assert_eq!(y.payable, d("10.00"));
    assert!(y.exempt.is_empty());
}

#[test]
fn rounding_is_half_away_from_zero_and_lines_add_up() {
    let mut v = base();
    v["products"] =
        json!([{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}]);
    v["rate_schedules"][0]["lines"] = json!([
        {"product": "a", "region": "*", "per_unit": "0.005"},
        {"product": "b", "region": "*", "per_unit": "0.005"},
        {"product": "c", "region": "*", "per_unit": "0.005"}
    ]);
    // 3 × 0.005 = 0.015 → 0.02 (half away from zero); split 0.005 each: ties in key order.
    let u = usage(
        None,
        &[(
            2026,
            &[
                ("a", "US", 1, None),
                ("b", "US", 1, None),
                ("c", "US", 1, None),
            ],
        )],
    );
    let y = &fees(&v, &u).years[0];
    assert_eq!(y.payable, d("0.02"));
    let lines: Vec<String> = y.lines.iter().map(|l| l.amount.to_string()).collect();
    assert_eq!(lines, ["0.01", "0.01", "0.00"]);
}

#[test]
fn schedules_by_year_and_years_sorted() {
    let mut v = base();
    v["rate_schedules"] = json!([
        {"id": "late", "from_year": 2028, "lines": [{"product": "dec", "region": "*", "per_unit": "2"}]},
        {"id": "early", "from_year": 2020, "to_year": 2027, "lines": [{"product": "dec", "region": "*", "per_unit": "1"}]}
    ]);
    let u = usage(
        None,
        &[
            (2028, &[("dec", "US", 1, None)]),
            (2027, &[("dec", "US", 1, None)]),
        ],
    );
    let r = fees(&v, &u);
    let got: Vec<(i32, &str, String)> = r
        .years
        .iter()
        .map(|y| (y.year, y.schedule.as_str(), y.payable.to_string()))
        .collect();
    assert_eq!(
        got,
        [
            (2027, "early", "1.00".to_owned()),
            (2028, "late", "2.00".to_owned())
        ]
    );
    assert_eq!(r.total, d("3.00"));
}

#[test]
fn zero_decimal_currency_rounds_to_whole_units() {
    let mut v = base();
    v["pool"]["currency"] = json!("JPY");
    v["pool"]["currency_decimals"] = json!(0);
    v["rate_schedules"][0]["lines"][0]["per_unit"] = json!("0.5");
    let u = usage(None, &[(2026, &[("dec", "US", 3, None)])]);
    assert_eq!(fees(&v, &u).years[0].payable.to_string(), "2");
}
