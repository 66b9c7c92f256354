//! The terms editor's page model: a dataset written field by field, problems on their fields,
//! a copy of every bundled dataset, and a patent list taken into a draft.

use poolcalc_engine::load_dataset;
use poolcalc_studio::draft::{
    Draft, Kind, LineKind, check, field_problem, set_field, set_line_kind,
};
use poolcalc_studio::{ImportOptions, import_file};
use serde_json::json;

fn type_in(d: &mut Draft, path: &str, kind: Kind, text: &str) {
    set_field(&mut d.dataset, path, kind, text);
}

/// A pool written the way a person fills the forms, field by field.
fn written() -> Draft {
    let mut d = Draft::from_scratch();
    type_in(&mut d, "pool.id", Kind::Text, "demo-pool");
    type_in(&mut d, "pool.name.en", Kind::Text, "Demo pool");
    type_in(&mut d, "pool.name.zh", Kind::Text, "演示专利池");
    type_in(&mut d, "pool.administrator", Kind::Text, "Demo Admin");
    type_in(&mut d, "pool.standards", Kind::Names, "H.264, H.265");
    type_in(&mut d, "pool.as_of", Kind::Date, "2026-05-01");
    d.push("members");
    type_in(&mut d, "members[0].name", Kind::Text, "Alpha");
    type_in(&mut d, "members[0].country", Kind::Text, "US");
    d.push("products");
    type_in(&mut d, "products[0].name.en", Kind::Text, "Decoder");
    type_in(
        &mut d,
        "products[0].typical_price",
        Kind::Decimal,
        "1,200.00",
    );
    type_in(&mut d, "products[0].industry_margin", Kind::Percent, "8 %");
    d.push("rate_schedules");
    type_in(&mut d, "rate_schedules[0].from_year", Kind::Year, "2026");
    d.push("rate_schedules[0].lines");
    set_line_kind(
        &mut d.dataset,
        "rate_schedules[0].lines[0]",
        LineKind::Tiers,
    );
    type_in(
        &mut d,
        "rate_schedules[0].lines[0].tiers[0].per_unit",
        Kind::Decimal,
        "0.10",
    );
    d.push("rate_schedules[0].lines[0].tiers");
    type_in(
        &mut d,
        "rate_schedules[0].lines[0].tiers[0].up_to",
        Kind::UpTo,
        "100,000",
    );
    type_in(
        &mut d,
        "rate_schedules[0].lines[0].tiers[0].per_unit",
        Kind::Decimal,
        "0.20",
    );
    type_in(
        &mut d,
        "distribution.management_fee.percent",
        Kind::Percent,
        "12.5",
    );
    d
}

#[test]
fn a_pool_written_in_the_forms_is_a_valid_dataset() {
    let d = written();
    let checked = check(&d);
    assert_eq!(checked.issues, vec![], "{}", d.text());
    let text = checked.valid.expect("valid");
    let ds = load_dataset(&text).expect("loads");
    assert_eq!(ds.pool.id, "demo-pool");
    assert_eq!(
        d.dataset["rate_schedules"][0]["lines"][0]["tiers"],
        json!([{"up_to": 100_000, "per_unit": "0.20"}, {"up_to": null, "per_unit": "0.10"}])
    );
    assert_eq!(
        d.dataset["distribution"]["management_fee"]["percent"],
        json!("0.125")
    );
}

#[test]
fn problems_fall_on_the_fields_that_hold_them() {
    let mut d = written();
    // Typed text that does not read is kept, and both the field and the engine say so.
    type_in(&mut d, "rate_schedules[0].from_year", Kind::Year, "20x6");
    type_in(
        &mut d,
        "products[0].typical_price",
        Kind::Decimal,
        "12,5 USD",
    );
    d.push("regions");
    type_in(&mut d, "regions[1].countries", Kind::Countries, "cn, EUR");
    let checked = check(&d);
    assert!(checked.valid.is_none());
    assert!(
        !checked.on("rate_schedules[0].from_year").is_empty(),
        "{:?}",
        checked.issues
    );
    assert!(
        !checked.on("products[0].typical_price").is_empty(),
        "{:?}",
        checked.issues
    );
    assert!(
        !checked.on("regions[1].countries").is_empty(),
        "{:?}",
        checked.issues
    );
    assert!(checked.on("pool.id").is_empty());
    assert_eq!(d.get("rate_schedules[0].from_year"), Some(&json!("20x6")));
    assert!(field_problem(d.get("regions[1].countries"), Kind::Countries, false).is_some());
    // Fixing them makes it valid again.
    type_in(&mut d, "rate_schedules[0].from_year", Kind::Year, "2026");
    type_in(&mut d, "products[0].typical_price", Kind::Decimal, "12.5");
    d.remove("regions", 1);
    assert_eq!(check(&d).issues, vec![]);
}

#[test]
fn every_bundled_dataset_is_a_valid_draft_and_unchanged() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/datasets");
    for name in [
        "worked-example",
        "avc-style",
        "hevc-advance-style",
        "streaming-style",
        "vvc-style",
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{name}.json")).expect("bundled");
        let ds = load_dataset(&text).expect("bundled loads");
        let draft = Draft::from_dataset_json(&ds.to_json()).expect("a copy");
        let again = load_dataset(&check(&draft).valid.expect("valid copy")).expect("loads");
        // Names of one language become `{"en": …}`; everything else is as it was.
        assert_eq!(again.patents, ds.patents, "{name}");
        assert_eq!(again.members, ds.members, "{name}");
        assert_eq!(again.rate_schedules, ds.rate_schedules, "{name}");
        assert_eq!(again.distribution, ds.distribution, "{name}");
        assert_eq!(again.licensees, ds.licensees, "{name}");
        assert_eq!(again.regions.len(), ds.regions.len(), "{name}");
        assert_eq!(again.pool.name.get("en"), ds.pool.name.get("en"), "{name}");
    }
}

#[test]
fn a_patent_list_comes_into_a_draft_and_keeps_what_was_written() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/access-advance.csv");
    let bytes = std::fs::read(file).expect("test file");
    let import = import_file(&bytes, None, &ImportOptions::default()).expect("imports");
    let mut d = written();
    d.take_list(&import, "access-advance.csv");
    assert_eq!(d.len("patents"), import.patents.len());
    let first = d.dataset["members"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    type_in(&mut d, "members[0].country", Kind::Text, "KR");
    d.take_list(&import, "access-advance.csv");
    assert_eq!(d.dataset["members"][0]["id"], json!(first));
    assert_eq!(d.dataset["members"][0]["country"], json!("KR"));
}
