//! Property tests over random datasets: money always adds up and caps always hold.

mod common;
// Not in `common`: the page-model tests share that module and have no proptest.
#[path = "common/random.rs"]
mod random;

use common::pool;
use poolcalc_engine::{compute_fees, distribute, load_usage, pool_income};
use proptest::prelude::*;
use random::{build, params};
use rust_decimal::Decimal;
use serde_json::json;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn shares_fee_and_unallocated_add_up_to_income(p in params()) {
        let v = build(&p);
        let pool = pool(&v);
        for year in [2024, 2026, 2028] {
            let income = pool_income(&pool, year);
            let s = distribute(&pool, year, &income, &pool.dataset().distribution);
            let shared: Decimal = s.members.iter().map(|m| m.amount).sum();
            prop_assert_eq!(shared + s.management_fee + s.unallocated, s.income);
            prop_assert!(s.management_fee >= Decimal::ZERO && s.management_fee <= s.income);
            prop_assert!(s.members.iter().all(|m| m.amount >= Decimal::ZERO));
            let parts: Decimal = s.country_parts.iter().map(|c| c.amount).sum();
            if !s.country_parts.is_empty() {
                prop_assert_eq!(parts, s.distributable);
            }
        }
    }

    #[test]
    fn fees_add_up_and_caps_are_never_exceeded(p in params()) {
        let v = build(&p);
        let pool = pool(&v);
        for l in &v["licensees"].as_array().cloned().unwrap_or_default() {
            let mut u = l.clone();
            if let Some(o) = u.as_object_mut() {
                o.remove("id");
                o.insert("format".into(), json!("patent-pool-usage"));
                o.insert("version".into(), json!(1));
            }
            let usage = load_usage(&u.to_string()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            let report = compute_fees(&pool, &usage).map_err(|e| TestCaseError::fail(e.to_string()))?;
            for y in &report.years {
                let lines: Decimal = y.lines.iter().map(|l| l.amount).sum();
                let countries: Decimal = y.countries.iter().map(|c| c.amount).sum();
                prop_assert_eq!(lines, y.payable);
                prop_assert_eq!(countries, y.payable);
                if let Some(cap) = p.caps.1 {
                    prop_assert!(y.payable <= Decimal::from(cap));
                }
                if let Some(g) = p.caps.0 {
                    let group: Decimal = y.lines.iter().filter(|l| l.product == "x").map(|l| l.capped).sum();
                    // Scaling in 28-digit decimals may leave a last-digit excess, never a cent.
                    prop_assert!(group <= Decimal::from(g) + Decimal::new(1, 20));
                }
                prop_assert!(y.payable <= crate::round_up(y.gross, p.decimals));
            }
        }
    }
}

fn round_up(d: Decimal, dp: u32) -> Decimal {
    d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::AwayFromZero)
}
