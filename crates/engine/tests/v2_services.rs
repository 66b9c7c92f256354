//! Version 2 service lines (pool-dataset-v2): tiers by users, subscribers or revenue, the
//! credit, the split of a line, discounts and caps, each on a small pool computed by hand.

mod common;

use common::{base_v2, fees, fees_2026, pool, usage_v2};
use poolcalc_engine::compute_fees;
use serde_json::{Value, json};

/// A pool with a streaming service `svc` next to the decoder: Region 2 users count half,
/// tiers at 0 / 1,000 users or 100 subscribers or 5,000 revenue / 10,000 users.
fn streaming() -> Value {
    let mut v = base_v2();
    v["regions"][1]["user_weight"] = json!("0.5");
    v["products"] = json!([
        {"id": "dec", "name": "Decoder"},
        {"id": "svc", "name": "Streaming", "kind": "service"}
    ]);
    v["rate_schedules"][0]["lines"] = json!([
        {"product": "dec", "region": "*", "per_unit": "1"},
        {"product": "svc", "region": "*", "credit": "100", "service_tiers": [
            {"amount": "0"},
            {"users": 1000, "subscribers": 100, "revenue": "5000", "amount": "1000"},
            {"users": 10000, "amount": "3000"}
        ]}
    ]);
    v
}

#[test]
fn a_service_line_reaches_the_last_tier_any_of_whose_thresholds_is_met() {
    let v = streaming();
    // US 400 users + CN (Region 2) 1,200 × 0.5 = 1,000 weighted users: tier 1 exactly.
    let y = fees_2026(
        &v,
        json!([
            {"product": "svc", "country": "US", "users": 400},
            {"product": "svc", "country": "CN", "users": 1200}
        ]),
    );
    assert_eq!(
        y["lines"][0]["measures"],
        json!({"users": "1000", "subscribers": "0", "revenue": "0"})
    );
    assert_eq!(y["lines"][0]["tier"], 1);
    // 1,000 − credit 100.
    assert_eq!(y["payable"], "900.00");
    // Split by weighted users: US 400/1000, CN 600/1000.
    assert_eq!(
        y["countries"],
        json!([
            {"country": "CN", "amount": "540.00"},
            {"country": "US", "amount": "360.00"}
        ])
    );
    // Revenue alone reaches tier 1; users at 9,999 do not reach tier 2.
    let y = fees_2026(
        &v,
        json!([
            {"product": "svc", "country": "US", "users": 9999, "revenue": "5000.00"}
        ]),
    );
    assert_eq!(y["lines"][0]["tier"], 1);
    let y = fees_2026(
        &v,
        json!([{"product": "svc", "country": "US", "users": 10000}]),
    );
    assert_eq!(
        (y["lines"][0]["tier"].clone(), y["payable"].clone()),
        (json!(2), json!("2900.00"))
    );
}

#[test]
fn the_credit_never_takes_a_line_below_zero_and_no_tier_means_nothing_due() {
    let mut v = streaming();
    // Below every threshold: tier 0 (no threshold), 0 − 100 → 0.
    let y = fees_2026(&v, json!([{"product": "svc", "country": "US", "users": 5}]));
    assert_eq!(
        (y["lines"][0]["tier"].clone(), y["payable"].clone()),
        (json!(0), json!("0.00"))
    );
    // Without the free tier nothing qualifies: tier null, 0.
    v["rate_schedules"][0]["lines"][1]["service_tiers"] =
        json!([{"users": 1000, "amount": "1000"}]);
    let y = fees_2026(&v, json!([{"product": "svc", "country": "US", "users": 5}]));
    assert_eq!(
        (y["lines"][0]["tier"].clone(), y["payable"].clone()),
        (Value::Null, json!("0.00"))
    );
}

#[test]
fn a_service_line_is_split_by_subscribers_then_revenue_then_equally() {
    let v = streaming();
    // No users: by weighted subscribers, US 100, CN 200 × 0.5 = 100: halves of 900.
    let y = fees_2026(
        &v,
        json!([
            {"product": "svc", "country": "US", "subscribers": 100, "revenue": "1"},
            {"product": "svc", "country": "CN", "subscribers": 200, "revenue": "9999"}
        ]),
    );
    assert_eq!(
        y["countries"],
        json!([
            {"country": "CN", "amount": "450.00"},
            {"country": "US", "amount": "450.00"}
        ])
    );
    // Only revenue: by revenue, US 4,000, DE 1,000 → 720 / 180.
    let y = fees_2026(
        &v,
        json!([
            {"product": "svc", "country": "US", "revenue": "4000"},
            {"product": "svc", "country": "DE", "revenue": "1000"}
        ]),
    );
    assert_eq!(
        y["countries"],
        json!([
            {"country": "DE", "amount": "180.00"},
            {"country": "US", "amount": "720.00"}
        ])
    );
    // Nothing at all, with a free tier that costs 300: one equal part per country, two US
    // sales counting once: 150 each.
    let mut v = streaming();
    v["rate_schedules"][0]["lines"][1] = json!({"product": "svc", "region": "*",
        "service_tiers": [{"amount": "300"}]});
    let y = fees_2026(
        &v,
        json!([
            {"product": "svc", "country": "US"},
            {"product": "svc", "country": "US"},
            {"product": "svc", "country": "JP"}
        ]),
    );
    assert_eq!(
        y["countries"],
        json!([
            {"country": "JP", "amount": "150.00"},
            {"country": "US", "amount": "150.00"}
        ])
    );
}

#[test]
fn discounts_and_the_enterprise_cap_apply_to_service_lines_as_to_any_line() {
    let mut v = streaming();
    v["rate_schedules"][0]["discounts"] =
        json!([{"id": "early", "percent": "0.125", "signed_before": "2026-01-01"}]);
    v["rate_schedules"][0]["annual_cap"] = json!("2000");
    let sales = json!([
        {"product": "svc", "country": "US", "users": 10000},
        {"product": "dec", "country": "US", "units": 400}
    ]);
    // svc 3,000 − 100 = 2,900, dec 400: gross 3,300; 12.5 % off → 2,887.50; capped at 2,000.
    let u = usage_v2(Some("2025-06-01"), &[(2026, sales)]);
    let r = fees(&v, &u);
    let y = &r.years[0];
    assert_eq!(y.gross.to_string(), "3300");
    assert_eq!(y.discount.to_string(), "412.500");
    assert_eq!(y.after_group_caps.normalize().to_string(), "2887.5");
    assert!(y.annual_cap_applied);
    assert_eq!(y.payable.to_string(), "2000.00");
    // Lines apportioned by their discounted amounts: dec 350 / 2,887.50 of 2,000 =
    // 242.4242…, svc 2,537.50 / 2,887.50 = 1,757.5757…; the cent left goes to svc.
    let lines: Vec<String> = y.lines.iter().map(|l| l.amount.to_string()).collect();
    assert_eq!(lines, ["242.42", "1757.58"]);
}

#[test]
fn a_usage_file_whose_sale_does_not_fit_its_product_kind_cannot_be_charged() {
    let v = streaming();
    let u = usage_v2(
        None,
        &[(
            2026,
            json!([
                {"product": "dec", "country": "US", "units": 1},
                {"product": "svc", "country": "US", "units": 5}
            ]),
        )],
    );
    let err = compute_fees(&pool(&v), &u)
        .err()
        .map(|e| (e.path(), e.to_string()));
    assert_eq!(err, Some(("years[0].sales[1]".into(),
        "year 2026, sale 2: product \"svc\" is a service, charged by users, subscribers or revenue: its sales give no `units`".into())));
    let issues = poolcalc_engine::check_usage(&pool(&v), &u);
    assert_eq!(
        issues.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "years[0].sales[1].units: product \"svc\" is a service, charged by users, subscribers or revenue: its sales give no `units`"
        ]
    );
}
