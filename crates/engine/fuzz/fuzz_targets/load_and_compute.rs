//! Any bytes: parse + validate a dataset; when valid, index it and compute every licensee's
//! fees and the shares of each year under each method. Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poolcalc_engine::model::dataset::Method;
use poolcalc_engine::{Pool, compute_fees, distribute, load_dataset, load_usage, pool_income};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = load_usage(text);
    let Ok(dataset) = load_dataset(text) else { return };
    let pool = Pool::new(dataset);
    for l in &pool.dataset().licensees {
        let _ = compute_fees(&pool, &l.usage);
    }
    let years: Vec<i32> = pool.dataset().licensees.iter().flat_map(|l| l.usage.years.iter().map(|y| y.year)).collect();
    for year in years.into_iter().take(8) {
        let income = pool_income(&pool, year);
        for (m, _) in Method::ALL {
            let mut rule = pool.dataset().distribution.clone();
            rule.method = m;
            let _ = distribute(&pool, year, &income, &rule);
        }
    }
});
