//! The version 2 additions to the command-line contract (pool-dataset-v2): `terms-history`
//! and the v2 fields of `fees --json`, run on the v2 worked example.

mod common;

use common::{fees_json, json, poolcalc, temp_file, test_data};
use serde_json::json;

/// A file of the version 2 worked example.
fn data(file: &str) -> String {
    test_data(&format!("v2/{file}"))
}

#[test]
fn terms_history_json_counts_the_one_rise_above_the_limit() {
    let (ok, out, err) = poolcalc(&["terms-history", "--dataset", &data("pool.json"), "--json"]);
    assert!(ok, "{err}");
    let v = json(&out);
    assert_eq!(v["max_rate_rise"], "0.20");
    assert_eq!(v["over"], 1);
    let changes = v["changes"].as_array().cloned().unwrap_or_default();
    assert_eq!(changes.len(), 10);
    let over: Vec<_> = changes.iter().filter(|c| c["over"] == true).collect();
    assert_eq!(over.len(), 1);
    assert_eq!(over[0]["product"], "dec");
    assert_eq!(over[0]["to_schedule"], "2028-new");
    assert_eq!(over[0]["rise"], "0.2500");
    // Exactly at the limit is not above it.
    let svc = changes
        .iter()
        .find(|c| c["to_schedule"] == "2028-new" && c["field"] == "service_tiers[1].amount");
    assert_eq!(
        svc.map(|c| (c["rise"].clone(), c["over"].clone())),
        Some(("0.2000".into(), false.into()))
    );
}

#[test]
fn terms_history_prints_a_table_with_the_rise_above_the_limit_marked() {
    let (ok, out, err) = poolcalc(&["terms-history", "--dataset", &data("pool.json")]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "max_rate_rise 0.20: 1 of 10 rates rose above it");
    assert!(lines[1].starts_with("product  region  from"), "{out}");
    let marked: Vec<&&str> = lines
        .iter()
        .filter(|l| l.ends_with("above the limit"))
        .collect();
    assert_eq!(marked.len(), 1, "{out}");
    assert!(
        marked[0].starts_with("dec ")
            && marked[0].contains("2028-new")
            && marked[0].contains("0.2500")
    );
    // A rate whose old value is 0 has no rise.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("service_tiers[0].amount") && l.contains('—'))
    );
}

#[test]
fn a_pool_without_renewals_has_no_history() {
    let pool = std::fs::read_to_string(data("pool.json")).unwrap_or_default();
    let mut v = json(&pool);
    v["rate_schedules"] = json!([v["rate_schedules"][0].clone()]);
    v["licensees"] = json!([]);
    v["pool"].as_object_mut().map(|p| p.remove("max_rate_rise"));
    let path = temp_file("one-schedule.json", &v.to_string());
    let (ok, out, err) = poolcalc(&["terms-history", "--dataset", &path]);
    assert!(ok, "{err}");
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "no max_rate_rise; 0 rates compared",
            "no schedule follows another: nothing to compare"
        ]
    );
}

#[test]
fn fees_json_gives_reasons_and_service_lines() {
    let v = fees_json(&data("pool.json"), &data("usage.json"));
    let y = &v["years"][0];
    assert_eq!(y["exempt"][1]["reason"], "paid_upstream");
    assert_eq!(y["lines"][1]["measures"]["users"], "110000");
    assert_eq!(y["lines"][1]["tier"], 1);
    assert_eq!(v["total"], "105660.00");
}

#[test]
fn a_version_1_file_using_a_version_2_field_fails_validation_naming_it() {
    let pool = std::fs::read_to_string(data("pool.json")).unwrap_or_default();
    let mut v = json(&pool);
    v["version"] = json!(1);
    let path = temp_file("v1-with-v2.json", &v.to_string());
    let (ok, out, _) = poolcalc(&["validate", &path]);
    assert!(!ok);
    assert!(
        out.lines().any(|l| l
            == "pool.max_rate_rise: `max_rate_rise` needs version 2 of the format: set \"version\": 2 to use it"),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.starts_with(
            "rate_schedules[0].requires_patent_in_force: \"made_or_sold\" needs version 2"
        )),
        "{out}"
    );
}
