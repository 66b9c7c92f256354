//! The policy view on the spec's worked example: scenarios side by side, a sweep, and the
//! non-discrimination check.

#[path = "../../engine/tests/common/mod.rs"]
mod common;

use common::{d, worked_dataset as dataset, worked_usage as usage};

use poolcalc_engine::Pool;
use poolcalc_engine::scenario::load_scenario;
use poolcalc_views::policy::{
    SweepParameter, Variant, compare_scenarios, non_discrimination, steps, sweep,
};

#[test]
fn scenarios_side_by_side() {
    let as_is = load_scenario(
        r#"{"format": "poolcalc-scenario", "version": 1, "name": "as is", "changes": []}"#,
    );
    let cheaper = load_scenario(
        r#"{"format": "poolcalc-scenario", "version": 1, "name": "tv -50%", "changes": [{"type": "scale_rates", "factor": "0.5", "product": "tv"}]}"#,
    );
    let list = [
        as_is.unwrap_or_else(|e| panic!("{e:?}")),
        cheaper.unwrap_or_else(|e| panic!("{e:?}")),
    ];
    let results = compare_scenarios(&dataset(), &list, 2028, Some(&usage()))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let incomes: Vec<String> = results
        .iter()
        .map(|r| r.shares.income.to_string())
        .collect();
    // 2028: tv 200 + 50 become 100 + 25; codecs stay capped at 1,000.
    assert_eq!(incomes, ["1250.00", "1125.00"]);
    let totals: Vec<String> = results
        .iter()
        .map(|r| match &r.reference {
            Some(Ok(f)) => f.total.to_string(),
            other => format!("{other:?}"),
        })
        .collect();
    // The usage's TVs of 2026 (64.00 + 2.40 after discount) cost half: 33.20 less. Its 2028
    // TVs are sold in BR, where no patent counts: exempt either way.
    assert_eq!(totals, ["871866.72", "871833.52"]);
}

#[test]
fn sweep_of_the_management_fee() {
    let values = steps(d("0"), d("0.30"), 4);
    assert_eq!(values, [d("0"), d("0.1"), d("0.2"), d("0.3")]);
    let points = sweep(
        &dataset(),
        SweepParameter::ManagementFee,
        &values,
        2028,
        Some(&usage()),
        d("0.25"),
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let fees: Vec<String> = points
        .iter()
        .map(|p| p.management_fee.to_string())
        .collect();
    // The fee has a minimum of 5.
    assert_eq!(fees, ["5.00", "125.00", "250.00", "375.00"]);
    assert!(
        points
            .iter()
            .all(|p| p.member_income + p.management_fee == p.income)
    );
    assert!(
        points
            .iter()
            .all(|p| p.licensee_payable == Some(d("600.00")))
    );
}

#[test]
fn sweep_of_rates_raises_the_burden() {
    let values = steps(d("-0.5"), d("0.5"), 3);
    let points = sweep(
        &dataset(),
        SweepParameter::RateChange,
        &values,
        2026,
        Some(&usage()),
        d("0.25"),
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let payable: Vec<String> = points
        .iter()
        .map(|p| p.licensee_payable.unwrap_or_default().to_string())
        .collect();
    // Half, same and 1.5× of 868,066.40 (caps do not bite in 2026).
    assert_eq!(payable, ["434033.20", "868066.40", "1302099.60"]);
}

#[test]
fn the_same_sales_under_each_region_signing_date_and_product() {
    let pool = Pool::new(dataset());
    let (actual, variants) = non_discrimination(&pool, &usage(), 2026);
    assert_eq!(actual, Some(d("868066.40")));
    let shown: Vec<(String, String)> = variants
        .iter()
        .map(|v| {
            let what = match &v.variant {
                Variant::Region { region, .. } => format!("region {region}"),
                Variant::Signing { discount } => {
                    format!("signing {}", discount.as_deref().unwrap_or("none"))
                }
                Variant::Product { product } => format!("product {product}"),
            };
            (
                what,
                v.difference
                    .map_or_else(|| "n/a".to_owned(), |d| d.to_string()),
            )
        })
        .collect();
    let expect = [
        // All 23 sets in Region 1: max(4 % of price, 4.00) each = 92 instead of 64 + 3.
        ("region r1", "7.20"),
        // All in the default region: the "*" line, 1.00 a set = 23.
        ("region r2", "-48.00"),
        ("signing early-bird", "0.00"),
        // Only the 5 % compliance discount: 1,085,083 × 0.95.
        ("signing compliance", "162762.45"),
        ("signing none", "217016.60"),
        // 6,010,023 decoders: 4.9M × 0.20 + 1,010,023 × 0.10, less 20 %.
        ("product dec", "-3264.56"),
        ("product enc", "574339.12"),
        ("product tv", "3940000.00"),
    ];
    let expect: Vec<(String, String)> = expect
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(shown, expect);
}
