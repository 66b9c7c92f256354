//! The command-line contract (spec section 6), run as a user would.

mod common;

use std::path::PathBuf;

use common::{json, poolcalc};

fn data(file: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../engine/tests/data")
        .join(file)
        .to_string_lossy()
        .into_owned()
}

fn read(file: &str) -> String {
    std::fs::read_to_string(data(file)).unwrap_or_default()
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("poolcalc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path.to_string_lossy().into_owned()
}

#[test]
fn fees_json_matches_the_worked_example() {
    let (ok, out, err) = poolcalc(&[
        "fees",
        "--dataset",
        &data("pool.json"),
        "--usage",
        &data("usage.json"),
        "--json",
    ]);
    assert!(ok, "{err}");
    assert_eq!(json(&out), json(&read("expected-fees.json")));
}

#[test]
fn distribute_json_matches_for_every_method() {
    let expected = json(&read("expected-distribute-2028.json"));
    let (ok, out, err) = poolcalc(&[
        "distribute",
        "--dataset",
        &data("pool.json"),
        "--year",
        "2028",
        "--json",
    ]);
    assert!(ok, "{err}");
    assert_eq!(json(&out), expected["per_patent"]);
    for method in ["per_family", "weighted"] {
        let (_, out, _) = poolcalc(&[
            "distribute",
            "--dataset",
            &data("pool.json"),
            "--year",
            "2028",
            "--method",
            method,
            "--json",
        ]);
        assert_eq!(json(&out), expected[method], "{method}");
    }
}

#[test]
fn validate_lists_every_problem_and_fails() {
    let mut v = json(&read("pool.json"));
    v["patents"][1]["expires"] = serde_json::json!("2020-01-01");
    v["members"][0]["country"] = serde_json::json!("usa");
    let bad = temp_file("bad.json", &v.to_string());
    let (ok, out, _) = poolcalc(&["validate", &bad]);
    assert!(!ok);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines.iter().any(|l| l.starts_with("patents[1].expires: ")));
    assert!(lines.iter().any(|l| l.starts_with("members[0].country: ")));
    let (ok, out, _) = poolcalc(&["validate", &data("pool.json")]);
    assert!(ok && out.starts_with("valid: Worked example pool"), "{out}");
}

#[test]
fn a_scenario_changes_fees_and_shares() {
    let s = temp_file(
        "double.json",
        r#"{"format": "poolcalc-scenario", "version": 1, "name": "double", "changes": [{"type": "scale_rates", "factor": "2"}, {"type": "set_management_fee", "management_fee": {"percent": "0"}}]}"#,
    );
    let (ok, out, err) = poolcalc(&[
        "fees",
        "--dataset",
        &data("pool.json"),
        "--usage",
        &data("usage.json"),
        "--scenario",
        &s,
        "--json",
    ]);
    assert!(ok, "{err}");
    // 2028: 4,000 decoders at 0.15 doubled is 1,200.00, lowered to the codec group cap of 1,000.
    assert_eq!(json(&out)["years"][2]["payable"], "1000.00");
    let (ok, out, err) = poolcalc(&[
        "distribute",
        "--dataset",
        &data("pool.json"),
        "--year",
        "2028",
        "--scenario",
        &s,
        "--json",
    ]);
    assert!(ok, "{err}");
    assert_eq!(json(&out)["management_fee"], "0.00");
}

#[test]
fn synth_is_deterministic_and_valid() {
    let args = [
        "synth",
        "--members",
        "7",
        "--patents",
        "300",
        "--countries",
        "12",
        "--licensees",
        "9",
        "--from",
        "2026",
        "--to",
        "2030",
        "--seed",
        "42",
    ];
    let (ok, first, err) = poolcalc(&args);
    assert!(ok, "{err}");
    let (_, second, _) = poolcalc(&args);
    assert_eq!(first, second, "same arguments, same bytes");
    let dataset = poolcalc_engine::load_dataset(&first)
        .unwrap_or_else(|e| panic!("synth output invalid: {e:?}"));
    assert_eq!(
        (
            dataset.members.len(),
            dataset.patents.len(),
            dataset.licensees.len()
        ),
        (7, 300, 9)
    );
    let (_, other, _) = poolcalc(&[
        "synth",
        "--members",
        "7",
        "--patents",
        "300",
        "--countries",
        "12",
        "--licensees",
        "9",
        "--from",
        "2026",
        "--to",
        "2030",
        "--seed",
        "43",
    ]);
    assert_ne!(first, other);
}
