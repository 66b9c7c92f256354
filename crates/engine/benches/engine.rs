//! Budgets of issues 4 and 15 on the large synthetic pool (300 members, 100,000 patents, 150
//! countries, 2,000 licensees, 20 years): parse + validate + index < 80 ms; one year of fees
//! for all licensees plus shares < 2 ms; a 20-year projection < 60 ms. Also the same load in
//! steps (the browser's `Loader`) and the memory the loaded pool holds, per patent and against
//! the file's size. Prints the ratio of each measurement to its budget; results go to
//! docs/performance.md.

#[path = "engine/counting.rs"]
mod counting;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use poolcalc_engine::io::synth::{SynthOptions, synthesize};
use poolcalc_engine::model::dataset::Method;
use poolcalc_engine::{Loader, Phase, Pool, distribute, load_dataset, pool_income, project};

#[global_allocator]
static HEAP: counting::Counting = counting::Counting;

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

/// The same load in steps of `per_step` items, as the browser runs it between frames.
fn load_in_steps(text: &str, per_step: usize) -> Pool {
    let mut loader = Loader::new(text.to_owned());
    while loader.step(per_step).phase != Phase::Done {}
    match loader.finish() {
        Some(Ok(pool)) => pool,
        other => panic!("the loader did not load the synthetic pool: {other:?}"),
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

fn benches(c: &mut Criterion) {
    let text = big_pool_json();
    let file = text.len() as f64;
    println!("synthetic pool: {:.1} MB of JSON", file / 1e6);
    counting::reset_peak();
    let before = counting::live_bytes();
    let pool = load(&text);
    let held = counting::live_bytes().saturating_sub(before) as f64;
    let patents = pool.dataset().patents.len() as f64;
    println!(
        "memory held by the loaded, indexed pool: {:.1} MB, {:.2}× the file ({:.0} bytes per patent); peak while loading {:.1} MB above the text",
        held / 1e6,
        held / file,
        held / patents,
        counting::peak_bytes().saturating_sub(before) as f64 / 1e6
    );
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
        mean(5, || drop(black_box(load(&text)))),
        80.0,
    );
    report(
        "the same in steps of 2,000 items (Loader)",
        mean(5, || drop(black_box(load_in_steps(&text, 2_000)))),
        80.0,
    );
    report(
        "one year: all licensees' fees + shares by each method",
        mean(20, year_all),
        2.0,
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
    g.bench_function("loader_in_steps", |b| {
        b.iter(|| load_in_steps(black_box(&text), 2_000))
    });
    g.bench_function("year_fees_and_shares", |b| b.iter(year_all));
    g.bench_function("projection_20_years", |b| {
        b.iter(|| project(&pool, 2026..=2045, &rule))
    });
    g.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
