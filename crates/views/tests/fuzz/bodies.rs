//! What each fuzz target does with its input: the same functions serve the cargo-fuzz targets
//! (crates/engine/fuzz, nightly with libFuzzer) and the stable mutation run of
//! `tests/fuzzing.rs`, which `cargo test` runs on every build. Nothing here may panic, whatever
//! the bytes.

#![allow(dead_code)]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use poolcalc_engine::fees::history::terms_history;
use poolcalc_engine::io::usage_csv::{read_sales_csv, write_sales_csv};
use poolcalc_engine::model::dataset::{Method, Usage};
use poolcalc_engine::model::date::Date;
use poolcalc_engine::model::text::Text;
use poolcalc_engine::scenario::share_link::{decode_share, encode_share};
use poolcalc_engine::scenario::{Scenario, apply_scenario, load_scenario, load_scenarios};
use poolcalc_engine::{Pool, compute_fees, distribute, load_dataset, load_usage, pool_income};
use poolcalc_views::candidate_csv::{
    CandidateRow, candidate_patents, read_candidate_csv, write_candidate_csv,
};
use poolcalc_views::membership_change::{candidate_member, join_scenario};

/// The dataset scenarios and CSV imports are applied to: the specification's worked example.
pub const WORKED_EXAMPLE: &str = include_str!("../../../../public/datasets/worked-example.json");

/// The version 2 worked example (every v2 rule): profiles, scenarios and CSV imports are
/// charged under it too.
pub const WORKED_EXAMPLE_V2: &str = include_str!("../../../engine/tests/data/v2/pool.json");

fn worked_example() -> Option<Pool> {
    load_dataset(WORKED_EXAMPLE).ok().map(Pool::new)
}

/// Both worked examples.
fn worked_examples() -> Vec<Pool> {
    [WORKED_EXAMPLE, WORKED_EXAMPLE_V2]
        .into_iter()
        .filter_map(|t| load_dataset(t).ok().map(Pool::new))
        .collect()
}

/// Fees of every licensee, the shares of (at most) eight of their years under each method,
/// and the rate history.
fn compute_all(pool: &Pool) {
    let _ = terms_history(pool.dataset());
    for l in &pool.dataset().licensees {
        let _ = compute_fees(pool, &l.usage);
    }
    let mut years: Vec<i32> = pool
        .dataset()
        .licensees
        .iter()
        .flat_map(|l| l.usage.years.iter().map(|y| y.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    for year in years.into_iter().take(8) {
        let income = pool_income(pool, year);
        for (m, _) in Method::ALL {
            let mut rule = pool.dataset().distribution.clone();
            rule.method = m;
            let _ = distribute(pool, year, &income, &rule);
        }
    }
}

/// Any bytes as a dataset (and a usage profile); a valid one is indexed and computed.
pub fn dataset(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(usage) = load_usage(text) {
        for pool in worked_examples() {
            let _ = compute_fees(&pool, &usage);
        }
    }
    if let Ok(d) = load_dataset(text) {
        compute_all(&Pool::new(d));
    }
}

/// A scenario applied to both worked examples, then everything computed on the result.
fn apply(scenario: &Scenario) {
    for pool in worked_examples() {
        if let Ok(d) = apply_scenario(pool.dataset(), scenario) {
            compute_all(&Pool::new(d));
        }
    }
}

/// Any bytes as a scenario file (one scenario, or an "export all" list).
pub fn scenario(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(s) = load_scenario(text) {
        apply(&s);
        // What a share link carries reads back as the same scenario.
        assert_eq!(decode_share(&encode_share(&s)).ok().as_ref(), Some(&s));
    }
    if let Ok(list) = load_scenarios(text) {
        list.iter().take(4).for_each(apply);
    }
}

/// Any bytes as the text after `#scen=` of a share link, and as what a link carries (the
/// bytes deflated and encoded as a link would be, so hostile JSON gets past the decoding).
pub fn share_link(data: &[u8]) {
    let code = String::from_utf8_lossy(data);
    let carried = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(data, 6));
    for code in [code.as_ref(), carried.as_str()] {
        if let Ok(s) = decode_share(code) {
            apply(&s);
        }
    }
}

/// Any bytes as the CSV imports: sales (then charged under the worked example) and candidate
/// patents (then joining the worked example's pool as a new member).
pub fn csv_import(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Some(pool) = worked_example() else {
        return;
    };
    let (years, _) = read_sales_csv(&text);
    let usage = Usage {
        licensee: Text::Plain("L".into()),
        signed: None,
        years,
    };
    for p in worked_examples() {
        let _ = compute_fees(&p, &usage);
    }
    // What is written reads back as the same sales.
    let (again, bad) = read_sales_csv(&write_sales_csv(&usage.years));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(again, usage.years);

    let (rows, _) = read_candidate_csv(&text);
    // What is written reads back as the same rows (a row empty in every candidate column is
    // written as an empty line, which reading skips).
    let (again, _) = read_candidate_csv(&write_candidate_csv(&rows));
    let kept: Vec<&CandidateRow> = rows
        .iter()
        .filter(|r| *r != &CandidateRow::default())
        .collect();
    assert_eq!(again.iter().collect::<Vec<_>>(), kept);
    let joined = Date::from_ymd(2027, 1, 1).unwrap_or(Date::year_start(2027));
    let member = candidate_member(&pool.dataset().members, "cand", "Candidate", "US", joined);
    if let Ok(patents) = candidate_patents(&member.id, &rows) {
        apply(&join_scenario(member, patents));
    }
}
