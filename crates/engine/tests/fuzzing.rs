//! A bounded mutation fuzzer on stable Rust: each target of `crates/engine/fuzz` (datasets,
//! scenarios, share links, CSV imports) runs on its seed corpus and on inputs mutated from it
//! (bytes flipped, cut, repeated and spliced; numbers, dates and JSON tokens swapped for
//! extreme ones). Nothing may panic. `cargo test` runs a short round of each target;
//! `POOLCALC_FUZZ_RUNS=200000 cargo test --release -p poolcalc-engine --test fuzzing -- --nocapture`
//! runs a long one (docs/fuzzing.md). An input that panics is written to
//! `target/fuzz-crashes/` and named in the failure.

#[path = "fuzz/bodies.rs"]
mod bodies;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Instant;

use poolcalc_engine::scenario::load_scenario;
use poolcalc_engine::share_link::encode_share;

/// SplitMix64: the same mutations on every machine, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next() % n as u64).unwrap_or(0)
        }
    }
}

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

fn corpus(name: &str) -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
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
    // Mutations build on each other for a while, then start again from a seed.
    let mut input = Vec::new();
    for n in 0..total {
        if n % 16 == 0 {
            input.clone_from(&seeds[rng.below(seeds.len())]);
        }
        mutate(&mut rng, &seeds, &mut input);
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
    // The corpus holds scenarios; their links are the seeds.
    let seeds = corpus("scenario")
        .iter()
        .filter_map(|s| load_scenario(&String::from_utf8_lossy(s)).ok())
        .map(|s| encode_share(&s).into_bytes())
        .chain(corpus("share_link"))
        .collect();
    fuzz("share_link", seeds, bodies::share_link);
}

#[test]
fn csv_imports() {
    fuzz("csv_import", corpus("csv_import"), bodies::csv_import);
}
