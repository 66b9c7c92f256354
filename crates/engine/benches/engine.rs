//! Budgets of issue 4 on the large synthetic pool (300 members, 100,000 patents, 150 countries,
//! 2,000 licensees, 20 years): parse + validate + index < 400 ms; one year of fees for all
//! licensees plus shares < 5 ms; a 20-year projection < 60 ms. Prints sizes and the ratio of
//! each measurement to its budget; results go to docs/performance.md.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use poolcalc_engine::io::synth::{SynthOptions, synthesize};
use poolcalc_engine::model::dataset::Method;
use poolcalc_engine::{Pool, distribute, load_dataset, pool_income, project};

fn big_pool_json() -> String {
    let opts = SynthOptions {
        members: 300,
        patents: 100_000,
        countries: 150,
        licensees: 2_000,
        from: 2026,
        to: 2045,
        seed: 7,
    };
    match synthesize(&opts) {
        Ok(d) => d.to_compact_json(),
        Err(e) => panic!("synth: {e}"),
    }
}

fn load(text: &str) -> Pool {
    match load_dataset(text) {
        Ok(d) => Pool::new(d),
        Err(issues) => panic!(
            "synthetic pool invalid: {:?}",
            &issues[..issues.len().min(5)]
        ),
    }
}

/// Mean time of `f` over `n` runs, for the budget summary.
fn mean(n: u32, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    for _ in 0..n {
        f();
    }
    start.elapsed() / n
}

fn report(what: &str, took: Duration, budget_ms: f64) {
    let ms = took.as_secs_f64() * 1000.0;
    println!(
        "budget: {what}: {ms:.2} ms of {budget_ms} ms budget (ratio {:.2})",
        ms / budget_ms
    );
}

/// Resident memory of this process in bytes (Linux), to measure what a loaded pool holds.
fn resident_bytes() -> Option<f64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: f64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096.0)
}

fn benches(c: &mut Criterion) {
    let text = big_pool_json();
    println!("synthetic pool: {:.1} MB of JSON", text.len() as f64 / 1e6);
    let before = resident_bytes();
    let pool = load(&text);
    if let (Some(b), Some(a)) = (before, resident_bytes()) {
        println!(
            "memory held by the loaded, indexed pool: {:.0} MB (resident growth)",
            (a - b) / 1e6
        );
    }
    println!(
        "index tables: {:.1} MB",
        pool.index().heap_bytes() as f64 / 1e6
    );
    let rule = pool.dataset().distribution.clone();

    let year_all = || {
        let income = pool_income(&pool, 2030);
        for (m, _) in Method::ALL {
            let mut r = rule.clone();
            r.method = m;
            black_box(distribute(&pool, 2030, &income, &r));
        }
    };
    report(
        "parse + validate + index",
        mean(3, || drop(black_box(load(&text)))),
        400.0,
    );
    report(
        "one year: all licensees' fees + shares by each method",
        mean(20, year_all),
        5.0,
    );
    report(
        "20-year projection",
        mean(5, || drop(black_box(project(&pool, 2026..=2045, &rule)))),
        60.0,
    );

    let mut g = c.benchmark_group("engine");
    g.sample_size(10);
    g.bench_function("parse_validate_index", |b| {
        b.iter(|| load(black_box(&text)))
    });
    g.bench_function("year_fees_and_shares", |b| b.iter(year_all));
    g.bench_function("projection_20_years", |b| {
        b.iter(|| project(&pool, 2026..=2045, &rule))
    });
    g.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
