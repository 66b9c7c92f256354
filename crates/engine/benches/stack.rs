//! Budget of issue 17: a stack of 6 pools over 5 years recomputes in under 16 ms after an edit
//! (in the browser, where the page adds its rendering). Here the engine's part: the 4K TV
//! stack of public/stacks with a Wi-Fi 7 and an AVC codec licence added, computed with its
//! what-if, as the Stack page does on every edit. Figures go to docs/performance.md.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use poolcalc_engine::stack::{
    PoolSet, Stack, WhatIf, compute_stack, compute_what_if, load_stack, pool_set,
};
use poolcalc_engine::{Pool, load_dataset};
use serde_json::{Value, json};

fn public(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../public")
        .join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(public(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The six-pool stack of the browser timing test, its pools loaded once (as the page keeps
/// them) and one what-if change, as after an edit of a rate factor.
fn six_pools() -> (Stack, PoolSet) {
    let mut v: Value = serde_json::from_str(&read("stacks/4k-tv.json")).unwrap_or_default();
    if let Some(l) = v["licences"].as_array_mut() {
        l.push(json!({"id": "wifi7", "type": "pool", "dataset": "wifi-style", "product": "wifi7-end-product"}));
        l.push(
            json!({"id": "avc-codec", "type": "pool", "dataset": "avc-style", "product": "codec"}),
        );
    }
    v["what_if"] = json!([{"type": "scale_rates", "licence": "wifi", "factor": "0.7"}]);
    let stack = load_stack(&v.to_string()).unwrap_or_else(|i| panic!("{i:#?}"));
    let index: Value = serde_json::from_str(&read("datasets/index.json")).unwrap_or_default();
    let files: BTreeMap<String, String> = index["datasets"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| Some((e["id"].as_str()?.to_owned(), e["file"].as_str()?.to_owned())))
        .collect();
    let pools = pool_set(&stack, |id| {
        let file = files.get(id).ok_or_else(|| format!("no {id}"))?;
        let d = load_dataset(&read(&format!("datasets/{file}"))).map_err(|i| format!("{i:?}"))?;
        Ok(Arc::new(Pool::new(d)))
    })
    .unwrap_or_else(|i| panic!("{i:#?}"));
    (stack, pools)
}

fn bench(c: &mut Criterion) {
    let (stack, pools) = six_pools();
    let what_if: Vec<WhatIf> = stack.what_if.clone();
    let years = compute_stack(&stack, &pools)
        .map(|r| r.years.len())
        .unwrap_or(0);
    assert_eq!(
        (stack.licences.len(), years),
        (6, 5),
        "6 pools over 5 years"
    );
    c.bench_function("stack: 6 pools × 5 years, report + what-if", |b| {
        b.iter(|| {
            let report =
                compute_stack(black_box(&stack), &pools).unwrap_or_else(|i| panic!("{i:?}"));
            black_box(compute_what_if(&stack, &pools, &what_if, &report).is_ok())
        });
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
