//! Scenario changes on the version 2 terms (docs/scenario-format.md): scaling rates scales
//! service tier amounts and the credit, scaling volumes scales users, subscribers, revenue
//! and upstream-paid units, and the rate-rise limit can be set or removed.

use poolcalc_engine::fees::history::terms_history;
use poolcalc_engine::model::dataset::Rate;
use poolcalc_engine::scenario::{apply_scenario, load_scenario};
use poolcalc_engine::{Dataset, Pool, load_dataset, pool_income};
use serde_json::{Value, json};

fn example() -> Dataset {
    load_dataset(include_str!("data/v2/pool.json")).unwrap_or_else(|i| panic!("{i:#?}"))
}

fn applied(changes: Value) -> Result<Dataset, Vec<String>> {
    let s = json!({"format": "poolcalc-scenario", "version": 1, "name": "t", "changes": changes});
    let s = load_scenario(&s.to_string()).unwrap_or_else(|i| panic!("{i:#?}"));
    apply_scenario(&example(), &s).map_err(|i| i.iter().map(ToString::to_string).collect())
}

fn income(d: Dataset, year: i32) -> String {
    pool_income(&Pool::new(d), year).total.to_string()
}

#[test]
fn scaling_rates_scales_service_tier_amounts_and_the_credit() {
    let d = applied(json!([{"type": "scale_rates", "factor": "1.10", "product": "svc"}]))
        .unwrap_or_else(|e| panic!("{e:#?}"));
    let Rate::ServiceTiers {
        service_tiers,
        credit,
    } = &d.rate_schedules[0].lines[2].rate
    else {
        panic!("not a service line");
    };
    let amounts: Vec<String> = service_tiers
        .iter()
        .map(|t| t.amount.normalize().to_string())
        .collect();
    assert_eq!(amounts, ["0", "27500", "99000"]);
    assert_eq!(
        credit.map(|c| c.normalize().to_string()),
        Some("5500".into())
    );
    // Thresholds are volumes: unchanged.
    assert_eq!(service_tiers[1].users, Some(100_000));
    // 2026: svc (25,000 − 5,000) × 1.1 = 22,000, dec 200, tv 60.
    assert_eq!(income(d, 2026), "22260.00");
}

#[test]
fn scaling_volumes_scales_users_subscribers_revenue_and_upstream_units() {
    let d = applied(json!([{"type": "scale_volumes", "factor": "10", "base_year": 2026}]))
        .unwrap_or_else(|e| panic!("{e:#?}"));
    let sales = &d.licensees[0].usage.years[0].sales;
    assert_eq!(
        (sales[2].units, sales[2].upstream_paid_units()),
        (1000, Some(400))
    );
    assert_eq!(sales[3].service().and_then(|s| s.users), Some(600_000));
    assert_eq!(
        sales[3].service().and_then(|s| s.subscribers),
        Some(100_000)
    );
    // 2026: dec 10,000 × 0.20 = 2,000; tv 600 × 1 = 600; svc U = 600,000 + 500,000 = 1.1M:
    // tier 2, 90,000 − 5,000 = 85,000.
    assert_eq!(income(d, 2026), "87600.00");
}

#[test]
fn a_service_sale_scaled_past_what_a_sale_holds_is_an_error_at_the_change() {
    let err = applied(json!([{"type": "scale_volumes", "factor": "100000000", "base_year": 2026}]))
        .err()
        .unwrap_or_default();
    // The decoders' units stay within a sale (10^11), the service's 60,000 users do not.
    assert!(
        err.iter().any(|e| e.starts_with(
            "changes[0]: this total is too large to compute exactly: a service sale's users, subscribers or revenue × 100000000"
        )),
        "{err:#?}"
    );
}

#[test]
fn the_rate_rise_limit_can_be_set_or_removed() {
    let d = applied(json!([{"type": "set_max_rate_rise", "max_rate_rise": "0.25"}]))
        .unwrap_or_else(|e| panic!("{e:#?}"));
    // 0.20 → 0.25 is exactly 25 %: no longer above the limit.
    assert_eq!(terms_history(&d).over, 0);
    let d = applied(json!([{"type": "set_max_rate_rise", "max_rate_rise": null}]))
        .unwrap_or_else(|e| panic!("{e:#?}"));
    let h = terms_history(&d);
    assert_eq!((h.max_rate_rise, h.over), (None, 0));
    let s = json!({"format": "poolcalc-scenario", "version": 1, "name": "t",
        "changes": [{"type": "set_max_rate_rise"}]});
    let err = load_scenario(&s.to_string()).err().unwrap_or_default();
    assert_eq!(err.first().map(ToString::to_string), Some(
        "changes[0]: missing field `max_rate_rise` (a fraction such as \"0.20\", or null to remove it)".to_owned()));
}

#[test]
fn set_rate_can_give_a_service_line_new_tiers() {
    let d = applied(json!([{"type": "set_rate", "schedule": "2026-2027", "product": "svc", "region": "*",
        "service_tiers": [{"amount": "1000"}, {"users": 100000, "amount": "2000"}], "credit": "500"}]))
    .unwrap_or_else(|e| panic!("{e:#?}"));
    // 2026: svc tier 1, 2,000 − 500 = 1,500; dec 200; tv 60.
    assert_eq!(income(d, 2026), "1760.00");
    // A per-unit rate on the service product is refused by the dataset's own rule.
    let err =
        applied(json!([{"type": "set_rate", "product": "svc", "region": "*", "per_unit": "1"}]))
            .err()
            .unwrap_or_default();
    assert!(
        err.iter()
            .any(|e| e.starts_with("rate_schedules[0].lines[2]: product \"svc\" is a service")),
        "{err:#?}"
    );
}
