//! The bundled datasets that use version 2 (docs/datasets.md): what each shows, with the
//! streaming pool's income computed by hand.

mod common;

use common::{bundled, read};
use poolcalc_engine::Pool;
use poolcalc_engine::fees::ExemptReason;
use poolcalc_engine::fees::history::terms_history;
use poolcalc_engine::{compute_fees, pool_income};
use serde_json::Value;

/// The usage of the licensee estimate `id` of `pool`.
fn licensee<'p>(pool: &'p Pool, id: &str) -> &'p poolcalc_engine::Usage {
    pool.dataset()
        .licensees
        .iter()
        .find(|l| l.id == id)
        .map(|l| &l.usage)
        .unwrap_or_else(|| panic!("no licensee {id}"))
}

#[test]
fn three_bundled_datasets_use_version_2_and_the_others_stay_version_1() {
    let index: Value = serde_json::from_str(&read("datasets/index.json")).unwrap_or_default();
    let v2 = ["hevc-advance-style", "avs-style", "streaming-style"];
    let ids: Vec<String> = index["datasets"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["id"].as_str().map(str::to_owned))
        .collect();
    assert!(ids.iter().any(|i| i == "streaming-style"));
    for id in ids {
        let pool = bundled(&id).unwrap_or_else(|e| panic!("{id}: {e}"));
        let want = if v2.contains(&id.as_str()) { 2 } else { 1 };
        assert_eq!(pool.dataset().version(), want, "{id}");
    }
}

#[test]
fn the_streaming_pool_charges_services_by_tier_and_keeps_existing_licensees_on_old_terms() {
    let pool = bundled("streaming-style").unwrap_or_else(|e| panic!("{e}"));
    // 2024: globalstream 66.5M weighted users, top tier 1.5M − 50K, 12.5% off = 1,268,750;
    // lotus-tv 5.15M weighted subscribers, tier 3: 550,000; freewave avod 15.5M users, tier
    // 3: 450,000 − 50,000 = 400,000; nordic-play 1.85M users, tier 2: 150,000 × 0.875 =
    // 131,250; tiny-indie below tier 1: 0.
    assert_eq!(pool_income(&pool, 2024).total.to_string(), "2350000.00");
    // 2026: newcomer-tv (signed 2026) under 2026-new: 2.0M weighted users, tier 2,
    // 200,000 × 1.15 − 50,000 = 180,000; the others keep the old terms.
    assert_eq!(pool_income(&pool, 2026).total.to_string(), "2530000.00");
    let newcomer = licensee(&pool, "newcomer-tv");
    let r = compute_fees(&pool, newcomer).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.years.iter().all(|y| y.schedule == "2026-new"));
    let h = terms_history(pool.dataset());
    assert_eq!((h.changes.len(), h.over), (20, 1));
}

#[test]
fn hevc_advance_style_charges_where_made_and_avs_style_exempts_units_paid_upstream() {
    let hevc = bundled("hevc-advance-style").unwrap_or_else(|e| panic!("{e}"));
    let savanna = licensee(&hevc, "savanna");
    let r = compute_fees(&hevc, savanna).unwrap_or_else(|e| panic!("{e}"));
    let y = &r.years[0];
    assert!(y.payable > rust_decimal::Decimal::ZERO);
    assert!(y.exempt.is_empty());
    assert_eq!(
        y.countries
            .iter()
            .map(|c| c.country.as_str())
            .collect::<Vec<_>>(),
        ["CN"]
    );

    let avs = bundled("avs-style").unwrap_or_else(|e| panic!("{e}"));
    let sky = licensee(&avs, "skyriver-tv");
    let r = compute_fees(&avs, sky).unwrap_or_else(|e| panic!("{e}"));
    let cn = sky.years[0]
        .sales
        .iter()
        .find(|s| s.country == "CN")
        .map_or(0, |s| s.units);
    let upstream: u64 = r.years[0]
        .exempt
        .iter()
        .filter(|e| e.reason == ExemptReason::PaidUpstream)
        .map(|e| e.units)
        .sum();
    // A quarter of the Chinese units, rounded: 5,360,000 / 4.
    assert_eq!((cn, upstream), (5_360_000, 1_340_000));
}
