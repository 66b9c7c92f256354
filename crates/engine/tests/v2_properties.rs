//! Property tests of the version 2 rules: a version 1 dataset computes the same through every
//! version 2 spelling of its terms, exempt units never count toward a tier, a service tier
//! never falls when a measure rises, and shares add up with made-in attribution.

mod common;
// Not in `common`: the page-model tests share that module and have no proptest.
#[path = "common/random.rs"]
mod random;

use common::{base_v2, pool, usage_v2};
use poolcalc_engine::model::dataset::Method;
use poolcalc_engine::output::{fees_json, shares_json};
use poolcalc_engine::{Pool, compute_fees, distribute, load_usage, pool_income};
use proptest::prelude::*;
use random::{COUNTRIES, build, params};
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// Every licensee's `fees --json` and every year's `distribute --json` of a dataset.
fn results(v: &Value) -> Result<Vec<Value>, TestCaseError> {
    let pool = pool(v);
    let mut out = Vec::new();
    for l in v["licensees"].as_array().into_iter().flatten() {
        let mut u = l.clone();
        if let Some(o) = u.as_object_mut() {
            o.remove("id");
            o.insert("format".into(), json!("patent-pool-usage"));
            o.insert("version".into(), v["version"].clone());
        }
        let usage =
            load_usage(&u.to_string()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let report = compute_fees(&pool, &usage).map_err(|e| TestCaseError::fail(e.to_string()))?;
        out.push(fees_json(&report));
    }
    for year in [2024, 2026, 2028] {
        let s = distribute(
            &pool,
            year,
            &pool_income(&pool, year),
            &pool.dataset().distribution,
        );
        out.push(shares_json(&s, pool.decimals()));
    }
    Ok(out)
}

/// `v` as a version 2 file that says the same in version 2's words: `"sale"` or
/// `"made_or_sold"` (equal without `made_in`) for `true`, explicit defaults (`kind`,
/// `user_weight`, zero upstream-paid units), a rate-rise limit, everyone's schedule
/// admitting every signing date from 1900.
fn as_version_2(v: &Value, made_or_sold: bool) -> Value {
    let mut w = v.clone();
    w["version"] = json!(2);
    w["pool"]["max_rate_rise"] = json!("0.20");
    for r in w["regions"].as_array_mut().into_iter().flatten() {
        r["user_weight"] = json!("1");
    }
    for p in w["products"].as_array_mut().into_iter().flatten() {
        p["kind"] = json!("device");
    }
    for s in w["rate_schedules"].as_array_mut().into_iter().flatten() {
        if s["requires_patent_in_force"] == true {
            s["requires_patent_in_force"] =
                json!(if made_or_sold { "made_or_sold" } else { "sale" });
        }
    }
    for l in w["licensees"].as_array_mut().into_iter().flatten() {
        for y in l["years"].as_array_mut().into_iter().flatten() {
            for sale in y["sales"].as_array_mut().into_iter().flatten() {
                sale["upstream_paid_units"] = json!(0);
            }
        }
    }
    w
}

/// A pool of one decoder line in marginal tiers, patents in the US only, royalty only where
/// one counts.
fn tiered(tops: &[u32], rates: &[u32]) -> Value {
    let mut v = base_v2();
    let mut tiers: Vec<Value> = Vec::new();
    let mut top = 0u64;
    for (step, rate) in tops.iter().zip(rates) {
        top += u64::from(*step);
        tiers
            .push(json!({"up_to": top, "per_unit": Decimal::new(i64::from(*rate), 2).to_string()}));
    }
    tiers.push(json!({"up_to": null, "per_unit": Decimal::new(i64::from(rates[tops.len()]), 2).to_string()}));
    v["rate_schedules"][0]["lines"][0] = json!({"product": "dec", "region": "*", "tiers": tiers});
    v["rate_schedules"][0]["requires_patent_in_force"] = json!(true);
    v
}

/// A generated service tier: thresholds of users, subscribers and revenue, and the step its
/// amount rises by over the tier before.
type TierSpec = (Option<u32>, Option<u32>, Option<u32>, u32);

/// A pool of one service line with `tiers` (thresholds of users, subscribers, revenue and
/// amount steps, summed so amounts never decrease), Region 2 users at `weight`.
fn service_pool(tiers: &[TierSpec], weight: u32) -> Value {
    let mut v = base_v2();
    v["regions"][1]["user_weight"] = json!(Decimal::new(i64::from(weight), 1).to_string());
    v["products"] =
        json!([{"id": "dec", "name": "Decoder"}, {"id": "svc", "name": "S", "kind": "service"}]);
    let mut amount = 0u64;
    let tiers: Vec<Value> = tiers
        .iter()
        .map(|(u, s, r, step)| {
            amount += u64::from(*step);
            let mut t = json!({"amount": amount.to_string()});
            if let Some(u) = u {
                t["users"] = json!(u);
            }
            if let Some(s) = s {
                t["subscribers"] = json!(s);
            }
            if let Some(r) = r {
                t["revenue"] = json!(r.to_string());
            }
            t
        })
        .collect();
    v["rate_schedules"][0]["lines"] = json!([
        {"product": "dec", "region": "*", "per_unit": "1"},
        {"product": "svc", "region": "*", "credit": "50", "service_tiers": tiers}
    ]);
    v
}

/// The tier and payable of one year of service sales `(country, users, subscribers, revenue)`.
fn service_fee(
    pool: &Pool,
    sales: &[(usize, u32, u32, u32)],
) -> Result<(Option<usize>, Decimal), TestCaseError> {
    let sales: Vec<Value> = sales
        .iter()
        .map(|(c, u, s, r)| json!({"product": "svc", "country": COUNTRIES[*c], "users": u, "subscribers": s, "revenue": r.to_string()}))
        .collect();
    let usage = usage_v2(None, &[(2026, Value::Array(sales))]);
    let r = compute_fees(pool, &usage).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let y = &r.years[0];
    let tier = y
        .lines
        .first()
        .and_then(|l| l.service.as_ref())
        .and_then(|s| s.tier);
    Ok((tier, y.payable))
}

fn service_tiers() -> impl Strategy<Value = Vec<TierSpec>> {
    prop::collection::vec(
        (
            prop::option::of(0u32..50_000),
            prop::option::of(0u32..50_000),
            prop::option::of(0u32..50_000),
            0u32..1000,
        ),
        1..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_version_1_dataset_computes_the_same_in_every_version_2_spelling(p in params(), made_or_sold in any::<bool>()) {
        let v1 = build(&p);
        let want = results(&v1)?;
        let mut bumped = v1.clone();
        bumped["version"] = json!(2);
        prop_assert_eq!(&results(&bumped)?, &want);
        prop_assert_eq!(&results(&as_version_2(&v1, made_or_sold))?, &want);
        // And it is written back as the version 1 file it was.
        prop_assert_eq!(pool(&v1).dataset().version(), 1);
    }

    #[test]
    fn exempt_units_never_count_toward_a_tier(
        tops in prop::collection::vec(1u32..500, 1..4),
        rates in prop::collection::vec(0u32..300, 4),
        sales in prop::collection::vec((0u32..800, 0u32..800, any::<bool>()), 1..6),
    ) {
        let v = tiered(&tops, &rates);
        let pool = pool(&v);
        // US is covered, BR is not: BR sales and upstream-paid units are exempt.
        let with: Vec<Value> = sales.iter().map(|(units, up, in_br)| {
            let units = units + up;
            json!({"product": "dec", "country": if *in_br { "BR" } else { "US" }, "units": units, "upstream_paid_units": up})
        }).collect();
        // A sale all paid upstream resolves to no line: it is left out, not charged 0.
        let without: Vec<Value> = sales.iter().filter(|(units, up, in_br)| !in_br && (*units > 0 || *up == 0)).map(|(units, _, _)| {
            json!({"product": "dec", "country": "US", "units": units})
        }).collect();
        let fee = |sales: Vec<Value>| -> Result<Value, TestCaseError> {
            let r = compute_fees(&pool, &usage_v2(None, &[(2026, Value::Array(sales))]))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let j = fees_json(&r);
            Ok(json!([j["years"][0]["payable"], j["years"][0]["lines"]]))
        };
        prop_assert_eq!(fee(with)?, fee(without)?);
    }

    #[test]
    fn the_service_tier_never_falls_when_a_measure_rises(
        tiers in service_tiers(),
        weight in 0u32..20,
        sales in prop::collection::vec((0usize..5, 0u32..30_000, 0u32..30_000, 0u32..30_000), 1..5),
        pick in 0usize..5,
        measure in 0usize..3,
        more in 1u32..40_000,
    ) {
        let pool = pool(&service_pool(&tiers, weight));
        let (tier, payable) = service_fee(&pool, &sales)?;
        let mut raised = sales.clone();
        let k = pick % raised.len();
        match measure {
            0 => raised[k].1 += more,
            1 => raised[k].2 += more,
            _ => raised[k].3 += more,
        }
        let (tier2, payable2) = service_fee(&pool, &raised)?;
        prop_assert!(tier2 >= tier, "{tier:?} → {tier2:?}");
        prop_assert!(payable2 >= payable);
    }

    #[test]
    fn shares_add_up_with_made_in_attribution(
        p in params(),
        made in prop::collection::vec(prop::option::of(0usize..5), 1..8),
    ) {
        let mut v = as_version_2(&build(&p), true);
        for s in v["rate_schedules"].as_array_mut().into_iter().flatten() {
            s["requires_patent_in_force"] = json!("made_or_sold");
        }
        let mut j = 0;
        for l in v["licensees"].as_array_mut().into_iter().flatten() {
            for y in l["years"].as_array_mut().into_iter().flatten() {
                for sale in y["sales"].as_array_mut().into_iter().flatten() {
                    if let Some(c) = made[j % made.len()] {
                        sale["made_in"] = json!(COUNTRIES[c]);
                    }
                    j += 1;
                }
            }
        }
        let pool = pool(&v);
        for year in [2024, 2026, 2028] {
            let income = pool_income(&pool, year);
            // Under made_or_sold every charged amount goes to a covered country.
            for (c, _) in &income.by_country {
                prop_assert!(pool.index().country_days(year, c) > 0, "{c} in {year}");
            }
            for (method, _) in Method::ALL {
                let mut rule = pool.dataset().distribution.clone();
                rule.method = method;
                let s = distribute(&pool, year, &income, &rule);
                let shared: Decimal = s.members.iter().map(|m| m.amount).sum();
                prop_assert_eq!(shared + s.management_fee + s.unallocated, s.income);
            }
        }
    }
}
