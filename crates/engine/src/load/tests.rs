//! The fast path, the loader in steps and the careful reader give one result: the same
//! dataset, or the same problems at the same paths, on the bundled datasets, the spec's
//! example, synthetic pools and mutations of them.

mod mutate;

use proptest::prelude::*;

use super::*;
use crate::io::fast::read_dataset as fast_read;
use crate::io::synth::{SynthOptions, synthesize};

/// What the careful reader reads, before the rules relating parts: the dataset when it found
/// no problem in any field.
fn careful_read(text: &str) -> Option<Dataset> {
    let value = parse_json(text).ok()?;
    let mut r = Reader::default();
    let d = crate::io::read::read_dataset(&mut r, &value);
    d.filter(|_| r.issues.is_empty())
}

/// The loader run to its end in steps of `per_step` items, its progress checked on the way.
fn load_in_steps(text: &str, per_step: usize) -> Result<Pool, Vec<Issue>> {
    let mut loader = Loader::new(text.to_owned());
    let mut last = loader.progress();
    for _ in 0..10_000_000 {
        let p = loader.step(per_step);
        assert!((0.0..=1.0).contains(&p.fraction), "{p:?}");
        assert!(p.fraction >= last.fraction, "{last:?} then {p:?}");
        last = p;
        if p.phase == Phase::Done {
            break;
        }
    }
    assert_eq!(last.phase, Phase::Done);
    let result = loader.finish();
    assert!(loader.finish().is_none(), "the result is given once");
    result.unwrap_or_else(|| panic!("done without a result"))
}

/// A deferring loader run to its end, the caller running the careful reader when handed the
/// text (as the browser does with the reader in a chunk of its own).
fn load_deferring(text: &str, per_step: usize) -> Result<Pool, Vec<Issue>> {
    let mut loader = Loader::deferring(text.to_owned());
    let mut handed = 0;
    for _ in 0..10_000_000 {
        if loader.step(per_step).phase == Phase::Done {
            break;
        }
        if let Some(refused) = loader.take_refused() {
            handed += 1;
            assert_eq!(refused, text, "the refused text is the whole text");
            assert!(
                loader.take_refused().is_none(),
                "the text is handed out once"
            );
            loader.resume(read_carefully(&refused));
        }
    }
    assert!(handed <= 1);
    loader
        .finish()
        .unwrap_or_else(|| panic!("done without a result"))
}

/// The text read in steps by the fast path alone (`None`: it refused).
fn stream_read(text: &str, per_step: usize) -> Option<Dataset> {
    let mut stream = Stream::new(text);
    loop {
        match stream.step(text, per_step) {
            Status::Reading => {}
            Status::Scanned => return stream.finish(text),
            Status::Refused => return None,
        }
    }
}

/// Every path gives the careful reader's result for `text`; returns whether the fast path
/// took it, at once and in steps.
fn same_everywhere(text: &str, per_step: usize) -> (bool, bool) {
    let expected = read_carefully(text);
    assert_eq!(load_dataset(text), expected, "load_dataset on {text:.300}");
    let stepped = load_in_steps(text, per_step).map(|p| p.dataset().clone());
    assert_eq!(stepped, expected, "the loader on {text:.300}");
    let deferred = load_deferring(text, per_step).map(|p| p.dataset().clone());
    assert_eq!(deferred, expected, "the deferring loader on {text:.300}");
    let fast = fast_read(text);
    let streamed = stream_read(text, per_step);
    if fast.is_some() || streamed.is_some() {
        let read = careful_read(text);
        assert!(
            read.is_some(),
            "the fast path took what the careful reader refuses: {text:.300}"
        );
        for d in [&fast, &streamed].into_iter().flatten() {
            assert_eq!(Some(d), read.as_ref(), "{text:.300}");
        }
    }
    (fast.is_some(), streamed.is_some())
}

fn bundled() -> Vec<(String, String)> {
    let dirs = [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/datasets"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data"),
        // The spec's version 2 example, which uses every rule of version 2.
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/v2"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/load_and_compute"),
    ];
    let mut out = Vec::new();
    for dir in dirs {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "json") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.push((path.display().to_string(), text));
            }
        }
    }
    out.sort();
    out
}

fn synth(members: usize, patents: usize, licensees: usize, seed: u64) -> String {
    let opts = SynthOptions {
        members,
        patents,
        countries: 12,
        licensees,
        from: 2026,
        // Twenty years: a licensee then holds a hundred objects and more.
        to: 2045,
        seed,
    };
    synthesize(&opts)
        .unwrap_or_else(|e| panic!("{e}"))
        .to_compact_json()
}

#[test]
fn bundled_datasets_and_the_spec_example_load_alike_and_fast() {
    for (name, text) in bundled() {
        let valid = read_carefully(&text).is_ok();
        let fast = same_everywhere(&text, 7);
        // Every valid dataset takes the fast path (or the speed work would not show).
        assert_eq!(
            fast,
            (valid, valid),
            "{name}: fast paths {fast:?}, valid {valid}"
        );
    }
}

#[test]
fn synthetic_pools_load_alike_and_fast_in_any_step_size() {
    for (seed, per_step) in [(1, 1), (2, 5), (3, 1000)] {
        let text = synth(20, 400, 10, seed);
        assert_eq!(
            same_everywhere(&text, per_step),
            (true, true),
            "seed {seed}"
        );
        let pretty = synthesize(&SynthOptions {
            members: 5,
            patents: 50,
            countries: 4,
            licensees: 3,
            from: 2026,
            to: 2027,
            seed,
        })
        .map(|d| d.to_json())
        .unwrap_or_default();
        assert_eq!(
            same_everywhere(&pretty, per_step),
            (true, true),
            "seed {seed}"
        );
    }
}

#[test]
fn the_loader_lets_go_of_the_text_and_gives_the_same_pool() {
    let text = synth(30, 2000, 40, 9);
    let mut loader = Loader::new(text.clone());
    let mut steps = 0;
    while loader.step(100).phase != Phase::Done {
        steps += 1;
        if loader.progress().phase != Phase::Reading {
            assert!(loader.text.is_empty(), "the text is kept after reading");
        }
    }
    // 2,000 patents and 40 licensees read in steps of 100, validated, their days counted in
    // two passes of 100 patents a step, the lookups built.
    assert!(steps > 60, "{steps} steps");
    let stepped = loader
        .finish()
        .and_then(Result::ok)
        .map(|p| format!("{:?}", p.index()));
    let once = load_dataset(&text)
        .ok()
        .map(|d| format!("{:?}", Pool::new(d).index()));
    assert!(stepped.is_some());
    assert_eq!(stepped, once);
}

#[test]
fn texts_the_fast_path_must_refuse() {
    let good = synth(3, 5, 2, 4);
    let cases = [
        // A list of the fields in order would be read by serde's derived structs.
        good.replacen("\"patents\":[{", "\"patents\":[[\"p\"],{", 1),
        format!("[{good}]"),
        good.replacen("{\"format\"", "{\"format\":\"x\",\"format\"", 1),
        good.replacen("\"patents\"", "\"pat\\u0065nts\"", 1),
        good.replacen("\"id\":\"p", "\"id\":\"p\",\"id\":\"q", 1),
        good.replacen("\"units\":", "\"units\":-0,\"x\":", 1),
        good.replacen("\"weight\":\"", "\"weight\":1,\"w\":\"", 1),
        good.replacen("\"country\":\"", "\"country\":\"x", 1),
        good.replacen("\"zh\":", "\"zh-\":", 1),
        good.replacen(
            "{\"id\":\"p",
            &format!(
                "{{\"extensions\":{}0{},\"id\":\"p",
                "[".repeat(126),
                "]".repeat(126)
            ),
            1,
        ),
        good.replacen("\"status\":\"in_force\"", "\"status\":\"in force\"", 1),
        format!("{good},"),
        good.replacen("},{\"id\":\"p", "} {\"id\":\"p", 1),
        good.replacen("}]", "},]", 1),
        format!("\u{feff}{good}"),
        good.replacen("\"licensees\":[", "\"licensees\":null,\"x\":[", 1),
    ];
    for (i, text) in cases.iter().enumerate() {
        assert!(text != &good, "case {i} changed nothing");
        same_everywhere(text, 2);
    }
    // Extensions nested 90 deep in a patent and in the pool are within every path's limits.
    let deep = |n: usize| format!("\"extensions\":{}0{},", "[".repeat(n), "]".repeat(n));
    let nested = good
        .replacen("{\"id\":\"p", &format!("{{{}\"id\":\"p", deep(90)), 1)
        .replacen("\"pool\":{", &format!("\"pool\":{{{}", deep(90)), 1);
    assert_eq!(same_everywhere(&nested, 2), (true, true));
    // A version 2 field in a version 1 file is the careful reader's to name; in a version 2
    // file it is read fast.
    let made_in = good.replacen("\"units\":", "\"made_in\":\"DE\",\"units\":", 1);
    assert_eq!(same_everywhere(&made_in, 3), (false, false));
    let v2 = made_in.replacen("\"version\":1", "\"version\":2", 1);
    assert_eq!(same_everywhere(&v2, 3), (true, true));
    let service = v2.replacen("\"units\":", "\"users\":", 1);
    same_everywhere(&service, 3);
    // A byte-order mark is fine on both paths.
    assert_eq!(same_everywhere(&format!("\u{feff}{good}"), 3), (true, true));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn mutated_datasets_load_alike(seed in any::<u64>(), count in 1usize..4, per_step in 1usize..50) {
        let base = mutate::base(seed);
        let text = mutate::mutated(base, seed, count);
        same_everywhere(&text, per_step);
    }
}
