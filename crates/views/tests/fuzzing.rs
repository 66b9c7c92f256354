//! A bounded mutation fuzzer on stable Rust: each target of `crates/engine/fuzz` (datasets,
//! scenarios, share links, CSV imports) runs on its seed corpus and on inputs mutated from it
//! (bytes flipped, cut, repeated and spliced; numbers, dates and JSON tokens swapped for
//! extreme ones; for JSON, values of the tree replaced, removed, repeated or grafted from
//! another seed). Nothing may panic. `cargo test` runs a short round of each target;
//! `POOLCALC_FUZZ_RUNS=200000 cargo test --release -p poolcalc-engine --test fuzzing -- --nocapture`
//! runs a long one (docs/fuzzing.md). An input that panics is written to
//! `target/fuzz-crashes/` and named in the failure.

#[path = "fuzz/bodies.rs"]
mod bodies;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Instant;

use poolcalc_engine::scenario::load_scenario;
use poolcalc_engine::scenario::share_link::encode_share;
// SplitMix64: the same mutations on every machine, so a failure reproduces.
use poolcalc_engine::io::synth::Rng;

/// Tokens that reach the edges: the largest numbers, dates out of range, JSON structure, a
/// byte-order mark, control characters, CSV quoting and formulas.
const TOKENS: &[&str] = &[
    "1000000000000",
    "1000000000001",
    "18446744073709551615",
    "99999999999999999999999999999",
    "79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "-1",
    "1e400",
    "\"1000000000000\"",
    "\"0.999999999999\"",
    "\"-0\"",
    "0001-01-01",
    "9999-12-31",
    "1899-12-31",
    "2200-12-31",
    "2020-02-30",
    "2147483647",
    "-2147483648",
    "null",
    "true",
    "[]",
    "{}",
    "\"",
    ",",
    "\n",
    "\r\n",
    "\u{feff}",
    "\u{1b}[2J",
    "\u{0}",
    "=cmd|' /C calc'!A0",
    "'=",
    "\"\"",
    "*",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let len = input.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                input[i] = u8::try_from(rng.below(256)).unwrap_or(0);
            }
            2 if len > 0 => {
                let at = rng.below(len);
                let n = rng.below((len - at).min(64) + 1);
                input.drain(at..at + n);
            }
            3 if len > 0 => {
                let at = rng.below(len);
                let n = rng.below((len - at).min(256) + 1);
                let copy = input[at..at + n].to_vec();
                let to = rng.below(input.len() + 1);
                for _ in 0..1 + rng.below(3) {
                    input.splice(to..to, copy.iter().copied());
                }
            }
            4 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let to = rng.below(len + 1);
                input.splice(to..to, token.iter().copied());
            }
            5 if len > 0 => {
                // A run of digits replaced by an extreme number.
                let at = rng.below(len);
                if let Some(start) = (at..len).find(|&i| input[i].is_ascii_digit()) {
                    let end = (start..len)
                        .find(|&i| !input[i].is_ascii_digit())
                        .unwrap_or(len);
                    let token = TOKENS[rng.below(9)].trim_matches('"').as_bytes();
                    input.splice(start..end, token.iter().copied());
                }
            }
            6 if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let at = rng.below(other.len());
                    let n = rng.below((other.len() - at).min(512) + 1);
                    let to = rng.below(len + 1);
                    input.splice(to..to, other[at..at + n].iter().copied());
                }
            }
            _ if len > 1 => input.truncate(rng.below(len)),
            _ => input.extend_from_slice(TOKENS[rng.below(TOKENS.len())].as_bytes()),
        }
    }
    input.truncate(1 << 20);
}

/// Values a JSON mutation puts in place of another.
fn extreme(rng: &mut Rng) -> serde_json::Value {
    use serde_json::json;
    match rng.below(6) {
        0 => json!(TOKENS[rng.below(TOKENS.len())]),
        1 => json!(TOKENS[rng.below(9)].trim_matches('"')),
        2 => [
            json!(u64::MAX),
            json!(i64::MIN),
            json!(0),
            json!(1_000_000_000_000u64),
            json!(2200),
            json!(1899),
        ][rng.below(6)]
        .clone(),
        3 => serde_json::Value::Null,
        4 => json!([]),
        _ => json!({}),
    }
}

/// A mutation that keeps the text JSON: a value somewhere is replaced by an extreme one, an
/// object loses a field, a list item is repeated (up to 2,000 times) or dropped, or a value
/// comes from another seed. Reaches the checks behind the syntax that byte mutations rarely
/// get past.
fn mutate_json(rng: &mut Rng, seeds: &[serde_json::Value], v: &mut serde_json::Value) {
    use serde_json::Value;
    // A random node, found as a JSON pointer (then borrowed mutably once).
    let mut pointer = String::new();
    let mut at: &Value = v;
    for _ in 0..rng.below(8) {
        let (key, next) = match at {
            Value::Array(items) if !items.is_empty() => {
                let i = rng.below(items.len());
                (i.to_string(), &items[i])
            }
            Value::Object(map) if !map.is_empty() => {
                let (k, next) = map
                    .iter()
                    .nth(rng.below(map.len()))
                    .unwrap_or_else(|| unreachable!());
                (k.replace('~', "~0").replace('/', "~1"), next)
            }
            _ => break,
        };
        pointer.push('/');
        pointer.push_str(&key);
        at = next;
    }
    let Some(node) = v.pointer_mut(&pointer) else {
        return;
    };
    match (rng.below(5), node) {
        (0, Value::Object(map)) if !map.is_empty() => {
            let key = map
                .keys()
                .nth(rng.below(map.len()))
                .cloned()
                .unwrap_or_default();
            map.remove(&key);
        }
        (1, Value::Array(items)) if !items.is_empty() => {
            let item = items[rng.below(items.len())].clone();
            let times = [1, 2, 10, 2000][rng.below(4)];
            items.extend(std::iter::repeat_n(item, times));
        }
        (2, Value::Array(items)) if !items.is_empty() => {
            items.remove(rng.below(items.len()));
        }
        (3, node) if !seeds.is_empty() => {
            // A subtree of another seed (or the whole of it).
            let mut other = &seeds[rng.below(seeds.len())];
            for _ in 0..rng.below(4) {
                other = match other {
                    Value::Array(items) if !items.is_empty() => &items[rng.below(items.len())],
                    Value::Object(map) if !map.is_empty() => {
                        map.values().nth(rng.below(map.len())).unwrap_or(other)
                    }
                    _ => break,
                };
            }
            *node = other.clone();
        }
        (_, node) => *node = extreme(rng),
    }
}

fn corpus(name: &str) -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../engine/fuzz/corpus")
        .join(name);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let seeds: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds
}

/// How many mutated inputs each target runs: a short round by default.
fn runs() -> usize {
    std::env::var("POOLCALC_FUZZ_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

fn fuzz(name: &str, seeds: Vec<Vec<u8>>, target: fn(&[u8])) {
    let started = Instant::now();
    let mut rng = Rng(0x5EED ^ name.len() as u64);
    let total = runs();
    let try_one = |input: &[u8], n: usize| {
        if catch_unwind(AssertUnwindSafe(|| target(input))).is_err() {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-crashes");
            let _ = std::fs::create_dir_all(&dir);
            let file = dir.join(format!("{name}-{n}"));
            let _ = std::fs::write(&file, input);
            panic!("{name}: input {n} panicked; it is in {}", file.display());
        }
    };
    for (n, seed) in seeds.iter().enumerate() {
        try_one(seed, n);
    }
    let trees: Vec<serde_json::Value> = seeds
        .iter()
        .filter_map(|s| serde_json::from_slice(s).ok())
        .collect();
    // Mutations build on each other for a while, then start again from a seed. Half of the
    // JSON seeds' runs mutate the tree, half the bytes.
    let mut input = Vec::new();
    for n in 0..total {
        if n % 16 == 0 {
            input.clone_from(&seeds[rng.below(seeds.len())]);
        }
        let tree = (!trees.is_empty() && rng.below(2) == 0)
            .then(|| serde_json::from_slice::<serde_json::Value>(&input).ok())
            .flatten();
        match tree {
            Some(mut v) => {
                mutate_json(&mut rng, &trees, &mut v);
                input = serde_json::to_vec(&v).unwrap_or_default();
            }
            None => mutate(&mut rng, &seeds, &mut input),
        }
        try_one(&input, n);
    }
    println!(
        "fuzz {name}: {} seeds and {total} mutated inputs in {:.1} s, no panic",
        seeds.len(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn datasets() {
    fuzz(
        "load_and_compute",
        corpus("load_and_compute"),
        bodies::dataset,
    );
}

#[test]
fn scenarios() {
    fuzz("scenario", corpus("scenario"), bodies::scenario);
}

#[test]
fn share_links() {
    // The scenario corpus and its links are the seeds: the target reads each input as a
    // link and as what a link carries.
    let scenarios = corpus("scenario");
    let seeds = scenarios
        .iter()
        .filter_map(|s| load_scenario(&String::from_utf8_lossy(s)).ok())
        .map(|s| encode_share(&s).into_bytes())
        .chain(corpus("share_link"))
        .chain(scenarios.iter().cloned())
        .collect();
    fuzz("share_link", seeds, bodies::share_link);
}

#[test]
fn csv_imports() {
    fuzz("csv_import", corpus("csv_import"), bodies::csv_import);
}
