//! Version 2 signing-date schedules, product kinds and rate history (pool-dataset-v2), each
//! on a small pool computed by hand.

mod common;

use common::{base_v2, fees, pool, shares, usage_v2};
use poolcalc_engine::compute_fees;
use serde_json::{Value, json};

/// Schedules from 2026 for licensees signed before 2026 (old, 1.00 a unit) and from 2026
/// (new, 2.00), after a 2024–2025 schedule for everyone.
fn grandfathered() -> Value {
    let mut v = base_v2();
    v["rate_schedules"] = json!([
        {"id": "early", "from_year": 2024, "to_year": 2025,
         "lines": [{"product": "dec", "region": "*", "per_unit": "1.00"}]},
        {"id": "old", "from_year": 2026, "applies_to": {"signed_before": "2026-01-01"},
         "lines": [{"product": "dec", "region": "*", "per_unit": "1.00"}]},
        {"id": "new", "from_year": 2026, "applies_to": {"signed_from": "2026-01-01"},
         "lines": [{"product": "dec", "region": "*", "per_unit": "2.00"}]}
    ]);
    v
}

#[test]
fn signing_date_schedules_keep_existing_licensees_on_their_old_terms() {
    let v = grandfathered();
    let sales = json!([{"product": "dec", "country": "US", "units": 10}]);
    let years = [(2025, sales.clone()), (2026, sales)];
    let before = fees(&v, &usage_v2(Some("2025-12-31"), &years));
    let from = fees(&v, &usage_v2(Some("2026-01-01"), &years));
    let schedules = |r: &poolcalc_engine::FeeReport| {
        r.years
            .iter()
            .map(|y| (y.schedule.clone(), y.payable.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        schedules(&before),
        [
            ("early".into(), "10.00".into()),
            ("old".into(), "10.00".into())
        ]
    );
    assert_eq!(
        schedules(&from),
        [
            ("early".into(), "10.00".into()),
            ("new".into(), "20.00".into())
        ]
    );
    // Without a signing date: 2025 as before, 2026 admitted by neither.
    let err = compute_fees(&pool(&v), &usage_v2(None, &years)).err();
    let err = err.map(|e| (e.path(), e.to_string()));
    assert_eq!(
        err,
        Some((
            "years[1].year".into(),
            "year 2026: no rate schedule covering 2026 admits a licensee without a signing date"
                .into()
        ))
    );
}

#[test]
fn pool_income_charges_each_licensee_under_its_own_schedule() {
    let mut v = grandfathered();
    let sales = json!([{"product": "dec", "country": "US", "units": 10}]);
    v["licensees"] = json!([
        {"id": "old", "licensee": "Old", "signed": "2020-01-01", "years": [{"year": 2026, "sales": sales}]},
        {"id": "new", "licensee": "New", "signed": "2026-03-01", "years": [{"year": 2026, "sales": sales}]}
    ]);
    assert_eq!(shares(&v, 2026).income.to_string(), "30.00");
}

#[test]
fn rate_history_compares_predecessors_by_years_and_admission() {
    let mut v = base_v2();
    v["pool"]["max_rate_rise"] = json!("0.20");
    v["products"] = json!([{"id": "dec", "name": "Decoder"}, {"id": "tv", "name": "TV"}]);
    let tiers = |mid: Value, top: &str| {
        let mut t = vec![json!({"up_to": 100, "per_unit": "0"})];
        if !mid.is_null() {
            t.push(mid);
        }
        t.push(json!({"up_to": null, "per_unit": top}));
        t
    };
    v["rate_schedules"] = json!([
        {"id": "a", "from_year": 2024, "to_year": 2025, "applies_to": {"signed_before": "2026-01-01"}, "lines": [
            {"product": "dec", "region": "*", "tiers": tiers(Value::Null, "1.00")},
            {"product": "tv", "region": "*", "percent_of_price": "0.02", "min_per_unit": "1"}]},
        {"id": "b", "from_year": 2026, "applies_to": {"signed_from": "2026-01-01"}, "lines": [
            {"product": "dec", "region": "*", "per_unit": "9"},
            {"product": "tv", "region": "*", "per_unit": "9"}]},
        {"id": "c", "from_year": 2026, "applies_to": {"signed_before": "2026-01-01"}, "lines": [
            {"product": "dec", "region": "*", "tiers": tiers(json!({"up_to": 1000, "per_unit": "1.10"}), "1.30")},
            {"product": "tv", "region": "*", "percent_of_price": "0.025", "min_per_unit": "1", "max_per_unit": "5"}]}
    ]);
    let h = poolcalc_engine::fees::history::terms_history(pool(&v).dataset());
    let rows: Vec<(String, String, String, String, Option<String>, bool)> = h
        .changes
        .iter()
        .map(|c| {
            (
                c.to_schedule.clone(),
                c.field.to_string(),
                c.old.to_string(),
                c.new.to_string(),
                c.rise_shown().map(|r| r.to_string()),
                c.over,
            )
        })
        .collect();
    // "b" admits only licensees signed from 2026, whom "a" never admitted: it has no
    // predecessor. Tiers are matched by up_to (1000 is new: not compared); a bound only
    // one schedule gives is not compared either.
    let row = |f: &str, o: &str, n: &str, r: Option<&str>, over: bool| {
        (
            "c".to_owned(),
            f.to_owned(),
            o.to_owned(),
            n.to_owned(),
            r.map(str::to_owned),
            over,
        )
    };
    assert_eq!(
        rows,
        [
            row("tiers[up_to=100].per_unit", "0", "0", None, false),
            row(
                "tiers[up_to=null].per_unit",
                "1.00",
                "1.30",
                Some("0.3000"),
                true
            ),
            row("percent_of_price", "0.02", "0.025", Some("0.2500"), true),
            row("min_per_unit", "1", "1", Some("0.0000"), false),
        ]
    );
    assert_eq!(h.over, 2);
}
