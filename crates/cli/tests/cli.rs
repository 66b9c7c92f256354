//! The command-line contract (spec section 6), run as a user would.

mod common;

use common::{fees_json, json, poolcalc, temp_file, test_data as data};

fn read(file: &str) -> String {
    std::fs::read_to_string(data(file)).unwrap_or_default()
}

#[test]
fn fees_json_matches_the_worked_example() {
    let got = fees_json(&data("pool.json"), &data("usage.json"));
    assert_eq!(got, json(&read("expected-fees.json")));
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
fn an_out_of_range_year_is_a_clear_error() {
    for year in ["99999", "1", "1899"] {
        let (ok, out, err) = poolcalc(&[
            "distribute",
            "--dataset",
            &data("pool.json"),
            "--year",
            year,
        ]);
        assert!(!ok, "{year}: {out}");
        assert!(err.contains("1900..=2200"), "{year}: {err}");
    }
}

#[test]
fn synth_refuses_absurd_sizes_with_a_message() {
    for args in [
        ["--patents", "100000000000"],
        ["--licensees", "1000000000"],
        ["--members", "99999999"],
        ["--to", "2200"],
    ] {
        let (ok, out, err) = poolcalc(&[&["synth"][..], &args[..]].concat());
        assert!(!ok && out.is_empty(), "{args:?}: {out:.100}");
        assert!(err.starts_with("poolcalc: "), "{args:?}: {err}");
    }
}

#[test]
fn dataset_text_never_reaches_the_terminal_as_control_characters() {
    let mut v = json(&read("pool.json"));
    v["pool"]["name"] = serde_json::json!("Pool\u{1b}]0;owned\u{7}\u{9b}2J\u{202e}");
    v["patents"][0]["member"] = serde_json::json!("alpha\u{1b}[31m");
    let path = temp_file("controls.json", &v.to_string());
    let (ok, out, err) = poolcalc(&["validate", &path]);
    // A patent of an unknown member: the problem quotes the id.
    assert!(!ok, "{out}");
    for text in [&out, &err] {
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
    }
    assert!(out.contains("unknown member \"alpha\\u001b[31m\""), "{out}");
    v["patents"][0]["member"] = serde_json::json!("alpha");
    let path = temp_file("controls-valid.json", &v.to_string());
    let (ok, out, err) = poolcalc(&["validate", &path]);
    assert!(ok, "{err}");
    assert!(
        out.contains("Pool\\u001b]0;owned\\u0007\\u009b2J\\u202e"),
        "{out}"
    );
    let (ok, out, err) = poolcalc(&["distribute", "--dataset", &path, "--year", "2028", "--json"]);
    assert!(ok, "{err}");
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
}

#[test]
fn a_byte_order_mark_and_endless_or_binary_input_end_in_a_message() {
    let path = temp_file("bom.json", &format!("\u{feff}{}", read("pool.json")));
    let (ok, _, err) = poolcalc(&["validate", &path]);
    assert!(ok, "{err}");
    let binary = std::env::temp_dir().join(format!("poolcalc-cli-{}-binary", std::process::id()));
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x7b]).unwrap_or_else(|e| panic!("{e}"));
    let (ok, _, err) = poolcalc(&["validate", &binary.to_string_lossy()]);
    assert!(!ok && err.contains("not UTF-8"), "{err}");
    // An endless file is refused once it passes the size limit, not read into all memory.
    let (ok, _, err) = poolcalc(&["validate", "/dev/zero"]);
    assert!(!ok && err.contains("larger than 256 MiB"), "{err}");
}

#[test]
fn totals_too_large_to_compute_are_a_message_not_an_abort() {
    let mut v = json(&read("pool.json"));
    for line in v["rate_schedules"][1]["lines"]
        .as_array_mut()
        .into_iter()
        .flatten()
    {
        line["per_unit"] = serde_json::json!("1000000000000");
    }
    v["pool"]["currency_decimals"] = serde_json::json!(6);
    let path = temp_file("huge-rates.json", &v.to_string());
    let usage = serde_json::json!({"format": "patent-pool-usage", "version": 1, "licensee": "L",
        "years": [{"year": 2028, "sales": [{"product": "tv", "country": "US", "units": 1_000_000_000_000u64}]}]});
    let usage = temp_file("huge-usage.json", &usage.to_string());
    let (ok, out, err) = poolcalc(&["fees", "--dataset", &path, "--usage", &usage]);
    assert!(!ok, "{out}");
    assert_eq!(
        err.trim(),
        "poolcalc: years[0].year: year 2028: this total is too large to compute exactly"
    );
}

#[test]
fn report_json_is_the_engines_report_card() {
    use poolcalc_views::report_card::{Options, report_card, report_json};
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
