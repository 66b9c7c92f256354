//! The command-line contract (spec section 6), run as a user would.

use std::path::PathBuf;
use std::process::Command;

fn data(file: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../engine/tests/data")
        .join(file)
        .to_string_lossy()
        .into_owned()
}

fn poolcalc(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_poolcalc"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run poolcalc: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
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

#[test]
fn report_json_is_the_engines_report_card() {
    use poolcalc_engine::report_card::{Options, report_card, report_json};
    let text = read("pool.json");
    let pool = poolcalc_engine::Pool::new(
        poolcalc_engine::load_dataset(&text).unwrap_or_else(|e| panic!("{e:?}")),
    );
    let (ok, out, err) = poolcalc(&["report", "--dataset", &data("pool.json"), "--json"]);
    assert!(ok, "{err}");
    assert_eq!(
        json(&out),
        report_json(&report_card(&pool, &Options::default()))
    );
    // The spec's split of 2028: 1250 of income, 10 % of it to the administrator.
    let fee = &json(&out)["sections"][4]["indicators"][0];
    assert_eq!(
        (&fee["id"], &fee["rows"][0]["value"]),
        (&"management_fee".into(), &"125.00".into())
    );
    let (ok, text, err) = poolcalc(&["report", "--dataset", &data("pool.json"), "--year", "2028"]);
    assert!(ok, "{err}");
    assert!(text.contains("management_fee pool: 125.00 (0.1)"), "{text}");
}

#[test]
fn report_applies_a_scenario_and_exports_csv_a_spreadsheet_cannot_run() {
    let s = temp_file(
        "fee20.json",
        r#"{"format": "poolcalc-scenario", "version": 1, "name": "fee 20 %", "changes": [{"type": "set_management_fee", "management_fee": {"percent": "0.2"}}]}"#,
    );
    let (ok, out, err) = poolcalc(&[
        "report",
        "--dataset",
        &data("pool.json"),
        "--scenario",
        &s,
        "--json",
    ]);
    assert!(ok, "{err}");
    let v = json(&out);
    assert_eq!(v["scenario"], "fee 20 %");
    assert_eq!(
        v["sections"][4]["indicators"][0]["rows"][0]["value"],
        "250.00"
    );
    // A member whose id a spreadsheet would take for a formula.
    let mut d = json(&read("pool.json"));
    d["members"][0]["id"] = "=HYPERLINK(1)".into();
    for p in d["patents"].as_array_mut().into_iter().flatten() {
        if p["member"] == "alpha" {
            p["member"] = "=HYPERLINK(1)".into();
        }
    }
    let f = temp_file("formula-member.json", &d.to_string());
    let (ok, csv, err) = poolcalc(&["report", "--dataset", &f, "--csv"]);
    assert!(ok, "{err}");
    assert!(
        csv.starts_with("section,indicator,subject_kind,subject,"),
        "{csv}"
    );
    assert!(csv.contains(",member,'=HYPERLINK(1),"), "{csv}");
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
    // One line per indicator row, after the header.
    let (_, out, _) = poolcalc(&["report", "--dataset", &f, "--json"]);
    let rows: usize = json(&out)["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["indicators"].as_array().into_iter().flatten())
        .map(|i| i["rows"].as_array().map_or(0, Vec::len))
        .sum();
    // No cell holds a line break, so lines are records.
    assert_eq!(csv.lines().count(), rows + 1);
}
