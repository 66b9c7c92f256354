//! The royalty stack: the bundled example stacks, pool parts computed by the pool's own fee
//! rules, bilateral and known licences, overlap, reference lines, what-if, and broken files
//! reported with every problem at its path.

mod common;

use common::{base, bundled, d, public, read, stack_file};
use poolcalc_engine::stack::{
    LicenceKind, PoolSet, Stack, StackReport, compute_stack, compute_what_if, load_stack, pool_set,
    stack_schema,
};
use poolcalc_engine::{Decimal, compute_fees};
use proptest::prelude::*;
use serde_json::{Value, json};

fn bundled_stacks() -> Vec<String> {
    let index: Value = serde_json::from_str(&read("stacks/index.json")).unwrap_or_default();
    index["stacks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["file"].as_str().map(str::to_owned))
        .collect()
}

/// The sum of parts, year by year and in total, and each part as its own fee report says.
fn assert_adds_up(stack: &Stack, pools: &PoolSet, r: &StackReport) {
    assert_eq!(r.licences.len(), stack.licences.len());
    for (y, year) in r.years.iter().enumerate() {
        let parts: Decimal = r.licences.iter().map(|l| l.years[y].payable).sum();
        assert_eq!(year.total.payable, parts, "{}", year.year);
    }
    let by_year: Decimal = r.years.iter().map(|y| y.total.payable).sum();
    let by_licence: Decimal = r.licences.iter().map(|l| l.total.payable).sum();
    assert_eq!(r.total.payable, by_year);
    assert_eq!(r.total.payable, by_licence);
    for (i, l) in r.licences.iter().enumerate() {
        let years: Decimal = l.years.iter().map(|b| b.payable).sum();
        assert_eq!(l.total.payable, years, "{}", l.id);
        if let Some(pool) = pools.get(&l.id) {
            let usage = stack
                .usage_for(i)
                .unwrap_or_else(|| panic!("{} has no usage", l.id));
            let fees = compute_fees(pool, &usage).unwrap_or_else(|e| panic!("{}: {e}", l.id));
            assert_eq!(l.total.payable, fees.total, "{}", l.id);
            for fy in &fees.years {
                let at = r.years.iter().position(|y| y.year == fy.year);
                let at = at.unwrap_or_else(|| panic!("{} {} not in the stack", l.id, fy.year));
                assert_eq!(l.years[at].payable, fy.payable, "{} {}", l.id, fy.year);
            }
        }
    }
}

#[test]
fn bundled_stacks_compute_and_add_up() {
    let files = bundled_stacks();
    assert_eq!(files, ["4k-tv.json", "connected-car.json"]);
    for file in files {
        let (stack, pools, r) = stack_file(&file);
        assert_adds_up(&stack, &pools, &r);
        assert!(r.total.payable > Decimal::ZERO, "{file}");
        assert_eq!(r.years.len(), 5, "{file}: 2026–2030");
        // The file and the program agree: reading what it writes gives the same stack.
        assert_eq!(load_stack(&stack.to_json()).as_ref(), Ok(&stack), "{file}");
    }
}

#[test]
fn the_tv_stack_fills_years_by_growth_and_sees_the_hevc_vvc_overlap() {
    let (stack, pools, r) = stack_file("4k-tv.json");
    let units: Vec<u64> = r.years.iter().map(|y| y.total.units).collect();
    // 7,250,000 in 2026, growing 3 % a year per country, each rounded to whole units.
    assert_eq!(units[0], 7_250_000);
    assert!(units.windows(2).all(|w| w[1] > w[0]), "{units:?}");
    let pair = r
        .overlap
        .iter()
        .find(|p| p.a == "hevc" && p.b == "vvc")
        .unwrap_or_else(|| panic!("no HEVC × VVC overlap: {:?}", r.overlap));
    // The VVC dataset's patents declared for both H.265 and H.266 are the HEVC pool's grants.
    let vvc = pools
        .get("vvc")
        .map(|p| p.dataset().patents.clone())
        .unwrap_or_default();
    let shared = vvc
        .iter()
        .filter(|p| p.standards.iter().any(|s| s == "H.265"))
        .count();
    assert!(shared >= 10);
    assert_eq!(pair.count, shared);
    assert_eq!(pair.patents.len(), shared);
    assert!(r.overlap.iter().all(|p| p.a != "avc" || p.count == 0));
    // Per unit and shares are the year's payable over units, price and unit profit.
    let y = &r.years[0];
    let per_unit = y.total.payable / Decimal::from(y.total.units);
    assert_eq!(y.total.per_unit, Some(per_unit));
    assert_eq!(y.total.share_of_price, Some(per_unit / d("450")));
    assert_eq!(y.total.share_of_profit, Some(per_unit / d("22.5")));
    assert_eq!(y.remaining_margin, Some(d("22.5") - per_unit));
    assert_eq!(
        stack.bundled_ids(),
        ["avc-style", "hevc-advance-style", "vvc-style", "wifi-style"]
    );
}

#[test]
fn the_car_stack_charges_bilateral_and_known_licences_in_their_years() {
    let (_, _, r) = stack_file("connected-car.json");
    let bilateral = &r.licences[1];
    assert_eq!(bilateral.kind, LicenceKind::Bilateral);
    // 0.0002 × 45,000 = 9.00 a car, lowered to the 8.00 maximum, + 250,000 a year:
    // 2026 has 1,120,000 cars → 9,210,000.00; 2030 is outside the licence's years.
    assert_eq!(bilateral.years[0].payable, d("9210000.00"));
    assert_eq!(bilateral.years[4].payable, Decimal::ZERO);
    // The cap (12,000,000) bites once 8 × units + 250,000 passes it.
    assert!(bilateral.years.iter().all(|b| b.payable <= d("12000000")));
    let known = &r.licences[2];
    assert!(known.years.iter().all(|b| b.payable == d("1200000.00")));
    // Avanci style, signed after the early-bird date: US$32 a 5G car, no cap.
    let avanci = &r.licences[0];
    assert_eq!(avanci.years[0].payable, d("35840000.00"));
}

#[test]
fn what_if_shows_the_difference_against_the_saved_stack() {
    let (stack, pools, base) = stack_file("connected-car.json");
    let w =
        compute_what_if(&stack, &pools, &stack.what_if, &base).unwrap_or_else(|i| panic!("{i:#?}"));
    // Signed before 2024-02-16: the early-bird US$29 instead of US$32 on every car.
    let units: u64 = base.years.iter().map(|y| y.total.units).sum();
    let avanci = &w.licences[0];
    assert_eq!(avanci.difference, -(Decimal::from(units) * d("3")));
    assert!(w.licences[1..].iter().all(|l| l.difference.is_zero()));
    assert_eq!(w.total.difference, avanci.difference);

    let (stack, pools, base) = stack_file("4k-tv.json");
    let w =
        compute_what_if(&stack, &pools, &stack.what_if, &base).unwrap_or_else(|i| panic!("{i:#?}"));
    let vvc = base
        .licences
        .iter()
        .find(|l| l.id == "vvc")
        .map(|l| l.total.payable);
    assert_eq!(Some(-w.total.difference), vvc);
    assert!(
        w.report.overlap.is_empty(),
        "dropping VVC leaves no overlap"
    );
}

#[test]
fn scaling_a_pool_rate_goes_through_the_pools_own_terms() {
    let (stack, pools, base) = stack_file("4k-tv.json");
    let mut v: Value = serde_json::from_str(&stack.to_json()).unwrap_or_default();
    v["what_if"] = json!([{"type": "scale_rates", "licence": "wifi", "factor": "0.5"}]);
    let changed = load_stack(&v.to_string()).unwrap_or_else(|i| panic!("{i:#?}"));
    let w = compute_what_if(&stack, &pools, &changed.what_if, &base)
        .unwrap_or_else(|i| panic!("{i:#?}"));
    let wifi = w
        .licences
        .iter()
        .find(|l| l.id == "wifi")
        .unwrap_or_else(|| panic!("no wifi"));
    // US$0.60 → US$0.30 a unit, no tiers or caps: exactly half.
    assert_eq!(wifi.what_if * d("2"), wifi.base);
    assert!(
        w.licences
            .iter()
            .filter(|l| l.id != "wifi")
            .all(|l| l.difference.is_zero())
    );
}

#[test]
fn reference_lines_come_from_presets_with_sources() {
    let (_, _, r) = stack_file("connected-car.json");
    let ids: Vec<&str> = r
        .references
        .iter()
        .map(|x| x.reference.id.as_str())
        .collect();
    assert_eq!(ids, ["interest-balance", "5g-handset-2023"]);
    // 25 % of a unit profit of 45,000 × 0.07 = 3,150 → 787.50 a car.
    assert_eq!(r.references[0].per_unit, Some(d("787.50")));
    assert_eq!(r.references[1].per_unit, Some(d("1953.45")));
    assert_eq!(r.references[1].upper_per_unit, Some(d("2372.85")));
    assert!(r.references.iter().all(|x| x.reference.source.is_some()));
    assert!(r.references.iter().all(|x| !x.total.above));
    let total_per_unit = r.total.per_unit.unwrap_or_default();
    assert_eq!(
        r.references[0].total.headroom,
        Some(d("787.50") - total_per_unit)
    );
}

fn stack_value() -> Value {
    json!({
        "format": "poolcalc-stack", "version": 1,
        "product": {"name": "Box", "currency": "USD", "price": "100.00", "unit_cost": "90.00"},
        "sales": {"years": [{"year": 2026, "countries": [{"country": "US", "units": 1000}, {"country": "DE", "units": 500}]}]},
        "licences": [
            {"id": "p", "type": "pool", "dataset": base(), "product": "dec"},
            {"id": "b", "type": "bilateral", "per_unit": "0.25"},
            {"id": "k", "type": "known", "per_year": "100"}
        ]
    })
}

#[test]
fn an_embedded_pool_is_charged_like_poolcalc_fees() {
    let stack = load_stack(&stack_value().to_string()).unwrap_or_else(|i| panic!("{i:#?}"));
    let pools = pool_set(&stack, |id| Err(format!("no {id}"))).unwrap_or_else(|i| panic!("{i:#?}"));
    let r = compute_stack(&stack, &pools).unwrap_or_else(|i| panic!("{i:#?}"));
    let payable: Vec<Decimal> = r.licences.iter().map(|l| l.total.payable).collect();
    // 1,500 units × 1 in the pool, × 0.25 bilateral, and the known 100.
    assert_eq!(payable, [d("1500.00"), d("375.00"), d("100.00")]);
    assert_eq!(r.total.payable, d("1975.00"));
    assert_eq!(r.unit_profit, Some(d("10.00")));
    assert_adds_up(&stack, &pools, &r);
}

#[test]
fn a_stack_of_bundled_pools_travels_in_a_link_and_an_embedded_one_does_not() {
    use poolcalc_engine::stack::share_link::{
        decode_stack_share, embedded_licences, encode_stack_share,
    };
    for file in bundled_stacks() {
        let stack =
            load_stack(&read(&format!("stacks/{file}"))).unwrap_or_else(|i| panic!("{i:#?}"));
        let code = encode_stack_share(&stack).unwrap_or_else(|| panic!("{file}: no link"));
        assert!(
            code.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(decode_stack_share(&code), Ok(stack), "{file}");
    }
    let embedded = load_stack(&stack_value().to_string()).unwrap_or_else(|i| panic!("{i:#?}"));
    assert_eq!(embedded_licences(&embedded), ["p"]);
    assert_eq!(encode_stack_share(&embedded), None);
    // A damaged code is a problem, not a panic, and says what it is.
    for bad in ["%%%", "AAAA", ""] {
        let problems = decode_stack_share(bad).unwrap_err();
        assert!(
            problems[0].to_string().contains("damaged"),
            "{bad}: {problems:?}"
        );
    }
}

fn add_licence(v: &mut Value, licence: Value) {
    if let Some(list) = v["licences"].as_array_mut() {
        list.push(licence);
    }
}

fn problems(v: &Value) -> Vec<String> {
    match load_stack(&v.to_string()) {
        Ok(_) => Vec::new(),
        Err(issues) => issues.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn broken_files_give_every_problem_at_its_path() {
    let mut v = stack_value();
    v["product"]["price"] = json!("0");
    v["product"]["industry_margin"] = json!("0.1");
    v["sales"]["years"][0]["countries"][1]["country"] = json!("de");
    v["sales"]["years"][0]["countries"][0]["units"] = json!(-3);
    v["licences"][0]["dataset"]["patents"][0]["expires"] = json!("2040-13-01");
    v["licences"][1]["min_per_unit"] = json!("1");
    v["licences"][2]["type"] = json!("gift");
    add_licence(&mut v, json!({"id": "b", "type": "known", "per_year": 5}));
    v["references"] = json!([{"preset": "nope"}]);
    v["what_if"] = json!([{"type": "set_signed", "licence": "b", "signed": null}]);
    let got = problems(&v);
    for want in [
        "product.price: the price must be above 0",
        "product: give `industry_margin` or `unit_cost`, not both",
        "sales.years[0].countries[1].country: \"de\" is not a country code",
        "sales.years[0].countries[0].units: must not be negative",
        "licences[0].dataset.patents[0].expires: \"2040-13-01\" is not a date",
        "licences[1]: `min_per_unit` and `max_per_unit` bound `percent_of_price`",
        "licences[2].type: \"gift\" is not one of: pool, bilateral, known",
        "licences[3].per_year: decimals are written as strings",
        "references[0].preset: \"nope\" is not one of: smartphone-2018",
    ] {
        assert!(
            got.iter().any(|g| g.starts_with(want)),
            "missing {want:?} in {got:#?}"
        );
    }
    // Rules across the stack come once every part reads.
    let mut v = stack_value();
    v["licences"][2]["id"] = json!("b");
    v["what_if"] = json!([{"type": "set_signed", "licence": "b", "signed": null}, {"type": "drop", "licence": "z"}]);
    v["sales"]["fill_to"] = json!(2100);
    let got = problems(&v);
    let want = "sales: 2026–2100 is more than 50 years";
    assert!(
        got.iter().any(|g| g.starts_with(want)),
        "missing {want:?} in {got:#?}"
    );
    v["sales"]["fill_to"] = json!(2030);
    let got = problems(&v);
    for want in [
        "licences[2].id: id \"b\" is used twice in licences",
        "what_if[0].licence: \"b\" is not a pool licence",
        "what_if[1].licence: no licence has the id \"z\"",
    ] {
        assert!(
            got.iter().any(|g| g.starts_with(want)),
            "missing {want:?} in {got:#?}"
        );
    }
}

#[test]
fn pools_that_do_not_fit_are_named() {
    let mut v = stack_value();
    v["licences"][0]["product"] = json!("tv");
    add_licence(
        &mut v,
        json!({"id": "avs", "type": "pool", "dataset": "avs-style", "product": "tv-decoder"}),
    );
    add_licence(
        &mut v,
        json!({"id": "gone", "type": "pool", "dataset": "no-such-pool", "product": "x"}),
    );
    let stack = load_stack(&v.to_string()).unwrap_or_else(|i| panic!("{i:#?}"));
    let got: Vec<String> = match pool_set(&stack, bundled) {
        Ok(_) => Vec::new(),
        Err(i) => i.iter().map(ToString::to_string).collect(),
    };
    for want in [
        "licences[0].product: pool \"t\" has no product \"tv\"; its products are: dec",
        "licences[3].dataset: pool \"avs-style\" charges in CNY, the stack is in USD",
        "licences[4].dataset: no bundled dataset no-such-pool",
    ] {
        assert!(
            got.iter().any(|g| g.starts_with(want)),
            "missing {want:?} in {got:#?}"
        );
    }
    // A year the pool has no terms for is the licence's problem, at its path.
    let mut v = stack_value();
    v["sales"]["years"][0]["year"] = json!(2019);
    let stack = load_stack(&v.to_string()).unwrap_or_else(|i| panic!("{i:#?}"));
    let pools = pool_set(&stack, bundled).unwrap_or_else(|i| panic!("{i:#?}"));
    let err = compute_stack(&stack, &pools).err().unwrap_or_default();
    assert_eq!(err.len(), 1, "{err:#?}");
    assert_eq!(
        err[0].to_string(),
        "licences[0]: year 2019: no rate schedule covers 2019"
    );
}

#[test]
fn the_schema_file_is_current() {
    let path = public("schema/poolcalc-stack-v1.schema.json");
    let text = serde_json::to_string_pretty(&stack_schema()).unwrap_or_default() + "\n";
    if std::env::var_os("POOLCALC_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == text,
        "{} is out of date: run POOLCALC_WRITE_SCHEMA=1 cargo test -p poolcalc-engine --test stack",
        path.display()
    );
}

/// A stack of bilateral and known licences and one embedded pool with tiers, a discount and
/// caps, over several years and countries.
fn arbitrary_stack() -> impl Strategy<Value = Value> {
    let units = proptest::collection::vec(0u64..3_000_000, 1..4);
    let bilateral = (
        proptest::option::of(0u32..500),
        proptest::option::of(0u32..300),
        proptest::option::of(0u32..5_000_000),
        proptest::option::of(1u32..20_000_000),
    );
    (units, 0u32..30, 1i32..6, proptest::collection::vec(bilateral, 0..4), 0u32..3, 100u32..200_000)
        .prop_map(|(units, growth, years, bilaterals, knowns, price)| {
            let countries = ["US", "DE", "JP"];
            let mut pool = base();
            pool["rate_schedules"][0]["lines"][0] = json!({"product": "dec", "region": "*",
                "tiers": [{"up_to": 100000, "per_unit": "0"}, {"up_to": 2000000, "per_unit": "0.35"}, {"up_to": null, "per_unit": "0.15"}]});
            pool["rate_schedules"][0]["annual_cap"] = json!("900000");
            pool["rate_schedules"][0]["discounts"] = json!([{"id": "early", "percent": "0.125", "signed_before": "2027-01-01"}]);
            let mut licences = vec![json!({"id": "pool", "type": "pool", "dataset": pool, "product": "dec", "signed": "2026-06-01"})];
            for (i, (per_unit, percent, lump, cap)) in bilaterals.into_iter().enumerate() {
                let mut b = json!({"id": format!("b{i}"), "type": "bilateral", "from_year": 2027});
                b["per_unit"] = json!(Decimal::new(i64::from(per_unit.unwrap_or(1)), 2).to_string());
                if let Some(p) = percent { b["percent_of_price"] = json!(Decimal::new(i64::from(p), 4).to_string()); }
                if let Some(l) = lump { b["lump_sum"] = json!(l.to_string()); }
                if let Some(c) = cap { b["annual_cap"] = json!(c.to_string()); }
                licences.push(b);
            }
            for k in 0..knowns {
                licences.push(json!({"id": format!("k{k}"), "type": "known", "per_year": format!("{}.5", 1000 * (k + 1)), "to_year": 2027}));
            }
            json!({
                "format": "poolcalc-stack", "version": 1,
                "product": {"name": "P", "currency": "USD", "price": Decimal::new(i64::from(price), 2).to_string(), "industry_margin": "0.08"},
                "sales": {
                    "years": [{"year": 2026, "countries": units.iter().zip(countries).map(|(u, c)| json!({"country": c, "units": u})).collect::<Vec<_>>()}],
                    "fill_to": 2025 + years,
                    "growth": Decimal::new(i64::from(growth), 2).to_string()
                },
                "licences": licences
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_total_is_the_sum_of_the_parts(v in arbitrary_stack()) {
        let stack = load_stack(&v.to_string()).map_err(|i| TestCaseError::fail(format!("{i:?}")))?;
        let pools = pool_set(&stack, |id| Err(id.to_owned())).map_err(|i| TestCaseError::fail(format!("{i:?}")))?;
        let r = compute_stack(&stack, &pools).map_err(|i| TestCaseError::fail(format!("{i:?}")))?;
        assert_adds_up(&stack, &pools, &r);
        // Dropping a licence takes away exactly its part.
        for l in &r.licences {
            let drop = vec![poolcalc_engine::stack::WhatIf::Drop { licence: l.id.clone() }];
            let w = compute_what_if(&stack, &pools, &drop, &r).map_err(|i| TestCaseError::fail(format!("{i:?}")))?;
            prop_assert_eq!(w.total.difference, -l.total.payable);
        }
    }
}
