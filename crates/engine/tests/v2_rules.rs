//! The version 2 rules (pool-dataset-v2 sections 1–4), each on a small pool computed by hand.

mod common;

use common::{amounts, base_v2, fees, fees_json_of, pool, shares, usage_v2};
use poolcalc_engine::compute_fees;
use serde_json::{Value, json};

/// The base pool (one patent, in the US) with a second member holding a patent in DE, and
/// the schedule's in-force rule set to `rule`.
fn two_countries(rule: Value) -> Value {
    let mut v = base_v2();
    v["members"] = json!([
        {"id": "a", "name": "A", "country": "US", "joined": "2000-01-01"},
        {"id": "b", "name": "B", "country": "DE", "joined": "2000-01-01"}
    ]);
    v["patents"] = json!([
        {"id": "p1", "member": "a", "country": "US", "number": "US1", "expires": "2040-01-01"},
        {"id": "p2", "member": "b", "country": "DE", "number": "DE2", "expires": "2040-01-01"}
    ]);
    v["rate_schedules"][0]["requires_patent_in_force"] = rule;
    v
}

/// The `fees --json` year of `sales` in 2026 by a licensee without a signing date.
fn fees_2026(v: &Value, sales: Value) -> Value {
    let u = usage_v2(None, &[(2026, sales)]);
    fees_json_of(v, &u)["years"][0].clone()
}

#[test]
fn made_or_sold_charges_where_made_when_the_country_of_sale_is_not_covered() {
    let v = two_countries(json!("made_or_sold"));
    let y = fees_2026(
        &v,
        json!([
            {"product": "dec", "country": "BR", "made_in": "US", "units": 10},
            {"product": "dec", "country": "BR", "made_in": "CN", "units": 5},
            {"product": "dec", "country": "BR", "units": 3},
            {"product": "dec", "country": "DE", "made_in": "BR", "units": 7}
        ]),
    );
    // BR made in US: 10 × 1, to US; made in CN (not covered) or nowhere: exempt, 5 + 3;
    // sold in DE (covered): 7, to DE whatever its made_in.
    assert_eq!(y["payable"], "17.00");
    assert_eq!(y["lines"][0]["units"], 17);
    assert_eq!(
        y["countries"],
        json!([
            {"country": "DE", "amount": "7.00"},
            {"country": "US", "amount": "10.00"}
        ])
    );
    assert_eq!(
        y["exempt"],
        json!([
            {"product": "dec", "country": "BR", "units": 8, "reason": "not_in_force"}
        ])
    );
}

#[test]
fn the_sale_rule_ignores_where_a_sale_was_made_as_version_1_does() {
    for rule in [json!(true), json!("sale")] {
        let v = two_countries(rule);
        let y = fees_2026(
            &v,
            json!([
                {"product": "dec", "country": "BR", "made_in": "US", "units": 10},
                {"product": "dec", "country": "US", "made_in": "BR", "units": 4}
            ]),
        );
        assert_eq!(y["payable"], "4.00");
        assert_eq!(y["countries"], json!([{"country": "US", "amount": "4.00"}]));
        assert_eq!(y["exempt"][0]["units"], 10);
    }
    // Without the rule every sale pays, attributed to its country of sale.
    let v = two_countries(json!(false));
    let y = fees_2026(
        &v,
        json!([
            {"product": "dec", "country": "BR", "made_in": "US", "units": 10}
        ]),
    );
    assert_eq!(
        y["countries"],
        json!([{"country": "BR", "amount": "10.00"}])
    );
}

#[test]
fn pool_income_follows_the_made_in_attribution_into_country_of_sale_shares() {
    let mut v = two_countries(json!("made_or_sold"));
    v["distribution"]["method"] = json!("country_of_sale");
    v["licensees"] = json!([{"id": "l", "licensee": "L", "years": [{"year": 2026, "sales": [
        {"product": "dec", "country": "BR", "made_in": "DE", "units": 100},
        {"product": "dec", "country": "US", "units": 50}
    ]}]}]);
    let s = shares(&v, 2026);
    assert_eq!(s.income.to_string(), "150.00");
    let by_country: Vec<(String, String)> = s
        .income_by_country
        .iter()
        .map(|(c, a)| (c.clone(), a.to_string()))
        .collect();
    assert_eq!(
        by_country,
        [
            ("DE".into(), "100.00".into()),
            ("US".into(), "50.00".into())
        ]
    );
    // DE's 100 go to b (its only patent there), US's 50 to a.
    assert_eq!(amounts(&s), ["50.00", "100.00"]);
    assert_eq!(s.unallocated.to_string(), "0.00");
}

#[test]
fn upstream_paid_units_are_exempt_and_count_toward_no_tier() {
    let mut v = base_v2();
    v["rate_schedules"][0]["lines"][0] = json!({"product": "dec", "region": "*",
        "tiers": [{"up_to": 100, "per_unit": "0"}, {"up_to": null, "per_unit": "1.00"}]});
    let y = fees_2026(
        &v,
        json!([
            {"product": "dec", "country": "US", "units": 150, "upstream_paid_units": 60},
            {"product": "dec", "country": "US", "units": 20, "upstream_paid_units": 5}
        ]),
    );
    // 90 + 15 = 105 charged units: 100 free, 5 at 1.00; without the upstream units it would
    // have been 170 − 100 = 70.
    assert_eq!(y["payable"], "5.00");
    assert_eq!(y["lines"][0]["units"], 105);
    assert_eq!(
        y["exempt"],
        json!([
            {"product": "dec", "country": "US", "units": 65, "reason": "paid_upstream"}
        ])
    );
}

#[test]
fn a_sale_all_paid_upstream_needs_no_rate_line() {
    let mut v = base_v2();
    // A line for Region 1 only: BR (Region 2) has none.
    v["rate_schedules"][0]["lines"][0]["region"] = json!("r1");
    let y = fees_2026(
        &v,
        json!([
            {"product": "dec", "country": "BR", "units": 10, "upstream_paid_units": 10},
            {"product": "dec", "country": "US", "units": 2}
        ]),
    );
    assert_eq!(y["payable"], "2.00");
    assert_eq!(
        y["exempt"],
        json!([
            {"product": "dec", "country": "BR", "units": 10, "reason": "paid_upstream"}
        ])
    );
    // One unit left to charge needs the line like any sale.
    let u = usage_v2(
        None,
        &[(
            2026,
            json!([
                {"product": "dec", "country": "BR", "units": 10, "upstream_paid_units": 9}
            ]),
        )],
    );
    let err = compute_fees(&pool(&v), &u)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("has no rate line for product \"dec\" in BR"),
        "{err}"
    );
}

#[test]
fn a_sale_not_in_force_is_exempt_whole_even_when_partly_paid_upstream() {
    let mut v = base_v2();
    v["rate_schedules"][0]["requires_patent_in_force"] = json!(true);
    let y = fees_2026(
        &v,
        json!([
            {"product": "dec", "country": "BR", "units": 10, "upstream_paid_units": 4},
            {"product": "dec", "country": "US", "units": 10, "upstream_paid_units": 4}
        ]),
    );
    assert_eq!(y["payable"], "6.00");
    assert_eq!(
        y["exempt"],
        json!([
            {"product": "dec", "country": "BR", "units": 10, "reason": "not_in_force"},
            {"product": "dec", "country": "US", "units": 4, "reason": "paid_upstream"}
        ])
    );
}

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
