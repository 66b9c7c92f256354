//! The licensee's extras: interest-balance indicators, other schedules, the volume curve,
//! and filling later years with growth.

#[path = "../../engine/tests/common/mod.rs"]
mod common;

use common::{base, d, pool, usage};
use poolcalc_engine::compute_fees;
use poolcalc_engine::model::dataset::Sale;
use poolcalc_views::balance::{
    DEFAULT_REFERENCE, indicators, royalty_curve, totals_under_each_schedule,
};
use serde_json::json;

fn tv_pool() -> serde_json::Value {
    let mut v = base();
    v["products"] = json!([{"id": "tv", "name": "TV", "unit": "set", "typical_price": "200", "industry_margin": "0.05"}]);
    v["rate_schedules"] = json!([
        {"id": "old", "from_year": 2020, "to_year": 2025, "lines": [{"product": "tv", "region": "*", "per_unit": "1"}]},
        {"id": "new", "from_year": 2026, "lines": [{"product": "tv", "region": "*", "tiers": [
            {"up_to": 1000, "per_unit": "3"}, {"up_to": null, "per_unit": "2"}]}], "annual_cap": "5000"}
    ]);
    v
}

#[test]
fn royalty_against_price_and_profit_with_reference_line() {
    let v = tv_pool();
    let p = pool(&v);
    // 2026: 1,000 × 3 + 500 × 2 = 4,000 for 1,500 sets: 2.666… a set.
    let u = usage(
        None,
        &[(
            2026,
            &[("tv", "US", 1000, Some("300")), ("tv", "CN", 500, None)],
        )],
    );
    let report = compute_fees(&p, &u).unwrap_or_else(|e| panic!("{e}"));
    let ind = indicators(&p, &u, &report, DEFAULT_REFERENCE);
    assert_eq!(ind.len(), 1);
    let i = &ind[0];
    assert_eq!((i.units, i.royalty), (1500, d("4000.00")));
    // Only the US sales give a price: 300. Unit profit 300 × 5 % = 15.
    assert_eq!(i.price, Some(d("300")));
    assert_eq!(i.unit_profit, Some(d("15.00")));
    let share = i.share_of_profit.unwrap_or_default();
    assert!((share - d("0.17777777")).abs() < d("0.000001"), "{share}");
    assert!(!i.above_reference);
    let strict = indicators(&p, &u, &report, d("0.10"));
    assert!(strict[0].above_reference);
}

#[test]
fn typical_price_when_no_sale_gives_one() {
    let p = pool(&tv_pool());
    let u = usage(None, &[(2026, &[("tv", "CN", 100, None)])]);
    let report = compute_fees(&p, &u).unwrap_or_else(|e| panic!("{e}"));
    let i = &indicators(&p, &u, &report, DEFAULT_REFERENCE)[0];
    assert_eq!(i.price, Some(d("200")));
    assert_eq!(i.share_of_price, Some(d("0.015")));
}

#[test]
fn the_same_sales_under_each_schedule() {
    let p = pool(&tv_pool());
    let u = usage(None, &[(2026, &[("tv", "US", 3000, None)])]);
    let totals = totals_under_each_schedule(&p, &u);
    let shown: Vec<(String, Option<String>)> = totals
        .iter()
        .map(|t| {
            (
                t.schedule.clone(),
                t.total.as_ref().ok().map(ToString::to_string),
            )
        })
        .collect();
    // old: 3,000 × 1; new: 3,000 + 4,000 = 7,000, capped at 5,000.
    assert_eq!(
        shown,
        [
            ("old".into(), Some("3000.00".into())),
            ("new".into(), Some("5000.00".into()))
        ]
    );
}

#[test]
fn volume_curve_shows_tiers_and_cap() {
    let p = pool(&tv_pool());
    let sale = Sale {
        product: "tv".into(),
        country: "US".into(),
        units: 0,
        price: None,
        ..Sale::default()
    };
    let curve = royalty_curve(&p, None, 2026, &sale, &[500, 1000, 2000, 4000]).unwrap_or_default();
    let per_unit: Vec<String> = curve
        .iter()
        .map(|c| c.per_unit.unwrap_or_default().round_dp(4).to_string())
        .collect();
    assert_eq!(per_unit, ["3.00", "3.00", "2.50", "1.25"]);
    assert_eq!(curve[3].payable, d("5000.00"));
}

#[test]
fn later_years_filled_with_growth() {
    let u = usage(
        None,
        &[(2026, &[("tv", "US", 1000, None), ("tv", "CN", 15, None)])],
    );
    let e = u.extended(2028, d("0.10"));
    let units: Vec<(i32, Vec<u64>)> = e
        .years
        .iter()
        .map(|y| (y.year, y.sales.iter().map(|s| s.units).collect()))
        .collect();
    // CN: 15 × 1.1 = 16.5 → 17; 15 × 1.21 = 18.15 → 18.
    assert_eq!(
        units,
        [
            (2026, vec![1000, 15]),
            (2027, vec![1100, 17]),
            (2028, vec![1210, 18])
        ]
    );
}
