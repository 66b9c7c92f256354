//! `poolcalc stack`, run as a user would: each pool licence of the bundled stacks is what
//! `poolcalc fees` gives for the same sales on that pool alone, and the total is the sum.

mod common;

use std::path::PathBuf;

use common::{json, poolcalc, temp_file};

use poolcalc_engine::stack::{Terms, load_stack};
use serde_json::Value;

fn public(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../public")
        .join(path)
}

/// The file of a bundled dataset, through public/datasets/index.json.
fn dataset_file(id: &str) -> String {
    let index = json(&std::fs::read_to_string(public("datasets/index.json")).unwrap_or_default());
    let file = index["datasets"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["id"] == id)
        .and_then(|e| e["file"].as_str())
        .unwrap_or_else(|| panic!("no bundled dataset {id}"));
    public(&format!("datasets/{file}"))
        .to_string_lossy()
        .into_owned()
}

fn money(v: &Value) -> poolcalc_engine::Decimal {
    v.as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not money: {v}"))
}

#[test]
fn each_pool_part_is_what_poolcalc_fees_gives_for_the_same_sales() {
    for file in ["4k-tv.json", "connected-car.json"] {
        let path = public(&format!("stacks/{file}"));
        let path = path.to_string_lossy();
        let (ok, out, err) = poolcalc(&["stack", &path, "--json"]);
        assert!(ok, "{file}: {err}");
        let got = json(&out);
        let stack = load_stack(&std::fs::read_to_string(&*path).unwrap_or_default())
            .unwrap_or_else(|i| panic!("{file}: {i:?}"));
        let mut pools = 0;
        for (i, l) in stack.licences.iter().enumerate() {
            let Terms::Pool {
                dataset: poolcalc_engine::stack::PoolRef::Bundled(id),
                ..
            } = &l.terms
            else {
                continue;
            };
            pools += 1;
            let usage = stack.usage_for(i).unwrap_or_else(|| panic!("{}", l.id));
            let usage_path = temp_file(&format!("{}-{}.json", file, l.id), &usage.to_json());
            let (ok, fees, err) = poolcalc(&[
                "fees",
                "--dataset",
                &dataset_file(id),
                "--usage",
                &usage_path,
                "--json",
            ]);
            assert!(ok, "{file} {}: {err}", l.id);
            let fees = json(&fees);
            let part = &got["licences"][i];
            assert_eq!(part["id"], l.id.as_str());
            assert_eq!(part["payable"], fees["total"], "{file} {}", l.id);
            for fy in fees["years"].as_array().into_iter().flatten() {
                let year = part["years"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .find(|y| y["year"] == fy["year"])
                    .unwrap_or_else(|| panic!("{file} {}: no year {}", l.id, fy["year"]));
                assert_eq!(
                    year["payable"], fy["payable"],
                    "{file} {} {}",
                    l.id, fy["year"]
                );
            }
        }
        assert!(pools >= 1, "{file} has no pool licence");
        let parts: poolcalc_engine::Decimal = got["licences"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|l| money(&l["payable"]))
            .sum();
        assert_eq!(parts, money(&got["total"]["payable"]), "{file}");
    }
}

#[test]
fn what_if_and_text_output() {
    let path = public("stacks/connected-car.json");
    let (ok, out, err) = poolcalc(&["stack", &path.to_string_lossy(), "--json"]);
    assert!(ok, "{err}");
    let v = json(&out);
    let w = &v["what_if"];
    assert_eq!(w["licences"][0]["id"], "avanci-5g");
    assert_eq!(
        money(&w["total"]["difference"]),
        money(&w["licences"][0]["difference"])
    );
    assert!(money(&w["total"]["difference"]) < poolcalc_engine::Decimal::ZERO);
    let (ok, text, err) = poolcalc(&["stack", &path.to_string_lossy()]);
    assert!(ok, "{err}");
    // The text groups thousands as the pages do; the JSON keeps the plain number.
    let total = money(&v["total"]["payable"]);
    assert!(
        text.contains(&poolcalc_views::format::grouped(total, total.scale())),
        "{text}"
    );
    assert!(text.contains("what-if"), "{text}");
}

#[test]
fn a_broken_stack_is_refused_with_every_problem_at_its_path() {
    let text = r#"{"format": "poolcalc-stack", "version": 1,
        "product": {"name": "X", "currency": "usd", "price": 10},
        "sales": {"years": []},
        "licences": [{"id": "a", "type": "pool", "dataset": "avc-style"}]}"#;
    let (ok, _, err) = poolcalc(&["stack", &temp_file("broken.json", text)]);
    assert!(!ok);
    for want in [
        "product.currency: \"usd\" is not an ISO 4217 currency code",
        "product.price: decimals are written as strings",
        "sales.years: give the units of at least one year",
        "licences[0]: missing field `product`",
    ] {
        assert!(err.contains(want), "missing {want:?} in {err}");
    }
    // A pool that is not bundled is named, with where it was looked for.
    let text = r#"{"format": "poolcalc-stack", "version": 1,
        "product": {"name": "X", "currency": "USD", "price": "10"},
        "sales": {"years": [{"year": 2026, "countries": [{"country": "US", "units": 5}]}]},
        "licences": [{"id": "a", "type": "pool", "dataset": "nope", "product": "p"}]}"#;
    let datasets = public("datasets");
    let (ok, _, err) = poolcalc(&[
        "stack",
        &temp_file("unknown.json", text),
        "--datasets",
        &datasets.to_string_lossy(),
    ]);
    assert!(!ok);
    assert!(
        err.contains("licences[0].dataset: no bundled dataset \"nope\""),
        "{err}"
    );
}

#[test]
fn report_with_a_stack_gives_the_stacks_own_figures_for_the_year() {
    let stack = public("stacks/4k-tv.json").to_string_lossy().into_owned();
    let (ok, out, err) = poolcalc(&["stack", &stack, "--json"]);
    assert!(ok, "{err}");
    let whole = json(&out);
    let (ok, out, err) = poolcalc(&[
        "report",
        "--dataset",
        &dataset_file("hevc-advance-style"),
        "--year",
        "2027",
        "--stack",
        &stack,
        "--json",
    ]);
    assert!(ok, "{err}");
    let report = json(&out);
    let rows = report["sections"][0]["indicators"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| i["id"] == "stack_per_unit")
        .map(|i| i["rows"].clone())
        .unwrap_or_else(|| panic!("no stack rows in {report}"));
    let year = whole["years"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|y| y["year"] == 2027)
        .unwrap_or_else(|| panic!("no 2027 in {whole}"));
    let per_unit = money(&year["per_unit"]).round_dp(2);
    let last = rows
        .as_array()
        .and_then(|r| r.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(money(&last["value"]), per_unit, "{last}");
    // The bundled pool's own row says it is this pool.
    assert!(
        rows.as_array()
            .into_iter()
            .flatten()
            .any(|r| r["subject"] == "stack_licence=hevc;this_pool"),
        "{rows}"
    );
}
