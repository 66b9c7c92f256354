//! Mutations of small datasets for the comparison of the paths: changes of structure (a
//! field removed, nulled, retyped, added; an item removed or repeated; a value nudged) and of
//! text (a repeated or escaped key, a byte-order mark, a byte removed). Most make a dataset
//! invalid in one place; some keep it valid, so the fast path is compared there too.

use std::sync::OnceLock;

use serde_json::{Value, json};

use crate::io::synth::{Rng, SynthOptions, synthesize};

/// One of the base datasets, by `seed`.
pub(super) fn base(seed: u64) -> &'static Value {
    static BASES: OnceLock<Vec<Value>> = OnceLock::new();
    let bases = BASES.get_or_init(|| {
        let mut out = Vec::new();
        for name in [
            "../../public/datasets/worked-example.json",
            "../../public/datasets/avs-style.json",
            // The spec's version 2 example.
            "tests/data/v2/pool.json",
        ] {
            let path = format!("{}/{name}", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            out.push(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}")));
        }
        let opts = SynthOptions {
            members: 4,
            patents: 30,
            countries: 5,
            licensees: 3,
            from: 2026,
            to: 2028,
            seed: 3,
        };
        let synth = synthesize(&opts).unwrap_or_else(|e| panic!("{e}"));
        out.push(serde_json::from_str(&synth.to_compact_json()).unwrap_or(Value::Null));
        out
    });
    &bases[(seed % bases.len() as u64) as usize]
}

/// `base` after `count` mutations drawn from `seed`, as text.
pub(super) fn mutated(base: &Value, seed: u64, count: usize) -> String {
    let mut rng = Rng(seed);
    let mut v = base.clone();
    for _ in 0..count {
        mutate_node(pick(&mut v, &mut rng), &mut rng);
    }
    let mut text = if rng.below(2) == 0 {
        v.to_string()
    } else {
        serde_json::to_string_pretty(&v).unwrap_or_default()
    };
    if rng.below(3) == 0 {
        text = mutate_text(&text, &mut rng);
    }
    text
}

/// A node of the tree, reached by a random walk from the root.
fn pick<'v>(v: &'v mut Value, rng: &mut Rng) -> &'v mut Value {
    let stop = rng.below(4) == 0;
    let len = match &*v {
        Value::Array(items) => items.len(),
        Value::Object(map) => map.len(),
        _ => 0,
    };
    if stop || len == 0 {
        return v;
    }
    let i = rng.below(len);
    match v {
        Value::Array(items) => pick(&mut items[i], rng),
        Value::Object(map) => match map.values_mut().nth(i) {
            Some(child) => pick(child, rng),
            None => unreachable!("{i} < {len}"),
        },
        _ => unreachable!("only containers have children"),
    }
}

/// Values a field may be turned into: right and wrong types, edge values, bad codes.
fn replacements() -> Vec<Value> {
    vec![
        json!(null),
        json!(1),
        json!(-1),
        json!(1.5),
        json!(0),
        json!(1_000_000_000_001u64),
        json!(2201),
        json!(""),
        json!(" x"),
        json!("abc"),
        json!("US"),
        json!("us"),
        json!("2026-02-30"),
        json!("2027-01-01"),
        json!("2201-01-01"),
        json!("0.5"),
        json!("-0.5"),
        json!("1e3"),
        json!("12345678901234567890123456789"),
        json!(true),
        json!([]),
        json!({}),
        json!("pending"),
        json!({"en": "x"}),
        json!({"xx-": "x"}),
    ]
}

fn mutate_node(v: &mut Value, rng: &mut Rng) {
    match rng.below(8) {
        0 => *v = Value::Null,
        1 => {
            let all = replacements();
            *v = all[rng.below(all.len())].clone();
        }
        2 => {
            if let Value::Object(map) = v
                && let Some(k) = map.keys().nth(rng.below(map.len())).cloned()
            {
                map.remove(&k);
            }
        }
        3 => {
            if let Value::Object(map) = v {
                let (k, x) = if rng.below(2) == 0 {
                    ("zz", json!(1))
                } else {
                    ("extensions", json!({"note": [1, {"a": null}]}))
                };
                map.insert(k.to_owned(), x);
            }
        }
        4 => {
            if let Value::Array(items) = v
                && !items.is_empty()
            {
                let i = rng.below(items.len());
                if rng.below(2) == 0 {
                    items.remove(i);
                } else {
                    let copy = items[i].clone();
                    items.insert(i, copy);
                }
            }
        }
        5 => match v {
            Value::Number(n) => {
                let n = n.as_i64().unwrap_or(0);
                *v = json!([n + 1, n - 1, n * 1000][rng.below(3)]);
            }
            Value::String(s) => {
                let changed = [
                    format!("{s} "),
                    s.to_uppercase(),
                    String::new(),
                    s.chars().skip(1).collect(),
                ];
                *v = Value::String(changed[rng.below(4)].clone());
            }
            _ => {}
        },
        6 => *v = json!([v.clone()]),
        _ => {
            // Kept as it is: a mutation that leaves the dataset valid.
        }
    }
}

/// A change of the text only: what a tree of values cannot hold.
fn mutate_text(text: &str, rng: &mut Rng) -> String {
    let keys: Vec<usize> = text.match_indices("{\"").map(|(i, _)| i).collect();
    let at = keys.get(rng.below(keys.len())).copied().unwrap_or(0);
    match rng.below(4) {
        // A key written twice: the careful reader keeps the last, serde refuses.
        0 => format!("{}{{\"id\":\"dup\",{}", &text[..at], &text[at + 1..]),
        // A key with an escape, the same key to the careful reader.
        1 => format!(
            "{}{{\"\\u00{:02x}{}",
            &text[..at],
            text.as_bytes().get(at + 2).copied().unwrap_or(b'a'),
            &text[(at + 3).min(text.len())..]
        ),
        2 => format!("\u{feff}{text}"),
        _ => {
            let mut cut = rng.below(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let next = text[cut..].chars().next().map_or(0, char::len_utf8);
            format!("{}{}", &text[..cut], &text[cut + next..])
        }
    }
}
